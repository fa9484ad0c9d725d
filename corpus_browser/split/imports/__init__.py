"""Exports people have: what a platform wrote out (a feed, a WordPress or
Ghost export, a Substack zip, saved web pages, a table of articles) is read
item by item, never split. Each importer recognises its format by content (the
file's suffix is only a hint) and gives the items with what the export states
of each: title, authors, date, tags, body (HTML, converted to safe Markdown by
`markup.html`, or Markdown) and what kind of item it is (a post, or a page, a
draft, an attachment, … that is not an article, counted and listed instead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus_browser.model import Seed

#: The kinds of item that are articles; any other (page, draft, attachment, revision, menu item …) is set aside.
ARTICLE_KINDS = frozenset({"post", "article", "entry", "item"})


@dataclass(frozen=True)
class ImportedItem:
    """One item of an export, as the export states it."""

    title: str
    body: str
    """The item's text: HTML, or Markdown (`markdown`)."""
    first_line: int
    last_line: int
    """Where the item stands in the file (1-based lines; for an item of a zip, those of the zip's listing)."""
    authors: tuple[str, ...] = ()
    date: str | None = None
    """`YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) as the export states it."""
    tags: tuple[str, ...] = ()
    """Its tags and categories, as written."""
    summary: str | None = None
    kind: str = "post"
    """What the export says the item is: a post (`ARTICLE_KINDS`) is an article, anything else is set aside."""
    markdown: bool = False
    """Whether `body` is Markdown rather than HTML."""


@dataclass(frozen=True)
class Imported:
    """What an importer read from one file."""

    importer: str
    """Which export it is, for the report and `explain` ("WordPress export (WXR)")."""
    items: tuple[ImportedItem, ...]


#: An importer: the file's items, or None when the file is not of its format.
Importer = Callable[[Seed], Imported | None]
#: The importers, tried in turn; the first that recognises a file reads it.
IMPORTERS: Sequence[Importer] = ()


def read_export(seed: Seed) -> Imported | None:
    """The seed's items, if it is an export some importer recognises."""
    for importer in IMPORTERS:
        found = importer(seed)
        if found is not None:
            return found
    return None
