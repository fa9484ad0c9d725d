"""`build_docs.py explain SEED`: how one seed was read, for an editor fixing a split.

It tells the seed's format and the evidence for it, the kinds of headings
found and the one taken for articles, what the articles' headers hold, the
front and back matter set aside, and for each article where it starts, why,
and what was read from it. Line numbers are the seed's own, as a sidecar
(`seeds/NAME.yml`) takes them.
"""

from __future__ import annotations

from collections import Counter

from corpus_browser.model import Format, Reading, SetAsideKind, SplitSeed

#: Set-aside text is quoted up to this many characters.
_EXCERPT = 70


def explain_seed(item: SplitSeed) -> str:
    """The explanation of one seed's split, as plain text."""
    if item.format is Format.EXPORT:
        return _explain_export(item)
    layout, articles = item.layout, item.articles
    lines = [f"{item.name}: {item.line_count} lines, {len(articles)} articles",
             f"format: {item.format.value} ({item.format_evidence})"]
    if len(item.readings) > 1 or item.doubts:
        lines += ["", "readings weighed (the first taken; each with the self-check's score and doubts):"]
        lines += [f"  {'->' if n == 0 else '  '} {_reading(reading)}" for n, reading in enumerate(item.readings)]
    lines += ["", "headings found:"]
    for level in layout.levels if layout else ():
        mark = "->" if level.chosen else "  "
        lines.append(f"  {mark} {level.shape}: {level.count}, e.g. {_quote(level.example)}")
    if layout and not any(level.chosen for level in layout.levels):
        lines.append("  (no level divides the seed; articles start at breaks and at confirmed headings)")
    if layout and layout.article_break is not None:
        lines.append(f"article break: {layout.article_break} blank lines before a title")
    lines += ["", "under the titles: " + _template(item)]
    lines += ["", "front and back matter (set aside as boilerplate):"]
    lines += [f"  lines {_span(first, last)}: {reason}" for first, last, reason in item.matter_lines] or ["  none"]
    lines += ["", "articles (line range: title - authors, date; why it starts there):", *_articles(item)]
    return "\n".join(lines) + "\n"


def _explain_export(item: SplitSeed) -> str:
    """An export's reading: the importer, its items, the posts taken and the items set aside.
    Lines are the file's own (a zip's: its listing of files)."""
    importer, _, counts = item.format_evidence.partition(": ")
    lines = [f"{item.name}: {item.line_count} lines, {len(item.articles)} articles",
             f"format: export, read item by item (never split) as: {importer}", f"items: {counts}",
             "", "items set aside (not articles):"]
    lines += [f"  lines {_span(first, last)}: {reason}" for first, last, reason in item.matter_lines] or ["  none"]
    lines += ["", "articles (line range: title - authors, date; tags; what the export says it is):"]
    lines += _articles(item, tags=True)
    return "\n".join(lines) + "\n"


def _articles(item: SplitSeed, tags: bool = False) -> list[str]:
    lines = []
    for reason, article in zip(item.reasons, item.articles):
        details = ", ".join(filter(None, [" and ".join(article.authors), article.date]))
        lines.append(f"  {_span(article.first_line, article.last_line)}: {article.title}"
                     + (f" - {details}" if details else "")
                     + (f"; tags: {', '.join(article.source_tags)}" if tags and article.source_tags else ""))
        lines.append(f"      {reason}")
    return lines


#: Metadata lines set aside under the titles, by the name `explain` gives them.
_METADATA_KINDS = {SetAsideKind.BYLINE: "bylines", SetAsideKind.DATE: "dates", SetAsideKind.HEADER: "headers"}


def _template(item: SplitSeed) -> str:
    """What the articles' headers hold: how many articles have each kind of metadata."""
    found: Counter[str] = Counter()
    for article in item.articles:
        kinds = {_METADATA_KINDS[aside.kind] for aside in article.set_aside if aside.kind in _METADATA_KINDS}
        if article.authors and not kinds & {"bylines", "headers"}:
            kinds.add("authors named in the title or a credit")
        found.update(kinds)
    if not found:
        return "no bylines, dates or header fields"
    return ", ".join(f"{kind} in {count} of {len(item.articles)} articles" for kind, count in sorted(found.items()))


def _reading(reading: Reading) -> str:
    level = f", article level {reading.deeper} rank{'s' if reading.deeper > 1 else ''} deeper" if reading.deeper else ""
    level += "" if reading.records else ", no block of fields opening a document"
    doubts = "; ".join(reading.reasons) or "looks right"
    return f"{reading.format.value}{level}: {reading.pieces} pieces, score {reading.score:.1f} ({doubts})"


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _quote(text: str) -> str:
    return f'"{text[:_EXCERPT]}…"' if len(text) > _EXCERPT else f'"{text}"'
