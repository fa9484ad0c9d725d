"""Markdown, read with markdown-it-py (CommonMark, with tables, strikethrough
and footnotes). Raw HTML in the source is read as HTML and goes through the
HTML converter (`html.py`: nh3's allow-list, then safe Markdown): a block of it
gives what it holds that Markdown can say (a table, an image, a link; a
comment nothing), and a paragraph holding inline HTML is read whole as HTML."""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

from corpus_browser.lang import markdown as md
from corpus_browser.split.markup import html

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin,
                                                                                      inline=False)


def convert(source: str) -> list[md.Piece]:
    """The blocks of a Markdown text; its top heading level becomes the page's
    second (the article's title is the first)."""
    nodes = SyntaxTreeNode(_PARSER.parse(source)).children
    top = min((int(node.tag[1:]) for node in nodes if node.type == "heading"), default=md.MIN_HEADING)
    return _blocks(nodes, md.MIN_HEADING - top)


def _blocks(nodes: Iterable[SyntaxTreeNode], shift: int = 0) -> list[md.Piece]:
    return md.document(piece for node in nodes for piece in _block_pieces(node, shift))


def _block_pieces(node: SyntaxTreeNode, shift: int) -> list[md.Piece | None]:
    """A block's pieces: raw HTML (a block of it, or a paragraph holding some) as the HTML converter reads it."""
    if node.type == "html_block":
        return list(html.convert(node.content))
    if node.type == "paragraph" and _holds_html(node):
        return list(html.convert(_PARSER.renderer.render(node.to_tokens(), _PARSER.options, {})))
    return [_block(node, shift)]


def _holds_html(node: SyntaxTreeNode) -> bool:
    return any(child.type == "html_inline" or _holds_html(child) for child in node.children)


def _block(node: SyntaxTreeNode, shift: int = 0) -> md.Piece | None:
    kind = node.type
    if kind == "paragraph":
        return md.paragraph(_shown(node))
    if kind == "heading":
        return md.heading(int(node.tag[1:]) + shift, _shown(node))
    if kind in ("fence", "code_block"):
        return md.code_block(node.content, node.info if kind == "fence" else "")
    if kind in ("bullet_list", "ordered_list"):
        start = int(node.attrs.get("start", 1)) if kind == "ordered_list" else 1
        return md.list_block([_blocks(item.children) for item in node.children], kind == "ordered_list", start)
    if kind == "blockquote":
        return md.quote_block(_blocks(node.children))
    if kind == "hr":
        return md.rule()
    if kind == "table":
        rows = [row for section in node.children for row in section.children]
        cells = [[md.joined(_inlines(cell.children)) for cell in row.children] for row in rows]
        return md.table(cells[0], cells[1:]) if cells else None
    if kind == "footnote_block":
        return _footnotes(node)
    return md.paragraph([md.text(node.content)]) if node.content else None


def _shown(node: SyntaxTreeNode) -> list[md.Inline]:
    """A paragraph's or heading's inline content; its source text as it is written
    when nothing of it would show (`![](x)`, a link to nowhere with no text)."""
    parts = _inlines(node.children)
    if "".join(part.plain for part in parts).strip():
        return parts
    written = "".join(child.content for child in node.children if child.type == "inline")
    return [md.text(written)] if written.strip() else parts


def _footnotes(node: SyntaxTreeNode) -> md.Piece | None:
    """The footnotes, one after another (a single piece: they render together, at the end)."""
    notes = md.document(md.footnote(str(note.meta.get("label") or n + 1), _blocks(note.children))
                        for n, note in enumerate(node.children))
    if not notes:
        return None
    return md.Piece("footnote", "\n\n".join(note.markdown for note in notes),
                    tuple(text for note in notes for text in note.texts))


def _inlines(nodes: Iterable[SyntaxTreeNode]) -> list[md.Inline]:
    found: list[md.Inline] = []
    for node in nodes:
        if node.type == "inline":
            found += _inlines(node.children)
        elif node.type == "text":
            found.append(md.text(node.content))
        elif node.type == "softbreak":
            found.append(md.text(" "))
        elif node.type == "hardbreak":
            found.append(md.line_break())
        elif node.type == "em":
            found.append(md.emphasis(_inlines(node.children)))
        elif node.type == "strong":
            found.append(md.strong(_inlines(node.children)))
        elif node.type == "code_inline":
            found.append(md.code(node.content))
        elif node.type == "link":
            found.append(md.link(_inlines(node.children), str(node.attrs.get("href", ""))))
        elif node.type == "image":
            alt = "".join(part.plain for part in _inlines(node.children))
            found.append(md.image(alt, str(node.attrs.get("src", ""))))
        elif node.type == "footnote_ref":
            found.append(md.footnote_ref(str(node.meta.get("label") or node.meta.get("id", ""))))
        elif node.type in ("footnote_anchor", "html_inline"):
            continue  # (a tag in a heading or a cell: its text is the nodes around it)
        else:  # strikethrough and anything else: its text
            found += _inlines(node.children) if node.children else [md.text(node.content)]
    return found
