"""The manifest: what the last build wrote into the docs folder, and from what.

`docs/.corpus-browser.json` lists every generated page with a hash of its
content, so the build rewrites only changed pages and never touches a file it
did not make. It also records a digest of the build's inputs, so a re-run with
nothing changed can stop before reading the corpus (see `freshness.py`). It is
written last, so a build interrupted before the end is never taken as complete.

This module imports only the standard library: the up-to-date check must start fast.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from corpus_browser.errors import OutputError

MANIFEST_NAME = ".corpus-browser.json"
#: The folder in the docs folder where pages are written before they are renamed into place.
STAGING_NAME = ".corpus-browser-staging"
#: The folder in the docs folder where the build keeps what it made of each seed (see `cache.py`).
CACHE_NAME = ".corpus-browser-cache"
#: Names in the docs folder that the build keeps for itself: no page may take one.
PRIVATE_NAMES = (MANIFEST_NAME, STAGING_NAME, CACHE_NAME)
_MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Manifest:
    files: dict[str, str] = field(default_factory=dict)
    """Generated page path (below the docs folder) to the SHA-256 of its content."""
    inputs: str | None = None
    """Digest of the seeds, sidecars, taxonomy, settings and code the pages were built from;
    None when the last build was incomplete or had problems to report."""


def read_manifest(docs_dir: Path) -> Manifest:
    path = docs_dir / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            raise TypeError("files is not a mapping")
        inputs = data.get("inputs")
        return Manifest({str(name): str(digest) for name, digest in files.items()},
                        inputs if isinstance(inputs, str) else None)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise OutputError(str(path), f"manifest is unreadable ({error}); delete it and the generated pages to start afresh") from None


def manifest_bytes(manifest: Manifest) -> bytes:
    data = {"version": _MANIFEST_VERSION, "generator": "corpus-browser",
            "inputs": manifest.inputs, "files": dict(sorted(manifest.files.items()))}
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def page_content(target: str, size: int | None = None) -> bytes | None:
    """What the generated page file `target` holds; None unless it is a plain
    file (a link, a pipe or a folder in a page's place is not what the build
    wrote: it is opened without following links, and without waiting) and, if
    `size` is given, of that many bytes."""
    return file_content(target, size, follow_links=False)


def file_content(path: str | Path, size: int | None = None, follow_links: bool = True) -> bytes | None:
    """What the regular file `path` holds; None when it cannot be read or is
    anything else (a named pipe, which would keep a reader waiting forever, a
    device, a folder; with `follow_links` off, a link) or, if `size` is given,
    not of that many bytes. It is opened without waiting."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | (0 if follow_links else os.O_NOFOLLOW))
    except OSError:
        return None
    try:
        with open(handle, "rb") as file:
            found = os.fstat(file.fileno())
            if not stat.S_ISREG(found.st_mode) or (size is not None and found.st_size != size):
                return None
            return file.read()
    except OSError:
        return None


def inside(docs_dir: Path, path: str) -> Path | None:
    """The file that the generated-page path `path` names below `docs_dir`, or
    None unless it lies inside it (see `OutputFolder.inside`)."""
    return OutputFolder(docs_dir).inside(path)


class OutputFolder:
    """Which paths lie inside one docs folder. Every path the build writes,
    renames or removes passes `inside`; each folder is resolved once per
    instance, so one instance serves one pass over the pages."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self._base = os.fspath(docs_dir)
        self._root = os.path.realpath(docs_dir)
        self._folders: dict[str, bool] = {}

    def inside(self, path: str) -> Path | None:
        """The file `path` names, or None unless it lies inside the docs folder:
        a plain relative path (no `..`, no absolute path, nothing the build
        keeps for itself) that, links followed, still ends in the folder."""
        target = self.file(path)
        return None if target is None else Path(target)

    def file(self, path: str) -> str | None:
        """`inside`, as a string: for passes over thousands of pages, where making
        a `Path` of each costs more than the checks."""
        target = self.locate(path)
        if target is None or (os.path.islink(target) and not self._within(target, may_be_root=False)):
            return None
        return target

    def locate(self, path: str) -> str | None:
        """`inside`, but for a last part that is a link: the file is to be opened
        without following links (`O_NOFOLLOW`), as the up-to-date check does
        for its thousands of pages."""
        parts = path.split("/")
        if (not path or "\\" in path or "\0" in path or parts[0] in PRIVATE_NAMES
                or any(part in ("", ".", "..") for part in parts)):
            return None
        folder = path.rpartition("/")[0]
        if folder not in self._folders:
            self._folders[folder] = self._within(f"{self._base}/{folder}", may_be_root=True)
        return f"{self._base}/{path}" if self._folders[folder] else None

    def _within(self, path: str, may_be_root: bool) -> bool:
        resolved = os.path.realpath(path)
        return (may_be_root and resolved == self._root) or resolved.startswith(self._root.rstrip(os.sep) + os.sep)
