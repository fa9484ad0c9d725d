"""The one configuration object, filled by the CLI or the MkDocs hook and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
    strict: bool = False
    """Treat warnings (skipped files, questionable sidecar entries) as errors."""
    split: SplitRules = SplitRules()
