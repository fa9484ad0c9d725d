"""Relate stage: 3 to 5 related articles each, by shared words and shared themes."""

from __future__ import annotations

import bisect
import math
import random
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from corpus_browser.enrich import relate
from corpus_browser.enrich.discover import content_digest
from corpus_browser.enrich.relate import related_articles
from corpus_browser.enrich.words import CorpusWords
from corpus_browser.lang.stopwords import STOPWORDS
from corpus_browser.lang.text import tokens
from corpus_browser.model import Article, Block, BlockKind


def article(text: str, tags: tuple[str, ...] = ()) -> Article:
    return Article(source="seed.txt", title=text.split()[0], subtitle=None, authors=(), date=None,
                   description="", first_line=1, last_line=1, words=len(text.split()),
                   body=(Block(BlockKind.PARAGRAPH, (text,)),), set_aside=(), prose_lines=1, tags=tags)


def test_the_article_sharing_rare_words_and_themes_comes_first():
    articles = [
        article("Volcanoes erupt basalt magma near tectonic rifts", ("Geology",)),
        article("Bread rises with yeast and flour", ("Cooking",)),
        article("Magma chambers under volcanoes feed basalt flows", ("Geology",)),
        article("Opera singers train their voices daily", ("Music",)),
        article("Sourdough yeast needs flour and patience", ("Cooking",)),
    ]
    related = related_articles(articles)
    assert related[0][0] == 2 and related[2][0] == 0
    assert related[1][0] == 4 and related[4][0] == 1
    for i, found in enumerate(related):
        assert 3 <= len(found) <= 5 and i not in found and len(set(found)) == len(found)


def test_large_corpus_stays_bounded_and_finds_the_close_pair(monkeypatch):
    """Postings are truncated, so a word shared by many articles links only a few
    of them; a pair sharing distinctive words is still found."""
    monkeypatch.setattr(relate, "POSTINGS_PER_TERM", 4)
    common = "market growth strategy customers"
    articles = [article(f"{common} filler{i} unique{i}word", ("Business",)) for i in range(60)]
    articles[10] = article(f"{common} zebra giraffe savanna", ("Business",))
    articles[50] = article(f"{common} zebra giraffe savanna", ("Business",))
    related = related_articles(articles)
    assert related[10][0] == 50 and related[50][0] == 10
    assert all(3 <= len(found) <= 5 and i not in found for i, found in enumerate(related))
    assert related == related_articles(articles)


def test_articles_with_nothing_in_common_get_their_neighbours():
    articles = [article(f"alpha{i}word beta{i}word") for i in range(6)]
    assert related_articles(articles)[0] == (1, 2, 3)
    assert related_articles(articles)[3] == (2, 4, 1)


def reference_related(articles: list[Article]) -> list[tuple[int, ...]]:
    """Relatedness as a plain definition, one article and one pair at a time, in
    Python floats (the stage computes the same with arrays; every sum is taken
    in the same order, so the results must agree exactly)."""
    counts = []
    for item in articles:
        found = Counter(word for word in tokens(f"{item.title}\n{item.body_text}")
                        if len(word) > 2 and word not in STOPWORDS)
        counts.append(found)
    df = Counter(word for found in counts for word in found)
    total = len(articles)
    vectors = []
    for found in counts:
        weights = sorted(((-(1 + math.log(n)) * math.log((1 + total) / (1 + df[word])), word)
                          for word, n in found.items()))[:relate.TERMS_PER_ARTICLE]
        norm = math.sqrt(sum(weight * weight for weight, _ in weights)) or 1.0
        vectors.append([(word, -weight / norm) for weight, word in weights])
    postings: dict[str, list[tuple[float, int]]] = {}
    for i, vector in enumerate(vectors):
        for word, weight in vector:
            postings.setdefault(word, []).append((-weight, i))
    postings = {word: sorted(found)[:relate.POSTINGS_PER_TERM] for word, found in postings.items() if len(found) > 1}
    tags = [frozenset(item.tags) for item in articles]
    by_tags: dict[object, list[int]] = {}
    for i, found in enumerate(tags):
        for key in [found, *found]:
            by_tags.setdefault(key, []).append(i)
    weights = [dict(vector) for vector in vectors]
    related = []
    for i, vector in enumerate(vectors):
        text: dict[int, float] = {}
        budget = relate.POSTINGS_PER_ARTICLE
        for word, weight in vector:
            entries = postings.get(word, [])
            for other, j in entries[:budget]:
                text[j] = text.get(j, 0.0) + weight * -other
            budget -= len(entries)
            if budget <= 0:
                break
        candidates = {j for _, j in sorted((-score, j) for j, score in text.items())[:relate.TEXT_CANDIDATES]}
        for key, count in ([(tags[i], relate.THEME_CANDIDATES)] if tags[i] else []) + \
                [(theme, relate.THEME_CANDIDATES // 2) for theme in sorted(tags[i])]:
            holders = by_tags[key]
            middle = bisect.bisect_left(holders, i)
            candidates.update(holders[max(0, middle - count // 2 - 1): middle + count // 2 + 1])
        candidates.discard(i)

        def score(j: int) -> float:
            cosine = sum(weights[i][word] * weights[j][word] for word in sorted(weights[i].keys() & weights[j].keys()))
            union = len(tags[i] | tags[j])
            return relate.TEXT_WEIGHT * cosine + relate.THEME_WEIGHT * (len(tags[i] & tags[j]) / union if union else 0.0)

        chosen = [j for negative, j in sorted((-score(j), j) for j in candidates) if negative < 0][:relate.MAX_RELATED]
        around = [j for d in range(1, total) for j in (i - d, i + d) if 0 <= j < total and j not in chosen]
        related.append(tuple(chosen + around[:max(0, relate.MIN_RELATED - len(chosen))]))
    return related


@pytest.mark.parametrize(("seed", "theme_count"), [(1, 4), (2, 4), (3, 4), (4, 150)])
def test_the_stage_agrees_exactly_with_the_plain_definition(monkeypatch, seed, theme_count):
    """Random articles over a small vocabulary (so that words are shared, posting lists
    fill and budgets run out), random themes (a few, or more than one 64-bit word
    holds), and chunks smaller than the corpus."""
    monkeypatch.setattr(relate, "POSTINGS_PER_TERM", 5)
    monkeypatch.setattr(relate, "POSTINGS_PER_ARTICLE", 30)
    monkeypatch.setattr(relate, "CHUNK_ARTICLES", 17)
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bcdfg')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{n}" for n in range(60)]
    themes = ["Alpha", "Beta", "Gamma", "Delta"] if theme_count == 4 else [f"Theme {n}" for n in range(theme_count)]
    articles = [article(" ".join(rng.choices(vocabulary, k=rng.randint(1, 50))),
                        tuple(rng.sample(themes, rng.randint(0, 2 if theme_count == 4 else 6)))) for _ in range(120)]
    assert list(related_articles(articles)) == reference_related(articles)


def _relate(previous, stats, seeds):
    """`relate` on the seeds' articles (each seed a key and its articles), weighed by `stats`."""
    vectors = [relate.term_vectors(CorpusWords.of(articles), stats) for _key, articles in seeds]
    digests = [content_digest(item) for _key, articles in seeds for item in articles]
    return relate.relate(previous, stats, vectors, digests, _tags(seeds))


def _edited(seeds, rng, vocabulary, themes, serial):
    """One random edit: a seed's articles rewritten (the seed gets a new key), an
    article added or removed, a seed added or removed, or themes changed."""
    seeds = list(seeds)
    kind = rng.choice(["rewrite", "add", "remove", "new seed", "drop seed", "retag"])
    n = rng.randrange(len(seeds))
    key, articles = seeds[n]
    if kind == "rewrite":
        i = rng.randrange(len(articles))
        articles = articles[:i] + [article(" ".join(rng.choices(vocabulary, k=rng.randint(1, 50))),
                                           articles[i].tags)] + articles[i + 1:]
    elif kind == "add":
        articles = articles + [article(" ".join(rng.choices(vocabulary, k=30)), tuple(rng.sample(themes, 1)))]
    elif kind == "remove" and len(articles) > 1:
        articles = articles[1:]
    elif kind == "new seed":  # some of its articles share nothing: their neighbours fill their lists
        seeds.insert(n, (f"s{serial}", [article(" ".join(rng.choices(vocabulary, k=20)) if rng.random() < 0.5
                                                else f"lone{serial}x{k} only{serial}x{k}") for k in range(3)]))
        return seeds
    elif kind == "drop seed" and len(seeds) > 2:
        del seeds[n]
        return seeds
    elif kind == "retag":
        i = rng.randrange(len(articles))
        articles = articles[:i] + [replace(articles[i], tags=tuple(rng.sample(themes, rng.randint(0, 2))))] + \
            articles[i + 1:]
        seeds[n] = (key, articles)  # same words, same key: only the themes changed
        return seeds
    seeds[n] = (f"s{serial}", articles)
    return seeds


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_related_lists_updated_after_edits_equal_those_worked_out_from_scratch(monkeypatch, seed):
    """The stored statistics stay as fitted; after each random edit, `relate` given the
    previous relations (working out only what the edit reaches) equals `relate`
    from scratch, list for list and candidate for candidate."""
    monkeypatch.setattr(relate, "POSTINGS_PER_TERM", 5)
    monkeypatch.setattr(relate, "POSTINGS_PER_ARTICLE", 30)
    monkeypatch.setattr(relate, "CHUNK_ARTICLES", 17)
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bcdfg')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{n}" for n in range(80)]
    themes = ["Alpha", "Beta", "Gamma", "Delta"]
    seeds = [(f"s{n}", [article(" ".join(rng.choices(vocabulary[:60], k=rng.randint(1, 50))),
                                tuple(rng.sample(themes, rng.randint(0, 2)))) if rng.random() < 0.8
                        else article(f"alone{n}x{k} apart{n}x{k}") for k in range(rng.randint(1, 8))])
             for n in range(20)]
    stats = relate.word_stats(CorpusWords.of([item for _key, articles in seeds for item in articles]))
    relations = _relate(None, stats, seeds)
    fewer = []
    for serial in range(100, 130):
        seeds = _edited(seeds, rng, vocabulary, themes, serial)
        updated, full = _relate(relations, stats, seeds), _relate(None, stats, seeds)
        assert updated.related == full.related
        assert np.array_equal(updated.candidates, full.candidates)
        assert np.array_equal(updated.candidate_bounds, full.candidate_bounds)
        fewer.append(len(relate._affected(relations, updated.keys, updated.tags, stats, updated.vectors,
                                          updated.postings)) < len(updated.keys) // 2)
        relations = updated
    assert any(fewer), "some edits work out fewer than half the lists again"


def _tags(seeds):
    return [frozenset(item.tags) for _key, articles in seeds for item in articles]
