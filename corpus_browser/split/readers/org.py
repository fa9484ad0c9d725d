"""Org mode (and Emacs outlines, as GNU NEWS files are): a line of stars and
a title is a heading, its rank the number of stars; a TODO keyword and tags
are not part of the title. Keyword lines (`#+title:`) and property drawers
are header units; the lines of a `#+begin_` ... `#+end_` block (code, an
example, a quotation) are verbatim units, never headings nor metadata."""

from __future__ import annotations

import re

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import ORG_HEADING
from corpus_browser.split.readers.paragraphs import text_builder

#: Org's metadata lines: `#+keyword: value`, and a drawer's `:NAME:` lines.
_META = re.compile(r"^[ \t]*(?:#\+\w+:|:[\w-]+:)")
_BLOCK = re.compile(r"^[ \t]*#\+(begin|end)_", re.IGNORECASE)


def read(seed: Seed) -> list[Unit]:
    builder = text_builder(seed.lines)
    in_block = False
    for number, raw in enumerate(seed.lines, start=1):
        block = _BLOCK.match(raw)
        if block or (in_block and raw.strip()):
            in_block = block[1].casefold() == "begin" if block else in_block
            builder.unit(clean(raw), number, number, Role.VERBATIM)  # a block's lines stay lines, and body
            continue
        heading = None if in_block else ORG_HEADING.match(raw)
        if heading and clean(heading["text"]):
            builder.unit(clean(heading["text"]), number, number, Role.HEADING, level=len(heading["marks"]),
                         marker=heading["marks"])
        elif not in_block and _META.match(raw):
            builder.unit(clean(raw), number, number, Role.HEADER)
        else:
            builder.line(number, raw)
    return builder.units()
