"""Plain data passed between the stages: source, split, enrich, site, store.

Every type that crosses from one stage to another lives here, so that no stage
imports another for a type. Every value is a frozen dataclass; a stage returns
new objects and never fills in a field of an object it was given.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from corpus_browser.errors import CorpusError

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

T = TypeVar("T")


class Format(enum.Enum):
    """How a seed's text is structured, as its content shows (see `formats.py`)."""

    TEXT = "text"
    """Plain text: articles and headings are recognised by layout."""
    MARKDOWN = "markdown"
    """Markdown: ATX (`#`) and setext headings, YAML front-matter blocks anywhere."""
    RST = "rst"
    """reStructuredText: titles underlined (and perhaps overlined) with punctuation."""
    WIKI = "wiki"
    """Wiki markup: `= Title =`, `== Section ==` headings (and AsciiDoc's `== Section` without its own marks)."""
    ASCIIDOC = "asciidoc"
    """AsciiDoc: `= Document title` over its author, revision and `:attribute:`
    lines, `== Section` headings, delimited blocks (`----`)."""
    ORG = "org"
    """Org mode, Emacs outlines: `* Heading`, `** Subheading`."""
    MAIL = "mail"
    """A mail archive (mbox) or one message: each message is an article."""
    GIT_LOG = "git-log"
    """`git log` output: each commit (`commit <hash>` over its `Author:` and
    `Date:`) is an article, titled by its message's first line."""
    COMMANDS = "commands"
    """Markup that writes its headings as commands, each with its rank (`rules.HEADING_COMMANDS`):
    LaTeX's `\\section{Title}`, Texinfo's `@section Title`, POD's `=head1 Title`, Yodl's `sect(Title)`."""
    EXPORT = "export"
    """What a platform exported (a feed, a WordPress or Ghost export, a table of
    articles, saved web pages): read item by item, never split (`split/imports/`)."""


#: A suffix's format, when the content shows none; the files the seeds folder is read for.
SUFFIX_FORMATS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".rst": Format.RST,
    ".wiki": Format.WIKI,
    ".mediawiki": Format.WIKI,
    ".adoc": Format.ASCIIDOC,
    ".asciidoc": Format.ASCIIDOC,
    ".org": Format.ORG,
    ".tex": Format.COMMANDS,
    ".texi": Format.COMMANDS,
    ".texinfo": Format.COMMANDS,
    ".pod": Format.COMMANDS,
    ".yo": Format.COMMANDS,
    ".eml": Format.MAIL,
    ".mbox": Format.MAIL,
}
#: Suffixes of the files platforms export (`split/imports/`), read for their content like any seed;
#: one that no importer recognises is skipped with a warning.
EXPORT_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm",
                             ".zip"})
#: The suffixes of the files the seeds folder is read for.
SEED_SUFFIXES = frozenset(SUFFIX_FORMATS) | EXPORT_SUFFIXES


@dataclass(frozen=True)
class Seed:
    """One input file, decoded into lines."""

    name: str
    """File name relative to the seeds folder, e.g. `blog.txt` or `2019/blog.md`, shown readably
    (`errors.readable`: `caf\\xe9.txt` for a name that is not UTF-8)."""
    lines: tuple[str, ...]
    """The file's lines without line endings; line `n` is `lines[n - 1]`."""
    format: Format | None = None
    """The format to read the seed in; None (as read from disk) for the
    splitter to tell it from the content (`split.formats.sniff`)."""
    data: bytes = b""
    """The file's bytes when they are not text but a container of it (a zip of an export, or a
    folder read as one: `source.containers`), else empty; `lines` are then its member names."""


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
    VERBATIM = "verbatim"
    """Body text the format sets apart as it is (code, an example, a quotation, and
    the lines that open and close such a block): never read for metadata, never a heading."""


#: Roles of units that belong in an article's body.
BODY_ROLES = frozenset({Role.PROSE, Role.HEADING, Role.LIST_ITEM, Role.VERBATIM})


@dataclass(frozen=True, slots=True)
class Stated:
    """What a source's own metadata states for its article, beside its title,
    authors and date: its tags, whether it is a draft, its summary, its address."""

    tags: tuple[str, ...] = ()
    draft: bool = False
    summary: str | None = None
    address: str | None = None
    """Where the post was published, as its metadata names it (a slug, a
    permalink, Org's `EXPORT_FILE_NAME`): how other posts' links name it."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph-sized piece of a seed: one line, or a hard-wrapped paragraph."""

    text: str
    """The text with wrapped lines joined by single spaces."""
    first: int
    """1-based number of the unit's first line in its seed. A run-in title and
    the text after it share their line (`readers/text.py`); no other units do."""
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
    stated: Stated | None = None
    """For a source's metadata (front matter, Org properties, reST fields): what else it states."""

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
    section: str = ""
    """The heading of the department or part that holds the article (a heading with
    no text of its own over several articles), as printed; empty when none does."""
    credited: tuple[str, ...] = ()
    """The people that heading names, when it is a name alone (an anthology's poet
    over the poems): the article's authors unless it names its own."""
    issued: str | None = None
    """The date of the issue the article appeared in, from the masthead above it
    (`The Monthly` / `Vol. 3, No. 2` / `March 1901`): its date unless it states one."""

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
    CODE = "code"
    QUOTE = "quote"
    TABLE = "table"
    RULE = "rule"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Block:
    """One renderable piece of an article body."""

    kind: BlockKind
    texts: tuple[str, ...]
    """Its plain text, what search, tagging and excerpts read: one text for a
    paragraph, heading or code block; one per item for a list or row for a table."""
    start: int = 1
    """For numbered lists: the number of the first item."""
    markdown: str = ""
    """The block as the source's own markup states it, written as safe Markdown
    (`lang/markdown.py`); empty for a block the site writes from `texts`."""


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
    section: str | None = None
    """The department or part of the seed that holds it (`Poems by Edward Lear`, `Varieties`), if any."""
    tags: tuple[str, ...] = ()
    """The article's themes; empty until a theme taxonomy tags it."""
    source_tags: tuple[str, ...] = ()
    """The tags and categories the source states for it (front matter, Org tags), as written."""
    address: str | None = None
    """Where the source published it (`Stated.address`), for links from other articles to find it."""
    language: str | None = None
    """The language it is written in (an ISO 639-1 code such as `fr`), as the
    sidecar or the configuration sets it or as detected (`enrich/language.py`);
    None until then."""

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
    authors: tuple[str, ...] = ()
    """The author of every article of the seed that names none (`author:` in the sidecar)."""
    tags: tuple[str, ...] = ()
    """Tags every article of the seed carries besides its own (`tags:` in the sidecar)."""
    language: str | None = None
    """The language of the seed's articles (`language: fr`), instead of detecting it."""
    date_order: str | None = None
    """How the seed writes numeric dates such as `05/06/2016`: `day-first` or
    `month-first` (`date_order:`), instead of the order its language uses."""
    article_titles: str | None = None
    """A regular expression the seed's article titles match (`article_titles:`): the
    lines it finds open its articles, and no others do."""
    article_level: int | None = None
    """The heading rank that holds the seed's articles (`article_level: 2` for `##`):
    headings of that rank and above open articles, deeper ones are their sections."""
    never_articles: str | None = None
    """A regular expression of lines that belong to no article (`never_articles:`):
    running heads, page numbers, a blog's structural headings. They are set aside."""
    columns: tuple[tuple[str, str], ...] = ()
    """For a table of articles (CSV, JSON Lines): which column holds each field
    (`title`, `authors`, `date`, `body`, `tags`, `summary`, `subtitle`, `status`), as
    the sidecar's `columns:` maps them, instead of what the column names suggest."""
    body_format: str | None = None
    """For a table of articles: how its bodies are written, `html`, `markdown` or `text`
    (`body_format:`), instead of what the column's name or content suggests."""


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
    issues: tuple[tuple[int, str], ...] = ()
    """For plain text: where each issue's masthead stands (a unit index, ascending) and the date it states."""


@dataclass(frozen=True)
class SegmentedSeed:
    """One seed cut into articles, with the lines that belong to none."""

    seed: Seed
    overrides: Overrides
    format: Format
    """The format the seed was read in."""
    format_evidence: str
    """Why, for the report and `explain`."""
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
    doubts: tuple[str, ...] = ()
    """Why its split still looks wrong, after every reading was weighed (`SplitSeed.doubts`)."""


# --- themes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A theme of the written taxonomy (`themes.yml`)."""

    name: str
    phrases: tuple[str, ...]
    """Lower-case phrases of one to three words."""


@dataclass(frozen=True)
class Taxonomy:
    """The themes, and the thresholds that decide when an article carries one."""

    themes: tuple[Theme, ...] = ()
    auto: bool = False
    """No written themes (`themes: auto`, or no taxonomy file): the corpus's own are discovered."""
    title_weight: int = 3
    min_hits: int = 3
    max_themes: int = 4
    max_share: float = 0.5
    poor_fit: str = "discover"
    """When the written themes fit the corpus poorly: `discover` uses the discovered ones, `keep` keeps them."""


@dataclass(frozen=True)
class ThemeEvidence:
    """Why an article has (or lacks) a theme: the phrases found and how often."""

    theme: str
    hits: int
    """Body hits plus title hits times the title weight."""
    phrases: tuple[tuple[str, int], ...]
    """Each phrase (as written in the taxonomy) with its hits, most first."""


@dataclass(frozen=True)
class Tagging:
    """The tagged articles, with the evidence and the taxonomy's blind spots."""

    articles: tuple[Article, ...]
    evidence: tuple[tuple[ThemeEvidence, ...], ...]
    """Per article, in article order: every theme with at least one hit, strongest first."""
    uncovered: tuple[tuple[str, int], ...] = field(default=())
    """Frequent phrases no theme covers, with the number of articles using them."""


@dataclass(frozen=True)
class DiscoveredTheme:
    """A group of articles that share distinctive vocabulary."""

    name: str
    """The theme's most telling phrase, in Title Case."""
    phrases: tuple[str, ...]
    """Its most telling phrases (lower case, one to three words), those of several words first."""
    articles: tuple[int, ...]
    """Indexes of the articles that carry it, strongest first."""


@dataclass(frozen=True)
class Discovery:
    """The corpus's own themes, and each article's share of them."""

    themes: tuple[DiscoveredTheme, ...]
    shares: tuple[tuple[tuple[str, float], ...], ...]
    """Per article, in article order: the themes it carries with their share of its theme weight, strongest first."""
    separation: float
    """How much more alike the discovered themes' articles are than any two (`discover.cohesion`)."""
    vectors: csr_matrix | None = field(default=None, repr=False, compare=False)
    """The articles' TF-IDF vectors (rows of unit length), for measuring fit; None when the corpus
    has fewer than two articles or no word that is neither too rare nor too common."""
    noise: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    """Words that describe no article (of addresses, markup, link text: `naming.NameRules.noise`),
    and people's names: no phrase holding one is a candidate for a theme."""

    def tags(self) -> list[tuple[str, ...]]:
        return [tuple(name for name, _share in shares) for shares in self.shares]


@dataclass(frozen=True)
class Fit:
    """How well a written taxonomy fits the corpus (`discover.measure_fit`)."""

    coverage: float
    """Share of the articles whose strongest theme is one they are about (`discover.covered`): it has
    at least `min_hits` hits and `hits_per_1000_words`."""
    evenness: float
    """Normalised entropy of the articles over the taxonomy's themes: 1 when spread evenly, 0 when on one."""
    separation: float
    """How much more alike articles sharing a theme are than any two: 1 when no more than chance."""
    discovered: float
    """The same for the discovered themes: the yardstick."""
    problems: tuple[str, ...] = ()
    """Why the taxonomy fits poorly (`discover.FIT_RULES`); empty when it fits."""
    hits_per_1000_words: float = 0.0
    """How densely an article must name its strongest theme to be about it, for `coverage`."""

    @property
    def separation_gap(self) -> float:
        """How the taxonomy's separation above chance (1) compares with the discovered themes':
        0 when as good or better, -1 when it separates nothing while the discovered themes do."""
        if self.discovered <= 1:
            return 0.0
        return max(-1.0, min(0.0, (self.separation - 1) / (self.discovered - 1) - 1))

    @property
    def poor(self) -> bool:
        return bool(self.problems)


@dataclass(frozen=True)
class ThemeChoice:
    """The themes the site uses, where they come from, and what the editor should know."""

    tagging: Tagging
    """The articles tagged with the themes in use."""
    discovery: Discovery
    fit: Fit | None
    """How well the written taxonomy fits; None when there is none (`themes: auto`)."""
    discovered: bool
    """Whether the site uses the discovered themes (no taxonomy, or a poorly fitting one not kept)."""


# --- the stored corpus-wide models (`enrich/models.py`) -------------------------------------


@dataclass(frozen=True, eq=False)
class WordStats:
    """Relating's stored model: in how many articles each word occurs (its document
    frequency), as the last fit counted them. An article's words are weighed by it,
    so that a save weighs only the articles it changed (`enrich/relate.py`)."""

    articles: int
    """How many articles were counted."""
    words: tuple[str, ...]
    """The words counted, in alphabetical order."""
    frequency: np.ndarray
    """In how many articles each of `words` occurs (int64)."""
    languages: tuple[str, ...]
    """The corpus's languages, most first: their stopwords are no terms."""


@dataclass(frozen=True, eq=False)
class TagModel:
    """Tagging's stored model: the spellings of the taxonomy's phrases the corpus
    used at the last fit (`tag.tag_model`), so that an article is tagged by its
    own words alone, and the report's phrases no theme covers."""

    taxonomy: Taxonomy
    """The taxonomy it was fitted for: another taxonomy needs a fit of its own."""
    spellings: Mapping[str, tuple[str, ...]]
    """Each n-gram that spells a phrase of the taxonomy, with the phrases it spells."""
    uncovered: tuple[tuple[str, int], ...] = ()
    """Frequent phrases no theme covers, with the number of articles using them."""


@dataclass(frozen=True, eq=False)
class ThemeModel:
    """Discovery's stored model: the themes NMF found at the last fit, over the
    TF-IDF features of that corpus, with their names (`discover.theme_model`).
    An article the fit saw keeps the weights the fit gave it; any other is
    weighed by its own features alone (`discover.theme_weights`)."""

    features: tuple[str, ...]
    """The words and phrases the themes are made of (the matrix's columns, alphabetical)."""
    idf: np.ndarray
    """Each feature's inverse document frequency at the fit."""
    components: np.ndarray
    """The themes over the features (float32, a row per theme, each of unit length)."""
    names: tuple[str | None, ...]
    """Each theme's name; None for one no article carried at the fit."""
    phrases: tuple[tuple[str, ...], ...]
    """Each theme's telling phrases."""
    separation: float
    """How much more alike the discovered themes' articles were than any two (`discover.cohesion`)."""
    stopwords: tuple[str, ...]
    """Words that start or end no feature (those of the corpus's languages and of discovery), sorted."""
    noise: tuple[str, ...]
    """Words that describe no article (`Discovery.noise`), sorted; no feature starts or ends with one.
    (Sorted tuples, not sets, so the stored model's bytes are the same from one process to the next.)"""
    fitted: tuple[bytes, ...]
    """The content digests of the articles the fit saw, ..."""
    weights: np.ndarray
    """... and the weights it gave each over the themes (float32, a row each)."""


@dataclass(frozen=True, eq=False)
class CorpusModels:
    """Everything corpus-wide a build weighs its articles by, fitted once and kept
    between builds (`enrich/models.py`): applied to the articles a save changed,
    and by a full build alike, they give both the same site."""

    words: WordStats
    themes: ThemeModel | None
    """None when the corpus was too small or too uniform to find themes in."""
    tagging: TagModel
    fit: Fit | None
    """How well the written taxonomy fitted at the fit; None with `themes: auto`."""
    discovered: bool
    """Whether the site uses the discovered themes (no taxonomy, or a poorly fitting one not kept)."""


@dataclass(frozen=True)
class SeedEnrichment:
    """What the models make of one seed's articles, each on its own (`models.enrich_seed`)."""

    digests: tuple[bytes, ...]
    """Each article's content digest (`discover.content_digest`)."""
    vectors: TermVectors
    theme_weights: np.ndarray
    """Each article's weights over the discovered themes (a row each)."""
    evidence: tuple[tuple[ThemeEvidence, ...], ...]
    """Each article's hits of the taxonomy's themes."""


@dataclass(frozen=True)
class Drift:
    """How far the corpus has moved from the one the models were fitted to."""

    changed: float
    """Share of the articles the fit did not see (new, or edited since)."""
    gone: float
    """Share of the articles the fit saw that are no longer in the corpus."""
    new_words: float
    """Share of the articles' term occurrences that are of words the fit did not count."""


@dataclass(frozen=True)
class TermVectors:
    """Some articles' heaviest words with their weights (`relate.term_vectors`), article
    after article, each article's heaviest first (ties in alphabetical order)."""

    word: np.ndarray
    """Each entry's word (int64): its index in `WordStats.words`, or `-1 - k` for `extra[k]`."""
    weight: np.ndarray
    """Each entry's weight (float64): TF-IDF, the article's vector of unit length."""
    bounds: np.ndarray
    """Article i's entries are `bounds[i]:bounds[i + 1]` (int64)."""
    extra: tuple[str, ...]
    """The words the statistics do not know (sorted)."""
    unknown: int
    """Occurrences of words the statistics do not know, ..."""
    terms: int
    """... of all the articles' terms: how far the corpus has drifted from them."""

    def __len__(self) -> int:
        return len(self.bounds) - 1


@dataclass(frozen=True)
class AuthorMerge:
    """Spellings of one author that were merged, for the build summary."""

    name: str
    """The spelling kept: the one used most often."""
    variants: tuple[str, ...]
    """The other spellings found."""


# --- the split corpus, the site and its pages -----------------------------------------


@dataclass(frozen=True)
class SplitSeed:
    """A seed split into articles, with the lines that belong to none."""

    name: str
    format: Format
    format_evidence: str
    """Why the content was read in that format."""
    overrides: Overrides
    articles: tuple[Article, ...]
    matter: tuple[SetAside, ...]
    """Front and back matter, set aside as boilerplate."""
    matter_lines: tuple[tuple[int, int, str], ...]
    """The same as line ranges of the seed, each with the reason it was set aside."""
    layout: Layout | None = None
    """How the seed's structure was read, for `explain`."""
    reasons: tuple[str, ...] = ()
    """Why each article starts where it does, in article order, for `explain`."""
    line_count: int = 0
    """How many lines the seed has."""
    readings: tuple[Reading, ...] = ()
    """The readings of the seed that were weighed, the one taken first (see `split.plausibility`)."""

    @property
    def doubts(self) -> tuple[str, ...]:
        """Why the split taken still looks wrong; empty when it looks right."""
        return self.readings[0].reasons if self.readings else ()


@dataclass(frozen=True)
class Reading:
    """One way of reading a seed that was weighed: its format and article level, and what
    the self-check said of the split it gives (`split.plausibility`)."""

    format: Format
    deeper: int
    """How many heading ranks below the top the article level was looked for."""
    records: bool
    """Whether blocks of fields (front matter, mail headers) opened documents."""
    pieces: int
    score: float
    reasons: tuple[str, ...]
    """Why its split looks wrong; empty when it looks right."""


@dataclass(frozen=True)
class PlacedArticle:
    """An article with the page path it is written to."""

    article: Article
    path: str
    """Below the docs folder, e.g. `articles/blog/my-title.md`."""
    hint: str = ""
    """What tells the article apart where its title is not the corpus's only one
    (its date, its label, the start of its description), shown beside the title
    in lists; "" for a title no other article has."""


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from."""

    title: str
    sources: tuple[str, ...]
    """Seed file names, in seed order."""
    articles: tuple[PlacedArticle, ...]
    """In seed order, then in order within their seed."""
    related: tuple[tuple[int, ...], ...] = ()
    """For each article, the indexes of its related articles, best first."""
    description: str = ""
    """What the collection is (`site_description`)."""
    source_titles: Mapping[str, str] = field(default_factory=dict)
    """Readable names of the seeds whose sidecar gives one (`title:`), by file name."""
    url: str = ""
    """Where the site is published (`site_url`), for the feeds; may be empty."""
    source_url: str = ""
    """Where the source's posts were published, for their links to addresses on that
    site that no page of this one stands for (`site/links.py`); may be empty."""
    language: str = "en"
    """The site's language: the configured one, else that of most of its articles' words
    (`enrich.language.site_language`). Its pages and feeds declare it."""


@dataclass(frozen=True)
class Page:
    """A generated file: its path below the docs folder and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class Corpus:
    """The corpus as the site shows it, with what went wrong reading it."""

    site: Site
    themes: ThemeChoice
    """The themes in use, the discovered ones, and how well the written taxonomy fits."""
    merges: tuple[AuthorMerge, ...]
    """Spellings of one author that were merged."""
    seeds: tuple[SeedSummary, ...]
    errors: tuple[CorpusError, ...]
    warnings: tuple[CorpusError, ...]
    """Files skipped or kept as they were: the build is not complete."""
    doubts: tuple[CorpusError, ...] = ()
    """Seeds whose split may be wrong: advice, made again from the same inputs."""
    refit: str | None = None
    """Why the corpus-wide models were fitted in this build, with the drift figures
    (one line for the user); None when the stored ones served."""

    @property
    def articles(self) -> tuple[PlacedArticle, ...]:
        return self.site.articles

    def theme_counts(self) -> list[tuple[str, int]]:
        """Each theme with its number of articles, most first."""
        return _counts(theme for item in self.articles for theme in item.article.tags)

    def author_counts(self) -> list[tuple[str, int]]:
        """Each author with their number of articles, most first."""
        return _counts(name for item in self.articles for name in item.article.authors)


def _counts(names: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(names).items(), key=lambda item: (-item[1], item[0]))


class Derivations:
    """Objects a stage makes from others (an article with its themes, a placed
    article), remembered from one build to the next by the object each was made
    from: a build that makes the same thing from the same object gets the object
    it made last time, so that later stages tell an unchanged article by its
    reference (`memo.RenderMemo.page`) instead of comparing it field by field.
    A caller that builds again and again keeps one per kind of derivation."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[object, object, object]] = {}
        self._now: dict[int, tuple[object, object, object]] = {}

    def derive(self, source: object, inputs: object, make: Callable[[], T]) -> T:
        """What `make` makes of `source` with `inputs`: the object made last time from
        this very `source` with equal `inputs`, or a new one."""
        key = id(source)
        found = self._last.get(key)
        made = found[2] if found is not None and found[0] is source and found[1] == inputs else make()
        self._now[key] = (source, inputs, made)
        return made

    def finish(self) -> None:
        """A build is done: what it made is what the next one may take."""
        self._last, self._now = self._now, {}


@dataclass(frozen=True)
class WriteReport:
    """What the write did, by page path below the docs folder."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    overwritten: tuple[str, ...] = ()
    """Pages edited by hand since the last build (among those written): the build wrote over the edit."""


@dataclass(frozen=True)
class BuildReport:
    """Everything the command line or the MkDocs plugin needs to tell the user."""

    corpus: Corpus
    written: WriteReport
