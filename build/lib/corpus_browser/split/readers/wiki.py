"""Wiki markup and AsciiDoc: `= Title =` (or `= Title`) is a heading of rank
1, `== Section ==` of rank 2, and so on; a collection's header blocks open
its documents (see `fields.py`)."""

from __future__ import annotations

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import WIKI_HEADING
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)

    def step(i: int) -> int:
        heading = WIKI_HEADING.match(lines[i])
        text = clean((heading["text"] or heading["tight"]) if heading else "")
        if text:
            marks = heading["marks"] or heading["closed"]
            builder.unit(text, i + 1, i + 1, Role.HEADING, level=len(marks), marker=marks)
        else:
            builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)
