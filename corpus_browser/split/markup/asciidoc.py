"""AsciiDoc, read to the Asciidoctor user manual's rules: blocks first
(section headings, listing, literal, passthrough and comment blocks, fenced
code, quotation and example blocks, tables, lists with their nesting,
admonition paragraphs, block titles, block images), then each paragraph's
inline markup (`*strong*`, `_emphasis_`, `` `code` ``, `+monospace+`, links
`https://…[text]` and `link:…[text]`, inline images, footnotes). A link
to an attribute's address (`{uri-home}[Home]`) shows its text: the
attributes are the document header's, which the article's body does not hold.

Attribute entries, block attribute lists and comments give nothing; an
attribute reference (`{name}`) stays as written. No Python library reads
AsciiDoc without running the processor's filters and system macros (the
legacy asciidoc-py shells out to them): this module is the parser, as
`org.py` is Org's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus_browser.lang import markdown as md
from corpus_browser.split.formats import (
    ASCIIDOC_ATTRIBUTE,
    ASCIIDOC_COMMENT,
    ASCIIDOC_HEADING,
    ASCIIDOC_VERBATIM,
    asciidoc_block_end,
)

#: A block attribute list (`[source,ruby]`, `[NOTE]`, `[quote, Author]`).
_BLOCK_ATTRIBUTES = re.compile(r"^\[(?P<list>[^\[\]]*)\][ \t]*$")
#: A block's title: a dot, then text (`.The dawn of a new era`).
_BLOCK_TITLE = re.compile(r"^\.(?P<title>[^\s.].*)$")
#: Compound blocks, whose lines are blocks again: example, sidebar, quotation, open.
_COMPOUND_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|_{4,}|--)[ \t]*$")
#: A list item: `*`, `-` or `.` marks (more for deeper items), a checkbox perhaps, the text.
_ITEM = re.compile(r"^[ \t]*(?P<marks>\*{1,5}|-|\.{1,5})[ \t]+(?:\[[ x*]\][ \t]+)?(?P<text>\S.*)$")
#: A description list's term and its text (`CPU:: The brain`).
_TERM = re.compile(r"^(?P<term>\S.*?)(?::{2,4}|;;)(?:[ \t]+(?P<text>.*))?$")
#: An admonition paragraph's label (`NOTE: text`).
_ADMONITION = re.compile(r"^(?P<label>NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(?P<text>.*)$")
_IMAGE_BLOCK = re.compile(r"^image::(?P<target>[^\[\s]+)\[(?P<alt>[^\],]*)[^\]]*\][ \t]*$")
_DIRECTIVE = re.compile(r"^(?:ifn?def|ifeval|endif|include|toc)::")
#: A cell's style and span before its `|` (`a|`, `2+|`, `.^h|`), at the end of the cell before it.
_CELL_SPEC = re.compile(r"\s*(?:\d+[+*])?(?:\.?[<^>]?\.?[<^>]?)?[adehlmsv]?$")
_RULE = re.compile(r"^(?:'{3,}|<<<)[ \t]*$")
#: Lines that show nothing: attribute entries, comments, preprocessor directives.
_NOTHING_SHOWN = (ASCIIDOC_ATTRIBUTE, ASCIIDOC_COMMENT, _DIRECTIVE)
#: What inline markup looks like, in the order it is tried at each place.
_INLINE = re.compile(
    r"(?P<url>(?:link:)?(?P<href>(?:https?|mailto):[^\s\[\]<>]+|(?<=link:)[^\s\[\]]+)\[(?P<label>[^\]]*)\])"
    r"|(?P<reference>\{[\w-]+\}[^\s\[\]]*\[(?P<shown>[^\]]*)\])"
    r"|(?P<bare>\b(?:https?)://[^\s\[\]<>]+[^\s\[\]<>.,;:!?)])"
    r"|(?P<image>image:(?P<src>[^\s\[\]:][^\s\[\]]*)\[(?P<alt>[^\],\]]*)[^\]]*\])"
    r"|(?P<note>footnote:\[(?P<footnote>[^\]]*)\])"
    r"|(?P<code>`(?P<coded>[^`\n]+?)`|(?<![\w+])\+(?P<plus>[^+\s](?:[^+\n]*?[^+\s])?)\+(?![\w+]))"
    r"|(?P<strong>\*\*(?P<strong2>.+?)\*\*|(?<![\w*])\*(?P<strong1>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![\w*]))"
    r"|(?P<em>__(?P<em2>.+?)__|(?<![\w_])_(?P<em1>[^_\s](?:[^_\n]*?[^_\s])?)_(?![\w_])"
    r"|(?<![\w'])'(?P<em3>[^'\s](?:[^'\n]*?[^'\s])?)'(?![\w']))"
    r"|(?P<hard> \+$)",
    re.MULTILINE,
)


def convert(source: str) -> list[md.Piece]:
    """The blocks of an AsciiDoc text; its top section level becomes the page's second."""
    lines = source.split("\n")
    tops = [len(found["marks"]) for line in lines if (found := ASCIIDOC_HEADING.match(line))]
    notes: list[md.Piece] = []
    pieces = _blocks(lines, md.MIN_HEADING - min(tops, default=md.MIN_HEADING), notes)
    return md.document([*pieces, *notes])


def _blocks(lines: Sequence[str], shift: int, notes: list[md.Piece]) -> list[md.Piece | None]:
    pieces: list[md.Piece | None] = []
    attributes = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or any(pattern.match(line) for pattern in _NOTHING_SHOWN):
            i += 1
        elif found := _BLOCK_ATTRIBUTES.match(line):
            attributes = found["list"]
            i += 1
            continue
        elif ASCIIDOC_VERBATIM.match(line):
            i = _verbatim(lines, i, attributes, pieces)
        elif _COMPOUND_DELIMITER.match(line):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip() == line.rstrip()), len(lines))
            inner = md.document(_blocks(lines[i + 1:end], shift, notes))
            quoted = line.startswith("_") or attributes.split(",")[0].strip() in ("quote", "verse")
            pieces += [md.quote_block(inner)] if quoted else inner
            i = end + 1
        elif heading := ASCIIDOC_HEADING.match(line):
            pieces.append(md.heading(len(heading["marks"]) + shift, _inlines(heading["text"], notes)))
            i += 1
        elif _RULE.match(line):
            pieces.append(md.rule())
            i += 1
        elif image := _IMAGE_BLOCK.match(line):
            pieces.append(md.paragraph([md.image(image["alt"], image["target"])]))
            i += 1
        elif title := _BLOCK_TITLE.match(line):
            pieces.append(md.paragraph([md.strong(_inlines(title["title"], notes))]))
            i += 1
        elif _ITEM.match(line):
            block = _run(lines, i, lambda text: bool(_ITEM.match(text)) or _continues_item(text))
            pieces.append(_list(block, notes))
            i += len(block)
        elif line.startswith((" ", "\t")):
            block = _run(lines, i, lambda text: bool(text.strip()))
            pieces.append(md.code_block("\n".join(_dedented(block))))
            i += len(block)
        else:
            block = _run(lines, i, lambda text: bool(text.strip()) and not _opens_block(text))
            pieces.append(_paragraph(block, notes))
            i += len(block)
        attributes = ""
    return pieces


def _verbatim(lines: Sequence[str], start: int, attributes: str, pieces: list[md.Piece | None]) -> int:
    """A delimited verbatim block: code (its language from `[source,ruby]` or the
    fence), a comment (nothing), a table (`_table`); returns the line after it."""
    end = asciidoc_block_end(lines, start)
    opening = lines[start].rstrip()
    body = "\n".join(lines[start + 1:end])
    if opening.startswith("/") or not body.strip():
        return end + 1
    if opening.startswith("|"):
        pieces.append(_table(lines[start + 1:end], attributes))
        return end + 1
    if opening.startswith("```"):
        language = opening[3:]
    else:
        parts = [part.strip() for part in attributes.split(",")]
        language = parts[1] if len(parts) > 1 and parts[0] == "source" else ""
    pieces.append(md.code_block(body, language))
    return end + 1


def _table(rows: Sequence[str], attributes: str) -> md.Piece | None:
    """A table's cells (each after a `|`, a cell's style before it dropped), in
    rows as wide as its first line or its `cols`; the first row a header when a
    blank line follows it or its options say so."""
    cells: list[str] = []
    for line in rows:
        parts = line.split("|")
        if cells and parts[0].strip() and not _CELL_SPEC.fullmatch(parts[0].strip()):
            cells[-1] += " " + parts[0].strip()  # a cell's text continued
        cells += [_CELL_SPEC.sub("", part).strip() if n < len(parts) - 1 else part.strip()
                  for n, part in enumerate(parts[1:], start=1)]
    first = next((line for line in rows if line.strip()), "")
    width = first.count("|") if first.count("|") > 1 else _columns(attributes)
    if not cells or width < 1:
        return None
    table = [[md.joined(_inlines(cell, [])) for cell in cells[n:n + width]] for n in range(0, len(cells), width)]
    after_first = rows.index(first) + 1 if first in rows else 0
    header = "header" in attributes or (after_first < len(rows) and not rows[after_first].strip())
    return md.table(table[0], table[1:]) if header else md.table([], table)


def _columns(attributes: str) -> int:
    """How many columns a table's `cols` attribute gives (`"1,3"`, `"3*"`), one when it gives none."""
    found = re.search(r'cols\s*=\s*"?([^"]*)"?', attributes)
    if not found:
        return 1
    spec = found[1].strip()
    repeat = re.match(r"(\d+)\*", spec)
    return int(repeat[1]) if repeat else len(spec.split(","))


def _continues_item(line: str) -> bool:
    """A line that continues a list item: wrapped text, or `+` joining the next block to it."""
    return bool(line.strip()) and not _opens_block(line)


def _opens_block(line: str) -> bool:
    return bool(ASCIIDOC_HEADING.match(line) or _ITEM.match(line) or _BLOCK_ATTRIBUTES.match(line)
                or ASCIIDOC_VERBATIM.match(line) or _COMPOUND_DELIMITER.match(line) or ASCIIDOC_ATTRIBUTE.match(line)
                or ASCIIDOC_COMMENT.match(line) or _IMAGE_BLOCK.match(line) or line.rstrip() == "+")


def _run(lines: Sequence[str], start: int, accepts) -> list[str]:
    end = start + 1
    while end < len(lines) and accepts(lines[end]):
        end += 1
    return list(lines[start:end])


def _dedented(block: Sequence[str]) -> list[str]:
    indent = min(len(line) - len(line.lstrip()) for line in block if line.strip())
    return [line[indent:] for line in block]


def _list(block: Sequence[str], notes: list[md.Piece]) -> md.Piece | None:
    """Items by their marks; a deeper mark (`**`, `..`) nests a list under the item before it."""
    entries: list[tuple[str, str]] = []
    for line in block:
        item = _ITEM.match(line)
        if item:
            entries.append((item["marks"], item["text"]))
        elif entries:
            entries[-1] = (entries[-1][0], f"{entries[-1][1]}\n{line.strip()}")
    return _nested_list(entries, notes)


def _nested_list(entries: Sequence[tuple[str, str]], notes: list[md.Piece]) -> md.Piece | None:
    marks = entries[0][0]
    items: list[list[md.Piece | None]] = []
    i = 0
    while i < len(entries):
        end = i + 1
        while end < len(entries) and entries[end][0] != marks:
            end += 1
        nested = _nested_list(entries[i + 1:end], notes) if end > i + 1 else None
        items.append(md.document([_paragraph([entries[i][1]], notes), nested]))
        i = end
    return md.list_block(items, ordered=marks.startswith("."))


def _paragraph(block: Sequence[str], notes: list[md.Piece]) -> md.Piece | None:
    """A paragraph (an admonition's label in strong letters, a term before its text)."""
    text = "\n".join(line.strip() for line in block)
    if admonition := _ADMONITION.match(text):
        label = admonition["label"].capitalize() + ":"
        return md.paragraph([md.strong([md.text(label)]), md.text(" "), *_inlines(admonition["text"], notes)])
    if (term := _TERM.match(block[0])) and "://" not in term["term"]:
        rest = "\n".join([term["text"] or "", *(line.strip() for line in block[1:])]).strip()
        return md.paragraph([md.strong(_inlines(term["term"], notes)), md.text(" "), *_inlines(rest, notes)])
    return md.paragraph(_inlines(text, notes))


def _inlines(text: str, notes: list[md.Piece]) -> list[md.Inline]:
    """A paragraph's inline markup; its lines joined by spaces, but where ` +` ends one (a hard break)."""
    parts: list[md.Inline] = []
    at = 0
    for found in _INLINE.finditer(text):
        parts.append(md.text(text[at:found.start()].replace("\n", " ")))
        parts.append(_inline(found, notes))
        at = found.end()
    parts.append(md.text(text[at:].replace("\n", " ")))
    return parts


def _inline(found: re.Match[str], notes: list[md.Piece]) -> md.Inline:
    kind = next(name for name in ("url", "reference", "bare", "image", "note", "code", "strong", "em", "hard") if found[name])
    if kind == "url":
        label = found["label"].split(",")[0].strip().strip('"')
        return md.link(_inlines(label, notes) if label else [md.text(found["href"])], found["href"])
    if kind == "reference":  # a link to an attribute's address, defined where the article cannot see
        return md.joined(_inlines(found["shown"].split(",")[0].strip().strip('"'), notes))
    if kind == "bare":
        return md.link([md.text(found["bare"])], found["bare"])
    if kind == "image":
        return md.image(found["alt"], found["src"])
    if kind == "note":
        note = md.footnote(str(len(notes) + 1), md.document([md.paragraph(_inlines(found["footnote"], notes))]))
        if note is None:
            return md.text("")
        notes.append(note)
        return md.footnote_ref(str(len(notes)))
    if kind == "code":
        return md.code(found["coded"] or found["plus"])
    if kind == "strong":
        return md.strong(_inlines(found["strong2"] or found["strong1"], notes))
    if kind == "em":
        return md.emphasis(_inlines(found["em2"] or found["em1"] or found["em3"], notes))
    return md.line_break()
