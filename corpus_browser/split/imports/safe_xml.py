"""XML exports read with defusedxml: an entity declared in the file (the
billion laughs), an external entity (`SYSTEM "file:///etc/passwd"`) or an
external DTD is refused, never expanded nor fetched; the error names the file
and the line. Each element keeps the lines it spans, so an item can be pointed
at. One defect is common enough in real exports to be got round: a bare `&`
(in a URL, a title) is read as `&amp;`, and the reading says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from corpus_browser.split.imports.items import Export

#: An `&` that starts no entity or character reference.
_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)")
#: What an XML file starts with before its root element: a declaration, comments, a doctype.
_PROLOGUE = re.compile(r"(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|\s)*", re.DOTALL)


@dataclass(frozen=True)
class XmlDocument:
    """A parsed XML file, and the lines each of its elements spans."""

    root: Element
    spans: dict[Element, tuple[int, int]]
    notes: tuple[str, ...] = ()

    def lines(self, element: Element) -> tuple[int, int]:
        return self.spans.get(element, (1, 1))


class _LineBuilder(TreeBuilder):
    """A tree builder that notes the line each element starts and ends on."""

    def __init__(self):
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.starts: dict[Element, int] = {}
        self.spans: dict[Element, tuple[int, int]] = {}

    def _line(self) -> int:
        return self.parser.parser.CurrentLineNumber if self.parser is not None else 1

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.starts[element] = self._line()
        return element

    def end(self, tag):
        element = super().end(tag)
        self.spans[element] = (self.starts.pop(element, 1), self._line())
        return element


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
    return XmlDocument(document.root, document.spans,
                       (f"not well-formed XML: {count} bare & read as &amp;",))


def _parsed(text: str) -> XmlDocument:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(text)
        root = parser.close()
    except DefusedXmlException as error:
        raise _Refused(error, builder._line()) from None
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
