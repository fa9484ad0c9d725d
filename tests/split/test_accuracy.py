"""The accuracy benchmark's scorer (benchmarks/accuracy.py): its matching rules, on made-up gold."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from accuracy import Gold, GoldArticle, PageSeen, fold, same_people, score  # noqa: E402


def page(title: str, first: int, last: int, authors: tuple[str, ...] = (), date: str | None = None,
         description: str = "") -> PageSeen:
    return PageSeen(title, description, first, last, authors, date)


def test_fold_drops_case_quotes_markup_enumeration_and_list_tags():
    assert fold("III.—ON FALLING IN LOVE.") == "on falling in love"
    assert fold("[gweekly] Re: “Thanks” for **Project** Gutenberg!") == "thanks for project gutenberg"
    assert fold("12. The Title") == "the title"
    assert fold("15.2.0") == "15.2.0" and fold("2.0 Release") == "2.0 release"  # a version, no enumeration


def test_pairs_are_one_to_one_best_match_then_nearest_line():
    gold = Gold((GoldArticle(10, "The Frog Prince"), GoldArticle(50, "Release 7.2.6", date="2023-09-13"),
                 GoldArticle(90, "Part Two", optional=True)), not_articles=((1, 8),))
    pages = [page("The Frog Prince", 2, 3),  # inside front matter: a false page
             page("THE FROG PRINCE", 10, 40),
             page("Release 7.2.6 (released Sep 13, 2023)", 50, 80, date="2023-09-13"),
             page("Part Two", 90, 99)]  # paired with an optional entry: counted on neither side
    result = score("x", gold, pages)
    assert (result.paired_gold, result.gold, result.paired_pages, result.pages) == (2, 2, 2, 3)
    assert (result.dates_right, result.dates_total) == (1, 1)


def test_an_optional_page_that_swallows_a_gold_title_counts_as_false():
    gold = Gold((GoldArticle(10, "First"), GoldArticle(20, "Second Piece Here"), GoldArticle(15, "Part", optional=True)),
                not_articles=())
    result = score("x", gold, [page("First", 10, 14), page("Part", 15, 30)])
    assert (result.paired_gold, result.pages, result.paired_pages) == (1, 2, 1)


def test_same_people_ignores_honorifics_degrees_and_initialled_first_names():
    assert same_people(["John Ward Dean"], ["Hon. John Ward Dean, A.M."])
    assert same_people(["H. W. Brewer"], ["Henry W. Brewer"])
    assert not same_people(["John Ward Dean"], ["John Ward Dean", "A. M."])
