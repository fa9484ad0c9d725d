"""The build: read, segment, extract, render, write, and a report of what happened.

All data is gathered and rendered first; files are written only at the end.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .config import BuildConfig
from .errors import CorpusError
from .authors import AuthorMerge, index_authors
from .extract import extract
from .model import Article, LineTally
from .read import read_corpus, read_taxonomy
from .relate import related_articles
from .render import PlacedArticle, Site, place_articles, render_site
from .report import render_report
from .segment import segment_corpus
from .tag import tag_articles
from .write import WriteReport, write_pages, write_report

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeedSummary:
    """What the build made of one seed."""

    source: str
    articles: int
    tally: LineTally


@dataclass(frozen=True)
class BuildReport:
    """Everything the CLI or the MkDocs hook needs to tell the user."""

    seeds: tuple[SeedSummary, ...]
    articles: tuple[PlacedArticle, ...]
    errors: tuple[CorpusError, ...]
    warnings: tuple[CorpusError, ...]
    written: WriteReport
    merges: tuple[AuthorMerge, ...] = ()
    """Spellings of one author that were merged."""

    def theme_counts(self) -> list[tuple[str, int]]:
        """Each theme with its number of articles, most first."""
        return _counts(theme for item in self.articles for theme in item.article.tags)

    def author_counts(self) -> list[tuple[str, int]]:
        """Each author with their number of articles, most first."""
        return _counts(name for item in self.articles for name in item.article.authors)

    @property
    def ok(self) -> bool:
        return not self.errors


def build(config: BuildConfig) -> BuildReport:
    """Build the article pages and index pages from `config.seeds_dir` into `config.docs_dir`.

    Files that cannot be read are reported in the result and skipped; the rest
    of the corpus is still built. Raises `CorpusError` for problems that make
    the whole build unsafe (a missing seeds folder, a foreign file in the way).
    """
    corpus = read_corpus(config.seeds_dir)
    taxonomy, taxonomy_warnings = read_taxonomy(config.themes_file)
    segmented = segment_corpus(corpus.seeds, config.split)
    extracted = [
        extract(segment, item.overrides)
        for item in segmented
        for segment in item.segments
    ]
    authors = index_authors(extracted)
    tagging = tag_articles(authors.articles, taxonomy)
    articles = tagging.articles
    placed = place_articles(articles, config.articles_dir_name)
    site = Site(
        title=config.site_title,
        sources=tuple(item.seed.name for item in segmented),
        articles=placed,
        related=related_articles(articles),
    )
    written = write_pages(config.docs_dir, render_site(site))
    if config.report_file is not None:
        write_report(config.report_file, render_report(site, tagging, authors.merges))
    return BuildReport(
        seeds=tuple(_summary(source, articles) for source in site.sources),
        articles=placed,
        errors=corpus.errors,
        warnings=corpus.warnings + taxonomy_warnings,
        written=written,
        merges=authors.merges,
    )


def _counts(names: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(names).items(), key=lambda item: (-item[1], item[0]))


def _summary(source: str, articles: Sequence[Article]) -> SeedSummary:
    own = [article for article in articles if article.source == source]
    tally = LineTally()
    for article in own:
        tally += article.tally
    return SeedSummary(source, len(own), tally)
