"""Wiki markup (MediaWiki): blocks by their line marks (`== Heading ==`, list
items `*`, `#`, `;`/`:`, tables `{| … |}`, preformatted lines that start with a
space, code between `<pre>`, `<syntaxhighlight lang=…>` or `<source>` tags on
lines of their own, rules `----`), and each block's inline markup parsed by
mwparserfromhell: bold and italics, links to the web (`[https://… text]`), links
within the wiki (their text: the site holds none of its pages), references
(footnotes), entities; templates, comments and HTML tags give their text or
nothing, never markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

import mwparserfromhell
from mwparserfromhell import nodes

from corpus_browser.lang import markdown as md
from corpus_browser.split.formats import WIKI_CODE_OPEN, wiki_code_end, wiki_heading

_ITEM = re.compile(r"^([*#;:]+)\s*(.*)$")
_RULE = re.compile(r"^-{4,}\s*$")
_CODE_LANGUAGE = re.compile(r"""\blang\s*=\s*["']?([\w+#.-]+)""", re.IGNORECASE)
#: HTML tags whose content is never text: scripts, styles, and what MediaWiki hides.
_HIDDEN_TAGS = frozenset({"script", "style", "nowiki-hidden", "noinclude", "includeonly", "gallery", "math"})


def convert(source: str) -> list[md.Piece]:
    """The blocks of a wiki text; its top heading level becomes the page's second."""
    lines = _untokenised(source.split("\n"))
    tops = [heading[0] for line in lines if (heading := wiki_heading(line))]
    shift = md.MIN_HEADING - min(tops, default=md.MIN_HEADING)
    notes: list[md.Piece] = []
    pieces: list[md.Piece | None] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif heading := wiki_heading(line):
            pieces.append(md.heading(heading[0] + shift, _inlines(heading[1], notes)))
            i += 1
        elif line.startswith("{|"):
            end = next((j for j in range(i, len(lines)) if lines[j].startswith("|}")), len(lines) - 1)
            pieces.append(_table(lines[i + 1:end], notes))
            i = end + 1
        elif _RULE.match(line):
            pieces.append(md.rule())
            i += 1
        elif code := WIKI_CODE_OPEN.match(line):
            i = _code(lines, i, code, pieces)
        elif line.startswith(" "):
            block = _while(lines, i, lambda text: text.startswith(" ") and bool(text.strip()))
            pieces.append(md.code_block("\n".join(text[1:] for text in block)))
            i += len(block)
        elif _ITEM.match(line):
            block = _while(lines, i, lambda text, mark=line[0]: bool(_ITEM.match(text)) and text[0] == mark)
            pieces.append(_list(block, notes))
            i += len(block)
        else:
            block = _while(lines, i, lambda text: bool(text.strip()) and not _opens_block(text))
            pieces.append(md.paragraph(_inlines(" ".join(block), notes)))
            i += len(block)
    return md.document([*pieces, *notes])


def _untokenised(lines: list[str]) -> list[str]:
    """Lines as written: a dump that puts a space before every line (WikiText's
    tokenised text) loses it, which would otherwise make every line preformatted."""
    filled = [line for line in lines if line.strip()]
    spaced = sum(1 for line in filled if line.startswith(" "))
    return [line[1:] if line.startswith(" ") else line for line in lines] if spaced * 2 > len(filled) else lines


def _code(lines: Sequence[str], start: int, opening: re.Match[str], pieces: list[md.Piece | None]) -> int:
    """A block of code from its opening tag to the line that closes it, as written; returns where it ends."""
    end = wiki_code_end(lines, start, opening)
    body = [opening[3], *lines[start + 1:end + 1]]
    body[-1] = re.split(rf"</{opening[1]}\s*>", body[-1], maxsplit=1, flags=re.IGNORECASE)[0]
    language = _CODE_LANGUAGE.search(opening[2])
    text = "\n".join(body).strip("\n")
    pieces.append(md.code_block(text, language[1] if language else "") if text.strip() else None)
    return end + 1


def _opens_block(line: str) -> bool:
    return bool(wiki_heading(line) or _ITEM.match(line) or _RULE.match(line) or line.startswith(("{|", " "))
                or WIKI_CODE_OPEN.match(line))


def _while(lines: Sequence[str], start: int, accepts) -> list[str]:
    end = start
    while end < len(lines) and accepts(lines[end]):
        end += 1
    return list(lines[start:max(end, start + 1)])


def _list(lines: Sequence[str], notes: list[md.Piece]) -> md.Piece | None:
    """Items by their marks: `*` bullets, `#` numbers, `;` terms and `:` their
    definitions; a deeper mark nests a list under the item before it."""
    items: list[list[md.Piece]] = []
    ordered = _ITEM.match(lines[0])[1][0] == "#"
    i = 0
    while i < len(lines):
        marks, text = _ITEM.match(lines[i]).groups()
        end = i + 1
        while end < len(lines) and len(_ITEM.match(lines[end])[1]) > len(marks):
            end += 1
        nested = [line[len(marks):] for line in lines[i + 1:end]]
        parts = _inlines(text, notes)
        item = md.paragraph([md.strong(parts)] if marks[-1] == ";" else parts)
        items.append(md.document([item, _list(nested, notes) if nested else None]))
        i = end
    return md.list_block(items, ordered)


def _table(rows: Sequence[str], notes: list[md.Piece]) -> md.Piece | None:
    """A wiki table: rows between `|-`, cells after `|` or `!` (header), `||` between cells."""
    table: list[list[md.Inline]] = [[]]
    header = False
    for row in rows:
        if row.startswith("|-"):
            table.append([])
        elif row.startswith(("|", "!")) and not row.startswith("|+"):
            header = header or (row.startswith("!") and len(table) <= 2)
            cells = re.split(r"\|\||!!", row[1:])
            table[-1] += [md.joined(_inlines(cell.split("|", 1)[-1].strip(), notes)) for cell in cells]
    table = [row for row in table if row]
    if not table:
        return None
    return md.table(table[0], table[1:]) if header else md.table([], table)


def _inlines(text: str, notes: list[md.Piece]) -> list[md.Inline]:
    return _nodes(mwparserfromhell.parse(text).nodes, notes)


def _nodes(found: Sequence[nodes.Node], notes: list[md.Piece]) -> list[md.Inline]:
    parts: list[md.Inline] = []
    for node in found:
        if isinstance(node, nodes.Text):
            parts.append(md.text(str(node)))
        elif isinstance(node, nodes.HTMLEntity):
            parts.append(md.text(node.normalize()))
        elif isinstance(node, nodes.Wikilink):
            shown = node.text if node.text is not None else node.title
            parts += _nodes(shown.nodes, notes) if not str(node.title).lower().startswith(("file:", "image:",
                                                                                          "category:")) else []
        elif isinstance(node, nodes.ExternalLink):
            shown = _nodes(node.title.nodes, notes) if node.title is not None else [md.text(str(node.url))]
            parts.append(md.link(shown, str(node.url)))
        elif isinstance(node, nodes.Tag):
            parts += _tag(node, notes)
        elif isinstance(node, (nodes.Template, nodes.Comment, nodes.Argument)):
            continue
        else:
            parts.append(md.text(str(node)))
    return parts


def _tag(node: nodes.Tag, notes: list[md.Piece]) -> list[md.Inline]:
    """Bold and italics as strong and emphasis; a reference as a footnote; code as
    code; a line break as one; any other tag its text, and a hidden one nothing."""
    name = str(node.tag).lower()
    inner = _nodes(node.contents.nodes, notes) if node.contents is not None else []
    if name in ("b", "strong"):
        return [md.strong(inner)]
    if name in ("i", "em"):
        return [md.emphasis(inner)]
    if name in ("code", "tt", "kbd", "nowiki"):
        return [md.code(str(node.contents or ""))]
    if name == "br":
        return [md.line_break()]
    if name == "ref":
        note = md.footnote(str(len(notes) + 1), md.document([md.paragraph(inner)]))
        if note is None:
            return []
        notes.append(note)
        return [md.footnote_ref(str(len(notes)))]
    if name in _HIDDEN_TAGS:
        return []
    return inner
