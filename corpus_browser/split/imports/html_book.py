"""A web page that is a whole book or collection: Project Gutenberg's HTML
editions, a collection of stories or essays saved as one page. Its pieces
stand under headings of one rank that the page's own contents list links to
(`<a href="#chapter-3">`), or that framed marker lines stand around
(`*** START OF THE PROJECT GUTENBERG EBOOK … ***` before them, `*** END OF …
***` after: a transcribed book or issue); each piece is an article, titled
by its heading.

A page is read so when it holds no article of its own (no `<article>`,
`<main>` or h-entry: those are a post's page, read by `saved_page.py`), at
least `BOOK_MIN_PIECES` headings of one rank are linked to or framed so, and
its pieces are an article's length on average (`BOOK_MEAN_WORDS`): a long
post with a linked table of contents keeps its sections.

A page that is a log (a project's news or changelog page, a diary) is read
the same way: most headings of one rank, `BOOK_MIN_PIECES` at least, carry a
version or a date and follow one pattern (`mypackage 1.2.0`, `mypackage
1.1.0 (2021-04-02)`; `May 3, 1821`, `May 4, 1821`), little text stands before
the first, and each opens an entry however short, in a `<main>` too, unless
the page holds an `<article>` or an h-entry or declares itself one article's
(a post whose sections are dated stays one post).

What stands before the first piece (the title page, the contents list) and,
in the last piece, from a framed marker line on (`*** END OF THE PROJECT
GUTENBERG EBOOK … ***`, then its licence) is set aside. A heading that is
only a label (`CHAPTER I`) numbers a part of the piece above it, and a
heading over almost no text (`Edited by Andrew Lang`) belongs with what
stands before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from corpus_browser.lang import rules
from corpus_browser.lang.recognise import (
    byline_names,
    find_date,
    signature_names,
    without_leading_date,
    without_trailing_date,
)
from corpus_browser.lang.text import clean, reader_title, title_pattern
from corpus_browser.split.imports.fields import plain
from corpus_browser.split.imports.hentry import has_class, is_html
from corpus_browser.split.imports.items import Export, Imported, ImportedItem
from corpus_browser.split.imports.saved_page import declares_an_article

#: The importer's name, for the report and `explain`.
HTML_BOOK = "web page of a book or collection"
#: The heading ranks looked at, the top first.
_RANKS = ("h1", "h2", "h3")
#: A book has at least this many pieces its contents list links to ...
BOOK_MIN_PIECES = 3
#: ... and this many words in a piece on average.
BOOK_MEAN_WORDS = 300
#: A page is a log when at least this share of its headings of one rank carry a version or a date, and
#: this share of those follow one pattern, ...
LOG_SHARE = 2 / 3
#: ... with at most this many words before the first.
LOG_LEAD_MAX_WORDS = 150
#: Elements whose text is no text of the page.
_NO_TEXT = frozenset({"script", "style", "title", "template"})
#: A heading over fewer words than this stands with what is before it.
PIECE_MIN_WORDS = 40
#: The elements a piece's text stands in, paragraph by paragraph.
_TEXT_BLOCKS = ("p", "div", "center", "blockquote", "h4", "h5", "h6")
#: What a paragraph's class, alignment or style holds when it is set off as a signature.
_SIGNATURE_MARKS = ("author", "sign", "right")
#: Headings under a piece's title that may credit its authors in small capitals, among its first this many paragraphs.
_CREDIT_HEADINGS = ("h3", "h4", "h5", "h6")
CREDIT_HEADING_REACH = 2
#: The classes of a span set in small capitals.
_SMALL_CAPITALS = frozenset({"smcap", "smcaps", "smallcaps", "sc"})
#: A piece is signed at its foot only when it has at least this many paragraphs.
SIGNED_MIN_PARAGRAPHS = 3
#: libxml2 counts lines up to this one: a piece's heading further down has no known line.
_LAST_LINE_KNOWN = 65_535


@dataclass(frozen=True)
class _Piece:
    heading: etree._Element
    blocks: tuple[etree._Element, ...]
    """The elements under the heading, up to the next piece's."""

    @property
    def words(self) -> int:
        return sum(len(block.text_content().split()) for block in self.blocks)


def read_html_book(export: Export) -> Imported | None:
    if not is_html(export):
        return None
    page = export.page
    body = page.find("body") if page is not None else None
    if body is None or _holds_a_post(page):
        return None
    pieces, log = _pieces(body, _link_targets(page))
    if len(pieces) < BOOK_MIN_PIECES or not log and (
            page.find(".//main") is not None or sum(piece.words for piece in pieces) < BOOK_MEAN_WORDS * len(pieces)):
        return None
    lines = [piece.heading.sourceline or 0 for piece in pieces]
    if not all(0 < a < b < _LAST_LINE_KNOWN for a, b in zip(lines, lines[1:])):
        return None  # where the pieces stand is not known (libxml2 counts lines up to 65,535): one page
    return Imported(HTML_BOOK, tuple(_items(export, pieces)))


def _holds_a_post(page: etree._Element) -> bool:
    """The page holds an article or an h-entry, or declares itself one article's."""
    return page.find(".//article") is not None or declares_an_article(page) or any(
        has_class(element, ("h-entry",)) for element in page.iter() if isinstance(element.tag, str))


def _link_targets(page: etree._Element) -> set[str]:
    """The anchors the page's own links lead to (`#chapter-3`)."""
    return {href[1:] for link in page.iter("a") if (href := link.get("href") or "").startswith("#") and len(href) > 1}


def _pieces(body: etree._Element, targets: set[str]) -> tuple[list[_Piece], bool]:
    """The pieces under the top rank of headings the page links to (or that
    framed marker lines stand around, or most of which are stamped: a log),
    labels and headings over almost no text joined to the piece above (before
    the first, to nothing: it is front matter); and whether they are a log's."""
    order = {element: n for n, element in enumerate(body.iter())}
    markers = [n for element, n in order.items() if _holds_marker(element)]
    for rank in _RANKS:
        headings = list(body.iter(rank))
        if len(headings) < BOOK_MIN_PIECES:
            continue
        framed = bool(markers) and markers[0] < order[headings[0]] and markers[-1] > order[headings[-1]]
        log = _log(headings)
        if not (framed or log or sum(1 for heading in headings if _linked(heading, body, targets)) >= BOOK_MIN_PIECES):
            continue
        blocks = [_block(heading, body) for heading in headings]
        parents = [block.getparent() for block in blocks]
        if len(set(parents)) == 1 or log and len({_depth(parent) for parent in parents}) == 1:
            # (pieces set at different depths: not a book; a log's entries may stand in groups, a major release's)
            return _joined(_cut(blocks, headings), targets, log), log
    return [], False


def _depth(element: etree._Element) -> int:
    return sum(1 for _ in element.iterancestors())


def _log(headings: Sequence[etree._Element]) -> bool:
    """Headings of a log's entries: most carry a version or a date, most follow
    one pattern (`tool 2.1 — 2021-04-02`, `tool 2.0 — …`: a section's number,
    `1.1 Installing`, `1.2 Configuring`, follows none), and little text stands
    before the first (a page's title, its navigation: not a post, whose
    comments are dated)."""
    stamped = [heading for heading in headings if _stamped(heading)]
    if len(stamped) < BOOK_MIN_PIECES or len(stamped) < LOG_SHARE * len(headings):
        return False
    patterns = Counter(title_pattern(plain(heading.text_content())) for heading in stamped)
    lead = sum(len(text.split()) for text in stamped[0].xpath("preceding::text()")
               if text.getparent().tag not in _NO_TEXT)
    return patterns.most_common(1)[0][1] >= LOG_SHARE * len(stamped) and lead <= LOG_LEAD_MAX_WORDS


def _stamped(heading: etree._Element) -> bool:
    """The heading carries a version (`2.6.4`) or a date to the month at least: a log's entry."""
    text = plain(heading.text_content())
    return bool(rules.VERSION.search(text) or find_date(text))


def _holds_marker(element: etree._Element) -> bool:
    """The element's text, or the text after it, holds a framed marker line
    (`*** START OF THE PROJECT GUTENBERG EBOOK PUNCH ***`, `*** END OF … ***`):
    such lines before a page's first heading and after its last frame a
    transcribed book or issue, whose headings title its pieces though no
    contents list links to them."""
    return isinstance(element.tag, str) and any(rules.FRAMED_LINE.match(line.strip()) for text in
                                                (element.text, element.tail) for line in (text or "").splitlines())


def _linked(heading: etree._Element, body: etree._Element, targets: set[str]) -> bool:
    """The heading, an anchor in it, or one in the elements with no text right
    before it or before the element it alone stands in (`<p><a id="chapter-3"></a></p>`,
    a spacer, then `<center><h3>…</h3></center>`) is a link's target."""
    near = list(heading.iter())
    before = _block(heading, body).getprevious() if heading.getprevious() is None else heading.getprevious()
    while before is not None and not before.text_content().strip():
        near += list(before.iter())
        before = before.getprevious()
    return any((element.get("id") or element.get("name")) in targets for element in near
               if isinstance(element.tag, str))


def _block(heading: etree._Element, body: etree._Element) -> etree._Element:
    """The outermost element under `body` that holds this heading and no other of its rank."""
    block = heading
    while block.getparent() is not None and block.getparent() is not body \
            and sum(1 for _ in block.getparent().iter(heading.tag)) == 1:
        block = block.getparent()
    return block


def _cut(blocks: Sequence[etree._Element], headings: Sequence[etree._Element]) -> list[_Piece]:
    """Each heading's piece: its block and the siblings after it up to the next
    heading's block, or to the end of the element they stand in."""
    children = {parent: list(parent) for parent in dict.fromkeys(block.getparent() for block in blocks)}
    position = {child: n for siblings in children.values() for n, child in enumerate(siblings)}
    pieces = []
    for n, (block, heading) in enumerate(zip(blocks, headings)):
        siblings = children[block.getparent()]
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        end = position[following] if following is not None and following.getparent() is block.getparent() \
            else len(siblings)
        pieces.append(_Piece(heading, tuple(_content(siblings[position[block]:end], heading))))
    return pieces


def _content(elements: Sequence[etree._Element], heading: etree._Element) -> list[etree._Element]:
    """The elements of a piece but its heading (which may stand inside the first of them)."""
    first, *rest = elements
    inner = [element for element in first if element is not heading] if first is not heading else []
    return [element for element in [*inner, *rest] if isinstance(element.tag, str)]


def _joined(pieces: list[_Piece], targets: set[str], log: bool) -> list[_Piece]:
    """Each piece that opens an article, with the parts (labels, headings over
    almost no text) after it; a title over parts (`A VOYAGE TO LILLIPUT` over
    `CHAPTER I`) opens one, and so does a log's stamped entry, however short."""
    labels = [bool(rules.LABEL_ONLY.match(plain(piece.heading.text_content()))) for piece in pieces]
    joined: list[_Piece] = []
    for n, piece in enumerate(pieces):
        over_parts = n + 1 < len(pieces) and labels[n + 1]
        long_enough = over_parts or piece.words >= PIECE_MIN_WORDS or log and piece.words and _stamped(piece.heading)
        opens = not labels[n] and long_enough and not _listing(piece, targets)
        if opens:
            joined.append(piece)
        elif joined:
            last = joined[-1]
            joined[-1] = _Piece(last.heading, (*last.blocks, piece.heading, *piece.blocks))
    return joined


def _listing(piece: _Piece, targets: set[str]) -> bool:
    """Most of the piece's words are links to the page's own pieces: its contents list."""
    linked = sum(len(link.text_content().split()) for block in piece.blocks for link in block.iter("a")
                 if (link.get("href") or "")[1:] in targets)
    return linked * 2 > piece.words


def _items(export: Export, pieces: Sequence[_Piece]) -> list[ImportedItem]:
    lines = max(len(export.seed.lines), 1)
    firsts = [piece.heading.sourceline for piece in pieces]
    items = []
    if firsts[0] > 1:
        items.append(ImportedItem(title="front matter", body="", first_line=1, last_line=firsts[0] - 1,
                                  kind="front matter"))
    for n, piece in enumerate(pieces):
        blocks, back = _before_marker(piece.blocks) if n + 1 == len(pieces) else (list(piece.blocks), None)
        last = firsts[n + 1] - 1 if n + 1 < len(pieces) else (back.sourceline - 1 if back is not None else lines)
        date = find_date(plain(piece.heading.text_content()))
        title = without_leading_date(without_trailing_date(_title(piece.heading))) if date else _title(piece.heading)
        items.append(ImportedItem(title=title, body=_html(blocks), authors=_credited(blocks), date=date,
                                  first_line=firsts[n], last_line=max(last, firsts[n]), kind="article"))
        if back is not None and n + 1 == len(pieces):
            items.append(ImportedItem(title="back matter", body="", first_line=back.sourceline or lines,
                                      last_line=lines, kind="back matter"))
    return items


def _title(heading: etree._Element) -> str:
    """The heading as a title, as a plain-text book's: capitals eased, a full
    stop at its end dropped (`THE DIURNAL FEMININE.`: `The Diurnal Feminine`)."""
    return reader_title(plain(heading.text_content()))[0]


def _credited(blocks: Sequence[etree._Element]) -> tuple[str, ...]:
    """The authors a piece names in a byline under its heading (`BY MRS. W. J.
    HAYS.`) or, failing that, in a signature at its foot set off as one (`<p
    class="author">J. M. S.</p>`, a right-aligned line, a dash before the name):
    a last line in capitals alone (`NEW YORK`) signs nothing. Rules drawn in
    dashes around a byline (`———`) are no paragraphs of it."""
    paragraphs = [element for block in blocks for element in _paragraphs(block)
                  if any(char.isalnum() for char in _text(element))]
    if not paragraphs:
        return ()
    names = byline_names(_text(paragraphs[0])) or next(
        (found for element in paragraphs[:CREDIT_HEADING_REACH] if (found := _names_in_small_capitals(element))), None)
    foot = paragraphs[-1]
    if not names and len(paragraphs) >= SIGNED_MIN_PARAGRAPHS and _set_off(foot):
        names = signature_names(_text(foot))
    return names or ()


def _names_in_small_capitals(element: etree._Element) -> tuple[str, ...] | None:
    """The people a heading under the title names in small capitals, as an edition
    sets authors (`<h4><span class="smcap">A. B. Carter</span>, <i>Maple
    College</i></h4>`): each such name (a comma after it setting off what
    the author is, `Jane Roe, USDA`), the heading opening with one;
    a name of two words at least, nothing but a comma after the last."""
    if element.tag not in _CREDIT_HEADINGS or (element.text or "").strip():
        return None
    spans = [child for child in element if child.tag == "span" and has_class(child, _SMALL_CAPITALS)]
    if not spans or spans[0] is not element[0] or (spans[-1].tail or "").strip()[:1] not in ("", ",") \
            or any(len(_text(span).split()) < 2 for span in spans):
        return None  # (a place, `Paris, June 3`; a time, `Monday Evening.`; a salutation, `Sir,—`)
    names = [byline_names("By " + _text(span)) for span in spans]
    return tuple(name for found in names if found for name in found) if all(names) else None


def _paragraphs(block: etree._Element) -> list[etree._Element]:
    """The innermost text elements in the block (the block itself if it holds
    none) that hold text, in the order they stand."""
    inner = [element for element in block.iter(*_TEXT_BLOCKS) if element is not block
             and not any(True for _ in element.iterdescendants(*_TEXT_BLOCKS))]
    return [element for element in inner or [block] if _text(element)]


def _text(element: etree._Element) -> str:
    return clean(element.text_content())


def _set_off(element: etree._Element) -> bool:
    """The paragraph is set off as a signature: its class says so (`author`,
    `signature`), it is aligned right, or a dash opens it."""
    marks = f"{element.get('class') or ''} {element.get('align') or ''} {element.get('style') or ''}".casefold()
    return any(mark in marks for mark in _SIGNATURE_MARKS) or _text(element)[:1] in "—–-"


def _before_marker(blocks: Sequence[etree._Element]) -> tuple[list[etree._Element], etree._Element | None]:
    """The blocks before the first one holding a framed marker line (`*** END OF … ***`), and that block."""
    for n, block in enumerate(blocks):
        if any(rules.FRAMED_LINE.match(line.strip()) for line in block.text_content().splitlines()):
            return list(blocks[:n]), block
    return list(blocks), None


def _html(blocks: Sequence[etree._Element]) -> str:
    """The blocks as HTML, each with the text that follows it."""
    return "".join(etree.tostring(block, encoding="unicode", method="html") for block in blocks)
