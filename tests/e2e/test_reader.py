"""What a new reader tripped over (issue 23), each checked in headless Chromium
on a real `mkdocs build --strict`: the shipped site, and a small corpus of
Markdown posts where titles repeat and one post holds a long numbered list.

1. an article that names no author shows no byline (no "By Unattributed"),
   and "Unattributed" has no feed, but its list stays reachable from Authors;
2. the Authors page and the home page count the same authors, and the index
   sorts them by surname;
3. listing pages do not repeat their own name on every entry, the navigation
   marks where the reader is, and no empty column stands beside a listing;
5. repeated titles are told apart (by date) in listings, related lists and search;
6. a search result shows a title and a short excerpt, never a whole list.

The archive of a large corpus (4) is in test_archive_site.py, the search panel
of a hosted site (7 to 10) in test_pagefind.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHIPPED_AUTHORS_BY_SURNAME = ["John Bessant", "Shep Hyken", "Lisa", "Geoffrey A. Moore", "Greg Satell",
                              "Mike Shipulski", "Dennis Stauffer", "Howard Tiersky"]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def articles(docs: Path) -> dict[str, dict]:
    """Article page (site path) -> its front-matter."""
    return {path.relative_to(docs).with_suffix(".html").as_posix(): front_matter(path)
            for path in sorted((docs / "articles").rglob("*.md"))}


# --- 1. bylines ----------------------------------------------------------------------


def test_01_an_article_without_an_author_shows_no_byline(page: Page, site_url: str, project: Path, site: Path):
    unsigned = [path for path, data in articles(project / "docs").items() if not data["authors"]]
    assert unsigned, "the shipped seeds have articles that name no author"
    page.goto(site_url + unsigned[0])
    expect(page.locator("nav.cb-tags--authors")).to_have_count(0)
    expect(page.locator("article .md-tag", has_text="Unattributed")).to_have_count(0)
    expect(page.locator("p.cb-meta")).not_to_contain_text("By ")
    for listing in ("index.html", "archive.html", "themes/trust.html"):
        page.goto(site_url + listing)
        expect(page.locator("article.md-content__inner")).not_to_contain_text("Unattributed")
    assert not list(site.glob("feed-author-unattributed*.xml")), "nobody follows 'Unattributed'"
    page.goto(site_url + "authors.html")
    page.locator("article a", has_text="naming no author").click()
    page.wait_for_url("**/authors/unattributed.html")
    expect(page.locator(".cb-entry")).to_have_count(len(unsigned))
    feeds = page.eval_on_selector_all("link[type='application/atom+xml']", "links => links.length")
    assert feeds == 1, "the site's feed only"


# --- 2. author counts ----------------------------------------------------------------


def test_02_authors_are_counted_alike_and_sorted_by_surname(page: Page, site_url: str, project: Path):
    people = {name for data in articles(project / "docs").values() for name in data["authors"]}
    assert sorted(people) == sorted(SHIPPED_AUTHORS_BY_SURNAME)
    page.goto(site_url + "authors.html")
    expect(page.locator("article p").first).to_have_text(
        f"{len(people)} authors, each with the number of their articles.")
    names = [text.strip() for text in page.locator("ul.cb-names li a").all_text_contents()]
    assert names == SHIPPED_AUTHORS_BY_SURNAME, "by surname, as written"
    page.goto(site_url + "index.html")
    expect(page.locator("article.md-content__inner")).to_contain_text(f"by {len(people)} named authors")


# --- 3. listing pages ----------------------------------------------------------------


def test_03_an_author_page_does_not_repeat_the_author_nor_a_theme_page_its_theme(page: Page, site_url: str):
    page.goto(site_url + "authors/shep-hyken.html")
    expect(page.locator(".cb-entry")).to_have_count(2)
    expect(page.locator(".cb-entry__meta", has_text="Shep Hyken")).to_have_count(0)
    page.goto(site_url + "themes/trust.html")
    assert page.locator(".cb-entry").count() >= 2
    chips = [text.strip() for text in page.locator(".cb-entry .md-tag").all_text_contents()]
    assert "Trust" not in chips


@pytest.mark.parametrize(("url", "section"), [("themes/trust.html", "Themes"), ("authors/shep-hyken.html", "Authors"),
                                              ("authors/unattributed.html", "Authors")])
def test_03_the_navigation_marks_the_section_of_a_listing(page: Page, site_url: str, url: str, section: str):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + url)
    expect(page.locator("nav.md-nav--primary a.md-nav__link--active")).to_have_text(section)


@pytest.mark.parametrize("url", ["themes/trust.html", "authors/shep-hyken.html", "themes.html", "authors.html"])
def test_03_no_empty_column_stands_beside_a_listing(page: Page, site_url: str, url: str):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + url)
    secondary = page.locator(".md-sidebar--secondary")
    if secondary.count() and secondary.is_visible():
        assert secondary.locator("a").count() > 0, "the right column lists something"
    content = page.locator("article.md-content__inner").bounding_box()
    assert content["x"] + content["width"] > DESKTOP["width"] * 0.75, "the listing takes the width"


# --- 5 and 6: a blog whose titles repeat, with a long list --------------------------------

LIST_ITEMS = 40


def _post(title: str, date: str | None, paragraphs: list[str]) -> str:
    head = ["---", f"title: {title}"] + ([f"date: {date}"] if date else []) + ["---", ""]
    return "\n".join(head) + "\n" + "\n\n".join(paragraphs) + "\n\n"


def _blog() -> dict[str, str]:
    words = "quiet rivers carry patient stones toward the wide grey sea under northern skies".split()

    def prose(n: int, topic: str) -> str:
        return " ".join([topic.capitalize()] + [words[(n * 7 + i) % len(words)] for i in range(45)]) + "."

    posts = [
        _post("Recurse Center", "2014-03-04", [prose(1, "recurse batch one pairing on compilers"), prose(2, "week")]),
        _post("Recurse Center", "2014-05-06", [prose(3, "recurse batch two pairing on databases"), prose(4, "month")]),
        _post("Recurse Center", "2014-07-08", [prose(5, "recurse batch three pairing on networks"), prose(6, "year")]),
        _post("Ninety Steps to the Lighthouse", "2015-01-02",
              [prose(7, "the climb"), "\n".join(f"{i}. Lantern step {i} of the long stair, counted by the keeper"
                                                 for i in range(1, LIST_ITEMS + 1)), prose(8, "the view")]),
        _post("Harbour Notes", "2015-02-03", [prose(9, "harbour"), prose(10, "boats")]),
        _post("Orchard Letters", "2015-03-04", [prose(11, "orchard"), prose(12, "apples")]),
    ]
    return {"blog.md": "".join(posts)}


@pytest.fixture(scope="module")
def blog_site(make_project, build_site: Callable[[Path], Path], serve_dir: Callable[[Path], str]) -> tuple[Path, str]:
    site = build_site(make_project("repeated-titles", seeds=_blog()))
    return site, serve_dir(site)


def test_05_repeated_titles_show_their_dates_in_listings_and_links(page: Page, blog_site):
    _, url = blog_site
    page.goto(url + "archive.html")
    entries = page.locator(".cb-entry", has=page.locator(".cb-entry__title", has_text="Recurse Center"))
    expect(entries).to_have_count(3)
    hints = sorted(text.strip() for text in entries.locator(".cb-entry__hint").all_text_contents())
    assert hints == ["July 8, 2014", "March 4, 2014", "May 6, 2014"]
    expect(page.locator(".cb-entry", has_text="Harbour Notes").locator(".cb-entry__hint")).to_have_count(0)
    entries.first.locator(".cb-entry__title").click()
    page.wait_for_url("**/articles/**")
    related = page.locator("aside.cb-related li, nav.cb-neighbours a", has_text="Recurse Center")
    expect(related.first).to_be_visible()  # its namesake is linked (related, or the previous article)
    for n in range(related.count()):
        expect(related.nth(n).locator(".cb-entry__hint")).to_have_text(
            re.compile(r"^(March 4|May 6|July 8), 2014$"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_05_repeated_titles_are_told_apart_in_search_results(browser: Browser, blog_site, viewport):
    _, url = blog_site
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(url + "index.html")
        _open_search(page, viewport)
        page.keyboard.type("recurse")
        titles = page.locator(".md-search-result__item > a[href*='articles/'] .md-search-result__article > h1")
        expect(titles).to_have_count(3)
        shown = sorted(text.strip() for text in titles.all_text_contents())
        assert shown == ["Recurse Center (July 8, 2014)", "Recurse Center (March 4, 2014)",
                         "Recurse Center (May 6, 2014)"]
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_06_a_search_result_is_a_title_and_a_short_excerpt(browser: Browser, blog_site, viewport):
    _, url = blog_site
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(url + "index.html")
        _open_search(page, viewport)
        page.keyboard.type("lantern")
        result = page.locator(".md-search-result__item", has_text="Ninety Steps").first
        expect(result).to_be_visible()
        # measured in one step: the list re-renders while the index loads, so a handle may go stale
        height = result.evaluate("item => item.getBoundingClientRect().height")
        assert height < 160, f"one result is {height:.0f} px high: the whole list is shown"
    finally:
        context.close()


def _open_search(page: Page, viewport: dict) -> None:
    if viewport is PHONE:
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").click()
