"""Plain text (a feed's `content_text`, a table's text column): paragraphs
between blank lines, each line break kept, nothing read as markup."""

from __future__ import annotations

import re

from corpus_browser.lang import markdown as md


def convert(source: str) -> list[md.Piece]:
    paragraphs = re.split(r"\n[ \t]*\n", source.replace("\r\n", "\n").replace("\r", "\n").strip())
    return md.document(md.paragraph(_lines(paragraph)) for paragraph in paragraphs)


def _lines(paragraph: str) -> list[md.Inline]:
    parts: list[md.Inline] = []
    for n, line in enumerate(paragraph.split("\n")):
        parts += [md.line_break()] if n else []
        parts.append(md.text(line.strip()))
    return parts
