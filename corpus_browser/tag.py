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
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, compress
from operator import and_
from typing import Any

from rapidfuzz import fuzz, process

from .model import Article
from .taxonomy import Taxonomy
from .text import tokens

#: A variant must score this much (rapidfuzz ratio) against the phrase ...
VARIANT_MIN_RATIO = 88.0
#: ... and share its first letters; shorter phrases match exactly.
VARIANT_PREFIX = 3
#: Words that never start or end a phrase worth suggesting.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers him his how i if in into is it its itself just let like
    made make many may me might more most much must my no nor not now of off on once one only or other our
    ours out over own really same says see she should so some such than that the their them then there
    these they this those through to too under until up upon us very was way we well were what when where
    which while who whom why will with would yet you your yours also get got go going know new take want
    don t s re ve ll d m isn aren wasn doesn didn won can’t don’t it’s that’s you’re i’m we’re""".split()
)


@dataclass(frozen=True)
class ThemeEvidence:
    """Why an article has (or lacks) a theme: the phrases found and how often."""

    theme: str
    hits: int
    """Body hits plus title hits times the title weight."""
    phrases: tuple[tuple[str, int], ...]
    """Each phrase (as written in the taxonomy) with its hits, most first."""


@dataclass(frozen=True)
class Tagging:
    """The tagged articles, with the evidence and the taxonomy's blind spots."""

    articles: tuple[Article, ...]
    evidence: tuple[tuple[ThemeEvidence, ...], ...]
    """Per article, in article order: every theme with at least one hit, strongest first."""
    uncovered: tuple[tuple[str, int], ...] = field(default=())
    """Frequent phrases no theme covers, with the number of articles using them."""


#: The taxonomy's optional settings: each with its type and the least and most it may be.
def tag_articles(articles: Sequence[Article], taxonomy: Taxonomy) -> Tagging:
    """Give every article its themes (see the module docstring)."""
    if not taxonomy.themes:
        return Tagging(tuple(articles), tuple(() for _ in articles))
    grams = _Grams(taxonomy)
    titles = [grams.candidates(tokens(article.title)) for article in articles]
    bodies = []
    spread: Counter[str] = Counter()
    for article in articles:
        words = tokens(article.body_text)
        bodies.append(grams.candidates(words))
        spread.update(grams.suggestible(words))
    variants = _variants(taxonomy, titles + bodies)
    spellings = _spellings(variants)
    evidence = [_evidence(taxonomy, spellings, title, body) for title, body in zip(titles, bodies)]
    chosen = _choose(taxonomy, evidence, [max(article.words, 1) for article in articles])
    return Tagging(
        articles=tuple(replace(article, tags=themes) for article, themes in zip(articles, chosen)),
        evidence=tuple(tuple(found) for found in evidence),
        uncovered=_uncovered(spread, spellings.keys()),
    )


class WordTable(dict):
    """Memoises a function of words, so each distinct word of the corpus is judged once.

    Looking words up with `map(table.__getitem__, words)` keeps the per-token work in C.
    """

    def __init__(self, judge: Callable[[str], Any]):
        super().__init__()
        self.judge = judge

    def __missing__(self, word: str) -> Any:
        self[word] = verdict = self.judge(word)
        return verdict


class _Grams:
    """Counts, per document, only the n-grams that tagging and the report can use.

    Building every n-gram of every article would dominate the build, so words are
    first classified (once per distinct word) and only the n-grams starting or
    made of suitable words are joined into strings.
    """

    def __init__(self, taxonomy: Taxonomy):
        phrases = [phrase for theme in taxonomy.themes for phrase in theme.phrases]
        single = {phrase[:VARIANT_PREFIX] for phrase in phrases if " " not in phrase}
        multiple = {phrase[:VARIANT_PREFIX] for phrase in phrases if " " in phrase}
        # An n-gram begins like a phrase if its first word, with the space after it,
        # agrees with the phrase's first letters as far as it reaches.
        multiple |= {prefix[:n] for prefix in multiple for n in range(2, VARIANT_PREFIX)}
        self.single = WordTable(lambda word: word[:VARIANT_PREFIX] in single)
        self.first = WordTable(lambda word: (word + " ")[:VARIANT_PREFIX] in multiple)
        self.outer = WordTable(lambda word: word not in STOPWORDS and not word.isdigit())
        self.inner = WordTable(lambda word: not word.isdigit())

    def candidates(self, words: Sequence[str]) -> Counter[str]:
        """The n-grams of one to three words that begin like a taxonomy phrase.

        Every spelling variant of a phrase begins like it (see `_variants`), so
        these counts are all tagging needs.
        """
        first = list(map(self.first.__getitem__, words))
        return Counter(chain(
            compress(words, map(self.single.__getitem__, words)),
            map(" ".join, compress(zip(words, words[1:]), first)),
            map(" ".join, compress(zip(words, words[1:], words[2:]), first)),
        ))

    def suggestible(self, words: Sequence[str]) -> set[str]:
        """The distinct two- and three-word phrases that neither start nor end with a
        stopword and hold no number: the report's candidates for new theme phrases."""
        outer = list(map(self.outer.__getitem__, words))
        inner = map(self.inner.__getitem__, words[1:])
        two = compress(zip(words, words[1:]), map(and_, outer, outer[1:]))
        three = compress(zip(words, words[1:], words[2:]), map(and_, map(and_, outer, outer[2:]), inner))
        return set(map(" ".join, chain(two, three)))


def _variants(taxonomy: Taxonomy, documents: Iterable[Counter[str]]) -> dict[str, frozenset[str]]:
    """For each phrase, the n-grams of the corpus that spell it: same number of
    words, same first letters, and a rapidfuzz ratio of at least `VARIANT_MIN_RATIO`."""
    vocabulary: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
    for gram in sorted(set().union(*documents)):
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
        for gram in grams:
            spellings[gram].append(phrase)
    return {gram: tuple(phrases) for gram, phrases in spellings.items()}


def _evidence(taxonomy: Taxonomy, spellings: dict[str, tuple[str, ...]],
              title: Counter[str], body: Counter[str]) -> list[ThemeEvidence]:
    hits: Counter[str] = Counter()
    for grams, weight in ((title, taxonomy.title_weight), (body, 1)):
        for gram in grams.keys() & spellings.keys():
            for phrase in spellings[gram]:
                hits[phrase] += weight * grams[gram]
    found = []
    for theme in taxonomy.themes:
        phrases = [(phrase, hits[phrase]) for phrase in theme.phrases if hits[phrase]]
        if phrases:
            phrases.sort(key=lambda item: (-item[1], item[0]))
            found.append(ThemeEvidence(theme.name, sum(count for _, count in phrases), tuple(phrases)))
    found.sort(key=lambda item: (-item.hits, item.theme))
    return found


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


def _uncovered(spread: Counter[str], covered: Collection[str],
               limit: int = 30, min_articles: int = 3) -> tuple[tuple[str, int], ...]:
    """The phrases used in several articles (`spread`: phrase -> articles) that no theme phrase covers."""
    frequent = [(gram, count) for gram, count in spread.items() if count >= min_articles and gram not in covered]
    frequent.sort(key=lambda item: (-item[1], item[0]))
    return tuple(frequent[:limit])
