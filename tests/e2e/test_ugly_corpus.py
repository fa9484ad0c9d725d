"""A corpus of ugly files through the real build and a real MkDocs site.

Each kind of bad input a user's dump may hold is one file here: encodings,
line endings, invisible and control characters, a 1 MB line, markup of every
kind, YAML-hostile titles, and files that are not seeds at all. The build must
name each bad file in one line, build the rest, and the rendered HTML must hold
no live markup that the seeds' text asked for.
"""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from helpers import page_parts

ROOT = Path(__file__).resolve().parents[2]
FILLER = "and the quiet river carried patient stones toward the wide grey sea for many long years"

#: Lines that Markdown or HTML would treat as markup, each opening a paragraph.
MARKUP_LINES = [
    "<script>window.__pwned = 1</script> script tag",
    '<img src=x onerror="window.__pwned = 2"> image tag',
    '<iframe src="javascript:alert(3)"></iframe> frame tag',
    "&amp; &lt;b&gt; entities &#x3C;script&#x3E;",
    "[a link](javascript:alert(4)) and ![an image](x.png) and <http://example.com>",
    "# hash at the start",
    "> greater-than at the start",
    "- dash at the start",
    "* star at the start",
    "+ plus at the start",
    "| pipe | at | the | start |",
    "1986. A year at the start",
    "    four spaces at the start",
    "```backticks``` and `code` spans",
    "---",
    "snake_case_words and 2*3*4 and __dunder__ and **stars**",
    "{: .attribute-list } and [TOC] markers",
]
TITLES = ["Yes", "No: Really", "12345", "On", "Key: Value # Comment", "Quotes \"Double\" and 'Single'"]


def article(title: str, first: str) -> str:
    return f"{title}\n\n{first} {FILLER}. {FILLER}.\n"


def text_file(*articles: str) -> str:
    return "\n\n\n".join(articles)


def write_ugly_corpus(seeds: Path) -> None:
    plain = article("Encoded Article", "Café déjà vu, a “quoted” naïve résumé —")
    files: dict[str, bytes] = {
        "markup.txt": text_file(*(article(f"Markup Case {i}", line) for i, line in enumerate(MARKUP_LINES))).encode(),
        "yaml-titles.txt": text_file(*(article(title, "Plain words") for title in TITLES)).encode(),
        "utf16.txt": plain.encode("utf-16"),
        "utf8-bom.txt": codecs.BOM_UTF8 + plain.encode("utf-8"),
        "cp1252.txt": plain.encode("cp1252"),
        "latin1.txt": plain.replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1"),
        "crlf.txt": plain.replace("\n", "\r\n").encode(),
        "cr.txt": plain.replace("\n", "\r").encode(),
        "controls.txt": article("Invisible\u200b Characters", "Tabs\there, no-break\u00a0spaces, a form\x0cfeed, a bell\x07 and").encode(),
        "big-line.txt": ("Big Line\n\n" + "word " * 210_000 + "\n").encode(),
        "empty.txt": b"",
        "blank.txt": " \n\t\n\u00a0\n".encode(),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff",
        "notes.pdf": b"%PDF-1.4 not a seed",
    }
    for name, data in files.items():
        (seeds / name).write_bytes(data)


@pytest.fixture(scope="module")
def ugly_project(make_project) -> Path:
    project = make_project("ugly")
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    write_ugly_corpus(project / "seeds")
    return project


@pytest.fixture(scope="module")
def build_output(ugly_project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "build_docs.py"], cwd=ugly_project,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def ugly_site(ugly_project: Path, build_output) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(ugly_project / "mkdocs.yml")],
                            cwd=ugly_project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return ugly_project / "site"


def test_each_bad_file_gets_one_line_and_the_rest_is_built(build_output, ugly_project: Path):
    seeds = "seeds"
    assert build_output.returncode == 1, "an unreadable seed is an error"
    problems = sorted(line for line in build_output.stderr.splitlines() if line)
    assert problems == [
        f"error: {seeds}/binary.txt: looks like a binary file (it holds NUL bytes), not text",
        f"warning: {seeds}/big-line.txt: its split may be wrong (210,000 words in 1 piece): `python build_docs.py "
        "explain big-line.txt` shows the readings weighed; a hint in its sidecar fixes it (README, Fix a bad split)",
        f"warning: {seeds}/blank.txt: skipped: the file holds no text",
        f"warning: {seeds}/empty.txt: skipped: the file holds no text",
        f"warning: {seeds}/notes.pdf: skipped: a PDF document, not text (save it as text to read it)",
    ]
    assert f"{len(MARKUP_LINES) + len(TITLES) + 8} articles from 10 seeds" in build_output.stdout
    assert "Traceback" not in build_output.stdout + build_output.stderr


def test_every_encoding_gives_the_same_article(ugly_project: Path, build_output):
    folders = ["utf16", "utf8-bom", "cp1252", "crlf", "cr"]
    bodies = {name: page_parts((ugly_project / "docs/articles" / name / "encoded-article.md").read_text())[1]
              for name in folders}
    reference = bodies.pop("utf16")
    assert "Café déjà vu, a “quoted” naïve résumé" in reference
    for name, body in bodies.items():
        assert body.replace(f"{name}.txt", "utf16.txt") == reference, name


def test_awkward_titles_round_trip_through_front_matter(ugly_project: Path, build_output):
    pages = sorted((ugly_project / "docs/articles/yaml-titles").glob("*.md"))
    titles = sorted(yaml.safe_load(page_parts(page.read_text())[0])["title"] for page in pages)
    assert titles == sorted(TITLES)


class _Markup(HTMLParser):
    """Elements and attributes inside the article body of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth:
            self.depth += 1
            self.tags.append((tag, attributes))
        elif tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def body_markup(html_file: Path) -> _Markup:
    parser = _Markup()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser


def test_markup_in_seeds_is_shown_as_text_never_live(ugly_site: Path):
    pages = sorted((ugly_site / "articles/markup").glob("*.html"))
    assert len(pages) == len(MARKUP_LINES)
    allowed = {"h1", "h2", "p", "a", "ul", "li", "nav", "span", "aside"}
    shown = []
    for page in pages:
        markup = body_markup(page)
        # The theme's own wrapper of the article body, for Pagefind, is not seed markup.
        tags = {tag for tag, attributes in markup.tags if not (tag == "div" and "data-pagefind-body" in attributes)}
        assert tags <= allowed, f"{page.name}: {tags - allowed}"
        for tag, attributes in markup.tags:
            assert not any(name.startswith("on") for name in attributes), (page.name, tag, attributes)
            if tag == "a":
                href = attributes.get("href") or ""
                assert urlsplit(href).scheme == "", f"{page.name}: a link out of the site: {href}"
        shown.append(" ".join("".join(markup.text).split()))
    for line in MARKUP_LINES:
        assert any(" ".join(line.split()) in text for text in shown), f"not shown as text: {line!r}"


class _Document(HTMLParser):
    """Every element of a page, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_no_page_of_the_ugly_site_runs_anything_from_the_seeds(ugly_site: Path):
    pages = sorted(ugly_site.rglob("*.html"))
    assert len(pages) > len(MARKUP_LINES)
    for page in pages:
        document = _Document()
        document.feed(page.read_text(encoding="utf-8"))
        assert not any("__pwned" in script for script in document.scripts), page
        for tag, attributes in document.elements:
            assert tag not in ("iframe", "embed", "object"), (page, tag)
            assert not any(name.startswith("on") and "__pwned" in (value or "") for name, value in attributes.items()), page
            assert not (attributes.get("href") or "").lower().startswith("javascript:"), page
            assert not (attributes.get("src") or "").lower().startswith("javascript:"), page
