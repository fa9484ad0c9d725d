"""A real `mkdocs serve` for tests: started on a free port in a project folder,
its log kept, stopped the way a user stops it (Ctrl-C), killed if it hangs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: How long a build may take on a loaded machine, and how long to watch for a second one.
BUILD_SECONDS = 60
SETTLE_SECONDS = 2.5
#: Lines MkDocs and the hook log per build.
BUILDING = "Building documentation..."
DIRTY = "corpus: only the changed pages are rendered again"
RELOADING = "Reloading browsers"


class Server:
    """A `mkdocs serve` process, its address and its log."""

    def __init__(self, project: Path, process: subprocess.Popen, url: str, log: Path, temp: Path):
        self.project, self.process, self.url, self.log, self.temp = project, process, url, log, temp

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
    server = Server(project, process, f"http://127.0.0.1:{port}/", log, temp)
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
