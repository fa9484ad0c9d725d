"""Search the corpus from the terminal, forgiving typos ("shep hykin" finds Shep Hyken).

Each query word is matched with rapidfuzz against the words of an article's
authors, title, themes and text; a match on an author counts most, then the
title, then a theme, then the text. Filters by author and theme are fuzzy too.
Words are read in any script (`text.tokens`); a query's run of Chinese or
Japanese characters is looked for as it is, inside the text (no segmenter
need cut the query as it cut the article).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from corpus_browser.lang.cjk import CJK_RUN
from corpus_browser.lang.text import folded, tokens
from corpus_browser.model import PlacedArticle

#: A query word matches a word of a field at this rapidfuzz ratio or more.
WORD_MIN_RATIO = 75.0
#: In the text, words this short must match exactly; longer ones at TEXT_MIN_RATIO.
SHORT_WORD = 4
TEXT_MIN_RATIO = 90.0
#: An --author or --theme filter matches a name at this rapidfuzz ratio or more.
FILTER_MIN_RATIO = 80.0
#: What a full match in each field is worth.
WEIGHTS = {"authors": 100.0, "title": 50.0, "themes": 40.0}
#: What text matches are worth at most.
TEXT_WEIGHT = 30.0


@dataclass(frozen=True)
class Hit:
    """One article found, with its score (higher is better)."""

    item: PlacedArticle
    score: float


def search(articles: Sequence[PlacedArticle], query: str, author: str | None = None,
           theme: str | None = None) -> list[Hit]:
    """Articles matching `query` (and the filters), best first.

    An empty query lists every article that passes the filters, in corpus order.
    """
    candidates = [item for item in articles
                  if _passes(item.article.authors, author) and _passes(item.article.tags, theme)]
    words = query_words(query)
    if not words:
        return [Hit(item, 0.0) for item in candidates]
    runs = [word for word in words if _is_cjk(word)]
    texts = []
    for item in candidates:
        text = Counter(tokens(item.article.body_text, item.article.language))
        if runs:
            body = folded(item.article.body_text)
            text.update({run: body.count(run) for run in runs})
        texts.append(text)
    vocabulary = sorted(set().union(*texts)) if texts else []
    variants = {word: _text_variants(word, vocabulary) for word in words}
    hits = []
    for item, text in zip(candidates, texts):
        score = _score(item, words, variants, text)
        if score > 0:
            hits.append(Hit(item, score))
    hits.sort(key=lambda hit: (-hit.score, hit.item.path))
    return hits


def query_words(query: str) -> list[str]:
    """The words of a query: its words (`text.tokens`), and its runs of CJK characters whole.

    >>> query_words("React ピン留め")
    ['react', 'ピン留め']
    """
    text = folded(query)
    words, end = [], 0
    for run in CJK_RUN.finditer(text):
        words += tokens(text[end:run.start()]) + [run[0]]
        end = run.end()
    return words + tokens(text[end:])


def _is_cjk(word: str) -> bool:
    return CJK_RUN.fullmatch(word) is not None


def _passes(names: Sequence[str], wanted: str | None) -> bool:
    """Every word of the filter matches a word of one of the names."""
    if wanted is None:
        return True
    return any(_coverage(tokens(wanted), tokens(name), FILTER_MIN_RATIO) > 0 for name in names)


def _text_variants(word: str, vocabulary: Sequence[str]) -> set[str]:
    """Spellings of a query word in the articles' text. Text is long and full of
    short words, so short query words must match exactly, longer ones closely."""
    if len(word) <= SHORT_WORD or _is_cjk(word):
        return {word}
    matches = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TEXT_MIN_RATIO, limit=None)
    return {match for match, _score, _index in matches if match[0] == word[0]}


def _score(item: PlacedArticle, words: Sequence[str], variants: dict[str, set[str]], text: Counter[str]) -> float:
    article = item.article
    fields = {
        "authors": _field_words(" ".join(article.authors), words),
        "title": _field_words(article.title, words),
        "themes": _field_words(" ".join(article.tags), words),
    }
    score = sum(WEIGHTS[name] * _coverage(words, field) for name, field in fields.items())
    text_hits = sum(text[variant] for word in words for variant in variants[word])
    matched = sum(1 for word in words if any(text[variant] for variant in variants[word]))
    if matched:
        score += TEXT_WEIGHT * (matched / len(words)) * min(1.0, math.log1p(text_hits) / math.log(50))
    return score


def _field_words(text: str, words: Sequence[str]) -> list[str]:
    """A field's words, and each CJK query word the field holds (as a segmenter may cut it otherwise)."""
    found = tokens(text)
    runs = [word for word in words if _is_cjk(word) and word in folded(text)]
    return found + runs


def _coverage(words: Sequence[str], field: Sequence[str], min_ratio: float = WORD_MIN_RATIO) -> float:
    """How well the query words are found among a field's words: 0 to 1, and
    0 unless every query word has a match."""
    if not field or not words:
        return 0.0
    scores = []
    for word in words:
        best = process.extractOne(word, field, scorer=fuzz.ratio, score_cutoff=min_ratio)
        if best is None:
            return 0.0
        scores.append(best[1] / 100)
    return sum(scores) / len(scores)
