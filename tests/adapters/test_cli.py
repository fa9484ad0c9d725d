"""The command line through its real entry point: output, exit codes, bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from corpus_browser.config import BuildConfig
from corpus_browser.store.freshness import input_digest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build_docs.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def build_args(tmp_path: Path, seeds: Path) -> list[str]:
    return ["--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--report", str(tmp_path / "report.md"),
            "--themes", str(ROOT / "themes.yml")]


def test_build_prints_a_summary_per_seed(seeds, tmp_path):
    result = run(*build_args(tmp_path, seeds))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["seed", "articles", "prose", "metadata", "boilerplate"]
    rows = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[1:6]}
    assert {name: row[0] for name, row in rows.items()} == {
        "000_dd95cbab3b1d79ba.txt": 1,
        "001_2414a7c2c050991c.txt": 10,
        "002_66e482983315ec50.txt": 1,
        "003_7708fb45cd765596.txt": 1,
        "004_1de00e39fff9dc3a.txt": 10,
    }
    assert rows["001_2414a7c2c050991c.txt"][3] == 22
    assert lines[6].startswith("themes: Trust 8, ")
    assert lines[7].startswith("authors: 8; Mike Shipulski 2; Shep Hyken 2;")
    assert lines[-2].startswith("23 articles from 5 seeds in ")
    assert "87 pages written, 0 unchanged, 0 removed" in lines[-2]
    assert lines[-1] == f"report: {tmp_path / 'report.md'}"
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Theme evidence" in report and "- **Trust**: " in report


def test_second_build_with_nothing_changed_stops_early(seeds, tmp_path):
    run(*build_args(tmp_path, seeds))
    docs = tmp_path / "docs"
    before = {path: path.stat().st_mtime_ns for path in docs.rglob("*")}
    result = run(*build_args(tmp_path, seeds))
    assert result.returncode == 0 and result.stdout.startswith("up to date: nothing changed since the last build")
    assert {path: path.stat().st_mtime_ns for path in docs.rglob("*")} == before


def test_inputs_digest_ignores_how_paths_are_spelled(tmp_path, monkeypatch):
    """The MkDocs hook spells paths absolute, the CLI relative: after a CLI build,
    `mkdocs build` must find the pages up to date."""
    monkeypatch.chdir(ROOT)
    relative = BuildConfig(seeds_dir=Path("seeds"), themes_file=Path("themes.yml"), report_file=Path("r.md"))
    absolute = BuildConfig(seeds_dir=ROOT / "seeds", themes_file=ROOT / "themes.yml", report_file=tmp_path / "r.md")
    assert input_digest(relative) == input_digest(absolute)
    assert input_digest(relative) != input_digest(BuildConfig(site_title="Another Title"))


def test_forced_build_rewrites_nothing_unchanged(seeds, tmp_path):
    run(*build_args(tmp_path, seeds))
    result = run(*build_args(tmp_path, seeds), "--force")
    assert "0 pages written, 87 unchanged, 0 removed" in result.stdout


@pytest.mark.parametrize("change", ["edit seed", "add sidecar", "edit generated page", "delete generated page",
                                    "delete report"])
def test_any_change_to_inputs_or_outputs_rebuilds(seeds, tmp_path, change):
    run(*build_args(tmp_path, seeds))
    page = next((tmp_path / "docs/articles").rglob("*.md"))
    original = page.read_text(encoding="utf-8")
    if change == "edit seed":
        seed = seeds / "003_7708fb45cd765596.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more closing line for the article.\n", encoding="utf-8")
    elif change == "add sidecar":
        (seeds / "003_7708fb45cd765596.yml").write_text("articles:\n  1:\n    authors: [Jane Doe]\n")
    elif change == "edit generated page":
        page.write_text(original + "hand edit\n", encoding="utf-8")
    elif change == "delete generated page":
        page.unlink()
    else:
        (tmp_path / "report.md").unlink()
    result = run(*build_args(tmp_path, seeds))
    assert result.returncode == 0, result.stderr
    assert not result.stdout.startswith("up to date"), change
    assert (tmp_path / "report.md").is_file()
    if "generated page" in change:
        assert page.read_text(encoding="utf-8") == original, "the build restores its own page"


def test_a_build_with_problems_is_never_skipped(seeds, tmp_path):
    (seeds / "empty.txt").write_text("")
    assert run(*build_args(tmp_path, seeds), "--strict").returncode == 1
    again = run(*build_args(tmp_path, seeds), "--strict")
    assert again.returncode == 1 and "empty.txt: skipped" in again.stderr


def test_a_split_in_doubt_is_advice_and_a_second_build_stops_early(seeds, tmp_path):
    """A doubt (a 21,000-word seed read as one piece) is a warning the same
    inputs give again: the build is complete, and a re-run has nothing to do."""
    sentence = "The river ran quiet under the old stone bridge that evening, and nobody spoke. "
    (seeds / "one-long-piece.txt").write_text("A Long Walk\n\n" + sentence * 1500, encoding="utf-8")
    first = run(*build_args(tmp_path, seeds))
    assert first.returncode == 0 and "one-long-piece.txt: its split may be wrong" in first.stderr
    again = run(*build_args(tmp_path, seeds))
    assert again.returncode == 0 and again.stdout.startswith("up to date: nothing changed since the last build")
    assert run(*build_args(tmp_path, seeds), "--strict").returncode == 1, "under --strict a doubt fails the build"


def test_defaults_are_files_in_the_current_folder(seeds, tmp_path):
    shutil.copy(ROOT / "themes.yml", tmp_path / "themes.yml")
    result = run(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "index.md").is_file() and (tmp_path / "corpus-report.md").is_file()
    assert "warning" not in result.stderr


def test_without_a_taxonomy_the_themes_are_discovered(seeds, tmp_path):
    result = run("--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--themes", str(tmp_path / "none.yml"),
                 "--report", str(tmp_path / "r.md"))
    assert result.returncode == 0 and result.stderr == ""
    themes = next(line for line in result.stdout.splitlines() if line.startswith("themes: "))
    assert "Trust 8" not in themes and len(themes.split(", ")) >= 2
    assert "Discovered in the corpus (`themes: auto`, or no `themes.yml`)." in (tmp_path / "r.md").read_text("utf-8")


def test_bad_files_are_named_and_the_rest_is_built(seeds, tmp_path):
    (seeds / "binary.txt").write_bytes(b"\x00\xff\x00\xfe")
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run(*build_args(tmp_path, seeds))
    assert result.returncode == 1
    assert f"error: {seeds}/binary.txt: looks like a binary file" in result.stderr
    assert f"warning: {seeds}/notes.pdf: skipped" in result.stderr
    assert "23 articles from 5 seeds" in result.stdout


def test_warnings_fail_only_with_strict(seeds, tmp_path):
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert run(*build_args(tmp_path, seeds)).returncode == 0
    assert run(*build_args(tmp_path, seeds), "--strict").returncode == 1


def test_foreign_file_in_the_way_stops_the_build_with_one_line(seeds, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("hand-written\n")
    result = run(*build_args(tmp_path, seeds))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {docs}/index.md: exists but was not generated by this build; move it away or rename it"
    assert (docs / "index.md").read_text() == "hand-written\n"


def test_missing_seeds_folder(tmp_path):
    result = run("--seeds", str(tmp_path / "none"), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path}/none: seeds folder not found"
    assert not (tmp_path / "docs").exists(), "nothing is made before the build can run"


@pytest.mark.parametrize(("command", "example"), [
    ((), "python build_docs.py --seeds dumps --docs site-src"),
    (("search",), 'python build_docs.py search "customer journey"'),
    (("explain",), "python build_docs.py explain 001_2414a7c2c050991c.txt"),
    (("themes",), "python build_docs.py themes --propose > themes.yml"),
])
def test_every_command_has_help_with_an_example(command, example):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert example in result.stdout


def test_explain_tells_how_a_seed_was_split(seeds):
    result = run("explain", "004_1de00e39fff9dc3a.txt", "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("004_1de00e39fff9dc3a.txt: 351 lines, 10 articles\nformat: text (")
    assert "headings found:" in out and "front and back matter" in out
    articles = [line for line in out.splitlines() if line.startswith("  ") and ": " in line and line[2].isdigit()]
    assert len(articles) == 10 and articles[0] == "  1-27: Interview Like a Trusted Advisor"
    assert out.count("after a long run of blank lines") == 5  # and the first at the start of the text


def test_explain_names_a_missing_seed_in_one_line(seeds):
    result = run("explain", "nope.txt", "--seeds", str(seeds))
    assert result.returncode == 1
    assert result.stderr == f"error: {seeds / 'nope.txt'}: no such seed in the seeds folder\n"


def planted_seeds(tmp_path: Path) -> Path:
    from helpers import planted_markdown

    folder = tmp_path / "planted"
    folder.mkdir()
    (folder / "notes.md").write_text(planted_markdown(), encoding="utf-8")
    return folder


def test_themes_propose_prints_a_taxonomy_even_when_the_file_was_just_emptied(tmp_path):
    seeds = planted_seeds(tmp_path)
    themes = tmp_path / "themes.yml"
    themes.write_text("")  # what `themes --propose > themes.yml` leaves before we run
    result = run("themes", "--propose", "--seeds", str(seeds), "--themes", str(themes))
    assert result.returncode == 0, result.stderr
    taxonomy = yaml.safe_load(result.stdout)
    assert len(taxonomy["themes"]) == 3
    assert result.stdout.count("# 8 articles, e.g. ") == 3
    themes.write_text(result.stdout, encoding="utf-8")
    build = run("--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--themes", str(themes),
                "--report", str(tmp_path / "r.md"))
    assert build.returncode == 0, build.stderr
    used = next(line for line in build.stdout.splitlines() if line.startswith("themes: "))
    counts = dict(item.rsplit(" ", 1) for item in used.removeprefix("themes: ").split(", "))
    assert set(counts) == set(taxonomy["themes"]) and all(int(n) >= 8 for n in counts.values())
    assert "From the written taxonomy (`themes.yml`)." in (tmp_path / "r.md").read_text("utf-8")


def test_a_poorly_fitting_taxonomy_is_reported_in_one_line_and_replaced(tmp_path):
    seeds = planted_seeds(tmp_path)
    result = run("--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--themes", str(ROOT / "themes.yml"),
                 "--report", str(tmp_path / "r.md"))
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stdout.splitlines() if "fits this corpus poorly" in line]
    assert notices == [f"themes: {ROOT / 'themes.yml'} fits this corpus poorly: only 0% of the articles are about "
                       "one of its themes (60% should be); using the 3 themes discovered in the corpus instead "
                       "(see the report, or `build_docs.py themes --propose`)"]
    report = (tmp_path / "r.md").read_text("utf-8")
    assert "## Taxonomy fit" in report and "**Poor**: only 0% of the articles" in report
    assert "## Discovered themes" in report and "## Proposed themes.yml" in report


def test_themes_command_shows_the_fit_and_the_discovered_themes(seeds):
    result = run("themes", "--seeds", str(seeds), "--themes", str(ROOT / "themes.yml"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"themes in use (from {ROOT / 'themes.yml'}): Trust 8, Strategy 7, ")
    assert lines[1].startswith(f"fit of {ROOT / 'themes.yml'}: coverage 100%, evenness 0.95, ")
    assert lines[1].endswith(": good")
    assert lines[2].startswith("discovered themes: ")
    assert len(lines) == 3 + int(lines[2].split(": ")[1])


def test_discovered_themes_build_byte_identical_pages_twice(tmp_path):
    seeds = planted_seeds(tmp_path)
    trees = []
    for name in ("one", "two"):
        result = run("--seeds", str(seeds), "--docs", str(tmp_path / name), "--themes", str(tmp_path / "none.yml"),
                     "--report", str(tmp_path / f"{name}.md"))
        assert result.returncode == 0, result.stderr
        trees.append({path.relative_to(tmp_path / name): path.read_bytes()
                      for path in sorted((tmp_path / name).rglob("*")) if path.is_file()})
    assert trees[0] == trees[1]
    assert (tmp_path / "one.md").read_bytes() == (tmp_path / "two.md").read_bytes()
    tags = {yaml.safe_load(text.split(b"\n---\n")[0][4:])["tags"][0]
            for path, text in trees[0].items() if path.parts[0] == "articles"}
    assert len(tags) == 3
