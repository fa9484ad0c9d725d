"""Posts marked up with microformats (`h-entry`): Medium's export writes each
post so (`posts/*.html`), and so do many blogs' own pages.

The entry states its name (`p-name`), author (`p-author`, an `h-card`), date
(`dt-published`), tags (`p-category`; Medium writes `p-tag`), summary
(`p-summary`) and body (`e-content`). An entry with no publication date is a
draft (Medium exports drafts so, `draft_*.html`). A page whose h-entry names
no post and holds no content is read as any saved page. A page of several
entries, each named and with a content or a summary (a blog's front page, an
archive page; not the comments under a post, entries inside an entry), gives
a post for each, its body its content or, shown only in part there, its summary. The properties are read
once, from the entry itself; an element carrying one of them inside the body
(unclosed markup can nest a footer there) is not part of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from corpus_browser.split.imports.fields import names, plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem

#: Class names of each property an entry states, by what they hold.
PROPERTIES = {
    "title": ("p-name",),
    "author": ("p-author", "author"),  # (`author vcard`: hAtom's, microformats' first version)
    "date": ("dt-published",),
    "tags": ("p-category", "p-tag"),
    "summary": ("p-summary",),
    "body": ("e-content",),
}
#: Properties that name or date the entry: where one stands inside the body, it is not text.
_METADATA_CLASSES = frozenset({"p-author", "dt-published", "dt-updated", "p-category", "p-tag", "u-url", "u-uid",
                               "p-canonical"})
_CLASS = re.compile(r"\S+")
#: Suffixes of files that hold HTML, a fragment or a page.
HTML_SUFFIXES = frozenset({".html", ".htm"})
_HTML_PAGE = re.compile(r"(?:<\?xml[^>]{0,200}\?>\s*)?<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_HTML_FRAGMENT = re.compile(r"<(?:!--|[a-z][a-z0-9]*[\s/>])", re.IGNORECASE)
#: The importers' names, for the report.
HENTRY = "post marked up as h-entry (a Medium export's post)"
HENTRY_LIST = "page of posts marked up as h-entry (a blog's front or archive page)"
#: A page holding at least this many entries, each named and with a content or a summary, holds that many posts.
LISTED_MIN_ENTRIES = 2
#: Where an entry's text stands: its content, or its summary.
_TEXT = ("e-content", "p-summary")


def is_html(export: Export) -> bool:
    """An HTML page: it opens with a doctype or `<html>` (after an XML declaration,
    as XHTML may); or, named `.html` or `.htm`,
    with any element or comment (a fragment, as Substack saves its posts). A text
    or Markdown file that opens with a tag or a comment stays what it is."""
    if _HTML_PAGE.match(export.head):
        return True
    return export.suffix in HTML_SUFFIXES and bool(_HTML_FRAGMENT.match(export.head))


def has_class(element: etree._Element, names: tuple[str, ...] | frozenset[str]) -> bool:
    return any(name in names for name in _CLASS.findall(element.get("class") or ""))


def read_hentry(export: Export) -> Imported | None:
    if "h-entry" not in export.text or not is_html(export):
        return None
    page = export.page
    entries = [] if page is None else [element for element in page.iter() if isinstance(element.tag, str)
                                       and has_class(element, ("h-entry",)) and not _inside_an_entry(element)]
    if len(entries) >= LISTED_MIN_ENTRIES and all(_first(entry, PROPERTIES["title"]) is not None
                                                  and _first(entry, _TEXT) is not None for entry in entries):
        starts = [entry.sourceline or 1 for entry in entries]
        lasts = [start - 1 for start in starts[1:]] + [last_line(entries[-1])]
        return Imported(HENTRY_LIST, tuple(_entry(entry, export, (first, max(first, last)))
                                           for entry, first, last in zip(entries, starts, lasts)))
    if len(entries) != 1 or _first(entries[0], PROPERTIES["title"]) is None \
            or _first(entries[0], PROPERTIES["body"]) is None:
        return None  # a page that marks up no post: a page like any other
    return Imported(HENTRY, (_entry(entries[0], export),))


def _inside_an_entry(element: etree._Element) -> bool:
    """The element stands in another h-entry (a comment on a post is marked up as one)."""
    return any(has_class(above, ("h-entry",)) for above in element.iterancestors() if isinstance(above.tag, str))


def last_line(element: etree._Element) -> int:
    """The line the element's last descendant starts on."""
    return max((child.sourceline or 0 for child in element.iter()), default=element.sourceline or 1)


def _entry(entry: etree._Element, export: Export, lines: tuple[int, int] | None = None) -> ImportedItem:
    """The entry as an item; standing on `lines` (a page's entries each on their
    own), else on the whole file. Its body is its content, else its summary
    (a blog's listing page shows each post's summary)."""
    found = {key: _first(entry, classes) for key, classes in PROPERTIES.items()}
    address = _address(entry)
    date = found["date"]
    body = found["body"] if found["body"] is not None or lines is None else found["summary"]
    if body is not None:
        for element in [element for element in body.iter() if isinstance(element.tag, str)
                        and (element.tag == "footer" or has_class(element, _METADATA_CLASSES))]:
            if element.getparent() is not None:
                element.getparent().remove(element)
    tags = [element for classes in PROPERTIES["tags"] for element in _own(entry) if has_class(element, (classes,))]
    first, last = lines or (1, max(len(export.seed.lines), 1))
    return ImportedItem(
        title=_text(found["title"]), first_line=first, last_line=last,
        body="" if body is None else etree.tostring(body, encoding="unicode", method="html"),
        authors=names([_person(found["author"])]),
        date=stated_date(date.get("datetime") or _text(date)) if date is not None else None,
        tags=names(_text(element) for element in tags),
        summary=(_text(found["summary"]) or None) if body is not found["summary"] else None,
        kind="post" if date is not None else "draft", address=address)


def _address(entry: etree._Element) -> str | None:
    """The entry's own address (`u-url`, or Medium's `p-canonical`), for its relative links."""
    link = _first(entry, ("u-url", "p-canonical"))
    href = link.get("href") if link is not None else None
    return href if href and href.startswith(("http://", "https://")) else None


def _first(entry: etree._Element, classes: tuple[str, ...]) -> etree._Element | None:
    return next((element for element in _own(entry) if has_class(element, classes)), None)


def _own(entry: etree._Element) -> Iterator[etree._Element]:
    """The entry and its elements in document order, but those of the entries
    inside it (a comment's name and content are not the post's)."""
    yield entry
    for child in entry:
        if isinstance(child.tag, str):
            yield from (_own(child) if not has_class(child, ("h-entry",)) else ())


def _text(element: etree._Element | None) -> str:
    return plain(element.text_content()) if element is not None else ""


def _person(element: etree._Element | None) -> str:
    """An author: the name of their `h-card` (or `vcard`), else the element's text."""
    if element is None:
        return ""
    name = _first(element, ("p-name", "fn"))
    return _text(name if name is not None else element)
