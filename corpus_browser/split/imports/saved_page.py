"""Saved web pages: a page as a browser saves it, or as a site generator wrote
it, one article in its page's furniture (header, navigation, sidebar,
comments, footer).

trafilatura finds the article and its metadata: it is maintained, measured on
real pages, and finds bylines, dates (with htmldate), tags and categories
where pages state them (`<meta>`, JSON-LD, Open Graph, the markup round the
text). What it keeps of the text comes in its own markup (TEI-like: `head`,
`hi`, `ref`, `list`, …), turned back into HTML here (`TEI_TAGS`) so that
`markup.html` writes it as safe Markdown like every other body; its own HTML
output is not used, since it turns inline code into blocks.

A page that is not one article is set aside: a listing of articles (it
declares itself a website or a collection and holds several articles), a
profile (an `h-card` and no article), a page with no text.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import trafilatura
from lxml import etree

from corpus_browser.split.imports.fields import names, plain
from corpus_browser.split.imports.hentry import has_class, is_html
from corpus_browser.split.imports.items import Export, Imported, ImportedItem

#: trafilatura's elements as HTML: a tag, or a tag by the element's `rend`.
TEI_TAGS = {"head": {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "": "h2"},
            "list": {"ol": "ol", "": "ul"}, "item": "li", "ref": "a", "quote": "blockquote", "graphic": "img",
            "lb": "br", "row": "tr", "cell": "td", "del": "del", "p": "p", "table": "table", "body": "div",
            "hi": {"#b": "strong", "#i": "em", "#u": "em", "#t": "code", "#sub": "sub", "#sup": "sup", "": "span"}}
#: What a page says it is (Open Graph, JSON-LD) when it is a site's page rather than one article's.
_LISTING_TYPES = frozenset({"website", "blog", "collectionpage", "itempage", "itemlist", "searchresultspage",
                            "profilepage"})
#: What a page says it is (Open Graph, JSON-LD) when it is one article's.
_ARTICLE_TYPES = frozenset({"article", "blogposting", "newsarticle", "scholarlyarticle", "techarticle", "report"})
#: Where a link leads to a tag's or a category's page: `/tags/web/`, `/category/news`,
#: `/search/label/travel` (Blogger), `tag-python.html`.
TAG_LINK = re.compile(r"/(?:tags?|categor(?:y|ies)|topics?|labels?|search/label)/[^/]+/?$|/(?:tag|category)-[^/]+\.html?$",
                      re.IGNORECASE)
#: A listing holds at least this many articles.
LISTING_MIN_ARTICLES = 3
#: How trafilatura reads a page: links, formatting, tables and images kept; dates as the page states them.
_OPTIONS = {"with_metadata": True, "include_links": True, "include_formatting": True, "include_tables": True,
            "include_images": True, "include_comments": False, "deduplicate": False, "favor_recall": True,
            "date_extraction_params": {"extensive_search": False, "original_date": True}}


def read_saved_page(export: Export) -> Imported | None:
    if not is_html(export):
        return None
    page = export.page
    if page is None:
        return Imported("saved web page", (_not_an_article(export, "empty page"),))
    other = _not_an_article_page(page)
    if other:
        return Imported("saved web page", (_not_an_article(export, other, _title(page)),))
    found = trafilatura.bare_extraction(export.text, **_OPTIONS)
    if found is None or found.body is None or not plain(etree.tostring(found.body, method="text", encoding="unicode")):
        return Imported("saved web page", (_not_an_article(export, "page with no text", _title(page)),))
    return Imported("saved web page", (ImportedItem(
        title=plain(found.title) or _title(page), body=tei_html(found.body), first_line=1,
        last_line=max(len(export.seed.lines), 1), authors=names((found.author or "").split(";")),
        date=found.date, tags=_unique([*(found.categories or []), *(found.tags or []), *page_tags(page)]),
        summary=plain(found.description) or None, kind="article", address=_address(found.url, page, export)),))


def _not_an_article_page(page: etree._Element) -> str:
    """What the page is when it is not one article (a listing, a profile), else ""."""
    articles = sum(1 for element in page.iter("article")) + sum(
        1 for element in page.iter() if isinstance(element.tag, str) and has_class(element, ("h-entry",)))
    if articles >= LISTING_MIN_ARTICLES and declares_a_listing(page):
        return "listing of articles"
    if any(has_class(element, ("h-card",)) for element in page.iter() if isinstance(element.tag, str)) \
            and not articles and not page.xpath("//*[@itemtype][contains(@itemtype, 'Article')]"):
        return "profile (an h-card)"
    return ""


def _address(stated: str | None, page: etree._Element, export: Export) -> str | None:
    """Where the page was published, for its relative links: as it states it (its
    canonical address, `og:url`: trafilatura reads them), else its `<base>`, else a
    link on it to itself (a permalink: an address whose path ends with the file's name)."""
    if stated and stated.startswith(("http://", "https://")):
        return stated
    base = page.find(".//base")
    if base is not None and (base.get("href") or "").startswith(("http://", "https://")):
        return base.get("href")
    own = "/" + PurePosixPath(export.name).name
    return next((href for link in page.iter("a") if (href := link.get("href") or "").startswith(("http://", "https://"))
                 and urlsplit(href).path.endswith(own)), None)


def page_tags(page: etree._Element) -> list[str]:
    """The tags and categories a page links its article to: links to a tag's or a
    category's page (`TAG_LINK`, or `rel="tag"`), unless they stand in the site's
    navigation or in another article's card (related posts)."""
    articles = list(page.iter("article"))
    main = max(articles, key=lambda article: len(article.text_content()), default=None)
    found = []
    for link in page.iter("a"):
        if not (TAG_LINK.search(urlsplit(link.get("href") or "").path) or "tag" in (link.get("rel") or "").split()):
            continue
        around = [element.tag for element in link.iterancestors()]
        owner = next((element for element in link.iterancestors() if element.tag == "article"), None)
        if "nav" not in around and (owner is None or owner is main):
            found.append(plain(link.text_content()).lstrip("#"))
    return found


def _unique(tags: list[str]) -> tuple[str, ...]:
    """Tags once each, whatever their case, in the spelling first met."""
    seen: dict[str, str] = {}
    for tag in names(tags):
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def declares_a_listing(page: etree._Element) -> bool:
    """The page says it is a site's page (a website, a blog, a collection), not one article's."""
    return bool(_declared_types(page) & _LISTING_TYPES)


def declares_an_article(page: etree._Element) -> bool:
    """The page says it is one article's (`og:type` article, JSON-LD `BlogPosting` …)."""
    return bool(_declared_types(page) & _ARTICLE_TYPES)


def _declared_types(page: etree._Element) -> set[str]:
    """What the page declares it is: its `og:type` and the `@type`s of its JSON-LD, in lower case."""
    found = {(meta.get("content") or "").strip().lower()
             for meta in page.iter("meta") if meta.get("property") == "og:type"}
    for script in page.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for node in data if isinstance(data, list) else [data]:
                kind = node.get("@type") if isinstance(node, dict) else None
                found.update(str(value).lower() for value in (kind if isinstance(kind, list) else [kind]) if value)
    return found


def _title(page: etree._Element) -> str:
    title = page.find(".//title")
    return plain(title.text_content()) if title is not None else ""


def _not_an_article(export: Export, what: str, title: str = "") -> ImportedItem:
    return ImportedItem(title=title or export.name, body="", first_line=1, last_line=max(len(export.seed.lines), 1),
                        kind=what)


def tei_html(body: etree._Element) -> str:
    """trafilatura's markup of the text as HTML (`TEI_TAGS`); code is a block
    where it stands as one (not inside a paragraph, or over several lines),
    with the language its inner `code` names."""
    body = copy.deepcopy(body)
    for element in list(body.iter()):
        if isinstance(element.tag, str):
            _as_html(element)
    return etree.tostring(body, encoding="unicode", method="html")


def _as_html(element: etree._Element) -> None:
    tag, rend = element.tag, element.get("rend") or ""
    if tag == "code":
        _code(element)
        return
    mapped = TEI_TAGS.get(tag, "span")
    element.tag = mapped.get(rend, mapped[""]) if isinstance(mapped, dict) else mapped
    if tag == "ref":
        element.set("href", element.get("target") or "")
    elif tag == "cell" and element.get("role") == "head":
        element.tag = "th"


def _code(element: etree._Element) -> None:
    """Code inline or as a block; the block keeps the language its own or its inner `code`'s class names."""
    parent = element.getparent()
    if parent is not None and parent.tag == "pre":
        return
    text = element.xpath("string()")
    block = "\n" in text.strip() or parent is None or parent.tag in ("body", "div", "quote", "blockquote", "item",
                                                                     "li", "cell")
    language = next((re.search(r"language-([\w+#.-]+)", node.get("class") or "")[1]
                     for node in element.iter() if re.search(r"language-[\w+#.-]+", node.get("class") or "")), "")
    for child in list(element):
        element.remove(child)
    element.attrib.clear()
    element.text = text
    if block:
        element.tag, element.text = "pre", None
        etree.SubElement(element, "code", {"class": f"language-{language}"} if language else {}).text = text
