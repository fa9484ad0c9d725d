"""Fuzzing the whole build (issues 9 and 26): random bytes, random file names and
random YAML (sidecars, themes.yml, a tampered manifest, links out of the seeds
folder), named pipes in the seeds folder, seeds of long runs (`[`, spaces,
`Key: value` lines) and cache entries swapped or edited between builds,
thrown at the real command line, `corpus_browser.adapters.cli.main`, in a
temporary folder; for a few examples the real site is built with MkDocs too.

Every example must hold: no traceback (main returns 0 or 1, each problem one
line), a build that takes seconds, not minutes, nothing outside docs/ touched,
nothing from outside the seeds folder published, every article the corpus holds
on a page (a control seed among the random ones always), no input running as
script in any page or in the search index, and after cache entries are swapped
or edited, the pages of a build from scratch. `CORPUS_FUZZ_EXAMPLES=2000 pytest
tests/adapters/test_fuzz.py` runs a longer, random campaign; the suite runs a
fixed, bounded set.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from corpus_browser.adapters.cli import main
from corpus_browser.store.manifest import CACHE_NAME, MANIFEST_NAME

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("CORPUS_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=EXAMPLES or 30, derandomize=not EXAMPLES, deadline=None,
                suppress_health_check=list(HealthCheck))
SITE_FUZZ = settings(max_examples=max(EXAMPLES // 20, 4), derandomize=not EXAMPLES, deadline=None,
                     suppress_health_check=list(HealthCheck))

MARKER = "__pwned"
SECRET = "SECRET-OUTSIDE-WORD"
CONTROL_TITLE = "Control Article About Rivers"
CONTROL = f"{CONTROL_TITLE}\n\n" + "The quiet river carried patient stones toward the sea for many years. " * 5 + "\n"
MARKUP = [f"<script>window.{MARKER}=1</script>", f"<img src=x onerror=window.{MARKER}=2>", f"javascript:{MARKER}()",
          '"><svg onload=alert(1)>', "&lt;b&gt;", "# ", "- ", "1. ", "*", "_", "`", "[x](y)", "{: .c }", "|", "\\", "---"]
WORDS = ["River", "Title", "By", "Ada Lovelace", "and", "2016-02-30", "August 23, 2016", "trust", "Image credit:",
         "中文", "Ωμέγα", "\u00a0", "\u200b", "\t", "\r", "\x0c"]

text_atoms = st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), st.text(max_size=6))
lines = st.lists(text_atoms, max_size=10).map(" ".join)
texts = st.lists(lines, min_size=1, max_size=30).map("\n".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "latin-1"])
#: Seeds that took minutes to split before issue 26 (quadratic time on long runs).
LONG_RUNS = ["Title\n\n" + "[" * 400_000, "# x" + " " * 150_000 + "y\n\nSome text.",
             "* x" + " " * 200_000 + "y\n\nSome text.", "Title\n\n" + "[x](" * 100_000,
             "\n".join(f"{('Alice', 'Bob', 'Carol Ann')[i % 3]}: hello number {i}" for i in range(10_000))]
LONG_RUN_BYTES = {run.encode() for run in LONG_RUNS}
seed_bytes = st.one_of(
    st.binary(max_size=600),
    st.tuples(texts, encodings).map(lambda pair: pair[0].encode(pair[1], "replace")),
    st.sampled_from(LONG_RUNS).map(str.encode),
)
#: Longest an article build of a fuzzed corpus may take: a few seconds, on a loaded machine.
BUILD_SECONDS = 60
name_stems = st.one_of(
    st.binary(min_size=1, max_size=20).map(lambda name: name.replace(b"/", b"_").replace(b"\0", b"_")),
    st.text(alphabet=st.sampled_from(list("aAbB zZ-_.<>&\"'\n\t\\中文éÉ#%")), min_size=1, max_size=20).map(str.encode),
).filter(lambda stem: stem not in (b".", b".."))
suffixes = st.sampled_from([b".txt", b".md", b".TXT", b".markdown", b".yml", b".yaml", b".txt.yml", b".pdf", b""])
yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True), texts,
                         st.sampled_from(["2016-02-30", "2016-13", "2016", "2016-08-23 10:00", MARKUP[1]]))
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(
                                ["split_at", "no_split_at", "boilerplate", "articles", "title", "authors", "date",
                                 "themes", "settings", "min_hits", "max_share", "max_themes", "title_weight",
                                 MARKUP[1], "Trust"]), st.integers(0, 40), st.text(max_size=5)), inner, max_size=4)),
    max_leaves=25)
yaml_texts = st.one_of(
    yaml_values.map(lambda value: yaml.safe_dump(value, allow_unicode=True)),
    st.lists(st.sampled_from(["a: &a [1, 2]", "b: [*a, *a, *a]", "c: {", "- x", "  - y", "? [k]", ": v", "!!binary x",
                              "!ENV X", "split_at: [1, 2, 999]", "articles:", "  1:", "    date: 2016-02-30",
                              "    authors: [" + MARKUP[1] + "]", "themes:", "  '': [x]", "  T: [river]", "\t",
                              "[" * 60]), max_size=12).map("\n".join),
)
theme_names = st.one_of(
    st.sampled_from([name for name in MARKUP if name.strip()] + ["C++", "C#", "Trust", "trust", "TRUST"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs")), min_size=1, max_size=12))
valid_themes = st.dictionaries(
    theme_names,
    st.lists(st.sampled_from(["river", "trust", "stones", "sea", "patient"]), min_size=1, max_size=3),
    min_size=1, max_size=4,
).map(lambda themes: yaml.safe_dump({"themes": themes, "settings": {"min_hits": 1}}, allow_unicode=True))
MANIFEST_ATTACKS = ["../outside/sentinel.txt", "{root}/outside/sentinel.txt", "articles/../../outside/sentinel.txt",
                    "..", "", "./index.md", "a\\..\\..\\outside\\sentinel.txt", ".corpus-browser-staging"]

corpora = st.fixed_dictionaries({
    "seeds": st.lists(st.tuples(name_stems, suffixes, st.one_of(seed_bytes, yaml_texts.map(str.encode))), max_size=6),
    "themes": st.one_of(st.none(), yaml_texts, valid_themes),
    "manifest": st.one_of(st.none(), st.lists(st.sampled_from(MANIFEST_ATTACKS), min_size=1, max_size=3)),
    "link_out": st.booleans(),
    "pipes": st.lists(st.sampled_from(["zz-pipe.txt", "control-seed.yml", "zz-pipe.md.yml"]), unique=True, max_size=2),
})


def make_corpus(root: Path, corpus: dict) -> None:
    seeds = root / "seeds"
    seeds.mkdir()
    (root / "outside").mkdir()
    (root / "outside" / "sentinel.txt").write_text(f"Sentinel Title\n\n{SECRET} in a private file.\n")
    (seeds / "control-seed.txt").write_text(CONTROL, encoding="utf-8")
    for stem, suffix, data in corpus["seeds"]:
        name = stem + suffix
        if name.startswith(b"control-seed"):
            continue
        with contextlib.suppress(OSError):  # a name too long for the file system
            with open(os.fsencode(seeds) + b"/" + name, "wb") as file:
                file.write(data)
    if corpus["link_out"]:
        (seeds / "linked.txt").symlink_to(root / "outside" / "sentinel.txt")
    for pipe in corpus["pipes"]:
        with contextlib.suppress(FileExistsError):  # a random seed of that name
            os.mkfifo(seeds / pipe)
            event("a named pipe")
    if any(data in LONG_RUN_BYTES for _stem, _suffix, data in corpus["seeds"]):
        event("a long run")
    if corpus["themes"] is not None:
        (root / "themes.yml").write_text(corpus["themes"], encoding="utf-8")
    else:
        shutil.copy(ROOT / "themes.yml", root / "themes.yml")
    if corpus["manifest"] is not None:
        (root / "docs").mkdir()
        files = {entry.format(root=root): "0" * 64 for entry in corpus["manifest"]}
        (root / "docs" / MANIFEST_NAME).write_text(json.dumps({"version": 1, "inputs": None, "files": files}))


def snapshot(root: Path, skip: tuple[str, ...]) -> dict[bytes, bytes | None]:
    """Every file and link below `root` but under `skip`, with its content (links: their target)."""
    found = {}
    for folder, dirs, files in os.walk(os.fsencode(root)):
        relative = os.path.relpath(folder, os.fsencode(root))
        dirs[:] = [d for d in dirs if os.path.normpath(os.path.join(relative, d)).decode("utf-8", "surrogateescape")
                   not in skip]
        for name in files:
            path = os.path.join(folder, name)
            kind = os.lstat(path).st_mode
            found[os.path.relpath(path, os.fsencode(root))] = (
                os.readlink(path) if stat.S_ISLNK(kind) else b"\0a named pipe" if stat.S_ISFIFO(kind)
                else Path(os.fsdecode(path)).read_bytes())
    return found


def run_main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


class TookTooLong(Exception):
    """Raised by the alarm in a build that runs too long (not an `OSError`, which a read would report as a problem)."""


def build_in(root: Path, *extra: str, docs: str = "docs") -> tuple[int, str, str]:
    """The command line's build of the corpus in `root`, which must end within
    `BUILD_SECONDS` (an alarm stops one that waits on a pipe or runs on)."""
    def too_long(_signal, _frame):
        raise TookTooLong(f"the build took over {BUILD_SECONDS}s: it must take seconds, whatever the input")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(BUILD_SECONDS)
    try:
        return run_main("--seeds", str(root / "seeds"), "--docs", str(root / docs), "--themes",
                        str(root / "themes.yml"), "--report", str(root / f"{docs}-report.md"),
                        "--config-file", str(root / "mkdocs.yml"), *extra)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_build(root: Path, code: int, out: str, err: str) -> None:
    assert code in (0, 1), (code, err)
    for line in err.splitlines():
        assert line.startswith(("error: ", "warning: ")), f"not a one-line problem report: {line!r}"
    docs = root / "docs"
    if " articles from " not in out:
        assert code == 1 and "error: " in err
        event("stopped before writing")
        return  # stopped before writing (a broken taxonomy, a tampered manifest): nothing to check in docs/
    listed = json.loads((docs / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    assert all((docs / path).is_file() for path in listed), "every file the manifest lists is there"
    pages = {path: (docs / path).read_text(encoding="utf-8") for path in listed}  # pages, feeds, search records
    assert not (docs / ".corpus-browser-staging").exists()
    assert not any(SECRET in text for text in pages.values()), "a file outside seeds/ was published"
    titles = {yaml.safe_load(text.split("---\n")[1]).get("title") for path, text in pages.items()
              if path.startswith("articles/") and path.endswith(".md")}
    assert CONTROL_TITLE in titles, "the control seed's article is missing"
    event(f"built, exit {code}")
    summary = next(line for line in out.splitlines() if " articles from " in line)
    assert int(summary.split()[0]) == sum(path.startswith("articles/") and path.endswith(".md") for path in listed), \
        "every article of the corpus has its page"


@FUZZ
@given(corpora, st.sampled_from(["swap", "edit", None]))
def test_fuzzed_corpus_builds_safely(corpus, tamper):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_corpus(root, corpus)
        before = snapshot(root, skip=("docs",))
        code, out, err = build_in(root)
        check_build(root, code, out, err)
        after = snapshot(root, skip=("docs",))
        assert {path: data for path, data in after.items() if path != b"docs-report.md"} == before, \
            "something outside docs/ changed"
        if tamper and " articles from " in out:
            tamper_with_the_cache(root / "docs" / CACHE_NAME, tamper)
            event(f"cache entries: {tamper}")
            (root / "seeds" / "zz-added.txt").write_text(CONTROL.replace("Control", "Added"), encoding="utf-8")
            assert build_in(root)[0] == build_in(root, docs="fresh")[0]
            assert pages_of(root / "docs") == pages_of(root / "fresh"), "a tampered cache entry was used"


def tamper_with_the_cache(cache: Path, how: str) -> None:
    """Swap the contents of two entries of a kind, or edit a letter of the
    remembered pages' text, as a hand or a faulty disk might."""
    if how == "swap":
        entries = sorted(cache.glob("*.split")) or sorted(cache.glob("*.keys"))
        if len(entries) >= 2:
            first, second = entries[0].read_bytes(), entries[1].read_bytes()
            entries[0].write_bytes(second)
            entries[1].write_bytes(first)
    else:
        for entry in cache.glob("*.pages"):
            entry.write_bytes(entry.read_bytes().replace(b"river", b"rivet"))


def pages_of(docs: Path) -> dict[str, bytes]:
    """The generated files the manifest lists, with their content."""
    listed = json.loads((docs / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    return {path: (docs / path).read_bytes() for path in sorted(listed)}


class _LiveMarkup(HTMLParser):
    """Finds input turned into live markup: the marker in a script, in an event
    handler, or in a javascript: URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self._script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if MARKER in value and (name.startswith("on") or value.strip().lower().startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "svg", "iframe", "object", "embed") and any(name.startswith("on") for name, _ in attrs):
            self.found.append(f"<{tag}> with an event handler")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and MARKER in data:
            self.found.append(f"script: {data[:80]!r}")


def live_markup(html: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(html)
    return parser.found


def copy_site_project(root: Path) -> None:
    for name in ("mkdocs.yml", "docs"):  # the theme's templates ship inside the package (adapters/theme)
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("articles", "authors", "sources", "*.md",
                                                                              ".corpus-browser*"))
        else:
            shutil.copy(source, root / name)
    (root / "corpus_browser").symlink_to(ROOT / "corpus_browser", target_is_directory=True)


@SITE_FUZZ
@given(corpora, valid_themes)
def test_fuzzed_corpus_makes_a_site_without_live_markup(corpus, themes):
    corpus = {**corpus, "themes": themes, "manifest": None}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_corpus(root, corpus)
        copy_site_project(root)
        code, out, err = build_in(root)
        check_build(root, code, out, err)
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")],
                                cwd=root, capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr
        if code == 1 and " articles from " not in out:
            assert result.returncode == 1, "MkDocs stops where the command line stopped"
            return
        assert result.returncode == 0, result.stderr
        site = root / "site"
        for page in site.rglob("*.html"):
            assert live_markup(page.read_text(encoding="utf-8")) == [], page
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        for entry in index["docs"]:
            for field in ("title", "text", "tags"):
                value = entry.get(field, "")
                for html in value if isinstance(value, list) else [value]:
                    assert live_markup(html) == [], (entry["location"], field)
                    assert "<" not in html or field != "tags", "tags are shown as HTML: escaped"
