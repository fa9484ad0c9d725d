"""Exports dropped into seeds/, built into a real site with MkDocs and looked
at in headless Chromium: every format's real fixture gives its articles;
a hostile export (script in titles and bodies, event attributes, javascript:
and data: links, an entity bomb, zip-slip names, a zip bomb) runs nothing,
links nowhere unsafe and writes nothing outside the output folders; a
malformed export is one error line while the other seeds build; the same
exports give the same bytes; explain tells the importer and what was set aside."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sites import ProjectFactory, mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "exports"
FILLER = "Rivers carry patient stones toward the wide grey sea for many long years, and nobody counts them."

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<wp:author><wp:author_login>mallory</wp:author_login><wp:author_display_name><![CDATA[<img src=x onerror=window.__pwned=1>Mallory]]></wp:author_display_name></wp:author>
{items}
</channel>
</rss>
"""
ITEM = """<item><title><![CDATA[{title}]]></title><dc:creator>mallory</dc:creator>
<category domain="post_tag"><![CDATA[<script>window.__pwned=1</script>rivers]]></category>
<content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date>2021-03-04 10:00:00</wp:post_date></item>"""
HOSTILE_BODY = (f"<p>{FILLER}</p><script>window.__pwned=1</script>"
                "<p onclick=\"window.__pwned=1\">Read <a href=\"javascript:window.__pwned=1\">this</a>, "
                "<a href=\" java\tscript:window.__pwned=1\">that</a> and "
                "<a href=\"data:text/html,&lt;script&gt;window.__pwned=1&lt;/script&gt;\">the other</a>.</p>"
                "<img src=\"x\" onerror=\"window.__pwned=1\"><img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">"
                "<iframe src=\"javascript:window.__pwned=1\"></iframe><svg><script>window.__pwned=1</script></svg>"
                "<form action=\"javascript:window.__pwned=1\"><button>go</button></form>"
                f"<p style=\"background:url(javascript:window.__pwned=1)\">{FILLER}</p>"
                "<p><a href=\"https://example.com/safe\">a safe link</a></p>")
SAVED_PAGE = (f"<!doctype html><html><head><title>Saved Rivers</title><script>window.__pwned=1</script></head>"
              f"<body onload=\"window.__pwned=1\"><nav><a href=\"javascript:window.__pwned=1\">menu</a></nav><article>"
              f"<h1>Saved Rivers</h1><p>{FILLER} {FILLER}</p><p><a href=\"javascript:void(window.__pwned=1)\">bad</a> "
              f"<img src=x onerror=window.__pwned=1> {FILLER}</p><p>{FILLER}</p></article></body></html>")
ENTITY_BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
               '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss version="2.0"><channel><item><title>&c;</title>'
               '<description>x</description></item></channel></rss>\n')


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)  # kept as named, `../` and all
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def build_docs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build_docs.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".corpus-browser-cache" not in path.parts}


# --- a hostile export, in Chromium ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(make_project: ProjectFactory, serve_dir, tmp_path_factory) -> tuple[Path, str, Path]:
    outside = tmp_path_factory.mktemp("outside")
    project = make_project("exports-hostile", seeds={
        "hostile.xml": WXR.format(items=ITEM.format(title="<script>window.__pwned=1</script>Hostile Rivers",
                                                    body=HOSTILE_BODY)),
        "bomb.rss": ENTITY_BOMB,
    })
    slip = f"../../{outside.name}/escaped.html"
    (project / "seeds" / "slip.zip").write_bytes(zipped({
        slip: SAVED_PAGE.encode(), "/tmp/absolute-escaped.html": SAVED_PAGE.encode(),
        "pages/saved.html": SAVED_PAGE.encode()}))
    (project / "seeds" / "zip-bomb.zip").write_bytes(zipped({"zeros.html": b"\0" * (30 * 1024 * 1024)}))
    result = build_docs(project)
    assert result.returncode == 1, result.stdout + result.stderr  # the bomb and the zip bomb are errors
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any("bomb.rss:2: declares the entity 'a'" in line for line in errors), errors
    assert any("zip-bomb.zip: zip member 'zeros.html'" in line and "zip bomb" in line for line in errors), errors
    assert "Traceback" not in result.stderr
    (project / "seeds" / "bomb.rss").unlink()
    (project / "seeds" / "zip-bomb.zip").unlink()
    site = mkdocs_build(project)
    return site, serve_dir(site), outside


def test_a_hostile_export_runs_nothing_and_links_nowhere_unsafe(page, hostile_site):
    site, url, outside = hostile_site
    pages = sorted(path.relative_to(site).as_posix() for path in (site / "articles").rglob("*.html"))
    assert len(pages) == 2, pages  # the WordPress post, and the one saved page the zip may be read for
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in [*pages, "index.html", "authors/index.html" if (site / "authors/index.html").exists() else "index.html"]:
        page.goto(url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        article = page.locator("article").first
        assert page.locator("a[href^='javascript' i], a[href^='data' i], [src^='javascript' i], "
                            "[src^='data' i]").count() == 0, path
        assert article.locator("[onclick], [onerror], [onload], [style], script, iframe, form, object, embed, "
                               "svg script").count() == 0, path
    assert dialogs == []
    page.goto(url + next(path for path in pages if "hostile" in path))
    text = page.locator("article").first.inner_text()
    assert "Hostile Rivers" in text and "Read this, that and the other." in text
    assert page.locator("article a[href='https://example.com/safe']").count() == 1
    assert not any(outside.iterdir()) and not Path("/tmp/absolute-escaped.html").exists()


# --- every format's real fixture ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exports_project(make_project: ProjectFactory) -> Path:
    project = make_project("exports-real", seeds={})
    for path in sorted(FIXTURES.iterdir()):
        if path.is_dir():
            shutil.copytree(path, project / "seeds" / path.name)
        elif path.name != "README.md":
            shutil.copy(path, project / "seeds" / path.name)
    (project / "seeds" / "ghost-migrate-substack.yml").write_text("author: Substack Writer\n", encoding="utf-8")
    return project


def test_every_format_builds_its_articles_into_the_site(exports_project: Path, page, serve_dir):
    result = build_docs(exports_project)
    assert result.returncode == 0, result.stderr
    report = (exports_project / "corpus-report.md").read_text(encoding="utf-8")
    for importer in ("WordPress export (WXR)", "RSS 2.0 feed", "Atom 1.0 feed", "JSON Feed 1.1", "Ghost export",
                     "Substack export", "post marked up as h-entry", "saved web page", "table (CSV) of articles",
                     "JSON Lines of articles"):
        assert importer in report, importer
    assert "a page, not a post: Services" in report and "a draft, not a post: Draft Post" in report
    site = mkdocs_build(exports_project)
    url = serve_dir(site)
    expected = {"Basic Post": "Hermione Granger", "Three Author Post": "Carol White", "Post 1": "Alice Johnson",
                "Basic Post Title": "Joe Bloggs", "The joy of NixOS": "Arjen Wiersma", "Hello Wix": "Jane Writer",
                "Comment Buttons": "Substack Writer", "This is a Dummy Post": "John Doe"}
    pages = {path: path.read_text(encoding="utf-8") for path in (site / "articles").rglob("*.html")}
    for title, author in expected.items():
        found = [path for path, html in pages.items() if re.search(f"<h1[^>]*>{re.escape(title)}<", html)]
        assert found, title
        shown = []
        for path in found:  # the Substack folder (with its sidecar's author) and zip give one title each
            page.goto(url + path.relative_to(site).as_posix())
            shown.append(page.locator("article").first.inner_text())
        assert any(author in text for text in shown), title


def test_the_same_exports_give_the_same_bytes_and_a_second_build_has_nothing_to_do(exports_project: Path,
                                                                                    make_project: ProjectFactory):
    assert build_docs(exports_project).returncode == 0
    again = make_project("exports-again", seeds={})
    shutil.rmtree(again / "seeds")
    shutil.copytree(exports_project / "seeds", again / "seeds")
    assert build_docs(again, "--force").returncode == 0
    assert tree(exports_project / "docs") == tree(again / "docs")
    second = build_docs(again)
    assert "up to date" in second.stdout, second.stdout
    (again / "seeds" / "ghost-migrate-substack" / "posts" / "123402.podcast.html").write_text(
        "<p>Changed body of the podcast.</p>", encoding="utf-8")
    third = build_docs(again)
    assert third.returncode == 0 and "up to date" not in third.stdout
    changed = {path for path, digest in tree(again / "docs").items() if tree(exports_project / "docs").get(path) != digest}
    assert any("comment-buttons" in path for path in changed), changed


def test_explain_tells_the_importer_its_items_and_what_was_set_aside(exports_project: Path):
    result = build_docs(exports_project, "explain", "ghost-migrate-sample.xml")
    assert result.returncode == 0, result.stderr
    assert "as: WordPress export (WXR)" in result.stdout and "6 items, 2 posts" in result.stdout
    assert "a customcpt, not a post: My CPT Post" in result.stdout
    nested = build_docs(exports_project, "explain", "medium-export/posts/draft-post.html")
    assert nested.returncode == 0 and "a draft, not a post: Draft Post Title" in nested.stdout


def test_a_malformed_export_is_one_error_line_and_the_others_still_build(make_project: ProjectFactory):
    project = make_project("exports-malformed", seeds={
        "good.txt": f"Good Rivers\n\n{FILLER}\n",
        "broken.csv": "title,body\nOne,text\nTwo,text,one cell too many\n",
    })
    result = build_docs(project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: seeds/broken.csv:3: a row of 3 cells under a header of 2"], result.stderr
    assert any("good-rivers" in path.name for path in (project / "docs" / "articles").rglob("*.md"))
