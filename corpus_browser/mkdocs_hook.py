"""MkDocs hook: run the article build before MkDocs reads `docs/`, keep page
titles and descriptions text, make authors searchable, and tell the templates
which search engine the site uses.

Listed under `hooks:` in mkdocs.yml. Seeds are read from `seeds/` beside
mkdocs.yml (or the folder named by `extra.seeds_dir`). Problems with single
files are logged as warnings (so `mkdocs build --strict` fails on them); a
problem that makes the build unsafe stops MkDocs with a one-line message.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from corpus_browser.build import build
from corpus_browser.config import BuildConfig
from corpus_browser.discover import poor_fit_notice
from corpus_browser.errors import CorpusError
from corpus_browser.freshness import input_digest, is_up_to_date

log = logging.getLogger("mkdocs.hooks.corpus_browser")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the templates which search the site uses: Material's, or (with it
    turned off, for a hosted site) Pagefind's, run after the build."""
    search = config.plugins.get("material/search")
    config.extra["corpus_search"] = "material" if search is not None and search.config.enabled else "pagefind"
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    build_config = BuildConfig(
        seeds_dir=root / config.extra.get("seeds_dir", "seeds"),
        docs_dir=Path(config.docs_dir),
        themes_file=root / config.extra.get("themes_file", "themes.yml"),
        report_file=root / "corpus-report.md",
        site_title=config.site_name,
    )
    inputs = input_digest(build_config)
    if is_up_to_date(build_config, inputs):
        log.info("corpus: up to date, nothing changed since the last build")
        return
    try:
        report = build(build_config, inputs)
    except CorpusError as error:
        raise PluginError(str(error)) from None
    corpus, written = report.corpus, report.written
    for problem in (*corpus.errors, *corpus.warnings):
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


def on_page_markdown(markdown: str, page: Page, **kwargs) -> str:
    """Hand the theme a page's title and description as HTML-escaped text.

    Front-matter holds plain text (a seed's title may read `<script>` or
    `"Quotes" & more`), but MkDocs' templates do not escape and Material prints
    the title into the header, the `<title>` and tag listings, and the
    description into a `<meta>` attribute. Escaping here, in memory, keeps both
    text; the files on disk keep the plain text of the front-matter contract.
    """
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """Add the page's authors to its search entry, as the `authors` field.

    Material's search indexes `tags` from front-matter but not `authors`; with
    this field (boosted in mkdocs.yml under `search: fields:`), searching an
    author's name ranks their own articles above pages that merely mention them.
    Runs after the search plugin has indexed the page (hooks run last).
    """
    authors = page.meta.get("authors")
    search = config.plugins.get("material/search")
    if not authors or search is None or not search.config.enabled:
        return context
    for entry in reversed(search.search_index.entries):
        location = entry["location"]
        if location.split("#", 1)[0] != page.url:
            break
        if location == page.url:
            entry["authors"] = [str(name) for name in authors]
    return context
