"""Wiki markup: `= Title =` is a heading of rank 1, `== Section ==` of rank 2, and so on."""

from __future__ import annotations

from ..formats import WIKI_HEADING
from ..model import Role, Seed, Unit
from ..text import clean
from .paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    builder = text_builder(seed.lines)
    for number, raw in enumerate(seed.lines, start=1):
        heading = WIKI_HEADING.match(raw)
        if heading and clean(heading["text"]):
            builder.unit(clean(heading["text"]), number, number, Role.HEADING, level=len(heading["marks"]),
                         marker=heading["marks"])
        else:
            builder.line(number, raw)
    return builder.units()
