"""Tag stage: give each article its themes from the editable taxonomy (`themes.yml`).

Tagging is explainable: an article gets a theme when the theme's phrases occur
in it often enough (`min_hits`), a hit in the title counting `title_weight`
times. Spelling, hyphen and plural variants of a phrase are found with
rapidfuzz among the corpus's own words, so "customer-centric" and "customers"
count for "customer centric" and "customer". An article keeps its
`max_themes` strongest themes; a theme that would go to more than `max_share`
of the articles keeps only the articles where it is strongest, so no theme is
so broad that nearly every article carries it; an article left without a
theme gets its strongest one anyway. The hits behind every decision are kept
as evidence for the report.

The variants are looked for once, when the build fits its models, and kept
(`TagModel`): an article's hits then depend on its own words alone
(`tag_evidence`), so a save finds again only those of the articles it
changed, and the thresholds are applied over the whole corpus (`choose_tags`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz, process

from corpus_browser.enrich.words import BREAK, CorpusWords, ngram_codes
from corpus_browser.model import Article, Derivations, Tagging, TagModel, Taxonomy, ThemeEvidence

#: Frequent phrases no theme covers, kept for the report (which leaves out addresses and names, and shows 30).
UNCOVERED_CANDIDATES = 60
#: A variant must score this much (rapidfuzz ratio) against the phrase ...
VARIANT_MIN_RATIO = 88.0
#: ... and share its first letters; shorter phrases match exactly.
VARIANT_PREFIX = 3


def tag_articles(articles: Sequence[Article], taxonomy: Taxonomy, words: CorpusWords | None = None) -> Tagging:
    """Give every article its themes (see the module docstring); `words` are the
    articles' words, if they have been split already. The variants are those
    of these articles (a fit and its use at once)."""
    words = CorpusWords.of(articles) if words is None else words
    model = tag_model(taxonomy, words)
    return choose_tags(model, articles, tag_evidence(model, words))


def tag_model(taxonomy: Taxonomy, words: CorpusWords) -> TagModel:
    """Tagging's model, fitted to the corpus whose words are `words`: the variants of
    the taxonomy's phrases it spells, and the frequent phrases no theme covers."""
    if not taxonomy.themes:
        return TagModel(taxonomy, {})
    spellings = _spellings(_variants(taxonomy, _Grams(taxonomy, words).distinct()))
    return TagModel(taxonomy, spellings, _uncovered(words, spellings.keys(), limit=UNCOVERED_CANDIDATES))


def tag_evidence(model: TagModel, words: CorpusWords) -> tuple[tuple[ThemeEvidence, ...], ...]:
    """Per article of `words`: every theme of the model's taxonomy with at least
    one hit, strongest first; an article's depend on its own words alone."""
    if not model.taxonomy.themes:
        return tuple(() for _ in range(len(words)))
    grams = _Grams(model.taxonomy, words)
    return tuple(tuple(found) for found in _evidence(model.taxonomy, model.spellings, grams, grams.distinct()))


def choose_tags(model: TagModel, articles: Sequence[Article], evidence: Sequence[Sequence[ThemeEvidence]],
                derived: Derivations | None = None) -> Tagging:
    """The articles with the themes their `evidence` earns under the taxonomy's
    thresholds, applied over the whole corpus (no theme too broad); `derived`
    remembers the tagged articles from one build to the next."""
    taxonomy = model.taxonomy
    if not taxonomy.themes:
        return Tagging(tuple(articles), tuple(() for _ in articles))
    chosen = _choose(taxonomy, evidence, [max(article.words, 1) for article in articles])
    return Tagging(articles=with_tags(articles, chosen, derived), evidence=tuple(evidence), uncovered=model.uncovered)


def with_tags(articles: Sequence[Article], tags: Sequence[tuple[str, ...]],
              derived: Derivations | None = None) -> tuple[Article, ...]:
    """Each article with its `tags` (itself where it has them already); `derived`
    remembers the tagged articles from one build to the next."""
    derived = derived if derived is not None else Derivations()
    tagged = tuple(article if article.tags == themes else
                   derived.derive(article, themes, lambda: replace(article, tags=themes))
                   for article, themes in zip(articles, tags))
    derived.finish()
    return tagged


class _Grams:
    """The n-grams that tagging can use, over the shared words: those of one to
    three words that begin like a taxonomy phrase, in titles and bodies (an
    n-gram never runs from the title into the body, nor spans articles).

    Building every n-gram of every article would dominate the build, so words
    are first judged (once per distinct word) and only n-grams starting with
    suitable words are kept, as arrays of codes (`words.ngram_codes`).
    """

    def __init__(self, taxonomy: Taxonomy, words: CorpusWords):
        phrases = [phrase for theme in taxonomy.themes for phrase in theme.phrases]
        single = {phrase[:VARIANT_PREFIX] for phrase in phrases if " " not in phrase}
        multiple = {phrase[:VARIANT_PREFIX] for phrase in phrases if " " in phrase}
        # An n-gram begins like a phrase if its first word, with the space after it,
        # agrees with the phrase's first letters as far as it reaches.
        multiple |= {prefix[:n] for prefix in multiple for n in range(2, VARIANT_PREFIX)}
        self.words = words
        text = words.ids != BREAK  # tagging reads words only: its phrases run across punctuation
        self.ids = words.ids[text]
        # Each title and each body is a part of its own.
        self.part = words.article_of[text]
        self.part *= 2
        self.part += ~words.in_title[text]
        starts_single = words.table(lambda word: word[:VARIANT_PREFIX] in single)[self.ids]
        starts_multiple = words.table(lambda word: (word + " ")[:VARIANT_PREFIX] in multiple)[self.ids]
        self.kinds = [np.flatnonzero(starts_single)]
        for length in (2, 3):
            whole = self.part[:1 - length] == self.part[length - 1:]
            self.kinds.append(np.flatnonzero(starts_multiple[:1 - length] & whole))
        size = len(words.vocabulary)
        self.codes = [ngram_codes([self.ids[positions + k] for k in range(length)], size)
                      for length, positions in enumerate(self.kinds, 1)]

    def distinct(self) -> dict[str, tuple[int, int]]:
        """Each distinct n-gram as text, with its kind (0, 1, 2: one to three words) and code."""
        found = {}
        vocabulary = self.words.vocabulary
        for kind, (positions, codes) in enumerate(zip(self.kinds, self.codes)):
            distinct, first = np.unique(codes, return_index=True)
            texts = [" ".join(vocabulary[i] for i in self.ids[start:start + kind + 1].tolist())
                     for start in positions[first].tolist()]
            found.update(zip(texts, ((kind, code) for code in distinct.tolist())))
        return found

    def counts(self, wanted: dict[str, tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Where the `wanted` n-grams (text to kind and code, as `distinct` gives) occur:
        for each (part, n-gram) pair, its part, the n-gram's index in `wanted`, and how often."""
        parts, indexes = [], []
        for kind, (positions, codes) in enumerate(zip(self.kinds, self.codes)):
            mine = [(code, n) for n, (found, code) in enumerate(wanted.values()) if found == kind]
            if not mine:
                continue
            targets = np.array([code for code, _ in mine], dtype=np.int64)
            numbers = np.array([n for _, n in mine], dtype=np.int64)
            order = np.argsort(targets)
            where = np.minimum(np.searchsorted(targets[order], codes), len(targets) - 1)
            hit = targets[order][where] == codes
            parts.append(self.part[positions[hit]])
            indexes.append(numbers[order][where[hit]])
        if not parts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        keys, counts = np.unique(np.concatenate(parts) * len(wanted) + np.concatenate(indexes), return_counts=True)
        return keys // len(wanted), keys % len(wanted), counts


def _variants(taxonomy: Taxonomy, grams: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each phrase, the n-grams of the corpus (`grams`, distinct) that spell it:
    same number of words, same first letters, and a rapidfuzz ratio of at least
    `VARIANT_MIN_RATIO`."""
    vocabulary: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
    for gram in sorted(grams):
        vocabulary[(gram.count(" "), gram[:VARIANT_PREFIX])].append(gram)
    found = {}
    for theme in taxonomy.themes:
        for phrase in theme.phrases:
            if len(phrase) <= VARIANT_PREFIX:
                found[phrase] = frozenset({phrase})
                continue
            candidates = vocabulary[(phrase.count(" "), phrase[:VARIANT_PREFIX])]
            matches = process.extract(phrase, candidates, scorer=fuzz.ratio,
                                      score_cutoff=VARIANT_MIN_RATIO, limit=None)
            found[phrase] = frozenset({phrase} | {match for match, _score, _index in matches})
    return found


def _spellings(variants: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """Each n-gram that spells some phrase, with the phrases it spells."""
    spellings: defaultdict[str, list[str]] = defaultdict(list)
    for phrase, grams in variants.items():
        for gram in sorted(grams):  # in order, so that a stored model is the same bytes every time
            spellings[gram].append(phrase)
    return {gram: tuple(phrases) for gram, phrases in sorted(spellings.items())}


def _evidence(taxonomy: Taxonomy, spellings: dict[str, tuple[str, ...]], grams: _Grams,
              known: dict[str, tuple[int, int]]) -> list[list[ThemeEvidence]]:
    """Per article: every theme with at least one hit, strongest first; a hit in
    the title counts `title_weight` times. `known` are the corpus's n-grams (`_Grams.distinct`)."""
    wanted = {gram: known[gram] for gram in spellings if gram in known}
    parts, indexes, counts = grams.counts(wanted)
    phrases = list(dict.fromkeys(phrase for theme in taxonomy.themes for phrase in theme.phrases))
    number = {phrase: n for n, phrase in enumerate(phrases)}
    themes_of: list[list[int]] = [[] for _ in phrases]
    for t, theme in enumerate(taxonomy.themes):
        for phrase in dict.fromkeys(theme.phrases):
            themes_of[number[phrase]].append(t)
    # Hits per (article, phrase): each spelling's count, weighed by where it stands.
    spelled = [[number[phrase] for phrase in spellings[gram]] for gram in wanted]
    sizes = np.array([len(found) for found in spelled], dtype=np.int64)
    flat = np.array([n for found in spelled for n in found], dtype=np.int64)
    repeat = sizes[indexes]
    offsets = np.concatenate([[0], np.cumsum(sizes)])[:-1]
    phrase = flat[np.arange(repeat.sum()) - np.repeat(np.cumsum(repeat) - repeat, repeat) + np.repeat(offsets[indexes], repeat)]
    article = np.repeat(parts // 2, repeat)
    weighed = np.repeat(np.where(parts % 2 == 1, 1, taxonomy.title_weight) * counts, repeat)
    keys, inverse = np.unique(article * len(phrases) + phrase, return_inverse=True)
    hits = np.bincount(inverse, weights=weighed, minlength=len(keys)).astype(np.int64)
    evidence: list[list[ThemeEvidence]] = [[] for _ in range(len(grams.words))]
    bounds = np.searchsorted(keys // len(phrases), np.arange(len(grams.words) + 1))
    for i in np.flatnonzero(np.diff(bounds)).tolist():
        mine = dict(zip((keys[bounds[i]:bounds[i + 1]] % len(phrases)).tolist(), hits[bounds[i]:bounds[i + 1]].tolist()))
        found = []
        for t in sorted({t for n in mine for t in themes_of[n]}):
            theme = taxonomy.themes[t]
            counted = [(name, mine[number[name]]) for name in theme.phrases if number[name] in mine]
            counted.sort(key=lambda item: (-item[1], item[0]))
            found.append(ThemeEvidence(theme.name, sum(count for _, count in counted), tuple(counted)))
        found.sort(key=lambda item: (-item.hits, item.theme))
        evidence[i] = found
    return evidence


def _choose(taxonomy: Taxonomy, evidence: Sequence[Sequence[ThemeEvidence]],
            words: Sequence[int]) -> list[tuple[str, ...]]:
    """Apply the thresholds: strong enough, at most `max_themes`, no theme too broad."""
    qualified = [[item for item in found if item.hits >= taxonomy.min_hits][: taxonomy.max_themes]
                 for found in evidence]
    limit = max(1, math.floor(taxonomy.max_share * len(evidence)))
    holders: defaultdict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(qualified):
        for item in found:
            holders[item.theme].append(i)
    for theme, indexes in holders.items():
        if len(indexes) > limit:
            density = {i: next(e.hits for e in qualified[i] if e.theme == theme) / words[i] for i in indexes}
            keep = set(sorted(indexes, key=lambda i: (-density[i], i))[:limit])
            for i in set(indexes) - keep:
                qualified[i] = [item for item in qualified[i] if item.theme != theme]
    return [
        tuple(item.theme for item in found) or tuple(item.theme for item in evidence[i][:1])
        for i, found in enumerate(qualified)
    ]


def _uncovered(words: CorpusWords, covered: Collection[str],
               limit: int = 30, min_articles: int = 3) -> tuple[tuple[str, int], ...]:
    """The phrases used in several articles' bodies that no theme phrase covers,
    with the number of articles using them: two- and three-word phrases that
    neither start nor end with a stopword and hold no number, the report's
    candidates for new theme phrases."""
    body = (words.ids != BREAK) & ~words.in_title
    ids = words.ids[body]
    article = words.article_of[body]
    stopwords = words.stopwords
    outer = words.table(lambda word: word not in stopwords and not word.isdigit())[ids]
    inner = words.table(lambda word: not word.isdigit())[ids]
    size = len(words.vocabulary)
    spread: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # per length: distinct codes, articles, a start
    for length in (2, 3):
        ok = outer[:1 - length] & outer[length - 1:] & (article[:1 - length] == article[length - 1:])
        if length == 3:
            ok &= inner[1:-1]
        starts = np.flatnonzero(ok).astype(np.int32)
        del ok
        codes = ngram_codes([ids[starts + k] for k in range(length)], size)
        # Each phrase once per article (the articles' words come in order), then the number of articles per phrase.
        _, once = np.unique(ngram_codes([codes, article[starts]], len(words)), return_index=True)
        _, first_seen, used = np.unique(codes[once], return_index=True, return_counts=True)
        spread.append((used, starts[once][first_seen], np.full(len(used), length)))
    used = np.concatenate([part[0] for part in spread])
    start = np.concatenate([part[1] for part in spread])
    length = np.concatenate([part[2] for part in spread])
    frequent = []
    # Most used first; a count's phrases are written out only when the list may still take them.
    for count in sorted(set(used[used >= min_articles].tolist()), reverse=True):
        if len(frequent) >= limit:
            break
        at = np.flatnonzero(used == count)
        grams = [" ".join(words.vocabulary[i] for i in ids[s:s + n].tolist())
                 for s, n in zip(start[at].tolist(), length[at].tolist())]
        frequent += sorted((gram, count) for gram in grams if gram not in covered)
    return tuple(frequent[:limit])
