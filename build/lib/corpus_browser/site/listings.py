"""Render stage: lists of articles as a reader sees them, on every listing page.

Each entry gives the title, the authors (linking to their pages), the date as
readers write it inside `<time datetime=…>`, the reading time, the themes as
chips leading to their pages, and a two-line excerpt. Entries are HTML blocks
in the Markdown pages, every value from input escaped with `html.escape`; links
are relative `.html` addresses (the site is built with `use_directory_urls:
false`, so it also works opened from disk).

Long listings are cut into pages of `PAGE_SIZE` entries: page n of `X.md` is
`X--n.md`, a name no slug can take (slugs never hold `--` but before a digest).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpus_browser.lang.dates import DATE, reader_date
from corpus_browser.model import PlacedArticle
from corpus_browser.site.memo import RenderMemo

#: Entries on one listing page at most; a longer listing continues on further pages.
PAGE_SIZE = 200
#: Average adult reading speed, for "N min read".
WORDS_PER_MINUTE = 230
#: The author entry of articles that name none.
UNATTRIBUTED = "Unattributed"


@dataclass(frozen=True)
class Directory:
    """Where the page of each theme and author is (paths below the docs folder)."""

    themes: Mapping[str, str]
    authors: Mapping[str, str]
    unattributed: str | None = None
    """The page of the articles without a byline; None when every article has one."""

    def author_links(self, authors: Sequence[str]) -> list[tuple[str, str]]:
        """(name, page) of an article's authors, or the `Unattributed` entry."""
        if not authors:
            return [(UNATTRIBUTED, self.unattributed)] if self.unattributed else []
        return [(name, self.authors[name]) for name in authors]

    def theme_links(self, themes: Sequence[str]) -> list[tuple[str, str]]:
        return [(name, self.themes[name]) for name in themes]


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words at an adult's average pace."""
    return max(1, round(words / WORDS_PER_MINUTE))


def href(path: str, from_path: str) -> str:
    """The relative address of the page generated from `path` (a docs path
    ending in `.md`, or any other file), seen from the page of `from_path`."""
    target = path.removesuffix(".md") + ".html" if path.endswith(".md") else path
    return up_to_root(from_path) + target


def up_to_root(from_path: str) -> str:
    """The relative address of the site's root from the page of `from_path`: all
    that a relative link depends on besides its target."""
    return "../" * from_path.count("/")


def time_tag(date: str) -> str:
    """`<time datetime="2016-08-23">August 23, 2016</time>`."""
    if DATE.fullmatch(date) is None:
        raise ValueError(f"not a date: {date!r}")
    return f'<time datetime="{date}">{reader_date(date)}</time>'


def entries(items: Sequence[PlacedArticle], from_path: str, directory: Directory, cards: bool = False,
            memo: RenderMemo | None = None) -> str:
    """A list of articles as one HTML block: entries, or cards for the front page.
    Kept out of Material's search index (`data-search-exclude`): the articles
    themselves are there, and a listing would only push them down. An entry
    already in the `memo` (the same article, links and depth below the root) is taken from it."""
    css = "cb-cards" if cards else "cb-entries"
    memo = memo or RenderMemo()
    return "\n".join([f'<ul class="{css}" data-search-exclude>',
                      *(_remembered_entry(item, from_path, directory, memo) for item in items), "</ul>"])


def _remembered_entry(item: PlacedArticle, from_path: str, directory: Directory, memo: RenderMemo) -> str:
    article = item.article
    key = ("entry", memo.digest(item), up_to_root(from_path), tuple(directory.author_links(article.authors)),
           tuple(directory.theme_links(article.tags)))
    return memo.text(key, lambda: _entry(item, from_path, directory))


def _entry(item: PlacedArticle, from_path: str, directory: Directory) -> str:
    article = item.article
    details = []
    authors = directory.author_links(article.authors)
    if authors:
        details.append("By " + _joined([_link(name, path, from_path) for name, path in authors]))
    if article.date:
        details.append(time_tag(article.date))
    details.append(f"{reading_minutes(article.words)} min read")
    parts = [f'<li class="cb-entry"><a class="cb-entry__title" href="{html.escape(href(item.path, from_path))}">'
             f"{html.escape(article.title)}</a>",
             f'<p class="cb-entry__meta">{" · ".join(details)}</p>']
    if article.tags:
        parts.append(chips(directory.theme_links(article.tags), from_path))
    if article.description:
        parts.append(f'<p class="cb-entry__excerpt">{html.escape(article.description)}</p>')
    return "".join(parts) + "</li>"


def chips(links: Sequence[tuple[str, str]], from_path: str, counts: Mapping[str, int] | None = None) -> str:
    """Theme (or author) chips leading to their pages, with article counts when given."""
    spans = []
    for name, path in links:
        count = f' <span class="cb-count">{counts[name]}</span>' if counts is not None else ""
        spans.append(f'<a class="md-tag" href="{html.escape(href(path, from_path))}">{html.escape(name)}{count}</a>')
    return f'<p class="md-tags cb-chips">{"".join(spans)}</p>'


def _link(name: str, path: str, from_path: str) -> str:
    return f'<a href="{html.escape(href(path, from_path))}">{html.escape(name)}</a>'


def _joined(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def page_paths(first: str, count: int) -> list[str]:
    """The paths of a listing cut into `count` pages: `X.md`, `X--2.md`, …"""
    stem = first.removesuffix(".md")
    return [first] + [f"{stem}--{n}.md" for n in range(2, count + 1)]


def chunks(items: Sequence, size: int = PAGE_SIZE) -> list[Sequence]:
    """`items` cut into runs of `size`; one empty run for no items."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [items[:0]]


def pager(paths: Sequence[str], index: int) -> str:
    """Links to the other pages of a listing cut into several, or "" for one page."""
    if len(paths) < 2:
        return ""
    here = paths[index]
    links = [f'<span aria-current="page">{n}</span>' if n == index + 1 else
             f'<a href="{html.escape(href(path, here))}">{n}</a>' for n, path in enumerate(paths, start=1)]
    return f'<nav class="cb-pager" aria-label="Pages">Page {index + 1} of {len(paths)}: {" ".join(links)}</nav>'
