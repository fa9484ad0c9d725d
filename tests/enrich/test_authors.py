"""Authors stage: one spelling per person, and no merging of different people."""

from __future__ import annotations

import pytest

from corpus_browser.enrich.authors import index_authors, normalize_name
from corpus_browser.model import Article


def article(*authors: str) -> Article:
    return Article(source="s.txt", title="T", subtitle=None, authors=authors, date=None,
                   description="", first_line=1, last_line=1, words=0, body=(), set_aside=(),
                   prose_lines=0)


@pytest.mark.parametrize(("raw", "expected"), [
    ("DR.  JANE   doe, M.D.", "Jane Doe"),
    ("j.r.r. tolkien", "J. R. R. Tolkien"),
    ("Geoffrey A Moore", "Geoffrey A. Moore"),
    ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
    ("Prof. Mary-Ann O'Neil PhD", "Mary-Ann O'Neil"),
])
def test_normalize_name(raw, expected):
    assert normalize_name(raw) == expected


def authors_after_merge(*bylines: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [item.authors for item in index_authors([article(*names) for names in bylines]).articles]


def test_spellings_of_one_person_merge_into_the_most_used():
    assert authors_after_merge(("Jane Doe",), ("Jane Doe",), ("JANE DOE",), ("Jane A. Doe",)) == [("Jane Doe",)] * 4
    assert authors_after_merge(("Geoffrey Moore",), ("Geoffery Moore",), ("Geoffrey Moore",)) == [
        ("Geoffrey Moore",)] * 3


def test_a_shortened_given_name_merges():
    merged = index_authors([article("Jon Smith"), article("John Smith"), article("John Smith")])
    assert [a.authors for a in merged.articles] == [("John Smith",)] * 3
    assert [(m.name, m.variants) for m in merged.merges] == [("John Smith", ("Jon Smith",))]


@pytest.mark.parametrize("pair", [
    ("Mei Tanaka", "Wei Tanaka"),
    ("Ada Castillo", "Nadia Castillo"),
    ("Lara Schmidt", "Yara Schmidt"),
    ("Ana Jensen", "Ada Jensen"),
    ("Jane Doe", "Jane Dorn"),
    ("Jane Doe", "Jane Roe"),
])
def test_different_people_sharing_a_surname_or_given_name_stay_apart(pair):
    merged = index_authors([article(pair[0]), article(pair[1])])
    assert [a.authors for a in merged.articles] == [(pair[0],), (pair[1],)]
    assert merged.merges == ()


@pytest.mark.parametrize("pair", [("John Adams", "John Quincy Adams"), ("George H. W. Bush", "George W. Bush"),
                                  ("William Henry Harrison", "William Harrison")])
def test_a_written_out_middle_name_tells_people_apart(pair):
    merged = index_authors([article(pair[0]), article(pair[1]), article(pair[1])])
    assert [a.authors for a in merged.articles] == [(pair[0],), (pair[1],), (pair[1],)]
    assert merged.merges == ()


def test_an_article_never_lists_one_author_twice():
    assert authors_after_merge(("Jane Doe", "JANE DOE", "Sam Roe")) == [("Jane Doe", "Sam Roe")]


@pytest.mark.parametrize(("written", "name"), [
    ("Jane Doe, LL.D.", "Jane Doe"),
    ("Capt. John Smith", "John Smith"),
    ("JOHN WARD DEAN, A.M.", "John Ward Dean"),
    ("The Hon. Jane Doe, Ph.D.", "Jane Doe"),
    ("John Roe, Jr.", "John Roe"),
    ("Smith, J.", "Smith, J."),
    ("The Rust Core Team", "The Rust Core Team"),
])
def test_names_lose_the_honorifics_and_degrees_the_recogniser_knows(written, name):
    """One table of honorifics and degrees (`lang/rules.py`) for bylines and for names."""
    assert normalize_name(written) == name
