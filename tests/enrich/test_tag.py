"""Tag stage: phrases and their variants decide themes; the report lists uncovered phrases."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from corpus_browser.config import BuildConfig
from corpus_browser.enrich.tag import UNCOVERED_CANDIDATES, _variants, tag_articles
from corpus_browser.lang.stopwords import STOPWORDS
from corpus_browser.lang.text import tokens
from corpus_browser.model import Article, Block, BlockKind, Taxonomy, Theme
from corpus_browser.pipeline.build import gather

TAXONOMY = Taxonomy(
    themes=(
        Theme("Customers", ("customer", "customer centric", "customer journey map")),
        Theme("Trust", ("trust", "ai")),
    ),
    min_hits=2,
)


def article(title: str, text: str) -> Article:
    return Article(source="seed.txt", title=title, subtitle=None, authors=(), date=None, description="",
                   first_line=1, last_line=1, words=len(text.split()),
                   body=(Block(BlockKind.PARAGRAPH, (text,)),), set_aside=(), prose_lines=1)


def test_variants_count_for_their_phrase_and_title_hits_weigh_more():
    tagging = tag_articles([
        article("Customers first", "Be customer-centric: customers trust a customer centric firm."),
        article("Nothing here", "Trust is earned. Trusting AI takes time."),
    ], TAXONOMY)
    first, second = tagging.evidence
    assert first[0].theme == "Customers"
    assert dict(first[0].phrases) == {"customer": 3 + 3, "customer centric": 2}
    assert dict(second[0].phrases) == {"trust": 1, "ai": 1}  # "trusting" is too far from "trust"
    assert tagging.articles[0].tags == ("Customers",)
    assert tagging.articles[1].tags == ("Trust",)


def test_evidence_matches_counting_every_ngram():
    """Only n-grams that begin like a phrase are counted; the result must not differ."""
    texts = ["A customer journey map, customer-journey maps and a customers journey map.",
             "AI, ai and A.I. all trust the customer, the customers and the customer's trust.",
             "Nothing about it at all, really."]
    tagging = tag_articles([article("", text) for text in texts], TAXONOMY)
    for text, found in zip(texts, tagging.evidence):
        words = tokens(text)
        grams = Counter(" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1))
        variants = _variants(TAXONOMY, grams)
        expected = {(theme.name, phrase, sum(grams[v] for v in variants[phrase]))
                    for theme in TAXONOMY.themes for phrase in theme.phrases}
        assert {(e.theme, p, n) for e in found for p, n in e.phrases} == {x for x in expected if x[2]}


def test_uncovered_lists_shared_phrases_no_theme_covers():
    texts = [f"Supply chain resilience matters. The 2024 budget and the cost of customer centric work {i}."
             for i in range(3)] + ["Supply chain resilience once more."]
    tagging = tag_articles([article(f"Piece {i}", text) for i, text in enumerate(texts)], TAXONOMY)
    uncovered = dict(tagging.uncovered)
    assert uncovered["supply chain"] == 4
    assert uncovered["supply chain resilience"] == 4
    assert "customer centric" not in uncovered  # a theme phrase
    assert "2024 budget" not in uncovered  # a number
    assert not any(gram.startswith("the ") or gram.endswith(" the") for gram in uncovered)  # stopwords


def test_evidence_does_not_depend_on_article_order():
    texts = ["Customer trust and customer centric teams.", "Trust in AI, trust in people."]
    forward = tag_articles([article("T", text) for text in texts], TAXONOMY)
    backward = tag_articles([article("T", text) for text in reversed(texts)], TAXONOMY)
    assert forward.evidence == tuple(reversed(backward.evidence))


#: Each shipped article's themes from the shipped themes.yml (seed, first line): pinned, so that
#: discovery and fit never change what a fitting, written taxonomy gives.
SHIPPED_THEMES = {
    ("000_dd95cbab3b1d79ba.txt", 1): ("Partnerships & Ecosystems", "Trust", "Culture & Teams", "Relationships & Loyalty"),
    ("001_2414a7c2c050991c.txt", 1): ("Scaling", "Partnerships & Ecosystems", "Innovation", "Strategy"),
    ("001_2414a7c2c050991c.txt", 99): ("Uncertainty & Risk", "Innovation", "Change Management", "Decision Making"),
    ("001_2414a7c2c050991c.txt", 150): ("Customer Experience",),
    ("001_2414a7c2c050991c.txt", 187): ("Digital Transformation", "Strategy", "Customer Experience", "Marketing"),
    ("001_2414a7c2c050991c.txt", 231): ("Sales", "Customer Experience", "Technology & AI", "Decision Making"),
    ("001_2414a7c2c050991c.txt", 295): ("Startups", "Innovation", "Scaling", "Technology & AI"),
    ("001_2414a7c2c050991c.txt", 357): ("Decision Making", "Innovation", "Trust"),
    ("001_2414a7c2c050991c.txt", 385): ("Innovation", "Technology & AI", "Change Management", "Uncertainty & Risk"),
    ("001_2414a7c2c050991c.txt", 636): ("Change Management", "Uncertainty & Risk", "Strategy"),
    ("001_2414a7c2c050991c.txt", 709): ("Customer Experience", "Sales"),
    ("002_66e482983315ec50.txt", 1): ("Leadership", "Innovation", "Customer Experience"),
    ("003_7708fb45cd765596.txt", 1): ("Leadership", "Customer Experience", "Digital Transformation", "Trust"),
    ("004_1de00e39fff9dc3a.txt", 1): ("Trust", "Decision Making"),
    ("004_1de00e39fff9dc3a.txt", 29): ("Trust", "Uncertainty & Risk"),
    ("004_1de00e39fff9dc3a.txt", 67): ("Ethics", "Strategy", "Partnerships & Ecosystems"),
    ("004_1de00e39fff9dc3a.txt", 109): ("Trust", "Marketing"),
    ("004_1de00e39fff9dc3a.txt", 127): ("Strategy", "Trust", "Leadership"),
    ("004_1de00e39fff9dc3a.txt", 173): ("Partnerships & Ecosystems", "Strategy"),
    ("004_1de00e39fff9dc3a.txt", 206): ("Trust",),
    ("004_1de00e39fff9dc3a.txt", 222): ("Decision Making", "Change Management"),
    ("004_1de00e39fff9dc3a.txt", 264): ("Sales", "Marketing", "Relationships & Loyalty"),
    ("004_1de00e39fff9dc3a.txt", 311): ("Sales", "Strategy", "Relationships & Loyalty"),
}


def test_the_shipped_taxonomy_gives_the_shipped_seeds_their_themes():
    root = Path(__file__).resolve().parents[2]
    corpus = gather(BuildConfig(seeds_dir=root / "seeds", themes_file=root / "themes.yml"))
    got = {(item.article.source, item.article.first_line): item.article.tags for item in corpus.articles}
    assert got == SHIPPED_THEMES


def test_uncovered_agrees_with_counting_every_phrase():
    """The report's uncovered phrases, against the plain definition: each article's
    distinct two- and three-word body phrases that neither start nor end with a
    stopword and hold no number, counted once per article."""
    rng = random.Random(3)
    vocabulary = ["supply", "chain", "the", "of", "2024", "risk", "customer", "centric", "trust", "budget", "and"]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(0, 40))) + "." for _ in range(60)]
    tagging = tag_articles([article(f"Title {i} supply chain", text) for i, text in enumerate(texts)], TAXONOMY)
    spread: Counter[str] = Counter()
    for text in texts:
        words = tokens(text)
        found = set()
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if gram[0] not in STOPWORDS and gram[-1] not in STOPWORDS and not any(w.isdigit() for w in gram) \
                        and not gram[0].isdigit():
                    found.add(" ".join(gram))
        spread.update(found)
    covered = {gram for phrase in _variants(TAXONOMY, {g for g in spread} | set(vocabulary)).values() for gram in phrase}
    expected = sorted(((gram, n) for gram, n in spread.items() if n >= 3 and gram not in covered),
                      key=lambda item: (-item[1], item[0]))[:UNCOVERED_CANDIDATES]
    assert tagging.uncovered == tuple(expected)
