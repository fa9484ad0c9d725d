"""Fixtures for the end-to-end tests: real sites built with MkDocs, served and
driven in headless Chromium (Playwright is imported here only, so the stage
tests need none of it).

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
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sites import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOOPBACK,
    MANIFEST_NAME,
    TIMEOUT_MS,
    ProjectFactory,
    copy_project,
    hosted_build,
    is_local,
    mkdocs_build,
)


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
