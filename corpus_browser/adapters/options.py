"""The one owner of configuration: the `corpus-browser` plugin's options in
mkdocs.yml, declared as a typed schema the way MkDocs' own plugins declare
theirs, and the MkDocs settings the build reads (`site_name`, `docs_dir`, …).

MkDocs validates the schema when it loads the plugin; the command line
(`build_docs.py`) reads the same mkdocs.yml with MkDocs' YAML loader (so
`!ENV` works) and validates the same schema, so both build the same pages
from the same seeds. A bad value is one line naming mkdocs.yml and the key.

    plugins:
      - corpus-browser:
          seeds_dir: seeds
          themes_file: themes.yml
          search: auto
          language: fr      # else detected
          split:
            article_min_words: 150
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils.yaml import yaml_load

from corpus_browser.adapters.pagefind import SHARD_ARTICLES
from corpus_browser.config import BuildConfig, SplitRules
from corpus_browser.enrich.source_tags import SOURCE_TAG_MODES
from corpus_browser.errors import ConfigError, one_line
from corpus_browser.lang.detect import language_tag

#: The plugin's name in mkdocs.yml (its `mkdocs.plugins` entry point).
PLUGIN_NAME = "corpus-browser"
#: Which search the site gets: Material's, Pagefind's, or Material's when its search plugin is on.
SEARCH_ENGINES = ("auto", "material", "pagefind")


class _Number(c.Type):
    """A number within bounds (`True` is not a number here)."""

    def __init__(self, kind: type, default: float, minimum: float, maximum: float | None = None):
        super().__init__((int, float) if kind is float else int, default=default)
        self.kind, self.minimum, self.maximum = kind, minimum, maximum

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool):
            raise c.ValidationError(f"Expected a number but received: {value!r}")
        value = super().run_validation(value)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            upper = f" to {self.maximum}" if self.maximum is not None else " or more"
            raise c.ValidationError(f"Expected a number from {self.minimum}{upper} but received: {value!r}")
        return self.kind(value)


class _Language(c.BaseConfigOption):
    """A language tag (`fr`, `de`, `pt-BR`), kept in lower case."""

    def run_validation(self, value: object) -> str:
        tag = language_tag(value)
        if tag is None:
            raise c.ValidationError(f"Expected a language code such as fr, de or pt-BR but received: {value!r}")
        return tag


#: Upper bounds of the split settings that have one (ratios out of 100).
_SPLIT_MAXIMUM = {"near_duplicate_ratio": 100.0}

#: The splitter's thresholds (`config.SplitRules`, each documented there), under `split:`:
#: one option per field, of its type and default, made from the dataclass so the two never differ.
SplitOptions = type("SplitOptions", (base.Config,), {
    "__doc__": "The splitter's thresholds, under `split:` (see `config.SplitRules`).",
    **{field.name: _Number(type(field.default), field.default, 0, _SPLIT_MAXIMUM.get(field.name))
       for field in fields(SplitRules)},
})


class PluginOptions(base.Config):
    """The `corpus-browser` plugin's options. Paths are relative to mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    seeds_dir = c.Dir(exists=False, default="seeds")
    """The folder of seed files."""
    themes_file = c.File(exists=False, default="themes.yml")
    """The theme taxonomy; without it, themes are discovered in the corpus."""
    report_file = c.File(exists=False, default="corpus-report.md")
    """The editor's report, written beside the site (never published)."""
    search = c.Choice(SEARCH_ENGINES, default="auto")
    """`material` (works from disk and under `mkdocs serve`), `pagefind` (hosted
    sites), or `auto`: Material's when its search plugin is on, else Pagefind."""
    search_shard_size = _Number(int, default=SHARD_ARTICLES, minimum=1)
    """Articles per Pagefind index: a larger corpus is indexed in several, which
    the search panel merges (Pagefind's memory grows with the articles of one)."""
    provenance = c.Optional(c.Type(bool))
    """Show each article's seed and line range; left out, on under `mkdocs serve` only."""
    follow_symlinks = c.Type(bool, default=False)
    """Publish seeds that are links to files outside the seeds folder."""
    source_tags = c.Choice(SOURCE_TAG_MODES, default="merge")
    """How the tags a source states (front matter, Org tags) meet the themes: `merge`, `alone` or `ignore`."""
    language = c.Optional(_Language())
    """The language of every article (`fr`), instead of detecting each one's; a
    seed's sidecar may say otherwise for its own. Left out, each article's is
    detected and the site takes that of most of its words."""
    source_url = c.Optional(c.URL(is_dir=True))
    """Where the posts were first published (`https://go.dev/`): their links to
    addresses on that site (`/doc/go1.5`) that no article stands for lead there."""
    split = c.SubConfig(SplitOptions)


class SiteOptions(base.Config):
    """The MkDocs settings the article build reads, validated as MkDocs validates them."""

    site_name = c.Type(str, default="Corpus Browser")
    site_description = c.Optional(c.Type(str))
    site_url = c.Optional(c.URL(is_dir=True))
    docs_dir = c.DocsDir(default="docs", exists=False)
    site_dir = c.SiteDir(default="site")
    use_directory_urls = c.Type(bool, default=True)


@dataclass(frozen=True)
class Project:
    """What a project's mkdocs.yml says: the plugin's options and the site's settings."""

    options: PluginOptions
    site: SiteOptions
    plugin_listed: bool
    """Whether mkdocs.yml lists the plugin (else its options are the defaults)."""


def read_project(config_file: Path) -> Project:
    """The project whose settings `config_file` (mkdocs.yml) holds; the defaults,
    relative to the current folder, when there is no such file. Raises
    `ConfigError`, one line naming the file and the key, for a bad value."""
    data: object = {}
    if config_file.is_file():
        try:
            with config_file.open("rb") as file:
                data = yaml_load(file) or {}
        except Exception as error:  # MkDocs' loader raises several kinds
            raise ConfigError(str(config_file), f"not valid YAML: {one_line(str(error)).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise ConfigError(str(config_file), "expected a mapping of MkDocs settings")
    path = str(config_file.resolve()) if config_file.is_file() else os.path.join(os.getcwd(), config_file.name)
    site = _validated(SiteOptions(config_file_path=path),
                      {key: data[key] for key in _keys(SiteOptions) if key in data}, str(config_file), "")
    listed, raw = _plugin_entry(data.get("plugins"), str(config_file))
    options = _validated(PluginOptions(config_file_path=path), raw, str(config_file), f"plugins: {PLUGIN_NAME}: ")
    return Project(options, site, listed)


def _keys(schema: type[base.Config]) -> list[str]:
    return [name for name, _option in schema._schema]


def _plugin_entry(plugins: object, shown: str) -> tuple[bool, dict]:
    """Whether mkdocs.yml lists the plugin, and its options there (a list of names
    or one-key mappings, or a mapping of names to options, as MkDocs accepts)."""
    entries = list(plugins.items()) if isinstance(plugins, Mapping) else [
        next(iter(entry.items())) if isinstance(entry, Mapping) and len(entry) == 1 else (entry, {})
        for entry in plugins or []] if isinstance(plugins, list) or plugins is None else None
    if entries is None:
        raise ConfigError(shown, "plugins must be a list of plugin names or a mapping")
    for name, options in entries:
        if name == PLUGIN_NAME:
            if options is not None and not isinstance(options, Mapping):
                raise ConfigError(shown, f"plugins: {PLUGIN_NAME}: expected a mapping of options")
            return True, dict(options or {})
    return False, {}


def _validated(options: base.Config, raw: dict, shown: str, where: str) -> base.Config:
    """`options` loaded with `raw` and validated as MkDocs does; the first
    problem (an unknown key too) as one `ConfigError`."""
    options.load_dict(raw)
    errors, warnings = options.validate()
    for key, problem in [*errors, *warnings]:
        raise ConfigError(shown, f"{where}{key}: {problem}")
    return options


def build_config(options: PluginOptions, site: SiteOptions, shown: Callable[[str], Path] = Path,
                 **fields: object) -> BuildConfig:
    """The build's configuration from the plugin's options and the site's settings
    (paths as `shown` gives them); `fields` set what the caller decides."""
    settings = dict(
        seeds_dir=shown(options.seeds_dir),
        docs_dir=shown(site.docs_dir),
        themes_file=shown(options.themes_file),
        report_file=shown(options.report_file),
        site_title=site.site_name,
        site_description=site.site_description or "",
        site_url=site.site_url or "",
        source_url=options.source_url or "",
        follow_symlinks=options.follow_symlinks,
        source_tags=options.source_tags,
        language=options.language,
        split=SplitRules(**{name: options.split[name] for name in _keys(SplitOptions)}),
    )
    return BuildConfig(**{**settings, **fields})


def with_flags(config: BuildConfig, **flags: object) -> BuildConfig:
    """`config` with the command line's flags that were given (not None)."""
    return replace(config, **{name: value for name, value in flags.items() if value is not None})
