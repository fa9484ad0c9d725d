"""MediaWiki exports (`Special:Export`, a wiki's dump: `<mediawiki>` holding a
`<page>` for each page, its `<title>`, its namespace `<ns>` and its latest
`<revision>` with the wikitext). Read with defusedxml (`safe_xml`). A page is
an article, dated by its revision's timestamp (the day it was last edited, as
the wiki shows it), its text read as wiki markup, its categories its tags; a
redirect, an empty page, a talk page, a user's page and a page of the wiki's
machinery (a file's, a template's, a category's, a module's, an interface
message's) are set aside and listed. A revision's contributor is
its last editor, not its author: no author is given.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from corpus_browser.split.imports.fields import names, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem
from corpus_browser.split.imports.safe_xml import child_text, children, local, parse, root_tag

#: A page's category, which the wiki lists it under: `[[Category:Flowering plants|Acantholimon]]`.
_CATEGORY = re.compile(r"\[\[\s*Category\s*:\s*([^|\]\n]{1,200})", re.IGNORECASE)
#: MediaWiki's namespaces of pages that are no articles, by number (fixed in every wiki): what
#: each page there is. Every odd namespace holds talk pages.
MACHINERY_NAMESPACES = {"2": "user page", "6": "file page", "8": "interface message", "10": "template",
                        "14": "category page", "828": "module"}


def read_mediawiki(export: Export) -> Imported | None:
    """A MediaWiki XML export."""
    if root_tag(export) != "mediawiki":
        return None
    document = parse(export, lenient=False)
    pages = [element for element in document.root.iter() if local(element.tag) == "page"]
    items = tuple(_page(page, document.lines(page)) for page in pages)
    return Imported("MediaWiki export", items, document.notes)


def _page(page: Element, span: tuple[int, int]) -> ImportedItem:
    revisions = children(page, "revision")
    latest = revisions[-1] if revisions else page
    body = child_text(latest, "text")
    return ImportedItem(title=child_text(page, "title").strip(), body=body, first_line=span[0], last_line=span[1],
                        date=stated_date(child_text(latest, "timestamp")), kind=_kind(page, body), markup="wiki",
                        tags=names(_CATEGORY.findall(body)))


def _kind(page: Element, body: str) -> str:
    """An article, or what else the page is: a redirect, an empty page (its text
    deleted), a talk page, a user's page, a page of the wiki's machinery."""
    namespace = child_text(page, "ns").strip()
    if children(page, "redirect"):
        return "redirect"
    if not body.strip():
        return "empty page"
    if namespace.isdigit() and int(namespace) % 2:
        return "talk page"
    return MACHINERY_NAMESPACES.get(namespace, "article")
