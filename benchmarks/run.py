"""Benchmark Corpus Browser on synthetic corpora of 100, 1,000 and 10,000 articles.

    python benchmarks/run.py                      # all sizes, writes BENCHMARKS.md
    python benchmarks/run.py --sizes 100 1000 --output -

For each size it generates a corpus (benchmarks/synthetic.py, from a fixed seed
value) in a scratch copy of the project, then measures, each as a separate
process:

- `build_docs.py`: wall time, articles per second, peak memory; then the same
  with nothing changed;
- `mkdocs build` of the hosted site (Pagefind search) beside a bare Material
  build of the very same docs folder (no hook, no plugins), and the same for
  the default site (Material search and offline plugins) beside a bare Material
  build with the search plugin; the ratio is our overhead;
- the hosted site's size (its build indexes the articles with Pagefind too);
- in headless Chromium over loopback HTTP, what a reader downloads from opening
  the home page to the first search result, and how long that result takes
  after the query is entered: with Pagefind (hosted) and with Material's search.

Timings are of one run each on a quiet machine; the table says which machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402  (a sibling script, not a package)

REPO = Path(__file__).resolve().parent.parent
#: Project files a site build reads (the package is linked, the seeds generated).
PROJECT_FILES = ("mkdocs.yml", "themes.yml", "overrides")
HAND_WRITTEN_DOCS = "docs/assets"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
QUERY = "trust"
SEED_VALUE = 2026
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class SearchVisit:
    kilobytes: float
    requests: int
    seconds_to_result: float


@dataclass(frozen=True)
class Result:
    articles: int
    found: int
    corpus_mb: float
    build: Run
    rerun: Run
    hosted: Run
    bare: Run
    default: Run
    bare_search: Run
    site_mb: float
    pagefind_search: SearchVisit
    material_search: SearchVisit


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; its wall time and peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **QUIET, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return Run(seconds, usage.ru_maxrss / 1024)


def make_project(folder: Path, n_articles: int) -> int:
    """A scratch project with a generated corpus of `n_articles`; returns the corpus size in bytes."""
    for name in PROJECT_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    shutil.copytree(REPO / HAND_WRITTEN_DOCS, folder / HAND_WRITTEN_DOCS)
    (folder / "corpus_browser").symlink_to(REPO / "corpus_browser", target_is_directory=True)
    training = [line for path in sorted((REPO / "seeds").glob("*.txt"))
                for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 25]
    corpus = generate(n_articles, training, seed=SEED_VALUE)
    (folder / "seeds").mkdir()
    for name, text in corpus.files.items():
        (folder / "seeds" / name).write_text(text, encoding="utf-8")
    return sum(len(text.encode()) for text in corpus.files.values())


def bare_config(folder: Path, site_dir: str, plugins: list[str]) -> Path:
    """A bare Material config for the project's docs folder: no hook, no overrides,
    no extra CSS or Markdown extensions; the same `nav` (without it, MkDocs would
    put every page in every page's sidebar, a cost that grows with the square of N)."""
    with open(folder / "mkdocs.yml", encoding="utf-8") as file:
        ours = yaml_load(file)
    bare = {"site_name": "Bare", "use_directory_urls": False, "site_dir": site_dir,
            "theme": {"name": "material"}, "plugins": plugins,
            "nav": ours["nav"], "not_in_nav": ours["not_in_nav"]}
    path = folder / f"bare-{site_dir}.yml"
    path.write_text(json.dumps(bare, indent=1), encoding="utf-8")  # JSON is YAML
    return path


def mkdocs(config: Path, site_dir: str, env: dict[str, str] | None = None) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site_dir],
                 config.parent, env)


def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def articles_built(folder: Path) -> int:
    return sum(1 for _ in (folder / "docs" / "articles").rglob("*.md"))


def measure(n_articles: int, scratch: Path) -> Result:
    folder = scratch / f"n{n_articles}"
    folder.mkdir()
    corpus_bytes = make_project(folder, n_articles)
    build_command = [sys.executable, str(REPO / "build_docs.py")]
    build = timed(build_command, folder)
    rerun = timed(build_command, folder)
    hosted = mkdocs(folder / "mkdocs.yml", "site", {"MATERIAL_SEARCH": "false"})
    bare = mkdocs(bare_config(folder, "site-bare", []), "site-bare")
    default = mkdocs(folder / "mkdocs.yml", "site-default")
    bare_search = mkdocs(bare_config(folder, "site-bare-search", ["search"]), "site-bare-search")
    with serve(folder / "site") as hosted_url, serve(folder / "site-default") as default_url:
        pagefind_visit = visit_and_search(hosted_url, "input.cb-search__input", ".cb-result__title")
        material_visit = visit_and_search(default_url, "input.md-search__input", ".md-search-result__item")
    return Result(n_articles, articles_built(folder), corpus_bytes / 1e6, build, rerun, hosted, bare, default,
                  bare_search, folder_mb(folder / "site"), pagefind_visit, material_visit)


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


def visit_and_search(base_url: str, field: str, result: str, submit: bool = False) -> SearchVisit:
    """Open the home page in a fresh browser, search for QUERY from the header,
    and wait for the first result: bytes received in all, and seconds from the
    query entered to the first result shown."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        received: list[int] = []
        page.on("requestfinished", lambda request: received.append(_response_bytes(request.sizes())))
        page.goto(base_url + "index.html", wait_until="load")
        page.locator(field).click()
        started = time.perf_counter()
        page.keyboard.type(QUERY)
        if submit:
            page.keyboard.press("Enter")
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
    versions = subprocess.run([sys.executable, "-m", "pip", "list", "--format=freeze"], capture_output=True,
                              text=True).stdout.splitlines()
    wanted = [line for line in versions if line.split("==")[0].lower() in {"mkdocs", "mkdocs-material", "pagefind"}]
    return (f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 ** 2:.0f} GiB RAM; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {', '.join(wanted)}")


def table(results: Sequence[Result]) -> str:
    rows = [
        ("Articles generated / found by the splitter", lambda r: f"{r.articles:,} / {r.found:,}"),
        ("Corpus size", lambda r: f"{r.corpus_mb:.1f} MB"),
        ("`build_docs.py` wall time", lambda r: f"{r.build.seconds:.2f} s"),
        ("Articles per second", lambda r: f"{r.articles / r.build.seconds:,.0f}"),
        ("Peak memory", lambda r: f"{r.build.peak_mb:.0f} MB"),
        ("Re-run, nothing changed", lambda r: f"{r.rerun.seconds:.2f} s, {r.rerun.peak_mb:.0f} MB"),
        ("`mkdocs build`, hosted (Pagefind index included)", lambda r: f"{r.hosted.seconds:.1f} s"),
        ("Bare Material build, no plugins", lambda r: f"{r.bare.seconds:.1f} s"),
        ("Overhead, hosted / bare", lambda r: f"{r.hosted.seconds / r.bare.seconds:.2f}x"),
        ("`mkdocs build`, default (Material search, offline)", lambda r: f"{r.default.seconds:.1f} s"),
        ("Bare Material build with search", lambda r: f"{r.bare_search.seconds:.1f} s"),
        ("Overhead, default / bare with search", lambda r: f"{r.default.seconds / r.bare_search.seconds:.2f}x"),
        ("Hosted build per article", lambda r: f"{1000 * r.hosted.seconds / r.articles:.1f} ms"),
        ("Hosted site size", lambda r: f"{r.site_mb:.0f} MB"),
        ("Pagefind: downloaded until first result", lambda r: _visit_bytes(r.pagefind_search)),
        ("Pagefind: query to first result", lambda r: f"{r.pagefind_search.seconds_to_result:.2f} s"),
        ("Material search: downloaded until first result", lambda r: _visit_bytes(r.material_search)),
        ("Material search: query to first result", lambda r: f"{r.material_search.seconds_to_result:.2f} s"),
    ]
    lines = ["| | " + " | ".join(f"{r.articles:,} articles" for r in results) + " |",
             "| --- |" + " ---: |" * len(results)]
    lines += [f"| {label} | " + " | ".join(cell(r) for r in results) + " |" for label, cell in rows]
    return "\n".join(lines)


def _visit_bytes(visit: SearchVisit) -> str:
    return f"{visit.kilobytes / 1024:.2f} MB in {visit.requests} requests"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="corpus sizes in articles")
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"),
                        help="Markdown file for the table (default: BENCHMARKS.md; - for none)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as scratch:
        for size in args.sizes:
            print(f"measuring {size:,} articles …", file=sys.stderr, flush=True)
            results.append(measure(size, Path(scratch)))
    report = (f"Measured on {date.today().isoformat()} by `python benchmarks/run.py`.\n\n"
              f"Machine: {machine()}.\n\n{table(results)}\n")
    print(report)
    if args.output != "-":
        write_benchmarks_file(Path(args.output), report)
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
