"""Authors stage: normalise the names bylines give, and merge near-identical ones.

Bylines spell the same person many ways: "DR. JANE DOE, M.D.", "Jane  Doe",
"Jane A. Doe", "Geoffery Moore" for "Geoffrey Moore". Names are cleaned by rule
(honorifics and degrees, with the recogniser's tables in `lang/rules.py`; case,
spacing, initials), then names that rapidfuzz finds nearly identical,
with a matching surname, are merged into the form used most often.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from corpus_browser.lang.recognise import strip_degrees, strip_honorifics
from corpus_browser.lang.rules import NAME_PARTICLES
from corpus_browser.model import Article, AuthorMerge, Derivations

_INITIALS = re.compile(r"\b([A-Za-z])\.(?=[A-Za-z])")
_LONE_INITIAL = re.compile(r"(?<!\S)([A-Z])(?=\s|$)")
#: The parts of a name word that each start with a capital: "Mary-Ann", "O'Neil".
_NAME_PART = re.compile(r"[^\-'’]+")
#: Two names are one author when their words agree this much (rapidfuzz token_set_ratio) ...
MERGE_NAME_RATIO = 90.0
#: ... and their surnames this much (rapidfuzz ratio) ...
MERGE_SURNAME_RATIO = 80.0
#: ... and their given names start alike and agree this much ("Jon" and "John",
#: not "Mei" and "Wei" nor "Ada" and "Nadia": those are different people).
MERGE_GIVEN_NAME_RATIO = 80.0


@dataclass(frozen=True)
class AuthorIndex:
    """The articles with normalised author names, and the merges made."""

    articles: tuple[Article, ...]
    merges: tuple[AuthorMerge, ...]


def normalize_name(name: str) -> str:
    """One spelling of a person's name.

    >>> normalize_name("DR.  JANE   doe, M.D.")
    'Jane Doe'
    >>> normalize_name("j.r.r. tolkien")
    'J. R. R. Tolkien'
    >>> normalize_name("Geoffrey A Moore")
    'Geoffrey A. Moore'
    >>> normalize_name("Jane Doe, LL.D."), normalize_name("Capt. John Smith")
    ('Jane Doe', 'John Smith')
    """
    name = strip_degrees(strip_honorifics(" ".join(name.split())))
    name = _INITIALS.sub(r"\1. ", name)
    name = " ".join(_capitalized(word) for word in name.split())
    name = _LONE_INITIAL.sub(r"\1.", name)
    return " ".join(name.split())


def _capitalized(word: str) -> str:
    """A word of a name as it is usually written: "DOE" and "doe" become "Doe",
    "O'NEIL" becomes "O'Neil"; mixed case ("McDonald") and particles ("van") stay."""
    if word.casefold() in NAME_PARTICLES:
        return word.casefold()
    if len(word.rstrip(".")) == 1:
        return word.upper()
    if not (word.isupper() or word.islower()):
        return word
    return _NAME_PART.sub(lambda part: part[0][:1].upper() + part[0][1:].lower(), word)


def index_authors(articles: Sequence[Article], derived: Derivations | None = None) -> AuthorIndex:
    """Normalise every article's authors and merge spellings of the same person.
    An article whose authors are already so is itself in the result; `derived`
    remembers the others from one build to the next."""
    derived = derived if derived is not None else Derivations()
    normalized = [_normalized(article.authors) for article in articles]
    usage = Counter(name for names in normalized for name in names)
    canonical, merges = _merge(usage)
    indexed = []
    for article, names in zip(articles, normalized):
        authors = tuple(dict.fromkeys(canonical[name] for name in names))
        indexed.append(article if authors == article.authors else
                       derived.derive(article, authors, lambda: replace(article, authors=authors)))
    derived.finish()
    return AuthorIndex(articles=tuple(indexed), merges=merges)


@functools.lru_cache(maxsize=1 << 16)
def _normalized(authors: tuple[str, ...]) -> tuple[str, ...]:
    """A byline's names, each normalised once (bylines repeat: remembered)."""
    return tuple(dict.fromkeys(normalize_name(name) for name in authors if name.strip()))


def _merge(usage: Counter[str]) -> tuple[dict[str, str], tuple[AuthorMerge, ...]]:
    """Map every spelling to its group's most used spelling (`_groups`)."""
    groups = _groups(tuple(sorted(usage)))
    canonical, merges = {}, []
    for members in groups:
        best = max(members, key=lambda name: (usage[name], len(name), name))
        canonical.update(dict.fromkeys(members, best))
        if len(members) > 1:
            merges.append(AuthorMerge(best, tuple(name for name in members if name != best)))
    return canonical, tuple(sorted(merges, key=lambda merge: merge.name))


@functools.lru_cache(maxsize=8)
def _groups(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The sorted `names` in groups of spellings of one person (made once per set of names:
    a save that adds no name compares none again): spellings join a group when
    their words agree (`MERGE_NAME_RATIO`) and their surnames, given and middle
    names can be one person's. Only the spellings that can be (`_candidates`)
    are compared, so that the cost grows with the number of names, not with its
    square (16,000 authors took minutes, issue 26); the groups are those of
    comparing every spelling with every other."""
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = name = parent[parent[name]]
        return name

    for block, others in _candidates(names):
        scores = process.cdist(block, others, scorer=fuzz.token_set_ratio, processor=str.casefold,
                               score_cutoff=MERGE_NAME_RATIO)
        for i, j in zip(*scores.nonzero()):
            name, other = block[i], others[j]
            if name != other and _same_surname(name, other) and _same_given_name(name, other) \
                    and _same_middle_names(name, other):
                parent[root(other)] = root(name)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    return tuple(tuple(members) for members in groups.values())


def _candidates(names: Sequence[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Blocks of spellings to compare with one another: those that share the
    initial of their given name and their surname (a one-word name: the whole
    name, case folded), and those that share the initial and have surnames
    alike (`_similar_words`); no two spellings outside them are one person."""
    families: dict[tuple[str, str], list[str]] = {}
    for name in names:
        words = name.split()
        if words:
            key = (words[0].casefold()[0], words[-1].casefold()) if len(words) > 1 else ("", name.casefold())
            families.setdefault(key, []).append(name)
    initials: dict[str, set[str]] = {}
    for initial, surname in families:
        if initial:
            initials.setdefault(surname, set()).add(initial)
    for members in families.values():
        if len(members) > 1:
            yield members, members
    for surname, other in _similar_words(initials):
        for initial in initials[surname] & initials[other]:
            yield families[initial, surname], families[initial, other]


#: Words of up to this many letters are found alike by shared parts (`_similar_words`);
#: longer ones, rare in names, are compared with every word long enough to be like them.
_PART_MAX_LETTERS = 14


def _similar_words(words: Collection[str]) -> set[tuple[str, str]]:
    """The pairs of `words` (each pair once) whose ratio is at least `MERGE_SURNAME_RATIO`.

    Two words that alike keep their longest common subsequence when at most a
    third of the longer one's letters and a fifth of the shorter one's are
    deleted (a ratio of 80 allows no more). So each word is filed under the
    words made of it by deleting up to a fifth of its letters, and looks up
    those made of it by deleting up to a third (as SymSpell does): it is
    compared only with the words it finds. A word longer than
    `_PART_MAX_LETTERS` is compared with every word of two thirds its length or more.
    """
    filed: dict[str, list[str]] = {}
    for word in words:
        if len(word) <= _PART_MAX_LETTERS:
            for part in _deletions(word, len(word) // 5):
                filed.setdefault(part, []).append(word)
    others = [word for word in words if 3 * len(word) >= 2 * (_PART_MAX_LETTERS + 1)]
    pairs = set()
    for word in words:
        if len(word) <= _PART_MAX_LETTERS:
            found = (other for part in _deletions(word, len(word) // 3) for other in filed.get(part, ()))
        else:
            found = (other for other, _score, _index in process.extract(
                word, others, scorer=fuzz.ratio, score_cutoff=MERGE_SURNAME_RATIO, limit=None))
        pairs.update((min(word, other), max(word, other)) for other in found if other != word)
    return {(a, b) for a, b in pairs if fuzz.ratio(a, b) >= MERGE_SURNAME_RATIO}


def _deletions(word: str, most: int) -> set[str]:
    """`word` and the words made of it by deleting up to `most` of its letters.

    >>> sorted(_deletions("ada", 1))
    ['aa', 'ad', 'ada', 'da']
    """
    found = edge = {word}
    for _ in range(most):
        edge = {part[:i] + part[i + 1:] for part in edge for i in range(len(part))}
        found = found | edge
    return found


def _same_surname(a: str, b: str) -> bool:
    words_a, words_b = a.split(), b.split()
    if len(words_a) < 2 or len(words_b) < 2:
        return a.casefold() == b.casefold()
    return fuzz.ratio(words_a[-1].casefold(), words_b[-1].casefold()) >= MERGE_SURNAME_RATIO


def _same_middle_names(a: str, b: str) -> bool:
    """Whether two names' middle words can be the same: a written-out middle name
    tells people apart ("John Adams" is not "John Quincy Adams", nor "George H. W.
    Bush" "George W. Bush"), where a lone initial may be left out ("Jane A. Doe")."""
    middle_a, middle_b = a.split()[1:-1], b.split()[1:-1]
    if not middle_a or not middle_b:
        return all(_is_initial(word) for word in middle_a + middle_b)
    if len(middle_a) != len(middle_b):
        return False
    return all(_same_given_name(word_a, word_b) for word_a, word_b in zip(middle_a, middle_b))


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _same_given_name(a: str, b: str) -> bool:
    """Whether two names' first words can be one given name: the same initial,
    and, unless one is only that initial, nearly the same spelling."""
    first_a, first_b = a.split()[0].casefold(), b.split()[0].casefold()
    if first_a[0] != first_b[0]:
        return False
    if len(first_a.rstrip(".")) == 1 or len(first_b.rstrip(".")) == 1:
        return True
    return fuzz.ratio(first_a, first_b) >= MERGE_GIVEN_NAME_RATIO
