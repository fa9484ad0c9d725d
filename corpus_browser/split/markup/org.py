"""Org mode, read by a parser of Org's own syntax (Emacs' Org manual,
"Markup for rich contents" and "Structure"): blocks first (source, example,
quote, verse and export blocks, fixed-width lines, lists with their nesting,
tables, rules, footnote definitions, drawers, keywords, comments, headings),
then each paragraph's inline objects (links `[[url][text]]`, plain URLs,
emphasis markers with Org's border rules, code, footnote references).

No Python library parses Org's inline markup and blocks (orgparse reads the
outline and its properties only), and pandoc would need a process in a stage
that starts none: this module is the parser, written to the manual's rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus_browser.lang import markdown as md

_HEADING = re.compile(r"^(\*+)\s+(?:(?:TODO|DONE|DRAFT|COMMENT)\s+)?(?:\[#[A-Z]\]\s+)?(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
_BLOCK_BEGIN = re.compile(r"^\s*#\+begin_(\w+)(?:\s+(.*))?$", re.IGNORECASE)
_KEYWORD = re.compile(r"^\s*#\+\w+(?:\[.*\])?:")
_COMMENT = re.compile(r"^\s*#(?:\s|$)")
_DRAWER = re.compile(r"^\s*:([\w-]+):\s*$")
_PLANNING = re.compile(r"^\s*(?:CLOSED|SCHEDULED|DEADLINE):")
_FIXED_WIDTH = re.compile(r"^\s*:(?: |$)")
_RULE = re.compile(r"^\s*-{5,}\s*$")
_TABLE = re.compile(r"^\s*\|")
_TABLE_RULE = re.compile(r"^\s*\|[-+]+\|?\s*$")
_FOOTNOTE_DEF = re.compile(r"^\[fn:([\w-]+)\]\s*(.*)$")
_ITEM = re.compile(r"^(\s*)(?:([-+])|(\s+\*)|(\d+)[.)])\s+(?:\[[ X-]\]\s+)?(.*)$")
_DESCRIPTION = re.compile(r"^(.*?)\s+::(?:\s+(.*))?$")


@dataclass
class _Lines:
    """The lines being read, and where the reading stands."""

    lines: list[str]
    at: int = 0

    def more(self) -> bool:
        return self.at < len(self.lines)

    def peek(self) -> str:
        return self.lines[self.at]

    def take(self) -> str:
        self.at += 1
        return self.lines[self.at - 1]


def convert(source: str) -> list[md.Piece]:
    """The blocks of an Org text; its top heading level becomes the page's second."""
    lines = source.split("\n")
    tops = [len(match[1]) for line in lines if (match := _HEADING.match(line))]
    return _blocks(_Lines(lines), md.MIN_HEADING - min(tops, default=md.MIN_HEADING))


def _blocks(reader: _Lines, shift: int, indent: int = -1) -> list[md.Piece]:
    """Blocks until the lines end (or, inside a list item, until a line indented
    no deeper than `indent`)."""
    pieces: list[md.Piece | None] = []
    while reader.more():
        line = reader.peek()
        if indent >= 0 and line.strip() and _indent(line) <= indent:
            break
        pieces.append(_block(reader, shift))
    return md.document(pieces)


def _block(reader: _Lines, shift: int) -> md.Piece | None:
    line = reader.peek()
    stripped = line.strip()
    if not stripped:
        reader.take()
        return None
    if (heading := _HEADING.match(line)) and not line[0].isspace():
        reader.take()
        return md.heading(len(heading[1]) + shift, inlines(heading[2]))
    if begin := _BLOCK_BEGIN.match(line):
        return _special_block(reader, begin[1].casefold(), begin[2] or "", shift)
    if _DRAWER.match(line) and stripped.casefold() != ":end:":
        _skip_drawer(reader)
        return None
    if _PLANNING.match(line) or _KEYWORD.match(line) or _COMMENT.match(line):
        reader.take()
        return None
    if _FIXED_WIDTH.match(line):
        return md.code_block("\n".join(_take_while(reader, _FIXED_WIDTH.match, lambda text: text.strip()[2:])))
    if _RULE.match(line):
        reader.take()
        return md.rule()
    if _TABLE.match(line):
        return _table(_take_while(reader, _TABLE.match))
    if footnote := _FOOTNOTE_DEF.match(line):
        reader.take()
        return md.footnote(footnote[1], md.document([md.paragraph(inlines(footnote[2]))]))
    if _ITEM.match(line) and not (line.startswith("*")):
        return _list(reader, shift)
    return md.paragraph(inlines(" ".join(part.strip() for part in _paragraph_lines(reader))))


def _paragraph_lines(reader: _Lines) -> list[str]:
    """A paragraph: lines up to a blank line or a line that opens another block."""
    found = [reader.take()]
    while reader.more() and reader.peek().strip() and not _opens_block(reader.peek()):
        found.append(reader.take())
    return found


def _opens_block(line: str) -> bool:
    return bool((_HEADING.match(line) and not line[0].isspace()) or _BLOCK_BEGIN.match(line) or _KEYWORD.match(line)
                or _TABLE.match(line) or _FIXED_WIDTH.match(line) or _RULE.match(line) or _DRAWER.match(line)
                or (_ITEM.match(line) and not line.startswith("*")) or _FOOTNOTE_DEF.match(line))


def _take_while(reader: _Lines, accepts, keep=lambda text: text) -> list[str]:
    found = []
    while reader.more() and accepts(reader.peek()):
        found.append(keep(reader.take()))
    return found


def _special_block(reader: _Lines, kind: str, arguments: str, shift: int) -> md.Piece | None:
    """`#+begin_KIND ... #+end_KIND`: code and examples as they are, quotes and centred
    text as blocks, verse line by line, exported raw markup as text (never markup)."""
    reader.take()
    end = re.compile(rf"^\s*#\+end_{re.escape(kind)}\b", re.IGNORECASE)
    body = []
    while reader.more() and not end.match(reader.peek()):
        body.append(reader.take())
    if reader.more():
        reader.take()
    if kind in ("quote", "center"):
        inner = _blocks(_Lines(body), shift)
        return md.quote_block(inner) if kind == "quote" else (inner[0] if len(inner) == 1 else md.quote_block(inner))
    if kind == "verse":
        parts: list[md.Inline] = []
        for line in body:
            parts += [*inlines(line.strip()), md.line_break()] if line.strip() else [md.line_break()]
        return md.paragraph(parts[:-1])
    language = arguments.split()[0] if kind == "src" and arguments.strip() else ""
    return md.code_block(_dedented(body), language)


def _dedented(lines: Sequence[str]) -> str:
    """A block's lines without the indentation they share."""
    margin = min((_indent(line) for line in lines if line.strip()), default=0)
    return "\n".join(line[margin:] for line in lines)


def _skip_drawer(reader: _Lines) -> None:
    reader.take()
    while reader.more():
        if reader.take().strip().casefold() == ":end:":
            return


def _table(rows: Sequence[str]) -> md.Piece | None:
    """An Org table: rows of cells between `|`; a rule under the first row makes it the header."""
    cells = [[md.joined(inlines(cell.strip())) for cell in row.strip().strip("|").split("|")]
             for row in rows if not _TABLE_RULE.match(row)]
    ruled = len(rows) > 1 and _TABLE_RULE.match(rows[1])
    if not cells:
        return None
    return md.table(cells[0], cells[1:]) if ruled else md.table([], cells)


def _list(reader: _Lines, shift: int) -> md.Piece | None:
    """A list: items at one indentation, each with what is indented under it."""
    first = _ITEM.match(reader.peek())
    indent = len(first[1])
    ordered = first[4] is not None
    start = int(first[4]) if ordered else 1
    items: list[list[md.Piece]] = []
    while reader.more():
        line = reader.peek()
        if not line.strip():
            reader.take()
            if reader.more() and reader.peek().strip() and _indent(reader.peek()) > indent:
                continue
            if reader.more() and (match := _ITEM.match(reader.peek())) and len(match[1]) == indent \
                    and (match[4] is not None) == ordered:
                continue
            break
        match = _ITEM.match(line)
        if not match or len(match[1]) != indent or line.startswith("*") or (match[4] is not None) != ordered:
            break
        reader.take()
        text = [match[5]]
        while reader.more() and reader.peek().strip() and _indent(reader.peek()) > indent \
                and not _ITEM.match(reader.peek()) and not _opens_block(reader.peek().strip()):
            text.append(reader.take().strip())
        items.append(md.document([_item_text(" ".join(text)), *_blocks(reader, shift, indent)]))
    return md.list_block(items, ordered, start)


def _item_text(text: str) -> md.Piece | None:
    """An item's own text; a description item's term in bold before its description."""
    description = _DESCRIPTION.match(text)
    if description:
        return md.paragraph([md.strong(inlines(description[1])), md.text(": "), *inlines(description[2] or "")])
    return md.paragraph(inlines(text))


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


# --- inline objects --------------------------------------------------------------------------------

_LINK = re.compile(r"\[\[((?:[^\[\]\\]|\\.)+)\](?:\[((?:[^\[\]]|\[[^\[\]]*\])+)\])?\]")
_PLAIN_URL = re.compile(r"\b(?:https?|mailto):[^\s<>\[\]()]*[^\s<>\[\]().,;:!?'\"]")
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_FOOTNOTE_REF = re.compile(r"\[fn:([\w-]+)\]")
_IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp)$", re.IGNORECASE)
#: Emphasis markers and what each makes (code and verbatim keep their text as it is).
_MARKERS = {"*": "strong", "/": "emphasis", "_": "emphasis", "+": "plain", "=": "code", "~": "code"}
#: Org's borders for emphasis: what may stand before the opening marker and after the closing one.
_PRE = frozenset(" \t-({'\"")
_POST = frozenset(" \t-.,;:!?'\")}[\\")


def inlines(text: str) -> list[md.Inline]:
    """A paragraph's (or heading's, or cell's) inline objects."""
    found: list[md.Inline] = []
    plain_start = i = 0
    while i < len(text):
        made = _object_at(text, i)
        if made is None:
            i += 1
            continue
        piece, end = made
        if plain_start < i:
            found.append(md.text(text[plain_start:i]))
        found.append(piece)
        plain_start = i = end
    if plain_start < len(text):
        found.append(md.text(text[plain_start:]))
    return found


def _object_at(text: str, i: int) -> tuple[md.Inline, int] | None:
    """The inline object starting at `i`, with where it ends; None where none starts."""
    char = text[i]
    if char == "[":
        if link := _LINK.match(text, i):
            return _link(link[1], link[2]), link.end()
        if note := _FOOTNOTE_REF.match(text, i):
            return md.footnote_ref(note[1]), note.end()
    if char == "<" and (angle := _ANGLE_URL.match(text, i)):
        return md.link([md.text(angle[1])], angle[1]), angle.end()
    if char in "hm" and (i == 0 or not text[i - 1].isalnum()) and (url := _PLAIN_URL.match(text, i)):
        return md.link([md.text(url[0])], url[0]), url.end()
    if char == "\\" and text[i:i + 2] == "\\\\" and i + 2 == len(text.rstrip()):
        return md.line_break(), len(text)
    if char in _MARKERS and (i == 0 or text[i - 1] in _PRE):
        return _emphasis(text, i)
    return None


def _emphasis(text: str, i: int) -> tuple[md.Inline, int] | None:
    """`*strong*`, `/emphasis/`, `_underline_`, `+strike+`, `=verbatim=`, `~code~`:
    the marker, then text that neither starts nor ends with white space, then
    the marker again before a border."""
    marker = text[i]
    if i + 1 >= len(text) or text[i + 1].isspace():
        return None
    end = i + 1
    while True:
        end = text.find(marker, end + 1)
        if end < 0:
            return None
        if not text[end - 1].isspace() and (end + 1 == len(text) or text[end + 1] in _POST):
            break
    inner = text[i + 1:end]
    kind = _MARKERS[marker]
    if kind == "code":
        return md.code(inner), end + 1
    parts = inlines(inner)
    made = {"strong": md.strong, "emphasis": md.emphasis}.get(kind, md.joined)(parts)
    return made, end + 1


def _link(target: str, description: str | None) -> md.Inline:
    """`[[target][description]]`: a link to the web or to mail; an image when the
    target is an image and nothing describes it; a link to a heading
    (`[[*Title]]`, `[[Title]]`) or a local file is resolved by the site, which
    leads it to the post it names or keeps its text alone."""
    target = target.replace("\\[", "[").replace("\\]", "]").strip()
    if target.startswith("file:"):
        target = target[5:]
    if description is None and _IMAGE_FILE.search(target):
        return md.image("", target)
    shown = inlines(description) if description is not None else [md.text(target.removeprefix("*"))]
    return md.link(shown, target)
