"""Wiki markup (MediaWiki, Trac, DokuWiki; AsciiDoc without marks of its
own): `= Title =` (or `= Title`) is a heading of rank 1, `== Section ==` of
rank 2, and so on (also spaced, as tokenised dumps write them: `= = Section
= =`); in DokuWiki, whose first heading has the most marks, the ranks run the
other way. A collection's header blocks open its documents (see
`fields.py`). A line inside a paragraph, text on both sides of it, is no
heading (a formula's `= x =`) unless it closes with as many marks as open it,
two or more, or a macro line or a rule stands beside it. The lines of a block of code
(`<pre>`, `<syntaxhighlight>`, `<source>`) are verbatim units, but for a
`<pre>` block of `Key: value` fields that heads each document of a collection."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import FIELD, WIKI_CODE_OPEN, field_blocks, titled, wiki_code_end, wiki_heading
from corpus_browser.split.readers.fields import RECORDS_MIN, add_fields, walk
from corpus_browser.split.readers.paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    flush, headers = _preformatted_headers(lines)
    rank = _ranks(lines)

    def step(i: int) -> int:
        if i in headers:
            end = headers[i]
            builder.unit(clean(lines[i]), i + 1, i + 1, Role.HEADER, opens_record=True)
            add_fields(builder, flush, i + 1, end, opens_record=False)
            if end < len(lines) and lines[end].strip():
                builder.unit(clean(lines[end]), end + 1, end + 1, Role.HEADER)
            return end + 1
        if code := WIKI_CODE_OPEN.match(lines[i]):
            end = wiki_code_end(lines, i, code)
            builder.verbatim(lines, i, end)  # code stays code: never a heading, never boilerplate
            return end + 1
        heading = wiki_heading(lines[i]) if _apart(lines, i) or _closed(lines[i]) else None
        text = clean(heading[1]) if heading else ""
        if text:
            builder.unit(text, i + 1, i + 1, Role.HEADING, level=rank(heading[0]), marker="=" * heading[0])
        else:
            builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)


def _ranks(lines: Sequence[str]) -> Callable[[int], int]:
    """A heading's rank by its marks: one `=` the top in MediaWiki and Trac; in
    DokuWiki, whose ranks run the other way (`====== Page ======` over `=====
    Section =====`), the most marks, as a seed shows when its first heading has
    the most marks of all, and others fewer."""
    marks = [heading[0] for line in lines if line.lstrip(" ")[:1] == "=" and (heading := wiki_heading(line))]
    if marks and marks[0] == max(marks) > min(marks):
        return lambda count: marks[0] + 1 - count
    return lambda count: count


def _closed(line: str) -> bool:
    """A heading closed by as many marks as open it, two or more (`== Title ==`):
    one wherever it stands, even right under a line of text."""
    text = line.strip()
    opening = len(text) - len(text.lstrip("="))
    return opening >= 2 and text.endswith("=" * opening) and len(text) > 2 * opening


def _preformatted_headers(lines: Sequence[str]) -> tuple[list[str], dict[int, int]]:
    """Documents' headers set in `<pre>` (an RFC-like memo's indented `Title:`,
    `Author:`, `Created:` lines), where two or more open documents: the seed's
    lines with those fields set flush, and each `<pre>` line mapped to its closing line."""
    flush, found = list(lines), {}
    for i, line in enumerate(lines):
        code = WIKI_CODE_OPEN.match(line)
        if not code or code[1].casefold() != "pre" or code[3].strip():
            continue
        end = wiki_code_end(lines, i, code)
        inner = [line.strip() if line[:1] in " \t" and FIELD.match(line.strip()) else line for line in lines[i + 1:end]]
        if inner and field_blocks(inner, titled, set_apart=False) == [(0, len(inner))]:
            flush[i + 1:end] = inner
            found[i] = end
    return flush, (found if len(found) >= RECORDS_MIN else {})


#: A line that is one macro or template (`[[PageOutline]]`, `{{Infobox}}`) or a rule: markup, never a paragraph's.
_BLOCK_MARKUP = re.compile(r"^\s*(?:\[\[.*\]\]|\{\{.*\}\}|-{4,})\s*$")


def _apart(lines: Sequence[str], i: int) -> bool:
    """Line `i` stands apart from a paragraph: a blank line (or the text's end),
    a macro or a rule on one side at least."""
    return i == 0 or i + 1 == len(lines) or any(not line.strip() or _BLOCK_MARKUP.match(line)
                                                for line in (lines[i - 1], lines[i + 1]))
