"""Fixtures for the end-to-end site tests (tests/test_site.py).

Every build runs in a temporary copy of the project (mkdocs.yml, seeds/ and
the other build inputs, the hand-written part of docs/, and a symlink to the
package), never in the repository's own docs/ or site/. One copy of the shipped project is built once per session and
served over loopback HTTP; pages are opened in one headless Chromium, each
test in a fresh browser context that records every request URL and refuses
any request that leaves file:// or 127.0.0.1.

All fixtures are lazy: a test that asks for none of them pays nothing.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
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

    Copied: the top-level project inputs (mkdocs.yml, seeds/, overrides/, ...),
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


@pytest.fixture(scope="session")
def make_project(tmp_path_factory: pytest.TempPathFactory) -> ProjectFactory:
    """`make_project(name, seeds=None)`: a fresh project copy in a new temp folder."""
    def make(name: str, seeds: dict[str, str] | None = None) -> Path:
        return copy_project(tmp_path_factory.mktemp(name), seeds)
    return make


@pytest.fixture(scope="session")
def build_site() -> Callable[[Path], Path]:
    """`build_site(project)`: build with `mkdocs build --strict`, return the site folder."""
    return mkdocs_build


@pytest.fixture(scope="session")
def project(make_project: ProjectFactory) -> Path:
    """A copy of the project with the shipped seeds (built by the `site` fixture)."""
    return make_project("shipped")


@pytest.fixture(scope="session")
def site(project: Path) -> Path:
    """The shipped project's built site folder (one build per session)."""
    return mkdocs_build(project)


@pytest.fixture(scope="session")
def hosted_site(make_project: ProjectFactory) -> Path:
    """The shipped project built for hosting: searched with Pagefind."""
    return hosted_build(make_project("hosted"))


@pytest.fixture(scope="session")
def manifest(site: Path, project: Path) -> dict[str, str]:
    """Generated page path -> content hash, from the build's `.corpus-browser.json`."""
    data = json.loads((project / "docs" / MANIFEST_NAME).read_text(encoding="utf-8"))
    return data["files"]


# --- HTTP ------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """`serve_dir(folder)`: serve a folder on 127.0.0.1; returns its base URL ending in `/`."""
    running: list[tuple[http.server.ThreadingHTTPServer, threading.Thread]] = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
        thread = threading.Thread(target=server.serve_forever, name=f"http {folder}", daemon=True)
        thread.start()
        running.append((server, thread))
        return f"http://{LOOPBACK}:{server.server_address[1]}/"

    yield serve
    for server, thread in running:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(site: Path, serve_dir: Callable[[Path], str]) -> str:
    """Base URL of the shipped site served over loopback HTTP."""
    return serve_dir(site)


# --- browser ---------------------------------------------------------------------


def is_local(url: str) -> bool:
    """A URL on disk or on the loopback interface."""
    parts = urlsplit(url)
    return parts.scheme == "file" or (parts.scheme in ("http", "https") and parts.hostname == LOOPBACK)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def request_urls() -> list[str]:
    """Every URL the test's browser context requested, in order (filled by `context`)."""
    return []


@pytest.fixture
def context(browser: Browser, request_urls: list[str]) -> Iterator[BrowserContext]:
    """A fresh browser context; records requests, aborts any that is not local.

    Requests are recorded on the context rather than the page so that those of
    workers and frames (Material's search) are included.
    """
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.on("request", lambda request: request_urls.append(request.url))
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


# --- markers ---------------------------------------------------------------------

#: Fixtures that start headless Chromium, and those that run MkDocs.
_BROWSER_FIXTURES = {"browser", "context", "page"}
_SITE_FIXTURES = {"site", "hosted_site", "build_site", "make_project", "project", "site_url", "manifest"}


#: Test modules that run the real command line (`build_docs.py`) in a subprocess.
_CLI_MODULES = {"test_cli", "test_trust_boundaries", "test_fuzz"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by what it runs: `browser` (Chromium) and `site` (a real
    MkDocs build), from the fixtures it uses; `cli` (the command line in a
    subprocess), from its module. `pytest -m "not browser and not site and not
    cli"` runs the stage tests alone, in seconds."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & _SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if item.module is not None and item.module.__name__ in _CLI_MODULES:
            item.add_marker(pytest.mark.cli)
