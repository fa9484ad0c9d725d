"""reStructuredText, read with docutils: its document tree walked into safe
Markdown. Parsing is safe: no file is included or read, `raw` is off, and no
problem is reported anywhere (a directive docutils does not know, as Sphinx's
roles are, leaves its text)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.body import CodeBlock

from corpus_browser.lang import markdown as md

#: docutils' settings: read only the text given, report nothing, never stop.
_SETTINGS = {
    "file_insertion_enabled": False, "raw_enabled": False, "_disable_config": True, "report_level": 5,
    "halt_level": 5, "warning_stream": False, "syntax_highlight": "none", "doctitle_xform": False,
    "sectsubtitle_xform": False, "input_encoding": "unicode", "smart_quotes": False, "language_code": "en",
}
#: The names Sphinx and Pelican give docutils' `code` directive, read as it.
for _name in ("code-block", "sourcecode"):
    directives.register_directive(_name, CodeBlock)
#: Interpreted text with a role: `:ref:`Title <target>``.
_ROLE = re.compile(r"^:[\w:.+-]+:`(.*)`$", re.DOTALL)
#: Classes of a literal block that are not its language.
_NOT_LANGUAGES = frozenset({"code", "literal-block", "highlight", "doctest"})


def convert(source: str) -> list[md.Piece]:
    """The blocks of a reStructuredText text; its top section level becomes the page's second."""
    return _blocks(publish_doctree(source, settings_overrides=_SETTINGS).children, md.MIN_HEADING)


def _blocks(children: Iterable[nodes.Node], level: int) -> list[md.Piece]:
    pieces: list[md.Piece | None] = []
    for child in children:
        pieces += _block(child, level)
    return md.document(pieces)


def _block(node: nodes.Node, level: int) -> list[md.Piece | None]:
    if isinstance(node, nodes.section):
        title = node.next_node(nodes.title)
        heading = md.heading(level, _inlines(title.children)) if title is not None else None
        return [heading, *_blocks((child for child in node.children if child is not title), level + 1)]
    if isinstance(node, nodes.paragraph):
        return [md.paragraph(_inlines(node.children))]
    if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
        language = next((name for name in node.get("classes", []) if name not in _NOT_LANGUAGES), "")
        return [md.code_block(node.astext(), language)]
    if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
        ordered = isinstance(node, nodes.enumerated_list)
        items = [_blocks(item.children, level) for item in node.children]
        return [md.list_block(items, ordered, int(node.get("start", 1)) if ordered else 1)]
    if isinstance(node, nodes.definition_list):
        return [md.list_block([[md.paragraph([md.strong(_inlines(item.next_node(nodes.term).children))]),
                                *_blocks(item.next_node(nodes.definition).children, level)]
                               for item in node.children if isinstance(item, nodes.definition_list_item)])]
    if isinstance(node, nodes.field_list):
        return [md.list_block([[md.paragraph([md.strong([md.text(field[0].astext())]), md.text(": "),
                                              *_inlines_of(field[1])])] for field in node.children])]
    if isinstance(node, (nodes.block_quote, nodes.Admonition)):
        return [md.quote_block(_blocks(node.children, level))]
    if isinstance(node, nodes.line_block):
        return [md.paragraph(_lines(node))]
    if isinstance(node, nodes.table):
        return [_table(node)]
    if isinstance(node, nodes.transition):
        return [md.rule()]
    if isinstance(node, (nodes.footnote, nodes.citation)):
        label = node.next_node(nodes.label)
        return [md.footnote(label.astext() if label else "note",
                            _blocks((child for child in node.children if child is not label), level))]
    if isinstance(node, nodes.image):
        return [md.paragraph([md.image(node.get("alt", ""), node.get("uri", ""))])]
    if isinstance(node, nodes.system_message):  # docutils' own words are not the article's; the source's lines are
        return [md.code_block(block.astext()) for block in node.children if isinstance(block, nodes.literal_block)]
    if isinstance(node, (nodes.figure, nodes.container, nodes.compound, nodes.topic, nodes.sidebar)):
        return list(_blocks(node.children, level))
    if isinstance(node, (nodes.comment, nodes.target, nodes.substitution_definition, nodes.title, nodes.label,
                         nodes.Invisible)):
        return []
    text = node.astext().strip()
    return [md.paragraph([md.text(text)])] if text else []


def _role_text(match: re.Match[str]) -> str:
    """What a role's text shows: `Title <target>` shows `Title`."""
    text = match[1]
    return text.rsplit("<", 1)[0].strip() if text.endswith(">") and "<" in text else text


def _table(node: nodes.table) -> md.Piece | None:
    rows = [[md.joined(_inlines_of(entry)) for entry in row.children]
            for part in node.findall(lambda found: isinstance(found, (nodes.thead, nodes.tbody)))
            for row in part.children]
    head = node.next_node(nodes.thead)
    header_rows = len(head.children) if head is not None else 0
    if not rows:
        return None
    return md.table(rows[0], rows[1:]) if header_rows else md.table([], rows)


def _lines(node: nodes.line_block) -> list[md.Inline]:
    parts: list[md.Inline] = []
    for line in node.findall(nodes.line):
        parts += [*_inlines(line.children), md.line_break()]
    return parts[:-1]


def _inlines_of(node: nodes.Node) -> list[md.Inline]:
    """A container's inline text (a table cell's, a field body's), its paragraphs run together."""
    parts: list[md.Inline] = []
    for paragraph in node.findall(nodes.paragraph):
        parts += [*(_inlines(paragraph.children)), md.text(" ")]
    return parts[:-1] if parts else [md.text(node.astext())]


def _inlines(children: Iterable[nodes.Node]) -> list[md.Inline]:
    found: list[md.Inline] = []
    for node in children:
        if isinstance(node, nodes.Text):
            found.append(md.text(str(node).replace("\n", " ")))
        elif isinstance(node, (nodes.emphasis, nodes.title_reference)):
            found.append(md.emphasis(_inlines(node.children)))
        elif isinstance(node, nodes.strong):
            found.append(md.strong(_inlines(node.children)))
        elif isinstance(node, nodes.literal):
            found.append(md.code(node.astext()))
        elif isinstance(node, nodes.reference):
            href = node.get("refuri") or (f"#{node['refid']}" if node.get("refid") else "")
            found.append(md.link(_inlines(node.children), href) if href else md.joined(_inlines(node.children)))
        elif isinstance(node, nodes.image):
            found.append(md.image(node.get("alt", ""), node.get("uri", "")))
        elif isinstance(node, (nodes.footnote_reference, nodes.citation_reference)):
            found.append(md.footnote_ref(node.astext()))
        elif isinstance(node, nodes.problematic):  # a role docutils does not know (Sphinx's): its text
            found.append(md.text(_ROLE.sub(_role_text, node.astext())))
        elif isinstance(node, (nodes.target, nodes.system_message, nodes.comment)):
            continue
        else:
            found += _inlines(node.children) if node.children else [md.text(node.astext())]
    return found
