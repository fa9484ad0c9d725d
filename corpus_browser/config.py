"""The one configuration object, filled by the CLI or the MkDocs hook and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus_browser.errors import CorpusError


@dataclass(frozen=True)
class SplitRules:
    """Thresholds the segmenter uses where layout alone does not decide.

    The defaults suit blog and newsletter dumps; each is explained where it is used
    in `segment.py` and in the README's configuration section.
    """

    separator_blank_lines: int = 2
    """A run of at least this many blank lines, and more than the seed's usual gap
    between paragraphs, separates two articles."""
    heading_max_words: int = 15
    """A line longer than this is never a heading."""
    heading_body_min_words: int = 20
    """A heading must introduce at least this many words before the next heading."""
    article_min_words: int = 150
    """A piece shorter than this cannot stand alone as an article."""
    article_mean_words: int = 450
    """Pieces cut at unconfirmed headings must average this many words to be articles."""
    boilerplate_min_repeats: int = 3
    """A short line repeated this often across the corpus is boilerplate."""
    boilerplate_min_words_twice: int = 6
    """A line of at least this many words is boilerplate when it occurs in two seeds."""
    boilerplate_max_words: int = 80
    """Longer repeated paragraphs are quotations, not boilerplate."""
    near_duplicate_ratio: float = 90.0
    """Lines at least this similar (rapidfuzz ratio, 0-100) count as repeats."""


@dataclass(frozen=True)
class BuildConfig:
    """Where to read seeds, where to write pages, and how to split."""

    seeds_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    articles_dir_name: str = "articles"
    themes_file: Path = Path("themes.yml")
    """The theme taxonomy; without it articles get no themes (and a warning)."""
    report_file: Path | None = None
    """Where to write the editor's report (theme evidence, author merges); None for none."""
    site_title: str = "Corpus Browser"
    """Heading of the generated home page (the MkDocs hook uses `site_name`)."""
    site_description: str = ""
    """What the collection is, under the home page's heading and in the feeds (`site_description`)."""
    site_url: str = ""
    """Where the site is published (`site_url`); feeds give absolute links and ids when it is set."""
    strict: bool = False
    """Treat warnings (skipped files, questionable sidecar entries) as errors."""
    follow_symlinks: bool = False
    """Publish seeds that are links to files outside the seeds folder (else they are skipped with a warning)."""
    split: SplitRules = SplitRules()
    workers: int | None = None
    """Worker processes for the per-seed work: None for one per core when the
    corpus is large, 0 for none. The pages are the same whatever the number."""


def site_settings(path: str, site_name: object = None, extra: object = None, site_description: object = None,
                  site_url: object = None) -> dict[str, object]:
    """The `BuildConfig` fields that mkdocs.yml (named `path` in messages) sets,
    checked: `site_name`, the home page's heading, `site_description`,
    `site_url` and `extra.follow_symlinks`. Shared by the command line and the
    MkDocs hook, so both build the same pages."""
    settings: dict[str, object] = {}
    if site_name is not None:
        if not isinstance(site_name, str) or not site_name.strip():
            raise CorpusError(path, "site_name must be text")
        settings["site_title"] = site_name
    for key, field_name, value in (("site_description", "site_description", site_description),
                                   ("site_url", "site_url", site_url)):
        if value is not None:
            if not isinstance(value, str):
                raise CorpusError(path, f"{key} must be text")
            settings[field_name] = value
    if settings.get("site_url") and not str(settings["site_url"]).endswith("/"):
        settings["site_url"] = f"{settings['site_url']}/"  # as MkDocs has it, so every command builds the same
    follow = extra.get("follow_symlinks", False) if isinstance(extra, dict) else False
    if not isinstance(follow, bool):
        raise CorpusError(path, "extra.follow_symlinks must be true or false")
    settings["follow_symlinks"] = follow
    return settings
