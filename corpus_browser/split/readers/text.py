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

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import underlines
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import is_numbered, text_builder

#: A line of a table drawn in characters: a rule of `-`, `=` and `+` with a `+` in it, or a row between `|`s.
TABLE_LINE = re.compile(r"^\s*(?:\+[-=+:]*[-=][-=+:]*\+?|\|.*\|)\s*$")
#: A drawn table has at least this many lines.
TABLE_MIN_LINES = 3


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)

    def step(i: int) -> int:
        end = _table_end(lines, i)
        if end - i >= TABLE_MIN_LINES:
            for number in range(i, end):
                builder.unit(clean(lines[number]), number + 1, number + 1, Role.VERBATIM, marker="table")
            return end
        if under := _underlined_heading(lines, i):  # the title, then what the line under it states (a date)
            builder.unit(clean(lines[i]), i + 1, i + 1, Role.HEADING, level=1, marker=lines[under].strip()[0])
            builder.unit(clean(lines[i + 1]), i + 2, i + 2)
            builder.unit(clean(lines[under]), under + 1, under + 1, Role.SEPARATOR)
            return under + 1
        builder.line(i + 1, lines[i])
        return i + 1

    return _run_in_titles(walk(lines, builder, step), lines)


#: Where a run-in title may end: a sentence's end, then a space.
_TITLE_END = re.compile(r"[.?!:](?= )")
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


def _table_end(lines: Sequence[str], start: int) -> int:
    """Where a run of table lines from `start` ends (`start` itself when there is none)."""
    end = start
    while end < len(lines) and TABLE_LINE.match(lines[end]):
        end += 1
    return end
