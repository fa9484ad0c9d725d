"""A zip of exports that is no export of its own kind (Substack's): a Medium
export (`posts/*.html`, each an h-entry), a zipped folder of saved pages, a
zipped feed or WordPress export. Each file in it is read as if it stood in
the seeds folder, and its items point at the file's line in the zip's
listing. Where some of its pages mark up their posts (h-entry, as Medium's
do), its other pages (a profile, lists of bookmarks and claps) are no posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from corpus_browser.errors import SeedError
from corpus_browser.model import EXPORT_SUFFIXES
from corpus_browser.split.imports.hentry import HENTRY, read_hentry
from corpus_browser.split.imports.items import Export, Imported, ImportedItem, Importer, member_seed

#: Files in a zip that are read: those of an export's suffix, but no zip inside it.
_READ_SUFFIXES = EXPORT_SUFFIXES - {".zip"}


def zip_reader(importers: Sequence[Importer]) -> Importer:
    """The reader of zips whose files `importers` read."""
    def read_zip(export: Export) -> Imported | None:
        if not export.seed.data:
            return None
        names = [name for name in export.members if PurePosixPath(name).suffix.lower() in _READ_SUFFIXES]
        found = {name: _read(export, name, importers) for name in names}
        if not any(found.values()):
            return None
        posts_marked_up = any(imported.importer == HENTRY for imported in found.values() if imported)
        items: list[ImportedItem] = []
        for name, imported in found.items():
            line = export.members[name]
            if imported is None:
                continue
            if posts_marked_up and imported.importer != HENTRY:
                items.append(ImportedItem(name, "", line, line, kind="page with no h-entry"))
                continue
            items += [replace(item, first_line=line, last_line=line) for item in imported.items]
        unread = len(export.members) - sum(1 for imported in found.values() if imported)
        kinds = sorted({imported.importer for imported in found.values() if imported})
        notes = (f"{unread} files of the zip no importer reads",) if unread else ()
        return Imported(f"zip of {', '.join(kinds) or 'no export'}", tuple(items), notes)
    return read_zip


def _read(export: Export, name: str, importers: Sequence[Importer]) -> Imported | None:
    """A file of the zip read by the first importer that recognises it; None for one
    none does, or that holds binary data (NUL bytes, as the source skips such files)."""
    seed = member_seed(export, name)
    if any("\0" in line for line in seed.lines):
        return None
    member = Export(seed, export.overrides)
    try:
        hentry = read_hentry(member)
        if hentry is not None:
            return hentry
        return next((found for importer in importers if (found := importer(member)) is not None), None)
    except SeedError as error:
        raise export.error(f"zip member {name!r}: {error.message}", export.members[name]) from None
