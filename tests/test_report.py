"""The editor's report: where the themes come from, the fit, the discovered themes and the proposal."""

from __future__ import annotations

import re
from dataclasses import replace

from test_discover import UNRELATED, planted

from corpus_browser.discover import choose_themes
from corpus_browser.render import Site, place_articles
from corpus_browser.report import render_report
from corpus_browser.taxonomy import Taxonomy


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
