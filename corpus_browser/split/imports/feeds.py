"""Feeds with their posts' full text: RSS (0.9x, 1.0, 2.0, with
`content:encoded` or HTML in `<description>`), Atom (Blogger's exports among
them: an entry whose kind category names a comment, a page, a setting or the
template is set aside, as is a draft), and JSON Feed.

RSS and Atom are read with feedparser, which knows their many versions, their
namespaces, and how real feeds break them (it falls back to a lenient parser
for a feed that is not well-formed XML). Its own HTML sanitiser is left off:
every body goes through `markup.html`, which sanitises with nh3 and writes
only safe Markdown. Before feedparser sees a feed, defusedxml reads it
(`safe_xml`): a feed that declares entities or refers to external ones is
refused there, and the lines of each item are taken from that reading.
feedparser's dates are moved to UTC, so each item's date is read from the
date as written (`fields.stated_date`).

JSON Feed (jsonfeed.org) is plain JSON, which the released feedparser does
not read: it is read here, field by field as the specification names them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import feedparser

from corpus_browser.split.imports.fields import names, plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem, listed
from corpus_browser.split.imports.jsontext import array_spans
from corpus_browser.split.imports.safe_xml import local, parse, root_tag

#: Root elements of feeds, and the elements of their items.
_FEED_ROOTS = {"rss": "item", "rdf:RDF": "item", "RDF": "item", "feed": "entry"}
#: The scheme of a category that names what an entry is (Google's, as Blogger's exports write it:
#: `…/kind#post`, `…#comment`, `…#settings`, `…#template`, `…#page`).
KIND_SCHEME = "/g/2005#kind"
#: feedparser's names for the versions it read.
_VERSIONS = {"rss": "RSS", "atom": "Atom", "cdf": "CDF"}


def read_feed(export: Export) -> Imported | None:
    """An RSS or Atom feed."""
    root = root_tag(export)
    if root not in _FEED_ROOTS:
        return None
    spans, notes, cut_short = _item_spans(export, _FEED_ROOTS[root])
    parsed = feedparser.parse(io.BytesIO(export.text.encode("utf-8")), sanitize_html=False,
                              resolve_relative_uris=True, response_headers={"content-type": "application/xml"})
    if parsed.bozo and not parsed.entries:
        raise export.error(f"not a readable feed: {parsed.get('bozo_exception', 'no items')}")
    feed_authors = _authors(parsed.feed) if parsed.version.startswith("atom") else ()
    entries = parsed.entries[:len(spans)] if cut_short else parsed.entries  # (not the half an item it stops in)
    if len(spans) != len(entries):
        spans = [(1, len(export.seed.lines))] * len(entries)
    items = tuple(_entry(entry, span, feed_authors) for entry, span in zip(entries, spans))
    return Imported(f"{_version_name(parsed.version)} feed", items, notes)


def _item_spans(export: Export, item: str) -> tuple[list[tuple[int, int]], tuple[str, ...], bool]:
    """The lines of each item, read with defusedxml; refused as it refuses (entities);
    none for a feed that is not well-formed XML (feedparser reads it all the same);
    and whether the file stops before its XML does (only its whole items are read)."""
    document = parse(export, lenient=True)
    if document is None:
        return [], ("not well-formed XML: read leniently",), False
    found = [document.lines(element) for element in document.root.iter() if local(element.tag) == item]
    return found, document.notes, document.cut_short


def _version_name(version: str) -> str:
    """`rss20` -> `RSS 2.0`, `atom10` -> `Atom 1.0`."""
    for prefix, name in _VERSIONS.items():
        if version.startswith(prefix):
            digits = version[len(prefix):]
            return f"{name} {digits[0]}.{digits[1:]}" if len(digits) > 1 else name
    return "RSS"


def _entry(entry: Mapping, span: tuple[int, int], feed_authors: tuple[str, ...]) -> ImportedItem:
    content = entry.get("content") or []
    detail = content[0] if content else entry.get("summary_detail") or {}
    body = detail.get("value") or entry.get("summary", "")
    summary = entry.get("summary") if content else None
    return ImportedItem(
        title=plain(entry.get("title")), body=body or "", first_line=span[0], last_line=span[1],
        markup="text" if detail.get("type") == "text/plain" else "html",
        authors=_authors(entry) or feed_authors,
        date=stated_date(entry.get("published") or entry.get("updated") or entry.get("created")),
        tags=names(tag.get("label") or tag.get("term") for tag in entry.get("tags") or []
                   if not _is_kind(tag)),
        summary=plain(summary) or None, kind=_kind(entry), address=_address(entry.get("link")))


def _is_kind(tag: Mapping) -> bool:
    """A category that states what an entry is, not what it is about (`KIND_SCHEME`)."""
    return str(tag.get("scheme") or "").endswith(KIND_SCHEME)


def _kind(entry: Mapping) -> str:
    """An entry's kind: a draft where the Atom Publishing Protocol says so (`<app:draft>yes`),
    else what a kind category names (`…#post`, `…#comment`, `…#settings`), else an entry."""
    if str(entry.get("app_draft") or "").strip().lower() == "yes":
        return "draft"
    named = next((str(tag.get("term") or "").rpartition("#")[2] for tag in entry.get("tags") or [] if _is_kind(tag)),
                 "")
    return "entry" if named in ("", "post", "entry") else named


def _address(link: object) -> str | None:
    """An item's link, where it is a web address."""
    return link if isinstance(link, str) and link.startswith(("http://", "https://")) else None


def _authors(node: Mapping) -> tuple[str, ...]:
    """The names of a feed's or an entry's authors (an RSS `<author>` is `mail (Name)`: its name)."""
    found = names(author.get("name") for author in node.get("authors") or [] if isinstance(author, Mapping))
    if found:
        return found
    detail = node.get("author_detail") or {}
    return names([detail.get("name") or ""])


# --- JSON Feed ----------------------------------------------------------------------


def read_json_feed(export: Export) -> Imported | None:
    """A JSON Feed: an object whose `version` is a jsonfeed.org address."""
    feed = export.json
    if not isinstance(feed, Mapping) or "jsonfeed.org" not in str(feed.get("version", "")):
        return None
    entries = [entry for entry in listed(feed, "items") if isinstance(entry, Mapping)]
    spans = array_spans(export.text, ("items",))
    if len(spans) != len(listed(feed, "items")):
        spans = [(1, len(export.seed.lines))] * len(listed(feed, "items"))
    feed_authors = _json_authors(feed)
    items = tuple(_json_entry(entry, span, feed_authors) for entry, span in zip(entries, spans))
    return Imported(f"JSON Feed {str(feed['version']).rstrip('/').rpartition('/')[2]}", items)


def _json_entry(entry: Mapping, span: tuple[int, int], feed_authors: tuple[str, ...]) -> ImportedItem:
    html = entry.get("content_html")
    return ImportedItem(
        title=plain(entry.get("title")), body=str(html if html is not None else entry.get("content_text") or ""),
        first_line=span[0], last_line=span[1], authors=_json_authors(entry) or feed_authors,
        date=stated_date(entry.get("date_published") or entry.get("date_modified")),
        tags=names(tag for tag in listed(entry, "tags") if isinstance(tag, str)),
        summary=plain(entry.get("summary")) or None, kind="item", markup="html" if html is not None else "text",
        address=_address(entry.get("url")))


def _json_authors(node: Mapping) -> tuple[str, ...]:
    """`authors` (JSON Feed 1.1), else `author` (1.0)."""
    people: Sequence[object] = listed(node, "authors") or [node.get("author")]
    return names(person.get("name") for person in people if isinstance(person, Mapping))
