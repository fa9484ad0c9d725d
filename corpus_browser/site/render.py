"""Render stage: articles to Markdown pages with YAML front-matter, and the
pages a reader browses them by: the front page, the archive by year and month,
a page per theme and per author (and `Unattributed`), their index pages, the
source pages, the Atom feeds and the search records.

All page text is made here. Every piece of seed text goes through `escape`
(Markdown) or `html.escape` (the listings' HTML, `listings.py`), so whatever a
seed says is shown as that text and never becomes markup: only the structure
the splitter decided on (headings, lists, paragraphs) is Markdown.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape as html_escape
from itertools import groupby
from typing import TypeVar

import yaml
from anyascii import anyascii

from corpus_browser.lang.dates import month_heading, reader_date, year_of
from corpus_browser.lang.detect import DEFAULT_LANGUAGE
from corpus_browser.lang.markdown import dense, escape, text_paragraph
from corpus_browser.site.links import LinkTargets, link_targets, marked_targets, resolve_links
from corpus_browser.lang.text import DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS, shorten
from corpus_browser.model import Article, Block, BlockKind, Derivations, Page, PlacedArticle, Site
from corpus_browser.site.feeds import FEED_MAX_ENTRIES, Feed, render_feed
from corpus_browser.site.listings import (
    PAGE_SIZE,
    UNATTRIBUTED,
    Directory,
    Omit,
    brief_entries,
    chips,
    chunks,
    entries,
    href,
    page_paths,
    pager,
    reading_minutes,
    time_tag,
)
from corpus_browser.site.memo import RenderMemo

__all__ = ["front_matter", "place_articles", "render_article",
           "render_site", "seed_slug", "slugify"]

T = TypeVar("T")

#: Runs of characters that are not ASCII, transliterated for page names.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Where a transliteration runs two syllables together ("ZhongWen").
_CAMEL_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Seed file names whose folder is their stem as it is: lower-case ASCII
#: letters and digits with single `-` or `_` between them, and `.txt`.
_PLAIN_SEED = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\.txt")
#: Hex digits of a name's SHA-256 that make an ambiguous slug unique.
_NAME_DIGEST_CHARS = 12
#: libyaml's dumper when PyYAML has it (ten times faster), else the pure-Python one.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: Longest title part of a page name, in characters.
SLUG_MAX_LENGTH = 60


def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """Readable ASCII page name: `Win Customers, Not Arguments!` -> `win-customers-not-arguments`;
    other scripts are transliterated with anyascii (`中文标题` -> `zhong-wen-biao-ti`)."""
    ascii_text = _NON_ASCII.sub(lambda run: _CAMEL_JOINT.sub(" ", anyascii(run[0])), text)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


def seed_slug(source: str) -> str:
    """A seed's folder name, unique to it whatever the other seeds are called.

    A plain name gives its stem (`blog-2016.txt` -> `blog-2016`); any other
    name gives a readable slug and a digest of the name (`Report.txt` ->
    `report--<12 hex digits>`), so `Report.txt` and `report.txt`, `a b.txt` and
    `a-b.txt`, or two names in another script never share a folder. Plain
    stems never hold `--`, so the two kinds never meet.
    """
    if _PLAIN_SEED.fullmatch(source):
        return source.removesuffix(".txt")
    stem, _, suffix = source.rpartition(".")
    name = f"{stem}-{suffix}" if stem and suffix.lower() != "txt" else stem or source
    return f"{slugify(name) or 'seed'}--{_name_digest(source)}"


def _name_digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:_NAME_DIGEST_CHARS]



def place_articles(articles: Sequence[Article], articles_dir: str,
                   derived: Derivations | None = None) -> tuple[PlacedArticle, ...]:
    """Give each article a page path: a folder per seed, a page per title.

    Names are unique within a seed (a repeated title gets `-2`, `-3` in seed
    order) and depend only on that seed, so changing one seed never renames
    the pages of another. Titles and descriptions are cut to a length a page
    can show (`TITLE_MAX_CHARS`, `DESCRIPTION_MAX_CHARS`), here, once for every page.
    """
    derived = derived if derived is not None else Derivations()
    placed: list[PlacedArticle] = []
    hints = title_hints(articles)
    for source, group in groupby(articles, key=lambda article: article.source):
        folder = seed_slug(source)
        taken: set[str] = set()
        for article in group:
            base = _slug(article.title) or "article"
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}-{n}"
            taken.add(name)
            where = (f"{articles_dir}/{folder}/{name}.md", hints.get(len(placed), ""))
            placed.append(derived.derive(article, where, lambda: PlacedArticle(_shown(article), *where)))
    derived.finish()
    return tuple(placed)


def _shown(article: Article) -> Article:
    """The article as pages show it: its title and description cut to a length a page can show."""
    return replace(article, title=shorten(article.title, TITLE_MAX_CHARS),
                   description=shorten(article.description, DESCRIPTION_MAX_CHARS))


@functools.lru_cache(maxsize=1 << 16)
def _slug(title: str) -> str:
    """`slugify(title)`, made once per title (a save places every article again)."""
    return slugify(title)


#: Characters of a description that tell apart two undated articles of the same title, at most.
HINT_MAX_CHARS = 40


def title_hints(articles: Sequence[Article]) -> dict[int, str]:
    """What tells apart the articles whose title another article has too (compared
    without case): by index, the date as a reader writes it where the date differs
    from the others', else the label, else the start of the description."""
    groups: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(" ".join(article.title.casefold().split()), []).append(i)
    hints: dict[int, str] = {}
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        dates = Counter(articles[i].date for i in indexes)
        for i in indexes:
            article = articles[i]
            if article.date and dates[article.date] == 1:
                hints[i] = reader_date(article.date)
            elif article.label:
                hints[i] = article.label
            elif article.description:
                hints[i] = shorten(article.description, HINT_MAX_CHARS)
            elif article.date:
                hints[i] = reader_date(article.date)
    return hints


def front_matter(article: Article) -> dict[str, object]:
    """The public front-matter contract of an article page."""
    data: dict[str, object] = {
        "title": article.title,
        "description": article.description,
        "authors": list(article.authors),
    }
    if article.date:
        data["date"] = article.date
    if article.label:
        data["label"] = article.label
    if article.section:
        data["section"] = article.section
    data.update(
        tags=list(article.tags),
        source=article.source,
        lines=[article.first_line, article.last_line],
        words=article.words,
    )
    return data


# --- where everything goes -------------------------------------------------------------

#: The index pages, below the docs folder.
HOME_PAGE = "index.md"
ARCHIVE_PAGE = "archive.md"
THEMES_PAGE = "themes.md"
AUTHORS_PAGE = "authors.md"
#: Folders of the theme, author, year and source pages, below the docs folder.
THEMES_DIR = "themes"
AUTHORS_DIR = "authors"
ARCHIVE_DIR = "archive"
SOURCES_DIR = "sources"
#: The Atom feed of the whole site; a theme's or author's is `feed-theme-<slug>.xml`,
#: `feed-author-<slug>.xml`. All sit at the site's root: Material's script fetches
#: `sitemap.xml` beside every `<link rel="alternate">` of a page.
SITE_FEED = "feed.xml"
#: The search records (one per article) the hosted build indexes with Pagefind.
#: A dot-file: MkDocs does not publish it.
SEARCH_RECORDS = ".corpus-search.json"
#: Latest articles shown as cards on the front page.
HOME_CARDS = 12
#: Names listed on one page of the theme and author indexes at most.
NAMES_PAGE_SIZE = 300
#: Material's per-page search boost for listing pages: below 1, they rank after the articles.
LISTING_SEARCH_BOOST = 0.0001
#: Where an undated article goes in the archive.
UNDATED = "Undated"
#: Titles the archive page of a corpus of more than `PAGE_SIZE` articles lists at most, a line each
#: (the newest years'; older years are listed by month, each month leading to its year's page).
ARCHIVE_TITLES = 2_000


@dataclass(frozen=True)
class NamePage:
    """The page of one theme or author: its articles, newest first, and its feed."""

    name: str
    path: str
    feed: str
    """The feed's path; "" for the articles that name no author, which have none (nobody follows "Unattributed")."""
    items: tuple[PlacedArticle, ...]


@dataclass(frozen=True)
class Catalogue:
    """The site's pages by theme and by author, and where each is."""

    themes: dict[str, NamePage]
    """By theme name, in name order."""
    authors: dict[str, NamePage]
    """By author name, in name order; `Unattributed` is not among them."""
    unattributed: NamePage | None

    @property
    def directory(self) -> Directory:
        return Directory({name: page.path for name, page in self.themes.items()},
                         {name: page.path for name, page in self.authors.items()},
                         self.unattributed.path if self.unattributed else None)


def newest_first(items: Sequence[PlacedArticle]) -> list[PlacedArticle]:
    """Dated articles newest first (a more precise date first within its month
    or year), then the undated ones in corpus order."""
    dated = sorted((item for item in items if item.article.date), key=lambda item: item.article.date, reverse=True)
    return dated + [item for item in items if not item.article.date]


def catalogue(site: Site) -> Catalogue:
    """Give every theme and author a page (and a feed), names unique even when two slugify alike."""
    by_theme: dict[str, list[PlacedArticle]] = {}
    by_author: dict[str, list[PlacedArticle]] = {}
    unattributed = []
    for item in site.articles:
        for theme in item.article.tags:
            by_theme.setdefault(theme, []).append(item)
        for name in item.article.authors:
            by_author.setdefault(name, []).append(item)
        if not item.article.authors:
            unattributed.append(item)
    unattributed_page = None
    taken = set()
    if unattributed:
        taken.add(slugify(UNATTRIBUTED))
        unattributed_page = NamePage(UNATTRIBUTED, f"{AUTHORS_DIR}/{slugify(UNATTRIBUTED)}.md", "",
                                     tuple(newest_first(unattributed)))
    return Catalogue(_name_pages(by_theme, THEMES_DIR, "theme", set()),
                     _name_pages(by_author, AUTHORS_DIR, "author", taken), unattributed_page)


def _name_pages(groups: dict[str, list[PlacedArticle]], folder: str, fallback: str,
                taken: set[str]) -> dict[str, NamePage]:
    pages = {}
    for name in sorted(groups, key=_name_order):
        base = slugify(name) or fallback
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        pages[name] = NamePage(name, f"{folder}/{slug}.md", f"feed-{fallback}-{slug}.xml",
                               tuple(newest_first(groups[name])))
    return pages


def _name_order(name: str) -> tuple[str, str]:
    return name.casefold(), name


# --- all pages -----------------------------------------------------------------------------


def render_site(site: Site, memo: RenderMemo | None = None) -> list[Page]:
    """Every generated file: the article pages, the listing and index pages, the
    feeds and the search records. Pieces already in the `memo` (from an earlier
    render) are taken from it, and it keeps this render's for the next."""
    memo = memo or RenderMemo()
    memo.start()
    pages = _pages(site, memo)
    memo.finish()
    return pages


def _pages(site: Site, memo: RenderMemo) -> list[Page]:
    # Equal to the last render's, they are the last render's objects: pages made of them compare at once.
    places = memo.page("catalogue", site.articles, lambda: catalogue(site))
    directory = _same(memo, "directory", places.directory)
    targets = _same(memo, "targets", memo.page("links", (site.articles, site.source_url),
                                               lambda: link_targets(site.articles, site.source_url)))
    pages = [render_article(site, i, directory, memo, targets) for i in range(len(site.articles))]
    name_pages = [*places.themes.values(), *places.authors.values(),
                  *([places.unattributed] if places.unattributed else [])]
    for name_page in name_pages:
        kind = "theme" if name_page.path.startswith(THEMES_DIR + "/") else "author"
        people = name_page is not places.unattributed
        omit = Omit(theme=name_page.name) if kind == "theme" else Omit(author=name_page.name if people else None)
        pages += _listing_pages(name_page.path, name_page.name, _name_intro(name_page, kind), name_page.items,
                                directory, memo, feeds=[_feed_link(site, name_page)] if name_page.feed else [],
                                omit=omit, section=THEMES_PAGE if kind == "theme" else AUTHORS_PAGE)
        if name_page.feed:
            pages.append(memo.page(("feed", name_page.feed), (name_page, site.title, site.url, site.language),
                                   lambda: _feed_page(_feed(site, name_page, kind), memo)))
    for source, group in groupby(site.articles, key=lambda item: item.article.source):
        title = site.source_titles.get(source, source)
        items = list(group)
        pages += _listing_pages(f"{SOURCES_DIR}/{seed_slug(source)}.md", title,
                                f"{_count(len(items), 'article')} from this source, in its order.", items, directory,
                                memo)
    pages += memo.page("archive", (site.articles, directory), lambda: render_archive(site, directory, memo))
    pages += memo.page("indexes", places, lambda: _name_indexes(places))
    home = (site.title, site.description, site.articles, site.sources, site.source_titles, site.language, places)
    pages.append(memo.page("home", home, lambda: render_home(site, places, memo)))
    feed = (site.title, site.description, site.url, site.language, site.articles)
    pages.append(memo.page("feed", feed, lambda: _feed_page(Feed(site.title, site.description, site.url, SITE_FEED,
                                                                 tuple(newest_first(site.articles)), site.language),
                                                            memo)))
    pages.append(memo.page("records", (site.articles, site.language), lambda: search_records(site, memo)))
    return pages


def _same(memo: RenderMemo, name: str, value: T) -> T:
    """`value`, or the equal value the last render had under `name` (the same object as then)."""
    return memo.page(("same", name), value, lambda: value)


def _name_indexes(places: Catalogue) -> list[Page]:
    return [*_name_index(THEMES_PAGE, "Themes", "theme", list(places.themes.values())),
            *_name_index(AUTHORS_PAGE, "Authors", "author",
                         sorted(places.authors.values(), key=lambda page: surname_order(page.name)),
                         places.unattributed)]


def _name_intro(page: NamePage, kind: str) -> str:
    count = _count(len(page.items), "article")
    if kind == "author" and not page.feed:
        return f"{count} naming no author, newest first."
    return f"{count} {'on' if kind == 'theme' else 'by'} {escape(page.name)}, newest first."


def _feed_link(site: Site, page: NamePage) -> dict[str, str]:
    return {"title": f"{site.title}: {page.name}", "url": page.feed}


def _feed_page(feed: Feed, memo: RenderMemo) -> Page:
    key = ("feed", feed.title, feed.subtitle, feed.site_url, feed.path, feed.language,
           tuple(memo.digest(item) for item in feed.items[:FEED_MAX_ENTRIES]))  # all that a feed shows
    return Page(feed.path, memo.text(key, lambda: render_feed(feed)))


def _feed(site: Site, page: NamePage, kind: str) -> Feed:
    what = "on" if kind == "theme" else "by"
    return Feed(f"{site.title}: {page.name}", f"Articles {what} {page.name}.", site.url, page.feed, page.items,
                site.language)


def _listing_pages(path: str, title: str, intro: str, items: Sequence[PlacedArticle], directory: Directory,
                   memo: RenderMemo, feeds: Sequence[dict[str, str]] = (), omit: Omit = Omit(),
                   section: str | None = None) -> list[Page]:
    """A listing, cut into pages of `PAGE_SIZE` entries: title, intro, entries and the pager.
    Its entries leave out what the page says already (`omit`); `section` is the
    index page the navigation marks as where the reader is (Themes, Authors)."""
    inputs = (title, intro, tuple(items), directory, feeds, omit, section)
    return memo.page(("listing", path), inputs,
                     lambda: _listing(path, title, intro, items, directory, memo, feeds, omit, section))


def _listing(path: str, title: str, intro: str, items: Sequence[PlacedArticle], directory: Directory,
             memo: RenderMemo, feeds: Sequence[dict[str, str]], omit: Omit, section: str | None) -> list[Page]:
    runs = chunks(items)
    paths = page_paths(path, len(runs))
    pages = []
    for n, (page_path, run) in enumerate(zip(paths, runs)):
        heading = title if n == 0 else f"{title} (page {n + 1})"
        parts = [f"# {escape(heading)}", intro, entries(run, page_path, directory, memo=memo, omit=omit),
                 pager(paths, n)]
        data = _listing_data(heading, intro_text(intro), feeds, section=section)
        pages.append(Page(page_path, _with_front_matter(data, "\n\n".join(part for part in parts if part))))
    return pages


def intro_text(markdown: str) -> str:
    """The plain text of an intro line, for a page's description (unescaping `escape`)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _listing_data(title: str, description: str, feeds: Sequence[dict[str, str]] = (), *,
                  section: str | None = None, toc: bool = False) -> dict[str, object]:
    """Front-matter of a listing page: found by search, but after the articles it
    lists; without the table of contents (`hide: [toc]`) when it has no headings
    to list, so that no empty column stands beside it; with the `section` of the
    navigation it belongs to (`partials/nav-item.html` marks it current)."""
    data: dict[str, object] = {"title": title, "description": description,
                               "search": {"boost": LISTING_SEARCH_BOOST}}
    if not toc:
        data["hide"] = ["toc"]
    if section:
        data["section"] = _url(section)
    if feeds:
        data["feeds"] = list(feeds)
    return data


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# --- articles ------------------------------------------------------------------------------


def render_article(site: Site, index: int, directory: Directory | None = None,
                   memo: RenderMemo | None = None, targets: LinkTargets | None = None) -> Page:
    """One article page: front-matter, title, details, and the body as a reader sees it.

    Related articles and the neighbours in the same seed go into the front-matter
    (`related`, `previous`, `next`), where the theme's `partials/related.html`
    shows them below the article; kept out of the body, they stay out of search.
    So do the chips (`theme_pages`, `author_pages`: name and page of each).
    Links the source wrote to relative addresses lead where `targets` resolves them (`links.py`).
    """
    directory = directory or catalogue(site).directory
    memo = memo or RenderMemo()
    targets = targets or link_targets(site.articles, site.source_url)
    placed = site.articles[index]
    inputs = (placed, _neighbours(site, index), directory, targets, site.language)
    return memo.page(("article", placed.path), inputs, lambda: _article_page(site, index, directory, memo, targets))


def _neighbours(site: Site, index: int) -> tuple[object, ...]:
    """The articles an article's page links to besides itself: its related articles, and
    the previous and next of its seed (None where there is none)."""
    source = site.articles[index].article.source
    around = [site.articles[j] if 0 <= j < len(site.articles) and site.articles[j].article.source == source else None
              for j in (index - 1, index + 1)]
    related = tuple(site.articles[j] for j in site.related[index]) if site.related else ()
    return related, *around


def _article_page(site: Site, index: int, directory: Directory, memo: RenderMemo, targets: LinkTargets) -> Page:
    placed = site.articles[index]
    links = _language_data(placed.article, site) | _links(site, index) | _chip_data(placed.article, directory)
    if placed.hint:
        links["title_hint"] = placed.hint  # for the search index: results of the same title differ by it
    outbound = {target: targets.resolve(target, placed.path)
                for block in placed.article.body for target in marked_targets(block.markdown)}
    key = ("article", memo.digest(placed), json.dumps([links, outbound], ensure_ascii=False, sort_keys=True))
    return Page(placed.path, memo.text(key, lambda: _article_text(placed, links, targets)))


def _article_text(placed: PlacedArticle, links: dict[str, object], targets: LinkTargets) -> str:
    article = placed.article
    parts = [f"# {escape(article.title)}"]
    body = list(article.body)
    if body and body[0].kind is BlockKind.SUBTITLE:
        parts.append(_render_block(body.pop(0)))
    parts.append(f'<p class="cb-meta">{article_details(article)}</p>')
    parts.extend(resolve_links(_render_block(block), targets, placed.path) for block in body)
    return _with_front_matter(front_matter(article) | links, "\n\n".join(parts))


def _language_data(article: Article, site: Site) -> dict[str, object]:
    """The page's `language`, where the article is written in another language than the site
    (the plugin then declares it in the page's `<html lang>`)."""
    return {"language": article.language} if article.language and article.language != site.language else {}


def _chip_data(article: Article, directory: Directory) -> dict[str, object]:
    """Where the article's theme and author chips lead."""
    return {"theme_pages": [{"name": name, "url": _url(path)} for name, path in directory.theme_links(article.tags)],
            "author_pages": [{"name": name, "url": _url(path)} for name, path in directory.author_links(article.authors)]}


def _url(path: str) -> str:
    """A page's address from the site root."""
    return path.removesuffix(".md") + ".html"


def _links(site: Site, index: int) -> dict[str, object]:
    """Related articles, and the previous and next article of the same seed."""
    links: dict[str, object] = {}
    if site.related and site.related[index]:
        links["related"] = [_link(site.articles[j]) for j in site.related[index]]
    source = site.articles[index].article.source
    for offset, key in ((-1, "previous"), (1, "next")):
        j = index + offset
        if 0 <= j < len(site.articles) and site.articles[j].article.source == source:
            links[key] = _link(site.articles[j])
    return links


def _link(item: PlacedArticle) -> dict[str, str]:
    """A link for the theme to render: title, URL from the site root, and what
    tells the article apart from others of the same title (`hint`), if any."""
    link = {"title": item.article.title, "url": _url(item.path)}
    if item.hint:
        link["hint"] = item.hint
    return link


def article_details(article: Article) -> str:
    """The line under the title, as HTML (a block of its own, so that a line opening
    with the date's `<time>` is not taken for the start of raw HTML): the section
    that holds the piece, its label, authors, date (in `<time>`), length and reading time.
    Where the text comes from (seed and lines) is the theme's to show, to editors (`extra.provenance`)."""
    details = [html_escape(f"In {article.section}")] if article.section else []
    if article.label:
        details.append(html_escape(article.label))
    if article.authors:
        details.append(html_escape("By " + _names(article.authors)))
    if article.date:
        details.append(time_tag(article.date))
    details.append(f"{article.words:,} words, {reading_minutes(article.words)} min read")
    return " · ".join(details)


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _render_block(block: Block) -> str:
    if block.markdown and not (block.kind is BlockKind.PARAGRAPH and dense(block.markdown)):
        return block.markdown  # the source's own markup, written safe where it was read (`lang/markdown.py`)
    if block.kind is BlockKind.HEADING:
        return f"## {escape(block.texts[0])}"
    if block.kind is BlockKind.SUBTITLE:
        return f"{escape(block.texts[0])}\n{{ .cb-subtitle }}"
    if block.kind is BlockKind.BULLET_LIST:
        return "\n".join(f"- {escape(text)}" for text in block.texts)
    if block.kind is BlockKind.NUMBERED_LIST:
        return "\n".join(f"{block.start + i}. {escape(text)}" for i, text in enumerate(block.texts))
    return text_paragraph(block.texts[0])


def _with_front_matter(data: dict[str, object], body: str) -> str:
    header = yaml.dump(data, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True, width=2**31 - 1)
    return f"---\n{header}---\n\n{body}\n"


# --- the front page ------------------------------------------------------------------------


def render_home(site: Site, places: Catalogue, memo: RenderMemo | None = None) -> Page:
    """The front page: what the collection is, its counts, the ways in (Archive,
    Themes, Authors), the latest articles as cards, the themes, and the sources
    that have a readable name (a sidecar's `title:`)."""
    directory = places.directory
    articles = [item.article for item in site.articles]
    years = sorted({year_of(article.date) for article in articles if article.date})
    span = f", {years[0]}–{years[-1]}" if len(years) > 1 else (f", {years[0]}" if years else "")
    lines = [f"# {escape(site.title)}", ""]
    if site.description:
        lines += [f"{escape(site.description)}\n{{ .cb-lede }}", ""]
    lines += [
        f"**{len(articles):,}** {'article' if len(articles) == 1 else 'articles'} by "
        f"**{len(places.authors):,}** named {'author' if len(places.authors) == 1 else 'authors'} on "
        f"**{len(places.themes):,}** {'theme' if len(places.themes) == 1 else 'themes'}{span}.",
        "",
        f"[Archive]({ARCHIVE_PAGE}){{ .md-button }} [Themes]({THEMES_PAGE}){{ .md-button }} "
        f"[Authors]({AUTHORS_PAGE}){{ .md-button }}",
        "",
    ]
    latest = newest_first(site.articles)[:HOME_CARDS]
    if latest:
        lines += ["## Latest articles", "", entries(latest, HOME_PAGE, directory, cards=True, memo=memo), "",
                  f"[Every article, by date]({ARCHIVE_PAGE})", ""]
    if places.themes:
        counts = {name: len(page.items) for name, page in places.themes.items()}
        top = sorted(places.themes, key=lambda name: (-counts[name], _name_order(name)))[:NAMES_PAGE_SIZE]
        lines += ["## Themes", "", chips(directory.theme_links(top), HOME_PAGE, counts), ""]
    titled = [source for source in site.sources if source in site.source_titles]
    if titled:
        lines += ["## Sources", ""] + [
            f"- [{escape(site.source_titles[source])}]({SOURCES_DIR}/{seed_slug(source)}.md)" for source in titled] + [""]
    data = {"title": site.title, "description": site.description or f"{len(articles):,} articles",
            "search": {"boost": LISTING_SEARCH_BOOST}}
    if site.language != DEFAULT_LANGUAGE:
        data["language"] = site.language  # the site's language, which the plugin gives the theme
    return Page(HOME_PAGE, _with_front_matter(data, "\n".join(lines).rstrip()))


# --- the archive -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A month (or a year's articles dated by year alone, or the undated articles) in the archive."""

    heading: str
    anchor: str
    items: tuple[PlacedArticle, ...]


def periods(items: Sequence[PlacedArticle]) -> dict[str, list[Period]]:
    """The articles by year (newest first, `Undated` last), each year by month, newest first;
    articles dated by their year alone come after the year's months."""
    years: dict[str, list[Period]] = {}
    ordered = newest_first(items)
    for year, in_year in groupby(ordered, key=lambda item: year_of(item.article.date) if item.article.date
                                 else UNDATED):
        in_year = list(in_year)
        if year == UNDATED:
            years[year] = [Period(UNDATED, "undated", tuple(in_year))]
            continue
        months = []
        for month, group in groupby(in_year, key=lambda item: month_heading(item.article.date) or ""):
            group = tuple(group)
            anchor = group[0].article.date[:7] if month else year
            months.append(Period(month or f"{year}, month not stated", f"m{anchor}", group))
        years[year] = months
    return years


def render_archive(site: Site, directory: Directory, memo: RenderMemo | None = None) -> list[Page]:
    """The archive: every article by year and month, newest first, with counts.

    A corpus of up to `PAGE_SIZE` articles is listed on the archive page itself;
    a larger one gets a page per year (cut into pages of `PAGE_SIZE` entries),
    and the archive page lists the titles of each year by month, a line each
    with the day, as a publication's archive does: the newest years', up to
    `ARCHIVE_TITLES` titles, and the months of older years with their counts."""
    memo = memo or RenderMemo()
    by_year = periods(site.articles)
    undated = sum(len(period.items) for period in by_year.get(UNDATED, []))
    intro = f"{_count(len(site.articles), 'article')}, newest first" + (
        f"; {undated:,} undated, at the end." if undated else ".")
    lines = ["# Archive", "", intro, ""]
    pages = []
    room = ARCHIVE_TITLES
    for year, months in by_year.items():
        count = sum(len(period.items) for period in months)
        if len(site.articles) <= PAGE_SIZE:
            lines += [f"## {year} ({count:,}) {{ #y{year.lower()} }}", ""]
            for period in months:
                if year != UNDATED:
                    lines += [f"### {escape(period.heading)} ({len(period.items):,}) {{ #{period.anchor} }}", ""]
                lines += [entries(period.items, ARCHIVE_PAGE, directory, memo=memo), ""]
            continue
        layout = _year_layout(months)
        paths = page_paths(f"{ARCHIVE_DIR}/{year.lower()}.md", len(layout))
        pages += _year_pages(year, count, layout, paths, directory, memo)
        lines += [f"## [{year}]({paths[0]}) ({count:,}) {{ #y{year.lower()} }}", ""]
        starts = {period.anchor: path for path, run in zip(paths, layout) for period, _part, continued in run
                  if not continued}
        if count <= room:
            room -= count
            for period in months:
                if year != UNDATED:
                    lines += [f"### [{escape(period.heading)}]({starts[period.anchor]}#{period.anchor}) "
                              f"({len(period.items):,}) {{ #{period.anchor} }}", ""]
                lines += [brief_entries(period.items, ARCHIVE_PAGE), ""]
        elif year != UNDATED:
            room = 0  # older years are not listed when a newer one was not: the newest titles come first
            lines += [" · ".join(f"[{escape(_month_name(period, year))}]({starts[period.anchor]}#{period.anchor}) "
                                 f"({len(period.items):,})" for period in months), ""]
    data = {"title": "Archive", "description": intro, "search": {"boost": LISTING_SEARCH_BOOST}}
    return [Page(ARCHIVE_PAGE, _with_front_matter(data, "\n".join(lines).rstrip())), *pages]


def _month_name(period: Period, year: str) -> str:
    """A month's heading without its year ("August"), where the year is already said."""
    return period.heading.removesuffix(f" {year}")


#: A piece of a period on one page: the period, its entries there, and whether it began on an earlier page.
_Part = tuple[Period, tuple[PlacedArticle, ...], bool]


def _year_layout(months: Sequence[Period]) -> list[list[_Part]]:
    """A year's months cut into pages of `PAGE_SIZE` entries (a month may run on to the next page)."""
    runs: list[list[_Part]] = [[]]
    room = PAGE_SIZE
    for period in months:
        start = 0
        while start < len(period.items):
            if room == 0:
                runs.append([])
                room = PAGE_SIZE
            part = period.items[start:start + room]
            runs[-1].append((period, part, start > 0))
            start += len(part)
            room -= len(part)
    return runs


def _year_pages(year: str, count: int, layout: Sequence[Sequence[_Part]], paths: Sequence[str],
                directory: Directory, memo: RenderMemo) -> list[Page]:
    """A year's own pages (or the undated articles'): its months, newest first, with counts."""
    title = "Undated articles" if year == UNDATED else f"Archive: {year}"
    description = _count(count, "article") + ("" if year == UNDATED else f" from {year}, newest first")
    pages = []
    for n, (path, run) in enumerate(zip(paths, layout)):
        lines = [f"# {title}" + (f" (page {n + 1})" if n else ""), "", f"{description}.", ""]
        for period, part, continued in run:
            if year != UNDATED:
                heading = f"{escape(period.heading)} (continued)" if continued else \
                    f"{escape(period.heading)} ({len(period.items):,}) {{ #{period.anchor} }}"
                lines += [f"## {heading}", ""]
            lines += [entries(part, path, directory, memo=memo), ""]
        lines.append(pager(paths, n))
        data = {"title": title, "description": description, "search": {"boost": LISTING_SEARCH_BOOST},
                "section": _url(ARCHIVE_PAGE)}
        pages.append(Page(path, _with_front_matter(data, "\n".join(lines).rstrip())))
    return pages


# --- index pages -------------------------------------------------------------------------------


def _name_index(path: str, title: str, kind: str, pages: Sequence[NamePage],
                unattributed: NamePage | None = None) -> list[Page]:
    """An index of themes or authors: each name once, in the order given (themes by
    name, authors by surname), with its count, leading to its page; cut into pages
    of `NAMES_PAGE_SIZE` names. The articles that name no author are not an author:
    they are counted apart, under the list, with a link to their page."""
    runs = chunks(pages, NAMES_PAGE_SIZE)
    paths = page_paths(path, len(runs))
    whose = "its" if kind == "theme" else "their"
    intro = f"{_count(len(pages), kind)}, each with the number of {whose} articles."
    result = []
    for n, (page_path, run) in enumerate(zip(paths, runs)):
        items = "\n".join(f'<li><a href="{html_escape(href(page.path, page_path))}">{html_escape(page.name)}</a> '
                          f'<span class="cb-count">{len(page.items):,}</span></li>' for page in run)
        heading = title if n == 0 else f"{title} (page {n + 1})"
        apart = ""
        if unattributed is not None and n == len(runs) - 1:
            apart = (f'<p class="cb-unattributed"><a href="{html_escape(href(unattributed.path, page_path))}">'
                     f"{_count(len(unattributed.items), 'article')} naming no author</a></p>")
        body = "\n\n".join(part for part in (f"# {heading}", intro, f'<ul class="cb-names">\n{items}\n</ul>' if run
                                             else "", apart, pager(paths, n)) if part)
        result.append(Page(page_path, _with_front_matter(_listing_data(heading, intro), body)))
    return result


def surname_order(name: str) -> tuple[str, str, str]:
    """How an index sorts a person's name: by surname, then the given names, as
    written otherwise (`Geoffrey A. Moore` under M, `Ludwig van Beethoven` under
    B); a suffix (`Jr.`, `III`) is not a surname. A name of one word sorts by it."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,").casefold() in _NAME_SUFFIXES:
        words.pop()
    surname = words[-1] if words else name
    return surname.casefold(), " ".join(words[:-1]).casefold(), name


#: Words after a surname that are not one.
_NAME_SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())


# --- search records ------------------------------------------------------------------------------


def search_records(site: Site, memo: RenderMemo | None = None) -> Page:
    """One record per article, for the hosted site's Pagefind index (`pagefind_index.py`):
    its language, address, title, authors, themes, date (as stated and as a reader writes it) and
    clean text, made from the article itself, never from a rendered page. A JSON
    list written with `indent=0`, so that a record's text is the same wherever it stands."""
    memo = memo or RenderMemo()
    records = [memo.text(("record", memo.digest(item), site.language), lambda: _search_record(item, site.language))
               for item in site.articles]
    return Page(SEARCH_RECORDS, "[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n")


def _search_record(item: PlacedArticle, site_language: str) -> str:
    return json.dumps({
        "language": item.article.language or site_language,
        "url": _url(item.path),
        "title": item.article.title,
        "authors": list(item.article.authors),
        "themes": list(item.article.tags),
        "date": item.article.date,
        "description": item.article.description,
        "hint": item.hint,
        "text": item.article.body_text,
    }, ensure_ascii=False, indent=0)
