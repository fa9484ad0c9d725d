"""Atom feeds of the site, each theme and each author: read back with feedparser."""

from __future__ import annotations

from dataclasses import replace

import feedparser
import pytest
from helpers import dated_site

from corpus_browser.site.feeds import FEED_MAX_ENTRIES, Feed, render_feed
from corpus_browser.site.render import newest_first, render_site


def parsed(site, path: str) -> feedparser.FeedParserDict:
    (page,) = [page for page in render_site(site) if page.path == path]
    feed = feedparser.parse(page.text)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feed_lists_the_newest_articles_first_with_their_details():
    site = replace(dated_site(["2015-03-02", None, "2016-11", "2016-11-30"]), description="Field notes.")
    feed = parsed(site, "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Dated" and feed.feed.subtitle == "Field notes."
    assert [entry.title for entry in feed.entries] == ["Article 3", "Article 2", "Article 0", "Article 1"]
    first = feed.entries[0]
    assert first.published == "2016-11-30T00:00:00+00:00"
    assert first.author == "Ada Lovelace" and [tag.term for tag in first.tags] == ["Trust"]
    assert first.link == "articles/seed0/article-3.html"
    assert first.summary == site.articles[3].article.description
    assert feed.feed.updated == "2016-11-30T00:00:00+00:00", "the newest article's date, never the build time"
    assert "published" not in feed.entries[3], "an undated article states no date"


def test_theme_and_author_feeds_link_back_relative_to_themselves_or_under_site_url():
    site = dated_site(["2016-01-01"])
    feed = parsed(site, "feed-theme-trust.xml")
    assert feed.feed.title == "Dated: Trust"
    assert feed.entries[0].link == "articles/seed0/article-0.html"
    assert feed.entries[0].id.startswith("urn:uuid:")
    hosted = parsed(replace(site, url="https://example.org/notes/"), "feed-author-ada-lovelace.xml")
    assert hosted.entries[0].link == hosted.entries[0].id == "https://example.org/notes/articles/seed0/article-0.html"


def test_feeds_are_capped_and_byte_identical_from_build_to_build():
    site = dated_site([f"20{10 + i % 10}-0{1 + i % 9}-01" for i in range(FEED_MAX_ENTRIES + 7)])
    feed = parsed(site, "feed.xml")
    assert len(feed.entries) == FEED_MAX_ENTRIES
    dates = [entry.published for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert [p.text for p in render_site(site) if p.path.endswith(".xml")] == \
        [p.text for p in render_site(site) if p.path.endswith(".xml")]


@pytest.mark.parametrize("name", ['<img src=x onerror=alert(1)>', 'Tom & "Jerry"', "Bell\x07 and \x0cform feed"])
def test_names_from_input_are_text_in_feeds(name):
    site = dated_site(["2016-01-01"], authors=lambda i: (name,), themes=lambda i: (name,))
    site = replace(site, articles=tuple(replace(item, article=replace(item.article, title=name)) for item in site.articles))
    text = render_feed(Feed(name, name, "", "feed.xml", tuple(newest_first(site.articles))))
    assert "<img" not in text
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    expected = name.replace("\x07", "").replace("\x0c", "")
    assert feed.feed.title == feed.entries[0].title == feed.entries[0].author == expected
    assert feed.entries[0].tags[0].term == expected
