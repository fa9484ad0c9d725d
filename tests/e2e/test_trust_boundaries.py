"""Issue 9, "Trust boundaries": each of the twenty numbered cases, reproduced
through the real command line (or a real MkDocs build and headless Chromium
where the case is about the site), and what the build now does instead.

1-4 nothing outside docs/ is touched, no input runs as script; 5-8 no article
is lost to a file name or an input file; 9-12 every bad value is one line
naming the file and line; 13-20 names, anchors, disks, interruptions, the
site name, long text, file modes and hand edits.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from helpers import page_parts
from playwright.sync_api import expect
from serving import serving

from corpus_browser.config import BuildConfig
from corpus_browser.enrich.authors import normalize_name
from corpus_browser.errors import OutputError
from corpus_browser.model import Page
from corpus_browser.pipeline.build import build
from corpus_browser.site.render import slugify
from corpus_browser.source.seeds import read_seed
from corpus_browser.store import cache
from corpus_browser.store.cache import SeedCache
from corpus_browser.store.manifest import CACHE_NAME, MANIFEST_NAME, STAGING_NAME
from corpus_browser.store.write import output_lock, write_pages

ROOT = Path(__file__).resolve().parents[2]
FILLER = "The quiet river carried patient stones toward the wide grey sea for many long years."


def article(title: str, sentences: int = 6) -> str:
    return f"{title}\n\n" + " ".join([FILLER] * sentences) + "\n"


def run_cli(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build_docs.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, **kwargs)


def one_line_errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The problem lines a build printed; fails on a traceback."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith(("error:", "warning:"))]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding seeds/ with two small seeds, themes.yml, and no docs/ yet."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "alpha.txt").write_text(article("Alpha Article"), encoding="utf-8")
    (seeds / "beta.txt").write_text(article("Beta Article"), encoding="utf-8")
    shutil.copy(ROOT / "themes.yml", tmp_path / "themes.yml")
    return tmp_path


def manifest_of(docs: Path) -> dict:
    return json.loads((docs / MANIFEST_NAME).read_text(encoding="utf-8"))


def front_matter_of(page: Path) -> dict:
    return yaml.safe_load(page_parts(page.read_text(encoding="utf-8"))[0])


def titles_in(docs: Path) -> list[str]:
    return sorted(front_matter_of(page)["title"] for page in (docs / "articles").rglob("*.md"))


# --- 1. deletes outside docs/ ----------------------------------------------------------


@pytest.mark.parametrize("entry", ["../outside/data.txt", "{outside}/data.txt", "articles/../../outside/data.txt"])
def test_01_manifest_entries_outside_docs_are_refused(corpus: Path, entry: str):
    outside = corpus / "outside"
    outside.mkdir()
    (outside / "data.txt").write_text("precious\n")
    assert run_cli(cwd=corpus).returncode == 0
    manifest = manifest_of(corpus / "docs")
    manifest["files"][entry.format(outside=outside)] = "0" * 64
    (corpus / "docs" / MANIFEST_NAME).write_text(json.dumps(manifest))
    (corpus / "seeds" / "alpha.txt").write_text(article("Alpha Renamed"), encoding="utf-8")

    result = run_cli(cwd=corpus)

    assert result.returncode == 1
    assert one_line_errors(result) == [
        f"error: docs/{MANIFEST_NAME}: the manifest's entry names {entry.format(outside=outside)!r}, "
        "which is not a file inside the docs folder; refused"]
    assert (outside / "data.txt").read_text() == "precious\n"


def test_01_a_link_from_docs_to_elsewhere_is_never_written_through(corpus: Path):
    elsewhere = corpus / "elsewhere"
    elsewhere.mkdir()
    (corpus / "docs").mkdir()
    (corpus / "docs" / "articles").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli(cwd=corpus)
    assert result.returncode == 1
    assert "which is not a file inside the docs folder; refused" in one_line_errors(result)[0]
    assert list(elsewhere.iterdir()) == []


# --- 5. seeds whose names slugify alike ---------------------------------------------------

ALIKE = ["中文.txt", "日本語.txt", "Report.txt", "report.txt", "a b.txt", "a-b.txt", "notes.md", "notes-md.txt"]


def test_05_seeds_named_alike_keep_every_article(corpus: Path):
    shutil.rmtree(corpus / "seeds")
    (corpus / "seeds").mkdir()
    for i, name in enumerate(ALIKE):
        text = article(f"Story Number {i}")
        (corpus / "seeds" / name).write_text(f"# {text}" if name.endswith(".md") else text, encoding="utf-8")

    result = run_cli(cwd=corpus)

    assert result.returncode == 0, result.stderr
    docs = corpus / "docs"
    assert titles_in(docs) == sorted(f"Story Number {i}" for i in range(len(ALIKE)))
    folders = sorted(path.name for path in (docs / "articles").iterdir())
    assert len(folders) == len(ALIKE)
    assert "report" in folders and "a-b" in folders and "zhong-wen--" in " ".join(folders)
    again = run_cli("--force", cwd=corpus)
    assert "0 pages written" in again.stdout, "folders are stable from build to build"


# --- 6. a YAML alias bomb ---------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{name}: &{name} [{','.join([f'*{before}'] * 9)}]" for before, name in zip("abcdefgh", "bcdefghi")]) + "\n"


def test_06_yaml_alias_bomb_is_one_short_line(corpus: Path):
    assert len(ALIAS_BOMB) < 400
    (corpus / "seeds" / "alpha.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    # The build runs under a small Python that prints its peak memory (KiB) last: that of the build alone.
    measured = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", measured, sys.executable, str(ROOT / "build_docs.py")], cwd=corpus,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert one_line_errors(result) == [
        "error: seeds/alpha.yml:6: more than 200,000 values once aliases are expanded"]
    assert len(result.stdout) + len(result.stderr) < 5_000
    assert int(result.stderr.splitlines()[-1]) < 400_000, "peak memory in KiB"
    assert titles_in(corpus / "docs") == ["Beta Article"], "the other seed is built"


# --- 7. concurrent builds -------------------------------------------------------------------


def test_07_concurrent_builds_take_turns_and_leave_a_consistent_folder(corpus: Path):
    other = corpus / "other-seeds"
    other.mkdir()
    for i in range(40):
        (other / f"seed{i:02d}.txt").write_text(article(f"Other Story {i}", 30), encoding="utf-8")
    first = subprocess.Popen([sys.executable, str(ROOT / "build_docs.py"), "--seeds", "other-seeds",
                              "--report", "other-report.md"], cwd=corpus,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = run_cli(cwd=corpus)
    first_out, first_err = first.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, first_err + second.stderr

    docs = corpus / "docs"
    listed = set(manifest_of(docs)["files"])
    assert set(pages_tree(docs)) - listed == {MANIFEST_NAME}, "every page is the last build's, and listed"
    assert not (docs / STAGING_NAME).exists()
    third = run_cli(cwd=corpus)
    assert third.returncode == 0, third.stderr


def test_07_a_build_that_cannot_get_the_folder_stops_with_a_message(tmp_path: Path):
    docs = tmp_path / "docs"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from corpus_browser.store.write import output_lock\n"
         "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)", str(docs)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(OutputError, match="another build has been writing here for over 0.3s; try again"):
            with output_lock(docs, wait_seconds=0.3):
                write_pages(docs, [Page("index.md", "home\n")])
        assert not (docs / "index.md").exists()
    finally:
        holder.kill()
        holder.wait()
    with output_lock(docs, wait_seconds=5):  # free again once the holder is gone, however it ended
        write_pages(docs, [Page("index.md", "home\n")])


# --- 8. a file name that is not UTF-8 ------------------------------------------------------------


def test_08_undecodable_file_name_is_shown_readably_and_built(corpus: Path):
    seeds = os.fsencode(corpus / "seeds")
    with open(seeds + b"/caf\xe9.txt", "w", encoding="utf-8") as file:
        file.write(article("Undecodable Name"))
    with open(seeds + b"/caf\xe9.yml", "w", encoding="utf-8") as file:
        file.write("articles:\n  1:\n    authors: [Ada Lovelace]\n")

    result = run_cli(cwd=corpus)

    assert result.returncode == 0, result.stderr
    assert one_line_errors(result) == []
    assert "caf\\xe9.txt" in result.stdout
    (page,) = [page for page in (corpus / "docs" / "articles").rglob("*.md")
               if front_matter_of(page)["title"] == "Undecodable Name"]
    assert front_matter_of(page)["source"] == "caf\\xe9.txt"
    assert front_matter_of(page)["authors"] == ["Ada Lovelace"]


# --- 9 and 12. impossible values and loose checks: one line naming file and line ----------------------------

BAD_SIDECARS = {
    "date: 2016-02-30": ("articles:\n  1:\n    date: 2016-02-30\n",
                         "seeds/alpha.yml:3: articles: line 1: date '2016-02-30' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    "month 13": ("articles:\n  1:\n    date: 2016-13\n",
                 "seeds/alpha.yml:3: articles: line 1: date '2016-13' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    "5000-deep": ("split_at: " + "[" * 5000 + "]" * 5000 + "\n", "seeds/alpha.yml:1: nested deeper than 40 levels"),
    "duplicate key": ("split_at: [1]\nboilerplate: [2]\nsplit_at: [3]\n", "seeds/alpha.yml:3: duplicate key 'split_at'"),
    "line as text": ("split_at: [1, two]\n", "seeds/alpha.yml:1: split_at: 'two' is not a line number"),
}
BAD_TAXONOMIES = {
    "min_hits .inf": ("themes:\n  Trust: [trust]\nsettings:\n  min_hits: .inf\n",
                      "themes.yml:4: settings: min_hits must be a whole number from 1 to 1000000, not inf"),
    "max_share .nan": ("themes:\n  Trust: [trust]\nsettings:\n  max_share: .nan\n",
                       "themes.yml:4: settings: max_share must be a number from 0.01 to 1.0, not nan"),
    "negative max_themes": ("themes:\n  Trust: [trust]\nsettings:\n  max_themes: -2\n",
                            "themes.yml:4: settings: max_themes must be a whole number from 1 to 1000, not -2"),
    "negative min_hits": ("themes:\n  Trust: [trust]\nsettings:\n  min_hits: -1\n",
                          "themes.yml:4: settings: min_hits must be a whole number from 1 to 1000000, not -1"),
    "null theme": ("themes:\n  Trust: [trust]\n  null: [river]\n",
                   "themes.yml:3: theme name None must be text of 1 to 60 characters (quote it if YAML reads it as "
                   "something else)"),
    "empty theme": ("themes:\n  '': [river]\n",
                    "themes.yml:2: theme name '' must be text of 1 to 60 characters (quote it if YAML reads it as "
                    "something else)"),
    "duplicate theme": ("themes:\n  Trust: [trust]\n  Trust: [river]\n", "themes.yml:3: duplicate key 'Trust'"),
}


@pytest.mark.parametrize("case", sorted(BAD_SIDECARS))
def test_09_12_a_bad_sidecar_value_is_one_line_with_file_and_line(corpus: Path, case: str):
    text, message = BAD_SIDECARS[case]
    (corpus / "seeds" / "alpha.yml").write_text(text, encoding="utf-8")
    result = run_cli(cwd=corpus)
    assert result.returncode == 1
    assert one_line_errors(result) == [f"error: {message}"]
    assert titles_in(corpus / "docs") == ["Beta Article"]


@pytest.mark.parametrize("case", sorted(BAD_TAXONOMIES))
def test_09_12_a_bad_taxonomy_value_is_one_line_with_file_and_line(corpus: Path, case: str):
    text, message = BAD_TAXONOMIES[case]
    (corpus / "themes.yml").write_text(text, encoding="utf-8")
    result = run_cli(cwd=corpus)
    assert result.returncode == 1
    assert one_line_errors(result) == [f"error: {message}"]
    assert not (corpus / "docs").exists()


@pytest.mark.parametrize(("written", "date"), [("2016", "2016"), ("2016-8", "2016-08"), ("2016-08-23", "2016-08-23"),
                                               ("2016-08-23 10:15:00", "2016-08-23"),
                                               ("2016-08-23T10:15:00+02:00", "2016-08-23")])
def test_12_a_sidecar_date_keeps_the_contract(corpus: Path, written: str, date: str):
    (corpus / "seeds" / "alpha.yml").write_text(f"articles:\n  1:\n    date: {written}\n", encoding="utf-8")
    assert run_cli(cwd=corpus).returncode == 0
    (page,) = (corpus / "docs" / "articles" / "alpha").glob("*.md")
    assert front_matter_of(page)["date"] == date


def test_12_a_sidecar_named_like_two_seeds_is_refused_and_an_orphan_is_reported(corpus: Path):
    seeds = corpus / "seeds"
    (seeds / "alpha.md").write_text("# " + article("Alpha Markdown"), encoding="utf-8")
    (seeds / "alpha.yml").write_text("articles:\n  1:\n    authors: [Ada Lovelace]\n", encoding="utf-8")
    (seeds / "beta.txt.yml").write_text("articles:\n  1:\n    authors: [Alan Turing]\n", encoding="utf-8")
    (seeds / "gamma.yml").write_text("split_at: [1]\n", encoding="utf-8")

    result = run_cli(cwd=corpus)

    assert result.returncode == 1
    assert sorted(one_line_errors(result)) == [
        "error: seeds/alpha.yml: applies to alpha.md and alpha.txt alike; rename it alpha.md.yml or alpha.txt.yml",
        "warning: seeds/gamma.yml: skipped: no seed is named like it (a seed NAME.txt takes its corrections "
        "from NAME.yml)",
    ]
    (beta,) = (corpus / "docs" / "articles" / "beta").glob("*.md")
    assert front_matter_of(beta)["authors"] == ["Alan Turing"], "NAME.txt.yml names its seed exactly"


# --- 10. symlinks out of seeds/ --------------------------------------------------------------------------------


def test_10_a_seed_linking_outside_the_seeds_folder_is_skipped_unless_opted_in(corpus: Path):
    private = corpus / "private"
    private.mkdir()
    (private / "diary.txt").write_text(article("Secret Diary Entry"), encoding="utf-8")
    (corpus / "seeds" / "diary.txt").symlink_to(private / "diary.txt")
    (corpus / "seeds" / "alias.txt").symlink_to(corpus / "seeds" / "alpha.txt")  # inside: fine

    result = run_cli(cwd=corpus)
    assert one_line_errors(result) == [
        "warning: seeds/diary.txt: skipped: it is a link to a file outside the seeds folder (pass --follow-symlinks, "
        "or set the corpus-browser plugin's follow_symlinks: true in mkdocs.yml, to publish it)"]
    assert "Secret Diary Entry" not in titles_in(corpus / "docs")
    assert titles_in(corpus / "docs").count("Alpha Article") == 2

    assert run_cli("--follow-symlinks", cwd=corpus).returncode == 0
    assert "Secret Diary Entry" in titles_in(corpus / "docs")
    shutil.rmtree(corpus / "docs")
    (corpus / "mkdocs.yml").write_text("site_name: Mine\nplugins:\n  - corpus-browser:\n      follow_symlinks: true\n",
                                       encoding="utf-8")
    assert run_cli(cwd=corpus).returncode == 0
    assert "Secret Diary Entry" in titles_in(corpus / "docs")


# --- 11. UTF-16 and UTF-32 without a byte-order mark --------------------------------------------------------------

WIDE_TEXTS = {
    "english": "Hidden Figures\n\nThe story of three women who calculated trajectories by hand.\n",
    "chinese": "中文标题\n\n这是一篇关于信任和创新的文章。我们讨论了很多问题。\n",
    "french": "Café déjà vu\n\nUne histoire naïve à propos de la confiance.\n",
}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("language", sorted(WIDE_TEXTS))
def test_11_wide_encodings_without_a_byte_order_mark_are_read(tmp_path: Path, encoding: str, language: str):
    path = tmp_path / "wide.txt"
    path.write_bytes(WIDE_TEXTS[language].encode(encoding))
    assert "\n".join(read_seed(path, "seeds/wide.txt").lines) + "\n" == WIDE_TEXTS[language]


def test_11_wide_text_is_published_as_text(corpus: Path):
    (corpus / "seeds" / "wide.txt").write_bytes(article("Hidden Figures").encode("utf-16-le"))
    assert run_cli(cwd=corpus).returncode == 0
    (page,) = (corpus / "docs" / "articles" / "wide").glob("*.md")
    assert front_matter_of(page)["title"] == "Hidden Figures"
    assert FILLER in page.read_text(encoding="utf-8")


# --- 13. a newline in a file name -------------------------------------------------------------------------------------


def test_13_a_newline_in_a_seed_name_stays_on_its_line(corpus: Path):
    (corpus / "seeds" / "two\nlines.txt").write_text(article("Newline Name"), encoding="utf-8")
    result = run_cli(cwd=corpus)
    assert result.returncode == 0, result.stderr
    (source,) = (corpus / "docs" / "sources").glob("two-nlines--*.md")
    (heading,) = [line for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    assert heading == "# two\\\\nlines.txt"
    assert "two\\nlines.txt" in result.stdout


# --- 16. a build killed mid-write -------------------------------------------------------------------------------------


def test_16_what_a_killed_build_leaves_is_cleared_by_the_next(corpus: Path):
    config = BuildConfig(seeds_dir=corpus / "seeds", docs_dir=corpus / "docs", themes_file=corpus / "themes.yml")
    build(config)
    for i in range(20):
        (corpus / "seeds" / f"more{i:02d}.txt").write_text(article(f"More Story {i}"), encoding="utf-8")
    child = os.fork()
    if child == 0:  # the build to kill: SIGKILL itself on its fifth rename, as `kill -9` would
        renames = []

        def rename_then_die(source, target):
            renames.append(target)
            if len(renames) == 5:
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(source, target)

        real_replace, os.replace = os.replace, rename_then_die
        build(config)
        os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert list((corpus / "docs" / STAGING_NAME).iterdir()), "the killed build left a staged file"

    build(config)

    assert not (corpus / "docs" / STAGING_NAME).exists()
    assert not [path for path in (corpus / "docs").rglob("*") if path.name.endswith(".tmp")]
    fresh = BuildConfig(seeds_dir=config.seeds_dir, docs_dir=corpus / "fresh", themes_file=config.themes_file)
    build(fresh)
    assert tree(corpus / "docs") == tree(corpus / "fresh")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def pages_tree(folder: Path) -> dict[str, bytes]:
    """`tree` without the build's cache of its per-seed work (which a build may prune)."""
    return {path: data for path, data in tree(folder).items() if not path.startswith(CACHE_NAME + "/")}


# --- 17. the command line and MkDocs agree on site_name ------------------------------------------------------------


def test_17_build_docs_uses_site_name_from_mkdocs_yml(make_project):
    project = make_project("site-name")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Corpus Browser", "site_name: Field Notes"),
                      encoding="utf-8")
    assert run_cli(cwd=project).returncode == 0
    home = project / "docs" / "index.md"
    assert front_matter_of(home)["title"] == "Field Notes"
    before = home.stat().st_mtime_ns
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "corpus: up to date" in result.stderr
    assert home.stat().st_mtime_ns == before
    assert run_cli(cwd=project).stdout.startswith("up to date")


# --- 18. a huge description ---------------------------------------------------------------------------------------------------


def test_18_titles_and_descriptions_are_capped_and_the_text_kept(corpus: Path):
    sentence = "Every " + "very " * 1_000_000 + "long sentence ends."
    (corpus / "seeds" / "huge.txt").write_text(f"Huge Sentence\n\n{sentence}\n", encoding="utf-8")
    (corpus / "seeds" / "alpha.yml").write_text(f"articles:\n  1:\n    title: {'Long ' * 200}Title\n", encoding="utf-8")
    assert run_cli(cwd=corpus).returncode == 0
    (huge,) = (corpus / "docs" / "articles" / "huge").glob("*.md")
    data = front_matter_of(huge)
    assert len(data["description"]) <= 300 and data["description"].endswith("…")
    body = page_parts(huge.read_text(encoding="utf-8"))[1]
    assert body.count("very") == 1_000_000 + 1, "the body keeps the whole text"
    (alpha,) = (corpus / "docs" / "articles" / "alpha").glob("*.md")
    assert len(front_matter_of(alpha)["title"]) <= 200


# --- 19. file modes -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664)])
def test_19_generated_files_take_their_mode_from_the_umask(corpus: Path, umask: int, mode: int):
    result = run_cli(cwd=corpus, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    files = [path for path in (corpus / "docs").rglob("*") if path.is_file()] + [corpus / "corpus-report.md"]
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {mode}


# --- 20. change detection by content ----------------------------------------------------------------------------------------


def test_20_a_hand_edit_that_keeps_the_old_timestamp_is_seen(corpus: Path):
    assert run_cli(cwd=corpus).returncode == 0
    page = next((corpus / "docs" / "articles").rglob("*.md"))
    original, times = page.read_bytes(), page.stat()
    page.write_bytes(original.replace(b"quiet", b"noisy"))
    os.utime(page, ns=(times.st_atime_ns, times.st_mtime_ns))

    result = run_cli(cwd=corpus)

    assert not result.stdout.startswith("up to date")
    assert "1 pages written" in result.stdout
    assert page.read_bytes() == original


# --- 15. read-only docs/ and a full disk ----------------------------------------------------------------------------------


@contextlib.contextmanager
def mounted(*commands: tuple[str, ...], target: Path) -> Iterator[None]:
    """Run `mount` with each argument list in turn on `target` for the test,
    then unmount it (needs root, as the project's CI has)."""
    for command in commands:
        result = subprocess.run(["mount", *command, str(target)], capture_output=True, text=True)
        if result.returncode != 0:
            if command is not commands[0]:
                subprocess.run(["umount", str(target)], check=True)
            pytest.skip(f"cannot mount here ({result.stderr.strip()}); this test needs root")
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=True)


def test_15_read_only_docs_is_one_line_and_nothing_changes(corpus: Path):
    assert run_cli(cwd=corpus).returncode == 0
    docs = corpus / "docs"
    before = tree(docs)
    (corpus / "seeds" / "alpha.txt").write_text(article("Alpha Changed"), encoding="utf-8")
    with mounted(("--bind", str(docs)), ("-o", "remount,ro,bind"), target=docs):
        result = run_cli(cwd=corpus)
    assert result.returncode == 1
    (line,) = one_line_errors(result)
    assert line.startswith("error: docs/") and line.endswith("Read-only file system"), line
    assert tree(docs) == before


def test_15_a_full_disk_is_one_line_and_every_page_stays_readable(corpus: Path):
    docs = corpus / "docs"
    docs.mkdir()
    with mounted(("-t", "tmpfs", "-o", "size=96k", "tmpfs"), target=docs):
        assert run_cli(cwd=corpus).returncode == 0
        before = pages_tree(docs)
        for i in range(40):
            (corpus / "seeds" / f"big{i:02d}.txt").write_text(article(f"Big Story {i}", 60), encoding="utf-8")
        result = run_cli(cwd=corpus)
        assert result.returncode == 1
        (line,) = one_line_errors(result)
        assert line.startswith("error: docs/") and line.endswith("No space left on device"), line
        after = pages_tree(docs)
    assert not [path for path in after if STAGING_NAME in path]
    assert set(before) <= set(after)
    for path, data in after.items():
        if path == MANIFEST_NAME:
            json.loads(data)
        elif data != before.get(path):
            assert page_parts(data.decode("utf-8"))[1].endswith("\n"), f"{path} is half-written"


# --- 2, 3, 4, 14. names from input on the built site: text, never script; unique anchors ------------------

PWNED_THEME = "<img src=x onerror=window.__pwned=1>"
PWNED_AUTHOR = "<img src=x onerror=window.__pwned=2>"
PWNED_SITE_NAME = "<img src=x onerror=window.__pwned=3>"
PWNED_SEED = "<img src=x onerror=window.__pwned=4>.txt"
PWNED_TITLE = "<img src=x onerror=window.__pwned=5> Title"
HOSTILE_THEMES = {PWNED_THEME: ["river"], "C++": ["stones"], "C#": ["sea"]}


def hostile_names_project(make_project, name: str) -> Path:
    """A project whose theme, author, seed and site names and an article's title
    are markup, with a `nav:` listing the pages named by them, so that MkDocs
    shows their titles in the sidebar."""
    project = make_project(name, seeds={PWNED_SEED: article("Named By Markup"), "plain.txt": article("Plain Title"),
                                        "titled.txt": article(PWNED_TITLE)})
    (project / "seeds" / "plain.yml").write_text(yaml.safe_dump({"articles": {1: {"authors": [PWNED_AUTHOR]}}}),
                                                 encoding="utf-8")
    (project / "themes.yml").write_text(yaml.safe_dump(
        {"themes": HOSTILE_THEMES, "settings": {"min_hits": 1, "max_share": 1.0}}), encoding="utf-8")
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8").replace(
        "site_name: Corpus Browser", f"site_name: {json.dumps(PWNED_SITE_NAME)}")
    named = [f"articles/titled/{slugify(PWNED_TITLE)}.md", f"themes/{slugify(PWNED_THEME)}.md",
             f"authors/{slugify(PWNED_AUTHOR)}.md"]
    config.write_text(settings + "\nnav:\n  - index.md\n" + "".join(f"  - {path}\n" for path in named),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile_names_site(make_project, build_site, serve_dir) -> tuple[Path, str]:
    site = build_site(hostile_names_project(make_project, "hostile-names"))
    return site, serve_dir(site)


def assert_ran_nothing(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined", page.url
    assert page.locator("img[onerror]").count() == 0, page.url


def test_02_04_no_page_runs_script_from_names(page, hostile_names_site):
    site, url = hostile_names_site
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert len(pages) >= 8
    for path in pages:
        page.goto(url + path)
        assert_ran_nothing(page)
    nav = {text.strip() for text in page.locator("nav.md-nav--primary .md-ellipsis").all_text_contents()}
    assert PWNED_TITLE in nav, "the sidebar lists the article whose title is markup, as text"


def test_02_theme_names_are_text_on_the_index_their_pages_and_search_results(page, hostile_names_site):
    _, url = hostile_names_site
    page.goto(url + "themes.html")
    names = {text.strip() for text in page.locator("ul.cb-names li a").all_text_contents()}
    assert {PWNED_THEME, "C++", "C#"} <= names
    page.locator("ul.cb-names li a", has_text="onerror").click()
    assert page.locator("article h1").first.text_content().strip().removesuffix("¶") == PWNED_THEME
    assert_ran_nothing(page)
    page.goto(url + "index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("river")
    expect_chip = page.locator(".md-search-result__item nav.md-tags .md-tag", has_text="onerror")
    expect_chip.first.wait_for()
    assert PWNED_THEME in expect_chip.first.text_content()
    assert_ran_nothing(page)


def test_02_04_names_are_text_in_sharing_metadata_feeds_and_listings(page, hostile_names_site):
    import feedparser

    site, url = hostile_names_site
    (article_page,) = [path for path in (site / "articles").rglob("*.html") if path.parent.name == "plain"]
    page.goto(url + article_page.relative_to(site).as_posix())
    contents = page.eval_on_selector_all("meta[property]", "tags => tags.map(t => [t.getAttribute('property'), "
                                         "t.getAttribute('content')])")
    assert ["og:site_name", PWNED_SITE_NAME] in contents
    assert ["article:author", normalize_name(PWNED_AUTHOR)] in contents
    assert ["article:tag", PWNED_THEME] in contents
    titles = page.eval_on_selector_all("link[rel=alternate]", "links => links.map(l => l.getAttribute('title'))")
    assert PWNED_SITE_NAME in titles
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.title == PWNED_SITE_NAME
    assert {entry.title for entry in feed.entries} >= {PWNED_TITLE}
    assert [tag.term for entry in feed.entries for tag in entry.get("tags", []) if "onerror" in tag.term] != []
    for path in ("archive.html", "authors.html", "index.html"):
        page.goto(url + path)
        expect(page.locator("article.md-content__inner")).to_contain_text(PWNED_TITLE if path != "authors.html"
                                                                           else normalize_name(PWNED_AUTHOR))
        assert_ran_nothing(page)


def test_02_article_chips_show_theme_and_author_names_as_text(page, hostile_names_site):
    site, url = hostile_names_site
    (article_page,) = [path for path in (site / "articles").rglob("*.html") if path.parent.name == "plain"]
    page.goto(url + article_page.relative_to(site).as_posix())
    chips = {text.strip() for text in page.locator("nav.md-tags .md-tag").all_text_contents()}
    assert {PWNED_THEME, normalize_name(PWNED_AUTHOR), "C++", "C#"} <= chips
    assert_ran_nothing(page)


def test_04_site_name_is_text_in_the_header_and_title(page, hostile_names_site):
    _, url = hostile_names_site
    page.goto(url + "index.html")
    assert page.locator(".md-header__topic").first.text_content().strip() == PWNED_SITE_NAME
    assert page.title() == PWNED_SITE_NAME
    assert page.locator("article h1").first.text_content().strip().startswith(PWNED_SITE_NAME)
    assert_ran_nothing(page)


def test_05_13_a_seed_named_with_markup_is_text(page, hostile_names_site):
    site, url = hostile_names_site
    (source,) = [path for path in (site / "sources").glob("*.html") if "onerror" in path.name or "img" in path.name]
    page.goto(url + source.relative_to(site).as_posix())
    assert page.locator("article h1").first.text_content().strip().removesuffix("¶") == PWNED_SEED
    assert_ran_nothing(page)


def test_14_themes_differing_in_punctuation_get_their_own_pages(page, hostile_names_site):
    _, url = hostile_names_site
    page.goto(url + "themes.html")
    links = dict(page.eval_on_selector_all("ul.cb-names li a", "links => links.map(a => [a.textContent.trim(), "
                                           "a.getAttribute('href')])"))
    assert len({links["C++"], links["C#"], links[PWNED_THEME]}) == 3
    for name in ("C++", "C#", PWNED_THEME):
        page.goto(url + links[name])
        assert page.locator("article h1").first.text_content().strip().removesuffix("¶") == name


@pytest.fixture(scope="module")
def hostile_names_hosted(make_project, serve_dir) -> str:
    from sites import hosted_build

    return serve_dir(hosted_build(hostile_names_project(make_project, "hostile-names-hosted")))


def test_03_search_panel_shows_names_as_text(page, hostile_names_hosted):
    page.goto(hostile_names_hosted + "index.html?q=river")
    page.locator(".cb-result__title").first.wait_for()
    for select, name in (("author", normalize_name(PWNED_AUTHOR)), ("theme", PWNED_THEME), ("theme", "C++"),
                         ("theme", "C#")):
        options = page.locator(f"[data-filter={select}] .cb-facet__option")
        expect(options.filter(has_text=name)).to_have_count(1)  # waits until the filters are filled
    expect(page.locator(".cb-result__themes .md-tag", has_text="onerror").first).to_have_text(PWNED_THEME)
    expect(page.locator(".cb-result__title", has_text="onerror")).to_have_text(PWNED_TITLE)
    assert_ran_nothing(page)


def test_03_a_search_link_presets_a_filter_named_with_markup(page, hostile_names_hosted):
    page.goto(hostile_names_hosted + "index.html?q=river&author=" + quote(normalize_name(PWNED_AUTHOR)))
    results = page.locator(".cb-result__title")
    expect(results).to_have_count(1)
    assert results.text_content().strip() == "Plain Title"
    expect(page.locator("[data-filter=author] input:checked")).to_have_value(normalize_name(PWNED_AUTHOR))
    expect(page.locator(".cb-result__meta")).to_have_text(normalize_name(PWNED_AUTHOR))
    assert_ran_nothing(page)


# --- 9. under mkdocs serve: the error is shown, the server answers, and it recovers ------------------------


def test_09_serve_shows_a_bad_value_keeps_answering_and_recovers(make_project, tmp_path: Path):
    from test_site import fetch, wait_until

    project = make_project("serve-bad-values", seeds={"alpha.txt": article("Alpha Article")})
    sidecar, themes = project / "seeds" / "alpha.yml", project / "themes.yml"
    sidecar.write_text("articles:\n  1:\n    date: 2016-02-30\n", encoding="utf-8")
    with serving(project, tmp_path) as server:
        home = server.url + "index.html"
        wait_until(lambda: "Corpus Browser" in fetch(home), 30, "mkdocs serve answers despite the bad date")
        assert "Alpha Article" not in fetch(home)
        wait_until(lambda: "alpha.yml:3: articles: line 1: date '2016-02-30'" in server.text(), 10,
                   "the error is logged with file and line")

        sidecar.write_text("articles:\n  1:\n    date: 2016-02-29\n", encoding="utf-8")
        wait_until(lambda: "Alpha Article" in fetch(home), 30, "the fixed sidecar is picked up")

        good_themes = themes.read_text(encoding="utf-8")
        themes.write_text("themes:\n  Trust: [trust]\nsettings:\n  min_hits: .inf\n", encoding="utf-8")
        wait_until(lambda: "themes.yml:4: settings: min_hits" in server.text(), 30, "a broken taxonomy is logged")
        assert "Alpha Article" in fetch(home), "the site is served as it was"
        themes.write_text(good_themes, encoding="utf-8")
        (project / "seeds" / "beta.txt").write_text(article("Beta Article"), encoding="utf-8")
        wait_until(lambda: "Beta Article" in fetch(home), 30, "the build is picked up again")
        assert server.process.poll() is None
        assert "Traceback" not in server.text()


# === Issue 26, "Trust boundaries, round 2" ==========================================================================

# --- 26.5 a seed that cannot be used keeps its pages; a hand edit is named ---------------------------------------------


def test_26_05_a_seed_with_a_bad_sidecar_keeps_its_pages_with_one_warning(corpus: Path):
    assert run_cli(cwd=corpus).returncode == 0
    published = {path: data for path, data in pages_tree(corpus / "docs").items() if path != MANIFEST_NAME}
    (corpus / "seeds" / "alpha.yml").write_text("articles:\n  1:\n    date: 2016-02-30\n", encoding="utf-8")

    result = run_cli(cwd=corpus)

    assert result.returncode == 1
    assert one_line_errors(result) == [
        "warning: seeds/alpha.txt: its last good pages are kept until it can be read again",
        "error: seeds/alpha.yml:3: articles: line 1: date '2016-02-30' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"]
    assert {path: data for path, data in pages_tree(corpus / "docs").items() if path != MANIFEST_NAME} == published


def test_26_05_a_generated_page_edited_by_hand_is_named_when_written_over(corpus: Path):
    assert run_cli(cwd=corpus).returncode == 0
    home = corpus / "docs" / "index.md"
    original = home.read_bytes()
    home.write_bytes(original + b"\nMy own note.\n")

    result = run_cli(cwd=corpus)

    assert result.returncode == 0
    assert one_line_errors(result) == [
        "warning: docs/index.md: edited by hand since the last build, and written over: the build makes this page "
        "(change its seed or sidecar instead)"]
    assert home.read_bytes() == original


def test_26_05_serve_keeps_a_seeds_pages_while_its_sidecar_is_wrong(make_project, tmp_path: Path):
    from test_site import fetch, wait_until

    project = make_project("serve-last-good", seeds={"alpha.txt": article("Alpha Article"),
                                                     "beta.txt": article("Beta Article")})
    with serving(project, tmp_path) as server:
        home = server.url + "index.html"
        wait_until(lambda: "Alpha Article" in fetch(home), 60, "mkdocs serve shows the seed")
        (page,) = (project / "docs" / "articles" / "alpha").glob("*.md")
        address = server.url + page.relative_to(project / "docs").with_suffix(".html").as_posix()
        assert "Alpha Article" in fetch(address)

        (project / "seeds" / "alpha.yml").write_text("split_at: [nine]\n", encoding="utf-8")
        (project / "seeds" / "beta.txt").write_text(article("Beta Renamed"), encoding="utf-8")
        wait_until(lambda: "Beta Renamed" in fetch(home), 60, "the saves are built")
        assert "Alpha Article" in fetch(home) and "Alpha Article" in fetch(address), "the seed's pages are still served"
        assert "alpha.txt: its last good pages are kept until it can be read again" in server.text()

        (project / "docs" / "index.md").write_text("My own home page.\n", encoding="utf-8")
        wait_until(lambda: "index.md: edited by hand since the last build, and written over" in server.text(), 60,
                   "the hand edit is named")
        wait_until(lambda: "Alpha Article" in fetch(home), 60, "the home page is the build's again")
        assert server.process.poll() is None
        assert "Traceback" not in server.text()


# --- 26.7 a named pipe in seeds/ --------------------------------------------------------------------------------------


def test_26_07_a_named_pipe_as_seed_or_sidecar_is_skipped_with_one_line(corpus: Path):
    os.mkfifo(corpus / "seeds" / "pipe.txt")
    os.mkfifo(corpus / "seeds" / "alpha.yml")
    try:
        result = run_cli(cwd=corpus)
    except subprocess.TimeoutExpired:
        pytest.fail("build_docs.py waits forever on a named pipe in seeds/")
    assert one_line_errors(result) == [
        "warning: seeds/alpha.yml: skipped: it is a named pipe, not a regular file",
        "warning: seeds/pipe.txt: skipped: it is a named pipe, not a regular file"]
    assert result.returncode == 0
    assert titles_in(corpus / "docs") == ["Alpha Article", "Beta Article"]
    assert run_cli(cwd=corpus).returncode == 0, "the next run's up-to-date check does not wait either"


def test_26_07_serve_skips_a_named_pipe_keeps_answering_and_builds_on(make_project, tmp_path: Path):
    from test_site import fetch, wait_until

    project = make_project("serve-pipe", seeds={"alpha.txt": article("Alpha Article")})
    with serving(project, tmp_path) as server:
        home = server.url + "index.html"
        wait_until(lambda: "Alpha Article" in fetch(home), 60, "mkdocs serve shows the seed")
        os.mkfifo(project / "seeds" / "pipe.txt")
        wait_until(lambda: "pipe.txt: skipped: it is a named pipe, not a regular file" in server.text(), 30,
                   "the pipe is named in one line")
        (project / "seeds" / "beta.txt").write_text(article("Beta Article"), encoding="utf-8")
        wait_until(lambda: "Beta Article" in fetch(home), 60, "the next save is built and served")
        assert server.process.poll() is None
        assert "Traceback" not in server.text()


# --- 26.8 cache entries that load but are wrong ------------------------------------------------------------------------


def test_26_08_force_reads_nothing_the_last_build_kept(corpus: Path):
    """Entries that hold the digest of their name and content but are wrong (as a
    bug in an earlier version could leave them) are used by an ordinary build;
    `--force` reads none of them and builds what a build from scratch builds."""
    assert run_cli(cwd=corpus).returncode == 0
    store = SeedCache(corpus / "docs")
    (pages,) = (corpus / "docs" / CACHE_NAME).glob("*.pages")
    kept = store.value(pages.name, dict)
    store.put(pages.name, cache.dump({key: text.replace("quiet river", "loud river") for key, text in kept.items()}))
    first, second = sorted((corpus / "docs" / CACHE_NAME).glob("*.split"))
    swapped = store.get(second.name), store.get(first.name)
    store.put(first.name, swapped[0])
    store.put(second.name, swapped[1])

    assert run_cli("--force", cwd=corpus).returncode == 0
    assert run_cli("--docs", "scratch", "--report", "scratch-report.md", cwd=corpus).returncode == 0
    assert pages_tree(corpus / "docs") == pages_tree(corpus / "scratch")
    assert (corpus / "corpus-report.md").read_bytes() == (corpus / "scratch-report.md").read_bytes()
