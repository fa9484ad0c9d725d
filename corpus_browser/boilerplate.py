"""Find boilerplate by what repeats across the corpus, not by a list of phrases.

Newsletter footers, "subscribe" blurbs and share widgets are pasted after every
article, sometimes with small variations. A paragraph is boilerplate when its
text, or a near-identical text (rapidfuzz ratio), occurs `boilerplate_min_repeats`
times in the corpus, or in two different seeds when it is long enough not to be
a coincidence, and it follows different paragraphs in different places: a
footer comes after many different articles, while every paragraph of an
article saved twice follows the same paragraph both times. A paragraph
repeated twice within one seed is more likely a quotation and stays prose. A
title repeated on the very next paragraph is one occurrence, not two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .config import SplitRules
from .text import key, word_count

#: Near-duplicates are only looked for among texts sharing their first words,
#: which keeps the comparison linear in the corpus size.
_BUCKET_WORDS = 3


def find_boilerplate(paragraphs_by_seed: Iterable[Sequence[str]], rules: SplitRules) -> frozenset[str]:
    """The keys (see `text.key`) of paragraphs that are boilerplate.

    `paragraphs_by_seed` gives, for each seed, its paragraph texts in order.
    """
    occurrences: defaultdict[str, list[Occurrence]] = defaultdict(list)
    for seed_index, paragraphs in enumerate(paragraphs_by_seed):
        previous = ""
        for paragraph in paragraphs:
            paragraph_key = key(paragraph)
            if paragraph_key and paragraph_key != previous:
                occurrences[paragraph_key].append(Occurrence(seed_index, previous))
            previous = paragraph_key
    candidates = {k: found for k, found in occurrences.items() if word_count(k) <= rules.boilerplate_max_words}
    merged = _merge_near_duplicates(candidates, rules.near_duplicate_ratio)
    return frozenset(k for k in candidates if _is_boilerplate(k, merged[k], rules))


@dataclass(frozen=True)
class Occurrence:
    """Where a paragraph occurs: in which seed, and after which paragraph (its key)."""

    seed: int
    after: str


def _is_boilerplate(paragraph_key: str, found: Sequence[Occurrence], rules: SplitRules) -> bool:
    if len({occurrence.after for occurrence in found}) < 2:
        return False
    return len(found) >= rules.boilerplate_min_repeats or (
        len({occurrence.seed for occurrence in found}) >= 2
        and word_count(paragraph_key) >= rules.boilerplate_min_words_twice
    )


def _merge_near_duplicates(occurrences: dict[str, list[Occurrence]], min_ratio: float) -> dict[str, list[Occurrence]]:
    """For each key, every occurrence of it or of a near-identical key."""
    buckets: defaultdict[str, list[str]] = defaultdict(list)
    for paragraph_key in sorted(occurrences):
        buckets[" ".join(paragraph_key.split()[:_BUCKET_WORDS])].append(paragraph_key)
    merged = dict(occurrences)
    for keys in buckets.values():
        if len(keys) < 2:
            continue
        for this in keys:
            similar = process.extract(this, keys, scorer=fuzz.ratio, score_cutoff=min_ratio, limit=None)
            merged[this] = [occurrence for other, _score, _index in similar for occurrence in occurrences[other]]
    return merged
