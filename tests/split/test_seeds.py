"""The shipped seeds, end to end: hand-checked articles, and nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from corpus_browser.config import SplitRules
from corpus_browser.lang.text import clean, sentences
from corpus_browser.model import BlockKind, Role
from corpus_browser.source.seeds import read_corpus
from corpus_browser.split import segment_corpus
from corpus_browser.split.extract import extract

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = yaml.safe_load((Path(__file__).parents[1] / "expected_articles.yml").read_text(encoding="utf-8"))
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def segmented():
    corpus = read_corpus(ROOT / "seeds")
    assert not corpus.errors and not corpus.warnings
    return {item.seed.name: item for item in segment_corpus(corpus.seeds, SplitRules())}


@pytest.fixture(scope="module")
def articles(segmented):
    return {
        name: [extract(segment, item.overrides) for segment in item.segments]
        for name, item in segmented.items()
    }


def test_shipped_seeds_are_the_shared_corpus_unchanged():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    shipped = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")
    assert shipped == sorted(p.name for p in SHARED_SEEDS.iterdir())
    for name in shipped:
        assert (ROOT / "seeds" / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_article_counts_per_seed(articles):
    assert {name: len(found) for name, found in articles.items()} == {
        name: len(expected) for name, expected in EXPECTED.items()
    }
    assert sum(len(found) for found in articles.values()) == 23


CASES = [(name, i) for name, expected in EXPECTED.items() for i in range(len(expected))]


@pytest.mark.parametrize(("name", "index"), CASES, ids=[f"{n[:3]}-{EXPECTED[n][i]['first_line']}" for n, i in CASES])
def test_article_matches_hand_checked(articles, name, index):
    expected = EXPECTED[name][index]
    article = articles[name][index]
    prose = [block for block in article.body if block.kind is not BlockKind.HEADING and block.kind is not BlockKind.SUBTITLE]
    assert article.title == expected["title"]
    assert article.subtitle == _normal(expected["subtitle"])
    assert list(article.authors) == expected["authors"]
    assert article.date == expected["date"]
    assert article.first_line == expected["first_line"]
    assert sentences(prose[0].texts[0])[0] == _normal(expected["first_sentence"])
    assert sentences(prose[-1].texts[-1])[-1] == _normal(expected["last_sentence"])
    assert [block.texts[0] for block in article.body if block.kind is BlockKind.HEADING] == expected["sections"]


def test_description_is_subtitle_else_first_sentence(articles):
    for name, found in articles.items():
        for article, expected in zip(found, EXPECTED[name]):
            assert article.description == _normal(expected["subtitle"] or expected["first_sentence"])


def test_every_non_blank_line_lands_in_exactly_one_article(segmented, articles):
    for name, item in segmented.items():
        non_blank = {n for n, line in enumerate(item.seed.lines, start=1) if clean(line)}
        covered = [n for segment in item.segments for unit in segment.units for n in range(unit.first, unit.last + 1)]
        assert sorted(covered) == sorted(non_blank), name
        assert len(covered) == len(set(covered)), f"{name}: a line is in two articles"
        tally = [article.tally for article in articles[name]]
        assert sum(t.prose + t.metadata + t.boilerplate for t in tally) == len(non_blank)


def test_every_prose_line_text_is_in_its_article_body(segmented, articles):
    """Prose units reach the page body word for word; only metadata and boilerplate are set aside."""
    for name, item in segmented.items():
        for segment, article in zip(item.segments, articles[name]):
            body = " ".join(text for block in article.body for text in block.texts)
            for unit in segment.units:
                if unit.role in (Role.PROSE, Role.LIST_ITEM) and unit.text != article.title:
                    assert unit.text.removeprefix(unit.marker).strip() in body, (name, unit.first)


def test_set_aside_lines_are_titles_bylines_dates_and_boilerplate(articles):
    set_aside = {
        name: [(item.first, item.kind.value) for article in found for item in article.set_aside]
        for name, found in articles.items()
    }
    assert set_aside["000_dd95cbab3b1d79ba.txt"] == [(1, "title")]
    assert set_aside["002_66e482983315ec50.txt"] == [(1, "date"), (3, "title"), (43, "byline"), (45, "boilerplate")]
    assert set_aside["003_7708fb45cd765596.txt"] == [(1, "title")]
    assert set_aside["004_1de00e39fff9dc3a.txt"] == [(line, "title") for line in (1, 29, 67, 109, 127, 173, 206, 222, 264, 311)]
    seed_001 = set_aside["001_2414a7c2c050991c.txt"]
    assert [line for line, kind in seed_001 if kind == "boilerplate"] == [
        5, 67, 87, 95, 97, 141, 143, 178, 180, 222, 224, 286, 288, 348, 350, 381, 383, 629, 700, 702, 729, 731]
    assert [line for line, kind in seed_001 if kind == "byline"] == [7, 103, 154, 193, 235, 299, 361, 640, 713]
    assert len([line for line, kind in seed_001 if kind == "title"]) == 19


def _normal(text: str | None) -> str | None:
    """Seed text as the splitter keeps it: white space runs (no-break spaces too) as one space."""
    return None if text is None else clean(text)
