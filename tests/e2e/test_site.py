"""End-to-end tests of the built site: real MkDocs builds, a real headless Chromium.

The shipped seeds are built once per session with `mkdocs build --strict` in a
temporary project copy (see conftest.py), then browsed over loopback HTTP and
from disk (file://). Covered:

- the strict build makes the home page and one HTML page per article (23 shipped);
- the home page lists the seeds in order and links every article, each link works
  and leads to a page whose title is the link text;
- the sidebar nav holds only the configured pages (no article), and article pages
  link only a few other articles, so page size does not grow with the corpus;
- the site works from disk, with no request leaving file://;
- Material's search finds a word of one article, from disk and over HTTP;
- a seed full of HTML and Markdown shows as text and runs no script, on its page
  (header, title, meta description) and on the theme and author indexes;
- searching an author's name lists that author's articles first; a theme's entry
  on the themes page lists its articles; an author chip leads to the author's
  entry; related and neighbour links resolve to the articles they name;
- `mkdocs serve` rebuilds when a seed is added and then stays quiet;
- `build_docs.py` writes byte-identical output whatever the hash seed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
import yaml
from mkdocs.utils import yaml as mkdocs_yaml
from playwright.sync_api import Locator, Page, expect
from serving import serving

from corpus_browser.adapters.plugin import ARCHIVE_NAV

SHIPPED_ARTICLE_COUNT = 23
ARTICLE_LINKS = "article.md-content__inner a[href^='articles/']"
#: Article pages link a few related articles and their neighbours, never the
#: whole corpus, so their size does not grow with it.
MAX_LINKED_ARTICLES = 10
SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item"


# --- helpers -----------------------------------------------------------------


def article_pages(manifest: dict[str, str]) -> list[str]:
    """Generated article pages (docs-relative `.md` paths), sorted."""
    return sorted(path for path in manifest if path.startswith("articles/"))


def html_path(md_path: str) -> str:
    return md_path.removesuffix(".md") + ".html"


def heading_text(heading: Locator) -> str:
    """A heading's text without the permalink (`¶`) MkDocs' toc extension adds."""
    return heading.evaluate(
        "h => { const c = h.cloneNode(true);"
        " c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent.trim(); }"
    )


def page_title(page: Page) -> str:
    """The text of the article's h1."""
    heading = page.locator("article.md-content__inner h1")
    expect(heading).to_have_count(1)
    return heading_text(heading)


def front_matter(md_file: Path) -> dict:
    _, header, _ = md_file.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(header)


def pages_containing(docs: Path, word: str) -> list[str]:
    """Docs-relative paths of the generated article pages that mention `word`."""
    return sorted(
        path.relative_to(docs).as_posix()
        for path in (docs / "articles").rglob("*.md")
        if word.casefold() in path.read_text(encoding="utf-8").casefold()
    )


def configured_nav_titles(project: Path) -> list[str]:
    """Top-level titles of the site's nav: mkdocs.yml's, else the archive's the plugin gives."""
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        config = mkdocs_yaml.yaml_load(file)  # MkDocs' own loader: it knows `!ENV`
    return [next(iter(item)) for item in config.get("nav", ARCHIVE_NAV)]


def resolve(page_path: str, href: str) -> str:
    """The site-relative path a link on a page points to, without query or fragment."""
    base = "http://site.invalid/"
    return without_query(urljoin(base + page_path, href)).removeprefix(base)


def without_query(url: str) -> str:
    scheme, netloc, path, _query, _fragment = urlsplit(url)
    return urlunsplit((scheme, netloc, path, "", ""))


class _HrefCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if tag == "a" and name == "href" and value]


def hrefs_of(html_file: Path) -> list[str]:
    collector = _HrefCollector()
    collector.feed(html_file.read_text(encoding="utf-8"))
    return collector.hrefs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The body at `url`, or "" when the server does not answer (yet)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {seconds}s waiting until {what}"
        time.sleep(0.2)


def paragraph(words: int, first: str = "Every") -> str:
    filler = "quiet rivers carry patient stones toward the wide grey sea".split()
    return " ".join([first] + [filler[i % len(filler)] for i in range(words - 1)]) + "."


# --- build ---------------------------------------------------------------------


def test_build_strict_makes_one_page_per_article(project: Path, site: Path, manifest: dict[str, str]):
    generated = sorted(p.relative_to(project / "docs").as_posix()
                       for p in (project / "docs" / "articles").rglob("*.md"))
    built = sorted(p.relative_to(site).as_posix() for p in (site / "articles").rglob("*.html"))

    assert generated == article_pages(manifest)
    assert len(generated) == SHIPPED_ARTICLE_COUNT
    assert (site / "index.html").is_file()
    assert built == [html_path(path) for path in generated]


# --- home page and navigation ----------------------------------------------------


def test_home_shows_the_latest_articles_as_cards_and_no_file_names(
    page: Page, site_url: str, project: Path, manifest: dict[str, str], request_urls: list[str]
):
    home = site_url + "index.html"
    page.goto(home)
    assert page.title() == "Corpus Browser", "the site's name alone, not twice"
    text = page.locator("article.md-content__inner").inner_text()
    seeds = sorted(path.name for path in (project / "seeds").iterdir())
    assert not [name for name in seeds if name in text or name.removesuffix(".txt") in text], "no dump file names"
    assert "lines" not in text
    cards = page.locator("ul.cb-cards > li")
    expect(cards).to_have_count(12)
    links = page.eval_on_selector_all("ul.cb-cards .cb-entry__title",
                                      "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert {href for href, _ in links} <= {html_path(path) for path in article_pages(manifest)}
    expect(cards.first.locator(".cb-entry__meta")).to_contain_text("min read")
    expect(cards.first.locator("time")).to_have_attribute("datetime", "2016-08-23")
    expect(cards.first.locator("time")).to_have_text("August 23, 2016")
    for label, target in (("Archive", "archive.html"), ("Themes", "themes.html"), ("Authors", "authors.html")):
        expect(page.locator(f"article a.md-button[href='{target}']")).to_have_text(label)
    for href, title in links:
        response = page.goto(urljoin(home, href), wait_until="domcontentloaded")
        assert response is not None and response.status == 200, href
        assert page_title(page) == title.strip(), href
    assert all(url.startswith(site_url) for url in request_urls)


def test_archive_links_every_article_once_with_counts(page: Page, site_url: str, project: Path,
                                                      manifest: dict[str, str]):
    docs = project / "docs"
    dates = {html_path(path): front_matter(docs / path).get("date") for path in article_pages(manifest)}
    page.goto(site_url + "archive.html")
    links = page.eval_on_selector_all(".cb-entry__title", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(dates)
    headings = [heading_text(h) for h in page.locator("article.md-content__inner h2").all()]
    undated = sum(1 for date in dates.values() if date is None)
    assert headings == ["2016 (1)", f"Undated ({undated})"]
    assert [heading_text(h) for h in page.locator("article.md-content__inner h3").all()] == ["August 2016 (1)"]
    expect(page.locator("nav.md-nav--primary a.md-nav__link", has_text="Archive")).to_have_count(1)


def names_index(page: Page) -> list[tuple[str, str, str]]:
    """(name, href, count) of each entry of a theme or author index page."""
    return page.eval_on_selector_all(
        "ul.cb-names li", "items => items.map(li => [li.querySelector('a').textContent, "
        "li.querySelector('a').getAttribute('href'), li.querySelector('.cb-count').textContent])")


def test_every_theme_has_a_page_listing_exactly_its_articles(page: Page, site_url: str, project: Path,
                                                            manifest: dict[str, str]):
    docs = project / "docs"
    tagged = {html_path(path): front_matter(docs / path)["tags"] for path in article_pages(manifest)}
    themes = sorted({theme for themes in tagged.values() for theme in themes})
    page.goto(site_url + "themes.html")
    index = names_index(page)
    assert sorted(name for name, _, _ in index) == themes, "each theme once"
    for name, href, count in index:
        expected = sorted(path for path, on in tagged.items() if name in on)
        assert int(count) == len(expected), name
        page.goto(site_url + href)
        assert page_title(page) == name
        listed = page.eval_on_selector_all(".cb-entry__title", "links => links.map(a => a.getAttribute('href'))")
        assert sorted(resolve(href, link) for link in listed) == expected, name
        feed = page.locator("link[rel=alternate][type='application/atom+xml']").nth(1).get_attribute("href")
        assert resolve(href, feed) == "feed-theme-" + href.removeprefix("themes/").removesuffix(".html") + ".xml"


def test_authors_index_lists_each_author_once_and_unattributed(page: Page, site_url: str, project: Path,
                                                               manifest: dict[str, str]):
    docs = project / "docs"
    by_article = {html_path(path): front_matter(docs / path)["authors"] for path in article_pages(manifest)}
    page.goto(site_url + "authors.html")
    index = names_index(page)
    names = [name for name, _, _ in index]
    assert len(names) == len(set(names)), "each name once"
    counts = {name: int(count) for name, _, count in index}
    unattributed = sum(1 for authors in by_article.values() if not authors)
    expect(page.locator("p.cb-unattributed a")).to_have_text(f"{unattributed} articles naming no author")
    assert counts == {name: sum(name in authors for authors in by_article.values())
                      for name in {name for authors in by_article.values() for name in authors}}
    page.goto(site_url + "authors/unattributed.html")
    listed = page.eval_on_selector_all(".cb-entry__title", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(resolve("authors/unattributed.html", link) for link in listed) == sorted(
        path for path, authors in by_article.items() if not authors)


def test_sidebar_nav_holds_no_article(page: Page, site_url: str, project: Path, manifest: dict[str, str]):
    configured = configured_nav_titles(project)
    articles = article_pages(manifest)
    assert configured == ["Home", "Archive", "Themes", "Authors"]
    for path in ("index.md", articles[0], articles[-1]):
        page.goto(site_url + html_path(path))
        top_items = page.locator("nav.md-nav--primary > ul.md-nav__list > li")

        expect(top_items, f"top-level nav items on {path}").to_have_count(len(configured))
        expect(top_items.locator(":scope > a.md-nav__link")).to_have_text(configured)
        expect(page.locator("nav.md-nav--primary a[href*='articles/']")).to_have_count(0)


def test_article_pages_link_few_other_articles(site: Path, manifest: dict[str, str]):
    articles = {html_path(path) for path in article_pages(manifest)}
    for path in sorted(articles):
        linked = {resolve(path, href) for href in hrefs_of(site / path)} & articles - {path}

        assert len(linked) <= MAX_LINKED_ARTICLES, f"{path} links to {len(linked)} other articles"


# --- from disk -------------------------------------------------------------------


def test_site_from_disk_opens_articles_without_network(page: Page, site: Path, request_urls: list[str]):
    page.goto((site / "index.html").as_uri())
    expect(page.locator("header.md-header")).to_be_visible()
    assert page.locator("header.md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    assert page_title(page) == "Corpus Browser"

    first = page.locator(ARTICLE_LINKS).first
    title = first.text_content().strip()
    first.click()
    page.wait_for_url("**/articles/**")

    assert page.url.startswith("file://")
    assert page_title(page) == title
    assert request_urls, "no request recorded"
    assert [url for url in request_urls if not url.startswith("file:")] == []


# --- search ----------------------------------------------------------------------


@pytest.mark.parametrize("transport", ["file", "http"])
@pytest.mark.parametrize("word", ["oxytocin", "Dreamliner"])
def test_search_finds_the_one_article_with_a_word(
    page: Page, site: Path, site_url: str, project: Path, request_urls: list[str], transport: str, word: str
):
    [expected] = pages_containing(project / "docs", word)
    title = front_matter(project / "docs" / expected)["title"]
    base = site.as_uri() + "/" if transport == "file" else site_url
    page.goto(base + "index.html")

    page.locator(SEARCH_INPUT).click()
    page.keyboard.type(word)
    results = page.locator(SEARCH_RESULT)
    expect(results).to_have_count(1)
    link = results.locator("a.md-search-result__link").first

    assert without_query(link.get_attribute("href")) == base + html_path(expected)
    link.click()
    page.wait_for_url(base + html_path(expected) + "**")
    assert page_title(page) == title
    assert all(url.startswith(base) for url in request_urls)


# --- hostile input ---------------------------------------------------------------


HOSTILE_TITLE = "<script>window.__pwned=1</script> Title & *Stars* [link](javascript:alert(1))"
HOSTILE_SEED = (
    f"{HOSTILE_TITLE}\n\n"
    "By Ada Lovelace\n\n"
    "This paragraph carries markup that has to stay plain text on the page: "
    '<img src=x onerror="window.__pwned=2"> and then **not bold** and `not code` as well, '
    "followed by enough ordinary words about trust, rivers, stones, weather and the sea "
    "for the splitter to accept it as an article of its own, with trust and more trust.\n"
    "\n\n\n"
    "Plain Title\n\n"
    'A quoted "><script>window.__pwned=3</script> remark opens this article, whose first '
    "sentence becomes the page description in a meta tag, and trust appears here three "
    "times: trust, trust.\n"
)


@pytest.fixture(scope="module")
def hostile_site(make_project, build_site, serve_dir) -> str:
    """Base URL of a site built from a seed full of HTML and Markdown."""
    site = build_site(make_project("hostile", seeds={"hostile.txt": HOSTILE_SEED}))
    return serve_dir(site)


def hostile_pages(base: str) -> list[str]:
    return [base + path for path in ("index.html", "archive.html", "themes.html", "authors.html",
                                     "authors/ada-lovelace.html", "authors/unattributed.html", "feed.xml")]


def test_hostile_seed_shows_markup_as_text(page: Page, hostile_site: str):
    page.goto(hostile_site + "index.html")
    page.locator(ARTICLE_LINKS, has_text="<script>").click()
    body = page.locator("article.md-content__inner")

    assert "<script>window.__pwned=1</script>" in page_title(page)
    assert "*Stars* [link](javascript:alert(1))" in page_title(page)
    expect(page.locator(".md-header__topic").last).to_contain_text("<script>window.__pwned=1</script> Title &")
    expect(body).to_contain_text('<img src=x onerror="window.__pwned=2">')
    expect(body).to_contain_text("**not bold** and `not code`")
    expect(body.locator("strong, code")).to_have_count(0)
    expect(page.locator("img[onerror]")).to_have_count(0)
    expect(page.locator("a[href^='javascript:' i]")).to_have_count(0)
    assert page.title().startswith("<script>window.__pwned=1</script> Title &")


def test_hostile_seed_runs_no_script_anywhere(page: Page, hostile_site: str):
    page.goto(hostile_site + "index.html")
    articles = [hostile_site + href for href in
                page.eval_on_selector_all(ARTICLE_LINKS, "links => links.map(a => a.getAttribute('href'))")]
    assert len(articles) == 2
    for url in articles + hostile_pages(hostile_site):
        page.goto(url)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.evaluate("[...document.scripts].filter(s => s.text.includes('__pwned')).length") == 0, url
    page.goto(articles[1])
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description.startswith('A quoted "><script>window.__pwned=3</script> remark')


def test_hostile_titles_are_text_on_the_listing_pages(page: Page, hostile_site: str):
    for url in (hostile_site + "archive.html", hostile_site + "authors/ada-lovelace.html"):
        page.goto(url)
        expect(page.locator("article.md-content__inner")).to_contain_text("<script>window.__pwned=1</script> Title &")
        assert page.evaluate("typeof window.__pwned") == "undefined", url


# --- browsing by author and theme -----------------------------------------------------


@pytest.mark.parametrize("query", ["Hyken", "Shep Hyken"])
def test_search_for_an_author_lists_their_articles_first(
    page: Page, site_url: str, project: Path, manifest: dict[str, str], query: str
):
    docs = project / "docs"
    theirs = sorted(html_path(path) for path in article_pages(manifest)
                    if "Shep Hyken" in front_matter(docs / path)["authors"])
    assert len(theirs) == 2
    page.goto(site_url + "index.html")
    page.locator(SEARCH_INPUT).click()
    page.keyboard.type(query)
    results = page.locator(f"{SEARCH_RESULT} > a.md-search-result__link")
    expect(results.first).to_be_visible()
    found = [without_query(href).removeprefix(site_url) for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert sorted(found[:2]) == theirs
    articles = {html_path(path) for path in article_pages(manifest)}
    ranks = [i for i, path in enumerate(found) if path not in articles]
    assert "authors/shep-hyken.html" in found, "the author's own page is found too"
    assert ranks == list(range(len(found) - len(ranks), len(found))), f"listing pages rank after the articles: {found}"


def test_author_and_theme_chips_lead_to_their_pages(page: Page, site_url: str, project: Path,
                                                    manifest: dict[str, str]):
    docs = project / "docs"
    path = next(p for p in article_pages(manifest) if front_matter(docs / p)["authors"] == ["Geoffrey A. Moore"])
    data = front_matter(docs / path)
    page.goto(site_url + html_path(path))
    expect(page.locator("nav.cb-tags--themes a.md-tag")).to_have_text(data["tags"])
    page.locator("nav.cb-tags--themes a.md-tag").first.click()
    page.wait_for_url("**/themes/*.html")
    assert page_title(page) == data["tags"][0]
    page.go_back()
    page.locator("nav.cb-tags--authors a.md-tag", has_text="Geoffrey A. Moore").click()
    page.wait_for_url("**/authors/geoffrey-a-moore.html")
    listed = page.eval_on_selector_all(".cb-entry__title", "links => links.map(a => a.getAttribute('href'))")
    assert [resolve("authors/geoffrey-a-moore.html", link) for link in listed] == [html_path(path)]


def test_article_head_carries_description_sharing_metadata_and_feeds(page: Page, site_url: str, project: Path,
                                                                     manifest: dict[str, str]):
    docs = project / "docs"
    path = next(p for p in article_pages(manifest) if front_matter(docs / p).get("date"))
    data = front_matter(docs / path)
    page.goto(site_url + html_path(path))

    def meta(selector: str) -> list[str]:
        return page.eval_on_selector_all(selector, "tags => tags.map(t => t.getAttribute('content'))")

    assert meta("meta[name=description]") == meta("meta[property='og:description']") == [data["description"]]
    assert meta("meta[property='og:title']") == [data["title"]]
    assert meta("meta[property='og:type']") == ["article"]
    assert meta("meta[property='article:published_time']") == [data["date"]]
    assert meta("meta[property='article:author']") == data["authors"]
    assert meta("meta[property='article:tag']") == data["tags"]
    feeds = page.eval_on_selector_all("link[rel=alternate][type='application/atom+xml']",
                                      "links => links.map(l => l.getAttribute('href'))")
    assert [resolve(html_path(path), href) for href in feeds] == ["feed.xml"]
    expect(page.locator(".cb-provenance")).to_have_count(0)  # for editors: off in a built site


def test_feeds_parse_and_list_the_articles_newest_first(site: Path, project: Path, manifest: dict[str, str]):
    import feedparser

    docs = project / "docs"
    site_feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not site_feed.bozo and site_feed.version == "atom10"
    assert len(site_feed.entries) == len(article_pages(manifest))
    assert site_feed.entries[0].published.startswith("2016-08-23")
    for entry in site_feed.entries:
        assert (site / resolve("feed.xml", entry.link)).is_file(), entry.link
    theme_feeds = sorted(site.glob("feed-theme-*.xml"))
    tagged = [front_matter(docs / path)["tags"] for path in article_pages(manifest)]
    assert len(theme_feeds) == len({theme for themes in tagged for theme in themes})
    for feed_file in theme_feeds:
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo, feed_file
        name = feed.feed.title.split(": ", 1)[1]
        assert len(feed.entries) == sum(name in themes for themes in tagged), feed_file


def test_related_and_neighbour_links_resolve(page: Page, site_url: str, project: Path, manifest: dict[str, str]):
    docs = project / "docs"
    titles = {html_path(path): front_matter(docs / path)["title"] for path in article_pages(manifest)}
    for path in sorted(titles):
        page.goto(site_url + path)
        related = page.locator("aside.cb-related a")
        assert 3 <= related.count() <= 5, path
        links = page.eval_on_selector_all(
            "aside.cb-related a, nav.cb-neighbours a",
            "links => links.map(a => [a.getAttribute('href'), a.lastChild.textContent.trim()])")
        for href, text in links:
            target = resolve(path, href)
            assert target in titles and target != path, (path, href)
            assert titles[target] == text, (path, href)


# --- mkdocs serve ----------------------------------------------------------------


def test_serve_rebuilds_on_new_seed_and_settles(make_project, tmp_path: Path):
    project = make_project("serve")
    docs = project / "docs"
    new_title = "Zebra Crossings of the Northern Towns"
    with serving(project, tmp_path) as server:
        home = server.url + "index.html"
        wait_until(lambda: "Corpus Browser" in fetch(home), 30, "mkdocs serve answers")
        staged = project / "zzz_new.txt"  # outside the watched folders; moved in at once
        staged.write_text(f"{new_title}\n\n{paragraph(60)}\n", encoding="utf-8")
        os.replace(staged, project / "seeds" / "zzz_new.txt")
        wait_until(lambda: new_title in fetch(server.url + "archive.html"), 30, "the new article is in the served archive")

        outputs = [docs / ".corpus-browser.json", docs / "index.md"]
        before = [path.stat().st_mtime_ns for path in outputs]
        time.sleep(4)
        after = [path.stat().st_mtime_ns for path in outputs]
        output = server.text()
    assert after == before, "generated files keep being rewritten"
    assert output.count("Building documentation") == 2, f"one build on start, one for the new seed:\n{output}"


# --- determinism -----------------------------------------------------------------


def read_tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_build_docs_output_does_not_depend_on_hash_seed(project: Path, tmp_path: Path):
    # Run in the project copy (same package, via its symlink): the CLI writes its
    # editor's report into the working directory, which must not be the repo.
    trees = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"docs-{hash_seed}"
        result = subprocess.run(
            [sys.executable, "build_docs.py", "--seeds", "seeds", "--docs", str(out)],
            cwd=project, env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(out))

    first, second = trees
    assert sorted(first) == sorted(second)
    assert sum(path.startswith("articles/") for path in first) == SHIPPED_ARTICLE_COUNT
    assert {"index.md", ".corpus-browser.json"} <= set(first)
    assert [path for path in first if first[path] != second[path]] == []
