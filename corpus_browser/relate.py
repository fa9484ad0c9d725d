"""Relate stage: for each article, the few articles a reader should see next.

Relatedness mixes text similarity (TF-IDF cosine over the articles' words) with
shared themes (Jaccard overlap of their tags). To stay fast on large corpora,
each article is described by its most distinctive words only, and candidates
come from an inverted index over those words in which each word lists only the
articles it describes best. Every article thus looks at a bounded number of
others, so the work grows with the corpus, not with its square; the price is
that a pair sharing only words that many articles use more may be missed.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain, compress, islice
from operator import mul, neg

from .model import Article
from .tag import STOPWORDS, WordTable
from .text import tokens

#: Words kept per article to describe it.
TERMS_PER_ARTICLE = 40
#: Articles a word's inverted list keeps: those it weighs most in.
POSTINGS_PER_TERM = 24
#: Inverted-list entries one article may visit, its heaviest words first.
POSTINGS_PER_ARTICLE = 320
#: Best text matches per article that are weighed with themes too.
TEXT_CANDIDATES = 16
#: Articles with the same themes, nearest in corpus order, weighed as well (half as many per shared theme).
THEME_CANDIDATES = 24
#: How much text similarity and shared themes weigh in the score.
TEXT_WEIGHT, THEME_WEIGHT = 0.7, 0.3
MIN_RELATED, MAX_RELATED = 3, 5

Vector = tuple[tuple[str, float], ...]
"""An article's top words with their normalised TF-IDF weights, heaviest first."""


def related_articles(articles: Sequence[Article]) -> tuple[tuple[int, ...], ...]:
    """For each article, the indexes of its 3 to 5 most related articles, best first."""
    vectors = _tfidf(articles)
    postings = _postings(vectors)
    tags = [frozenset(article.tags) for article in articles]
    # The articles, in corpus order, with each set of themes and with each theme.
    holders: defaultdict[frozenset[str] | str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        holders[tags[i]].append(i)
        for theme in tags[i]:
            holders[theme].append(i)
    weights = [dict(vector) for vector in vectors]
    return tuple(
        _best(i, _candidates(i, vectors[i], postings, tags, holders), weights, tags)
        for i in range(len(articles))
    )


def _tfidf(articles: Sequence[Article]) -> list[Vector]:
    # Words worth describing an article; one shared string per word keeps the counts small.
    term = WordTable(lambda word: word if len(word) > 2 and word not in STOPWORDS else "")
    counts = []
    for article in articles:
        count = Counter(map(term.__getitem__, tokens(f"{article.title}\n{article.body_text}")))
        del count[""]
        counts.append((tuple(count), tuple(count.values())))
    document_frequency = Counter(chain.from_iterable(words for words, _ in counts))
    total = len(articles)
    idf = {word: math.log((1 + total) / (1 + n)) for word, n in document_frequency.items()}
    tf = [0.0] + [1 + math.log(n) for n in range(1, 1 + max((max(ns, default=0) for _, ns in counts), default=0))]
    return [_top(words, list(map(mul, map(tf.__getitem__, ns), map(idf.__getitem__, words))))
            for words, ns in counts]


def _top(words: Sequence[str], weights: list[float]) -> Vector:
    """The `TERMS_PER_ARTICLE` heaviest words (ties in alphabetical order), normalised."""
    if len(weights) > TERMS_PER_ARTICLE:
        lightest = sorted(weights, reverse=True)[TERMS_PER_ARTICLE - 1]
        heavy = list(map(lightest.__le__, weights))
        words, weights = list(compress(words, heavy)), list(compress(weights, heavy))
    top = sorted(zip(map(neg, weights), words))[:TERMS_PER_ARTICLE]
    norm = math.sqrt(sum(weight * weight for weight, _ in top)) or 1.0
    return tuple((word, -weight / norm) for weight, word in top)


def _postings(vectors: Sequence[Vector]) -> dict[str, list[tuple[int, float]]]:
    """For each word, the `POSTINGS_PER_TERM` articles it weighs most in, heaviest first."""
    postings: defaultdict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for word, weight in vector:
            postings[word].append((-weight, i))
    return {word: [(i, -weight) for weight, i in sorted(entries)[:POSTINGS_PER_TERM]]
            for word, entries in postings.items() if len(entries) > 1}


def _candidates(i: int, vector: Vector, postings: dict[str, list[tuple[int, float]]],
                tags: Sequence[frozenset[str]], holders: dict[frozenset[str] | str, list[int]]) -> set[int]:
    """Articles worth scoring against article `i`: its best text matches through
    the postings, and the articles nearest in corpus order that have the same
    themes or share one."""
    text: dict[int, float] = {}
    get = text.get
    budget = POSTINGS_PER_ARTICLE
    for word, weight in vector:
        entries = postings.get(word, ())
        for j, other in islice(entries, budget):
            text[j] = get(j, 0.0) + weight * other
        budget -= len(entries)
        if budget <= 0:
            break
    candidates = {j for _, j in sorted(zip(map(neg, text.values()), text))[:TEXT_CANDIDATES]}
    if tags[i]:
        candidates.update(_nearest(holders[tags[i]], i, THEME_CANDIDATES))
    for theme in sorted(tags[i]):
        candidates.update(_nearest(holders[theme], i, THEME_CANDIDATES // 2))
    candidates.discard(i)
    return candidates


def _nearest(indexes: list[int], i: int, count: int) -> list[int]:
    """About `count` entries of the sorted `indexes` closest to `i`."""
    middle = bisect_left(indexes, i)
    reach = count // 2 + 1
    return indexes[max(0, middle - reach): middle + reach]


def _best(i: int, candidates: set[int], weights: Sequence[dict[str, float]],
          tags: Sequence[frozenset[str]]) -> tuple[int, ...]:
    """The best-scoring candidates, best first; ties go to the earlier article."""
    mine, themes = weights[i], tags[i]

    def score(j: int) -> float:
        shared_words = sorted(mine.keys() & weights[j].keys())  # a fixed order, for a reproducible sum
        cosine = sum(map(mul, map(mine.__getitem__, shared_words), map(weights[j].__getitem__, shared_words)))
        union = len(themes | tags[j])
        shared = len(themes & tags[j]) / union if union else 0.0
        return TEXT_WEIGHT * cosine + THEME_WEIGHT * shared

    scored = sorted((-score(j), j) for j in candidates)
    chosen = [j for negative, j in scored if negative < 0][:MAX_RELATED]
    if len(chosen) < MIN_RELATED:
        chosen += islice((j for j in _around(i, len(weights)) if j not in chosen), MIN_RELATED - len(chosen))
    return tuple(chosen)


def _around(i: int, total: int) -> Iterator[int]:
    """The other articles by distance from `i` in corpus order, the earlier first."""
    for distance in range(1, total):
        for j in (i - distance, i + distance):
            if 0 <= j < total:
                yield j
