"""Discovered themes: the corpus's own themes, and how well a written taxonomy fits.

Discovery describes every article by its distinctive words and phrases
(scikit-learn's TF-IDF over words and over two- and three-word phrases that
neither start nor end with a stopword, a title's counted `TITLE_COUNTS`
times, and no word of addresses or markup), factorises that matrix into a
handful of themes with non-negative matrix factorisation (NMF, its themes
scaled to unit length so that an article's strongest theme is the one that
explains most of it), and names each theme as an editor would
(`_name_themes`): by the phrase its articles share and others do not (heavy
in the theme, used mostly by its articles), whose words are not the corpus's
everyday words, preferring what the articles' titles say; never a person, an
address, code, markup, link text or a phrase built around a stopword
(`naming.py`). An article carries the themes that make up a good share of
it, at most `max_themes`; a theme that would go to more than `max_share` of
the articles keeps only those where it is strongest. Everything is
deterministic: NMF starts from an SVD with a fixed seed, and ties are broken
by position.

Naming was compared with keyphrase libraries on the labelled sets and the
development corpora (BENCHMARKS.md): YAKE ranks a theme's text on its own, so
it names themes by what the whole corpus says everywhere ("good", "people",
"Fix") and by people it cannot tell apart ("Mrs. Tracy"), and takes seconds
per corpus; rake-nltk and textacy need NLTK's and spaCy's data downloaded at
run time, KeyBERT a language model. The scoring here contrasts each theme
with the others over the TF-IDF matrix it already has, in milliseconds.

Fit compares a taxonomy's tagging with the same matrix: how many articles
are about one of its themes (coverage), how evenly the articles spread over
the themes (evenness), and how well the themes separate the articles'
vocabularies (how much more alike articles sharing a theme are than any two,
beside the same for the discovered themes as the yardstick).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain, count

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from corpus_browser.enrich.naming import NameRules, source_tags
from corpus_browser.enrich.tag import tag_articles, with_tags
from corpus_browser.enrich.words import CorpusWords, ngram_codes
from corpus_browser.lang.rules import MINOR_WORDS
from corpus_browser.lang.stopwords import STOPWORDS, too_short
from corpus_browser.model import (
    Article,
    Derivations,
    DiscoveredTheme,
    Discovery,
    Fit,
    Tagging,
    Taxonomy,
    ThemeChoice,
    ThemeEvidence,
    ThemeModel,
)

log = logging.getLogger(__name__)

#: Words that never describe an article: ours (tag.py) and scikit-learn's English list.
DISCOVERY_STOPWORDS = STOPWORDS | ENGLISH_STOP_WORDS

#: Seed of the SVD that starts NMF: same corpus, same themes.
RANDOM_STATE = 0
#: A word or phrase in more than this share of the articles says nothing distinctive ...
MAX_DOCUMENT_SHARE = 0.5
#: ... nor one in fewer than this many.
MIN_DOCUMENT_COUNT = 2
#: Words and phrases kept for the matrix, the most frequent first.
MAX_FEATURES = 10_000
#: NMF's solver (multiplicative updates: fast on sparse text), its tolerance and iterations at most.
#: It converges in a few dozen iterations, to within 0.5% of the error the slower exact solver reaches.
NMF_SOLVER, NMF_TOLERANCE, MAX_ITERATIONS = "mu", 1e-3, 300
#: Multiplicative updates weighing an article the fit did not see over the themes (`_weighed`),
#: and the least denominator they divide by.
TRANSFORM_ITERATIONS, TRANSFORM_EPSILON = 200, 1e-12
#: Bounds on the number of themes discovered.
MIN_THEMES, MAX_THEMES = 2, 24
#: A theme goes to an article when it makes up at least this share of the article's theme weight.
MIN_THEME_SHARE = 0.2
#: A discovered theme needs at least this many articles, or it is dropped.
MIN_THEME_ARTICLES = 2
#: A phrase tells a theme only when at least this share of the articles using it carry the theme.
MIN_PRECISION = 0.5
#: Phrases kept per discovered theme, and the best-scoring features searched for them.
PHRASES_PER_THEME, PHRASE_CANDIDATES = 8, 60
#: Frequent phrases no theme covers that the report shows, at most.
UNCOVERED_SHOWN = 30
#: A multi-word phrase names its theme when it scores at least this share of the theme's best phrase.
NAME_PHRASE_MIN_SCORE = 0.3
#: How much more a phrase counts for naming per share of the theme's articles whose titles hold it.
NAME_TITLE_WEIGHT = 1.0
#: A word or phrase of an article's title counts this many times in its row of the matrix:
#: a title says what the article is about (as tagging weighs title hits, `title_weight`).
TITLE_COUNTS = 3


@dataclass(frozen=True)
class FitRule:
    """One way a taxonomy can fit a corpus poorly, with the threshold that says so."""

    measure: str
    """`coverage`, `evenness` or `separation_gap` (an attribute of `Fit`)."""
    threshold: float
    problem: str
    """What is wrong, formatted with the measure's value and the threshold."""


#: An article is covered by a taxonomy when its strongest theme has this many hits per 1,000 words
#: (and at least `min_hits`): a theme the article is about, not one it mentions in passing.
COVERED_HITS_PER_1000_WORDS = 5.0
#: When a taxonomy fits poorly; a measure below its threshold is a problem.
#: Separation counts against the discovered themes' (`Fit.separation_gap`): poor below a quarter of theirs.
FIT_RULES = (
    FitRule("coverage", 0.6, "only {value:.0%} of the articles are about one of its themes ({threshold:.0%} should be)"),
    FitRule("evenness", 0.5, "the articles crowd onto few themes (evenness {value:.2f}, at least {threshold:.2f})"),
    FitRule("separation_gap", -0.75,
            "its themes hardly separate the articles' vocabularies (separation {separation:.2f}, "
            "discovered themes {discovered:.2f})"),
)


def discover_themes(articles: Sequence[Article], taxonomy: Taxonomy = Taxonomy(),
                    words: CorpusWords | None = None) -> Discovery:
    """Find the corpus's own themes (see the module docstring); `taxonomy` gives the
    thresholds `max_themes` and `max_share`; `words` are the articles' words, if
    they have been split already. The themes are fitted to these articles and
    given to them (a fit and its use at once)."""
    words = CorpusWords.of(articles) if words is None else words
    digests = [content_digest(article) for article in articles]
    model, matrix = theme_model(articles, taxonomy, words, digests)
    discovery = discovery_of(model, theme_weights(model, words, digests), taxonomy)
    return replace(discovery, vectors=matrix)


def content_digest(article: Article) -> bytes:
    """A digest of what an article's words are made of: its title, its body's text and its language."""
    return hashlib.blake2b("\0".join((article.title, article.body_text, article.language or "")).encode(),
                           digest_size=16).digest()


def theme_model(articles: Sequence[Article], taxonomy: Taxonomy, words: CorpusWords,
                digests: Sequence[bytes]) -> tuple[ThemeModel | None, csr_matrix | None]:
    """Discovery's model, fitted to `articles` (whose `words` and content `digests`
    are given), and their TF-IDF matrix (rows of unit length), for measuring a
    taxonomy's fit; no model when the corpus is too small or too uniform to find
    themes in, no matrix when no word is distinctive.

    The linear algebra runs on one thread: how BLAS splits a product between
    threads changes its rounding, so with a thread per core the themes would
    depend on the machine (and on a busy 2-core machine one thread is also
    2.5 times faster)."""
    with threadpool_limits(limits=1, user_api="blas"):
        return _theme_model(articles, taxonomy, words, digests)


def _theme_model(articles: Sequence[Article], taxonomy: Taxonomy, words: CorpusWords,
                 digests: Sequence[bytes]) -> tuple[ThemeModel | None, csr_matrix | None]:
    rules = NameRules.of(articles, DISCOVERY_STOPWORDS)
    stopwords = DISCOVERY_STOPWORDS | words.stopwords
    vectors = _vectorise(words, rules.noise)
    if vectors is None:
        return None, None
    matrix, features, idf = vectors
    count = min(theme_count(len(articles)), matrix.shape[1], matrix.shape[0])
    if count < MIN_THEMES:
        return None, matrix
    model = NMF(n_components=count, init="nndsvda", solver=NMF_SOLVER, tol=NMF_TOLERANCE,
                random_state=RANDOM_STATE, max_iter=MAX_ITERATIONS)
    with warnings.catch_warnings():
        # Stopping at MAX_ITERATIONS is a choice: the themes are as good, the same every time.
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(matrix)
    # Themes of unit length, their weight carried by the articles': an article's strongest
    # theme is then the one that explains most of it, whatever the scale NMF gave each theme.
    lengths = np.linalg.norm(model.components_, axis=1)
    lengths[lengths == 0] = 1.0
    components = model.components_ / lengths[:, None]
    weights = weights * lengths[None, :]
    shares = _shares(weights, taxonomy)
    themes = _name_themes(matrix, components, features, shares, rules, source_tags(articles))
    separation = cohesion(matrix, _ordered_groups(themes))
    return ThemeModel(
        features=tuple(features.tolist()), idf=idf, components=components.astype(np.float32),
        names=tuple(themes[j].name if j in themes else None for j in range(count)),
        phrases=tuple(themes[j].phrases if j in themes else () for j in range(count)),
        separation=separation, stopwords=tuple(sorted(stopwords)),
        noise=tuple(sorted(rules.noise | rules.full_name_words)),
        fitted=tuple(digests), weights=weights.astype(np.float32)), matrix


def _ordered_groups(themes: dict[int, DiscoveredTheme]) -> list[tuple[int, ...]]:
    """The articles of the themes kept (enough articles), in the order `Discovery` lists them."""
    kept = [theme for theme in themes.values() if len(theme.articles) >= MIN_THEME_ARTICLES]
    return [theme.articles for theme in sorted(kept, key=lambda theme: (-len(theme.articles), theme.name))]


def discovery_of(model: ThemeModel | None, weights: np.ndarray, taxonomy: Taxonomy) -> Discovery:
    """The discovered themes of the articles whose `weights` over the model's themes
    are given (`theme_weights`, a row per article): each article's themes with their
    shares, under the taxonomy's thresholds over the whole corpus (`_shares`), and the
    themes named at the fit that at least `MIN_THEME_ARTICLES` articles carry."""
    if model is None:
        return Discovery((), tuple(() for _ in range(len(weights))), 0.0, None)
    shares = _shares(weights, taxonomy)
    holders: dict[int, list[tuple[float, int]]] = {}
    for i, row in enumerate(shares):
        for j, share in row:
            holders.setdefault(j, []).append((-share, i))
    kept = {j: DiscoveredTheme(model.names[j], model.phrases[j], tuple(i for _share, i in sorted(found)))
            for j, found in holders.items() if model.names[j] is not None and len(found) >= MIN_THEME_ARTICLES}
    per_article = tuple(tuple((kept[j].name, share) for j, share in row if j in kept) for row in shares)
    ordered = tuple(sorted(kept.values(), key=lambda theme: (-len(theme.articles), theme.name)))
    return Discovery(ordered, per_article, model.separation, None, noise=frozenset(model.noise))


def theme_weights(model: ThemeModel | None, words: CorpusWords, digests: Sequence[bytes]) -> np.ndarray:
    """Each article's weights over the model's themes (a row per article of `words`,
    whose content digests are `digests`): those the fit gave it, for an article it
    saw; else those that best explain the article's own TF-IDF features with the
    model's themes (`_weighed`), which depend on the article alone."""
    if model is None:
        return np.zeros((len(digests), 0), dtype=np.float32)
    fitted = _fitted_rows(model)
    rows = np.array([fitted.get(digest, -1) for digest in digests], dtype=np.int64)
    weights = np.zeros((len(digests), len(model.components)), dtype=np.float32)
    weights[rows >= 0] = model.weights[rows[rows >= 0]]
    unseen = np.flatnonzero(rows < 0)
    if len(unseen):
        features = _feature_rows(model, words)
        gram = model.components.astype(np.float64) @ model.components.T.astype(np.float64)
        for i in unseen.tolist():
            weights[i] = _weighed(model, features, i, gram)
    return weights


@functools.lru_cache(maxsize=4)
def _fitted_rows(model: ThemeModel) -> dict[bytes, int]:
    """Each article the fit saw, by content digest, with its row of the fitted weights."""
    return {digest: row for row, digest in enumerate(model.fitted)}


def _weighed(model: ThemeModel, features: csr_matrix, i: int, gram: np.ndarray) -> np.ndarray:
    """The weights over the model's themes that best explain article `i`'s row of
    `features` (non-negative least squares, by NMF's multiplicative updates with
    the themes held, `TRANSFORM_ITERATIONS` of them from an even start): worked
    out for the article alone, so the same whatever else a build weighs."""
    start, end = features.indptr[i], features.indptr[i + 1]
    columns, values = features.indices[start:end], features.data[start:end].astype(np.float64)
    themes = len(model.components)
    if not len(values):
        return np.zeros(themes, dtype=np.float32)
    numerator = model.components[:, columns].astype(np.float64) @ values
    weights = np.full(themes, math.sqrt(values.sum() / len(model.features) / themes))
    for _ in range(TRANSFORM_ITERATIONS):
        weights *= numerator / np.maximum(weights @ gram, TRANSFORM_EPSILON)
    return weights.astype(np.float32)


def _feature_rows(model: ThemeModel, words: CorpusWords) -> csr_matrix:
    """The articles' TF-IDF rows over the model's features (rows of unit length), as
    the fit's matrix holds them: each feature counted where it occurs (in a title,
    `TITLE_COUNTS` times), sublinear term frequency times the fit's idf."""
    starts = _feature_starts(words, frozenset(model.noise), frozenset(model.stopwords))
    index = _feature_index(model)
    size = len(words.vocabulary)
    vocabulary = {word: i for i, word in enumerate(words.vocabulary)}
    documents, columns = [], []
    for length, found in enumerate(starts, 1):
        known = [(index[name], [vocabulary[word] for word in name.split()]) for name in _features_of_length(model, length)
                 if all(word in vocabulary for word in name.split())]
        if not known or not len(found):
            continue
        targets = ngram_codes([np.array([ids[k] for _n, ids in known], dtype=np.int64) for k in range(length)], size)
        codes = ngram_codes([words.ids[found + k] for k in range(length)], size)
        order = np.argsort(targets)
        where = np.minimum(np.searchsorted(targets[order], codes), len(targets) - 1)
        hit = targets[order][where] == codes
        documents.append(words.article_of[found[hit]])
        columns.append(np.array([n for n, _ids in known], dtype=np.int64)[order][where[hit]])
    rows = len(words)
    if not documents:
        return csr_matrix((rows, len(model.features)), dtype=np.float32)
    document, column = np.concatenate(documents).astype(np.int64), np.concatenate(columns)
    pairs, counts = np.unique(document * len(model.features) + column, return_counts=True)
    counts = csr_matrix((counts.astype(np.float32), (pairs // len(model.features), pairs % len(model.features))),
                        shape=(rows, len(model.features)))
    counts.sort_indices()
    np.log(counts.data, counts.data)
    counts.data += 1.0
    counts.data *= model.idf[counts.indices]
    return normalize(counts, norm="l2", copy=False)


@functools.lru_cache(maxsize=4)
def _feature_index(model: ThemeModel) -> dict[str, int]:
    return {name: n for n, name in enumerate(model.features)}


@functools.lru_cache(maxsize=16)
def _features_of_length(model: ThemeModel, length: int) -> tuple[str, ...]:
    return tuple(name for name in model.features if name.count(" ") == length - 1)


def theme_count(articles: int) -> int:
    """How many themes to look for: the square root of half the number of articles
    (a common rule of thumb for the number of clusters), within `MIN_THEMES`..`MAX_THEMES`."""
    return max(MIN_THEMES, min(MAX_THEMES, round(math.sqrt(articles / 2))))


def measure_fit(tagging: Tagging, taxonomy: Taxonomy, discovery: Discovery) -> Fit:
    """How well the taxonomy's tagging fits the corpus (see `Fit`)."""
    total = len(tagging.articles)
    if total == 0:
        return Fit(1.0, 1.0, 0.0, 0.0, hits_per_1000_words=COVERED_HITS_PER_1000_WORDS)
    earned = sum(covered(article, found, taxonomy) for article, found in zip(tagging.articles, tagging.evidence))
    holders: dict[str, list[int]] = {}
    for i, article in enumerate(tagging.articles):
        for theme in article.tags:
            holders.setdefault(theme, []).append(i)
    fit = Fit(
        coverage=earned / total,
        evenness=_evenness(Counter({theme: len(rows) for theme, rows in holders.items()}), len(taxonomy.themes)),
        separation=(0.0 if discovery.vectors is None
                    else cohesion(discovery.vectors, [holders[theme] for theme in sorted(holders)])),
        discovered=discovery.separation,
        hits_per_1000_words=COVERED_HITS_PER_1000_WORDS,
    )
    return replace(fit, problems=fit_problems(fit))


def fit_problems(fit: Fit) -> tuple[str, ...]:
    """Why the taxonomy fits poorly (`FIT_RULES`); empty when it fits."""
    found = []
    for rule in FIT_RULES:
        value = getattr(fit, rule.measure)
        if value < rule.threshold:
            found.append(rule.problem.format(value=value, threshold=rule.threshold,
                                             separation=fit.separation, discovered=fit.discovered))
    return tuple(found)


def covered(article: Article, evidence: Sequence[ThemeEvidence], taxonomy: Taxonomy) -> bool:
    """Whether the article is about its strongest theme, not only mentions it."""
    hits = max((item.hits for item in evidence), default=0)
    return hits >= taxonomy.min_hits and hits * 1000 >= COVERED_HITS_PER_1000_WORDS * max(article.words, 1)


def cohesion(vectors: csr_matrix, groups: Sequence[Sequence[int]]) -> float:
    """How much more alike the articles sharing a theme are than any two articles:
    the mean cosine similarity of pairs within a theme (averaged over the themes,
    weighted by their pairs) divided by that of all pairs. 1 means themes group
    articles no better than chance; 0 when there is nothing to compare.

    With rows of unit length, the pairs of a group sum to |sum of its rows|^2 minus
    its size, so this takes one pass over each theme's rows, not every pair.
    """
    def pair_sum(rows: Sequence[int]) -> float:
        total = np.asarray(vectors[list(rows)].sum(axis=0)).ravel()
        return float(total @ total) - len(rows)

    articles = vectors.shape[0]
    overall = pair_sum(range(articles)) / (articles * (articles - 1)) if articles > 1 else 0.0
    pairs = sum(len(rows) * (len(rows) - 1) for rows in groups)
    if overall <= 0 or pairs == 0:
        return 0.0
    within = sum(pair_sum(rows) for rows in groups if len(rows) > 1) / pairs
    return within / overall


def _vectorise(words: CorpusWords, noise: frozenset[str] = frozenset()
               ) -> tuple[csr_matrix, np.ndarray, np.ndarray] | None:
    """The TF-IDF matrix (rows normalised), its features and their inverse document
    frequencies; None when nothing is distinctive.

    Exactly what scikit-learn's `TfidfVectorizer(min_df=2, max_df=MAX_DOCUMENT_SHARE,
    max_features=MAX_FEATURES, sublinear_tf=True, dtype=float32)` makes of the
    articles' words and phrases (see `_features`), counted with NumPy instead of
    a Python pass over every word (tests/test_discover.py compares the two).
    """
    counted = _count_features(words, noise)
    if counted is None:
        return None
    counts, names = counted
    # Single precision: NMF runs twice as fast, and themes need no more.
    transformer = TfidfTransformer(sublinear_tf=True).fit(counts)
    matrix = transformer.transform(counts, copy=False)
    return matrix.tocsr(), names, transformer.idf_


def _feature_starts(words: CorpusWords, noise: frozenset[str] = frozenset(),
                    stopwords: frozenset[str] | None = None) -> list[np.ndarray]:
    """Where each kind of feature starts in `words.ids` (one kind per length: one,
    two, three words): words of three letters or more that are not stopwords
    nor `noise`, and two- and three-word phrases within one clause (no break
    inside) that neither start nor end with such a word and hold no number. A
    start in a title is there `TITLE_COUNTS` times. The `stopwords` are discovery's
    and those of the corpus's languages, unless given."""
    if stopwords is None:
        stopwords = DISCOVERY_STOPWORDS | words.stopwords
    outer = words.table(lambda word: not too_short(word) and not word.isdigit() and word not in stopwords
                        and word not in noise)
    inner = words.table(lambda word: not word.isdigit())
    starts_outer = outer[words.ids]
    # Every article ends with a break, so no phrase runs from one article into the next.
    two = starts_outer[:-1] & starts_outer[1:]
    three = starts_outer[:-2] & inner[words.ids[1:-1]] & starts_outer[2:]
    starts = [np.flatnonzero(found) for found in (starts_outer, two, three)]
    # A title's features count `TITLE_COUNTS` times: each of their starts is there that often.
    in_title = words.in_title
    return [np.sort(np.concatenate([found] + [found[in_title[found]]] * (TITLE_COUNTS - 1))).astype(np.int32)
            for found in starts]


@dataclass(frozen=True)
class _Kind:
    """The usable features of one kind (length), reduced from their occurrences."""

    start: np.ndarray
    """Each feature's first occurrence: where it starts in `words.ids`."""
    document: np.ndarray
    """For each (article, feature) pair: the article, ..."""
    feature: np.ndarray
    """... the feature (its index in `start`), ..."""
    count: np.ndarray
    """... and how often it occurs there."""


def _usable(words: CorpusWords, starts: np.ndarray, length: int, max_count: float) -> _Kind:
    """The features of one kind in at least `MIN_DOCUMENT_COUNT` and at most
    `max_count` articles, with their counts. Most phrases occur once, so this
    is far smaller than the occurrences it is made from."""
    codes = ngram_codes([words.ids[starts + k] for k in range(length)], len(words.vocabulary))
    _, first, feature = np.unique(codes, return_index=True, return_inverse=True)
    del codes
    pairs, count = np.unique(words.article_of[starts].astype(np.int64) * len(first) + feature, return_counts=True)
    document, feature = (pairs // len(first)).astype(np.int32), (pairs % len(first)).astype(np.int32)
    frequency = np.bincount(feature, minlength=len(first))
    usable = (frequency >= MIN_DOCUMENT_COUNT) & (frequency <= max_count)
    renumbered = np.cumsum(usable) - 1
    kept = usable[feature]
    return _Kind(starts[first[usable]], document[kept], renumbered[feature[kept]].astype(np.int32),
                 count[kept].astype(np.int32))


def _count_features(words: CorpusWords, noise: frozenset[str] = frozenset()) -> tuple[csr_matrix, np.ndarray] | None:
    """The document-term counts as `CountVectorizer` leaves them for the TF-IDF
    step (float32; columns the kept features in alphabetical order; each row's
    entries in the order their features first appear in the corpus, articles in
    order and each article's words, then its phrases of two, then of three
    words), and the kept features' names."""
    articles = len(words)
    max_count = MAX_DOCUMENT_SHARE * articles
    if articles < 2 or max_count < MIN_DOCUMENT_COUNT:
        return None
    starts = _feature_starts(words, noise)
    if not any(len(found) for found in starts):
        return None  # scikit-learn: "empty vocabulary"
    kinds = [_usable(words, found, length, max_count) for length, found in enumerate(starts, 1)]
    del starts
    start = np.concatenate([kind.start for kind in kinds]).astype(np.int64)
    length = np.repeat(np.arange(1, 4), [len(kind.start) for kind in kinds])
    if len(start) == 0:
        return None  # scikit-learn: "After pruning, no terms remain"
    offsets = np.cumsum([0] + [len(kind.start) for kind in kinds])[:-1]
    document = np.concatenate([kind.document for kind in kinds])
    feature = np.concatenate([kind.feature.astype(np.int64) + offset for kind, offset in zip(kinds, offsets)])
    count = np.concatenate([kind.count for kind in kinds])
    del kinds
    # The features in alphabetical order: a phrase's words ranked in turn, as the
    # space between them sorts before every character a word may hold.
    ranks = words.alphabetical_ranks
    last = len(words.ids) - 1
    columns = [np.where(length > k, ranks[words.ids[np.minimum(start + k, last)]], -1) for k in range(3)]
    alphabetical = np.lexsort(columns[::-1])
    del columns
    if len(alphabetical) > MAX_FEATURES:
        totals = np.bincount(feature, weights=count, minlength=len(start)).astype(np.float32)
        # As CountVectorizer._limit_features picks them (its sort, so ties go the same way).
        chosen = alphabetical[(-totals[alphabetical]).argsort()[:MAX_FEATURES]]
        alphabetical = alphabetical[np.isin(alphabetical, chosen)]
    column = np.full(len(start), -1, dtype=np.int64)
    column[alphabetical] = np.arange(len(alphabetical))
    # The order in which the features first appear: article, then length, then position.
    appearance = np.empty(len(start), dtype=np.int64)
    appearance[np.lexsort((start, length, words.article_of[start]))] = np.arange(len(start))
    kept = column[feature] >= 0
    document, feature, count = document[kept], feature[kept], count[kept]
    entries = np.lexsort((appearance[feature], document))
    matrix = csr_matrix((count[entries].astype(np.float32), column[feature[entries]].astype(np.int32),
                         np.searchsorted(document[entries], np.arange(articles + 1)).astype(np.int32)),
                        shape=(articles, len(alphabetical)))
    names = np.array([" ".join(words.vocabulary[i] for i in words.ids[first:first + n].tolist())
                      for first, n in zip(start[alphabetical].tolist(), length[alphabetical].tolist())], dtype=object)
    return matrix, names


def _shares(weights: np.ndarray, taxonomy: Taxonomy) -> list[list[tuple[int, float]]]:
    """Per article, the themes (by index) it carries with their share of its weight, strongest first."""
    totals = weights.sum(axis=1)
    rows: list[list[tuple[int, float]]] = []
    for row, total in zip(weights, totals):
        if total <= 0:
            rows.append([])
            continue
        order = sorted(range(len(row)), key=lambda j: (-row[j], j))
        shares = [(j, float(row[j] / total)) for j in order]
        rows.append([item for k, item in enumerate(shares) if k == 0 or item[1] >= MIN_THEME_SHARE]
                    [: taxonomy.max_themes])
    limit = max(1, math.floor(taxonomy.max_share * len(rows)))
    holders: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        for j, _share in row:
            holders.setdefault(j, []).append(i)
    for j, indexes in holders.items():
        if len(indexes) > limit:
            strength = {i: float(weights[i, j]) for i in indexes}
            keep = set(sorted(indexes, key=lambda i: (-strength[i], i))[:limit])
            for i in set(indexes) - keep:
                rows[i] = [item for item in rows[i] if item[0] != j]
    return rows


def _name_themes(matrix: csr_matrix, components: np.ndarray, names: np.ndarray,
                 shares: Sequence[Sequence[tuple[int, float]]], rules: NameRules | None = None,
                 tags: dict[str, tuple[int, ...]] | None = None) -> dict[int, DiscoveredTheme]:
    """Each theme's phrases and name; names are unique. Where the source tags its
    articles (`tags`: each tag with its articles), a theme is named by the tag most
    of its articles carry, as the editor wrote it.

    A phrase tells a theme when it weighs much in the theme (NMF's weight) and
    the articles using it mostly carry the theme: at least `MIN_PRECISION` of
    them, and at least two.
    """
    holders: dict[int, list[tuple[float, int]]] = {}
    for i, row in enumerate(shares):
        for j, share in row:
            holders.setdefault(j, []).append((-share, i))
    used = (matrix > 0).astype(np.float32).tocsr()
    everywhere = np.asarray(used.sum(axis=0)).ravel()
    themes: dict[int, DiscoveredTheme] = {}
    taken: set[str] = set()
    frequency = {names[f]: float(everywhere[f]) for f in range(len(names)) if " " not in names[f]}
    # Name the largest themes first, so they get their best phrase.
    for j in sorted(holders, key=lambda j: (-len(holders[j]), j)):
        articles = tuple(i for _share, i in sorted(holders[j]))
        within = np.asarray(used[list(articles)].sum(axis=0)).ravel()
        telling = (within >= MIN_THEME_ARTICLES) & (within >= MIN_PRECISION * everywhere)
        score = np.where(telling, components[j], 0.0)
        ranked = sorted(np.flatnonzero(score), key=lambda f: (-score[f], names[f]))
        if not ranked:
            continue
        # People, addresses, code and markup are shared for reasons that say nothing of the subject.
        signals = [f for f in ranked if rules is None or rules.signals(names[f])]
        top = signals[:PHRASE_CANDIDATES]
        best = score[top[0]] if top else 0.0
        # Phrases of two or three words a reader recognises come first, when nearly as telling.
        multiword = [names[f] for f in top if " " in names[f] and score[f] >= NAME_PHRASE_MIN_SCORE * best]
        phrases = _telling(chain(multiword, (names[f] for f in top)))[:PHRASES_PER_THEME]
        scores = {names[f]: float(score[f]) for f in top}
        # A subject's words are not the corpus's everyday words ("great deal", "ran away"):
        # each phrase counts by how few articles its words occur in; titles that say it count too.
        value = {p: scores.get(p, 0.0) * _specificity(p, frequency, len(shares)) *
                 (1 + NAME_TITLE_WEIGHT * (rules.title_share(p, articles) if rules else 0.0)) for p in phrases}
        fit = [p for p in sorted(phrases, key=lambda p: -value[p]) if rules is None or rules.why_not(p) is None]
        # A phrase of two or three words a reader recognises comes first, when nearly as telling.
        first = next((p for p in fit if " " in p and value[p] >= NAME_PHRASE_MIN_SCORE * value[fit[0]]), None)
        ranked_names = ([first] if first else []) + fit
        candidates = chain(ranked_names, (names[f] for f in signals[PHRASE_CANDIDATES:]))
        name = next((_display(p) for p in candidates if _display(p) not in taken
                     and (rules is None or rules.why_not(p) is None)), None)
        name = _tag_name(tags, articles, taken) or name
        if name is None:  # nothing a reader could take for a subject: the editor names it (themes --propose)
            name = next(f"Theme {n}" for n in count(len(themes) + 1) if f"Theme {n}" not in taken)
        taken.add(name)
        themes[j] = DiscoveredTheme(name, tuple(phrases), articles)
    return themes


def _tag_name(tags: dict[str, tuple[int, ...]] | None, articles: Sequence[int], taken: set[str]) -> str | None:
    """The source's tag that most of the theme's `articles` carry (at least half), if any."""
    if not tags or not articles:
        return None
    members = set(articles)
    counts = sorted(((len(members.intersection(holders)), tag) for tag, holders in tags.items() if tag not in taken),
                    key=lambda item: (-item[0], item[1]))
    return counts[0][1] if counts and counts[0][0] * 2 >= len(articles) else None


def _specificity(phrase: str, frequency: dict[str, float], articles: int) -> float:
    """How rare the phrase's words are in the corpus, 0 to 1: the mean over its words
    of the share of articles without the word (a word too common to be a feature
    counts as in `MAX_DOCUMENT_SHARE` of them, or more)."""
    words = phrase.split()
    return sum(1 - frequency.get(word, articles * (1 + MAX_DOCUMENT_SHARE) / 2) / articles
               for word in words) / len(words)


def _telling(phrases: Iterable[str]) -> list[str]:
    """The phrases without repeats: a phrase is dropped when an earlier one has the same
    words up to a plural `s`, or contains it, or is contained in it."""
    kept: list[str] = []
    keys: list[str] = []
    for phrase in phrases:
        key = " ".join(word.rstrip("s") for word in phrase.split())
        if any(key == other or f" {key} " in f" {other} " or f" {other} " in f" {key} " for other in keys):
            continue
        kept.append(phrase)
        keys.append(key)
    return kept


def _display(phrase: str) -> str:
    """A phrase as a theme name: Title Case, small words lower case after the first."""
    words = phrase.split()
    return " ".join(word if i and word in MINOR_WORDS else word[:1].upper() + word[1:]
                    for i, word in enumerate(words))


def _evenness(counts: Counter[str], themes: int) -> float:
    """Pielou's evenness of the theme counts over `themes` themes."""
    total = sum(counts.values())
    if themes < 2 or total == 0:
        return 1.0
    entropy = -sum(n / total * math.log(n / total) for n in counts.values() if n)
    return entropy / math.log(themes)


def _discovered_tagging(articles: Sequence[Article], discovery: Discovery,
                        derived: Derivations | None = None) -> Tagging:
    """The articles tagged with their discovered themes (no phrase evidence: the shares are the evidence)."""
    return Tagging(articles=with_tags(articles, discovery.tags(), derived), evidence=tuple(() for _ in articles))


def choose_themes(articles: Sequence[Article], taxonomy: Taxonomy, words: CorpusWords | None = None, *,
                  discovery: Discovery | None = None, written: Tagging | None = None) -> ThemeChoice:
    """Tag the articles: with the written taxonomy where it fits the corpus, else
    (and with `themes: auto`) with the themes discovered in it. `words` are the
    articles' words, if they have been split already; `discovery` and `written`
    (the tagging with the taxonomy), if they have been made already."""
    words = CorpusWords.of(articles) if words is None else words
    discovery = discover_themes(articles, taxonomy, words) if discovery is None else discovery
    if taxonomy.auto:
        return ThemeChoice(_discovered_tagging(articles, discovery), discovery, None, True)
    written = tag_articles(articles, taxonomy, words) if written is None else written
    fit = measure_fit(written, taxonomy, discovery)
    use_discovered = fit.poor and taxonomy.poor_fit == "discover" and bool(discovery.themes)
    if fit.poor:
        log.info("taxonomy fits poorly: %s", "; ".join(fit.problems))
    tagging = _discovered_tagging(articles, discovery) if use_discovered else written
    # Candidates for the taxonomy: not addresses, markup or people ("http www", "github com").
    uncovered = tuple((phrase, n) for phrase, n in written.uncovered
                      if not any(word in discovery.noise for word in phrase.split()))[:UNCOVERED_SHOWN]
    return ThemeChoice(replace(tagging, uncovered=uncovered), discovery, fit, use_discovered)


def poor_fit_notice(choice: ThemeChoice, themes_file: str) -> str | None:
    """One line telling the editor that their taxonomy fits poorly and what the build did; None when it fits."""
    if choice.fit is None or not choice.fit.poor:
        return None
    if choice.discovered:
        action = f"using the {len(choice.discovery.themes)} themes discovered in the corpus instead"
    elif choice.discovery.themes:
        action = "kept as written (poor_fit: keep)"
    else:
        action = "kept as written: the corpus is too small or too uniform to discover themes in"
    return (f"{themes_file} fits this corpus poorly: {choice.fit.problems[0]}; {action} "
            f"(see the report, or `build_docs.py themes --propose`)")
