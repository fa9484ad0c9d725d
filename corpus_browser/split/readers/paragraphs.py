"""Paragraphs: the units every reader builds a seed from.

A unit is one line, or a paragraph of lines when the text is hard-wrapped
(broken at a fixed width, as Project Gutenberg books are). A line much
shorter than the width ends its paragraph, so verse, addresses, contents
lists and the metadata lines under a title stay lines. A reader feeds the
seed's lines in order to a `UnitBuilder`, and hands it the units its format
marks up as wholes (a heading with its underline, a front-matter block).
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from corpus_browser.lang import rules
from corpus_browser.lang.text import clean, indent_of, is_all_caps, is_title_case, more_words_than
from corpus_browser.model import Role, Unit

#: A seed whose longest tenth of lines is longer than this is not hard-wrapped.
_WRAP_MAX_WIDTH = 100
#: A line shorter than this share of the seed's line width ends its paragraph.
SHORT_LINE_SHARE = 0.5
#: A seed of at least this many lines, fewer than this share of them blank, is unbroken (`is_unbroken`).
UNBROKEN_MIN_LINES, UNBROKEN_MAX_BLANK_SHARE = 100, 0.01
#: A headline's line has at most this many words.
HEADLINE_LINE_MAX_WORDS = 8
#: A line standing alone of at most this many words is read without a footnote's mark at its end.
ANCHORED_LINE_MAX_WORDS = 12
#: A headline's line in title case with no full stop at its end is at most this share of the seed's line width.
TITLE_LINE_MAX_WIDTH_SHARE = 0.75
#: A label over what follows: a capitalised word or up to four, ending in a colon (`Bug fixes:`, `New features:`).
_LABEL = re.compile(r"[^\W\d_a-z][\w'’-]*(?: [\w'’-]+){0,3}:")
#: The end of a line that says more follows it.
_GOES_ON = frozenset(":,;-")
#: What ends a sentence, and the closing marks that may follow it.
_SENTENCE_ENDS, _CLOSING = frozenset(".!?"), "\"”’')]"


@dataclass(slots=True)
class _Paragraph:
    """A paragraph as it is read: its cleaned lines so far."""

    lines: list[str]
    first: int
    last: int
    gap_before: int
    indent: int
    short: bool
    """Its last line is much shorter than the seed's lines: the paragraph has ended."""
    headline: _Shape | None = None
    """In an unbroken seed, how its shape opened it as a headline, if it did."""
    in_column: bool = False
    """It opens with a roman numeral set apart in a column (`rules.ALIGNED_NUMERAL`), as a contents list's lines do."""


class _Shape(enum.Enum):
    """What a line's shape says in an unbroken seed (`UnitBuilder._shape`)."""

    OPENS_CAPITALS = "opens a headline in capitals"
    OPENS_TITLE = "opens a headline of one line in title case"
    CONTINUES = "continues the headline in capitals"
    UNDER = "opens the text under a headline"


class UnitBuilder:
    """Collects a seed's units in order, counting the blank lines before each.

    In a seed with no blank lines to part its paragraphs (`is_unbroken`: raw OCR
    of a newspaper page), a line's shape parts them instead: a line in capitals
    after a line that ends what it says (`_ends_a_line_of_its_own`) opens a
    headline, and the capital lines under it are the headline's; a short line
    in title case after a sentence's end (`Duma Approves War Loan.`) is a
    headline of its own; the line under a headline opens its text."""

    def __init__(self, join_wrapped: bool, width: int = 0, unbroken: bool = False):
        self.join_wrapped = join_wrapped
        self.width = width
        self.short_line = int(width * SHORT_LINE_SHARE)
        self.unbroken = unbroken
        self._units: list[Unit] = []
        self._open: _Paragraph | None = None
        self._gap = 0

    def line(self, number: int, raw: str) -> None:
        """Add line `number` of the seed: a blank, a new paragraph, or the next
        line of the open one (wrapped text: `_continues`)."""
        text = clean(raw) if raw else ""
        if not text:
            self._close()
            self._gap += 1
            return
        short = len(text) < self.short_line
        shape = self._shape(text) if self.unbroken and self._open is not None else None
        if shape is _Shape.CONTINUES or (shape is None and self.join_wrapped and self._open is not None
                                         and not self._open.short and self._continues(text, raw)):
            self._open.lines.append(text)
            self._open.last = number
            self._open.short = short
            return
        carried = self._headline_lines_above() if shape is _Shape.OPENS_CAPITALS else []
        self._close()
        headline = shape if shape in (_Shape.OPENS_CAPITALS, _Shape.OPENS_TITLE) else None
        # A headline of an unbroken seed stands apart as if after a blank line: its shape is its break.
        gap = max(self._gap, 1) if headline else self._gap
        self._open = _Paragraph([*carried, text], number - len(carried), number, gap, indent_of(raw), short, headline,
                                bool(rules.ALIGNED_NUMERAL.match(raw.lstrip())))
        self._gap = 0

    def _continues(self, text: str, raw: str) -> bool:
        """Whether a line goes on with the open paragraph: not a list item, nor a
        line numbered in a column under another (`XIV.    On Duty` under `XIII.   On …`), nor a
        numbered section's line after a sentence's end (`1.1. How …?` over `1.2.
        How …?`, not `question` over `7.1. If …`), nor a short label set deeper
        under a line of its own (a release's `Release 4.1.0 Tue March 3 2020`
        over `    Bug fixes:`; not `  by Jane Doe` under a book's title)."""
        last, indent = self._open.lines[-1], indent_of(raw)
        return not starts_list_item(text) \
            and not (self._open.in_column and rules.ALIGNED_NUMERAL.match(raw.lstrip())) \
            and not (rules.SECTION_NUMBER.match(text) and last.rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS) \
            and not (indent > self._open.indent and len(self._open.lines) == 1 and _LABEL.fullmatch(text)
                     and last[-1:] not in _GOES_ON)

    def _headline_lines_above(self) -> list[str]:
        """The open paragraph's last lines in capitals, taken off it (the whole
        paragraph when it is only such lines): a headline's first lines, which
        the line before them (OCR's garbage, a sentence cut off by the column)
        did not let open it (`THE STATE OF` over `VERMONT`)."""
        assert self._open is not None
        lines = self._open.lines
        count = 0
        while count < len(lines) and _headline_line(lines[-1 - count]):
            count += 1
        if count == len(lines):  # the headline's break is the paragraph's
            self._gap, self._open = self._open.gap_before, None
            return lines
        carried, self._open.lines = lines[len(lines) - count:], lines[:len(lines) - count]
        self._open.last -= count
        return carried

    def _shape(self, text: str) -> _Shape | None:
        """What the shape of line `text` says in an unbroken seed, after the open
        paragraph; None when it says nothing (see the class docstring)."""
        assert self._open is not None
        before, headline = self._open.lines[-1], self._open.headline
        capitals = _headline_line(text)
        if capitals and headline is _Shape.OPENS_CAPITALS:
            return _Shape.CONTINUES
        if capitals and _ends_a_line_of_its_own(before):
            return _Shape.OPENS_CAPITALS
        if headline is None and _title_line(text, self.width) and before.rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS:
            return _Shape.OPENS_TITLE
        return _Shape.UNDER if headline else None

    def unit(self, text: str, first: int, last: int, role: Role = Role.PROSE, *, indent: int = 0,
             **fields: object) -> None:
        """Add a unit the reader made whole (lines `first` to `last`)."""
        self._close()
        self._units.append(Unit(text, first, last, role, gap_before=self._gap, indent=indent, **fields))
        self._gap = 0

    def end_paragraph(self) -> None:
        """Close the open paragraph, so the next line starts a new one."""
        self._close()

    def verbatim(self, lines: Sequence[str], start: int, end: int) -> None:
        """Lines `start` to `end` (indexes, both included) of a block of code or
        markup, each a verbatim unit: never a heading, never boilerplate."""
        for number in range(start, end + 1):
            if lines[number].strip():
                self.unit(clean(lines[number]), number + 1, number + 1, Role.VERBATIM)
            else:
                self.line(number + 1, lines[number])

    def units(self) -> list[Unit]:
        self._close()
        return self._units

    def _close(self) -> None:
        if self._open is not None:
            paragraph = self._open
            text = " ".join(paragraph.lines)
            if len(paragraph.lines) == 1 and not more_words_than(text, ANCHORED_LINE_MAX_WORDS):
                text = rules.FOOTNOTE_ANCHOR.sub("", text) or text  # (`LETTER XLI. {399b}`: a title, its note's mark)
            self._units.append(Unit(text, paragraph.first, paragraph.last, Role.PROSE,
                                    gap_before=paragraph.gap_before, indent=paragraph.indent))
            self._open = None


def _headline_line(text: str) -> bool:
    """A line of a headline: in capitals, and short."""
    return is_all_caps(text) and len(text.split()) <= HEADLINE_LINE_MAX_WORDS


def _title_line(text: str, width: int) -> bool:
    """A headline's line in title case: two words or more, and few, every word
    capitalised but the small ones, no comma, and a full stop at its end or
    well short of the column's `width`; a sentence that opens with a name
    (`Former Senator Lee Mantle of Butte`) runs on to the column's edge."""
    words = text.split()
    if not 2 <= len(words) <= HEADLINE_LINE_MAX_WORDS or "," in text or not is_title_case(text):
        return False
    if any(word[:1].islower() and word.casefold() not in rules.MINOR_WORDS for word in words):
        return False
    return text.endswith(".") or (text[-1].isalnum() and len(text) <= TITLE_LINE_MAX_WIDTH_SHARE * width)


def _ends_a_line_of_its_own(line: str) -> bool:
    """Whether what `line` says ends with it: a sentence's end, or a word in capitals
    or a number (a masthead's `$2.00 Per Year`), where a sentence running on to the
    next line would end it with a word in small letters, a comma or a hyphen."""
    last = line.rstrip(_CLOSING)[-1:]
    word = line.rsplit(" ", 1)[-1]
    return last in _SENTENCE_ENDS or (last.isalnum() and (word[:1].isupper() or word[:1].isdigit()))


def is_numbered(text: str) -> bool:
    """A line that opens with a number, as a list's item or a section does (`3. …`, `7.1. …`)."""
    return bool(rules.NUMBERED_ITEM.match(text) or rules.SECTION_NUMBER.match(text))


def starts_list_item(text: str) -> bool:
    """A line that opens a list item (a bullet or a number), never joined to the line before."""
    return bool(rules.BULLET_ITEM.match(text) or rules.NUMBERED_ITEM.match(text))


def line_width(lines: Sequence[str]) -> int:
    """The length of the seed's long lines (its longest tenth): the width it is wrapped at, if it is."""
    filled = [len(line.strip()) for line in lines if line.strip()]
    return int(statistics.quantiles(filled, n=10)[-1]) if len(filled) >= 4 else 0


def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Paragraphs broken at a fixed width (Project Gutenberg style): most lines
    short, and most of them followed by another line of the same paragraph."""
    lengths = [len(line.strip()) for line in lines]
    filled = [length for length in lengths if length]
    if len(filled) < 4 or line_width(lines) > _WRAP_MAX_WIDTH:
        return False
    continued = sum(1 for a, b in zip(lengths, lengths[1:]) if a and b)
    return continued >= 0.3 * len(filled)


def is_unbroken(lines: Sequence[str]) -> bool:
    """A seed of many lines that hardly ever leaves one blank (raw OCR): blank lines
    do not part its paragraphs."""
    blank = sum(1 for line in lines if not line.strip())
    return len(lines) >= UNBROKEN_MIN_LINES and blank < UNBROKEN_MAX_BLANK_SHARE * len(lines)


def text_builder(lines: Sequence[str]) -> UnitBuilder:
    """A builder for a plain-text seed: paragraphs are joined only if it is
    hard-wrapped, and a short line ends one."""
    wrapped = is_hard_wrapped(lines)
    return UnitBuilder(join_wrapped=wrapped, width=line_width(lines) if wrapped else 0, unbroken=is_unbroken(lines))
