"""Small text helpers shared by the stages: cleaning, keys, casing, sentences."""

from __future__ import annotations

import re
import unicodedata

from .rules import MINOR_WORDS

#: Characters that take no space and carry no text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")


def clean(line: str) -> str:
    """A line as prose: invisible characters and control characters dropped,
    every run of white space (tabs, no-break spaces, form feeds) one space."""
    line = line.translate(_INVISIBLE)
    line = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in line)
    return " ".join(line.split())


def indent_of(line: str) -> int:
    """Leading white space, a tab counting as four columns."""
    stripped = line.lstrip()
    return len(line[: len(line) - len(stripped)].expandtabs(4))


def key(text: str) -> str:
    """A comparison key: case, spacing and surrounding punctuation ignored."""
    return " ".join(re.sub(r"^\W+|\W+$", "", text.casefold()).split())


def word_count(text: str) -> int:
    return len(text.split())


def is_title_case(text: str) -> bool:
    """Most words that are not small words start with a capital ("Win Customers Not Arguments")."""
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    major = [word for word in words[1:] if word.casefold() not in MINOR_WORDS]
    if not major:
        return True
    return sum(word[0].isupper() for word in major) / len(major) >= 0.6


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at `.`, `!`, `?` or `…` before a capital."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start : match.start(1)])
        start = match.end(1)
    parts.append(text[start:])
    return [part for part in parts if part]


def first_sentence(text: str) -> str:
    return sentences(text)[0] if text else ""
