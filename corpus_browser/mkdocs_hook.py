"""MkDocs hook: run the article build before MkDocs reads `docs/`, make authors
searchable, tell the templates which search engine the site uses, show
editors where an article comes from under `mkdocs serve`, and on a hosted
site (Material's search off) index the articles with Pagefind in the same build.

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
from mkdocs.structure.pages import Page

from corpus_browser.build import build
from corpus_browser.config import BuildConfig, site_settings
from corpus_browser.discover import poor_fit_notice
from corpus_browser.errors import CorpusError
from corpus_browser.freshness import input_digest, is_up_to_date
from corpus_browser.pagefind_index import write_search_index
from corpus_browser.render import SEARCH_RECORDS

log = logging.getLogger("mkdocs.hooks.corpus_browser")

#: The MkDocs command running: "serve", "build" or "gh-deploy". Set once, on
#: startup: MkDocs loads a hook module once per process, so it holds through
#: every rebuild of `mkdocs serve` (tests/test_trust_boundaries.py checks it).
_command = {"name": "build"}


def on_startup(command: str, **kwargs) -> None:
    _command["name"] = command


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
    try:
        _build_articles(config)
    except CorpusError as error:
        if _command["name"] != "serve":
            raise PluginError(str(error)) from None
        log.error("corpus: %s (the site is served as it was; fix the file and save it to rebuild)", error)


def _build_articles(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    build_config = BuildConfig(
        seeds_dir=root / config.extra.get("seeds_dir", "seeds"),
        docs_dir=Path(config.docs_dir),
        themes_file=root / config.extra.get("themes_file", "themes.yml"),
        report_file=root / "corpus-report.md",
        **site_settings(config.config_file_path, config.site_name, config.extra, config.site_description,
                        config.site_url),
    )
    inputs = input_digest(build_config)
    if is_up_to_date(build_config, inputs):
        log.info("corpus: up to date, nothing changed since the last build")
        return
    report = build(build_config, inputs)
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


def on_post_build(config: MkDocsConfig) -> None:
    """On a hosted site, index the articles with Pagefind into `site/pagefind`,
    from the records the article build wrote (never from the rendered pages)."""
    if config.extra.get("corpus_search") != "pagefind":
        return
    try:
        count = write_search_index(Path(config.docs_dir) / SEARCH_RECORDS, Path(config.site_dir))
    except CorpusError as error:
        raise PluginError(str(error)) from None
    log.info("corpus: %d articles indexed for search with Pagefind", count)


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
    for entry in reversed(search.search_index.entries):
        location = entry["location"]
        if location.split("#", 1)[0] != page.url:
            break
        if "tags" in entry:
            entry["tags"] = [html.escape(name) for name in entry["tags"]]
        if authors and location == page.url:
            entry["authors"] = [str(name) for name in authors]
    return context
