"""What an importer gives: each item of an export with what the export states
of it, and the export as the importers see it (`Export`)."""

from __future__ import annotations

import codecs
import io
import json
import posixpath
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

import charset_normalizer
import lxml.html
from lxml import etree

from corpus_browser.errors import SeedError
from corpus_browser.model import Overrides, Seed

#: An XML declaration, which XHTML may open with (lxml reads no text that declares its encoding).
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]{0,200}\?>")

#: The kinds of item that are articles; any other (a page, a draft, an attachment, a revision,
#: a menu item …) is set aside, counted and listed.
ARTICLE_KINDS = frozenset({"post", "article", "entry", "item", "newsletter", "podcast", "thread"})


@dataclass(frozen=True)
class ImportedItem:
    """One item of an export, as the export states it."""

    title: str
    body: str
    """The item's text, written in `markup`."""
    first_line: int
    last_line: int
    """Where the item stands in the file (1-based lines; for an item of a zip, those of the zip's listing)."""
    authors: tuple[str, ...] = ()
    """Display names."""
    date: str | None = None
    """`YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) as the export states it, in the writer's own time zone."""
    tags: tuple[str, ...] = ()
    """Its tags and categories, as written."""
    summary: str | None = None
    subtitle: str | None = None
    kind: str = "post"
    """What the export says the item is: a post (`ARTICLE_KINDS`) is an article, anything else is set aside."""
    markup: str = "html"
    """How `body` is written: `html`, `markdown`, `text` or `wiki` (MediaWiki's markup)."""
    address: str | None = None
    """Where the item was published (its link), against which its relative links are read."""


@dataclass(frozen=True)
class Imported:
    """What an importer read from one file."""

    importer: str
    """Which export it is, for the report and `explain` ("WordPress export (WXR)")."""
    items: tuple[ImportedItem, ...]
    notes: tuple[str, ...] = ()
    """What the reading had to get round (`not well-formed XML: read with its bare & escaped`)."""


@dataclass(frozen=True)
class Export:
    """A seed as the importers see it: its text (or, for a zip, its members),
    and the sidecar's word on how to read a table (`Overrides.columns`)."""

    seed: Seed
    overrides: Overrides = field(default_factory=Overrides)

    @property
    def name(self) -> str:
        return self.seed.name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.seed.name).suffix.lower()

    @cached_property
    def text(self) -> str:
        """The file's text; empty for a zip."""
        return "" if self.seed.data else "\n".join(self.seed.lines)

    @cached_property
    def head(self) -> str:
        """The start of the text, for recognising a format cheaply: without a byte-order mark or leading space."""
        return self.text[:4096].lstrip("\ufeff \t\r\n")

    @cached_property
    def page(self) -> etree._Element | None:
        """The text as lxml reads an HTML page (no entities expanded, nothing
        fetched), read once for every importer that asks; None when it holds nothing."""
        try:
            # (the declaration's lines kept as blank ones: an element's line is the file's)
            return lxml.html.document_fromstring(
                _XML_DECLARATION.sub(lambda found: "\n" * found[0].count("\n"), self.text, count=1))
        except (etree.ParserError, ValueError):
            return None

    @cached_property
    def json(self) -> object:
        """The text read as one JSON value, or None when it is none."""
        if not self.head.startswith(("{", "[")):
            return None
        try:
            return json.loads(self.text)
        except (ValueError, RecursionError):
            return None

    @cached_property
    def members(self) -> dict[str, int]:
        """A zip's files, by their names in it (`posts/1.html`), each with its line
        (its place in the zip's listing, `Seed.lines`). Names that lead out of the
        zip (`../x`, `/etc/x`) are left out: nothing is unpacked to disk, and no
        importer looks for them."""
        found = {}
        for line, name in enumerate(self.seed.lines, 1):
            normal = posixpath.normpath(name.replace("\\", "/"))
            if self.seed.data and not normal.startswith(("/", "../")) and normal not in (".", "..") \
                    and ":" not in normal.partition("/")[0]:
                found.setdefault(normal, line)
        return found

    def member(self, name: str) -> bytes:
        """The bytes of a zip's file (named as in `members`), read in memory, never
        more than its listing says it holds (which the source checked against its limits)."""
        original = self.seed.lines[self.members[name] - 1]
        try:
            with zipfile.ZipFile(io.BytesIO(self.seed.data)) as archive:
                info = archive.getinfo(original)
                with archive.open(info) as file:
                    data = file.read(info.file_size + 1)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as error:
            raise self.error(f"zip member {name!r} cannot be read: {error}", self.members[name]) from None
        if len(data) > info.file_size:
            raise self.error(f"zip member {name!r} holds more than its listing says", self.members[name])
        return data

    def error(self, message: str, line: int | None = None) -> SeedError:
        """The error for what in this export cannot be read: one line naming the file (and the line)."""
        return SeedError(self.name, message, line)


#: An importer: the file's items, or None when the file is not of its format; raises
#: `SeedError` (`Export.error`) for a file of its format that cannot be read.
Importer = Callable[[Export], Imported | None]


def decoded(data: bytes) -> str:
    """A file's text: by its byte-order mark, else UTF-8, else as charset-normalizer
    reads it (the source decodes seeds so; a zip's members are decoded here)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def member_seed(export: Export, name: str) -> Seed:
    """A zip's file as a seed of its own, named by the zip and its place in it."""
    text = decoded(export.member(name))
    return Seed(f"{export.name}/{name}", tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))


def listed(mapping: Mapping[str, object] | None, key: str) -> list[object]:
    """A JSON field that should hold a list: its list, or an empty one."""
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    return value if isinstance(value, list) else []
