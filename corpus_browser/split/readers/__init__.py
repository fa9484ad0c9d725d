"""One reader per format: each turns a seed's lines into units (see `model.Unit`).

Following Pelican's contract, a reader knows one format and nothing else:
plain text yields paragraphs; the markup formats also mark their headings
with a rank, and their metadata (front-matter, mail headers) as header,
byline and date units that carry what they state.
"""

from __future__ import annotations

from collections.abc import Callable

from corpus_browser.model import Format, Seed, Unit
from corpus_browser.split.readers import asciidoc, commands, gitlog, mail, markdown, org, rst, text, wiki

READERS: dict[Format, Callable[[Seed], list[Unit]]] = {
    Format.TEXT: text.read,
    Format.MARKDOWN: markdown.read,
    Format.RST: rst.read,
    Format.WIKI: wiki.read,
    Format.ASCIIDOC: asciidoc.read,
    Format.ORG: org.read,
    Format.COMMANDS: commands.read,
    Format.MAIL: mail.read,
    Format.GIT_LOG: gitlog.read,
}


def read_units(seed: Seed, format: Format) -> list[Unit]:
    """The seed's units, by the reader of `format`."""
    return READERS[format](seed)
