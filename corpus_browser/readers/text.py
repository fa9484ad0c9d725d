"""Plain text: paragraphs only. Which of them are headings, and which headings
open articles, is read from the layout later (see `structure.py`)."""

from __future__ import annotations

from ..model import Seed, Unit
from .paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    builder = text_builder(seed.lines)
    for number, raw in enumerate(seed.lines, start=1):
        builder.line(number, raw)
    return builder.units()
