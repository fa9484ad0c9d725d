"""Plain text: paragraphs, and the header blocks of a collection of documents
(see `fields.py`). Which paragraphs are headings, and which headings open
articles, is read from the layout later (see `structure.py`)."""

from __future__ import annotations

from ..model import Seed, Unit
from .fields import add_fields, record_blocks
from .paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    records = record_blocks(lines)
    i = 0
    while i < len(lines):
        if i in records:
            add_fields(builder, lines, i, records[i], opens_record=True)
            i = records[i]
            continue
        builder.line(i + 1, lines[i])
        i += 1
    return builder.units()
