"""Wiki markup and AsciiDoc: `= Title =` (or `= Title`) is a heading of rank
1, `== Section ==` of rank 2, and so on (also spaced, as tokenised dumps write
them: `= = Section = =`); a collection's header blocks open its documents
(see `fields.py`). A line inside a paragraph, text on both sides of it, is no
heading whatever its marks (a formula's `= x =`). The lines of a block of code
(`<pre>`, `<syntaxhighlight>`, `<source>`) are verbatim units."""

from __future__ import annotations

from collections.abc import Sequence

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import WIKI_CODE_OPEN, wiki_code_end, wiki_heading
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)

    def step(i: int) -> int:
        if code := WIKI_CODE_OPEN.match(lines[i]):
            end = wiki_code_end(lines, i, code)
            for number in range(i, end + 1):  # code stays code: never a heading, never boilerplate
                if lines[number].strip():
                    builder.unit(clean(lines[number]), number + 1, number + 1, Role.VERBATIM)
                else:
                    builder.line(number + 1, lines[number])
            return end + 1
        heading = wiki_heading(lines[i]) if _apart(lines, i) else None
        text = clean(heading[1]) if heading else ""
        if text:
            builder.unit(text, i + 1, i + 1, Role.HEADING, level=heading[0], marker="=" * heading[0])
        else:
            builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)


def _apart(lines: Sequence[str], i: int) -> bool:
    """Line `i` stands apart from a paragraph: a blank line (or the text's end) on one side at least."""
    return i == 0 or i + 1 == len(lines) or not lines[i - 1].strip() or not lines[i + 1].strip()
