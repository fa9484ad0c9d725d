"""Live editing under `mkdocs serve`, on the real server: one save, one build,
one reload; MkDocs renders only the changed pages when that gives the site a
full build would, and the site is then byte for byte what a full build makes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ProjectFactory

#: How long a build may take on a loaded machine, and how long to watch for a second one.
BUILD_SECONDS = 60
SETTLE_SECONDS = 2.5
#: Lines MkDocs and the hook log per build.
BUILDING = "Building documentation..."
DIRTY = "corpus: only the changed pages are rendered again"
RELOADING = "Reloading browsers"


class Server:
    """A `mkdocs serve` process and its log."""

    def __init__(self, project: Path, process: subprocess.Popen, log: Path, temp: Path):
        self.project, self.process, self.log, self.temp = project, process, log, temp

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def count(self, line: str) -> int:
        return self.text().count(line)

    def wait_for(self, line: str, times: int) -> None:
        deadline = time.monotonic() + BUILD_SECONDS
        while self.count(line) < times:
            assert self.process.poll() is None, f"mkdocs serve stopped:\n{self.text()}"
            assert time.monotonic() < deadline, f"no {line!r} after {BUILD_SECONDS}s:\n{self.text()}"
            time.sleep(0.1)

    def after_change(self, change) -> str:
        """Make a change, wait for the build it causes and a little longer; the log since the change."""
        before = len(self.text())
        builds, reloads = self.count(BUILDING), self.count(RELOADING)
        change()
        self.wait_for(RELOADING, reloads + 1)
        time.sleep(SETTLE_SECONDS)  # the poller looks every half second: time for a second build to show
        assert self.count(BUILDING) >= builds + 1
        return self.text()[before:]

    def site(self) -> Path:
        (site,) = self.temp.glob("mkdocs_*")
        return site


@contextmanager
def serving(project: Path, tmp_path: Path) -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp = tmp_path / "serve-temp"
    temp.mkdir()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                   cwd=project, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "TMPDIR": str(temp), "NO_MKDOCS_2_WARNING": "1"})
    server = Server(project, process, log, temp)
    try:
        server.wait_for("Serving on", 1)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def without_listing_plugins(project: Path) -> None:
    """The project's mkdocs.yml without Material's tags plugins (whose theme and
    author listings gather every page, so any build with them renders every page)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  # Themes: chips from front-matter"), text.index("  - offline:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def append_paragraph(project: Path) -> None:
    seed = sorted((project / "seeds").glob("*.txt"))[1]
    with seed.open("a", encoding="utf-8") as file:
        file.write("\n\nA paragraph appended while the site is served, to see it appear at once.\n")


def test_a_save_builds_once_renders_only_the_changed_pages_and_equals_a_full_build(make_project: ProjectFactory,
                                                                                 tmp_path: Path):
    project = make_project("live")
    without_listing_plugins(project)
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: append_paragraph(project))
        assert log.count(BUILDING) == 1 and log.count(RELOADING) == 1, log
        assert DIRTY in log, log
        after_dirty_build = tree(server.site())
        assert b"A paragraph appended while the site is served" in b"".join(after_dirty_build.values())
        # A change to mkdocs.yml (a comment) makes the next build a full one, into a cleaned site folder.
        config = project / "mkdocs.yml"
        log = server.after_change(lambda: config.write_text(config.read_text() + "\n# touched\n"))
        assert log.count(BUILDING) == 1 and DIRTY not in log, log
        assert tree(server.site()) == after_dirty_build


def test_with_the_tags_plugins_a_save_still_builds_once(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-tags")
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: append_paragraph(project))
        assert log.count(BUILDING) == 1 and log.count(RELOADING) == 1, log
        assert DIRTY not in log, "the tags plugins list every page: every build is a full one"


def test_a_hand_edit_in_the_docs_folder_is_still_seen(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-hand")
    without_listing_plugins(project)
    with serving(project, tmp_path) as server:
        stylesheet = project / "docs" / "assets" / "stylesheets" / "corpus.css"
        log = server.after_change(lambda: stylesheet.write_text(stylesheet.read_text() + "\n/* edited */\n"))
        assert log.count(BUILDING) == 1, log
        assert (server.site() / "assets" / "stylesheets" / "corpus.css").read_text().endswith("/* edited */\n")
        # A generated page edited by hand is rebuilt, and so restored.
        page = next((project / "docs" / "articles").rglob("*.md"))
        original = page.read_text(encoding="utf-8")
        log = server.after_change(lambda: page.write_text(original + "\nEdited by hand.\n", encoding="utf-8"))
        assert log.count(BUILDING) == 1, log
        assert page.read_text(encoding="utf-8") == original
