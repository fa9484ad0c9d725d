"""Plain data passed between the stages: read, segment, extract, render, write.

Every value here is a frozen dataclass; a stage returns new objects and never
fills in a field of an object it was given.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Format(enum.Enum):
    """How a seed's text is structured, as its content shows (see `formats.py`)."""

    TEXT = "text"
    """Plain text: articles and headings are recognised by layout."""
    MARKDOWN = "markdown"
    """Markdown: ATX (`#`) and setext headings, YAML front-matter blocks anywhere."""
    RST = "rst"
    """reStructuredText: titles underlined (and perhaps overlined) with punctuation."""
    WIKI = "wiki"
    """Wiki markup or AsciiDoc: `= Title =`, `== Section` headings."""
    ORG = "org"
    """Org mode, Emacs outlines: `* Heading`, `** Subheading`."""
    MAIL = "mail"
    """A mail archive (mbox) or one message: each message is an article."""


@dataclass(frozen=True)
class Seed:
    """One input file, decoded into lines."""

    name: str
    """File name relative to the seeds folder, e.g. `blog.txt`, shown readably
    (`errors.readable`: `caf\\xe9.txt` for a name that is not UTF-8)."""
    format: Format
    lines: tuple[str, ...]
    """The file's lines without line endings; line `n` is `lines[n - 1]`."""
    format_evidence: str = ""
    """Why the content was read as `format`, for the report and `explain`."""


class Role(enum.Enum):
    """What a unit of text is, as decided by the segmenter."""

    PROSE = "prose"
    HEADING = "heading"
    """A section heading inside an article (a title when it opens one)."""
    LIST_ITEM = "list_item"
    BYLINE = "byline"
    DATE = "date"
    HEADER = "header"
    """Metadata fields: mail headers, a front-matter block, `Key: value` lines."""
    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"
    """A line that only separates articles, such as `* * *`."""


#: Roles of units that belong in an article's body.
BODY_ROLES = frozenset({Role.PROSE, Role.HEADING, Role.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph-sized piece of a seed: one line, or a hard-wrapped paragraph."""

    text: str
    """The text with wrapped lines joined by single spaces."""
    first: int
    """1-based number of the unit's first line in its seed."""
    last: int
    """1-based number of the unit's last line in its seed."""
    role: Role
    marker: str = ""
    """For list items: the bullet or number (`-`, `•`, `3.`); empty otherwise."""
    gap_before: int = 0
    """Blank lines between this unit and the one before it."""
    indent: int = 0
    """Columns of white space before the unit's first line."""
    after_break: bool = False
    """The unit opens the seed, or follows a break at least as strong as the
    one the seed puts between its articles (see `structure.py`)."""
    level: int = 0
    """For headings marked up as such (`#`, underlines, `=`): their rank, 1 the
    highest; 0 for everything else."""
    opens_record: bool = False
    """The format itself starts an article here: a front-matter block, a mail message."""
    names: tuple[str, ...] = ()
    """For bylines: the names they give, parsed once by `recognise`."""
    date: str | None = None
    """For date lines and headers: the date they state (`YYYY-MM-DD` or `YYYY-MM`)."""
    is_label: bool = False
    """A title that only numbers its piece (`LETTER IV`, `1. First Day.`): the name is under it."""

    @property
    def line_count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Segment:
    """The units of one article, as cut from a seed by the segmenter."""

    source: str
    units: tuple[Unit, ...]
    reason: str = ""
    """Why an article starts here, for `build_docs.py explain`."""

    @property
    def first(self) -> int:
        return self.units[0].first

    @property
    def last(self) -> int:
        return self.units[-1].last


class BlockKind(enum.Enum):
    """What a block of an article's body is, for rendering."""

    SUBTITLE = "subtitle"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLET_LIST = "bullet_list"
    NUMBERED_LIST = "numbered_list"


@dataclass(frozen=True, slots=True)
class Block:
    """One renderable piece of an article body."""

    kind: BlockKind
    texts: tuple[str, ...]
    """One text for a paragraph or heading; one per item for a list."""
    start: int = 1
    """For numbered lists: the number of the first item."""


class SetAsideKind(enum.Enum):
    """Why lines of a seed are not part of an article's body."""

    TITLE = "title"
    """The title, or a copy of it right below."""
    BYLINE = "byline"
    DATE = "date"
    HEADER = "header"
    """Metadata fields: mail headers, front-matter, `Key: value` lines."""
    BOILERPLATE = "boilerplate"
    """Repeated footers, widget debris, picture credits, separator lines, and
    front and back matter (licences, contents lists)."""


@dataclass(frozen=True, slots=True)
class SetAside:
    """Lines of a seed kept out of an article's body, and why."""

    first: int
    last: int
    kind: SetAsideKind
    text: str


@dataclass(frozen=True)
class LineTally:
    """How the non-blank lines of a span of a seed were used."""

    prose: int = 0
    metadata: int = 0
    """Titles, repeated titles, bylines, date lines and header fields."""
    boilerplate: int = 0

    def __add__(self, other: LineTally) -> LineTally:
        return LineTally(
            self.prose + other.prose,
            self.metadata + other.metadata,
            self.boilerplate + other.boilerplate,
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One article with its extracted metadata and its body."""

    source: str
    """The seed's file name."""
    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    date: str | None
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, at the precision the seed states it; None when it states none."""
    description: str
    first_line: int
    last_line: int
    words: int
    body: tuple[Block, ...]
    set_aside: tuple[SetAside, ...]
    """Lines of the article's span that are not in its body."""
    prose_lines: int
    """Non-blank lines of the article's span that are in its body."""
    label: str | None = None
    """What numbers the piece in its collection (`Letter IV`, `Sermon IX`), if its heading says."""
    tags: tuple[str, ...] = ()
    """The article's themes; empty until a theme taxonomy tags it."""

    @property
    def body_text(self) -> str:
        """The body's texts, one per line: what tagging, relating and search read."""
        return "\n".join(text for block in self.body for text in block.texts)

    @property
    def tally(self) -> LineTally:
        """How the article's non-blank lines were used."""
        metadata = boilerplate = 0
        for item in self.set_aside:
            lines = item.last - item.first + 1
            if item.kind is SetAsideKind.BOILERPLATE:
                boilerplate += lines
            else:
                metadata += lines
        return LineTally(self.prose_lines, metadata, boilerplate)


@dataclass(frozen=True)
class ArticleFix:
    """Metadata an editor sets for the article that contains `line`."""

    line: int
    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""


@dataclass(frozen=True)
class Overrides:
    """All corrections for one seed; empty when the seed has no sidecar."""

    split_at: frozenset[int] = frozenset()
    """Lines where an article must start."""
    no_split_at: frozenset[int] = frozenset()
    """Lines where an article must not start (they stay in the article before)."""
    boilerplate: frozenset[int] = frozenset()
    """Lines to set aside as boilerplate."""
    articles: tuple[ArticleFix, ...] = field(default=())
    title: str | None = None
    """A readable name for the seed itself, shown to readers instead of its file name."""


@dataclass(frozen=True)
class SeedInput:
    """A readable seed with the editor's corrections for it."""

    seed: Seed
    overrides: Overrides


@dataclass(frozen=True)
class Level:
    """Headings of one kind in a seed, for `explain`."""

    shape: str
    count: int
    example: str
    chosen: bool


@dataclass(frozen=True)
class Layout:
    """Where a seed's articles start and what belongs to none, with the reasons."""

    starts: tuple[tuple[int, str], ...]
    """Index of the unit each article starts at, ascending, and why it starts there."""
    matter: tuple[tuple[int, int, str], ...]
    """Front and back matter: unit index ranges `[first, last)` and why."""
    levels: tuple[Level, ...]
    """The kinds of headings found, and which one was taken for articles."""
    article_break: int | None = None
    """For plain text: the blank lines the seed puts before its articles' titles, if it keeps to a number."""


@dataclass(frozen=True)
class SegmentedSeed:
    """One seed cut into articles, with the lines that belong to none."""

    seed: Seed
    overrides: Overrides
    segments: tuple[Segment, ...]
    matter: tuple[SetAside, ...] = ()
    """Front and back matter (licences, contents lists, title pages), set aside as boilerplate."""
    matter_lines: tuple[tuple[int, int, str], ...] = ()
    """The same as line ranges of the seed, each with the reason it was set aside."""
    layout: Layout | None = None
    """How the seed's structure was read, for `build_docs.py explain`."""


@dataclass(frozen=True)
class SeedSummary:
    """What the build made of one seed."""

    source: str
    format: str
    """How its content was read (`text`, `markdown`, `rst`, `wiki`, `mail`)."""
    articles: int
    tally: LineTally
    """Its non-blank lines: in articles, and set aside as front and back matter."""
    format_evidence: str = ""
    """Why the content was read in that format."""
    matter: tuple[tuple[int, int, str], ...] = ()
    """Front and back matter set aside: line ranges of the seed, with the reason."""
