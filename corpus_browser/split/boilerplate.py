"""Find boilerplate by what repeats across the corpus, not by a list of phrases.

Newsletter footers, "subscribe" blurbs and share widgets are pasted after every
article, sometimes with small variations. A paragraph is boilerplate when its
text, or a near-identical text (rapidfuzz ratio), occurs `boilerplate_min_repeats`
times in the corpus, or in two different seeds when it is long enough not to be
a coincidence, and it follows different paragraphs in different places: a
footer comes after many different articles, while every paragraph of an
article saved twice follows the same paragraph both times. Two lines of a
heading's length that state different versions are not near-identical:
`What's new in 2.45.91` and `What's new in 2.45.90` open two releases (a
running head whose page number differs is still one line repeated).
Occurrences count
once per block of text (between two breaks, see `segment._with_breaks`): a
refrain repeated within one tale is verse, not boilerplate. A paragraph
repeated twice within one seed is more likely a quotation and stays prose. A
title repeated on the very next paragraph is one occurrence, not two.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

from corpus_browser.config import SplitRules

#: Near-duplicates are only looked for among texts sharing their first words
#: (and of about the same length, see `_similar_pairs`), which keeps the
#: comparisons few.
_BUCKET_WORDS = 3
#: Buckets of near-duplicate candidates whose pairs are remembered (`_similar_pairs`).
SIMILAR_BUCKETS_REMEMBERED = 1 << 16
#: A number, all its parts (`251`, `2.45.91`).
_NUMBER = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True)
class SeedKeys:
    """What boilerplate detection needs from one seed (`split.seed_keys`)."""

    blocked: tuple[tuple[str, int], ...]
    """Each paragraph's key (`text.key`) and the number of the block it stands in, block openers left out."""
    openers: tuple[str, ...]
    """The keys of the paragraphs that open a block: boilerplate elsewhere may be one of them."""

    def holding(self, boilerplate: Iterable[str]) -> list[str]:
        """The boilerplate keys among the seed's own, in order: all of the corpus's
        boilerplate that splitting this seed depends on."""
        mine = {key for key, _block in self.blocked}
        mine.update(self.openers)
        return sorted(key for key in boilerplate if key in mine)


def find_boilerplate(keys_by_seed: Iterable[Sequence[tuple[str, int]]], rules: SplitRules) -> frozenset[str]:
    """The keys (see `text.key`) of paragraphs that are boilerplate.

    `keys_by_seed` gives, for each seed, the key of each of its paragraphs in
    order, with the number of the block of text it stands in.
    """
    candidates: defaultdict[str, list[Occurrence]] = defaultdict(list)
    for seed_index, keys in enumerate(keys_by_seed):
        previous = ""
        for paragraph_key, block in keys:
            if paragraph_key and paragraph_key != previous \
                    and _word_count(paragraph_key) <= rules.boilerplate_max_words:
                found = candidates[paragraph_key]
                if not found or found[-1].seed != seed_index or found[-1].block != block:
                    found.append(Occurrence(seed_index, block, previous))
            previous = paragraph_key
    merged = _merge_near_duplicates(candidates, rules.near_duplicate_ratio, rules.heading_max_words)
    return frozenset(k for k in candidates if _is_boilerplate(k, merged[k], rules))


class Occurrence(NamedTuple):
    """Where a paragraph occurs: in which seed and block, and after which paragraph (its key)."""

    seed: int
    block: int
    after: str


def _is_boilerplate(paragraph_key: str, found: Sequence[Occurrence], rules: SplitRules) -> bool:
    if len({occurrence.after for occurrence in found}) < 2:
        return False
    return len(found) >= rules.boilerplate_min_repeats or (
        len({occurrence.seed for occurrence in found}) >= 2
        and _word_count(paragraph_key) >= rules.boilerplate_min_words_twice
    )


def _releases(this: str, other: str) -> bool:
    """Two lines that state different versions (`2.45.91`, `2.45.90`): two
    releases. (A running head whose page number differs is one line repeated.)"""
    numbers = set(_NUMBER.findall(this)) ^ set(_NUMBER.findall(other))
    return any("." in number for number in numbers)


def _word_count(paragraph_key: str) -> int:
    """`text.word_count` for a key, which is single-spaced."""
    return paragraph_key.count(" ") + 1


def _merge_near_duplicates(occurrences: dict[str, list[Occurrence]], min_ratio: float,
                           heading_words: int) -> dict[str, list[Occurrence]]:
    """For each key, every occurrence of it or of a near-identical key (not of one
    stating other numbers, if both have at most `heading_words` words)."""
    buckets: defaultdict[str, list[str]] = defaultdict(list)
    for paragraph_key in occurrences:
        buckets[" ".join(paragraph_key.split()[:_BUCKET_WORDS])].append(paragraph_key)
    merged = {paragraph_key: list(found) for paragraph_key, found in occurrences.items()}
    for keys in buckets.values():
        if len(keys) < 2:
            continue
        for this, other in _similar_pairs(tuple(keys), min_ratio):
            if _releases(this, other) and max(_word_count(this), _word_count(other)) <= heading_words:
                continue
            merged[this].extend(occurrences[other])
            merged[other].extend(occurrences[this])
    return merged


@functools.lru_cache(maxsize=SIMILAR_BUCKETS_REMEMBERED)
def _similar_pairs(keys: tuple[str, ...], min_ratio: float) -> tuple[tuple[str, str], ...]:
    """Each pair of different `keys` at least `min_ratio` (0 to 100) similar, once.

    A key is only compared with the longer keys that could be similar enough:
    for lengths m <= n, `fuzz.ratio` is at most 200 * m / (m + n). The answer
    for a bucket is remembered: under `mkdocs serve`, a save compares again
    only the buckets whose keys it changed.
    """
    ordered = sorted(keys, key=len)
    lengths = [len(k) for k in ordered]
    pairs = []
    for i, this in enumerate(ordered):
        # One character of slack keeps rounding from cutting off a pair.
        longest = len(this) * (200 - min_ratio) / min_ratio + 1 if min_ratio > 0 else math.inf
        candidates = ordered[i + 1 : bisect.bisect_right(lengths, longest)]
        pairs += [(this, other) for other, _score, _index in
                  process.extract(this, candidates, scorer=fuzz.ratio, score_cutoff=min_ratio, limit=None)]
    return tuple(pairs)
