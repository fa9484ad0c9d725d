"""The build: read, segment, extract, render, write, and a report of what happened.

All data is gathered and rendered first; files are written only at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from .config import BuildConfig
from .errors import CorpusError
from .extract import extract
from .model import Article, LineTally
from .read import read_corpus
from .render import Page, PlacedArticle, place_articles, render_article, render_home
from .segment import segment_corpus
from .write import WriteReport, write_pages

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
    segmented = segment_corpus(corpus.seeds, config.split)
    articles = [
        extract(segment, item.overrides)
        for item in segmented
        for segment in item.segments
    ]
    placed = place_articles(articles, config.articles_dir_name)
    sources = [item.seed.name for item in segmented]
    pages = render_pages(placed, sources, config)
    written = write_pages(config.docs_dir, pages)
    return BuildReport(
        seeds=tuple(_summary(source, articles) for source in sources),
        articles=placed,
        errors=corpus.errors,
        warnings=corpus.warnings,
        written=written,
    )


def render_pages(placed: Sequence[PlacedArticle], sources: Sequence[str], config: BuildConfig) -> list[Page]:
    pages = [render_article(item) for item in placed]
    pages.append(render_home(placed, sources, config.site_title))
    return pages


def _summary(source: str, articles: Sequence[Article]) -> SeedSummary:
    own = [article for article in articles if article.source == source]
    tally = LineTally()
    for article in own:
        tally += article.tally
    return SeedSummary(source, len(own), tally)
