"""Issue 26, "Trust boundaries, round 2": the cases about script reaching
Material's sinks, settings that would delete or re-read the build's own files,
and configuration mistakes, each reproduced through the real command line, a
real MkDocs build and, where it is about the site, headless Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sites import ProjectFactory, mkdocs_build

from corpus_browser.site.render import seed_slug, slugify

ROOT = Path(__file__).resolve().parents[2]
FILLER = "Rivers carry patient stones toward the wide grey sea for many long years, and nobody counts them."

#: A Markdown seed whose title is markup and whose section headings render to no text once their
#: inline Markdown is read (an empty link, an image, a link of one space).
HOSTILE_TITLE = "<img src=x onerror=window.__pwned=1> Rivers"
HOSTILE_SEED = f"""# {HOSTILE_TITLE}

{FILLER} {FILLER}

## []

Meanders form where the water slows. {FILLER}

## ![](x)

Oxbows are left behind by meanders. {FILLER}

## [ ]

Estuaries mix the salt and the fresh. {FILLER}
"""


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *args],
                          cwd=project, capture_output=True, text=True, timeout=180)


def build_docs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build_docs.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=180)


def with_plugin_options(project: Path, options: str) -> None:
    """The project's mkdocs.yml with the plugin's options replaced by `options`
    (YAML lines, indented for the plugin's mapping)."""
    config = project / "mkdocs.yml"
    head, marker, rest = config.read_text(encoding="utf-8").partition("  - corpus-browser:\n")
    lines = rest.splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("      ")] if marker else lines
    config.write_text(head + marker + options + "".join(kept), encoding="utf-8")


# --- 1. script from a seed through Material's search, and every other sink -----------------------------


#: Where the hostile article's page is written.
HOSTILE_PAGE = f"articles/{seed_slug('rivers.md')}/{slugify(HOSTILE_TITLE)}"


@pytest.fixture(scope="module")
def hostile_headings_site(make_project: ProjectFactory, serve_dir) -> tuple[Path, str]:
    """The site of the hostile seed, with the article in the sidebar's nav (its title from the page)."""
    project = make_project("round2-headings", seeds={"rivers.md": HOSTILE_SEED})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nnav:\n  - index.md\n  - {HOSTILE_PAGE}.md\n",
                      encoding="utf-8")
    site = mkdocs_build(project)
    return site, serve_dir(site)


def assert_ran_nothing(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined", page.url
    assert page.locator("img[onerror]").count() == 0, page.url


def test_26_01_headings_keep_their_text_and_no_sink_runs_script(page, hostile_headings_site):
    site, url = hostile_headings_site
    page.goto(url + HOSTILE_PAGE + ".html")
    assert_ran_nothing(page)
    nav = [text.strip() for text in page.locator("nav.md-nav--primary .md-ellipsis").all_text_contents()]
    assert HOSTILE_TITLE in nav, "the sidebar shows the title as text"
    headings = [text.strip().removesuffix("¶") for text in page.locator("article h2").all_text_contents()]
    assert headings == ["[]", "![](x)", "[ ]"], "each heading keeps its own text"
    assert page.title().startswith(HOSTILE_TITLE), "the page title is text"
    toc = page.locator("nav.md-nav--secondary .md-ellipsis").all_text_contents()
    assert list(dict.fromkeys(text.strip() for text in toc)) == ["[]", "![](x)", "[ ]"]
    for word in ("meanders", "oxbows", "estuaries", "rivers"):
        page.goto(url + "index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type(word)
        results = page.locator(".md-search-result__item")
        results.first.wait_for()
        assert_ran_nothing(page)
        shown = " ".join(page.locator(".md-search-result__item h1, .md-search-result__item h2").all_text_contents())
        assert "onerror" not in shown or HOSTILE_TITLE in shown, "a title from input is shown as text"


def test_26_01_a_section_with_no_heading_text_is_titled_with_text(page, make_project: ProjectFactory, serve_dir):
    """Material titles a section whose heading has no text with the page's title,
    copied raw from the front-matter: the plugin makes that entry text too. A
    hand-written page stands in for any page whose heading renders empty."""
    project = make_project("round2-empty-heading", seeds={"plain.txt": f"Plain\n\n{FILLER}\n"})
    (project / "docs" / "empty.md").write_text(
        f"---\ntitle: '{HOSTILE_TITLE}'\n---\n\n## <span></span>\n\nMeanders under an empty heading.\n",
        encoding="utf-8")
    url = serve_dir(mkdocs_build(project))
    page.goto(url + "index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("meanders")
    page.locator(".md-search-result__item").first.wait_for()
    assert_ran_nothing(page)
    assert HOSTILE_TITLE in " ".join(page.locator(".md-search-result__item").all_text_contents())


# --- 2. settings that would delete the seeds, or read the build's own pages ------------------------------


@pytest.mark.parametrize("site_dir", ["seeds", "seeds/site", "."])
def test_26_02_a_site_folder_over_the_seeds_is_refused_and_deletes_nothing(make_project: ProjectFactory,
                                                                          site_dir: str):
    project = make_project("round2-site-dir")
    config = project / "mkdocs.yml"
    config.write_text(f"site_dir: {site_dir}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    seeds = sorted(path.name for path in (project / "seeds").iterdir())
    for result in (mkdocs(project), build_docs(project)):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        assert any("site_dir" in line for line in result.stderr.splitlines()), result.stderr
    assert sorted(path.name for path in (project / "seeds").iterdir()) == seeds


def test_26_02_seeds_inside_the_docs_folder_are_refused(make_project: ProjectFactory):
    project = make_project("round2-seeds-in-docs")
    with_plugin_options(project, "      seeds_dir: docs\n")
    for result in (mkdocs(project), build_docs(project)):
        assert result.returncode != 0
        assert "seeds_dir and docs_dir" in result.stderr and "overlap" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (project / "docs" / "index.md").exists(), "nothing was built"


# --- 9. configuration mistakes are one line naming the key ------------------------------------------------


@pytest.mark.parametrize(("options", "key"), [
    ("      seeds_dir: 5\n", "seeds_dir"),
    ("      seeds_dir: [a, b]\n", "seeds_dir"),
    ("      themes_file: 5\n", "themes_file"),
    ("      search: lunr\n", "search"),
    ("      split:\n        article_min_words: -3\n", "article_min_words"),
    ("      split:\n        no_such_threshold: 3\n", "no_such_threshold"),
])
def test_26_09_a_bad_setting_is_one_line_naming_it(make_project: ProjectFactory, options: str, key: str):
    project = make_project("round2-settings")
    with_plugin_options(project, options)
    cli = build_docs(project)
    assert cli.returncode == 1 and "Traceback" not in cli.stderr, cli.stderr
    (line,) = [line for line in cli.stderr.splitlines() if line.startswith("error:")]
    assert "mkdocs.yml" in line and key in line, line
    built = mkdocs(project, "--strict")
    assert built.returncode != 0 and "Traceback" not in built.stderr, built.stderr
    assert key in built.stderr


def test_26_09_a_setting_left_empty_takes_its_default_as_in_mkdocs(make_project: ProjectFactory):
    project = make_project("round2-empty-setting")
    with_plugin_options(project, "      seeds_dir:\n")
    result = build_docs(project)
    assert result.returncode == 0, result.stderr
    assert "23 articles from 5 seeds" in result.stdout


def test_26_09_build_docs_and_mkdocs_build_read_the_same_seeds_and_docs(make_project: ProjectFactory):
    project = make_project("round2-same-inputs")
    (project / "seeds").rename(project / "dumps")
    with_plugin_options(project, "      seeds_dir: dumps\n      themes_file: themes.yml\n")
    config = project / "mkdocs.yml"
    config.write_text("docs_dir: pages\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs").rename(project / "pages")
    assert build_docs(project).returncode == 0
    written = sorted(path.relative_to(project).as_posix() for path in (project / "pages" / "articles").rglob("*.md"))
    assert written and not (project / "docs").exists()
    result = mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stderr, "mkdocs build found what build_docs.py built from the same inputs"
