"""Segment stage: cut each seed into articles.

The seed's lines become units (a line, or a hard-wrapped paragraph), each unit
gets a role (prose, heading, list item, byline, date, boilerplate, separator),
and article boundaries are placed before headings that open an article.

A heading opens an article when the layout confirms it: it starts the seed or
follows a separator (a run of blank lines longer than the seed's paragraph gap,
or a rule such as `* * *`), it is repeated on the next paragraph, a byline or
date follows it, it follows boilerplate, or a sidecar says so. Headings that
nothing confirms are section headings, unless cutting the text at all of them
yields pieces that read as articles of their own: each at least
`article_min_words` long and `article_mean_words` on average. Sections in blogs
come every few paragraphs; articles run longer.
"""

from __future__ import annotations

import datetime
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import rules
from .boilerplate import find_boilerplate
from .config import SplitRules
from .model import Format, Role, Segment, Seed, Unit
from .overrides import Overrides
from .read import SeedInput
from .text import clean, indent_of, is_all_caps, is_title_case, key, more_words_than, word_count

#: Punctuation that ends a sentence; a heading ending in it must be Title Case.
_SENTENCE_PUNCTUATION = ".!?"
#: Punctuation after which text continues; a line ending in it is never a heading.
_CONTINUING_PUNCTUATION = ",;:…"
#: How many units after a heading may hold its byline, date or repeated title.
_HEAD_WINDOW = 3
#: A seed whose longest tenth of lines is longer than this is not hard-wrapped.
_WRAP_MAX_WIDTH = 100
#: Every date names its year in digits.
_DIGIT = re.compile(r"\d")


def _any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` matches, to try them in one pass."""
    flags = {pattern.flags for pattern in patterns}
    if len(flags) != 1:
        raise ValueError("only patterns with the same flags can be tried as one")
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags.pop())


_WIDGET_LINE = _any_of(rules.WIDGET_PATTERNS)


@dataclass(frozen=True)
class SegmentedSeed:
    """One seed cut into articles."""

    seed: Seed
    overrides: Overrides
    segments: tuple[Segment, ...]


def segment_corpus(inputs: Sequence[SeedInput], split: SplitRules) -> tuple[SegmentedSeed, ...]:
    """Cut every seed into articles; boilerplate is judged across all seeds."""
    units_by_seed = [_units(item.seed, split) for item in inputs]
    keys_by_seed = [[key(unit.text) for unit in units] for units in units_by_seed]
    boilerplate = find_boilerplate(
        (
            # What opens a block is a title; titles may recur ("Weekly Roundup").
            [unit_key for unit, unit_key in zip(units, keys) if not unit.after_break]
            for units, keys in zip(units_by_seed, keys_by_seed)
        ),
        split,
    )
    return tuple(
        SegmentedSeed(item.seed, item.overrides, _segments(item, units, keys, boilerplate, split))
        for item, units, keys in zip(inputs, units_by_seed, keys_by_seed)
    )


# --- units -------------------------------------------------------------------


@dataclass(slots=True)
class _Paragraph:
    """A unit as it is read: its cleaned lines so far."""

    lines: list[str]
    first: int
    last: int
    gap_before: int
    indent: int


def _units(seed: Seed, split: SplitRules) -> list[Unit]:
    """The seed's paragraphs, each knowing whether it follows a break; roles not yet set."""
    paragraphs = _paragraphs(seed)
    separator_gap = max(split.separator_blank_lines, _typical_gap(paragraphs) + 1)
    units: list[Unit] = []
    for paragraph in paragraphs:
        after_break = not units or paragraph.gap_before >= separator_gap \
            or bool(rules.SEPARATOR_LINE.match(units[-1].text))
        units.append(Unit(" ".join(paragraph.lines), paragraph.first, paragraph.last, Role.PROSE,
                          gap_before=paragraph.gap_before, indent=paragraph.indent, after_break=after_break))
    return units


def _paragraphs(seed: Seed) -> list[_Paragraph]:
    """The seed's paragraphs with the blank-line gap before each."""
    join_wrapped = seed.format is Format.MARKDOWN or _is_hard_wrapped(seed.lines)
    paragraphs: list[_Paragraph] = []
    gap = 0
    for number, raw in enumerate(seed.lines, start=1):
        text = clean(raw) if raw else ""
        if not text:
            gap += 1
            continue
        previous = paragraphs[-1] if paragraphs else None
        if (
            join_wrapped
            and previous is not None
            and gap == 0
            and not _starts_own_unit(text, seed.format)
            and not _starts_own_unit(previous.lines[0], seed.format, as_previous=True)
        ):
            previous.lines.append(text)
            previous.last = number
        else:
            paragraphs.append(_Paragraph([text], number, number, gap, indent_of(raw)))
        gap = 0
    return paragraphs


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Paragraphs broken at a fixed width (Project Gutenberg style): most lines
    short, and most of them followed by another line of the same paragraph."""
    lengths = [len(line.strip()) for line in lines]
    filled = [length for length in lengths if length]
    if len(filled) < 4:
        return False
    if statistics.quantiles(filled, n=10)[-1] > _WRAP_MAX_WIDTH:
        return False
    continued = sum(1 for a, b in zip(lengths, lengths[1:]) if a and b)
    return continued >= 0.3 * len(filled)


def _starts_own_unit(text: str, format: Format, as_previous: bool = False) -> bool:
    """List items and Markdown headings are never joined to the line before;
    Markdown headings are never joined to the line after either."""
    is_heading = format is Format.MARKDOWN and text.startswith("#")
    if as_previous:
        return is_heading
    return is_heading or bool(rules.BULLET_ITEM.match(text) or rules.NUMBERED_ITEM.match(text))


# --- roles -------------------------------------------------------------------


def _assign_roles(units: list[Unit], keys: Sequence[str], seed: Seed, boilerplate: frozenset[str],
                  overrides: Overrides, split: SplitRules) -> list[Unit]:
    """The units with their roles; `keys` are the units' `text.key`s."""
    typical_gap = _typical_gap(units)
    base_indent = min((unit.indent for unit in units), default=0)
    roles = [
        _line_role(unit, unit_key, seed.format, boilerplate, overrides)
        for unit, unit_key in zip(units, keys)
    ]
    _mark_lists(units, roles)
    for i, unit in enumerate(units):
        if roles[i] is not Role.PROSE or not _heading_form(unit, unit.indent > base_indent, seed.format, split):
            continue
        gap_after = units[i + 1].gap_before if i + 1 < len(units) else 0
        if seed.format is Format.MARKDOWN or (
            gap_after <= max(typical_gap, 1)
            and (unit.after_break or _has_body(units, roles, i, seed.format, split))
        ):
            roles[i] = Role.HEADING
    return [
        # Units are read as prose, without a marker.
        unit if role is Role.PROSE else replace(unit, role=role, marker=_marker(unit, role))
        for unit, role in zip(units, roles)
    ]


def _typical_gap(units: Sequence[Unit | _Paragraph]) -> int:
    """The seed's usual number of blank lines between paragraphs."""
    gaps = [unit.gap_before for unit in units[1:]]
    return statistics.mode(gaps) if gaps else 1


def _line_role(unit: Unit, unit_key: str, format: Format, boilerplate: frozenset[str],
               overrides: Overrides) -> Role:
    text = unit.text
    if not overrides.boilerplate.isdisjoint(range(unit.first, unit.last + 1)):
        return Role.BOILERPLATE
    if format is Format.MARKDOWN and text.startswith("#"):
        return Role.PROSE
    if unit.line_count == 1 and rules.SEPARATOR_LINE.match(text):
        return Role.SEPARATOR
    if _WIDGET_LINE.match(text):
        return Role.BOILERPLATE
    if unit.line_count == 1 and len(text) <= rules.METADATA_LINE_MAX_CHARS:
        if byline_names(text) is not None:
            return Role.BYLINE
        if is_date_line(text):
            return Role.DATE
    if unit_key in boilerplate:
        return Role.BOILERPLATE
    return Role.PROSE


def _mark_lists(units: Sequence[Unit], roles: list[Role]) -> None:
    """List items come in twos or more: bullets sharing a marker, or consecutive numbers.

    A lone `- text` or `1986. A year` stays prose.
    """
    numbered = {
        i: int(match["number"])
        for i, unit in enumerate(units)
        if roles[i] is Role.PROSE and (match := rules.NUMBERED_ITEM.match(unit.text))
    }
    bullets = {
        i: match["marker"]
        for i, unit in enumerate(units)
        if roles[i] is Role.PROSE and (match := rules.BULLET_ITEM.match(unit.text))
    }
    numbers = sorted(numbered.items())
    for (i, n), (j, m) in zip(numbers, numbers[1:]):
        if m == n + 1:
            roles[i] = roles[j] = Role.LIST_ITEM
    marked = sorted(bullets.items())
    for (i, a), (j, b) in zip(marked, marked[1:]):
        if a == b and j - i <= 3:
            roles[i] = roles[j] = Role.LIST_ITEM


def _heading_form(unit: Unit, indented: bool, format: Format, split: SplitRules) -> bool:
    """Short, one line, starts with a capital or digit, and does not read as a sentence."""
    text = unit.text
    if format is Format.MARKDOWN:
        return text.startswith("#")
    if unit.line_count > 1 or more_words_than(text, split.heading_max_words):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit()):
        return False
    last = text[-1]
    if last in _CONTINUING_PUNCTUATION:
        return False
    if last in _SENTENCE_PUNCTUATION:
        return is_title_case(text) or is_all_caps(text) or (indented and last == ".")
    return True


def _has_body(units: Sequence[Unit], roles: Sequence[Role], i: int, format: Format,
              split: SplitRules) -> bool:
    """A heading introduces text: before the next heading-like line come at
    least `heading_body_min_words` words of prose or list."""
    words = 0
    title = key(units[i].text)
    for unit, role in zip(units[i + 1 :], roles[i + 1 :]):
        if role in (Role.BYLINE, Role.DATE, Role.BOILERPLATE, Role.SEPARATOR) or key(unit.text) == title:
            continue
        if role is not Role.LIST_ITEM and _heading_form(unit, False, format, split):
            break
        words += word_count(unit.text)
        if words >= split.heading_body_min_words:
            return True
    return False


def _marker(unit: Unit, role: Role) -> str:
    """Keep the list marker for list items and the `#`s for Markdown headings."""
    if role is Role.LIST_ITEM:
        match = rules.BULLET_ITEM.match(unit.text) or rules.NUMBERED_ITEM.match(unit.text)
        return unit.text[: match.start("text")].strip()
    if role is Role.HEADING and unit.text.startswith("#"):
        return unit.text[: len(unit.text) - len(unit.text.lstrip("#"))]
    return ""


def is_date_line(text: str) -> bool:
    """A line that is a date, perhaps with a few words around it ("Posted on …")."""
    found = _date_match(text)
    if found is None:
        return False
    rest = text[: found.start()] + " " + text[found.end() :]
    return len(rules.WORD_IN_DATE_LINE.findall(rest)) <= rules.DATE_LINE_MAX_OTHER_WORDS


def find_date(text: str) -> str | None:
    """The first real date in `text`, as ISO `YYYY-MM-DD`."""
    found = _date_match(text)
    return _parse_date(found) if found else None


def _date_match(text: str) -> re.Match[str] | None:
    if not _DIGIT.search(text):
        return None
    for pattern in rules.DATE_PATTERNS:
        match = pattern.search(text)
        if match and _parse_date(match) is not None:
            return match
    return None


def _parse_date(match: re.Match[str]) -> str | None:
    """ISO date from a `DATE_PATTERNS` match, or None when it is no real date."""
    month = match["month"]
    month_number = int(month) if month.isdigit() else rules.MONTHS[month.casefold().rstrip(".")]
    try:
        return datetime.date(int(match["year"]), month_number, int(match["day"])).isoformat()
    except ValueError:
        return None


def byline_names(text: str) -> tuple[str, ...] | None:
    """The names in a byline, or None when the line is not a byline."""
    for pattern in rules.BYLINE_PATTERNS:
        match = pattern.match(text)
        if match:
            names = tuple(name for name in rules.NAME_JOINERS.split(match["names"].strip(" .")) if name)
            if names and all(_is_name(name) for name in names):
                return names
    return None


def _is_name(name: str) -> bool:
    """One to five words of letters (with dots, hyphens, apostrophes), capitalised
    but for particles such as "van"."""
    words = name.split()
    return 0 < len(words) <= rules.NAME_MAX_WORDS and words[0][0].isupper() and all(
        rules.NAME_WORD.match(word) and (word[0].isupper() or word.casefold() in rules.NAME_PARTICLES)
        for word in words
    )


# --- boundaries --------------------------------------------------------------


def _segments(item: SeedInput, raw_units: list[Unit], keys: Sequence[str], boilerplate: frozenset[str],
              split: SplitRules) -> tuple[Segment, ...]:
    seed, overrides = item.seed, item.overrides
    units = _assign_roles(raw_units, keys, seed, boilerplate, overrides, split)
    if not units:
        return ()
    strong = _confirmed_starts(units, seed.format, overrides, split)
    starts = _add_unconfirmed_starts(units, strong, split)
    starts |= {i for i, unit in enumerate(units) if unit.first in overrides.split_at}
    starts = {i for i in starts if i == 0 or units[i].first not in overrides.no_split_at}
    ordered = sorted(starts | {0})
    return tuple(
        Segment(seed.name, tuple(units[a:b]))
        for a, b in zip(ordered, ordered[1:] + [len(units)])
    )


def _confirmed_starts(units: Sequence[Unit], format: Format, overrides: Overrides,
                      split: SplitRules) -> set[int]:
    """Indexes of units where the layout confirms that an article starts."""
    starts = {0}
    for i, unit in enumerate(units):
        if unit.role is not Role.HEADING:
            continue
        if unit.marker == "#":
            starts.add(_with_leading_date(units, i))
            continue
        if format is Format.MARKDOWN:
            continue
        if _repeats_title_above(units, i):
            continue
        after_boilerplate = i > 0 and units[i - 1].role is Role.BOILERPLATE
        if unit.after_break or after_boilerplate or _repeated_or_bylined(units, i):
            starts.add(_with_leading_date(units, i))
    return starts


def _repeats_title_above(units: Sequence[Unit], i: int) -> bool:
    """The heading is the second copy of a title just above it (perhaps around a
    short subtitle), as dumps often double titles."""
    if units[i].after_break:
        return False
    title = key(units[i].text)
    above = units[max(0, i - 2) : i]
    if above and key(above[-1].text) == title:
        return True
    return len(above) == 2 and key(above[0].text) == title and word_count(above[1].text) <= rules.SUBTITLE_MAX_WORDS


def _repeated_or_bylined(units: Sequence[Unit], i: int) -> bool:
    """The heading is repeated right below (perhaps around a short subtitle), or
    a byline or date follows it before any other heading or a break."""
    title = key(units[i].text)
    below = units[i + 1 : i + 1 + _HEAD_WINDOW]
    if below and key(below[0].text) == title:
        return True
    if len(below) > 1 and key(below[1].text) == title and word_count(below[0].text) <= rules.SUBTITLE_MAX_WORDS:
        return True
    for unit in below:
        if unit.after_break:
            return False  # a break ends the article; what follows belongs to the next
        if unit.role in (Role.BYLINE, Role.DATE):
            return True
        if unit.role is Role.HEADING:
            return False
    return False


def _with_leading_date(units: Sequence[Unit], i: int) -> int:
    """An article starts at the date line just above its title, if there is one."""
    return i - 1 if i and units[i - 1].role is Role.DATE else i


def _add_unconfirmed_starts(units: Sequence[Unit], confirmed: set[int], split: SplitRules) -> set[int]:
    """Between confirmed starts, cut at the remaining headings only when every
    piece is long enough to be an article (see the module docstring)."""
    starts = set(confirmed)
    bounds = sorted(confirmed) + [len(units)]
    for a, b in zip(bounds, bounds[1:]):
        candidates = [i for i in range(a + 1, b) if units[i].role is Role.HEADING
                      and not units[i].marker and not _is_block_title(units, a, i)]
        if not candidates:
            continue
        edges = [a] + candidates + [b]
        pieces = [_prose_words(units[x:y]) for x, y in zip(edges, edges[1:])]
        if min(pieces) >= split.article_min_words and statistics.mean(pieces) >= split.article_mean_words:
            starts.update(candidates)
    return starts


def _is_block_title(units: Sequence[Unit], start: int, i: int) -> bool:
    """The heading is the block's own title: nothing but metadata comes before it."""
    return all(unit.role in (Role.DATE, Role.BYLINE, Role.BOILERPLATE, Role.SEPARATOR)
               or key(unit.text) == key(units[i].text) for unit in units[start:i])


def _prose_words(units: Sequence[Unit]) -> int:
    return sum(word_count(unit.text) for unit in units
               if unit.role in (Role.PROSE, Role.LIST_ITEM, Role.HEADING))
