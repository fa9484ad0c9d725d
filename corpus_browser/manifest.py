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
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError

MANIFEST_NAME = ".corpus-browser.json"
#: The folder in the docs folder where pages are written before they are renamed into place.
STAGING_NAME = ".corpus-browser-staging"
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


def inside(docs_dir: Path, path: str) -> Path | None:
    """The file that the generated-page path `path` names below `docs_dir`, or
    None unless it lies inside it: a plain relative path (no `..`, no absolute
    path, nothing the build keeps for itself) that, links followed, still ends
    in the docs folder. Every path the build writes, renames or removes passes here.
    """
    parts = path.split("/")
    if (not path or "\\" in path or "\0" in path or parts[0] in (MANIFEST_NAME, STAGING_NAME)
            or any(part in ("", ".", "..") for part in parts)):
        return None
    target = docs_dir.joinpath(*parts)
    try:
        root = docs_dir.resolve()
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None
    return target if resolved != root and resolved.is_relative_to(root) else None
