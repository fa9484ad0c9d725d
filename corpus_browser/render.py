"""Render stage: articles to Markdown pages with YAML front-matter, and the index pages.

All page text is made here. Every piece of seed text goes through `escape`, so
whatever a seed says is shown as that text and never becomes markup: only the
structure the splitter decided on (headings, lists, paragraphs) is Markdown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

import yaml

from .model import Article, Block, BlockKind

#: Characters with inline meaning in Python-Markdown with MkDocs' extensions
#: (tables add `|`, attr_list `{}`, ATX headings strip trailing `#`).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
#: Line starts that open a list, a rule or an ordered list ("1986. A year").
_BLOCK_START = re.compile(r"^(?:([-+])|(\d+)(\.))")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: Longest title part of a page name, in characters.
SLUG_MAX_LENGTH = 60


@dataclass(frozen=True)
class Page:
    """A generated file: its path below the docs folder and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class PlacedArticle:
    """An article with the page path it is written to."""

    article: Article
    path: str
    """Below the docs folder, e.g. `articles/blog/my-title.md`."""


def escape(text: str) -> str:
    """Seed text as Markdown that renders to exactly that text."""
    text = "".join(_HTML_SPECIAL.get(ch, ch) for ch in text)
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", text)


def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """Readable ASCII page name: `Win Customers, Not Arguments!` -> `win-customers-not-arguments`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


def place_articles(articles: Sequence[Article], articles_dir: str) -> tuple[PlacedArticle, ...]:
    """Give each article a page path: a folder per seed, a page per title.

    Names are unique within a seed (a repeated title gets `-2`, `-3` in seed
    order) and depend only on that seed, so changing one seed never renames
    the pages of another.
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
            placed.append(PlacedArticle(article, f"{articles_dir}/{folder}/{name}.md"))
    return tuple(placed)


def seed_slug(source: str) -> str:
    """A seed's folder name: its stem, plus its suffix unless it is `.txt`."""
    stem, _, suffix = source.rpartition(".")
    if not stem:
        stem, suffix = source, ""
    name = stem if suffix.lower() == "txt" else f"{stem}-{suffix}"
    return slugify(name, max_length=80) or "seed"


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


def render_article(placed: PlacedArticle) -> Page:
    """One article page: front-matter, title, and the body as a reader sees it."""
    article = placed.article
    parts = [f"# {escape(article.title)}"]
    body = list(article.body)
    if body and body[0].kind is BlockKind.SUBTITLE:
        parts.append(_render_block(body.pop(0)))
    parts.append(f"{escape(article_details(article))}\n{{ .cb-meta }}")
    parts.extend(_render_block(block) for block in body)
    return Page(placed.path, _with_front_matter(front_matter(article), "\n\n".join(parts)))


def article_details(article: Article) -> str:
    """The line under the title: authors, date, length, and where the text comes from."""
    details = []
    if article.authors:
        details.append("By " + _names(article.authors))
    if article.date:
        details.append(article.date)
    details.append(f"{article.words} words")
    details.append(f"{article.source}, lines {article.first_line}–{article.last_line}")
    return " · ".join(details)


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
    header = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=float("inf"))
    return f"---\n{header}---\n\n{body}\n"


def render_home(placed: Sequence[PlacedArticle], sources: Sequence[str], title: str) -> Page:
    """The home page: what the corpus is, its counts, and every article by seed."""
    articles = [item.article for item in placed]
    authors = {name for article in articles for name in article.authors}
    lines = [
        f"# {escape(title)}",
        "",
        f"This site presents **{len(articles)}** articles split from **{len(sources)}** source files"
        + (f", by **{len(authors)}** named authors" if authors else "")
        + ". Use search to find an article, or browse the sources below.",
        "",
    ]
    by_source = {source: [item for item in placed if item.article.source == source] for source in sources}
    for source in sources:
        items = by_source[source]
        lines += [f"## {escape(source)}", "", f"{len(items)} {'article' if len(items) == 1 else 'articles'}", ""]
        lines += [_listing_line(item, "index.md") for item in items]
        lines.append("")
    return Page("index.md", _with_front_matter({"title": title}, "\n".join(lines).rstrip()))


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
