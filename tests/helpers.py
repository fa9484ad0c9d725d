"""Small builders shared by the stage tests: seeds from text, articles from seeds."""

from __future__ import annotations

import itertools

from corpus_browser.config import SplitRules
from corpus_browser.model import (
    Article,
    Format,
    Overrides,
    Seed,
    SeedInput,
    SegmentedSeed,
)
from corpus_browser.split import segment_corpus
from corpus_browser.split.extract import extract


def seed(text: str, name: str = "seed.txt", format: Format = Format.TEXT) -> Seed:
    return Seed(name=name, lines=tuple(text.split("\n")), format=format)


def segment_texts(*texts: str, overrides: Overrides = Overrides(), format: Format = Format.TEXT) -> tuple[SegmentedSeed, ...]:
    inputs = [SeedInput(seed(text, f"seed{i}.txt", format), overrides) for i, text in enumerate(texts)]
    return segment_corpus(inputs, SplitRules())


def articles_of(*texts: str, overrides: Overrides = Overrides(), format: Format = Format.TEXT) -> list[Article]:
    return [
        extract(segment, item.overrides)
        for item in segment_texts(*texts, overrides=overrides, format=format)
        for segment in item.segments
    ]


_paragraphs_made = itertools.count()


def paragraph(words: int) -> str:
    """A prose paragraph of `words` words ending with a full stop, unlike any other
    (a repeated paragraph would be boilerplate)."""
    n = next(_paragraphs_made)
    body = " ".join(f"word{n}x{i % 7}" for i in range(words - 1))
    return f"This {body}."


def page_parts(text: str) -> tuple[str, str]:
    """A generated page's YAML front-matter and Markdown body, split as MkDocs does:
    the front-matter ends at the first line that is exactly `---`."""
    assert text.startswith("---\n")
    header, _, body = text[4:].partition("\n---\n")
    return header, body
