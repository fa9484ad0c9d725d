"""Render stage: articles to Markdown pages with YAML front-matter, and the index pages.

All page text is made here. Every piece of seed text goes through `escape`, so
whatever a seed says is shown as that text and never becomes markup: only the
structure the splitter decided on (headings, lists, paragraphs) is Markdown.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby

import yaml
from anyascii import anyascii

from .model import Article, Block, BlockKind
from .text import DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS, shorten

#: Characters with inline meaning in Python-Markdown with MkDocs' extensions
#: (tables add `|`, attr_list `{}`, ATX headings strip trailing `#`).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
#: Line starts that open a list, a rule or an ordered list ("1986. A year").
_BLOCK_START = re.compile(r"^(?:([-+])|(\d+)(\.))")
#: Characters that end a line for Markdown or for a reader: a value is one line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
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
#: Average adult reading speed, for "N min read".
WORDS_PER_MINUTE = 230
#: Longest title part of a page name, in characters.
SLUG_MAX_LENGTH = 60


@dataclass(frozen=True)
class Page:
    """A generated file: its path below the docs folder and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class IndexPage:
    """A page listing every theme or author, filled in by one instance of the tags plugin."""

    path: str
    title: str
    intro: str
    directive: str
    """The listing marker that plugin instance looks for (its `listings_directive`)."""
    anchor_format: str
    """The id of one entry on the page (its `tags_slugify_format`)."""

    def anchor(self, name: str) -> str:
        """The id the tags plugin gives the entry of `name` (it uses `tag_slug`, see mkdocs.yml)."""
        return self.anchor_format.format(slug=tag_slug(name, "-"))


THEMES_PAGE = IndexPage("themes.md", "Themes", "Every theme, with the articles that carry it.",
                        "material/tags", "theme:{slug}")
AUTHORS_PAGE = IndexPage("authors.md", "Authors", "Every named author, with their articles:",
                         "material/authors", "author:{slug}")
#: Folder of the author pages, below the docs folder.
AUTHORS_DIR = "authors"
#: Folder of the source pages (one per seed, listing its articles), below the docs folder.
SOURCES_DIR = "sources"
#: The home page lists every article up to this many; beyond, the source pages do.
HOME_MAX_ARTICLES = 200
#: The home page names this many authors, most prolific first; the authors page has all.
HOME_MAX_AUTHORS = 30
#: Material's per-page search boost for author pages: below 1, they rank after the articles.
AUTHOR_PAGE_SEARCH_BOOST = 0.1


@dataclass(frozen=True)
class PlacedArticle:
    """An article with the page path it is written to."""

    article: Article
    path: str
    """Below the docs folder, e.g. `articles/blog/my-title.md`."""


def escape(text: str) -> str:
    """Seed text as Markdown that renders to exactly that text, on one line."""
    if not text.isprintable():  # line breaks are not printable; most text has none
        text = _LINE_BREAKS.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", text)


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


def tag_slug(name: str, separator: str = "-") -> str:
    """The id of a theme's or author's entry on its index page, as mkdocs.yml's
    `tags_slugify` for both tags plugins: readable, and unique to the name.

    A name that is exactly its slug's words capitalised, initials with a dot
    (`Customer Experience`, `Geoffrey A. Moore`), gets the slug alone; any
    other gets a digest of the name too, so `C++` and `C#`, or `Trust` and
    `TRUST`, never share an anchor.
    """
    slug = slugify(name)
    words = slug.split("-") if slug else []
    if words and name == " ".join(f"{word.upper()}." if len(word) == 1 and word.isalpha() else word.capitalize()
                                  for word in words):
        return separator.join(words)
    return separator.join(words + ["", _name_digest(name)])


def _name_digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:_NAME_DIGEST_CHARS]


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from."""

    title: str
    sources: tuple[str, ...]
    """Seed file names, in seed order."""
    articles: tuple[PlacedArticle, ...]
    """In seed order, then in order within their seed."""
    related: tuple[tuple[int, ...], ...] = ()
    """For each article, the indexes of its related articles, best first."""


def place_articles(articles: Sequence[Article], articles_dir: str) -> tuple[PlacedArticle, ...]:
    """Give each article a page path: a folder per seed, a page per title.

    Names are unique within a seed (a repeated title gets `-2`, `-3` in seed
    order) and depend only on that seed, so changing one seed never renames
    the pages of another. Titles and descriptions are cut to a length a page
    can show (`TITLE_MAX_CHARS`, `DESCRIPTION_MAX_CHARS`), here, once for every page.
    """
    placed = []
    for source, group in groupby(articles, key=lambda article: article.source):
        folder = seed_slug(source)
        taken: set[str] = set()
        for article in group:
            base = slugify(article.title) or "article"
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}-{n}"
            taken.add(name)
            shown = replace(article, title=shorten(article.title, TITLE_MAX_CHARS),
                            description=shorten(article.description, DESCRIPTION_MAX_CHARS))
            placed.append(PlacedArticle(shown, f"{articles_dir}/{folder}/{name}.md"))
    return tuple(placed)


def front_matter(article: Article) -> dict[str, object]:
    """The public front-matter contract of an article page."""
    data: dict[str, object] = {
        "title": article.title,
        "description": article.description,
        "authors": list(article.authors),
    }
    if article.date:
        data["date"] = article.date
    data.update(
        tags=list(article.tags),
        source=article.source,
        lines=[article.first_line, article.last_line],
        words=article.words,
    )
    return data


def render_site(site: Site) -> list[Page]:
    """Every generated page: one per article, the home page, the theme and author indexes."""
    pages = [render_article(site, i) for i in range(len(site.articles))]
    author_pages = place_authors(site)
    pages += [render_author(name, path, items) for name, (path, items) in author_pages.items()]
    source_pages = place_sources(site)
    pages += [render_source(source, path, items) for source, (path, items) in source_pages.items()]
    pages += [render_home(site, author_pages, source_pages), render_index(THEMES_PAGE),
              render_authors_index(author_pages)]
    return pages


def place_authors(site: Site) -> dict[str, tuple[str, list[PlacedArticle]]]:
    """Each author's page path and articles, authors in name order; page names
    are unique even when two names slugify alike."""
    by_author: dict[str, list[PlacedArticle]] = {}
    for item in site.articles:
        for name in item.article.authors:
            by_author.setdefault(name, []).append(item)
    placed, taken = {}, set()
    for name in sorted(by_author, key=lambda name: (name.casefold(), name)):
        base = slugify(name) or "author"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        placed[name] = (f"{AUTHORS_DIR}/{slug}.md", by_author[name])
    return placed


def render_author(name: str, path: str, items: Sequence[PlacedArticle]) -> Page:
    """An author's page: every article of theirs, with date, themes and description."""
    lines = [f"# {escape(name)}", "", f"{_count(len(items), 'article')} by {escape(name)}.", ""]
    for item in items:
        article = item.article
        details = [article.date] if article.date else []
        details += [", ".join(article.tags)] if article.tags else []
        lines.append(f"- [{escape(article.title)}]({_relative(item.path, path)})"
                     + (f" — {escape(' · '.join(details))}" if details else ""))
        if article.description:
            lines.append(f"    {escape(article.description)}")
    # Found by search, but after the author's own articles.
    data = {"title": name, "search": {"boost": AUTHOR_PAGE_SEARCH_BOOST}}
    return Page(path, _with_front_matter(data, "\n".join(lines)))


def render_authors_index(author_pages: dict[str, tuple[str, list[PlacedArticle]]]) -> Page:
    """The authors index: every author with a count, linking to their page; then
    the tags plugin's entries, which the author chips on article pages link to."""
    rows = sorted(author_pages.items(), key=lambda kv: (-len(kv[1][1]), kv[0].casefold()))
    table = ["| Author | Articles |", "| --- | ---: |"] + [
        f"| [{escape(name)}]({path}) | {len(items)} |" for name, (path, items) in rows]
    body = (f"# {AUTHORS_PAGE.title}\n\n{AUTHORS_PAGE.intro} {_count(len(rows), 'named author')}, most articles first.\n\n"
            + "\n".join(table) + f"\n\n## Articles by author\n\n<!-- {AUTHORS_PAGE.directive} -->")
    return Page(AUTHORS_PAGE.path, _with_front_matter({"title": AUTHORS_PAGE.title}, body))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def render_article(site: Site, index: int) -> Page:
    """One article page: front-matter, title, details, and the body as a reader sees it.

    Related articles and the neighbours in the same seed go into the front-matter
    (`related`, `previous`, `next`), where the theme's `partials/related.html`
    shows them below the article; kept out of the body, they stay out of search.
    """
    placed = site.articles[index]
    article = placed.article
    parts = [f"# {escape(article.title)}"]
    body = list(article.body)
    if body and body[0].kind is BlockKind.SUBTITLE:
        parts.append(_render_block(body.pop(0)))
    parts.append(f"{escape(article_details(article))}\n{{ .cb-meta }}")
    parts.extend(_render_block(block) for block in body)
    data = front_matter(article) | _links(site, index)
    return Page(placed.path, _with_front_matter(data, "\n\n".join(parts)))


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
    """A link for the theme to render: title, and URL from the site root."""
    return {"title": item.article.title, "url": item.path.removesuffix(".md") + ".html"}


def article_details(article: Article) -> str:
    """The line under the title: authors, date, length, and where the text comes from."""
    details = []
    if article.authors:
        details.append("By " + _names(article.authors))
    if article.date:
        details.append(article.date)
    details.append(f"{article.words} words, {reading_minutes(article.words)} min read")
    details.append(f"{article.source}, lines {article.first_line}–{article.last_line}")
    return " · ".join(details)


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words at an adult's average pace."""
    return max(1, round(words / WORDS_PER_MINUTE))


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _render_block(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return f"## {escape(block.texts[0])}"
    if block.kind is BlockKind.SUBTITLE:
        return f"{escape(block.texts[0])}\n{{ .cb-subtitle }}"
    if block.kind is BlockKind.BULLET_LIST:
        return "\n".join(f"- {escape(text)}" for text in block.texts)
    if block.kind is BlockKind.NUMBERED_LIST:
        return "\n".join(f"{block.start + i}. {escape(text)}" for i, text in enumerate(block.texts))
    return escape(block.texts[0])


def _with_front_matter(data: dict[str, object], body: str) -> str:
    header = yaml.dump(data, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True, width=2**31 - 1)
    return f"---\n{header}---\n\n{body}\n"


def render_home(site: Site, author_pages: dict[str, tuple[str, list[PlacedArticle]]],
                source_pages: dict[str, tuple[str, list[PlacedArticle]]]) -> Page:
    """The home page: what the corpus is, its counts, themes, the most prolific
    authors (linking to their pages), and the sources (linking to their pages);
    a small corpus also has every article listed under its source."""
    articles = [item.article for item in site.articles]
    themes = Counter(theme for article in articles for theme in article.tags)
    authors = Counter(name for article in articles for name in article.authors)
    lines = [
        f"# {escape(site.title)}",
        "",
        f"**{len(articles)}** articles by **{len(authors)}** [named authors]({AUTHORS_PAGE.path}) "
        f"on **{len(themes)}** [themes]({THEMES_PAGE.path}), split from **{len(site.sources)}** source files. "
        "Search finds articles by title, text, author or theme; or browse below.",
        "",
    ]
    if themes:
        lines += ["## Themes", "", " · ".join(
            f"[{escape(name)}]({THEMES_PAGE.path}#{THEMES_PAGE.anchor(name)}) ({count})"
            for name, count in _by_count(themes)), ""]
    if authors:
        shown = _by_count(authors)[:HOME_MAX_AUTHORS]
        more = f" · [all {len(authors)} authors]({AUTHORS_PAGE.path})" if len(authors) > len(shown) else ""
        lines += ["## Authors", "", " · ".join(
            f"[{escape(name)}]({author_pages[name][0]}) ({count})" for name, count in shown) + more, ""]
    lines += ["## Sources", ""]
    list_articles = len(site.articles) <= HOME_MAX_ARTICLES
    for source, (path, items) in source_pages.items():
        lines += [f"### [{escape(source)}]({path})", "", _count(len(items), "article"), ""]
        if list_articles:
            lines += [_listing_line(item, "index.md") for item in items] + [""]
    return Page("index.md", _with_front_matter({"title": site.title}, "\n".join(lines).rstrip()))


def place_sources(site: Site) -> dict[str, tuple[str, list[PlacedArticle]]]:
    """Each source's page path (named like its articles' folder) and its articles, in seed order."""
    return {source: (f"{SOURCES_DIR}/{seed_slug(source)}.md", list(group))
            for source, group in groupby(site.articles, key=lambda item: item.article.source)}


def render_source(source: str, path: str, items: Sequence[PlacedArticle]) -> Page:
    """A source's page: its articles in the order the seed holds them."""
    lines = [f"# {escape(source)}", "", f"{_count(len(items), 'article')} split from this source, in its order.", ""]
    lines += [_listing_line(item, path) for item in items]
    return Page(path, _with_front_matter({"title": source}, "\n".join(lines)))


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def render_index(index: IndexPage) -> Page:
    """A page where Material's tags plugin lists every theme (or author) with its articles."""
    body = f"# {index.title}\n\n{index.intro}\n\n<!-- {index.directive} -->"
    return Page(index.path, _with_front_matter({"title": index.title}, body))


def _listing_line(item: PlacedArticle, from_path: str) -> str:
    article = item.article
    details = [", ".join(article.authors)] if article.authors else []
    if article.date:
        details.append(article.date)
    suffix = f" — {escape('; '.join(details))}" if details else ""
    return f"- [{escape(article.title)}]({_relative(item.path, from_path)}){suffix}"


def _relative(path: str, from_path: str) -> str:
    """A link from one docs page to another, as MkDocs resolves Markdown links."""
    depth = from_path.count("/")
    return "../" * depth + path
