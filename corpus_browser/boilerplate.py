"""Find boilerplate by what repeats across the corpus, not by a list of phrases.

Newsletter footers, "subscribe" blurbs and share widgets are pasted after every
article, sometimes with small variations. A line is boilerplate when its text
(or a near-identical text, by rapidfuzz) occurs several times in the corpus.
A title repeated on the very next paragraph is one occurrence, not two.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

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
    counts: Counter[str] = Counter()
    for paragraphs in paragraphs_by_seed:
        previous = None
        for paragraph in paragraphs:
            paragraph_key = key(paragraph)
            if paragraph_key and paragraph_key != previous:
                counts[paragraph_key] += 1
            previous = paragraph_key
    merged = _merge_near_duplicates(counts, rules.near_duplicate_ratio)
    return frozenset(k for k in counts if _is_boilerplate(k, merged[k], rules))


def _is_boilerplate(paragraph_key: str, count: int, rules: SplitRules) -> bool:
    words = word_count(paragraph_key)
    if words > rules.boilerplate_max_words:
        return False
    return count >= rules.boilerplate_min_repeats or (
        count >= 2 and words >= rules.boilerplate_min_words_twice
    )


def _merge_near_duplicates(counts: Counter[str], min_ratio: float) -> dict[str, int]:
    """For each key, how often it or a near-identical key occurs."""
    buckets: defaultdict[str, list[str]] = defaultdict(list)
    for paragraph_key in sorted(counts):
        buckets[" ".join(paragraph_key.split()[:_BUCKET_WORDS])].append(paragraph_key)
    merged = dict(counts)
    for keys in buckets.values():
        if len(keys) < 2:
            continue
        for this in keys:
            similar = process.extract(this, keys, scorer=fuzz.ratio, score_cutoff=min_ratio, limit=None)
            merged[this] = sum(counts[other] for other, _score, _index in similar)
    return merged
