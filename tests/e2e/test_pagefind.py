"""The hosted site, searched with Pagefind: one real `mkdocs build` with
Material's search off (which indexes the articles with Pagefind's Python API in
the same build), browsed in headless Chromium over loopback HTTP and from disk.

Covered: the index holds every article and nothing else, built from the
articles' own text; results appear in the panel under the header's field while
typing, with title, authors, date, themes and an excerpt; an author's name
puts their own articles first; the author, theme and year filters narrow the
results to exactly the matching articles; sort by date; the query and filters
live in the address (a shared link opens the same search, the back button
steps back through it); on a phone, results come before filters; opened from
disk, the panel says that search needs a web server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

FIELD = "input.cb-search__input"
PANEL = "#cb-search-panel"
RESULT_TITLES = "#cb-search-panel .cb-result__title"
PHONE = {"width": 390, "height": 844}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def articles(project_docs: Path, keep: Callable[[dict], bool] = lambda data: True) -> list[dict]:
    return [data for path in sorted((project_docs / "articles").rglob("*.md")) if keep(data := front_matter(path))]


@pytest.fixture(scope="module")
def hosted_url(hosted_site: Path, serve_dir: Callable[[Path], str]) -> str:
    return serve_dir(hosted_site)


@pytest.fixture(scope="module")
def docs(hosted_site: Path) -> Path:
    return hosted_site.parent / "docs"


def search(page: Page, text: str) -> None:
    page.locator(FIELD).click()
    page.keyboard.type(text)


def result_titles(page: Page, count: int | None = None) -> list[str]:
    """The titles of the results shown (in order), once `count` of them are (or at least one)."""
    links = page.locator(RESULT_TITLES)
    if count is None:
        expect(links.first).to_be_visible()
    else:
        expect(links).to_have_count(count)
    return [text.strip() for text in links.all_text_contents()]


def wait_for_request(page: Page, request_urls: list[str], part: str) -> None:
    """Wait until a URL holding `part` was requested (by the page or its workers, as the
    context records them)."""
    for _ in range(100):
        if any(part in url for url in request_urls):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"no request for {part} in 10 s")


def address(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def choose(page: Page, key: str, label: str) -> None:
    """Pick a filter's (or the order's) choice, by its label."""
    page.locator(f"{PANEL} [data-filter={key}] .cb-facet__option", has_text=re.compile(rf"^{re.escape(label)}\d*$")).click()


def chosen(page: Page, key: str):
    return page.locator(f"{PANEL} [data-filter={key}] input:checked")


def test_hosted_build_indexes_every_article_and_nothing_else(hosted_site: Path, docs: Path):
    assert (hosted_site / "pagefind" / "pagefind.js").is_file()
    assert not (hosted_site / "search" / "search_index.json").exists()
    entry = (hosted_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert f'"page_count":{len(articles(docs))}' in entry.replace(" ", ""), "every article and nothing else is indexed"
    assert not (hosted_site / ".corpus-search.json").exists(), "the search records are not published"


def test_results_appear_under_the_field_while_typing_with_details(page: Page, hosted_url: str, docs: Path,
                                                                 request_urls: list[str]):
    page.goto(hosted_url + "index.html")
    expect(page.locator(PANEL)).to_be_hidden()
    wait_for_request(page, request_urls, "/pagefind/pagefind-entry.json")
    assert not [url for url in request_urls if "/pagefind/fragment/" in url], \
        "Pagefind's index is fetched while the page is idle, before any key press; no result before a search"
    search(page, "oxytocin")
    [title] = result_titles(page, 1)
    assert page.url.startswith(hosted_url + "index.html"), "no other page is loaded"
    [data] = articles(docs, lambda data: data["title"] == title)
    result = page.locator("#cb-search-panel .cb-result").first
    expect(result.locator(".cb-result__themes .md-tag")).to_have_text(data["tags"])
    if data["authors"]:
        expect(result.locator(".cb-result__meta")).to_contain_text(data["authors"][0])
    expect(result.locator(".cb-result__excerpt mark").first).to_have_text("oxytocin", ignore_case=True)
    excerpt = result.locator(".cb-result__excerpt").text_content()
    assert "Related articles" not in excerpt and "Next article" not in excerpt, "no page furniture"
    assert address(page) == {"q": ["oxytocin"]}
    box = page.locator(PANEL).bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, "the panel sits under the header"
    assert all(url.startswith(hosted_url) for url in request_urls)


def test_the_first_ten_results_are_fetched_at_once_and_the_rest_as_they_scroll_into_view(
        page: Page, hosted_url: str, request_urls: list[str]):
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(hosted_url + "index.html")
    page.locator(FIELD).fill("the")  # one search, not one per letter
    items = page.locator("#cb-search-panel .cb-result")
    expect(items).to_have_count(20)
    for n in range(10):
        expect(items.nth(n).locator(".cb-result__title")).to_be_visible()
    fragments = lambda: len([url for url in request_urls if "/pagefind/fragment/" in url])  # noqa: E731
    assert fragments() == 10, "only the first ten results' excerpts are fetched with the results"
    expect(items.nth(19).locator(".cb-result__title")).to_have_count(0)
    items.nth(19).scroll_into_view_if_needed()
    expect(items.nth(19).locator(".cb-result__title")).to_be_visible()
    assert fragments() > 10


def test_a_result_shows_the_date_as_readers_write_it(page: Page, hosted_url: str, docs: Path):
    [dated] = articles(docs, lambda data: data.get("date") == "2016-08-23")
    page.goto(hosted_url + "index.html?q=" + quote("Osterwalder"))
    assert dated["title"] in result_titles(page)
    result = page.locator("#cb-search-panel .cb-result", has=page.locator(".cb-result__title", has_text=dated["title"]))
    expect(result.locator(".cb-result__meta")).to_contain_text("August 23, 2016")


@pytest.mark.parametrize("query", ["hyken", "Shep Hyken"])
def test_an_author_name_puts_their_own_articles_first(page: Page, hosted_url: str, docs: Path, query: str):
    theirs = sorted(data["title"] for data in articles(docs, lambda data: "Shep Hyken" in data["authors"]))
    assert len(theirs) == 2
    page.goto(hosted_url + "index.html")
    search(page, query)
    one_of_theirs = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, theirs))})\s*$")
    for n in (0, 1):  # waiting out the results of the query typed so far
        expect(page.locator(RESULT_TITLES).nth(n)).to_have_text(one_of_theirs)
    assert sorted(result_titles(page)[:2]) == theirs


def test_author_filter_keeps_exactly_their_articles_and_lives_in_the_address(page: Page, hosted_url: str, docs: Path):
    theirs = sorted(data["title"] for data in articles(docs, lambda data: "Shep Hyken" in data["authors"]))
    page.goto(hosted_url + "index.html")
    search(page, "customer")
    result_titles(page)
    choose(page, "author", "Shep Hyken")
    assert sorted(result_titles(page, len(theirs))) == theirs
    assert address(page) == {"q": ["customer"], "author": ["Shep Hyken"]}
    page.go_back()
    expect(chosen(page, "author")).to_have_value("")
    page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length > n",
                           arg=[RESULT_TITLES, len(theirs)])
    assert address(page) == {"q": ["customer"]}


def test_a_shared_link_opens_the_same_filtered_search(page: Page, hosted_url: str, docs: Path):
    on_theme = sorted(data["title"] for data in articles(docs, lambda data: "Trust" in data["tags"]))
    assert 2 <= len(on_theme) <= 20, "fits the panel"
    page.goto(hosted_url + "archive.html?theme=Trust")
    assert sorted(result_titles(page, len(on_theme))) == on_theme, "filters alone list every article they keep"
    expect(chosen(page, "theme")).to_have_value("Trust")
    page.goto(hosted_url + "index.html?q=the&theme=Trust")
    assert sorted(result_titles(page, len(on_theme))) == on_theme
    expect(page.locator(FIELD)).to_have_value("the")


def test_year_filter_and_sort_by_date(page: Page, hosted_url: str, docs: Path):
    dated = [data for data in articles(docs) if data.get("date")]
    assert dated, "the shipped seeds date at least one article"
    year = dated[0]["date"][:4]
    in_year = sorted(data["title"] for data in dated if data["date"].startswith(year))
    page.goto(hosted_url + "index.html?q=customer")
    result_titles(page)
    choose(page, "sort", "Newest first")
    expect(page).to_have_url(re.compile(r"[?&]sort=date\b"))
    # newest first: a dated article leads (waiting for the list to be drawn again)
    titles = "|".join(re.escape(data["title"]) for data in dated)
    expect(page.locator(RESULT_TITLES).first).to_have_text(re.compile(rf"^\s*(?:{titles})\s*$"))
    assert address(page)["sort"] == ["date"]
    page.goto(hosted_url + f"index.html?year={year}")
    assert sorted(result_titles(page, len(in_year))) == in_year


def test_back_button_steps_out_of_the_search(page: Page, hosted_url: str):
    page.goto(hosted_url + "index.html")
    search(page, "trust")
    result_titles(page)
    page.go_back()
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator(FIELD)).to_have_value("")
    assert urlsplit(page.url).query == ""


def test_on_a_phone_results_come_before_the_filters(browser, hosted_url: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(hosted_url + "index.html")
        page.locator(".cb-search__open").click()
        page.keyboard.type("trust")
        result_titles(page)
        # measured in one step: results re-render as each letter arrives, so a handle may go stale
        first = page.locator("#cb-search-panel .cb-result").first.evaluate(
            "result => result.getBoundingClientRect().toJSON()")
        filters = page.locator(".cb-search-panel__controls").bounding_box()
        assert first["y"] < 200, "the first result is near the top of the screen"
        assert first["y"] + first["height"] <= filters["y"], "results come before the filters"
        assert page.locator(PANEL).bounding_box()["width"] <= PHONE["width"]
    finally:
        context.close()


def test_from_disk_the_panel_says_search_needs_a_web_server(page: Page, hosted_site: Path):
    page.goto((hosted_site / "index.html").as_uri())
    page.locator(FIELD).click()
    expect(page.locator(".cb-search-panel__status")).to_contain_text("Search needs a web server")
    page.keyboard.type("trust")
    expect(page.locator(".cb-search-panel__status")).to_contain_text("Search needs a web server")
    expect(page.locator(RESULT_TITLES)).to_have_count(0)


@pytest.mark.parametrize("url", ["../outside.html", "/etc/outside.html", "articles/page.md"])
def test_a_record_url_that_is_not_a_page_of_the_site_is_refused(tmp_path: Path, url: str):
    from corpus_browser.adapters.pagefind import write_search_index
    from corpus_browser.errors import OutputError

    records = tmp_path / "docs" / ".corpus-search.json"
    records.parent.mkdir()
    records.write_text(json.dumps([{"url": url, "title": "T", "authors": [], "themes": [], "date": "",
                                    "text": "words"}]), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(OutputError, match="a search record's URL is not a page of the site"):
        write_search_index(records, site)
    assert sorted(path.name for path in tmp_path.rglob("*")) == [".corpus-search.json", "docs", "site"]


@pytest.mark.parametrize(("program", "message"), [
    ("kill -9 $$", "stopped by signal 9 (out of memory?)"),
    ("echo 'Error: cannot read the site' >&2; exit 3", "exit status 3: Error: cannot read the site"),
])
def test_pagefind_failing_or_dying_stops_with_one_line_and_leaves_no_documents(tmp_path: Path, monkeypatch,
                                                                              program: str, message: str):
    from corpus_browser.adapters.pagefind import write_search_index
    from corpus_browser.errors import OutputError

    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\n{program}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))  # Pagefind's own setting for its program
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"url": "articles/a.html", "title": "T", "authors": [], "themes": [],
                                    "date": "", "text": "words"}]), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(OutputError, match=re.escape(message)) as raised:
        write_search_index(records, site)
    assert "\n" not in str(raised.value)
    assert list(site.iterdir()) == []


# --- issue 23: what a new reader tripped over in the panel --------------------------------------


@pytest.mark.parametrize("query", ["customer", "trust", "intuitions"])
def test_07_excerpts_hold_the_text_not_the_title_or_byline(page: Page, hosted_url: str, docs: Path, query: str):
    records = {record["url"]: record for record in json.loads((docs / ".corpus-search.json").read_text("utf-8"))}
    page.goto(hosted_url + "index.html?q=" + quote(query))
    result_titles(page)
    results = page.locator("#cb-search-panel .cb-result")
    for n in range(results.count()):
        results.nth(n).scroll_into_view_if_needed()  # past the first ten, a result is filled as it comes into view
        url = urlsplit(results.nth(n).locator(".cb-result__title").get_attribute("href")).path.lstrip("/")
        record = records[url]
        excerpt = words_of(results.nth(n).locator(".cb-result__excerpt").text_content())
        assert excerpt, record["title"]
        text = " " + " ".join(words_of(record["text"])) + " "
        assert f" {' '.join(excerpt)} " in text, f"not a piece of the text of {record['title']!r}: {excerpt}"


def words_of(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text).split()


def test_08_filters_are_choices_with_counts_none_empty_and_unattributed_among_authors(page: Page, hosted_url: str,
                                                                                   docs: Path):
    page.goto(hosted_url + "index.html?q=oxytocin")
    [title] = result_titles(page, 1)
    [data] = articles(docs, lambda data: data["title"] == title)
    expect(page.locator(f"{PANEL} select")).to_have_count(0)  # no plain browser drop-downs
    themes = page.locator(f"{PANEL} [data-filter=theme] .cb-facet__option:visible")
    expect(themes).to_have_count(1 + len(data["tags"]))  # "All themes" and the result's own: none that keeps none
    shown = [" ".join(text.split()) for text in themes.all_text_contents()]
    assert shown == ["All themes"] + [f"{theme}1" for theme in sorted(data["tags"])]
    page.goto(hosted_url + "index.html?q=trust")
    result_titles(page)
    unsigned = articles(docs, lambda data: not data["authors"])
    choose(page, "author", "Unattributed")
    titles = result_titles(page)
    assert set(titles) <= {data["title"] for data in unsigned} and titles


def test_08_the_page_behind_the_panel_is_dimmed(page: Page, hosted_url: str):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(hosted_url + "index.html")
    search(page, "customer")
    result_titles(page)
    hit = page.evaluate("() => { const e = document.elementFromPoint(20, 400); return e && e.className; }")
    assert hit == "cb-search-backdrop", f"the page shows at the panel's side: {hit}"
    color = page.locator(".cb-search-backdrop").evaluate("e => getComputedStyle(e).backgroundColor")
    assert color.startswith("rgba(0, 0, 0,"), color
    page.mouse.click(20, 400)
    expect(page.locator(PANEL)).to_be_hidden()


def test_09_on_a_phone_the_field_has_its_icon_a_light_clear_button_and_a_way_back(browser, hosted_url: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(hosted_url + "index.html")
        page.locator(".cb-search__open").click()
        page.keyboard.type("trust")
        result_titles(page)
        field = page.locator(FIELD).bounding_box()
        icon = page.locator(".cb-search__icon")
        expect(icon).to_be_visible()
        box = icon.bounding_box()
        assert field["x"] <= box["x"] and box["x"] + box["width"] <= field["x"] + field["width"], "inside the field"
        clear = page.locator(".cb-search__clear")
        expect(clear).to_be_visible()
        assert clear.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)", "light on the blue header"
        panel = page.locator(PANEL).bounding_box()
        assert panel["y"] + panel["height"] >= PHONE["height"] - 1, "the panel fills the screen: no page, no edge below"
        page.locator(".cb-search__close").click()
        expect(page.locator(PANEL)).to_be_hidden()
        expect(page.locator(FIELD)).to_be_hidden()
        page.locator(".cb-search__open").click()
        clear.click()
        expect(page.locator(FIELD)).to_have_value("")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_10_from_disk_the_message_keeps_the_command_on_one_line_and_shows_no_filters(browser, hosted_site: Path,
                                                                                   viewport):
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto((hosted_site / "index.html").as_uri())
        if viewport is PHONE:
            page.locator(".cb-search__open").click()
        else:
            page.locator(FIELD).click()
        command = page.locator(".cb-search-panel__status code", has_text="python -m http.server")
        expect(command).to_be_visible()
        assert command.evaluate("e => e.getClientRects().length") == 1, "the command is not broken across lines"
        expect(page.locator(".cb-search-panel__controls")).to_be_hidden()
    finally:
        context.close()


def test_05_08_a_record_carries_its_hint_and_an_unsigned_article_files_under_unattributed():
    from corpus_browser.adapters.pagefind import record_html

    document = record_html({"url": "a.html", "title": "Recurse Center", "authors": [], "themes": [], "date": "2014-03-04",
                            "hint": "March 4, 2014", "text": "words"})
    assert '<span data-pagefind-meta="hint">March 4, 2014</span>' in document
    assert '<span data-pagefind-filter="author">Unattributed</span>' in document
