"""An export's items as a split seed: each post an article, as the export
states it (title, subtitle, authors, date, tags, summary), its body written as
safe Markdown; every other item (a page, a draft, an attachment …) set aside
and listed with what it is. The sidecar's corrections apply as to any seed:
an article is the item whose lines hold the fix's line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from corpus_browser.lang.markdown import Piece
from corpus_browser.lang.text import key, word_count
from corpus_browser.model import Article, Format, Overrides, SeedInput, SetAside, SetAsideKind, SplitSeed
from corpus_browser.split.extract import blocks_of, description, fallback_title
from corpus_browser.split.imports.items import ARTICLE_KINDS, Imported, ImportedItem
from corpus_browser.split.markup import html, markdown, plain, wiki

#: Why the lines of an export no item stands on are set aside.
WRAPPER = "the export's own fields and wrapper, no post"


def imported_seed(item: SeedInput, imported: Imported) -> SplitSeed:
    """The seed's articles, one per post of the export. Each non-blank line of the
    export counts once: for the first item standing on it (two may share the line
    where one ends and the next begins), or, where none does, as the export's own
    fields and wrapper, set aside."""
    seed, overrides = item.seed, item.overrides
    owned = _owned_lines(seed.lines, imported.items)
    posts = [(entry, len(lines)) for entry, lines in zip(imported.items, owned) if entry.kind in ARTICLE_KINDS]
    others = [(entry, lines) for entry, lines in zip(imported.items, owned) if entry.kind not in ARTICLE_KINDS]
    articles = tuple(imported_article(seed.name, entry, overrides, count) for entry, count in posts)
    taken = {n for lines in owned for n in lines}
    wrapper = [(*run, WRAPPER) for run in _runs(n for n, line in enumerate(seed.lines, 1)
                                                if line.strip() and n not in taken)]
    matter = tuple(SetAside(first, last, SetAsideKind.BOILERPLATE, reason) for first, last, reason in sorted(
        [*wrapper, *((*run, _aside(entry)) for entry, lines in others for run in _runs(lines))]))
    matter_lines = tuple(sorted((entry.first_line, entry.last_line, _aside(entry)) for entry, _lines in others))
    reasons = tuple(f"item of the export ({entry.kind})" for entry, _count in posts)
    return SplitSeed(seed.name, Format.EXPORT, _evidence(imported, len(posts), [entry for entry, _ in others]),
                     overrides, articles, matter, matter_lines, None, reasons, len(seed.lines))


def _owned_lines(lines: Sequence[str], items: Sequence[ImportedItem]) -> list[list[int]]:
    """For each item, the non-blank lines (1-based) it is the first to stand on."""
    taken: set[int] = set()
    owned: list[list[int]] = [[] for _ in items]
    for index in sorted(range(len(items)), key=lambda i: (items[i].first_line, i)):
        entry = items[index]
        mine = [n for n in range(entry.first_line, min(entry.last_line, len(lines)) + 1)
                if n not in taken and lines[n - 1].strip()]
        taken.update(mine)
        owned[index] = mine
    return owned


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending line numbers as runs of consecutive lines."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _evidence(imported: Imported, posts: int, others: list[ImportedItem]) -> str:
    """What was read: the importer, the items, the posts among them, and the other kinds counted."""
    counts = Counter(entry.kind for entry in others)
    aside = "; set aside: " + ", ".join(f"{count} {kind}{'' if count == 1 or kind.endswith('s') else 's'}"
                                        for kind, count in sorted(counts.items())) if counts else ""
    notes = "; " + "; ".join(imported.notes) if imported.notes else ""
    return f"{imported.importer}: {len(imported.items)} items, {posts} posts{aside}{notes}"


def _aside(entry: ImportedItem) -> str:
    return f"{_a(entry.kind)}, not a post: {entry.title or '(untitled)'}"


def imported_article(source: str, entry: ImportedItem, overrides: Overrides, prose_lines: int) -> Article:
    """One post of an export as an article, with the sidecar's fix for it applied;
    `prose_lines` counts the non-blank lines of the export it stands on."""
    pieces = _without_title(_converted(entry), entry.title)
    body = blocks_of(pieces)
    title, authors, date = entry.title.strip() or fallback_title(body), entry.authors, entry.date
    fix = next((fix for fix in overrides.articles if entry.first_line <= fix.line <= entry.last_line), None)
    if fix is not None:
        title = fix.title or title
        authors = fix.authors if fix.authors is not None else authors
        date = fix.date or date
    return Article(
        source=source, title=title, subtitle=entry.subtitle, authors=authors or overrides.authors, date=date,
        description=entry.summary or description(body), first_line=entry.first_line, last_line=entry.last_line,
        words=sum(word_count(text) for block in body for text in block.texts), body=body, set_aside=(),
        prose_lines=prose_lines,
        source_tags=tuple(dict.fromkeys([*entry.tags, *overrides.tags])))


def _converted(entry: ImportedItem) -> list[Piece]:
    """The item's body as safe Markdown, read in its markup."""
    if entry.markup == "markdown":
        return markdown.convert(entry.body)
    if entry.markup == "text":
        return plain.convert(entry.body)
    if entry.markup == "wiki":
        return wiki.convert(entry.body)
    return html.convert(entry.body, entry.address)


def _without_title(pieces: list[Piece], title: str) -> list[Piece]:
    """The body without a first heading that repeats the title (a page's `<h1>`, Medium's title block)."""
    if pieces and pieces[0].kind == "heading" and title and key(pieces[0].texts[0]) == key(title):
        return pieces[1:]
    return pieces


def _a(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind
