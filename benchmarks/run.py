"""Benchmark Corpus Browser on synthetic corpora of 100 to 100,000 articles.

    python benchmarks/run.py                      # 100, 1,000 and 10,000 articles, writes BENCHMARKS.md
    python benchmarks/run.py --sizes 100 1000 --output -
    python benchmarks/run.py --sizes 10000 100000 --site-sizes 10000   # Pagefind needs over 22 GB at 100,000

For each size it generates a corpus (benchmarks/synthetic.py, from a fixed seed
value) in a scratch copy of the project, then measures, each as a separate
process, wall time and CPU seconds (user and system, of the process and every
process it started and waited for):

- `build_docs.py`: cold (articles per second, peak memory), again with nothing
  changed, and again after one paragraph was appended to one seed;
- Pagefind indexing of the build's search records on its own, as the hook
  runs it at the end of a hosted build (`write_search_index`), to tell its
  share of the hosted build.

For the sizes given by `--site-sizes` (by default all but 100,000), also:

- `mkdocs build` of the hosted site (Material's search off: the hook indexes
  the articles with Pagefind in the same build) beside a bare Material build
  of the very same docs folder (no hook, no plugins), and the default site
  (Material's search and offline plugins) beside a bare Material build with
  the search plugin; the ratio is our overhead;
- edit -> reload under `mkdocs serve` (default config): an article page open
  in headless Chromium, one paragraph with a new word appended to its seed,
  the seconds until the page shows the word, and the builds the save caused;
  twice, as the first save after start-up can differ;
- in headless Chromium over loopback HTTP, what a reader downloads from opening
  the home page to the first search result, and how long that result takes
  after the first key press: with Pagefind (hosted) and with Material's search;
  for Pagefind also when the reader looks at the page for a second before
  clicking the field (`READING_PAUSE_MS`), as the page preloads it when idle.

With two sizes or more it ends with how each cost grows between the two largest:
the exponent k of cost ~ N^k. Timings are of one run each; the report gives the
machine and its load average, as other work on it slows the wall times.
The report is written after each size, so a long run leaves what it finished.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import math
import os
import platform
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Self

from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus_browser.adapters.plugin import ARCHIVE_NAV, NOT_IN_NAV  # noqa: E402  (the archive's nav, as the plugin gives it)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ProseChain, generate  # noqa: E402  (a sibling script, not a package)

REPO = Path(__file__).resolve().parent.parent
#: Project files a site build reads (the package is linked, the seeds generated).
PROJECT_FILES = ("mkdocs.yml", "themes.yml")
HAND_WRITTEN_DOCS = "docs/assets"
#: How long a reader looks at the page before clicking the search field, in the second search visit.
READING_PAUSE_MS = 1000
#: The article build's search records (`render.SEARCH_RECORDS`), read by the Pagefind indexing.
SEARCH_RECORDS = "docs/.corpus-search.json"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
QUERY = "trust"
SEED_VALUE = 2026
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
#: The dump style of the seed that is edited: its last line is prose of its last article.
EDITED_STYLE = "markdown"
#: What the server logs once per build (MkDocs' `build`).
BUILD_DONE = "Documentation built in"
#: MkDocs' warning on every dirty build (expected: live.py chooses them), left out of the problems reported.
DIRTY_NOTICE = "A 'dirty' build is being performed"
#: Seconds to wait, after a save has shown in the browser, for a stray second build.
SETTLE_SECONDS = 3.0
#: Saves under `mkdocs serve` per measurement: the first after start-up, then the ones whose median is reported.
SAVES = 6
#: Longest wait for `mkdocs serve` to start serving, and for a save to show.
SERVE_TIMEOUT = 1800.0
RELOAD_TIMEOUT = 600.0


@dataclass(frozen=True)
class Run:
    """One timed process."""

    seconds: float
    cpu_seconds: float
    """User and system seconds of the process and the processes it waited for."""
    peak_mb: float
    """Peak resident memory of the largest single process (the main one or a worker)."""
    tree_peak_mb: float
    """Peak of the summed resident memory of the process and its descendants, sampled."""


@dataclass(frozen=True)
class Save:
    """One seed saved under `mkdocs serve`."""

    seconds: float | None
    """From the write to the browser showing the new word; None if it did not within RELOAD_TIMEOUT."""
    builds: int
    cpu_seconds: float
    """The server's CPU seconds from the write until it settled."""


@dataclass(frozen=True)
class LiveEditing:
    startup_seconds: float
    first: Save
    later: tuple[Save, ...]
    """The saves after the first."""
    log_problems: tuple[str, ...]
    """Warning and error lines of the server's log, but for MkDocs' notice on dirty builds."""

    @property
    def typical(self) -> Save:
        """The median of the saves after the first, by time to reload (a save not shown counts as slowest)."""
        ranked = sorted(self.later, key=lambda save: math.inf if save.seconds is None else save.seconds)
        return ranked[(len(ranked) - 1) // 2]

    @property
    def spread(self) -> str:
        """The fastest and slowest of the saves after the first."""
        shown = [save.seconds for save in self.later if save.seconds is not None]
        return f"{min(shown):.2f}–{max(shown):.2f} s" if shown else "none shown"


@dataclass(frozen=True)
class SearchVisit:
    kilobytes: float
    requests: int
    seconds_to_result: float


@dataclass(frozen=True)
class Site:
    """The MkDocs and browser measurements of one size."""

    hosted: Run
    bare: Run
    default: Run
    bare_search: Run
    site_mb: float
    live: LiveEditing
    bare_live: LiveEditing
    """The anchor: bare Material's `mkdocs serve --dirty`, a docs page saved."""
    pagefind_search: SearchVisit
    material_search: SearchVisit
    pagefind_after_pause: SearchVisit
    """Pagefind, the field clicked `READING_PAUSE_MS` after the page loaded."""


@dataclass(frozen=True)
class Result:
    articles: int
    found: int
    corpus_mb: float
    build: Run
    rerun: Run
    edited: Run
    pagefind: Run
    site: Site | None


class TreeMemory:
    """Samples the summed resident memory of a process and its descendants."""

    INTERVAL = 0.1

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.wait(self.INTERVAL):
            self.peak_bytes = max(self.peak_bytes, page * sum(_resident_pages(pid) for pid in _tree(self.pid)))


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
    return pids


def _resident_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0  # ended meanwhile


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion: wall time, CPU seconds (getrusage of the
    children this process waited for, which holds the command's own waited-for
    workers), peak memory of its largest process and of all its processes."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **QUIET, **(env or {})},
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        with TreeMemory(process.pid) as memory:
            _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            stderr.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}\n{stderr.read().decode()[-2000:]}")
    return Run(seconds, _children_cpu() - cpu_before, usage.ru_maxrss / 1024, memory.peak_bytes / 2 ** 20)


def make_project(folder: Path, n_articles: int) -> int:
    """A scratch project with a generated corpus of `n_articles`; returns the corpus size in bytes."""
    for name in PROJECT_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    shutil.copytree(REPO / HAND_WRITTEN_DOCS, folder / HAND_WRITTEN_DOCS)
    (folder / "corpus_browser").symlink_to(REPO / "corpus_browser", target_is_directory=True)
    corpus = generate(n_articles, training_text(), seed=SEED_VALUE)
    (folder / "seeds").mkdir()
    for name, text in corpus.files.items():
        (folder / "seeds" / name).write_text(text, encoding="utf-8")
    return sum(len(text.encode()) for text in corpus.files.values())


@functools.cache
def training_text() -> tuple[str, ...]:
    """The shipped seeds' long lines, for the synthetic prose."""
    return tuple(line for path in sorted((REPO / "seeds").glob("*.txt"))
                 for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 25)


def edited_seed(folder: Path) -> Path:
    """The seed the benchmark edits: the middle one of those in EDITED_STYLE."""
    seeds = sorted((folder / "seeds").glob(f"*_{EDITED_STYLE}.txt"))
    return seeds[len(seeds) // 2]


def append_paragraph(seed: Path, word: str) -> None:
    """Append to the seed's last article a paragraph of new prose ending in `word`, as an editor
    would (the same paragraph each time would soon be taken for repeated boilerplate)."""
    paragraph = f"{ProseChain(training_text()).paragraph(random.Random(word))} Marked {word}."
    with open(seed, "a", encoding="utf-8") as file:
        file.write(f"\n{paragraph}\n")


def page_of_last_article(folder: Path, seed: Path) -> str:
    """The URL path of the page holding the seed's last line, from the build's search records."""
    last_line = next(line for line in reversed(seed.read_text(encoding="utf-8").splitlines()) if line.strip())
    records = json.loads((folder / SEARCH_RECORDS).read_text(encoding="utf-8"))
    return next(record["url"] for record in records if last_line.strip() in record["text"])


def bare_config(folder: Path, site_dir: str, plugins: list[str]) -> Path:
    """A bare Material config for the project's docs folder: no hook, no overrides,
    no extra CSS or Markdown extensions; the same `nav` as the plugin gives the site
    (without it, MkDocs would put every page in every page's sidebar, a cost that
    grows with the square of N)."""
    with open(folder / "mkdocs.yml", encoding="utf-8") as file:
        ours = yaml_load(file)
    bare = {"site_name": "Bare", "use_directory_urls": False, "site_dir": site_dir,
            "theme": {"name": "material"}, "plugins": plugins,
            "nav": ours.get("nav", ARCHIVE_NAV), "not_in_nav": ours.get("not_in_nav", NOT_IN_NAV)}
    path = folder / f"bare-{site_dir}.yml"
    path.write_text(json.dumps(bare, indent=1), encoding="utf-8")  # JSON is YAML
    return path


def mkdocs(config: Path, site_dir: str, env: dict[str, str] | None = None) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site_dir],
                 config.parent, env)


def pagefind_alone(folder: Path) -> Run:
    """What the hook's Pagefind step costs: `write_search_index` on the build's records, in a process of its own."""
    script = ("import sys; from pathlib import Path; from corpus_browser.adapters.pagefind import write_search_index; "
              "write_search_index(Path(sys.argv[1]), Path(sys.argv[2]))")
    (folder / "pagefind-alone").mkdir()
    return timed([sys.executable, "-c", script, SEARCH_RECORDS, "pagefind-alone"], folder)



def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def articles_built(folder: Path) -> int:
    return sum(1 for _ in (folder / "docs" / "articles").rglob("*.md"))


def measure(n_articles: int, scratch: Path, with_site: bool) -> Result:
    folder = scratch / f"n{n_articles}"
    folder.mkdir()
    corpus_bytes = make_project(folder, n_articles)
    build_command = [sys.executable, str(REPO / "build_docs.py")]
    build = timed(build_command, folder)
    rerun = timed(build_command, folder)
    append_paragraph(edited_seed(folder), "editmarkcli")
    edited = timed(build_command, folder)
    pagefind = pagefind_alone(folder)
    site = measure_site(folder) if with_site else None
    return Result(n_articles, articles_built(folder), corpus_bytes / 1e6, build, rerun, edited, pagefind, site)


def measure_site(folder: Path) -> Site:
    hosted = mkdocs(folder / "mkdocs.yml", "site", {"MATERIAL_SEARCH": "false"})
    bare = mkdocs(bare_config(folder, "site-bare", []), "site-bare")
    default = mkdocs(folder / "mkdocs.yml", "site-default")
    bare_search = mkdocs(bare_config(folder, "site-bare-search", ["search"]), "site-bare-search")
    live = live_editing(folder)
    bare_live = bare_live_editing(folder)
    with serve(folder / "site") as hosted_url, serve(folder / "site-default") as default_url:
        pagefind_visit = visit_and_search(hosted_url, "input.cb-search__input", ".cb-result__title")
        material_visit = visit_and_search(default_url, "input.md-search__input", ".md-search-result__item")
        paused_visit = visit_and_search(hosted_url, "input.cb-search__input", ".cb-result__title", READING_PAUSE_MS)
    return Site(hosted, bare, default, bare_search, folder_mb(folder / "site"), live, bare_live, pagefind_visit,
                material_visit, paused_visit)


def live_editing(folder: Path) -> LiveEditing:
    """Under `mkdocs serve` (default config), with the page of a seed's last
    article open in Chromium: save the seed `SAVES` times with a new paragraph,
    each time timing until the page shows it and counting the builds it caused."""
    seed = edited_seed(folder)
    return _serve_and_save(folder, [], seed, page_of_last_article(folder, seed), "editmark")


def bare_live_editing(folder: Path) -> LiveEditing:
    """The anchor: bare Material's own `mkdocs serve --dirty` (no hook, Material's
    search plugin as its default), the same article page open, its Markdown page
    in the docs folder saved `SAVES` times with a new paragraph. The page is put
    back as it was afterwards."""
    seed = edited_seed(folder)
    page_path = page_of_last_article(folder, seed)
    markdown = folder / "docs" / page_path.replace(".html", ".md")
    original = markdown.read_bytes()
    config = bare_config(folder, "site-bare-serve", ["search"])
    try:
        return _serve_and_save(folder, ["-f", str(config), "--dirty"], markdown, page_path, "baremark")
    finally:
        markdown.write_bytes(original)


def _serve_and_save(folder: Path, options: list[str], edited: Path, page_path: str, mark: str) -> LiveEditing:
    from playwright.sync_api import sync_playwright

    log_file = folder / f"serve-{mark}.log"
    with open(log_file, "wb") as log, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
                                  cwd=folder, env={**os.environ, **QUIET}, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        startup = wait_until_serving(url, server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context().new_page()
            page.goto(url + page_path, wait_until="load")
            saves = tuple(save_and_wait(page, edited, server.pid, log_file, f"{mark}{n}{'x' * n}")
                          for n in range(SAVES))
            browser.close()
    finally:
        stop_server(server)
    problems = tuple(line for line in log_file.read_text(encoding="utf-8", errors="replace").splitlines()
                     if line.startswith(("WARNING", "ERROR")) and DIRTY_NOTICE not in line)
    return LiveEditing(startup, saves[0], saves[1:], problems)


def wait_until_serving(url: str, server: subprocess.Popen) -> float:
    """Seconds until the server answers (MkDocs serves once its first build is done)."""
    started = time.perf_counter()
    while time.perf_counter() - started < SERVE_TIMEOUT:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve exited with {server.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5):
            return time.perf_counter() - started
        time.sleep(0.2)
    raise SystemExit(f"mkdocs serve did not serve within {SERVE_TIMEOUT:.0f} s")


def save_and_wait(page, seed: Path, server_pid: int, log_file: Path, word: str) -> Save:
    """Append a paragraph with `word` to the seed; seconds until the page shows it,
    then, once the server has been quiet for SETTLE_SECONDS, the builds and CPU it took."""
    log_start = log_file.stat().st_size
    cpu_before = process_cpu(server_pid)
    started = time.perf_counter()
    append_paragraph(seed, word)
    shown = wait_for_text(page, word, started + RELOAD_TIMEOUT)
    seconds = time.perf_counter() - started if shown else None
    wait_until_quiet(log_file)
    log = log_file.read_bytes()[log_start:].decode(errors="replace")
    return Save(seconds, log.count(BUILD_DONE), process_cpu(server_pid) - cpu_before)


def wait_for_text(page, word: str, deadline: float) -> bool:
    """Poll the page until its text holds `word` (it reloads meanwhile); False if it did not by the deadline."""
    from playwright.sync_api import Error

    while time.perf_counter() < deadline:
        with contextlib.suppress(Error):  # the page is between two documents
            if page.evaluate("word => document.body !== null && document.body.innerText.includes(word)", word):
                return True
        page.wait_for_timeout(50)
    return False


def wait_until_quiet(log_file: Path) -> None:
    """Until the server's log has not grown for SETTLE_SECONDS."""
    size, quiet_since = log_file.stat().st_size, time.perf_counter()
    while time.perf_counter() - quiet_since < SETTLE_SECONDS:
        time.sleep(0.1)
        if log_file.stat().st_size != size:
            size, quiet_since = log_file.stat().st_size, time.perf_counter()


def process_cpu(pid: int) -> float:
    """CPU seconds of a running process and the children it waited for (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def stop_server(server: subprocess.Popen) -> None:
    """Stop the server's process group (Ctrl-C, so MkDocs removes its temporary site), killing it if it lingers."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def visit_and_search(base_url: str, field: str, result: str, pause_ms: int = 0) -> SearchVisit:
    """Open the home page in a fresh browser, search for QUERY from the header
    (`pause_ms` after the page loaded), and wait for the first result: bytes
    received in all, and seconds from the first key press to the first result shown."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        received: list[int] = []
        page.on("requestfinished", lambda request: received.append(_response_bytes(request.sizes())))
        page.goto(base_url + "index.html", wait_until="load")
        page.wait_for_timeout(pause_ms)
        page.locator(field).click()
        started = time.perf_counter()
        page.keyboard.type(QUERY)
        page.locator(result).first.wait_for(state="visible", timeout=120_000)
        seconds = time.perf_counter() - started
        page.wait_for_timeout(200)  # let requests for the first result finish being counted
        browser.close()
    return SearchVisit(sum(received) / 1024, len(received), seconds)


def _response_bytes(sizes: dict[str, int]) -> int:
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    versions = subprocess.run([sys.executable, "-m", "pip", "list", "--format=freeze"], check=True,
                              capture_output=True, text=True).stdout.splitlines()
    wanted = [line for line in versions if line.split("==")[0].lower() in {"mkdocs", "mkdocs-material", "pagefind"}]
    return (f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 ** 2:.0f} GiB RAM; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {', '.join(wanted)}")


def load_average() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def _wall_cpu(run: Run, digits: int = 1) -> str:
    return f"{run.seconds:.{digits}f} s / {run.cpu_seconds:.{digits}f} s"


def _site(cell: Callable[[Site], str]) -> Callable[[Result], str]:
    """A cell from the site measurements, or a dash where they were skipped."""
    return lambda r: cell(r.site) if r.site is not None else "–"


def _ratio(ours: Run, bare: Run) -> str:
    return f"{ours.seconds / bare.seconds:.2f}x / {ours.cpu_seconds / bare.cpu_seconds:.2f}x"


def _pagefind_share(r: Result) -> str:
    return _ratio(r.pagefind, r.site.hosted) if r.site is not None else "–"


def _difference(ours: Save, anchor: Save) -> str:
    if ours.seconds is None or anchor.seconds is None:
        return "–"
    return f"{ours.seconds - anchor.seconds:+.2f} s"


def _save(save: Save) -> str:
    shown = f"{save.seconds:.2f} s" if save.seconds is not None else f"not shown within {RELOAD_TIMEOUT:.0f} s"
    return f"{shown}, {save.builds} build{'s' * (save.builds != 1)}, {save.cpu_seconds:.1f} s CPU"


#: The table's rows: label and cell. Times are "wall / CPU".
ROWS: tuple[tuple[str, Callable[[Result], str]], ...] = (
    ("Articles generated / found by the splitter", lambda r: f"{r.articles:,} / {r.found:,}"),
    ("Corpus size", lambda r: f"{r.corpus_mb:.1f} MB"),
    ("`build_docs.py`, cold: wall / CPU", lambda r: _wall_cpu(r.build, 2)),
    ("Articles per second (wall)", lambda r: f"{r.articles / r.build.seconds:,.0f}"),
    ("Peak memory: largest process / all processes", lambda r: f"{r.build.peak_mb:.0f} MB / {r.build.tree_peak_mb:.0f} MB"),
    ("Re-run, nothing changed: wall / CPU", lambda r: _wall_cpu(r.rerun, 2)),
    ("Re-run, one seed edited: wall / CPU", lambda r: _wall_cpu(r.edited, 2)),
    ("Re-run after the edit, peak memory (all processes)", lambda r: f"{r.edited.tree_peak_mb:.0f} MB"),
    ("Pagefind indexing of the records alone: wall / CPU", lambda r: _wall_cpu(r.pagefind)),
    ("Pagefind indexing, peak memory (all processes)", lambda r: f"{r.pagefind.tree_peak_mb:.0f} MB"),
    ("`mkdocs build`, hosted (Pagefind index included): wall / CPU", _site(lambda s: _wall_cpu(s.hosted))),
    ("Pagefind share of the hosted build: wall / CPU", _pagefind_share),
    ("Bare Material build, no plugins: wall / CPU", _site(lambda s: _wall_cpu(s.bare))),
    ("Overhead, hosted / bare: wall / CPU", _site(lambda s: _ratio(s.hosted, s.bare))),
    ("`mkdocs build`, default (Material search, offline): wall / CPU", _site(lambda s: _wall_cpu(s.default))),
    ("Bare Material build with search: wall / CPU", _site(lambda s: _wall_cpu(s.bare_search))),
    ("Overhead, default / bare with search: wall / CPU", _site(lambda s: _ratio(s.default, s.bare_search))),
    ("Hosted site size", _site(lambda s: f"{s.site_mb:.0f} MB")),
    ("`mkdocs serve`: start-up until serving", _site(lambda s: f"{s.live.startup_seconds:.1f} s")),
    ("`mkdocs serve`: edit -> page shows it, median of saves 2 to 6", _site(lambda s: _save(s.live.typical))),
    ("`mkdocs serve`: fastest–slowest of saves 2 to 6", _site(lambda s: s.live.spread)),
    ("`mkdocs serve`: first save after start-up", _site(lambda s: _save(s.live.first))),
    ("Anchor: bare Material `mkdocs serve --dirty`, a page saved, median of saves 2 to 6",
     _site(lambda s: _save(s.bare_live.typical))),
    ("Anchor: fastest–slowest of saves 2 to 6", _site(lambda s: s.bare_live.spread)),
    ("Ours minus the anchor (medians)", _site(lambda s: _difference(s.live.typical, s.bare_live.typical))),
    ("`mkdocs serve`: warnings and errors logged (but dirty-build notices)", _site(lambda s: f"{len(s.live.log_problems)}")),
    ("Pagefind: downloaded until first result", _site(lambda s: _visit_bytes(s.pagefind_search))),
    ("Pagefind: first key press to first result", _site(lambda s: f"{s.pagefind_search.seconds_to_result:.2f} s")),
    ("Pagefind, the field clicked a second after the page loaded: first key press to first result",
     _site(lambda s: f"{s.pagefind_after_pause.seconds_to_result:.2f} s")),
    ("Material search: downloaded until first result", _site(lambda s: _visit_bytes(s.material_search))),
    ("Material search: first key press to first result",
     _site(lambda s: f"{s.material_search.seconds_to_result:.2f} s")),
)


def table(results: Sequence[Result]) -> str:
    lines = ["| | " + " | ".join(f"{r.articles:,} articles" for r in results) + " |",
             "| --- |" + " ---: |" * len(results)]
    lines += [f"| {label} | " + " | ".join(cell(r) for r in results) + " |" for label, cell in ROWS]
    return "\n".join(lines)


def _visit_bytes(visit: SearchVisit) -> str:
    return f"{visit.kilobytes / 1024:.2f} MB in {visit.requests} requests"


#: Costs whose growth with N is reported: label and cost (None where not measured).
GROWTH: tuple[tuple[str, Callable[[Result], float | None]], ...] = (
    ("`build_docs.py` cold, wall", lambda r: r.build.seconds),
    ("`build_docs.py` cold, CPU", lambda r: r.build.cpu_seconds),
    ("`build_docs.py` peak memory, all processes", lambda r: r.build.tree_peak_mb),
    ("Re-run, nothing changed, wall", lambda r: r.rerun.seconds),
    ("Re-run, one seed edited, wall", lambda r: r.edited.seconds),
    ("Re-run, one seed edited, CPU", lambda r: r.edited.cpu_seconds),
    ("Pagefind indexing, wall", lambda r: r.pagefind.seconds),
    ("Pagefind indexing, CPU", lambda r: r.pagefind.cpu_seconds),
    ("Pagefind indexing, peak memory, all processes", lambda r: r.pagefind.tree_peak_mb),
    ("`mkdocs build` hosted, wall", lambda r: r.site and r.site.hosted.seconds),
    ("`mkdocs serve` edit -> reload", lambda r: r.site and r.site.live.typical.seconds),
    ("`mkdocs serve` edit -> reload, server CPU", lambda r: r.site and r.site.live.typical.cpu_seconds),
)


def growth(results: Sequence[Result]) -> str:
    """How each cost grows between the two largest sizes that measured it: k in
    cost ~ N^k, beside the k that N log N would have between the same sizes."""
    lines = []
    for label, cost in GROWTH:
        measured = [(r.articles, value) for r in sorted(results, key=lambda r: r.articles) if (value := cost(r))]
        if len(measured) < 2:
            continue
        (n_small, small), (n_large, large) = measured[-2:]
        k = math.log(large / small) / math.log(n_large / n_small)
        n_log_n = 1 + math.log(math.log(n_large) / math.log(n_small)) / math.log(n_large / n_small)
        verdict = "within N log N" if k <= n_log_n else "**grows faster than N log N**"
        lines.append(f"| {label} | {n_small:,} → {n_large:,} | {small:,.2f} → {large:,.2f} | {k:.2f} | "
                     f"{n_log_n:.2f} | {verdict} |")
    if not lines:
        return ""
    return ("How each cost grows, k in cost ~ N^k between the two largest sizes that measured it (one run "
            "each: costs under a second are noisy):\n\n"
            "| Cost | N | Cost (s or MB) | k | k of N log N | |\n| --- | --- | ---: | ---: | ---: | --- |\n"
            + "\n".join(lines) + "\n")


NOTES = ("Times are wall / CPU seconds. CPU is user + system time of the process and of every process it "
         "waited for (getrusage `RUSAGE_CHILDREN` deltas; `build_docs.py`'s worker processes and Pagefind's "
         "program are included); under `mkdocs serve`, the server's own (/proc/PID/stat, its waited-for "
         "children included) from the save until its log has been quiet for 3 s. Peak memory: the largest "
         "single process (`ru_maxrss`), and the summed resident memory of the process and its descendants, "
         "sampled every 0.1 s. Pagefind's share is its indexing alone (`write_search_index` on the build's "
         "records, in a process of its own) over the hosted `mkdocs build`, which runs it too. "
         "A dash: not measured at that size (`--site-sizes`).")


def report(results: Sequence[Result], started_load: str) -> str:
    return (f"Measured on {date.today().isoformat()} by `python benchmarks/run.py`.\n\n"
            f"Machine: {machine()}. Load average (1 / 5 / 15 min) at the start: {started_load}; "
            f"at the end: {load_average()}.\n\n{table(results)}\n\n{NOTES}\n\n{growth(results)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000],
                        help="corpus sizes in articles")
    parser.add_argument("--site-sizes", type=int, nargs="*", default=[100, 1000, 10000],
                        help="the sizes that also get the MkDocs, `mkdocs serve` and browser measurements")
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"),
                        help="Markdown file for the table (default: BENCHMARKS.md; - for none)")
    parser.add_argument("--keep", type=Path, help="build in this new folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    started_load = load_average()
    results: list[Result] = []
    if args.keep:
        args.keep.mkdir(parents=True)
    with contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory(
            prefix="corpus-bench-") as scratch:
        for size in args.sizes:
            print(f"measuring {size:,} articles …", file=sys.stderr, flush=True)
            results.append(measure(size, Path(scratch), size in args.site_sizes))
            for problem in results[-1].site.live.log_problems if results[-1].site else ():
                print(f"  mkdocs serve: {problem}", file=sys.stderr)
            text = report(results, started_load)
            if args.output != "-":
                write_benchmarks_file(Path(args.output), text)
    print(text)
    return 0


def write_benchmarks_file(path: Path, report: str) -> None:
    """Put the report between the markers of BENCHMARKS.md, keeping the prose around it."""
    begin, end = "<!-- benchmark:begin -->", "<!-- benchmark:end -->"
    text = path.read_text(encoding="utf-8") if path.is_file() else f"# Benchmarks\n\n{begin}\n{end}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{report}{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
