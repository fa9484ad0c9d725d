"""Relate stage: for each article, the few articles a reader should see next.

Relatedness mixes text similarity (TF-IDF cosine over the articles' words) with
shared themes (Jaccard overlap of their tags). To stay fast on large corpora,
each article is described by its most distinctive words only, and candidates
come from an inverted index over those words in which each word lists only the
articles it describes best. Every article thus looks at a bounded number of
others, so the work grows with the corpus, not with its square; the price is
that a pair sharing only words that many articles use more may be missed.

Words are weighed by stored document frequencies (`WordStats`, fitted with
`word_stats` and kept by the build between fits), so an article's vector
depends on its own words alone (`term_vectors`). A save then weighs again only
the articles it changed, and `relate` works out again only the related lists
those changes can reach (`_affected`): the lists of the changed articles, of
those whose words' inverted lists changed, of those that had a changed
article among their candidates, and of those whose nearest articles in corpus
order or on a shared theme moved. Every other list is the one the last build
made, which is the one a build from scratch with the same statistics makes
(tests/enrich/test_relate.py compares them after random edits).
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np
from scipy.sparse import csr_matrix

from corpus_browser.enrich.words import CorpusWords
from corpus_browser.lang.stopwords import stopwords_for, too_short
from corpus_browser.model import Article, TermVectors, WordStats

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
#: How far in corpus order the articles filling a short related list lie, at most (`_around`).
_FILL_REACH = MIN_RELATED + 1
#: How far along a theme's articles the nearest ones are taken from, at most (`_nearest`).
_THEME_REACH = THEME_CANDIDATES // 2 + 2

#: An article's key from one build to the next: its content digest, and how many articles
#: before it have the same (`_keys`).
Key = tuple[bytes, int]


def related_articles(articles: Sequence[Article], words: CorpusWords | None = None) -> tuple[tuple[int, ...], ...]:
    """For each article, the indexes of its 3 to 5 most related articles, best
    first; `words` are the articles' words, if they have been split already.
    The words are weighed by their own statistics (a fit and its use at once)."""
    words = CorpusWords.of(articles) if words is None else words
    stats = word_stats(words)
    digests = [bytes([0]) for _ in articles]  # keys that only count: no earlier relations to meet
    relations = relate(None, stats, [term_vectors(words, stats)], digests, [frozenset(a.tags) for a in articles])
    return relations.related


# --- the stored statistics, and each article's vector ------------------------------------


def _term_counts(words: CorpusWords, stopwords: frozenset[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each (article, term) pair once, article by article: the article, the term's id, how
    often. Terms are words of three letters or more that are not `stopwords`."""
    term = words.table(lambda word: not too_short(word) and word not in stopwords)
    size = len(words.vocabulary)
    positions = np.flatnonzero(term[words.ids])
    pairs, counts = np.unique(words.article_of[positions].astype(np.int64) * size + words.ids[positions],
                              return_counts=True)
    return pairs // size, pairs % size, counts


def word_stats(words: CorpusWords) -> WordStats:
    """The document frequency of every term of `words`: relating's model, fitted."""
    _article, word, _counts = _term_counts(words, words.stopwords)
    frequency = np.bincount(word, minlength=len(words.vocabulary))
    used = np.flatnonzero(frequency)
    used = used[np.argsort(words.alphabetical_ranks[used], kind="stable")]
    return WordStats(len(words), tuple(words.vocabulary[i] for i in used.tolist()),
                     frequency[used].astype(np.int64), tuple(words.languages))


@functools.lru_cache(maxsize=4)
def _stats_index(stats: WordStats) -> dict[str, int]:
    """Each word of the statistics with its index (made once per statistics in a process)."""
    return {word: i for i, word in enumerate(stats.words)}


def term_vectors(words: CorpusWords, stats: WordStats) -> TermVectors:
    """Each article's `TERMS_PER_ARTICLE` heaviest words: term frequency `1 + log n`
    times inverse document frequency `log((1 + N) / (1 + df))` from the stored
    `stats` (a word they do not know counts as in no article), over words of
    three letters or more that are not stopwords of the statistics' languages,
    title and body alike. The logarithms are Python's, taken once per count,
    and the norms are summed in the words' order, so the weights are exactly
    what a plain Python loop gives, and an article's depend on it alone."""
    article, word, counts = _term_counts(words, stopwords_for(stats.languages))
    index = _stats_index(stats)
    known = np.fromiter((index.get(text, -1) for text in words.vocabulary), dtype=np.int64,
                        count=len(words.vocabulary))
    frequency = np.zeros(len(known), dtype=np.int64)
    frequency[known >= 0] = stats.frequency[known[known >= 0]]
    unknown = int(counts[known[word] < 0].sum())
    document_frequency = frequency[word]
    idf = _table(lambda n: math.log((1 + stats.articles) / (1 + n)), document_frequency)
    tf = _table(lambda n: 1 + math.log(n), counts)
    weight = tf[counts] * idf[document_frequency]
    order = np.lexsort((words.alphabetical_ranks[word], -weight, article))
    article, word, weight = article[order], word[order], weight[order]
    place = _places(article)
    top = place < TERMS_PER_ARTICLE
    article, word, weight, place = article[top], word[top], weight[top], place[top]
    total = len(words)
    squares = np.zeros((total, TERMS_PER_ARTICLE))
    squares[article, place] = weight * weight
    norm = np.zeros(total)
    for column in squares.T:  # one word at a time, in order: Python's `sum`, not NumPy's pairwise one
        norm += column
    norm = np.sqrt(norm)
    norm[norm == 0] = 1.0
    codes = known.copy()
    unknown_ids = sorted(np.unique(word[known[word] < 0]).tolist(), key=words.vocabulary.__getitem__)
    codes[unknown_ids] = -1 - np.arange(len(unknown_ids))
    extra = tuple(words.vocabulary[i] for i in unknown_ids)
    return TermVectors(codes[word], weight / norm[article], np.searchsorted(article, np.arange(total + 1)), extra,
                       unknown, int(counts.sum()))


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


# --- the corpus's vectors, inverted lists and related lists --------------------------------


@dataclass(frozen=True)
class _Vectors:
    """Every article's vector (see `TermVectors`), with words numbered for the whole corpus:
    a word of the statistics by its index there, any other after them."""

    article: np.ndarray
    word: np.ndarray
    weight: np.ndarray
    bounds: np.ndarray
    """Article i's entries are `bounds[i]:bounds[i + 1]`."""
    extra: tuple[str, ...]
    """The words the statistics do not know, numbered from `len(stats.words)` on."""

    def words_of(self, i: int) -> np.ndarray:
        return self.word[self.bounds[i]:self.bounds[i + 1]]


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


@dataclass(frozen=True)
class Relations:
    """The corpus's related lists, with what `relate` needs to update them after a save."""

    stats: WordStats
    keys: tuple[Key, ...]
    """Each article's key, in corpus order."""
    tags: tuple[frozenset[str], ...]
    vectors: _Vectors
    postings: _Postings
    candidates: np.ndarray
    """The articles each article was scored against (indexes, increasing), ..."""
    candidate_bounds: np.ndarray
    """... article i's being `candidates[candidate_bounds[i]:candidate_bounds[i + 1]]`."""
    related: tuple[tuple[int, ...], ...]
    """For each article, the indexes of its 3 to 5 most related articles, best first."""


def relate(previous: Relations | None, stats: WordStats, vectors: Sequence[TermVectors], digests: Sequence[bytes],
           tags: Sequence[frozenset[str]]) -> Relations:
    """The related lists of the articles whose `vectors` are given (a part for each
    seed, in corpus order), each with its content digest (`digests`) and themes
    (`tags`). Those the `previous` relations (made with the same statistics) hold
    for an article no change reaches are taken from them; the others are worked
    out (see the module docstring). An article is known from one build to the
    next by its content digest (with, for an article whose words another has
    too, how many came before it), which tells its vector."""
    keys = _keys(digests)
    vectors = _corpus_vectors(stats, vectors)
    postings = _postings(vectors)
    tags = tuple(tags)
    fresh = previous is None or previous.stats is not stats
    todo = np.arange(len(keys)) if fresh else _affected(previous, keys, tags, stats, vectors, postings)
    candidates, related = _scored(todo, stats, vectors, postings, tags)
    if fresh or len(todo) == len(keys):
        bounds = np.concatenate([[0], np.cumsum([len(found) for found in candidates])]).astype(np.int64)
        flat = np.array([j for found in candidates for j in found], dtype=np.int64)
        return Relations(stats, keys, tags, vectors, postings, flat, bounds, tuple(related))
    return _merged(previous, keys, tags, vectors, postings, todo, candidates, related)


def _keys(digests: Sequence[bytes]) -> tuple[Key, ...]:
    """Each article's key: its content digest, and how many articles before it have the same."""
    seen: dict[bytes, int] = {}
    keys = []
    for digest in digests:
        keys.append((digest, seen.get(digest, 0)))
        seen[digest] = keys[-1][1] + 1
    return tuple(keys)


def _merged(previous: Relations, keys: tuple[Key, ...], tags: tuple[frozenset[str], ...], vectors: _Vectors,
            postings: _Postings, todo: np.ndarray, candidates: Sequence[Sequence[int]],
            related: Sequence[tuple[int, ...]]) -> Relations:
    """The relations of `keys`: those worked out for the articles `todo`, the
    `previous` ones (renumbered) for every other article."""
    new_index = {key: i for i, key in enumerate(keys)}
    renumber = np.array([new_index.get(key, -1) for key in previous.keys], dtype=np.int64)
    old_index = {key: j for j, key in enumerate(previous.keys)}
    worked = np.zeros(len(keys), dtype=bool)
    worked[todo] = True
    kept = np.flatnonzero(~worked)
    was = np.array([old_index[keys[i]] for i in kept.tolist()], dtype=np.int64)
    sizes = np.zeros(len(keys), dtype=np.int64)
    sizes[todo] = [len(found) for found in candidates]
    sizes[kept] = np.diff(previous.candidate_bounds)[was]
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    flat = np.empty(int(bounds[-1]), dtype=np.int64)
    flat[_entries_of(bounds, todo)] = np.array([j for found in candidates for j in found], dtype=np.int64)
    flat[_entries_of(bounds, kept)] = renumber[previous.candidates[_entries_of(previous.candidate_bounds, was)]]
    present = renumber >= 0
    shifted = not np.array_equal(renumber[present], np.flatnonzero(present))
    lists: list[tuple[int, ...]] = [()] * len(keys)
    for i, found in zip(todo.tolist(), related):
        lists[i] = found
    old_related = previous.related
    numbers = renumber.tolist()
    for i, j in zip(kept.tolist(), was.tolist()):
        lists[i] = tuple(numbers[n] for n in old_related[j]) if shifted else old_related[j]
    return Relations(previous.stats, keys, tags, vectors, postings, flat, bounds, tuple(lists))


def _affected(previous: Relations, keys: tuple[Key, ...], tags: tuple[frozenset[str], ...], stats: WordStats,
              vectors: _Vectors, postings: _Postings) -> np.ndarray:
    """The articles (new indexes, increasing) whose related list a change from
    `previous` can reach: those added, those whose themes changed, those that
    visit (or visited) the inverted list of a word whose list changed,
    those that had an article gone or retagged among their candidates, those
    whose nearest articles on a theme they carry moved, and those whose
    nearest articles in corpus order did."""
    old_index = {key: j for j, key in enumerate(previous.keys)}
    new_index = {key: i for i, key in enumerate(keys)}
    added = [i for i, key in enumerate(keys) if key not in old_index]
    gone = [j for j, key in enumerate(previous.keys) if key not in new_index]
    retagged = [i for i, key in enumerate(keys) if key in old_index and previous.tags[old_index[key]] != tags[i]]
    marked = np.zeros(len(keys), dtype=bool)
    marked[added] = True
    marked[retagged] = True
    new_words, old_words = _changed_words(previous, stats, vectors, postings, keys, added, gone)
    marked[vectors.article[_visited(vectors, postings) & np.isin(vectors.word, new_words)]] = True
    was_visited = _visited(previous.vectors, previous.postings) & np.isin(previous.vectors.word, old_words)
    marked[[new_index[previous.keys[j]] for j in np.unique(previous.vectors.article[was_visited]).tolist()
            if previous.keys[j] in new_index]] = True
    stale = np.zeros(len(previous.keys), dtype=bool)
    stale[gone] = True
    stale[[old_index[keys[i]] for i in retagged]] = True
    holding = np.repeat(np.arange(len(previous.keys)), np.diff(previous.candidate_bounds))
    holders = (previous.keys[j] for j in np.unique(holding[stale[previous.candidates]]).tolist())
    marked[[new_index[key] for key in holders if key in new_index]] = True
    moved = {keys[i] for i in added} | {previous.keys[j] for j in gone} | {keys[i] for i in retagged}
    for i in _near_in_groups(previous.keys, previous.tags, moved, new_index) + _near_in_groups(keys, tags, moved,
                                                                                              new_index):
        marked[i] = True
    for i in _near_in_order(len(previous.keys), gone, previous.keys, new_index) + \
            _near_in_order(len(keys), added, keys, new_index):
        marked[i] = True
    return np.flatnonzero(marked)


def _changed_words(previous: Relations, stats: WordStats, vectors: _Vectors, postings: _Postings,
                   keys: tuple[Key, ...], added: Sequence[int], gone: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The words of the added and the gone articles whose inverted list changed: their
    numbers now, and as `previous` numbered them."""
    old_names, new_names = _word_names(stats, previous.vectors), _word_names(stats, vectors)
    texts = {old_names(w) for j in gone for w in previous.vectors.words_of(j).tolist()}
    texts |= {new_names(w) for i in added for w in vectors.words_of(i).tolist()}
    old_numbers, new_numbers = _word_numbers(stats, previous.vectors), _word_numbers(stats, vectors)
    changed = [(new_numbers(text), old_numbers(text)) for text in sorted(texts)
               if _posting(postings, new_numbers(text), keys) !=
               _posting(previous.postings, old_numbers(text), previous.keys)]
    return (np.array([new for new, _old in changed if new is not None], dtype=np.int64),
            np.array([old for _new, old in changed if old is not None], dtype=np.int64))


def _visited(vectors: _Vectors, postings: _Postings) -> np.ndarray:
    """For each entry of `vectors`, whether its article visits its word's inverted list
    (`_text_candidates`: heaviest word first, within `POSTINGS_PER_ARTICLE` entries)."""
    length = postings.length[vectors.word]
    before = np.cumsum(length) - length
    before -= before[np.arange(len(length)) - _places(vectors.article)]
    return (before < POSTINGS_PER_ARTICLE) & (length > 0)


def _word_names(stats: WordStats, vectors: _Vectors):
    known = len(stats.words)
    return lambda number: stats.words[number] if number < known else vectors.extra[number - known]


def _word_numbers(stats: WordStats, vectors: _Vectors):
    index, extra = _stats_index(stats), {text: len(stats.words) + k for k, text in enumerate(vectors.extra)}
    return lambda text: index.get(text, extra.get(text))


def _posting(postings: _Postings, word: int | None, keys: Sequence[Key]) -> list[tuple[Key, float]]:
    """A word's inverted list, its articles by key (empty for a word the postings do not know)."""
    if word is None or word + 1 >= len(postings.bounds):
        return []
    start, end = postings.bounds[word], postings.bounds[word + 1]
    return [(keys[j], weight) for j, weight in zip(postings.article[start:end].tolist(),
                                                   postings.weight[start:end].tolist())]


def _near_in_groups(keys: Sequence[Key], tags: Sequence[frozenset[str]], moved: set[Key],
                    new_index: dict[Key, int]) -> list[int]:
    """The articles (new indexes) near a `moved` one among the articles of its themes
    (each set of themes and each theme, in corpus order): where `_nearest` may now look."""
    groups: defaultdict[frozenset[str] | str, list[Key]] = defaultdict(list)
    for key, found in zip(keys, tags):
        groups[found].append(key)
        for theme in found:
            groups[theme].append(key)
    near = []
    for members in groups.values():
        for place in (n for n, key in enumerate(members) if key in moved):
            near += [new_index[key] for key in members[max(0, place - _THEME_REACH):place + _THEME_REACH + 1]
                     if key in new_index]
    return near


def _near_in_order(total: int, places: Sequence[int], keys: Sequence[Key], new_index: dict[Key, int]) -> list[int]:
    """The articles (new indexes) within `_FILL_REACH` in corpus order of the `places`
    (indexes into `keys`): where `_around` may now look."""
    return [new_index[keys[j]] for i in places for j in range(max(0, i - _FILL_REACH), min(total, i + _FILL_REACH + 1))
            if keys[j] in new_index]


def _corpus_vectors(stats: WordStats, parts: Sequence[TermVectors]) -> _Vectors:
    """The seeds' vectors as one, each word numbered for the whole corpus."""
    extra = tuple(sorted({text for part in parts for text in part.extra}))
    extra_ids = {text: len(stats.words) + k for k, text in enumerate(extra)}
    words, weights, counts = [], [], []
    for part in parts:
        word = part.word
        if part.extra:
            local = np.array([extra_ids[text] for text in part.extra], dtype=np.int64)
            word = np.where(word < 0, local[np.maximum(-1 - word, 0)], word)
        words.append(word)
        weights.append(part.weight)
        counts.append(np.diff(part.bounds))
    sizes = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    article = np.repeat(np.arange(len(sizes)), sizes)
    word = np.concatenate(words).astype(np.int64) if words else np.zeros(0, dtype=np.int64)
    weight = np.concatenate(weights) if weights else np.zeros(0)
    return _Vectors(article, word, weight, bounds, extra)


def _postings(vectors: _Vectors) -> _Postings:
    size = int(vectors.word.max(initial=-1)) + 1
    order = np.lexsort((vectors.article, -vectors.weight, vectors.word))
    word, article, weight = vectors.word[order], vectors.article[order], vectors.weight[order]
    place = _places(word)
    shared = np.bincount(vectors.word, minlength=size) > 1
    kept = (place < POSTINGS_PER_TERM) & shared[word]
    word, article, weight = word[kept], article[kept], weight[kept]
    bounds = np.searchsorted(word, np.arange(size + 1))
    return _Postings(article, weight, bounds, np.diff(bounds))


def _scored(todo: np.ndarray, stats: WordStats, vectors: _Vectors, postings: _Postings,
            tags: Sequence[frozenset[str]]) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """The candidates and related lists of the articles `todo` (indexes, increasing),
    `CHUNK_ARTICLES` at a time; each article's depend on it, its candidates and the
    corpus-wide lists alone, not on which others are worked out with it."""
    # The articles, in corpus order, with each set of themes and with each theme.
    holders: defaultdict[frozenset[str] | str, list[int]] = defaultdict(list)
    for i, found in enumerate(tags):
        holders[found].append(i)
        for theme in found:
            holders[theme].append(i)
    weights = _Lookup(vectors, _alphabetical_ranks(stats, vectors))
    themes = _theme_bits(tags)
    candidates: list[tuple[int, ...]] = []
    related: list[tuple[int, ...]] = []
    for start in range(0, len(todo), CHUNK_ARTICLES):
        chunk = todo[start:start + CHUNK_ARTICLES]
        text = _text_candidates(vectors, postings, chunk)
        found = [_candidates(i, text[n], tags, holders) for n, i in enumerate(chunk.tolist())]
        candidates += [tuple(items) for items in found]
        related += _best(chunk, found, weights, themes)
    return candidates, related


def _alphabetical_ranks(stats: WordStats, vectors: _Vectors) -> np.ndarray:
    """Each word number's place in alphabetical order: the statistics' words are
    numbered in that order, and the others (`vectors.extra`, sorted) are placed among them."""
    known = np.arange(len(stats.words), dtype=np.int64)
    if not vectors.extra:
        return known
    extra = np.array(vectors.extra)
    words = _words_array(stats)
    return np.concatenate([known + np.searchsorted(extra, words),
                           np.arange(len(extra)) + np.searchsorted(words, extra)]).astype(np.int64)


@functools.lru_cache(maxsize=4)
def _words_array(stats: WordStats) -> np.ndarray:
    return np.array(stats.words, dtype=str)


def _text_candidates(vectors: _Vectors, postings: _Postings, chunk: np.ndarray) -> list[set[int]]:
    """For each article of `chunk` (indexes, increasing), its `TEXT_CANDIDATES` best
    text matches through the postings (perhaps itself). An article visits its
    words' postings, heaviest word first, until it has passed
    `POSTINGS_PER_ARTICLE` entries; each visit adds the product of the two
    weights to the other article's score, in that order."""
    entries = _entries_of(vectors.bounds, chunk)
    article, word, weight = vectors.article[entries], vectors.word[entries], vectors.weight[entries]
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
    place = {i: n for n, i in enumerate(chunk.tolist())}
    found: list[set[int]] = [set() for _ in range(len(chunk))]
    for i, j in zip(pair_visitor[best].tolist(), pair_other[best].tolist()):
        found[place[i]].add(j)
    return found


def _entries_of(bounds: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The positions of the entries of `rows` (row r's being `bounds[r]:bounds[r + 1]`), row after row."""
    starts, ends = bounds[rows], bounds[rows + 1]
    sizes = ends - starts
    return np.arange(int(sizes.sum())) + np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)


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


def _best(chunk: np.ndarray, candidates: Sequence[Sequence[int]], weights: _Lookup,
          themes: np.ndarray) -> list[tuple[int, ...]]:
    """For each article of `chunk`, the best-scoring of its candidates, best
    first (ties to the earlier article); the articles nearest in corpus order
    when fewer than `MIN_RELATED` score above nothing."""
    sizes = [len(found) for found in candidates]
    mine = np.repeat(np.arange(len(chunk)), sizes)
    theirs = np.array([j for found in candidates for j in found], dtype=np.int64)
    score = TEXT_WEIGHT * weights.cosines(chunk[mine], theirs) + \
        THEME_WEIGHT * _shared_themes(chunk[mine], theirs, themes)
    order = np.lexsort((theirs, -score, mine))
    mine, theirs, score = mine[order].tolist(), theirs[order].tolist(), score[order].tolist()
    total = len(themes)
    chosen: list[list[int]] = [[] for _ in chunk]
    for n, j, value in zip(mine, theirs, score):
        if value > 0 and len(chosen[n]) < MAX_RELATED:
            chosen[n].append(j)
    for i, found in zip(chunk.tolist(), chosen):
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
