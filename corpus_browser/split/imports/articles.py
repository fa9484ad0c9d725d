"""An export's items as a split seed: each post an article, as the export
states it (title, authors, date, tags, summary), its body converted to safe
Markdown; every other item (a page, a draft, an attachment …) set aside and
listed with what it is. The sidecar's corrections apply as to any seed: an
article is the item whose lines hold the fix's line."""

from __future__ import annotations

from corpus_browser.lang.text import word_count
from corpus_browser.model import Article, Format, Overrides, SeedInput, SetAside, SetAsideKind, SplitSeed
from corpus_browser.split.extract import blocks_of, description, fallback_title
from corpus_browser.split.imports import ARTICLE_KINDS, Imported, ImportedItem
from corpus_browser.split.markup import html, markdown


def imported_seed(item: SeedInput, imported: Imported) -> SplitSeed:
    """The seed's articles, one per post of the export."""
    seed, overrides = item.seed, item.overrides
    posts = [entry for entry in imported.items if entry.kind in ARTICLE_KINDS]
    others = [entry for entry in imported.items if entry.kind not in ARTICLE_KINDS]
    articles = tuple(imported_article(seed.name, entry, overrides) for entry in posts)
    matter = tuple(SetAside(entry.first_line, entry.last_line, SetAsideKind.BOILERPLATE, entry.title)
                   for entry in others)
    matter_lines = tuple(sorted((entry.first_line, entry.last_line, f"{_a(entry.kind)}, not a post")
                                for entry in others))
    evidence = f"{imported.importer}: {len(posts)} posts" + (f", {len(others)} other items" if others else "")
    reasons = tuple(f"item of the export ({entry.kind})" for entry in posts)
    return SplitSeed(seed.name, Format.EXPORT, evidence, overrides, articles, matter, matter_lines, None, reasons,
                     len(seed.lines))


def imported_article(source: str, entry: ImportedItem, overrides: Overrides) -> Article:
    """One post of an export as an article, with the sidecar's fix for it applied."""
    body = blocks_of(markdown.convert(entry.body) if entry.markdown else html.convert(entry.body))
    title, authors, date = entry.title.strip() or fallback_title(body), entry.authors, entry.date
    fix = next((fix for fix in overrides.articles if entry.first_line <= fix.line <= entry.last_line), None)
    if fix is not None:
        title = fix.title or title
        authors = fix.authors if fix.authors is not None else authors
        date = fix.date or date
    return Article(
        source=source, title=title, subtitle=None, authors=authors or overrides.authors, date=date,
        description=entry.summary or description(body), first_line=entry.first_line, last_line=entry.last_line,
        words=sum(word_count(text) for block in body for text in block.texts), body=body, set_aside=(),
        prose_lines=entry.last_line - entry.first_line + 1,
        source_tags=tuple(dict.fromkeys([*entry.tags, *overrides.tags])))


def _a(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind
