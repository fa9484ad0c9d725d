"""Plain text: paragraphs, and the header blocks of a collection of documents
(see `fields.py`). Which paragraphs are headings, and which headings open
articles, is read from the layout later (see `structure.py`)."""

from __future__ import annotations

from corpus_browser.model import Seed, Unit
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    builder = text_builder(seed.lines)

    def step(i: int) -> int:
        builder.line(i + 1, seed.lines[i])
        return i + 1

    return walk(seed.lines, builder, step)
