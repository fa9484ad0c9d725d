"""The one configuration object, filled by the CLI or the MkDocs hook and passed down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from corpus_browser.errors import ConfigError


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
    """The theme taxonomy; without it, themes are discovered in the corpus."""
    report_file: Path | None = None
    """Where to write the editor's report (theme evidence, author merges); None for none."""
    site_title: str = "Corpus Browser"
    """Heading of the generated home page (the MkDocs hook uses `site_name`)."""
    site_description: str = ""
    """What the collection is, under the home page's heading and in the feeds (`site_description`)."""
    site_url: str = ""
    """Where the site is published (`site_url`); feeds give absolute links and ids when it is set."""
    source_url: str = ""
    """Where the source's posts were first published (`https://go.dev/`): their links to
    addresses on that site (`/doc/go1.5`) that no article stands for lead there."""
    language: str | None = None
    """The language every article is written in (`language: fr`), instead of detecting
    each one's; a seed's sidecar may still say otherwise for its own."""
    strict: bool = False
    """Treat warnings (skipped files, questionable sidecar entries) as errors."""
    follow_symlinks: bool = False
    """Publish seeds that are links to files outside the seeds folder (else they are skipped with a warning)."""
    split: SplitRules = SplitRules()
    source_tags: str = "merge"
    """How the tags the source states meet the themes: `merge`, `alone` or `ignore` (`enrich.source_tags`)."""
    workers: int | None = None
    """Worker processes for the per-seed work: None for one per core when the
    corpus is large, 0 for none. The pages are the same whatever the number."""

    def check_places(self, others: Mapping[str, Path] = {}) -> None:
        """Raise `ConfigError` when two of the folders and files the build reads
        and writes (and the `others` a caller names, such as the site folder)
        are one, or one lies inside the other: a site folder over the seeds
        would have MkDocs delete them, seeds inside the docs folder would be
        read from the build's own pages."""
        places = {"seeds_dir": self.seeds_dir, "docs_dir": self.docs_dir, "themes_file": self.themes_file,
                  **({"report_file": self.report_file} if self.report_file is not None else {}), **others}
        resolved = {name: _resolved(path) for name, path in places.items()}
        for (a, path_a), (b, path_b) in combinations(resolved.items(), 2):
            if path_a == path_b or path_a.is_relative_to(path_b) or path_b.is_relative_to(path_a):
                raise ConfigError(str(places[a]), f"{a} and {b} ({places[b]}) overlap; give each a place of its "
                                                  "own (a build could read its own output or delete its input)")


def _resolved(path: Path) -> Path:
    """The path with links followed, as far as it exists."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
