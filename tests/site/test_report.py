"""The editor's report: where the themes come from, the fit, the discovered themes and the proposal."""

from __future__ import annotations

import re
from dataclasses import replace

from helpers import UNRELATED, planted

from corpus_browser.config import BuildConfig
from corpus_browser.enrich.discover import choose_themes
from corpus_browser.model import Site, Taxonomy
from corpus_browser.pipeline.build import gather
from corpus_browser.site.render import place_articles
from corpus_browser.site.report import render_report


def report_for(articles, taxonomy: Taxonomy) -> str:
    choice = choose_themes(articles, taxonomy)
    tagged = choice.tagging.articles
    site = Site(title="T", sources=("seed.md",), articles=place_articles(tagged, "articles"),
                related=tuple(() for _ in tagged))
    return render_report(site, choice, ())


def test_report_of_discovered_themes_has_no_fit_and_shows_each_articles_shares():
    articles, _ = planted()
    report = report_for(articles, Taxonomy(auto=True))
    assert "Discovered in the corpus (`themes: auto`, or no `themes.yml`)." in report
    assert "## Taxonomy fit" not in report and "## Frequent phrases no theme covers" not in report
    assert "## Proposed themes.yml\n" in report and "```yaml\n# Themes discovered in this corpus" in report
    assert report.count("%\n") >= len(articles), "every article lists its discovered themes' shares"


def test_report_of_a_poorly_fitting_taxonomy_says_why_and_what_replaced_it():
    articles, _ = planted()
    report = report_for(articles, UNRELATED)
    assert "Discovered in the corpus: the written taxonomy fits it poorly (see *Taxonomy fit*)." in report
    assert "**Poor**: only 0% of the articles are about one of its themes (60% should be)" in report
    assert "| Coverage | 0% |" in report


def test_a_pipe_in_a_title_does_not_break_the_discovered_themes_table():
    articles, _ = planted()
    articles = [replace(item, title=f"A | B {i}") for i, item in enumerate(articles)]
    report = report_for(articles, Taxonomy(auto=True))
    rows = [line for line in report.splitlines() if line.startswith("| ") and "“A \\| B" in line]
    assert len(rows) == 3 and all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)


def test_report_gives_each_seeds_format_and_front_and_back_matter(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "\n\n\n\n".join(f"TALE {n}\n\n{'word ' * 80}end." for n in ("ONE", "TWO", "THREE"))
    (seeds / "book.txt").write_text(f"A Book\n\n*** START OF THE BOOK ***\n\n\n\n{body}\n\n*** END OF THE BOOK ***\n"
                                    "Licence.\n", encoding="utf-8")
    (seeds / "notes.md").write_text("# One\n\nText.\n\n# Two\n\nText.\n", encoding="utf-8")
    corpus = gather(BuildConfig(seeds_dir=seeds, themes_file=tmp_path / "none.yml"))
    report = render_report(corpus.site, corpus.themes, corpus.merges, corpus.seeds)
    assert "- `book.txt`: text (no markup found; read as text by its suffix .txt), 3 articles" in report
    assert "    - lines 1–3: front wrapper, up to a framed marker line" in report
    assert "    - lines 23–24: back wrapper, from a framed marker line" in report
    assert "- `notes.md`: markdown (2 `#` headings" in report
