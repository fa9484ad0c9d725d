"""An article's own markup, read with a real parser for its format and written
again as safe Markdown (`lang/markdown.py`): one converter per markup format,
each a function from the article's source text to its blocks."""

from __future__ import annotations

from collections.abc import Callable

from corpus_browser.lang.markdown import Piece
from corpus_browser.model import Format
from corpus_browser.split.markup import asciidoc, markdown, org, rst, wiki

#: Reads an article's source text into its blocks.
Converter = Callable[[str], list[Piece]]

#: The converter of each format that has markup of its own; plain text has none
#: (its blocks are made from its units).
CONVERTERS: dict[Format, Converter] = {
    Format.MARKDOWN: markdown.convert,
    Format.ORG: org.convert,
    Format.RST: rst.convert,
    Format.WIKI: wiki.convert,
    Format.ASCIIDOC: asciidoc.convert,
}
