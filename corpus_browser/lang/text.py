"""Small text helpers shared by the stages: cleaning, keys, casing, sentences."""

from __future__ import annotations

import re
import unicodedata

import regex

from corpus_browser.lang.cjk import CJK_PUNCTUATION, CJK_RUN, segment
from corpus_browser.lang.rules import (
    ENUMERATION,
    MINOR_WORDS,
    MONTHS,
    ORDINALS,
    ROMAN_NUMERAL,
    TEMPLATE_CALL,
    TITLE_MARKS,
    TITLE_SMALL_WORDS,
)

#: Longest title and description a page shows, in characters (a longer one is
#: cut at a word and ends with "…"), and the longest author name a sidecar may give.
TITLE_MAX_CHARS = 200
DESCRIPTION_MAX_CHARS = 300
NAME_MAX_CHARS = 100

#: Characters that take no space and carry no text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: Control characters (Unicode category Cc, which the standard fixes to these 65).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: From the first to the last word character of a text.
_WORD_SPAN = re.compile(r"\w(?:.*\w)?", re.DOTALL)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
#: Text raised as plain text writes a superscript: `^{st}`, `^{sten}`.
_SUPERSCRIPT = re.compile(r"\^\{[^{}\s]{1,6}\}")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")


def clean(line: str) -> str:
    """A line as prose: invisible characters and control characters dropped,
    every run of white space (tabs, no-break spaces, form feeds) one space."""
    if _is_clean(line):
        return line
    return " ".join(_CONTROL.sub(" ", _INVISIBLE.sub("", line)).split())


def _is_clean(text: str) -> bool:
    """Whether `clean` would return `text` as it is: printable (so without
    invisible, control or white-space characters other than the plain space),
    with single spaces between words and none around them."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def indent_of(line: str) -> int:
    """Leading white space, a tab counting as four columns."""
    stripped = line.lstrip()
    return len(line[: len(line) - len(stripped)].expandtabs(4))


def key(text: str) -> str:
    """A comparison key: case, spacing and surrounding punctuation ignored."""
    span = _WORD_SPAN.search(text.casefold())
    if span is None:
        return ""
    return span[0] if _is_clean(span[0]) else " ".join(span[0].split())


def word_count(text: str) -> int:
    if _is_clean(text):
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def more_words_than(text: str, limit: int) -> bool:
    """`word_count(text) > limit`, without splitting beyond the limit."""
    return len(text.split(maxsplit=limit)) > limit


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
    """Whether every letter of `text` is a capital, but those raised as plain
    text writes a superscript (`31^{st}`): an ordinal's ending, not the line's case."""
    letters = [ch for ch in (_SUPERSCRIPT.sub("", text) if "^{" in text else text) if ch.isalpha()]
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
    """`sentences(text)[0]`, without splitting the rest."""
    end = _SENTENCE_END.search(text)
    return text[: end.start(1)] if end else text


#: Titles follow one pattern when their first this many words agree, numbers and months aside.
TITLE_PATTERN_WORDS = 3
_DIGIT = re.compile(r"\d")


def title_pattern(text: str) -> str:
    """A title's first words, any word with a digit and any month name
    abstracted: `Release 7.2.6 (Sep 13, 2023)` -> `release 0 (mon`."""
    words = text.casefold().split()[:TITLE_PATTERN_WORDS]
    return " ".join("0" if _DIGIT.search(word) else "mon" if word.strip(".,()") in MONTHS else word
                    for word in words)


#: An ordinal word, alone or in a compound ("twenty-first").
_ORDINAL = re.compile(r"(?:\w+-)?(?:" + "|".join(sorted(ORDINALS)) + r")(?:-\w+)?")


def label_pattern(text: str) -> str:
    """A heading with its numbering abstracted (digits, roman numerals, ordinal
    words) and the punctuation around its words dropped: `1. First Day.` and
    `12. Twelfth Day.` are both `0 0 day`, `FEDERALIST. No. 7` and `FEDERALIST No. 5` both `federalist no 0`."""
    words = []
    for word in text.split():
        core = word.strip(".,:;()[]").casefold()
        numbering = _DIGIT.search(word) or ROMAN_NUMERAL.match(core.upper()) or _ORDINAL.fullmatch(core)
        words.append("0" if numbering else core)
    return " ".join(word for word in words if word)


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word when there is one, with "…".

    >>> shorten("Win customers, not arguments", 16)
    'Win customers,…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    at_word = cut.rpartition(" ")[0]
    return (at_word if len(at_word) >= limit // 2 else cut).rstrip() + "…"


#: A word for tagging, relating and searching: Unicode letters, digits and the
#: marks that combine with them (a letter or digit first), an apostrophe and
#: letters inside. Runs of CJK characters are cut into words first (`with_cjk_words`).
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'\p{L}[\p{L}\p{M}]*)?")


def folded(text: str) -> str:
    """Text as words are compared: case folded (`Straße` -> `strasse`), in
    Unicode's composed form (NFC, so `é` is one character however it was
    typed), curly apostrophes straight."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFC", text.casefold())
    return text.replace("’", "'") if "’" in text else text


#: Languages that elide an article or pronoun into the next word with an
#: apostrophe ("l'équipage", "dell'arte"), and the elided words, split off.
ELIDING_LANGUAGES = frozenset({"fr", "it", "ca"})
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|dell|nell|all|dall|sull|un)'(?=\w)")


def without_elisions(text: str, language: str | None) -> str:
    """Folded text in French, Italian or Catalan with elided words apart from the
    next (`d'équipage` -> `d' équipage`), so the word is found as itself."""
    if language not in ELIDING_LANGUAGES or "'" not in text:
        return text
    return _ELISION.sub(lambda elided: elided[0] + " ", text)


def with_cjk_words(text: str, language: str | None = None) -> str:
    """Folded text with each run of Chinese or Japanese characters cut into its
    words, spaced apart (`cjk.segment`), and CJK punctuation read as full stops."""
    if not CJK_RUN.search(text):
        return text
    text = CJK_PUNCTUATION.sub(".", text)
    return CJK_RUN.sub(lambda run: " " + " ".join(segment(run[0], language)) + " ", text)


def tokens(text: str, language: str | None = None) -> list[str]:
    """Words, case folded, in any script; hyphens and slashes separate words
    ("customer-centric"), and Chinese and Japanese are cut into words by a
    segmenter (`language` `ja` picks Japanese's).

    >>> tokens("Café naïve RÉSUMÉ, Straße"), tokens("基調講演", "ja")
    (['café', 'naïve', 'résumé', 'strasse'], ['基調', '講演'])
    """
    return WORD.findall(with_cjk_words(without_elisions(folded(text), language), language))


def ease_capitals(text: str) -> str:
    """Title Case for a title in capitals: small words lower case but the
    first, roman numerals and dotted abbreviations (`U.S.A.`) kept."""
    words = text.split(" ")
    eased = []
    for n, word in enumerate(words):
        core = word.strip("\"'“”‘’([{")
        if ROMAN_NUMERAL.match(core.rstrip(".,;:")) or ("." in core.rstrip(".") and len(core) <= 6):
            eased.append(word)
        elif n and core.casefold() in TITLE_SMALL_WORDS and not eased[-1].endswith((":", "—", ".")):
            eased.append(word.casefold())
        else:
            eased.append(_capitalised(word))
    return " ".join(eased)


def _capitalised(word: str) -> str:
    """`STAGE-COACHES` -> `Stage-Coaches`, `O'NEIL` -> `O'Neil`, `CHILD’S` -> `Child’s`."""
    parts = []
    for part in re.split(r"([-'’])", word.casefold()):
        after_apostrophe = bool(parts) and parts[-1] in ("'", "’")
        parts.append(part[:1].upper() + part[1:] if part and (not after_apostrophe or len(part) > 2) else part)
    first = next((i for i, ch in enumerate("".join(parts)) if ch.isalpha()), None)
    joined = "".join(parts)
    return joined if first is None else joined[:first] + joined[first].upper() + joined[first + 1:]


#: Quotes around a whole title, and the square brackets a changelog sets around a version (`[0.31.2]`).
_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "[": "]"}


def _opens_inside(inner: str, mark: str) -> bool:
    """Whether the opening `mark` stands inside the text as one opens, not after
    a letter (an apostrophe: `'The Dogs' Home'`): the marks at its ends are
    then no pair around it all (`[list] A title [Short]`, `"Yes" and "No"`)."""
    return any(char == mark and (i == 0 or not inner[i - 1].isalnum()) for i, char in enumerate(inner))


def reader_title(heading: str) -> tuple[str, str | None]:
    """A heading as a title: quotes or square brackets around it and its enumeration dropped, a
    full stop, comma, colon or semicolon at its end dropped, and capitals eased ("THE GOLDEN BIRD" ->
    "The Golden Bird"); with the label its enumeration names, if any
    (`CHAPTER 4. FIRE` -> `Fire` and `Chapter 4`); a macro's call, its text (`rules.TEMPLATE_CALL`)."""
    text = TITLE_MARKS.sub("", heading.strip())
    text = call["title"].strip() if (call := TEMPLATE_CALL.match(text)) else text
    if len(text) > 2 and _QUOTE_PAIRS.get(text[0]) == text[-1] and not _opens_inside(text[1:-1], text[0]):
        text = text[1:-1].strip()
    label = None
    numbering = ENUMERATION.match(text)
    if numbering:
        words = numbering[0].strip(" .):|—–-")
        label = words if words[:1].isalpha() and " " in words and not set(words.upper()) <= set("IVXLC ") \
            else None  # `Chapter 4`, not `III` nor `LX VII`
        text = text[numbering.end():]
    text = text.rstrip(" ,;:")  # a heading over its alternative title (`THE HOUSE THAT BELL BUILT;` over `OR, …`)
    last_word = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and "." not in last_word[:-1] and (len(last_word) > 2 or last_word[:-1].isdigit()):
        text = text[:-1]
    text = ease_capitals(text) if is_all_caps(text) else text
    return text, (ease_capitals(label) if label and is_all_caps(label) else label)
