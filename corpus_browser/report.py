"""The editor's report: why each article got its themes, which spellings of an
author were merged, which phrases no theme covers yet, and which lines of each
seed were set aside. Plain Markdown, written beside the site, never published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .authors import AuthorMerge
from .render import Site
from .tag import Tagging

#: Set-aside lines are shown up to this many characters.
_EXCERPT = 90


def render_report(site: Site, tagging: Tagging, merges: Sequence[AuthorMerge]) -> str:
    sections = [
        "# Corpus report",
        "Written by `build_docs.py` for editors: what the build decided and why. "
        "Fix a split or metadata with a seed's sidecar file, and themes in `themes.yml`.",
        _theme_counts(site),
        _evidence(site, tagging),
        _uncovered(tagging),
        _merges(merges),
        _set_aside(site),
    ]
    return "\n\n".join(sections) + "\n"


def _theme_counts(site: Site) -> str:
    counts = Counter(theme for item in site.articles for theme in item.article.tags)
    rows = [f"| {theme} | {count} |" for theme, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(["## Themes", "", "| Theme | Articles |", "| --- | --- |", *rows])


def _evidence(site: Site, tagging: Tagging) -> str:
    lines = ["## Theme evidence", "",
             "Per article: the themes it got (**bold**) and every theme with a hit, "
             "as hits (phrase × hits; a title hit counts several times)."]
    for item, evidence in zip(site.articles, tagging.evidence):
        article = item.article
        lines += ["", f"### {article.title}", "", f"`{article.source}` lines {article.first_line}–{article.last_line}", ""]
        if not evidence:
            lines.append("- no phrase of any theme occurs")
        for found in evidence:
            name = f"**{found.theme}**" if found.theme in article.tags else found.theme
            phrases = ", ".join(f"{phrase} × {hits}" for phrase, hits in found.phrases)
            lines.append(f"- {name}: {found.hits} ({phrases})")
    return "\n".join(lines)


def _uncovered(tagging: Tagging) -> str:
    lines = ["## Frequent phrases no theme covers", "",
             "Candidates for `themes.yml`, with the number of articles using them."]
    lines += [""] + [f"- {phrase} ({count})" for phrase, count in tagging.uncovered] if tagging.uncovered else ["", "- none"]
    return "\n".join(lines)


def _merges(merges: Sequence[AuthorMerge]) -> str:
    lines = ["## Author spellings merged", ""]
    lines += [f"- {merge.name} ← {', '.join(merge.variants)}" for merge in merges] or ["- none"]
    return "\n".join(lines)


def _set_aside(site: Site) -> str:
    lines = ["## Lines set aside", "", "Not in any article's body: titles, bylines, dates and boilerplate."]
    source = None
    for item in site.articles:
        if item.article.source != source:
            source = item.article.source
            lines += ["", f"### {source}", ""]
        for aside in item.article.set_aside:
            text = aside.text if len(aside.text) <= _EXCERPT else aside.text[:_EXCERPT] + "…"
            span = str(aside.first) if aside.first == aside.last else f"{aside.first}–{aside.last}"
            lines.append(f"- line {span}, {aside.kind.value}: {text}")
    return "\n".join(lines)
