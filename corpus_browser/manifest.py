"""The manifest: what the last build wrote into the docs folder, and from what.

`docs/.corpus-browser.json` lists every generated page with a hash of its
content, so the build rewrites only changed pages and never touches a file it
did not make. It also records a digest of the build's inputs and a stamp of the
generated files (sizes and modification times), so a re-run with nothing
changed can stop before reading the corpus (see `freshness.py`).

This module imports only the standard library: the up-to-date check must start fast.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError

MANIFEST_NAME = ".corpus-browser.json"
_MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Manifest:
    files: dict[str, str] = field(default_factory=dict)
    """Generated page path (below the docs folder) to the SHA-256 of its content."""
    inputs: str | None = None
    """Digest of the seeds, sidecars, taxonomy, settings and code the pages were built from;
    None when the last build was incomplete or had problems to report."""
    stamp: str | None = None
    """`files_stamp` of the generated pages (and report) right after that build."""


def read_manifest(docs_dir: Path) -> Manifest:
    path = docs_dir / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            raise TypeError("files is not a mapping")
        return Manifest({str(name): str(digest) for name, digest in files.items()},
                        _optional_str(data.get("inputs")), _optional_str(data.get("stamp")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise OutputError(str(path), f"manifest is unreadable ({error}); delete it and the generated pages to start afresh") from None


def manifest_bytes(manifest: Manifest) -> bytes:
    data = {"version": _MANIFEST_VERSION, "generator": "corpus-browser",
            "inputs": manifest.inputs, "stamp": manifest.stamp, "files": dict(sorted(manifest.files.items()))}
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def files_stamp(paths: Iterable[Path]) -> str:
    """A digest of the paths' sizes and modification times: it changes when any
    of them is edited, replaced or deleted, and costs one `stat` per file."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            status = os.stat(path)
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
    return digest.hexdigest()


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None
