"""A corpus larger than one Pagefind index (`search_shard_size`) is indexed in
several, newest articles first, and the search panel searches them as one: a
real `mkdocs build` of twelve dated posts in indexes of five, browsed in
headless Chromium. Every article is found, newest first when sorted by date
(across the indexes, not within each), and a filter's counts are those of the
whole corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sites import hosted_build

PANEL = "#cb-search-panel"
TITLES = "#cb-search-panel .cb-result__title"
AUTHORS = ("Ada Byron", "Grace Hopper", "Alan Turing")
POSTS = 12
SHARD_SIZE = 5


WEATHER = ("gale", "fog", "drizzle", "calm", "squall", "frost", "thunder", "haze", "sleet", "breeze", "swell",
           "hail")


def post(n: int) -> str:
    """Post n: dated n months after January 2015 (so filed newest last), by one of three authors,
    its text its own (a text the posts shared would be set aside as boilerplate)."""
    own = " ".join(f"{WEATHER[(n + k) % len(WEATHER)]}{k}" for k in range(20))
    return (f"---\ntitle: Harbour Log Number {n}\ndate: {2015 + n // 12}-{n % 12 + 1:02d}-10\n"
            f"author: {AUTHORS[n % 3]}\n---\n\nThe lighthouse keeper noted the harbour tides: {own}.\n")


@pytest.fixture(scope="module")
def sharded_url(make_project: Callable[..., Path], serve_dir: Callable[[Path], str]) -> str:
    project = make_project("sharded", {f"log-{n:02d}.md": post(n) for n in range(POSTS)})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(\n  - corpus-browser:\n)", rf"\1      search_shard_size: {SHARD_SIZE}\n", text),
                      encoding="utf-8")
    site = hosted_build(project)
    assert json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8")) == {
        "shards": ["../pagefind-shards/1/", "../pagefind-shards/2/"]}
    return serve_dir(site)


@pytest.fixture
def page(page: Page) -> Page:
    """A window tall enough for every result to come into view (past the tenth, a result's
    details are fetched as it does)."""
    page.set_viewport_size({"width": 1280, "height": 4000})
    return page


def test_every_article_is_found_across_the_indexes(page: Page, sharded_url: str):
    page.goto(sharded_url + "index.html?q=lighthouse")
    expect(page.locator(f"{PANEL} .cb-search-panel__status")).to_have_text(f"{POSTS} articles")
    expect(page.locator(TITLES)).to_have_count(POSTS)
    shown = sorted(page.locator(TITLES).all_text_contents())
    assert shown == sorted(f"Harbour Log Number {n}" for n in range(POSTS))


def test_sorted_by_date_the_newest_come_first_across_the_indexes(page: Page, sharded_url: str):
    page.goto(sharded_url + "index.html?q=harbour&sort=date")
    expect(page.locator(TITLES)).to_have_count(POSTS)
    assert page.locator(TITLES).all_text_contents() == [f"Harbour Log Number {n}" for n in reversed(range(POSTS))]


def test_a_filters_counts_are_the_whole_corpus(page: Page, sharded_url: str):
    page.goto(sharded_url + "index.html?q=tides")
    expect(page.locator(TITLES)).to_have_count(POSTS)
    for name in AUTHORS:
        choice = page.locator(f"{PANEL} [data-filter=author] .cb-facet__option", has_text=name)
        expect(choice.locator(".cb-count")).to_have_text(str(POSTS // len(AUTHORS)))
    page.goto(sharded_url + "index.html?q=tides&author=" + AUTHORS[1].replace(" ", "+"))
    expect(page.locator(TITLES)).to_have_count(POSTS // len(AUTHORS))
    assert sorted(page.locator(TITLES).all_text_contents()) == sorted(
        f"Harbour Log Number {n}" for n in range(1, POSTS, len(AUTHORS)))
