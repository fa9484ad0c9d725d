"""Safe Markdown: text from input written so that it renders as exactly that
text, and the structures an article's own markup states (links, emphasis,
code, lists, quotes, tables, headings, footnotes, rules, images) written so
that nothing else can arise from them: no raw HTML, no attribute, no link or
image to any scheme but http, https and mailto (and anchors on the page). (A
paragraph of plain text dense in characters Markdown escapes is written as an
HTML paragraph of that text, escaped: `text_paragraph`.)

Converters of each source format (`split/markup/`) parse the source with a
real parser and build their output from these pieces only; the site writes
the result as it is. Every piece carries its Markdown and its plain text (what
search, tagging and excerpts read), so the two never disagree.

The Markdown is the dialect MkDocs renders with Python-Markdown and the
extensions the plugin turns on (`tables`, `fenced_code`, `footnotes`,
`sane_lists`, `attr_list`), and is valid CommonMark as well.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

#: Characters with inline meaning in Python-Markdown with MkDocs' extensions
#: (tables add `|`, attr_list `{}`, ATX headings strip trailing `#`; `[` opens links,
#: images and footnotes, so `!` and `^` need no escape of their own).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
#: Line starts that open a list, a rule or an ordered list ("1986. A year").
_BLOCK_START = re.compile(r"^(?:([-+])|(\d+)(\.))")
#: What else a line of a paragraph may not start with: an underline that makes the line above a heading.
_UNDERLINE_START = re.compile(r"^=")
#: Characters that end a line for Markdown or for a reader: an inline value is one line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
#: Control characters that are not line breaks: no text holds them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
#: Characters no address holds (tabs and line breaks among them): dropped before its scheme is read.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Schemes a link may lead to; any other link keeps only its text.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes an image may be loaded from.
IMAGE_SCHEMES = frozenset({"http", "https"})
#: What a link to a relative address (`/blog/go1.5`, `../other-post/`) leads to
#: until the site resolves it (`site/links.py`): the address follows, wholly
#: percent-encoded. No link from the input can have it: its scheme is none of `LINK_SCHEMES`.
RELATIVE_MARK = "cb-relative:"
#: Characters kept as they are in a link's address; all others are percent-encoded.
_URL_SAFE = "/:@!$&'*+,;=?#%~-._"
#: A footnote's label as written in the Markdown: letters and digits only.
_LABEL = re.compile(r"[^A-Za-z0-9]+")
#: Heading levels an article's own headings take: its title is the page's only level 1.
MIN_HEADING, MAX_HEADING = 2, 6
#: Escapes one paragraph may need before it is written as HTML instead (`text_paragraph`).
MAX_ESCAPES = 2_000
#: Indentation of a list item's continued blocks (Python-Markdown needs four spaces).
_INDENT = "    "


def escape(text: str) -> str:
    """Text as Markdown that renders to exactly that text, on one line of its own."""
    return _line_start(_inline(text))


def text_paragraph(text: str) -> str:
    """A paragraph of text as a page writes it: escaped Markdown (`escape`), or,
    when that needs more than `MAX_ESCAPES` escapes, an HTML paragraph of the text
    with `&`, `<` and `>` escaped, which renders the same. Python-Markdown's time
    grows with the square of one paragraph's escapes (40,000 take it 2 s, a
    400,000-character run of brackets many minutes); an HTML block it passes
    through as it is."""
    markdown = escape(text)
    if not dense(markdown):
        return markdown
    return f"<p>{html.escape(_LINE_BREAKS.sub(' ', text), quote=False)}</p>"


def dense(markdown: str) -> bool:
    """Whether Markdown holds more than `MAX_ESCAPES` escapes and entities: too many
    for Python-Markdown to render in one paragraph in reasonable time (a source's
    paragraph that dense is shown as its plain text, `text_paragraph`)."""
    return markdown.count("\\") + markdown.count("&") > MAX_ESCAPES


def _inline(text: str) -> str:
    """Text as Markdown that renders to exactly that text, within a line."""
    if not text.isprintable():  # line breaks are not printable; most text has none
        text = _LINE_BREAKS.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of text in a block: its Markdown and its plain text."""

    markdown: str
    plain: str


def text(value: str) -> Inline:
    """Text as it reads: control characters dropped, line breaks and tabs one space each."""
    value = _LINE_BREAKS.sub(" ", _UNPRINTABLE.sub("", value.replace("\t", " ")))
    return Inline(_inline(value), value)


def joined(parts: Iterable[Inline]) -> Inline:
    parts = list(parts)
    return Inline("".join(part.markdown for part in parts), "".join(part.plain for part in parts))


def _wrapped(parts: Iterable[Inline], mark: str) -> Inline:
    """`parts` between `mark`s, the white space at either end kept outside them (Markdown
    does not open or close emphasis next to a space)."""
    inner = joined(parts)
    core = inner.markdown.strip()
    if not core:
        return inner
    lead = inner.markdown[: len(inner.markdown) - len(inner.markdown.lstrip())]
    trail = inner.markdown[len(inner.markdown.rstrip()):]
    return Inline(f"{lead}{mark}{core}{mark}{trail}", inner.plain)


def emphasis(parts: Iterable[Inline]) -> Inline:
    return _wrapped(parts, "*")


def strong(parts: Iterable[Inline]) -> Inline:
    return _wrapped(parts, "**")


def code(value: str) -> Inline:
    """Inline code: a run of backticks longer than any inside, and a space
    inside them where the code starts or ends with a backtick."""
    value = _LINE_BREAKS.sub(" ", value)
    if not value:
        return Inline("", "")
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return Inline(f"{fence}{pad}{value}{pad}{fence}", value)


def line_break() -> Inline:
    """A hard line break inside a paragraph (verse, addresses)."""
    return Inline("  \n", "\n")


def safe_url(href: str, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """`href` percent-encoded so that it cannot end the link it stands in, or None
    when it leads to a scheme not in `schemes` (a fragment `#name` is kept)."""
    href = _CONTROL.sub("", href).strip()
    if not href:
        return None
    if href.startswith("#"):
        return "#" + quote(href[1:], safe="-._~")
    try:
        scheme = urlsplit(href).scheme.casefold()
    except ValueError:
        return None
    if scheme not in schemes or "\\" in href:
        return None
    return quote(href, safe=_URL_SAFE).replace("(", "%28").replace(")", "%29")


def link(parts: Iterable[Inline], href: str) -> Inline:
    """A link, or its text alone when it leads nowhere the site may send a reader.
    A link to a relative address is marked for the site to resolve (`relative_link`)."""
    inner = joined(parts)
    if is_relative(href) and inner.plain.strip():
        return relative_link(inner.plain, href)
    url = safe_url(href)
    if url is None or not inner.markdown.strip():
        return inner if inner.markdown.strip() or url is None or url.startswith("#") else Inline(f"<{url}>", href)
    return Inline(f"[{inner.markdown}]({url})", inner.plain)


def is_relative(href: str) -> bool:
    """Whether `href` is an address relative to the page or the site it was written for
    (no scheme, no host, not only an anchor)."""
    href = _CONTROL.sub("", href).strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return bool(href) and not parts.scheme and not parts.netloc and not href.startswith(("#", "//")) \
        and "\\" not in href and bool(parts.path)


def relative_link(label: str, href: str) -> Inline:
    """A link to a relative address, as the site resolves it: its text plain (no
    bracket unescaped, so the link can be found again; nothing at its start that
    would open a block, so it can stand alone where the link stood) and its
    address wholly percent-encoded after `RELATIVE_MARK`."""
    shown = text(label.strip())
    address = quote(_CONTROL.sub("", href).strip(), safe="")
    return Inline(f"[{_line_start(shown.markdown)}]({RELATIVE_MARK}{address})", shown.plain)


def image(alt: str, src: str) -> Inline:
    """An image from http(s), with its alt text; from anywhere else, its alt text alone."""
    url = safe_url(src, IMAGE_SCHEMES)
    shown = text(alt)
    if url is None:
        return shown
    return Inline(f"![{shown.markdown}]({url})", alt)


def footnote_ref(label: str) -> Inline:
    return Inline(f"[^{footnote_label(label)}]", "")


def footnote_label(label: str) -> str:
    return _LABEL.sub("", label) or "note"


# --- blocks -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """A block of an article's own markup: what kind it is, its Markdown, and
    its plain text (one text per paragraph, heading or list item)."""

    kind: str
    """`paragraph`, `heading`, `bullet_list`, `numbered_list`, `code`, `quote`, `table`, `rule`, `footnote`."""
    markdown: str
    texts: tuple[str, ...]


def paragraph(parts: Sequence[Inline]) -> Piece | None:
    """A paragraph; its lines (after hard breaks) start where no block can open."""
    inner = joined(parts)
    lines = inner.markdown.strip().split("\n")
    markdown = "\n".join(_line_start(line.strip()) + ("  " if line.endswith("  ") and n < len(lines) - 1 else "")
                         for n, line in enumerate(lines))
    plain = "\n".join(" ".join(line.split()) for line in inner.plain.strip().split("\n"))
    return Piece("paragraph", markdown, (plain,)) if markdown.strip() else None


def _line_start(line: str) -> str:
    """A line of a paragraph, escaped where its start would open a block."""
    line = _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)
    return _UNDERLINE_START.sub("&#61;", line)  # (Python-Markdown has no escape for `=`)


def heading(level: int, parts: Sequence[Inline]) -> Piece | None:
    inner = joined(parts)
    markdown = _line_start(" ".join(inner.markdown.replace("  \n", " ").split()))
    if not markdown:
        return None
    level = min(max(level, MIN_HEADING), MAX_HEADING)
    return Piece("heading", f"{'#' * level} {markdown}", (" ".join(inner.plain.split()),))


def code_block(value: str, language: str = "") -> Piece:
    """Lines of code as they are, in a fence no line inside can close."""
    lines = value.rstrip("\n").split("\n")
    fence = "`" * max(3, max((len(run) for line in lines for run in re.findall("^`+", line.strip())), default=0) + 1)
    language = re.sub(r"[^\w+.#-]", "", language.split()[0]) if language.strip() else ""
    return Piece("code", "\n".join([fence + language, *lines, fence]), (value.rstrip("\n"),))


def _nested(piece: Piece) -> Piece:
    """A block as it can stand inside a list item, a quote or a footnote: code
    indented (Python-Markdown reads fences only at the top level), the rest as it is."""
    if piece.kind != "code":
        return piece
    return Piece("code", "\n".join(f"{_INDENT}{line}" if line else "" for line in piece.texts[0].split("\n")),
                 piece.texts)


def rule() -> Piece:
    return Piece("rule", "---", ())


def quote_block(pieces: Sequence[Piece]) -> Piece | None:
    if not pieces:
        return None
    inner = _stacked(pieces)
    return Piece("quote", "\n".join(f"> {line}".rstrip() for line in inner.split("\n")),
                 tuple(text for piece in pieces for text in piece.texts))


def list_block(items: Sequence[Sequence[Piece]], ordered: bool = False, start: int = 1) -> Piece | None:
    """A list whose items are blocks: each item's first block beside its marker,
    the rest indented under it."""
    items = [item for item in items if item]
    if not items:
        return None
    rendered = []
    for n, item in enumerate(items):
        marker = f"{start + n}." if ordered else "-"
        body = _item_body(item).split("\n")
        rendered.append("\n".join([f"{marker} {body[0]}", *(f"{_INDENT}{line}" if line else "" for line in body[1:])]))
    loose = any(len([piece for piece in item if not piece.kind.endswith("list")]) > 1 for item in items)
    texts = tuple(" ".join(text for piece in item for text in piece.texts) for item in items)
    return Piece("numbered_list" if ordered else "bullet_list", ("\n\n" if loose else "\n").join(rendered), texts)


def _item_body(pieces: Sequence[Piece]) -> str:
    """A list item's blocks: a list right under the item's text without a blank
    line (the item stays tight), every other block after one."""
    parts = [_nested(pieces[0]).markdown]
    for piece in pieces[1:]:
        parts.append(("\n" if piece.kind.endswith("list") else "\n\n") + _nested(piece).markdown)
    return "".join(parts)


def table(header: Sequence[Inline], rows: Sequence[Sequence[Inline]]) -> Piece | None:
    """A pipe table; rows are padded or cut to the header's width."""
    width = len(header) or max((len(row) for row in rows), default=0)
    if not width:
        return None

    def cells(row: Sequence[Inline]) -> str:
        values = [cell.markdown.replace("  \n", " ").replace("\n", " ") for cell in row][:width]
        values += [""] * (width - len(values))
        return "| " + " | ".join(value or " " for value in values) + " |"

    head = header if header else [text("")] * width
    lines = [cells(head), "|" + "|".join(["---"] * width) + "|", *(cells(row) for row in rows)]
    texts = tuple(" ".join(cell.plain for cell in row) for row in [header, *rows] if row)
    return Piece("table", "\n".join(lines), texts)


def footnote(label: str, pieces: Sequence[Piece]) -> Piece | None:
    if not pieces:
        return None
    body = _stacked(pieces).split("\n")
    lines = [f"[^{footnote_label(label)}]: {body[0]}", *(f"{_INDENT}{line}" if line else "" for line in body[1:])]
    return Piece("footnote", "\n".join(lines), tuple(text for piece in pieces for text in piece.texts))


def _stacked(pieces: Sequence[Piece]) -> str:
    """Blocks one after another inside a container, a blank line between them."""
    return "\n\n".join(_nested(piece).markdown for piece in pieces)


def document(pieces: Iterable[Piece | None]) -> list[Piece]:
    """The blocks that hold something, in order."""
    return [piece for piece in pieces if piece is not None and (piece.markdown or piece.texts)]
