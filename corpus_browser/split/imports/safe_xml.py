"""XML exports read with defusedxml: an entity declared in the file (the
billion laughs), an external entity (`SYSTEM "file:///etc/passwd"`) or an
external DTD is refused, never expanded nor fetched; the error names the file
and the line. Each element keeps the lines it spans, so an item can be pointed
at. Two defects are common enough in real exports to be got round, and the
reading says so: a bare `&` (in a URL, a title) is read as `&amp;`; a file
cut short (a download that stopped) is read up to its last whole record (an
`<item>`, an `<entry>`), what follows set aside."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import errors

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from corpus_browser.split.imports.items import Export

#: An `&` that starts no entity or character reference.
_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)")
#: The parser's errors that say the text stopped before the XML did: no end tag, a token, a character or a CDATA section unclosed.
_CUT_SHORT = frozenset({errors.codes[errors.XML_ERROR_NO_ELEMENTS], errors.codes[errors.XML_ERROR_UNCLOSED_TOKEN],
                        errors.codes[errors.XML_ERROR_PARTIAL_CHAR],
                        errors.codes[errors.XML_ERROR_UNCLOSED_CDATA_SECTION]})
#: The records of a feed or an export (an RSS or WordPress `<item>`, an Atom `<entry>`, a wiki's `<page>`):
#: a file cut short is read up to the last of them closed, a child or grandchild of the root.
_RECORDS, _RECORD_DEPTH = frozenset({"item", "entry", "page"}), 2
#: What an XML file starts with before its root element: a declaration, comments, a doctype.
_PROLOGUE = re.compile(r"(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|\s)*", re.DOTALL)


@dataclass(frozen=True)
class XmlDocument:
    """A parsed XML file, and the lines each of its elements spans."""

    root: Element
    spans: dict[Element, tuple[int, int]]
    notes: tuple[str, ...] = ()
    cut_short: bool = False
    """The file stopped before its XML did: its last records were read, not all of it."""

    def lines(self, element: Element) -> tuple[int, int]:
        return self.spans.get(element, (1, 1))


class _LineBuilder(TreeBuilder):
    """A tree builder that notes the line each element starts and ends on, and
    the last record closed (the line of its end tag; its name and start line,
    and those of the elements still open around it)."""

    def __init__(self):
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.starts: dict[Element, int] = {}
        self.spans: dict[Element, tuple[int, int]] = {}
        self.open: list[tuple[str, int]] = []
        self.last_record: tuple[int, tuple[tuple[str, int], ...]] | None = None

    def _line(self) -> int:
        return self.parser.parser.CurrentLineNumber if self.parser is not None else 1

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        line = self._line()
        self.starts[element] = line
        self.open.append((local(tag), line))
        return element

    def end(self, tag):
        element = super().end(tag)
        line = self._line()
        self.spans[element] = (self.starts.pop(element, 1), line)
        closed = self.open.pop()
        if 0 < len(self.open) <= _RECORD_DEPTH and closed[0] in _RECORDS:
            self.last_record = (line, (*self.open, closed))
        return element

    def cut_short(self, text: str) -> tuple[str, int] | None:
        """The text up to the end tag of the last record closed, the elements
        around it closed after it, and that tag's line; None when no record closed."""
        if self.last_record is None:
            return None
        line, chain = self.last_record
        lines = text.split("\n")
        *around, record = [_written(lines, name, start) for name, start in chain]
        ends = [found.end() for found in re.finditer(rf"</{re.escape(record)}\s*>", lines[line - 1])]
        if not ends:
            return None
        kept = [*lines[:line - 1], lines[line - 1][:ends[-1]]]
        return "\n".join(kept) + "".join(f"</{tag}>" for tag in reversed(around)), line


def _written(lines: Sequence[str], name: str, line: int) -> str:
    """An element's name as its start tag on that line writes it, with its prefix (`wp:item`)."""
    found = re.search(rf"<((?:[\w.-]+:)?{re.escape(name)})[\s/>]", lines[line - 1])
    return found[1] if found else name


def root_tag(export: Export) -> str:
    """The name of the root element the text opens with (`rss`, `feed`, `rdf:RDF`), or "" when it is no XML."""
    head = export.head
    if not head.startswith("<"):
        return ""
    found = re.match(r"<([A-Za-z_][\w:.-]*)", head[_PROLOGUE.match(head).end():])
    return found[1] if found else ""


def parse(export: Export, lenient: bool = False) -> XmlDocument | None:
    """The export's XML; raises the export's error, naming the line, when it declares
    entities, and when it is not well-formed XML (beyond bare ampersands), unless
    `lenient`: None then, for a reader that gets round it."""
    try:
        return _parsed(export.text)
    except _Refused as error:
        raise _error(export, error) from None
    except ParseError as error:
        repaired, count = _BARE_AMPERSAND.subn("&amp;", export.text)
        first = error
    try:
        document = _parsed(repaired) if count else None
    except _Refused as error:
        raise _error(export, error) from None
    except ParseError:
        document = None
    if document is None:
        if lenient:
            return None
        raise _error(export, first)
    return replace(document, notes=(f"not well-formed XML: {count} bare & read as &amp;", *document.notes))


def _parsed(text: str) -> XmlDocument:
    """The text's XML; read up to its last whole record when it stops before its XML does."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(text)
        root = parser.close()
    except DefusedXmlException as error:
        raise _Refused(error, builder._line()) from None
    except ParseError as error:
        cut = builder.cut_short(text) if error.code in _CUT_SHORT else None
        if cut is None:
            raise
        document, last = _parsed(cut[0]), cut[1]
        rest = [n for n, line in enumerate(text.split("\n")[last:], last + 1) if line.strip()]
        note = f"the file stops before its XML ends (cut short?): read up to its last whole record, on line {last}"
        if rest:
            note += f"; line {rest[0]} set aside" if len(rest) == 1 else f"; lines {rest[0]}-{rest[-1]} set aside"
        return replace(document, notes=(*document.notes, note), cut_short=True)
    return XmlDocument(root, builder.spans)


class _Refused(ParseError):
    """What defusedxml refuses to read, with the line it stands on."""

    def __init__(self, error: DefusedXmlException, line: int):
        super().__init__(f"{_refusal(error)}; such files are not read")
        self.position = (line, 0)


def _refusal(error: DefusedXmlException) -> str:
    name = type(error).__name__
    if name == "EntitiesForbidden":
        return f"declares the entity {getattr(error, 'name', '')!r}"
    if name == "DTDForbidden":
        return "declares a DTD"
    return "refers to an external entity or DTD"


def _error(export: Export, error: Exception):
    line = getattr(error, "position", (None,))[0]
    message = str(error) if isinstance(error, _Refused) else f"not well-formed XML: {str(error).split(':')[0]}"
    return export.error(message, line)


def local(tag: str) -> str:
    """An element's name without its namespace: `{http://purl.org/dc/elements/1.1/}creator` -> `creator`."""
    return tag.rpartition("}")[2]


def child_text(element: Element, name: str) -> str:
    """The text of the first child of that local name (any namespace), or ""."""
    for child in element:
        if local(child.tag) == name:
            return child.text or ""
    return ""


def children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local(child.tag) == name]
