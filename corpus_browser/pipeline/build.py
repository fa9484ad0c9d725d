"""The build: read, segment, extract, index authors, tag, relate, render, write.

All data is gathered and rendered first; files are written only at the end.
`gather` does everything but the writing, for commands that only read the
corpus (such as `search`).
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from corpus_browser.config import BuildConfig
from corpus_browser.enrich.authors import index_authors
from corpus_browser.enrich.language import corpus_languages, site_language
from corpus_browser.enrich.models import apply_models
from corpus_browser.enrich.relate import Relations, relate
from corpus_browser.enrich.source_tags import with_source_tags
from corpus_browser.errors import CorpusError, SeedError
from corpus_browser.model import BuildReport, Corpus, Derivations, LineTally, SeedSummary, Site, SplitSeed, Taxonomy
from corpus_browser.pipeline.models import ENRICHED_KIND, MODELS_KIND, ModelMemory, enriched_corpus, used_entries
from corpus_browser.pipeline.seedwork import SeedMemory, split_seeds
from corpus_browser.site.memo import RenderMemo
from corpus_browser.site.render import place_articles, render_site
from corpus_browser.site.report import render_report
from corpus_browser.source.seeds import SeedScan, scan_seeds
from corpus_browser.source.taxonomy import read_taxonomy
from corpus_browser.split.explain import explain_seed
from corpus_browser.store.cache import SeedCache
from corpus_browser.store.freshness import code_digest
from corpus_browser.store.write import output_lock, write_pages, write_report

log = logging.getLogger(__name__)

#: The cache entry kind of the remembered pages (`remembered_pages`).
_PAGES = "pages"


#: Told the name of each stage as it starts, e.g. to move a progress bar.
StageListener = Callable[[str], None]
#: The stages in the order `build` announces them.
STAGES = ("reading", "splitting", "indexing authors", "tagging", "relating", "rendering", "writing")


def _silent(stage: str) -> None:
    """The default listener: says nothing."""


@dataclass
class BuildMemory:
    """What a caller that builds again and again (`mkdocs serve`) keeps in memory from
    one build to the next: each seed's split, the models and what they made of each
    seed, and the related lists (each also kept in the cache folder but the last)."""

    seeds: SeedMemory = field(default_factory=SeedMemory)
    models: ModelMemory = field(default_factory=ModelMemory)
    relations: Relations | None = None
    authored: Derivations = field(default_factory=Derivations)
    """The articles with their authors' names as indexed, ..."""
    tagged: Derivations = field(default_factory=Derivations)
    """... with their themes, ..."""
    own_tagged: Derivations = field(default_factory=Derivations)
    """... with their source's tags, ..."""
    placed: Derivations = field(default_factory=Derivations)
    """... and placed: the same objects while nothing about them changed (`Derivations`)."""


def gather(config: BuildConfig, on_stage: StageListener = _silent, taxonomy: Taxonomy | None = None,
           store: SeedCache | None = None, scan: SeedScan | None = None) -> Corpus:
    """Read and process the corpus, writing nothing but, given a `store`, what
    it made of each seed and the corpus-wide models, for the next build
    (`seedwork.py`, `pipeline/models.py`); without one, the models are fitted
    to the corpus as it is.

    Files that cannot be read are reported in the result and skipped. Raises
    `CorpusError` for problems that stop everything (no seeds folder, a broken
    taxonomy). A `taxonomy` or `scan` of the seeds folder given here is used
    instead of reading `config.themes_file` or listing `config.seeds_dir`.
    """
    return _gather(config, on_stage, taxonomy, store, scan)


def _gather(config: BuildConfig, on_stage: StageListener, taxonomy: Taxonomy | None, store: SeedCache | None,
            scan: SeedScan | None, memory: BuildMemory | None = None, refit: bool = False) -> Corpus:
    on_stage("reading")
    if scan is None:
        scan = scan_seeds(config.seeds_dir, config.follow_symlinks)
    if taxonomy is None:
        taxonomy = read_taxonomy(config.themes_file)
    memory = memory if memory is not None else BuildMemory()
    on_stage("splitting")
    split = split_seeds(scan, config.split, code_digest(), store, config.workers, config.follow_symlinks,
                        memory.seeds, config.language)
    extracted = [article for seed in split.seeds for article in seed.articles]
    on_stage("indexing authors")
    authors = index_authors(extracted, memory.authored)
    on_stage("tagging")
    enriched = enriched_corpus(split.seeds, split.words, split.keys, authors.articles, taxonomy,
                               corpus_languages(extracted), store, memory.models, refit)
    themes = apply_models(enriched.models, authors.articles, enriched.seeds, taxonomy, memory.tagged)
    tagged = with_source_tags(themes.tagging.articles, config.source_tags, memory.own_tagged)
    on_stage("relating")
    memory.relations = relate(memory.relations, enriched.models.words, [seed.vectors for seed in enriched.seeds],
                              [digest for seed in enriched.seeds for digest in seed.digests],
                              [frozenset(article.tags) for article in tagged])
    site = Site(
        title=config.site_title,
        sources=tuple(seed.name for seed in split.seeds),
        articles=place_articles(tagged, config.articles_dir_name, memory.placed),
        related=memory.relations.related,
        description=config.site_description,
        source_titles={seed.name: seed.overrides.title for seed in split.seeds if seed.overrides.title},
        url=config.site_url,
        source_url=config.source_url,
        language=site_language(extracted, config.language),
    )
    seeds = tuple(_summary(seed) for seed in split.seeds)
    doubts = tuple(_doubt(seed, config.seeds_dir) for seed in split.seeds if seed.doubts)
    return Corpus(site, themes, authors.merges, seeds, split.errors, split.warnings, doubts, enriched.notice)


def _doubt(seed: SplitSeed, seeds_dir: Path) -> SeedError:
    """A warning naming a seed whose split still looks wrong after every reading
    was weighed, with why and the command that shows more."""
    return SeedError(str(seeds_dir / seed.name), f"its split may be wrong ({'; '.join(seed.doubts)}): "
                                                 f"`python build_docs.py explain {seed.name}` shows the readings "
                                                 f"weighed; a hint in its sidecar fixes it (README, Fix a bad split)")


def _summary(seed: SplitSeed) -> SeedSummary:
    # (each line once: a run-in title shares its line with the text after it)
    matter = len({line for aside in seed.matter for line in range(aside.first, aside.last + 1)})
    tally = sum((article.tally for article in seed.articles), LineTally(boilerplate=matter))
    return SeedSummary(seed.name, seed.format.value, len(seed.articles), tally, seed.format_evidence,
                       seed.matter_lines, seed.doubts)


def explain(config: BuildConfig, seed_name: str) -> str:
    """How the seed named `seed_name` (a file in the seeds folder) is split, for `build_docs.py explain`:
    split as the build splits it, with the whole corpus (boilerplate is judged across every seed).
    Raises `CorpusError` when there is no such seed or it cannot be read."""
    split = split_seeds(scan_seeds(config.seeds_dir, config.follow_symlinks), config.split, code_digest(),
                        follow_symlinks=config.follow_symlinks, language=config.language)
    wanted = _seed_named(seed_name, config.seeds_dir, [seed.name for seed in split.seeds])
    for error in (*split.errors, *split.warnings):
        if Path(error.path) in (config.seeds_dir / wanted, Path(wanted)):
            raise error
    found = next((seed for seed in split.seeds if seed.name == wanted), None)
    if found is None:
        raise CorpusError(str(config.seeds_dir / wanted), "no such seed in the seeds folder")
    return explain_seed(found)


def _seed_named(name: str, seeds_dir: Path, names: Sequence[str]) -> str:
    """The seed a user names: by its path below the seeds folder (`blog/post.md`), by that
    path with the folder in front (`seeds/blog/post.md`), or by its file name alone where
    only one seed has it."""
    path = Path(name)
    if path.is_relative_to(seeds_dir):
        path = path.relative_to(seeds_dir)
    wanted = path.as_posix()
    if wanted in names:
        return wanted
    alike = [found for found in names if Path(found).name == path.name]
    return alike[0] if len(alike) == 1 else wanted


def build(config: BuildConfig, inputs: str | None = None, on_stage: StageListener = _silent,
          memo: RenderMemo | None = None, memory: BuildMemory | None = None, refit: bool = False,
          fresh: bool = False) -> BuildReport:
    """Build the article and index pages from `config.seeds_dir` into `config.docs_dir`,
    and the editor's report. Raises `CorpusError` when writing would be unsafe
    (a file the build did not generate stands in the way, a path outside the
    docs folder, another build that does not finish) or fails (a full disk).

    `inputs` is the digest of the inputs taken before reading them
    (`freshness.input_digest`); a clean build records it so that the next run
    can tell nothing changed. `refit` fits the corpus-wide models again
    (`pipeline/models.py`) however little the corpus changed.

    The pages of the last build are remembered (`memo.py`), so that only those
    whose inputs changed are rendered again: in the cache folder by default,
    or in the `memo` given (`mkdocs serve` keeps one from save to save, and
    writes none to disk: a save should cost no more than it must). What was
    made of each seed is kept in the cache folder, and in the `memory` given.
    A `fresh` build (`build_docs.py --force`) reads neither: it makes every
    seed's work and every page again, fits the corpus-wide models again (none
    are read), and keeps them for the next build (a seed that cannot be used
    then has no last good pages to keep).
    """
    # What stops everything (no seeds folder, a broken taxonomy) stops it before the docs folder is made.
    scan = scan_seeds(config.seeds_dir, config.follow_symlinks)
    taxonomy = read_taxonomy(config.themes_file)
    memory = memory if memory is not None else BuildMemory()
    with output_lock(config.docs_dir):
        store = SeedCache(config.docs_dir, read=not fresh)
        with _collector_paused():
            remembered = memo if memo is not None else RenderMemo() if fresh else remembered_pages(config.docs_dir)
            corpus = _gather(config, on_stage, taxonomy, store, scan, memory, refit)
            on_stage("rendering")
            pages = render_site(corpus.site, remembered)
            report = render_report(corpus.site, corpus.themes, corpus.merges, corpus.seeds) \
                if config.report_file is not None else None
        on_stage("writing")
        if memo is None:
            store.put_value(_pages_entry(), remembered.kept)
            store.keep_only({_pages_entry()}, (_PAGES,))  # those of other versions of the code
        # Doubts are advice the same inputs give again: a build with them is complete (but under --strict).
        complete = not corpus.errors and not corpus.warnings and not (config.strict and corpus.doubts)
        if complete:  # the models and seeds of other versions of the code and of earlier fits
            store.keep_only(used_entries(memory.models), (MODELS_KIND, ENRICHED_KIND))
        if report is not None:
            write_report(config.report_file, report)
        written = write_pages(config.docs_dir, pages, inputs if complete else None)
    return BuildReport(corpus, written)


def remembered_pages(docs_dir: Path) -> RenderMemo:
    """The pages the last build of this code rendered into `docs_dir`, by what they
    were made from (empty when there are none, or they cannot be read).

    They are page text, taken as it is: like the pages themselves, they are
    trusted only as far as the docs folder that holds them."""
    kept = SeedCache(docs_dir).value(_pages_entry(), dict) or {}
    if not all(isinstance(text, str) for text in kept.values()):
        log.info("%s: the remembered pages are not page text; every page is rendered", docs_dir)
        kept = {}
    return RenderMemo(kept)


def _pages_entry() -> str:
    """The cache entry of the remembered pages: one per version of the code, which makes them."""
    return hashlib.sha256(f"rendered pages\n{code_digest()}".encode()).hexdigest() + f".{_PAGES}"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: the stages build millions of
    small objects and no reference cycles, so its passes are pure cost (about
    a tenth of a 10,000-article build). Memory is freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

