"""Inputs a review of the splitter's rules wrote to find misfires
(tests/fixtures/review/, made up): each is read as a reader would, and as the
rules before that round read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_browser.config import SplitRules
from corpus_browser.model import Overrides, Seed, SeedInput
from corpus_browser.split import split_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"


def articles(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    [seed] = split_corpus([SeedInput(Seed(name, tuple(text.split("\n"))), Overrides())], SplitRules())
    return seed.articles


@pytest.mark.parametrize(("name", "titles"), [
    ("coded-digest.txt", ["F1: The season opener in Bahrain", "F2: Young drivers to watch",
                          "G7: Leaders meet in Cornwall", "Q3: Earnings season begins", "H2: The hydrogen economy",
                          "A1: Roads and motorways"]),
    ("news-two-styles.txt", [*(f"Version 3.{n}" for n in range(9, -1, -1)),
                             *(f"frobnicate 2.{n} released" for n in range(5, -1, -1)),
                             *(f"Version 1.{n}" for n in range(9, -1, -1))]),
    ("changes-licence.txt", ["Version 1.4", "Version 1.3", "Version 1.2", "Version 1.1", "Version 1.0"]),
    ("club-newsletter.txt", ["Chairman's Welcome", "Committee News", "Junior Coaching", "Winter League Results",
                             "Social Calendar", "Court Maintenance", "New Members", "Lost Property",
                             "Annual Dinner"]),
    ("department-titled-numbers.txt", ["The Harbour Mirror", "The Coast Road", "Route 66", "A Week in the Hills",
                                       "Noisy Fish", "Geology", "A Waterfall"]),
    ("blog-ending-in-prices.txt", ["Opening Day at the Bakery", "Why We Use Old Flour", "A Winter Menu",
                                   "Our Prices"]),
    ("changes-numbered-items.txt", ["Version 2.1.0", "Version 2.2.0", "Version 2.3.0"]),
])
def test_every_piece_is_an_article_under_its_own_title(name, titles):
    """A code before a digest's titles stays (only a FAQ's `A1)` numbers a
    question); a second heading style between two runs of a log's first is
    its own entries; a release that mentions its new licence is a release;
    a two-line notice between rules of stars is no wrapper's marker; a
    department's item titled with a number (`ROUTE 66.`) is no part of the
    item above; a last post of prices (`Sourdough loaf ..... 4`) and a last
    release whose items end in numbers (`Fix crash, 1297`) are no index."""
    assert [article.title for article in articles(name)] == titles


def test_bylines_are_names_not_case_names_and_one_author_signs_all_his_papers():
    assert [article.authors for article in articles("papers-one-author.txt")] == [("HAMILTON",)] * 5
    assert [article.authors for article in articles("case-notes.txt")] == [()] * 5  # `Marbury v. Madison`


def test_a_diary_newest_first_gets_no_year_it_does_not_state():
    """Under its year line, a diary's entries go back in time: the first is
    in that year, and no later one is carried into the years after it."""
    dated = [article.date for article in articles("diary-newest-first.txt") if article.date]
    assert dated and all(date.startswith("2019-") for date in dated)
