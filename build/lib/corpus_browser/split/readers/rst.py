"""reStructuredText: a title is a line underlined (perhaps also overlined)
with a run of one punctuation mark. As in reStructuredText itself, ranks
follow the order in which the styles first occur: the first style seen is
rank 1, the next new one rank 2. A collection's header blocks open its
documents (see `fields.py`)."""

from __future__ import annotations

import re

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import UNDERLINE, underlines
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import text_builder

#: A field of a field list: `:Author: Jane Doe`.
FIELD = re.compile(r"^:[\w -]+:(?:\s|$)")


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    ranks: dict[tuple[str, bool], int] = {}

    def step(i: int) -> int:
        overlined = i + 2 < len(lines) and bool(UNDERLINE.match(lines[i])) and bool(lines[i + 1].strip()) \
            and lines[i].rstrip() == lines[i + 2].rstrip() and len(lines[i].rstrip()) >= len(lines[i + 1].rstrip())
        title = i + 1 if overlined else i
        underlined = overlined or (title + 1 < len(lines) and underlines(lines[title], lines[title + 1])
                                   and (title == 0 or not lines[title - 1].strip()))
        if underlined:
            style = (lines[title + 1].strip()[0], overlined)
            rank = ranks.setdefault(style, len(ranks) + 1)
            builder.unit(clean(lines[title]), i + 1, title + 2, Role.HEADING, level=rank, marker=style[0])
            return title + 2
        if FIELD.match(lines[i]):
            builder.unit(clean(lines[i]), i + 1, i + 1)  # a field of a field list stands alone
        else:
            builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)
