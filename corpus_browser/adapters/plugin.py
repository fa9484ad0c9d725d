"""The `corpus-browser` MkDocs plugin: the article build inside `mkdocs build`
and `mkdocs serve`, in this repository or in anyone's MkDocs project.

    plugins:
      - search          # optional: Material's search (else Pagefind's)
      - corpus-browser

Before MkDocs reads the docs folder, the plugin builds the article pages from
the seeds (`pipeline.build`). It adds its templates and assets to the theme
(after a user's `custom_dir`, which still overrides them), and, where
mkdocs.yml leaves them unset, gives the site the navigation of an archive
(Home, Archive, Themes, Authors; the articles are reached from those pages,
not the sidebar) and page addresses ending in `.html`, so that the built site
also works opened from disk. It makes authors searchable in Material's
search, tells the templates which search the site uses, shows editors where
an article comes from under `mkdocs serve`, and on a site searched with
Pagefind indexes the articles in the same build.

Under `mkdocs serve`, one save makes one build, and MkDocs renders again only
the pages the save changed when that gives the site a full build would
(`live.py`). The plugin instance keeps what serving needs from build to build
(MkDocs keeps a plugin with `on_startup` across rebuilds).

Problems with single files are logged (so `mkdocs build --strict` fails on
them) and the rest is built. A problem that stops the article build (a
broken taxonomy, a foreign file in the way) stops `mkdocs build` with one
line; under `mkdocs serve` it is logged and the site is served as it was.

Titles, descriptions, author and theme names stay plain text in `page.meta`:
the templates escape them where they meet markup, and the search index entries
are text (`on_page_context`).
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
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
from corpus_browser.adapters.options import PluginOptions, SiteOptions, build_config
from corpus_browser.adapters.pagefind import write_search_index
from corpus_browser.config import BuildConfig
from corpus_browser.enrich.discover import poor_fit_notice
from corpus_browser.errors import CorpusError
from corpus_browser.pipeline.build import BuildMemory, build, remembered_pages
from corpus_browser.site.memo import RenderMemo
from corpus_browser.site.render import HOME_PAGE, SEARCH_RECORDS
from corpus_browser.store.freshness import input_digest, is_up_to_date
from corpus_browser.store.write import HAND_EDIT_OVERWRITTEN

log = logging.getLogger("mkdocs.plugins.corpus_browser")

#: The plugin's templates and assets, added to the theme.
THEME_DIR = Path(__file__).parent / "theme"
#: Its stylesheet, added to every page.
STYLESHEET = "assets/stylesheets/corpus.css"
#: The file:// helper that Material's offline plugin fetches from a CDN, and the copy shipped with the plugin.
CDN_POLYFILL = "https://unpkg.com/iframe-worker/shim"
OFFLINE_POLYFILL = "assets/javascripts/iframe-worker.js"
#: The Python-Markdown extensions the pages need, each with the extensions that do its work as well.
MARKDOWN_EXTENSIONS = {"attr_list": (), "sane_lists": (), "tables": (), "footnotes": (),
                       "fenced_code": ("pymdownx.superfences",), "toc": ()}
#: The navigation of an archive, for a site whose mkdocs.yml has none.
ARCHIVE_NAV = [{"Home": "index.md"}, {"Archive": "archive.md"}, {"Themes": "themes.md"}, {"Authors": "authors.md"}]
#: The `lang` of a page's `<html>` element, as Material writes it.
HTML_LANG = re.compile(r'<html lang="[^"]*"')
#: Where Material keeps its translations, one template per language it speaks.
MATERIAL_LANGUAGES = "partials/languages/{}.html"
#: The generated pages that are reached from the archive's pages rather than the sidebar.
NOT_IN_NAV = "/articles/\n/archive/\n/authors/\n/themes/\n/sources/\n/themes--*.md\n/authors--*.md\n"


class CorpusBrowserPlugin(BasePlugin[PluginOptions]):
    """Builds the article pages before every MkDocs build; see the module docstring."""

    def __init__(self) -> None:
        self.command = "build"
        self.search_engine = "material"
        # What `mkdocs serve` keeps from one build to the next (see `live.py`):
        self.watch: DocsWatch | None = None
        self.shape: SiteShape | None = None
        """The site's shape at the last build MkDocs finished."""
        self.next_shape: SiteShape | None = None
        """The site's shape for the build in progress."""
        self.prepared: MkDocsConfig | None = None
        """The config of the build whose article build ran already, before MkDocs' build started."""
        self.dirty = False
        self.search = SearchEntries()
        self.memo: RenderMemo | None = None
        """The pages of the last article build (at first, those the last build left in
        the cache folder): a save renders again only those it changed."""
        self.memory = BuildMemory()
        """What the last article build made of each seed, its models and related lists."""
        self.site_language: str | None = None
        """The language of the site, as the last article build found it."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve" and not dirty:
            patch_serve_build(self._serve_build_is_dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            self._build_config(config).check_places(
                {} if self.command == "serve" else {"site_dir": Path(config.site_dir)})
        except CorpusError as error:
            raise PluginError(str(error)) from None
        self._add_theme(config)
        self._add_markdown_extensions(config)
        self._archive_defaults(config)
        self.search_engine = self._search_engine(config)
        provenance = self.config.provenance if self.config.provenance is not None else self.command == "serve"
        config.extra["corpus_browser"] = {"search": self.search_engine, "provenance": provenance}
        return config

    def _build_config(self, config: MkDocsConfig) -> BuildConfig:
        """The article build's configuration: the plugin's options and the site's settings."""
        site = SiteOptions()
        site.update({key: config[key] for key in ("site_name", "site_description", "docs_dir", "site_dir",
                                                  "use_directory_urls")})
        site["site_url"] = self._site_url(config)
        return build_config(self.config, site)

    def _add_theme(self, config: MkDocsConfig) -> None:
        """The plugin's templates and assets, after the user's `custom_dir`; its stylesheet on every page."""
        theme = config.theme
        if str(THEME_DIR) not in theme.dirs:
            theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        # Material's offline plugin loads its file:// helper from a CDN: the plugin ships a copy.
        config.extra["polyfills"] = [OFFLINE_POLYFILL if url == CDN_POLYFILL else url
                                     for url in config.extra.get("polyfills", [])]

    def _add_markdown_extensions(self, config: MkDocsConfig) -> None:
        """The Python-Markdown extensions the articles' own markup needs (tables, fenced
        code, footnotes, attribute lists for the pages' classes, sane lists), those the
        site lacks; a site that fences code with pymdownx.superfences keeps it."""
        extensions = config.markdown_extensions
        for name, alternatives in MARKDOWN_EXTENSIONS.items():
            if not any(known in extensions for known in (name, f"markdown.extensions.{name}", *alternatives)):
                extensions.append(name)

    def _archive_defaults(self, config: MkDocsConfig) -> None:
        """Where mkdocs.yml is silent, the archive's navigation (a user's own nav
        stands); and `.html` addresses, which the listings link to (a site opened from
        disk works), said in one line where mkdocs.yml asks for folder addresses."""
        given = {key for user in config.user_configs for key in user}
        if config.nav is None:
            config.nav = list(ARCHIVE_NAV)
            if "not_in_nav" not in given:
                config.not_in_nav = c.PathSpec().validate(NOT_IN_NAV)
        if config.use_directory_urls and "use_directory_urls" in given:
            log.warning("corpus: the archive's pages link to .html addresses: use_directory_urls is taken as false")
        config.use_directory_urls = False

    def _search_engine(self, config: MkDocsConfig) -> str:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        material = search is not None and search.config.get("enabled", True)
        if self.config.search == "material" and not material:
            raise PluginError(f"{config.config_file_path}: plugins: corpus-browser: search is 'material', but "
                              "Material's search plugin is not on; add `- search` to plugins")
        return "material" if self.config.search == "material" or (self.config.search == "auto" and material) \
            else "pagefind"

    def _site_url(self, config: MkDocsConfig) -> str | None:
        """Where the site is published, as mkdocs.yml says. `mkdocs serve` puts its
        own address in `config.site_url`; pages made with it (the feeds) would differ
        from those `mkdocs build` and `build_docs.py` make, and be written again at
        every start of the server."""
        if self.command != "serve":
            return config.site_url
        with open(config.config_file_path, "rb") as file:
            written = yaml_load(file)
        url = written.get("site_url") if isinstance(written, dict) else None
        return c.URL(is_dir=True).validate(url) if url else None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Watch the seeds folder and the taxonomy (those that exist: a site without
        a `themes.yml` discovers its themes), and the docs folder for changes other
        than the article build's own."""
        if not self.config.enabled:
            return server
        build_config = self._build_config(config)
        for path in (build_config.seeds_dir, build_config.themes_file):
            if path.exists():
                server.watch(str(path))
        self.watch = watch_docs(server, config.docs_dir)
        return server

    def _serve_build_is_dirty(self, config: MkDocsConfig) -> bool:
        """Before each of `mkdocs serve`'s builds: run the article build, then tell
        whether MkDocs may render only the pages that changed."""
        if not self.config.enabled:
            return False
        self._article_build(config)
        self.prepared = config
        shape = SiteShape.of(config.config_file_path, config.theme.custom_dir, config.docs_dir)
        # (The nav is written out, mkdocs.yml's or the archive's: no page's sidebar lists the articles' titles.)
        dirty = shape == self.shape and not listing_plugins(config.plugins)
        # The shape counts once MkDocs has finished this build: a failed build is followed by a full one.
        self.shape, self.next_shape, self.dirty = None, shape, dirty
        if dirty:
            log.info("corpus: only the changed pages are rendered again")
        return dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self.search.start(full=not self.dirty)
        if self.prepared is not config:  # else built just before MkDocs' build started (`_serve_build_is_dirty`)
            self._article_build(config)
        self.prepared = None
        self._speak_site_language(config)

    def _speak_site_language(self, config: MkDocsConfig) -> None:
        """Give the theme the site's language (its `<html lang>`, its labels, and
        Material's search its stemmer and word separator), where mkdocs.yml does not
        set `theme.language` and Material speaks the language."""
        language = self.site_language
        if not language or _user_set(config, "theme", "language") or config.theme.get("language") == language:
            return
        if not any((Path(folder) / MATERIAL_LANGUAGES.format(language)).is_file() for folder in config.theme.dirs):
            log.info("corpus: the site is in '%s', which the theme does not speak; set theme.language", language)
            return
        config.theme["language"] = language
        search = config.plugins.get("material/search")
        if search is None or not search.config.enabled:
            return
        translate = config.theme.get_env().get_template("partials/language.html", None, {"config": config}).module.t
        for key in ("lang", "separator"):
            if not _user_set(config, "search", key):
                value = translate(f"search.config.{key}")
                search.config[key] = [value] if key == "lang" else value
                search.search_index.config[key] = search.config[key]
    def _article_build(self, config: MkDocsConfig) -> None:
        """The article build, with what MkDocs should know: a problem that stops it
        stops `mkdocs build`, and is logged under `mkdocs serve`."""
        if self.watch is not None:
            self.watch.building()
        removed: tuple[str, ...] = ()
        try:
            removed = self._build_articles(self._build_config(config))
        except CorpusError as error:
            if self.command != "serve":
                raise PluginError(str(error)) from None
            log.error("corpus: %s (the site is served as it was; fix the file and save it to rebuild)", error)
        finally:
            if self.watch is not None:
                self.watch.built(removed)

    def _build_articles(self, build_config: BuildConfig) -> tuple[str, ...]:
        """The article build; returns the pages it removed."""
        inputs = input_digest(build_config)
        if is_up_to_date(build_config, inputs):
            log.info("corpus: up to date, nothing changed since the last build")
            self.site_language = self.site_language or _home_language(build_config.docs_dir)
            return ()
        serving = self.command == "serve"
        if serving and self.memo is None:
            self.memo = remembered_pages(build_config.docs_dir)
        report = build(build_config, inputs, memo=self.memo, memory=self.memory if serving else None)
        corpus, written = report.corpus, report.written
        self.site_language = corpus.site.language
        for problem in corpus.errors:
            log.error(str(problem))
        for problem in (*corpus.warnings, *corpus.doubts):
            log.warning(str(problem))
        for path in written.overwritten:
            log.warning("%s: %s", build_config.docs_dir / path, HAND_EDIT_OVERWRITTEN)
        for merge in corpus.merges:
            log.info("corpus: merged author spellings: %s <- %s", merge.name, ", ".join(merge.variants))
        notice = poor_fit_notice(corpus.themes, str(build_config.themes_file))
        if notice:
            log.info("corpus: %s", notice)
        if corpus.refit:
            log.info("corpus: %s", corpus.refit)
        log.info("corpus: %d articles from %d seeds; %d pages written, %d removed; report: %s",
                 len(corpus.articles), len(corpus.site.sources), len(written.written), len(written.removed),
                 build_config.report_file)
        return written.removed

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """Finish the page's entries in Material's search index, which its search
        panel shows as HTML: every title and tag is text (a section whose heading
        has no text is titled with the page's title, which Material copies raw from
        the front-matter), and the page's authors are added as the `authors` field
        (boosted in mkdocs.yml under `search: fields:`), so that searching an
        author's name ranks their own articles first. An article whose title
        another has too is listed with what tells it apart (`title_hint`: its
        date, …). Runs after the search plugin has indexed the page (the plugin
        is listed after it)."""
        search = config.plugins.get("material/search")
        if not self.config.enabled or search is None or not search.config.enabled:
            return context
        authors = page.meta.get("authors")
        raw_title = str(page.meta.get("title", page.title))
        hint = page.meta.get("title_hint")
        entries = search.search_index.entries
        first = len(entries)
        for entry in reversed(entries):
            location = entry["location"]
            if location.split("#", 1)[0] != page.url:
                break
            first -= 1
            if entry.get("title") == raw_title:
                entry["title"] = html.escape(raw_title + (f" ({hint})" if hint and location == page.url else ""),
                                             quote=False)
            if "tags" in entry:
                entry["tags"] = [html.escape(name) for name in entry["tags"]]
            if authors and location == page.url:
                entry["authors"] = [str(name) for name in authors]
        if self.command == "serve":
            self.search.page(page.url, entries[first:], full=not self.dirty)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """An article written in another language than the site's declares its own in `<html lang>`."""
        language = page.meta.get("language") if self.config.enabled else None
        if not isinstance(language, str) or language == config.theme.get("language"):
            return output
        return HTML_LANG.sub(f'<html lang="{html.escape(language)}"', output, count=1)

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After a dirty build under `mkdocs serve`: Material's search index with every
        page, not only those rendered again; and the site's shape, for the next build.
        On a site searched with Pagefind, index the articles into `site/pagefind`,
        from the records the article build wrote (never from the rendered pages)."""
        if not self.config.enabled:
            return
        search = config.plugins.get("material/search")
        if self.dirty and search is not None and search.config.enabled:
            search.search_index.entries = self.search.merged()
        self.shape = self.next_shape
        if self.search_engine != "pagefind":
            return
        try:
            count = write_search_index(Path(config.docs_dir) / SEARCH_RECORDS, Path(config.site_dir),
                                       self.config.search_shard_size)
        except CorpusError as error:
            raise PluginError(str(error)) from None
        log.info("corpus: %d articles indexed for search with Pagefind", count)


def _user_set(config: MkDocsConfig, section: str, key: str) -> bool:
    """Whether mkdocs.yml sets `key` under `section` (`theme`, or a plugin's options)."""
    for user in config.user_configs:
        value = user.get(section) if section == "theme" else _plugin_options(user.get("plugins"), section)
        if isinstance(value, dict) and key in value:
            return True
    return False


def _plugin_options(plugins: object, name: str) -> object:
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(entry.items())) for entry in plugins if isinstance(entry, dict) and len(entry) == 1] \
        if isinstance(plugins, list) else []
    return next((options for plugin, options in entries if plugin in (name, f"material/{name}")), None)


def _home_language(docs_dir: Path) -> str | None:
    """The site's language as the last article build wrote it on the home page (none: English)."""
    try:
        text = (docs_dir / HOME_PAGE).read_text(encoding="utf-8")
    except OSError:
        return None
    head = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    found = re.search(r"^language: (\S+)$", head, re.MULTILINE)
    return found[1] if found else "en"
