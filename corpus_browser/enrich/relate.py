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
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np
from scipy.sparse import csr_matrix

from corpus_browser.enrich.words import CorpusWords
from corpus_browser.lang.stopwords import too_short
from corpus_browser.model import Article

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
#: Articles scored at a time: bounds the arrays of candidate pairs.
CHUNK_ARTICLES = 2000


@dataclass(frozen=True)
class _Vectors:
    """Each article's `TERMS_PER_ARTICLE` heaviest words with their TF-IDF
    weights, normalised: entry arrays, article after article, heaviest first
    (ties in alphabetical order)."""

    article: np.ndarray
    word: np.ndarray
    weight: np.ndarray
    bounds: np.ndarray
    """Article i's entries are `bounds[i]:bounds[i + 1]`."""


def related_articles(articles: Sequence[Article], words: CorpusWords | None = None) -> tuple[tuple[int, ...], ...]:
    """For each article, the indexes of its 3 to 5 most related articles, best
    first; `words` are the articles' words, if they have been split already."""
    words = CorpusWords.of(articles) if words is None else words
    vectors = _tfidf(words)
    postings = _postings(vectors, len(words.vocabulary))
    tags = [frozenset(article.tags) for article in articles]
    # The articles, in corpus order, with each set of themes and with each theme.
    holders: defaultdict[frozenset[str] | str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        holders[tags[i]].append(i)
        for theme in tags[i]:
            holders[theme].append(i)
    weights = _Lookup(vectors, words.alphabetical_ranks)
    themes = _theme_bits(tags)
    related: list[tuple[int, ...]] = []
    for start in range(0, len(articles), CHUNK_ARTICLES):
        chunk = range(start, min(len(articles), start + CHUNK_ARTICLES))
        text = _text_candidates(vectors, postings, chunk)
        candidates = [_candidates(i, text[i - start], tags, holders) for i in chunk]
        related += _best(chunk, candidates, weights, themes)
    return tuple(related)


def _tfidf(words: CorpusWords) -> _Vectors:
    """Each article's heaviest words (see `_Vectors`): term frequency `1 + log n`
    times inverse document frequency `log((1 + N) / (1 + df))`, over words of
    three letters or more that are not stopwords, title and body alike. The
    logarithms are Python's, taken once per count, and the norms are summed in
    the words' order, so the weights are exactly what a plain Python loop gives."""
    stopwords = words.stopwords
    term = words.table(lambda word: not too_short(word) and word not in stopwords)
    size = len(words.vocabulary)
    positions = np.flatnonzero(term[words.ids])
    pairs, counts = np.unique(words.article_of[positions].astype(np.int64) * size + words.ids[positions],
                              return_counts=True)
    article, word = pairs // size, pairs % size
    document_frequency = np.bincount(word, minlength=size)
    total = len(words)
    idf = _table(lambda n: math.log((1 + total) / (1 + n)), document_frequency)
    tf = _table(lambda n: 1 + math.log(n), counts)
    weight = tf[counts] * idf[document_frequency[word]]
    order = np.lexsort((words.alphabetical_ranks[word], -weight, article))
    article, word, weight = article[order], word[order], weight[order]
    place = _places(article)
    top = place < TERMS_PER_ARTICLE
    article, word, weight, place = article[top], word[top], weight[top], place[top]
    squares = np.zeros((total, TERMS_PER_ARTICLE))
    squares[article, place] = weight * weight
    norm = np.zeros(total)
    for column in squares.T:  # one word at a time, in order: Python's `sum`, not NumPy's pairwise one
        norm += column
    norm = np.sqrt(norm)
    norm[norm == 0] = 1.0
    bounds = np.searchsorted(article, np.arange(total + 1))
    return _Vectors(article, word, weight / norm[article], bounds)


def _places(groups: np.ndarray) -> np.ndarray:
    """For a sorted array, each entry's place among the equal entries before it (0 for the first)."""
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]]))
    return np.arange(len(groups)) - np.repeat(starts, np.diff(np.append(starts, len(groups))))


def _table(function, values: np.ndarray) -> np.ndarray:
    """`function(n)` for every n from 0 to the largest of `values`, computed once per distinct value."""
    table = np.zeros(int(values.max(initial=0)) + 1)
    for n in np.unique(values).tolist():
        table[n] = function(n)
    return table


@dataclass(frozen=True)
class _Postings:
    """For each word, the `POSTINGS_PER_TERM` articles it weighs most in,
    heaviest first (ties to the earlier article); empty for a word only one
    article is described by."""

    article: np.ndarray
    weight: np.ndarray
    bounds: np.ndarray
    """Word w's entries are `bounds[w]:bounds[w + 1]`."""
    length: np.ndarray
    """How many entries each word has."""


def _postings(vectors: _Vectors, size: int) -> _Postings:
    order = np.lexsort((vectors.article, -vectors.weight, vectors.word))
    word, article, weight = vectors.word[order], vectors.article[order], vectors.weight[order]
    place = _places(word)
    shared = np.bincount(vectors.word, minlength=size) > 1
    kept = (place < POSTINGS_PER_TERM) & shared[word]
    word, article, weight = word[kept], article[kept], weight[kept]
    bounds = np.searchsorted(word, np.arange(size + 1))
    return _Postings(article, weight, bounds, np.diff(bounds))


def _text_candidates(vectors: _Vectors, postings: _Postings, chunk: range) -> list[set[int]]:
    """For each article of `chunk`, its `TEXT_CANDIDATES` best text matches
    through the postings (perhaps itself). An article visits its words'
    postings, heaviest word first, until it has passed `POSTINGS_PER_ARTICLE`
    entries; each visit adds the product of the two weights to the other
    article's score, in that order."""
    first, last = vectors.bounds[chunk.start], vectors.bounds[chunk.stop]
    article, word, weight = vectors.article[first:last], vectors.word[first:last], vectors.weight[first:last]
    length = postings.length[word]
    before = np.cumsum(length) - length
    before -= before[np.arange(len(article)) - _places(article)]  # entries visited before this word, within its article
    taken = np.clip(POSTINGS_PER_ARTICLE - before, 0, length)
    # One row per posting entry visited: the visiting article, the other article, the product.
    row = np.repeat(np.arange(len(word)), taken)
    entry = np.arange(len(row)) - np.repeat(np.cumsum(taken) - taken, taken) + postings.bounds[word[row]]
    visitor, other = article[row], postings.article[entry]
    product = weight[row] * postings.weight[entry]
    total = len(vectors.bounds) - 1
    score, pair_visitor, pair_other = _sequential_sums(visitor * total + other, product, visitor, other)
    order = np.lexsort((pair_other, -score, pair_visitor))
    pair_visitor, pair_other = pair_visitor[order], pair_other[order]
    best = _places(pair_visitor) < TEXT_CANDIDATES
    found: list[set[int]] = [set() for _ in chunk]
    for i, j in zip(pair_visitor[best].tolist(), pair_other[best].tolist()):
        found[i - chunk.start].add(j)
    return found


def _sequential_sums(keys: np.ndarray, values: np.ndarray, *columns: np.ndarray) -> tuple[np.ndarray, ...]:
    """The sum of `values` for each distinct key, added in the order they come
    (as Python's `a = a + b` would; NumPy's own sums pair them up), with each
    key's first entry in `columns`."""
    order = np.argsort(keys, kind="stable")
    keys, ordered = keys[order], values[order]
    place = _places(keys)
    group = np.cumsum(place == 0) - 1
    sums = np.zeros(int(group[-1]) + 1 if len(group) else 0)
    for depth in range(int(place.max(initial=-1)) + 1):
        at = place == depth
        sums[group[at]] += ordered[at]
    firsts = order[place == 0]
    return (sums, *(column[firsts] for column in columns))


def _candidates(i: int, text: set[int], tags: Sequence[frozenset[str]],
                holders: dict[frozenset[str] | str, list[int]]) -> list[int]:
    """Articles worth scoring against article `i`, in increasing order: its best
    text matches, and the articles nearest in corpus order that have the same
    themes or share one."""
    candidates = set(text)
    if tags[i]:
        candidates.update(_nearest(holders[tags[i]], i, THEME_CANDIDATES))
    for theme in sorted(tags[i]):
        candidates.update(_nearest(holders[theme], i, THEME_CANDIDATES // 2))
    candidates.discard(i)
    return sorted(candidates)


def _nearest(indexes: list[int], i: int, count: int) -> list[int]:
    """About `count` entries of the sorted `indexes` closest to `i`."""
    middle = bisect_left(indexes, i)
    reach = count // 2 + 1
    return indexes[max(0, middle - reach): middle + reach]


def _best(chunk: range, candidates: Sequence[Sequence[int]], weights: _Lookup,
          themes: np.ndarray) -> list[tuple[int, ...]]:
    """For each article of `chunk`, the best-scoring of its candidates, best
    first (ties to the earlier article); the articles nearest in corpus order
    when fewer than `MIN_RELATED` score above nothing."""
    sizes = [len(found) for found in candidates]
    mine = np.repeat(np.arange(chunk.start, chunk.stop), sizes)
    theirs = np.array([j for found in candidates for j in found], dtype=np.int64)
    score = TEXT_WEIGHT * weights.cosines(mine, theirs) + THEME_WEIGHT * _shared_themes(mine, theirs, themes)
    order = np.lexsort((theirs, -score, mine))
    mine, theirs, score = mine[order].tolist(), theirs[order].tolist(), score[order].tolist()
    total = len(themes)
    chosen: list[list[int]] = [[] for _ in chunk]
    for i, j, value in zip(mine, theirs, score):
        if value > 0 and len(chosen[i - chunk.start]) < MAX_RELATED:
            chosen[i - chunk.start].append(j)
    for i, found in zip(chunk, chosen):
        if len(found) < MIN_RELATED:
            found += islice((j for j in _around(i, total) if j not in found), MIN_RELATED - len(found))
    return [tuple(found) for found in chosen]


class _Lookup:
    """The articles' vectors as a sparse matrix whose columns are the words in alphabetical order."""

    def __init__(self, vectors: _Vectors, ranks: np.ndarray):
        total = len(vectors.bounds) - 1
        order = np.lexsort((ranks[vectors.word], vectors.article))
        self.matrix = csr_matrix((vectors.weight[order], ranks[vectors.word[order]], vectors.bounds),
                                 shape=(total, len(ranks)))

    def cosines(self, mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
        """Cosine similarity of each pair of articles: the products of their shared
        words' weights, added in the words' alphabetical order (a fixed order, for
        a reproducible sum)."""
        products = self.matrix[mine].multiply(self.matrix[theirs]).tocsr()  # each row's columns in order
        products.sort_indices()
        counts = np.diff(products.indptr)
        sums = np.zeros(len(mine))
        for depth in range(int(counts.max(initial=0))):
            at = np.flatnonzero(counts > depth)
            sums[at] += products.data[products.indptr[at] + depth]
        return sums


def _theme_bits(tags: Sequence[frozenset[str]]) -> np.ndarray:
    """Each article's themes as a row of bits (64 themes to a column)."""
    place = {theme: n for n, theme in enumerate(sorted(set().union(*tags)))}
    bits = np.zeros((len(tags), max(1, -(-len(place) // 64))), dtype=np.uint64)
    for i, found in enumerate(tags):
        for theme in found:
            bits[i, place[theme] // 64] |= np.uint64(1 << place[theme] % 64)
    return bits


def _shared_themes(mine: np.ndarray, theirs: np.ndarray, themes: np.ndarray) -> np.ndarray:
    """The Jaccard overlap of each pair's themes (`_theme_bits`): the bits they share, over those of either."""
    shared = np.bitwise_count(themes[mine] & themes[theirs]).sum(axis=1, dtype=np.int64)
    union = np.bitwise_count(themes[mine] | themes[theirs]).sum(axis=1, dtype=np.int64)
    return np.divide(shared, union, out=np.zeros(len(mine)), where=union > 0)


def _around(i: int, total: int) -> Iterator[int]:
    """The other articles by distance from `i` in corpus order, the earlier first."""
    for distance in range(1, total):
        for j in (i - distance, i + distance):
            if 0 <= j < total:
                yield j
