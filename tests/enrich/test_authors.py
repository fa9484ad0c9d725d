"""Authors stage: one spelling per person, and no merging of different people."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from rapidfuzz import fuzz, process

from corpus_browser.enrich import authors
from corpus_browser.enrich.authors import MERGE_NAME_RATIO, index_authors, normalize_name
from corpus_browser.model import Article, AuthorMerge


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


# --- issue 26, case 6: merging compares only the spellings that can be one person ---------

GIVEN = ["John", "Jon", "Jane", "Janet", "Geoffrey", "Christopher", "Christoph", "Mary-Ann", "Mei", "Wei", "Ada",
         "Nadia", "William", "Wilhelm", "Maximiliana", "Jo", "Li", "Aleksandr", "Alexander", "Ana", "Anna"]
SURNAMES = ["Doe", "Smith", "Smyth", "Moore", "Richard", "Richardson", "Johnson", "Johnstone", "Li", "Lee", "Ng",
            "Tanaka", "Williams", "Williamson", "Balasubramanian", "Garcia-Marquez", "Vanderbilt-Smithson",
            "Mukhopadhyay", "Schwarzenegger", "Wolfeschlegelsteinhausen", "Castillo", "O'Neil", "van Beethoven"]


def misspelt(word: str, rng: random.Random) -> str:
    """`word` with up to three letters changed, added, dropped or swapped."""
    letters = list(word)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(letters))
        edit = rng.choice(["change", "add", "drop", "swap"])
        if edit == "change":
            letters[i] = rng.choice("aeioulnrst")
        elif edit == "add":
            letters.insert(i, rng.choice("aeioulnrst"))
        elif edit == "drop" and len(letters) > 2:
            del letters[i]
        elif edit == "swap" and i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


def random_names(rng: random.Random, count: int) -> Counter[str]:
    """Names as bylines spell them: misspelt, with initials and middle names, in capitals, or one word."""
    names: Counter[str] = Counter()
    for _ in range(count):
        given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
        if rng.random() < 0.4:
            given, surname = (misspelt(given, rng), surname) if rng.random() < 0.3 else (given, misspelt(surname, rng))
        middle = rng.choice(["", "", "A.", "Quincy", "H. W."])
        if rng.random() < 0.15:
            given = given[0] + "."
        name = " ".join(part for part in (given, middle, surname) if part)
        if rng.random() < 0.05:
            name = surname
        names[normalize_name(name.upper() if rng.random() < 0.1 else name)] += rng.randint(1, 3)
    return names


def merged_by_comparing_every_pair(usage: Counter[str]) -> tuple[dict[str, str], tuple[AuthorMerge, ...]]:
    """The merge as it was before issue 26: every spelling compared with every other."""
    names = sorted(usage)
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for name in names:
        for other, _score, _index in process.extract(name, names, scorer=fuzz.token_set_ratio,
                                                      processor=str.casefold, score_cutoff=MERGE_NAME_RATIO,
                                                      limit=None):
            if other != name and authors._same_surname(name, other) and authors._same_given_name(name, other) \
                    and authors._same_middle_names(name, other):
                parent[root(other)] = root(name)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    canonical, merges = {}, []
    for members in groups.values():
        best = max(members, key=lambda name: (usage[name], len(name), name))
        canonical.update(dict.fromkeys(members, best))
        if len(members) > 1:
            merges.append(AuthorMerge(best, tuple(name for name in members if name != best)))
    return canonical, tuple(sorted(merges, key=lambda merge: merge.name))


@pytest.mark.parametrize("seed", range(8))
def test_26_06_merging_equals_comparing_every_pair(seed):
    usage = random_names(random.Random(seed), 600)
    expected = merged_by_comparing_every_pair(usage)
    assert len(expected[1]) > 20, "the names hold spellings to merge"
    assert authors._merge(usage) == expected
