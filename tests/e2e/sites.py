"""Projects and builds for the end-to-end tests: copies of the project, built
with MkDocs as a user would, and what a test needs to look at them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Top-level repository entries that a site build does not read (besides dot-files).
NOT_BUILD_INPUTS = {"corpus_browser", "docs", "site", "tests", "__pycache__"}
#: The build's list of the pages it generated, in the docs folder.
MANIFEST_NAME = ".corpus-browser.json"
#: Default wait for navigation and element look-ups, in milliseconds.
TIMEOUT_MS = 10_000

ProjectFactory = Callable[..., Path]


# --- projects and builds -----------------------------------------------------


def copy_project(dest: Path, seeds: dict[str, str] | None = None) -> Path:
    """Make `dest` a buildable copy of the project and return it.

    Copied: the top-level project inputs (mkdocs.yml, seeds/, themes.yml, ...),
    the hand-written files of docs/ (not the generated pages), and a symlink to
    the package. seeds/ holds the shipped seeds, or `seeds` ({file name: text}).
    """
    for entry in sorted(REPO.iterdir()):
        if entry.name in NOT_BUILD_INPUTS or entry.name.startswith(".") or entry.suffix == ".egg-info":
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dest / entry.name)
    for path in hand_written_docs(REPO / "docs"):
        target = dest / "docs" / path.relative_to(REPO / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    if seeds is not None:
        shutil.rmtree(dest / "seeds")
        (dest / "seeds").mkdir()
        for name, text in seeds.items():
            (dest / "seeds" / name).write_text(text, encoding="utf-8")
    (dest / "corpus_browser").symlink_to(REPO / "corpus_browser", target_is_directory=True)
    return dest


def hand_written_docs(docs: Path) -> list[Path]:
    """Files in a docs folder that the build did not generate (per its manifest)."""
    manifest = docs / MANIFEST_NAME
    generated = set(json.loads(manifest.read_text(encoding="utf-8"))["files"]) if manifest.is_file() else set()
    return [
        path for path in sorted(docs.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
        and path.relative_to(docs).as_posix() not in generated
    ]


def mkdocs_build(project: Path, env: dict[str, str] | None = None) -> Path:
    """Run `mkdocs build --strict` on a project copy (with `env` added to the
    environment); return its site folder."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        cwd=project, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, f"mkdocs build --strict exited {result.returncode}:\n{result.stderr}"
    return project / "site"


def hosted_build(project: Path) -> Path:
    """Build a project copy as the README says to for a hosted site: Material's
    search off, which has the build index the articles with Pagefind too; return
    its site folder."""
    return mkdocs_build(project, {"MATERIAL_SEARCH": "false"})


def is_local(url: str) -> bool:
    """A URL on disk or on the loopback interface."""
    parts = urlsplit(url)
    return parts.scheme == "file" or (parts.scheme in ("http", "https") and parts.hostname == LOOPBACK)
