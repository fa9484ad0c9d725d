"""Exports people have: what a platform wrote out (a WordPress or Ghost export,
a feed, a Substack or Medium export, saved web pages, a table of articles) is
read item by item, never split. Each importer (a module here) recognises its
format by content, the file's suffix only a hint, and gives the items with
what the export states of each: title, authors, date, tags, body (HTML,
Markdown or text, written as safe Markdown by `articles.py`) and what kind of
item it is (a post, or a page, a draft, an attachment, … that is not an
article, counted and listed instead).
"""

from __future__ import annotations

from corpus_browser.errors import SeedSkipped
from corpus_browser.lang.text import more_words_than
from corpus_browser.model import EXPORT_SUFFIXES, SeedInput
from corpus_browser.split.imports.article_elements import read_article_elements
from corpus_browser.split.imports.feeds import read_feed, read_json_feed
from corpus_browser.split.imports.fields import plain
from corpus_browser.split.imports.ghost import read_ghost
from corpus_browser.split.imports.hentry import HTML_SUFFIXES, read_hentry
from corpus_browser.split.imports.html_book import read_html_book
from corpus_browser.split.imports.items import ARTICLE_KINDS, Export, Imported, ImportedItem, Importer
from corpus_browser.split.imports.mediawiki import read_mediawiki
from corpus_browser.split.imports.saved_page import read_saved_page
from corpus_browser.split.imports.substack import read_substack
from corpus_browser.split.imports.table import read_table
from corpus_browser.split.imports.wp_json import read_wp_json
from corpus_browser.split.imports.wxr import read_wxr
from corpus_browser.split.imports.zipped import zip_reader

#: The importers of single files, tried in turn: the first that recognises a file reads it
#: (WordPress's RSS before other RSS, a post's h-entry before any page, a page of several
#: articles or a book's page before a post's, any page last).
FILE_IMPORTERS: tuple[Importer, ...] = (read_wxr, read_feed, read_json_feed, read_mediawiki, read_ghost, read_wp_json,
                                        read_table, read_hentry, read_article_elements, read_html_book, read_saved_page)
#: Every importer: those of zips, then those of single files.
IMPORTERS: tuple[Importer, ...] = (read_substack, zip_reader(FILE_IMPORTERS), *FILE_IMPORTERS)

__all__ = ["ARTICLE_KINDS", "IMPORTERS", "Export", "Imported", "ImportedItem", "read_export"]


def read_export(item: SeedInput) -> Imported | None:
    """The seed's items, if it is an export some importer recognises; None for
    a seed of text, a web page of prose that none reads among them. A file
    named like an export (or a zip) that none recognises is skipped (`SeedSkipped`);
    one of its format that cannot be read raises `SeedError` naming the file and
    the line."""
    export = Export(item.seed, item.overrides)
    for importer in IMPORTERS:
        found = importer(export)
        if found is not None:
            return found
    prose_page = export.suffix in HTML_SUFFIXES and more_words_than(plain(export.text), TEXT_PAGE_MIN_WORDS - 1)
    if item.seed.data or (export.suffix in EXPORT_SUFFIXES and not prose_page):
        raise SeedSkipped(item.seed.name, "skipped: not an export this build reads (a WordPress, Ghost, Substack, "
                                          "Medium or MediaWiki export, a feed, a saved web page, a table of articles)")
    return None  # (a page of prose none reads, written by hand or with a template's macros, is read as text)


#: A web page no importer reads is read as text when it holds at least this many words (a site's
#: layout templates, `{{ page.title }}` in a few tags, hold fewer and are skipped).
TEXT_PAGE_MIN_WORDS = 100
