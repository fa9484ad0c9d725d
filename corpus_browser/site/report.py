"""The editor's report: where the themes come from and how well the written
taxonomy fits, the themes discovered in the corpus with a ready-to-edit
`themes.yml` made of them, why each article got its themes, which spellings of
an author were merged, which phrases no theme covers yet, and which lines of
each seed were set aside. Plain Markdown, written beside the site, never published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import yaml

from corpus_browser.model import Article, AuthorMerge, Discovery, SeedSummary, Site, Tagging, ThemeChoice

#: Set-aside lines are shown up to this many characters.
_EXCERPT = 90
#: Example titles shown per discovered theme.
EXAMPLE_TITLES = 3


def render_report(site: Site, themes: ThemeChoice, merges: Sequence[AuthorMerge],
                  seeds: Sequence[SeedSummary] = ()) -> str:
    articles = [item.article for item in site.articles]
    sections = [
        "# Corpus report",
        "Written by `build_docs.py` for editors: what the build decided and why. "
        "Fix a split or metadata with a seed's sidecar file, and themes in `themes.yml`.",
        *([_seeds(seeds)] if seeds else []),
        _theme_counts(site, themes),
        *([_fit(themes)] if themes.fit is not None else []),
        _discovered(articles, themes.discovery),
        _proposal(articles, themes.discovery),
        _discovered_evidence(site, themes.discovery) if themes.discovered else _evidence(site, themes.tagging),
        *([_uncovered(themes.tagging)] if themes.fit is not None else []),
        _merges(merges),
        _set_aside(site),
    ]
    return "\n\n".join(sections) + "\n"


def _seeds(seeds: Sequence[SeedSummary]) -> str:
    """How each seed was read: its format and why, its articles, and the front and
    back matter set aside (`build_docs.py explain SEED` tells more)."""
    lines = ["## Seeds", "", "Each seed's format, as its content shows it, and what was set aside as front or "
             "back matter. `python build_docs.py explain SEED` shows how a seed was split.", ""]
    for seed in seeds:
        count = f"{seed.articles} article{'' if seed.articles == 1 else 's'}"
        lines.append(f"- `{seed.source}`: {seed.format} ({seed.format_evidence}), {count}")
        if seed.doubts:
            lines.append(f"    - **its split may be wrong**: {'; '.join(seed.doubts)}")
        lines += [f"    - lines {first}–{last}: {reason}" if first != last else f"    - line {first}: {reason}"
                  for first, last, reason in seed.matter]
    return "\n".join(lines)


def propose_taxonomy(articles: Sequence[Article], discovery: Discovery) -> str:
    """A `themes.yml` made of the discovered themes, one line per theme, ready to edit."""
    lines = [
        "# Themes discovered in this corpus by `python build_docs.py themes --propose`.",
        "# One line per theme: its name, then the phrases that signal it (see README, Themes).",
        "# Rename a theme: edit its name. Merge two: add ` > ` and the other's name to one's",
        "# name (`Peasant > Old Woman: [...]`). Drop a theme: delete its line.",
        "themes:" if discovery.themes else "themes: auto  # no themes found: too few articles, or nothing distinctive",
    ]
    for theme in discovery.themes:
        examples = "; ".join(_quoted(articles[i].title) for i in theme.articles[:EXAMPLE_TITLES])
        lines.append(f"  # {len(theme.articles)} articles, e.g. {examples}")
        entry = yaml.safe_dump({theme.name: list(theme.phrases)}, default_flow_style=None, width=float("inf"),
                               allow_unicode=True, sort_keys=False)
        lines.append("  " + entry.rstrip("\n"))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` in a title must not end the cell."""
    return text.replace("|", "\\|")


def _quoted(title: str) -> str:
    return "“" + " ".join(title.split()) + "”"


def _theme_counts(site: Site, themes: ThemeChoice) -> str:
    counts = Counter(theme for item in site.articles for theme in item.article.tags)
    rows = [f"| {theme} | {count} |" for theme, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if themes.fit is None:
        source = "Discovered in the corpus (`themes: auto`, or no `themes.yml`)."
    elif themes.discovered:
        source = "Discovered in the corpus: the written taxonomy fits it poorly (see *Taxonomy fit*)."
    else:
        source = "From the written taxonomy (`themes.yml`)."
    tagged = sum(1 for item in site.articles if item.article.source_tags)
    if tagged:
        source += (f" {tagged:,} of {len(site.articles):,} articles ({tagged / len(site.articles):.0%}) carry tags "
                   "of their own source's (front matter, Org tags, a sidecar's `tags:`), as the plugin's "
                   "`source_tags` setting says.")
    return "\n".join(["## Themes", "", source, "", "| Theme | Articles |", "| --- | --- |", *rows])


def _fit(themes: ThemeChoice) -> str:
    fit = themes.fit
    verdict = ("**Poor**: " + "; ".join(fit.problems) + ".") if fit.poor else "**Good**: it is used as written."
    return "\n".join([
        "## Taxonomy fit", "",
        f"How well `themes.yml` fits this corpus. {verdict}", "",
        "| Measure | Value | What it means |",
        "| --- | --- | --- |",
        f"| Coverage | {fit.coverage:.0%} | articles whose strongest theme has at least "
        f"{fit.hits_per_1000_words:g} hits per 1,000 words: themes they are about |",
        f"| Evenness | {fit.evenness:.2f} | how evenly the articles spread over the themes (1 even, 0 all on one) |",
        f"| Separation | {fit.separation:.2f} | how much more alike articles sharing a theme are than any two "
        f"(1 = no more); the discovered themes reach {fit.discovered:.2f} |",
    ])


def _discovered(articles: Sequence[Article], discovery: Discovery) -> str:
    lines = ["## Discovered themes", "",
             "Groups of articles that share distinctive vocabulary, found in the corpus itself, "
             "each named by its most telling phrase."]
    if not discovery.themes:
        return "\n".join(lines + ["", "- none: too few articles, or nothing distinctive"])
    lines += ["", "| Theme | Articles | Phrases | For example |", "| --- | --- | --- | --- |"]
    for theme in discovery.themes:
        examples = "; ".join(_quoted(articles[i].title) for i in theme.articles[:EXAMPLE_TITLES])
        lines.append(f"| {theme.name} | {len(theme.articles)} | {', '.join(theme.phrases)} | {_cell(examples)} |")
    return "\n".join(lines)


def _proposal(articles: Sequence[Article], discovery: Discovery) -> str:
    return "\n".join([
        "## Proposed themes.yml", "",
        "The discovered themes as a taxonomy to edit; `python build_docs.py themes --propose > themes.yml` writes it.",
        "", "```yaml", propose_taxonomy(articles, discovery).rstrip("\n"), "```",
    ])


def _discovered_evidence(site: Site, discovery: Discovery) -> str:
    lines = ["## Theme evidence", "",
             "Per article: its discovered themes, each with its share of the article's theme weight."]
    for item, shares in zip(site.articles, discovery.shares):
        article = item.article
        lines += ["", f"### {article.title}", "", f"`{article.source}` lines {article.first_line}–{article.last_line}", ""]
        lines += [f"- **{name}**: {share:.0%}" for name, share in shares] or ["- no discovered theme"]
    return "\n".join(lines)


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
