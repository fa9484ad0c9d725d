"""HTML (an export's post bodies, a saved web page's article), sanitised with
nh3 (ammonia: an allow-list of elements and attributes; scripts, styles,
event attributes and `javascript:` addresses gone; classes kept only to be
read here, never written), then read with lxml and
written as safe Markdown: headings, paragraphs, emphasis, code (with the
language a `language-…` class names), lists with their nesting, quotations,
tables, rules, line breaks, links and images. What nh3 keeps but Markdown has
no place for (`div`, `span`, `figure`, …) gives its content; text shown only
to screen readers (`sr-only`) gives nothing."""

from __future__ import annotations

import re

import lxml.html
import nh3
from lxml import etree

from corpus_browser.lang import markdown as md

#: Elements and attributes kept by the sanitiser: what the safe Markdown can say, and the containers around it.
_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
         "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol",
         "p", "pre", "q", "s", "samp", "section", "small", "span", "strike", "strong", "sub", "sup", "table",
         "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "article", "header", "footer",
         "main", "aside", "details", "summary"}
_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, "ol": {"start"}, "*": {"class"}}
#: Classes of text shown only to screen readers ("code snippet start"): not part of what a page shows.
SCREEN_READER_CLASSES = frozenset({"sr-only", "visually-hidden", "screen-reader-text"})
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption", "details",
           "summary", "blockquote", "ul", "ol", "dl", "pre", "table", "hr", *_HEADINGS}
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)")
#: White space that HTML shows as one space (outside `<pre>`).
_WHITE_SPACE = re.compile(r"[ \t\r\n\f]+")


def sanitised(source: str) -> str:
    """HTML with nothing in it but `_TAGS` and `_ATTRIBUTES`, links to http(s) and mail only."""
    return nh3.clean(source, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True)


def convert(source: str, base: str | None = None) -> list[md.Piece]:
    """The blocks of an HTML fragment or page; its top heading level becomes the
    page's second. Relative links and images lead where they do from `base`, the
    address the HTML was published at (a feed item's link), when it is known."""
    clean = sanitised(source)
    if not clean.strip():
        return []
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    if base:
        root.make_links_absolute(base, resolve_base_href=False, handle_failures="discard")
    tops = [int(element.tag[1]) for element in root.iter(*_HEADINGS)]
    return md.document(_blocks(root, md.MIN_HEADING - min(tops, default=md.MIN_HEADING)))


def _blocks(element: etree._Element, shift: int) -> list[md.Piece | None]:
    """The blocks of an element's content; loose text and inline elements between blocks make paragraphs."""
    pieces: list[md.Piece | None] = []
    loose: list[md.Inline] = [_text(element.text)] if element.text else []
    for child in element:
        if not isinstance(child.tag, str) or _unseen(child):
            loose += [_text(child.tail)] if child.tail else []
            continue
        if child.tag in _BLOCKS:
            pieces.append(md.paragraph(loose))
            loose = []
            pieces += _block(child, shift)
        else:
            loose += _inline(child)
        if child.tail:
            loose.append(_text(child.tail))
    pieces.append(md.paragraph(loose))
    return pieces


def _block(element: etree._Element, shift: int) -> list[md.Piece | None]:
    tag = element.tag
    if tag in _HEADINGS:
        return [md.heading(int(tag[1]) + shift, _inlines(element))]
    if tag == "p":
        return [md.paragraph(_inlines(element))]
    if tag == "pre":
        code = element.find("code")
        language = _LANGUAGE.search(" ".join(filter(None, [element.get("class"),
                                                           code.get("class") if code is not None else None])))
        return [md.code_block(element.text_content(), language[1] if language else "")]
    if tag in ("ul", "ol"):
        items = [md.document(_blocks(item, shift)) for item in element if item.tag == "li"]
        start = int(element.get("start")) if tag == "ol" and (element.get("start") or "").isdigit() else 1
        return [md.list_block(items, tag == "ol", start)]
    if tag == "dl":
        items: list[list[md.Piece]] = []
        for child in element:
            if child.tag == "dt" or (child.tag == "dd" and not items):
                items.append([])
            if child.tag == "dt":
                items[-1] += md.document([md.paragraph([md.strong(_inlines(child))])])
            elif child.tag == "dd":
                items[-1] += md.document(_blocks(child, shift))
        return [md.list_block(items)]
    if tag == "blockquote":
        return [md.quote_block(md.document(_blocks(element, shift)))]
    if tag == "table":
        return [_table(element)]
    if tag == "hr":
        return [md.rule()]
    return _blocks(element, shift)


def _table(element: etree._Element) -> md.Piece | None:
    rows = [row for row in element.iter("tr")]
    cells = [[md.joined(_inlines(cell)) for cell in row if cell.tag in ("td", "th")] for row in rows]
    cells = [row for row in cells if row]
    if not cells:
        return None
    headed = bool(rows) and all(cell.tag == "th" for cell in rows[0] if isinstance(cell.tag, str))
    return md.table(cells[0], cells[1:]) if headed else md.table([], cells)


def _inlines(element: etree._Element) -> list[md.Inline]:
    """An element's content as inline text (blocks inside it, as a heading's or a cell's, run together)."""
    parts: list[md.Inline] = [_text(element.text)] if element.text else []
    for child in element:
        if isinstance(child.tag, str) and not _unseen(child):
            parts += _inline(child)
        if child.tail:
            parts.append(_text(child.tail))
    return parts


def _text(value: str) -> md.Inline:
    """Text of HTML as a browser shows it: each run of white space one space."""
    return md.text(_WHITE_SPACE.sub(" ", value))


def _unseen(element: etree._Element) -> bool:
    """Whether an element is shown only to screen readers."""
    return not SCREEN_READER_CLASSES.isdisjoint((element.get("class") or "").split())


def _inline(element: etree._Element) -> list[md.Inline]:
    tag = element.tag
    if tag in ("strong", "b"):
        return [md.strong(_inlines(element))]
    if tag in ("em", "i", "cite", "var"):
        return [md.emphasis(_inlines(element))]
    if tag in ("code", "kbd", "samp", "tt"):
        return [md.code(element.text_content())]
    if tag == "a":
        inner = _inlines(element)
        if not md.joined(inner).markdown.strip():
            return []  # a link with nothing to show: a heading's permalink mark
        return [md.link(inner, element.get("href") or "")]
    if tag == "img":
        return [md.image(element.get("alt") or "", element.get("src") or "")]
    if tag == "br":
        return [md.line_break()]
    if tag in _BLOCKS:  # a block where only text can stand: its text
        return [md.text(" "), *_inlines(element), md.text(" ")]
    return _inlines(element)
