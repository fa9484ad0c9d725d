"""The reader's archive on a generated corpus of dated articles over four years
(tests/dated_corpus.py): a real `mkdocs build --strict` with a site
description, a seed with a readable name (sidecar `title:`) and provenance on,
browsed in headless Chromium. Checked against what the generator put in,
not against what the build made of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from dated_corpus import dated_corpus
from playwright.sync_api import Page, expect

from corpus_browser.lang.dates import month_heading, reader_date

COUNT = 260
SOURCE_TITLE = "Field Notes, Volume One"


@pytest.fixture(scope="module")
def corpus():
    return dated_corpus(COUNT)


@pytest.fixture(scope="module")
def dated_site(corpus, make_project, build_site, serve_dir: Callable[[Path], str]) -> tuple[Path, str]:
    project = make_project("dated", seeds=corpus.files)
    sidecar = project / "seeds" / "posts-01.yml"
    sidecar.write_text(f"title: {SOURCE_TITLE}\n" + sidecar.read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  # provenance: true", "  provenance: true")
    config.write_text(text.replace("site_description: ", "site_description: Letters & notes, "), encoding="utf-8")
    site = build_site(project)
    return site, serve_dir(site)


def entry_titles(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".cb-entry__title").all_text_contents()]


def test_archive_counts_every_year_and_month_and_pages_each_year(page: Page, dated_site, corpus):
    _, url = dated_site
    years = Counter(article.date[:4] if article.date else "Undated" for article in corpus.articles)
    page.goto(url + "archive.html")
    expect(page.locator(".cb-entry")).to_have_count(0)  # more than a page of articles: a page per year
    headings = [text.strip().removesuffix("¶").strip() for text in page.locator("article h2").all_text_contents()]
    assert headings == [f"{year} ({years[year]})" for year in sorted((y for y in years if y != "Undated"), reverse=True)] \
        + [f"Undated ({years['Undated']})"]
    seen = []
    for year in sorted(y for y in years if y != "Undated"):
        page.goto(url + f"archive/{year}.html")
        months = Counter(month_heading(a.date) or f"{year}, month not stated"
                         for a in corpus.articles if a.date and a.date.startswith(year))
        shown = [text.strip().removesuffix("¶").strip() for text in page.locator("article h2").all_text_contents()]
        assert shown == [f"{month} ({count})" for month, count in sorted(
            months.items(), key=lambda item: _month_order(item[0], year), reverse=True)], year
        titles = entry_titles(page)
        assert len(titles) == years[year] <= 200
        dates = page.eval_on_selector_all(".cb-entry time", "times => times.map(t => t.getAttribute('datetime'))")
        assert dates == sorted(dates, reverse=True), "newest first"
        seen += titles
    page.goto(url + "archive/undated.html")
    seen += entry_titles(page)
    assert sorted(seen) == sorted(article.title for article in corpus.articles), "every article once"


def test_04_the_archive_of_a_large_corpus_lists_its_titles_by_month(browser, dated_site, corpus):
    _, url = dated_site
    assert len(corpus.articles) > 200, "more than a page of articles: each year has its own page"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(url + "archive.html")
        titles = [text.strip() for text in page.locator("ul.cb-briefs li a").all_text_contents()]
        assert sorted(titles) == sorted(article.title for article in corpus.articles), "every title, a line each"
        first = page.locator("ul.cb-briefs li").first
        expect(first).to_be_in_viewport()
        newest = max((a for a in corpus.articles if a.date), key=lambda a: a.date)
        expect(first.locator("a")).to_have_text(newest.title)
        months = [text.strip().removesuffix("¶").strip() for text in page.locator("article h3").all_text_contents()]
        year = newest.date[:4]
        count = sum(1 for a in corpus.articles if a.date and a.date[:7] == newest.date[:7])
        assert months[0] == f"{month_heading(newest.date)} ({count})"
        page.locator("article h3 a").first.click()
        page.wait_for_url(f"**/archive/{year}.html#m{newest.date[:7]}")
    finally:
        context.close()


def _month_order(heading: str, year: str) -> str:
    """A month heading as `YYYY-MM` for sorting (`YYYY` for the month-less group, last)."""
    import calendar

    name = heading.removesuffix(f" {year}")
    months = {calendar.month_name[m]: m for m in range(1, 13)}
    return f"{year}-{months[name]:02d}" if name in months else year


def test_dates_are_shown_as_readers_write_them_at_the_precision_stated(page: Page, dated_site, corpus):
    _, url = dated_site
    by_precision = {len(a.date): a for a in corpus.articles if a.date}
    assert set(by_precision) == {4, 7, 10}, "the corpus dates to the year, the month and the day"
    for article in by_precision.values():
        page.goto(url + f"archive/{article.date[:4]}.html")
        entry = page.locator(".cb-entry", has=page.locator(".cb-entry__title", has_text=article.title))
        expect(entry.locator("time")).to_have_attribute("datetime", article.date)
        expect(entry.locator("time")).to_have_text(reader_date(article.date))
        entry.locator(".cb-entry__title").click()
        expect(page.locator("p.cb-meta time")).to_have_text(reader_date(article.date))
        expect(page.locator(".cb-provenance")).to_contain_text(f"Source: {article.seed}, lines")


def test_front_page_cards_are_the_newest_and_the_named_source_is_listed(page: Page, dated_site, corpus):
    _, url = dated_site
    page.goto(url + "index.html")
    expect(page.locator(".cb-lede")).to_have_text("Letters & notes, Articles split from raw text dumps, to browse "
                                                  "and search by author, theme and date.")
    newest = sorted((a for a in corpus.articles if a.date), key=lambda a: a.date, reverse=True)[:12]
    shown = [text.strip() for text in page.locator("ul.cb-cards .cb-entry__title").all_text_contents()]
    assert [_date_of(corpus, title) for title in shown] == [a.date for a in newest]
    sources = page.locator("article h2", has_text="Sources").locator("xpath=following-sibling::ul[1]//a")
    expect(sources).to_have_text([SOURCE_TITLE])
    sources.first.click()
    # (waits for the source's page: read at once, the heading may still be the page being left)
    expect(page.locator("article h1").first).to_have_text(re.compile(rf"^\s*{re.escape(SOURCE_TITLE)}\s*¶?\s*$"))
    assert len(entry_titles(page)) == sum(a.seed == "posts-01.md" for a in corpus.articles)


def _date_of(corpus, title: str) -> str | None:
    return next(a.date for a in corpus.articles if a.title == title)


def test_author_and_theme_pages_list_their_articles_and_feeds_match(page: Page, dated_site, corpus):
    site, url = dated_site
    by_author = Counter(a.author for a in corpus.articles if a.author)
    page.goto(url + "authors.html")
    index = page.eval_on_selector_all("ul.cb-names li", "items => items.map(li => [li.querySelector('a').textContent, "
                                      "li.querySelector('a').getAttribute('href'), +li.querySelector('.cb-count').textContent])")
    assert {name: count for name, _, count in index} == dict(by_author)
    unattributed = sum(1 for a in corpus.articles if not a.author)
    expect(page.locator("p.cb-unattributed a")).to_have_text(f"{unattributed} articles naming no author")
    name, href, count = index[0]
    page.goto(url + href)
    assert len(entry_titles(page)) == count
    feed_href = page.locator("link[rel=alternate][type='application/atom+xml']").nth(1).get_attribute("href")
    feed = feedparser.parse((site / urljoin(href, feed_href)).read_bytes())
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == entry_titles(page)[:50], "the feed lists the page's newest"
    page.goto(url + "themes.html")
    themes = page.eval_on_selector_all("ul.cb-names li a", "links => links.map(a => a.getAttribute('href'))")
    assert themes, "the corpus has themes"
    for theme_href in themes:
        page.goto(url + theme_href)
        expect(page.locator(".cb-entry").first).to_be_visible()
        assert len(entry_titles(page)) <= 200
