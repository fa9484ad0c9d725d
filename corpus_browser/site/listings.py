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

import calendar
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
        """(name, page) of an article's authors; none for an article that names none
        (`Unattributed` is a list of such articles, not an author to show as a byline)."""
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


def time_tag(date: str, short: bool = False) -> str:
    """`<time datetime="2016-08-23">August 23, 2016</time>`; `short`, the day
    within its month (`Aug 23`), or the month alone (`Aug`), for a month's list."""
    if DATE.fullmatch(date) is None:
        raise ValueError(f"not a date: {date!r}")
    return f'<time datetime="{date}">{short_date(date) if short else reader_date(date)}</time>'


@dataclass(frozen=True)
class Omit:
    """What a listing's entries leave out because the page says it already: the
    author of an author's page, the theme of a theme's page."""

    author: str | None = None
    theme: str | None = None


def short_date(date: str) -> str:
    """A date within its month's list: the day (`Aug 3`), or the month alone (`Aug`), or the year.

    >>> short_date("2016-08-03"), short_date("2016-11"), short_date("2016")
    ('Aug 3', 'Nov', '2016')
    """
    year, month, day = DATE.fullmatch(date).group("year", "month", "day")
    if month is None:
        return year
    name = calendar.month_abbr[int(month)]
    return f"{name} {int(day)}" if day else name


def entries(items: Sequence[PlacedArticle], from_path: str, directory: Directory, cards: bool = False,
            memo: RenderMemo | None = None, omit: Omit = Omit()) -> str:
    """A list of articles as one HTML block: entries, or cards for the front page.
    Kept out of Material's search index (`data-search-exclude`): the articles
    themselves are there, and a listing would only push them down. An entry
    already in the `memo` (the same article, links and depth below the root) is taken from it."""
    css = "cb-cards" if cards else "cb-entries"
    memo = memo or RenderMemo()
    return "\n".join([f'<ul class="{css}" data-search-exclude>',
                      *(_remembered_entry(item, from_path, directory, memo, omit) for item in items), "</ul>"])


def brief_entries(items: Sequence[PlacedArticle], from_path: str) -> str:
    """A compact list of articles, a line each: the day (or the date as stated) and
    the title, as a publication's archive lists them by month."""
    lines = ['<ul class="cb-briefs" data-search-exclude>']
    for item in items:
        article = item.article
        when = time_tag(article.date, short=True) if article.date else ""
        hint = f' <span class="cb-entry__hint">{html.escape(item.hint)}</span>' if item.hint else ""
        lines.append(f'<li>{when}<a href="{html.escape(href(item.path, from_path))}">{html.escape(article.title)}</a>'
                     f"{hint}</li>")
    lines.append("</ul>")
    return "\n".join(lines)


def _remembered_entry(item: PlacedArticle, from_path: str, directory: Directory, memo: RenderMemo,
                      omit: Omit) -> str:
    article = item.article
    key = ("entry", memo.digest(item), up_to_root(from_path), tuple(directory.author_links(article.authors)),
           tuple(directory.theme_links(article.tags)), omit)
    return memo.text(key, lambda: _entry(item, from_path, directory, omit))


def _entry(item: PlacedArticle, from_path: str, directory: Directory, omit: Omit = Omit()) -> str:
    article = item.article
    details = []
    authors = directory.author_links([name for name in article.authors if name != omit.author])
    if authors:
        # On an author's own page, their co-authors only: the page says whose articles these are.
        lead = "With " if omit.author and omit.author in article.authors else "By "
        details.append(lead + _joined([_link(name, path, from_path) for name, path in authors]))
    if article.date:
        details.append(time_tag(article.date))
    details.append(f"{reading_minutes(article.words)} min read")
    hint = f' <span class="cb-entry__hint">{html.escape(item.hint)}</span>' if item.hint else ""
    parts = [f'<li class="cb-entry"><a class="cb-entry__title" href="{html.escape(href(item.path, from_path))}">'
             f"{html.escape(article.title)}</a>{hint}",
             f'<p class="cb-entry__meta">{" · ".join(details)}</p>']
    themes = [name for name in article.tags if name != omit.theme]
    if themes:
        parts.append(chips(directory.theme_links(themes), from_path))
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
