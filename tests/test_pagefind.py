"""The hosted site, searched with Pagefind: a real build with Material's search
off, a real Pagefind index, browsed in headless Chromium over loopback HTTP.

Covered: the header's search field leads to the search page with results; an
author's name finds their articles; the author and theme filters narrow the
results to exactly the articles with that author or theme; only article pages
are indexed; Material's search index is not built at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Page, expect

RESULT_LINKS = ".pagefind-ui__result-link"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def article_titles(project_docs: Path, keep: Callable[[dict], bool]) -> list[str]:
    return sorted(data["title"] for path in (project_docs / "articles").rglob("*.md")
                  if keep(data := front_matter(path)))


@pytest.fixture(scope="module")
def hosted_url(hosted_site: Path, serve_dir: Callable[[Path], str]) -> str:
    return serve_dir(hosted_site)


@pytest.fixture(scope="module")
def docs(hosted_site: Path) -> Path:
    return hosted_site.parent / "docs"


def result_titles(page: Page, count: int | None = None) -> list[str]:
    """The titles of the results shown, once `count` of them are (or at least one)."""
    links = page.locator(RESULT_LINKS)
    if count is None:
        expect(links.first).to_be_visible()
    else:
        expect(links).to_have_count(count)
    return sorted(text.strip() for text in links.all_text_contents())


def test_hosted_build_has_a_pagefind_index_and_no_material_index(hosted_site: Path, docs: Path):
    assert (hosted_site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (hosted_site / "search" / "search_index.json").exists()
    assert not (hosted_site / "search" / "search_index.js").exists()
    articles = len(list((docs / "articles").rglob("*.md")))
    entry = (hosted_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert f'"page_count":{articles}' in entry.replace(" ", ""), "every article and nothing else is indexed"


def test_header_search_field_leads_to_results(page: Page, hosted_url: str, request_urls: list[str]):
    page.goto(hosted_url + "index.html")
    field = page.locator("form.cb-pagefind-form input[name=q]")
    field.fill("oxytocin")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=oxytocin")
    assert len(result_titles(page, 1)) == 1
    assert all(url.startswith(hosted_url) for url in request_urls)


def test_author_filter_keeps_exactly_their_articles(page: Page, hosted_url: str, docs: Path):
    theirs = article_titles(docs, lambda data: "Shep Hyken" in data.get("authors", []))
    assert len(theirs) == 2
    page.goto(hosted_url + "search.html?q=customer&author=" + quote("Shep Hyken"))
    assert result_titles(page, len(theirs)) == theirs
    expect(page.locator(".pagefind-ui__filter-checkbox:checked")).to_have_count(1)


def test_theme_filter_keeps_only_articles_on_that_theme(page: Page, hosted_url: str, docs: Path):
    on_theme = article_titles(docs, lambda data: "Trust" in data.get("tags", []))
    assert 2 <= len(on_theme) <= 10, "fits one page of results"
    page.goto(hosted_url + "search.html?q=the&theme=Trust")
    assert result_titles(page, len(on_theme)) == on_theme


def test_searching_an_author_name_finds_their_articles(page: Page, hosted_url: str, docs: Path):
    theirs = article_titles(docs, lambda data: "Shep Hyken" in data.get("authors", []))
    page.goto(hosted_url + "search.html?q=" + quote("Shep Hyken"))
    assert set(theirs) <= set(result_titles(page))
