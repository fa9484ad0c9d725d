"""Plain text: paragraphs, and the header blocks of a collection of documents
(see `fields.py`). Which paragraphs are headings, and which headings open
articles, is read from the layout later (see `layout.py`), but for a heading
of two lines underlined together, which opens an entry. A table drawn in
characters (`+----+----+`, `| a  | b  |`) is verbatim: its lines are kept as
they are, never a heading nor boilerplate, and shown preformatted. A
paragraph that opens with a numbered line listed above it (a FAQ's question
in its contents list), run in with its text (`1.1. How do I …? Our site
…`) or over it, is cut in two: the listed line, then the rest."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corpus_browser.lang import rules
from corpus_browser.lang.recognise import is_bare_date
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import underlines
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import is_numbered, text_builder

#: A line of a table drawn in characters: a rule of `-`, `=` and `+` with a `+` in it, or a row between `|`s.
TABLE_LINE = re.compile(r"^\s*(?:\+[-=+:]*[-=][-=+:]*\+?|\|.*\|)\s*$")
#: A drawn table has at least this many lines.
TABLE_MIN_LINES = 3
#: A ledger's line: an entry, then, set off by two spaces or more, an amount of money (`Millbrook. First Ch.   15.00`,
#: `Total  $584.35`), or the amount alone (a sum): cents or a currency sign, so no page number of a contents list.
AMOUNT_LINE = re.compile(r"(?:\S\s{2,}|^\s*)(?:[$£€]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*\.\d\d)\s*$")
#: The rule drawn under a column of amounts before their sum.
SUM_RULE = re.compile(r"\s*(?:-{3,}|={3,})\s*")
#: A paragraph is a ledger when it has an amount and each of its lines is one or a sum's rule, or when
#: at least this many of its lines, and half, are (the others an entry's wrapped lines, or a gift in kind).
LEDGER_MIN_LINES = 2


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)

    def step(i: int) -> int:
        end = _table_end(lines, i)
        kind = _table_kind(lines[i]) if end > i else None
        if end - i >= TABLE_MIN_LINES or kind == rules.LEDGER_MARKER:
            for number in range(i, end):
                builder.unit(clean(lines[number]), number + 1, number + 1, Role.VERBATIM, marker=kind)
            return end
        if under := _underlined_heading(lines, i):  # the title, then what the line under it states (a date)
            builder.unit(clean(lines[i]), i + 1, i + 1, Role.HEADING, level=1, marker=lines[under].strip()[0])
            builder.unit(clean(lines[i + 1]), i + 2, i + 2)
            builder.unit(clean(lines[under]), under + 1, under + 1, Role.SEPARATOR)
            return under + 1
        builder.line(i + 1, lines[i])
        return i + 1

    return _run_in_days(_run_in_titles(walk(lines, builder, step), lines))


#: Where a run-in title may end: a sentence's end, then a space.
_TITLE_END = re.compile(r"[.?!:](?= )")
#: A journal's entries open with their day run in with the text in at least this many paragraphs.
RUN_IN_DAYS_MIN = 5
#: A list of titles holds at least this many numbered lines in a row.
LISTED_MIN_LINES = 3


def _run_in_titles(units: list[Unit], lines: Sequence[str]) -> list[Unit]:
    """The units, each paragraph that opens with a listed title cut in two (see
    the module docstring)."""
    listed = _listed_lines(lines)
    if not listed:
        return units
    cut = []
    for unit in units:
        cut += _cut_title(unit, clean(lines[unit.first - 1]).strip(), listed) if unit.role is Role.PROSE else [unit]
    return cut


def _run_in_days(units: list[Unit]) -> list[Unit]:
    """The units, each paragraph that opens a journal's entry with its day in
    italics (`_21st._--Walked …`) cut in two: the day, a heading that opens
    the entry, then the text; where at least `RUN_IN_DAYS_MIN` paragraphs do,
    one naming a month at least, and most naming no year (a journal names
    the year once)."""
    found = {n: match for n, unit in enumerate(units) if unit.role is Role.PROSE
             and (match := rules.RUN_IN_DAY.match(unit.text)) and _names_a_day(match["day"])}
    named_months = sum(1 for match in found.values() if not rules.DAY_ALONE.match(match["day"]))
    full_dates = sum(1 for match in found.values() if is_bare_date(match["day"]))
    if len(found) < RUN_IN_DAYS_MIN or not named_months or full_dates * 2 > len(found):
        return units  # (points numbered `_1st._`, `_2nd._`; a chronology, each event's date in full)
    cut = []
    for n, unit in enumerate(units):
        if (match := found.get(n)) is None:
            cut.append(unit)
            continue
        title = match["title"].replace("_", "")
        cut += [replace(unit, text=title, last=unit.first, role=Role.HEADING, level=1, marker=rules.DATELINE_MARKER),
                replace(unit, text=unit.text[match.end():], gap_before=0)]
    return cut


def _names_a_day(text: str) -> bool:
    """`21st.`, `February 1st.`, `Wednesday, 16th May`, `January 20th 1798`: a day, no more."""
    return bool(rules.DAY_ALONE.match(text) or rules.MONTH_DAY.match(text) or is_bare_date(text))


def _listed_lines(lines: Sequence[str]) -> dict[str, int]:
    """Each line of a list of titles, mapped to the index of its first line: a
    numbered line that ends a sentence, among at least `LISTED_MIN_LINES`
    numbered lines in a row (a contents list's questions, `1.1. How do I …?`)."""
    listed: dict[str, int] = {}
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if is_numbered(clean(line).strip()):
            run.append(i)
            continue
        if len(run) >= LISTED_MIN_LINES:
            for j in run:
                text = clean(lines[j]).strip()
                if _TITLE_END.match(text[-1] + " "):
                    listed.setdefault(text, j)
        run = []
    return listed


def _cut_title(unit: Unit, first_line: str, listed: dict[str, int]) -> list[Unit]:
    """The paragraph as a title listed above it and the text after it, or as
    it is: a title run in with its first line, or that whole line, the text
    going on under it."""
    if listed.get(first_line, unit.first) < unit.first - 1 and unit.line_count > 1:
        title, rest_first = first_line, unit.first + 1
    else:
        title = next((first_line[:end.end()] for end in _TITLE_END.finditer(first_line)
                      if listed.get(first_line[:end.end()], unit.first) < unit.first - 1), None)
        rest_first = unit.first
    if title is None or not unit.text.startswith(title + " "):
        return [unit]
    return [replace(unit, text=title, last=unit.first),
            replace(unit, text=unit.text[len(title) + 1:], first=rest_first, gap_before=0)]


def _underlined_heading(lines: Sequence[str], start: int) -> int | None:
    """A heading of two lines underlined together with `=` after a blank line, as
    NEWS files head a release (`Overview of changes leading to 8.3.0` over
    `Saturday, November 11, 2023` over `=====`): the index of its underline."""
    under = start + 2
    if under >= len(lines) or (start and lines[start - 1].strip()) or not lines[under].strip().startswith("="):
        return None
    return under if underlines(lines[start], lines[under]) and underlines(lines[start + 1], lines[under]) else None


def _table_kind(line: str) -> str:
    """What a table's lines are marked as: a drawn table, or a ledger of amounts."""
    return "table" if TABLE_LINE.match(line) else rules.LEDGER_MARKER


def _table_end(lines: Sequence[str], start: int) -> int:
    """Where a run of table lines from `start` ends (`start` itself when there is
    none): a table drawn in characters, or a paragraph that is a ledger, whose
    lines (an entry's wrapped lines among them) keep their columns."""
    end = start
    while end < len(lines) and TABLE_LINE.match(lines[end]):
        end += 1
    if end > start or (start and lines[start - 1].strip()):
        return end
    while end < len(lines) and lines[end].strip():
        end += 1
    amounts = sum(1 for line in lines[start:end] if AMOUNT_LINE.search(line))
    sum_rules = sum(1 for line in lines[start:end] if SUM_RULE.fullmatch(line))
    marked = amounts + sum_rules
    ledger = amounts and (marked == end - start or marked >= max(LEDGER_MIN_LINES, (end - start) // 2))
    return end if ledger else start
