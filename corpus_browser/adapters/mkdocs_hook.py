"""MkDocs hook: run the article build before MkDocs reads `docs/`, make authors
searchable, tell the templates which search engine the site uses, show
editors where an article comes from under `mkdocs serve`, and on a hosted
site (Material's search off) index the articles with Pagefind in the same build.
Under `mkdocs serve`, one save makes one build, and MkDocs re-renders only the
pages the save changed when that gives the site a full build would (`live.py`).

Listed under `hooks:` in mkdocs.yml. Seeds are read from `seeds/` beside
mkdocs.yml (or the folder named by `extra.seeds_dir`). Problems with single
files are logged (so `mkdocs build --strict` fails on them) and the rest is
built. A problem that stops the article build (a broken taxonomy, a foreign
file in the way) stops `mkdocs build` with a one-line message; under `mkdocs
serve` it is logged and the site is served as it was, so the server never
hangs and picks the build up again once the file is fixed.

Page titles, descriptions, author and theme names stay plain text in
`page.meta`: the templates in `overrides/` escape them where they meet markup.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from corpus_browser.adapters.live import (
    DocsWatch,
    SearchEntries,
    SiteShape,
    listing_plugins,
    patch_serve_build,
    watch_docs,
)
from corpus_browser.adapters.pagefind import write_search_index
from corpus_browser.config import BuildConfig, site_settings
from corpus_browser.enrich.discover import poor_fit_notice
from corpus_browser.errors import CorpusError
from corpus_browser.pipeline.build import build, remembered_pages
from corpus_browser.pipeline.seedwork import SeedMemory
from corpus_browser.site.memo import RenderMemo
from corpus_browser.site.render import SEARCH_RECORDS
from corpus_browser.store.freshness import input_digest, is_up_to_date

log = logging.getLogger("mkdocs.hooks.corpus_browser")

#: The MkDocs command running: "serve", "build" or "gh-deploy". Set once, on
#: startup: MkDocs loads a hook module once per process, so it holds through
#: every rebuild of `mkdocs serve` (tests/test_trust_boundaries.py checks it).
_command = {"name": "build"}


class _Serving:
    """What `mkdocs serve` keeps from one build to the next (see `live.py`)."""

    watch: DocsWatch | None = None
    shape: SiteShape | None = None
    """The site's shape at the last build that MkDocs finished."""
    next_shape: SiteShape | None = None
    """The site's shape for the build in progress."""
    prepared: MkDocsConfig | None = None
    """The config of the build whose article build has run already, before MkDocs' build started."""
    dirty = False
    search = SearchEntries()
    memo: RenderMemo | None = None
    seeds = SeedMemory()
    """What the last article build made of each seed."""
    """The pages of the last article build (at first, those the last build left in
    the cache folder): a save renders again only those it changed."""


_serving = _Serving()


def on_startup(command: str, dirty: bool = False, **kwargs) -> None:
    _command["name"] = command
    if command == "serve" and not dirty:
        patch_serve_build(_serve_build_is_dirty)


def on_serve(server, config: MkDocsConfig, **kwargs):
    """Watch the seeds folder and the taxonomy (those that exist: a site without
    a `themes.yml` discovers its themes), and the docs folder for changes other
    than the article build's own."""
    seeds_dir, themes_file = _inputs(config)
    for path in (seeds_dir, themes_file):
        if path.exists():
            server.watch(str(path))
    _serving.watch = watch_docs(server, config.docs_dir)
    return server


def _inputs(config: MkDocsConfig) -> tuple[Path, Path]:
    """The seeds folder and the taxonomy file (`extra.seeds_dir`, `extra.themes_file`, beside mkdocs.yml)."""
    root = Path(config.config_file_path).parent
    return root / config.extra.get("seeds_dir", "seeds"), root / config.extra.get("themes_file", "themes.yml")


def _serve_build_is_dirty(config: MkDocsConfig) -> bool:
    """Before each of `mkdocs serve`'s builds: run the article build, then tell
    whether MkDocs may render only the pages that changed."""
    _article_build(config)
    _serving.prepared = config
    shape = SiteShape.of(config.config_file_path, config.theme.custom_dir, config.docs_dir)
    # A nav written out in mkdocs.yml: else every page's sidebar lists the articles' titles.
    dirty = shape == _serving.shape and not listing_plugins(config.plugins) and config.nav is not None
    # The shape counts once MkDocs has finished this build: a failed build is followed by a full one.
    _serving.shape, _serving.next_shape, _serving.dirty = None, shape, dirty
    if dirty:
        log.info("corpus: only the changed pages are rendered again")
    return dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the templates which search the site uses: Material's, or (with it
    turned off, for a hosted site) Pagefind's, indexed after the build; and
    whether article pages show their seed and lines (`extra.provenance`: as
    set in mkdocs.yml, else on under `mkdocs serve` only, where editors work)."""
    search = config.plugins.get("material/search")
    config.extra["corpus_search"] = "material" if search is not None and search.config.enabled else "pagefind"
    if not isinstance(config.extra.get("provenance"), bool):
        config.extra["provenance"] = _command["name"] == "serve"
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _serving.search.start(full=not _serving.dirty)
    if _serving.prepared is not config:  # else built just before MkDocs' build started (`_serve_build_is_dirty`)
        _article_build(config)
    _serving.prepared = None


def _article_build(config: MkDocsConfig) -> None:
    """The article build, with what MkDocs should know: a problem that stops it
    stops `mkdocs build`, and is logged under `mkdocs serve`."""
    if _serving.watch is not None:
        _serving.watch.building()
    removed: tuple[str, ...] = ()
    try:
        removed = _build_articles(config)
    except CorpusError as error:
        if _command["name"] != "serve":
            raise PluginError(str(error)) from None
        log.error("corpus: %s (the site is served as it was; fix the file and save it to rebuild)", error)
    finally:
        if _serving.watch is not None:
            _serving.watch.built(removed)


def _build_articles(config: MkDocsConfig) -> tuple[str, ...]:
    """The article build; returns the pages it removed."""
    root = Path(config.config_file_path).parent
    seeds_dir, themes_file = _inputs(config)
    build_config = BuildConfig(
        seeds_dir=seeds_dir,
        docs_dir=Path(config.docs_dir),
        themes_file=themes_file,
        report_file=root / "corpus-report.md",
        **site_settings(config.config_file_path, config.site_name, config.extra, config.site_description,
                        _site_url(config)),
    )
    inputs = input_digest(build_config)
    if is_up_to_date(build_config, inputs):
        log.info("corpus: up to date, nothing changed since the last build")
        return ()
    if _command["name"] == "serve" and _serving.memo is None:
        _serving.memo = remembered_pages(build_config.docs_dir)
    report = build(build_config, inputs, memo=_serving.memo,
                   memory=_serving.seeds if _command["name"] == "serve" else None)
    corpus, written = report.corpus, report.written
    for problem in corpus.errors:
        log.error(str(problem))
    for problem in corpus.warnings:
        log.warning(str(problem))
    for merge in corpus.merges:
        log.info("corpus: merged author spellings: %s <- %s", merge.name, ", ".join(merge.variants))
    notice = poor_fit_notice(corpus.themes, str(build_config.themes_file))
    if notice:
        log.info("corpus: %s", notice)
    log.info(
        "corpus: %d articles from %d seeds; %d pages written, %d removed; report: %s",
        len(corpus.articles), len(corpus.site.sources), len(written.written), len(written.removed),
        build_config.report_file,
    )
    return written.removed


def _site_url(config: MkDocsConfig) -> str | None:
    """Where the site is published, as mkdocs.yml says. `mkdocs serve` puts its
    own address in `config.site_url`; pages made with it (the feeds) would differ
    from those `mkdocs build` and `build_docs.py` make, and be written again at
    every start of the server."""
    if _command["name"] != "serve":
        return config.site_url
    with open(config.config_file_path, "rb") as file:
        written = yaml_load(file)
    return written.get("site_url") if isinstance(written, dict) else None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """Finish the page's entries in Material's search index.

    Material's search script shows an entry's `tags` as HTML, so the theme
    names the search plugin copied there from the front-matter are escaped
    here, the one place the index can be reached. And the page's authors are
    added as the `authors` field (boosted in mkdocs.yml under `search:
    fields:`), so that searching an author's name ranks their own articles
    above pages that merely mention them. Runs after the search plugin has
    indexed the page (hooks run last).
    """
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:
        return context
    authors = page.meta.get("authors")
    entries = search.search_index.entries
    first = len(entries)
    for entry in reversed(entries):
        location = entry["location"]
        if location.split("#", 1)[0] != page.url:
            break
        first -= 1
        if "tags" in entry:
            entry["tags"] = [html.escape(name) for name in entry["tags"]]
        if authors and location == page.url:
            entry["authors"] = [str(name) for name in authors]
    if _command["name"] == "serve":
        _serving.search.page(page.url, entries[first:], full=not _serving.dirty)
    return context


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    """After a dirty build under `mkdocs serve`: Material's search index with every
    page, not only those rendered again; and the site's shape, for the next build.
    On a hosted site, index the articles with Pagefind into `site/pagefind`,
    from the records the article build wrote (never from the rendered pages)."""
    search = config.plugins.get("material/search")
    if _serving.dirty and search is not None and search.config.enabled:
        search.search_index.entries = _serving.search.merged()
    _serving.shape = _serving.next_shape
    if config.extra.get("corpus_search") != "pagefind":
        return
    try:
        count = write_search_index(Path(config.docs_dir) / SEARCH_RECORDS, Path(config.site_dir))
    except CorpusError as error:
        raise PluginError(str(error)) from None
    log.info("corpus: %d articles indexed for search with Pagefind", count)
