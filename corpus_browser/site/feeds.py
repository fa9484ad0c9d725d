"""Render stage: Atom feeds of the whole site and of each theme and author, made with feedgen.

A feed lists its `FEED_MAX_ENTRIES` newest articles, newest first (undated ones
after the dated, in corpus order). Nothing in it depends on when it was built:
a feed's `updated` is its newest article's date, and an undated entry takes
that too, so the same corpus gives the same bytes. Without a `site_url`, links
are relative to the feed's own address (as Atom allows) and ids are URNs made
from the page path; with one, both are absolute.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from corpus_browser.lang.dates import as_datetime
from corpus_browser.model import PlacedArticle
from corpus_browser.site.listings import href

#: Entries in one feed at most: the newest.
FEED_MAX_ENTRIES = 50
#: When a feed holds no dated article: a fixed moment, never the build time.
_NO_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)
#: Characters XML 1.0 cannot hold (lxml refuses them): control characters but
#: tab and line breaks, unpaired surrogates, and the two non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    """What one feed shows: its title and subtitle, and its articles, newest first."""

    title: str
    subtitle: str
    site_url: str
    """Where the site is published, or "" (links are then relative)."""
    path: str
    """The feed's own path below the docs folder, e.g. `feed-theme-trust.xml`."""
    items: Sequence[PlacedArticle]
    language: str = "en"
    """The site's language, which the feed declares."""


def render_feed(feed: Feed) -> str:
    """The Atom document of `feed`."""
    path = feed.path
    generator = FeedGenerator()
    generator.id(_id(feed.site_url, path))
    generator.title(_text(feed.title))
    if feed.subtitle:
        generator.subtitle(_text(feed.subtitle))
    generator.link(href=_address(feed.site_url, "index.html", path), rel="alternate")
    generator.link(href=_address(feed.site_url, path, path), rel="self")
    generator.language(feed.language)
    items = list(feed.items)[:FEED_MAX_ENTRIES]
    dates = [as_datetime(item.article.date) for item in items if item.article.date]
    newest = max(dates, default=_NO_DATE)
    generator.updated(newest)
    for item in items:
        _add_entry(generator, item, feed, path, newest)
    return generator.atom_str(pretty=True).decode("utf-8")


def _add_entry(generator: FeedGenerator, item: PlacedArticle, feed: Feed, path: str, newest: datetime) -> None:
    article = item.article
    page = item.path.removesuffix(".md") + ".html"
    entry = generator.add_entry(order="append")
    entry.id(_id(feed.site_url, page))
    entry.title(_text(article.title))
    entry.link(href=_address(feed.site_url, page, path), rel="alternate")
    if article.date:
        entry.published(as_datetime(article.date))
        entry.updated(as_datetime(article.date))
    else:
        entry.updated(newest)
    for name in article.authors:
        entry.author(name=_text(name))
    for theme in article.tags:
        entry.category(term=_text(theme))
    if article.description:
        entry.summary(_text(article.description))


def _text(value: str) -> str:
    """A value as XML can hold it."""
    return _NOT_XML.sub("", value)


def _address(site_url: str, page: str, feed_path: str) -> str:
    """A page's address: absolute under `site_url`, else relative to the feed."""
    return site_url.rstrip("/") + "/" + page if site_url else href(page, feed_path)


def _id(site_url: str, page: str) -> str:
    """A permanent id for a page: its absolute address, or a URN made from its path."""
    return _address(site_url, page, "") if site_url else uuid.uuid5(uuid.NAMESPACE_URL, page).urn
