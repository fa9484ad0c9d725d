"""Ready for the renderer's end of life (issue 19): Material for MkDocs 9 ends
in May 2027 and MkDocs 2 drops plugins. ProperDocs, a continuation of MkDocs
1.6, builds the repository's site with the plugin as it is; and a renderer
that knows nothing of the plugin renders what `build_docs.py` wrote into
docs/, searched with the Pagefind index `build_docs.py pagefind` makes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sites import ProjectFactory

ROOT = Path(__file__).resolve().parents[2]

#: A site's configuration that names no plugin of ours: all it gets is docs/.
PLAIN_CONFIG = """\
site_name: Plain Renderer
use_directory_urls: false
theme:
  name: material
nav:
  - Home: index.md
  - Archive: archive.md
  - Themes: themes.md
  - Authors: authors.md
"""


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *command], cwd=project, capture_output=True, text=True, timeout=300)


def test_properdocs_builds_the_repository_site_with_the_plugin(make_project: ProjectFactory):
    project = make_project("properdocs")
    result = run(project, "-m", "properdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert len(list((site / "articles").rglob("*.html"))) == 23
    assert "md-tag" in next((site / "articles").rglob("*.html")).read_text(encoding="utf-8"), "chips, from our templates"
    assert (site / "feed.xml").is_file() and (site / "archive.html").is_file()


def test_a_renderer_without_the_plugin_renders_docs_and_pagefind_searches_it(make_project: ProjectFactory, page,
                                                                            serve_dir):
    project = make_project("plain-renderer")
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    built = run(project, str(ROOT / "build_docs.py"))
    assert built.returncode == 0, built.stderr
    rendered = run(project, "-m", "properdocs", "build")
    assert rendered.returncode == 0, rendered.stderr
    site = project / "site"
    indexed = run(project, str(ROOT / "build_docs.py"), "pagefind", "site")
    assert indexed.returncode == 0 and "23 articles indexed" in indexed.stdout, indexed.stderr
    assert len(list((site / "articles").rglob("*.html"))) == 23
    url = serve_dir(site)
    page.goto(url + "index.html")
    cards = page.locator("ul.cb-cards .cb-entry__title")
    assert cards.count() == 12, "the front page's cards are in the Markdown the build wrote"
    results = page.evaluate("""async () => {
        const pagefind = await import('./pagefind/pagefind.js');
        const search = await pagefind.search('trust');
        return Promise.all(search.results.slice(0, 3).map(result => result.data()));
    }""")
    assert results and all(result["url"].endswith(".html") for result in results)
    for result in results:
        response = page.goto(url + result["url"].lstrip("/"))
        assert response is not None and response.status == 200, result["url"]
