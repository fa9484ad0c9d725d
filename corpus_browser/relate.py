"""Relate stage: for each article, the few articles a reader should see next.

Relatedness mixes text similarity (TF-IDF cosine over the articles' words) with
shared themes (Jaccard overlap of their tags). To stay fast on large corpora,
each article is represented by its most distinctive words only, and candidate
pairs come from an inverted index over those words, so the work grows with the
corpus, not with its square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import Article
from .tag import STOPWORDS, tokens

#: Words kept per article to describe it.
TERMS_PER_ARTICLE = 40
#: A word shared by more articles than this (in their descriptions) links too much to be telling.
MAX_POSTINGS = 400
#: How much text similarity and shared themes weigh in the score.
TEXT_WEIGHT, THEME_WEIGHT = 0.7, 0.3
MIN_RELATED, MAX_RELATED = 3, 5


def related_articles(articles: Sequence[Article]) -> tuple[tuple[int, ...], ...]:
    """For each article, the indexes of its 3 to 5 most related articles, best first."""
    vectors = _tfidf(articles)
    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((i, weight))
    by_theme: defaultdict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        for theme in article.tags:
            by_theme[theme].append(i)
    return tuple(
        _best(i, articles, vectors, postings, by_theme) for i in range(len(articles))
    )


def _tfidf(articles: Sequence[Article]) -> list[dict[str, float]]:
    counts = [Counter(word for word in tokens(f"{article.title}\n{article.body_text}")
                      if len(word) > 2 and word not in STOPWORDS)
              for article in articles]
    document_frequency = Counter(term for count in counts for term in count)
    total = len(articles)
    vectors = []
    for count in counts:
        weights = {term: (1 + math.log(n)) * math.log((1 + total) / (1 + document_frequency[term]))
                   for term, n in count.items()}
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TERMS_PER_ARTICLE]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        vectors.append({term: weight / norm for term, weight in top})
    return vectors


def _best(i: int, articles: Sequence[Article], vectors: Sequence[dict[str, float]],
          postings: dict[str, list[tuple[int, float]]], by_theme: dict[str, list[int]]) -> tuple[int, ...]:
    text_score: defaultdict[int, float] = defaultdict(float)
    for term, weight in vectors[i].items():
        if len(postings[term]) <= MAX_POSTINGS:
            for j, other_weight in postings[term]:
                text_score[j] += weight * other_weight
    candidates = set(text_score)
    themes = set(articles[i].tags)
    for theme in themes:
        candidates.update(by_theme[theme][:MAX_POSTINGS])
    candidates.discard(i)

    def score(j: int) -> float:
        other = set(articles[j].tags)
        shared = len(themes & other) / len(themes | other) if themes | other else 0.0
        return TEXT_WEIGHT * text_score.get(j, 0.0) + THEME_WEIGHT * shared

    ranked = sorted(candidates, key=lambda j: (-score(j), j))
    chosen = [j for j in ranked if score(j) > 0][:MAX_RELATED]
    if len(chosen) < MIN_RELATED:
        nearby = sorted((j for j in range(len(articles)) if j != i and j not in chosen), key=lambda j: (abs(j - i), j))
        chosen += nearby[: MIN_RELATED - len(chosen)]
    return tuple(chosen)
