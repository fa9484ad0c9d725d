"""Which language a text is written in: language codes, and detection with py3langid.

py3langid (a maintained fork of langid.py: a naive Bayes model over byte
n-grams of 97 languages, 4.5 MB, offline, NumPy only) reads a piece's first
`SAMPLE_CHARS` characters in about a quarter of a millisecond; loading its
model takes most of a second, so English, the commonest case, is told first
by its commonest words (`ENGLISH_MARKERS`), which no other language shares,
and a corpus in English never loads the model. Short texts are not guessed:
below `MIN_LETTERS` letters the answer is None and the caller keeps what it
knew (the seed's language, the site's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus_browser.lang.cjk import CJK_RUN

#: A language tag as pages and feeds declare it: `fr`, `de`, `pt-br`, `zh-hant`.
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
#: Texts with fewer letters are not guessed (titles, captions: too short to tell);
#: a Chinese or Japanese character, which says as much as a short word, counts as four.
MIN_LETTERS = 40
CJK_LETTER_WEIGHT = 4
#: What detection reads of a long text: its start, where a piece's own language shows.
SAMPLE_CHARS = 1500
#: English's commonest function words, none of them a common word of another
#: language: a text where they are `ENGLISH_MIN_SHARE` of the words is English.
ENGLISH_MARKERS = frozenset("the and of to that with this you are have they which from his her were been would "
                            "there their what".split())
ENGLISH_MIN_SHARE = 0.1
#: Languages that write numeric dates month first (`05/23/2016`); all others day first.
MONTH_FIRST = frozenset({"en"})
#: The default when nothing says otherwise.
DEFAULT_LANGUAGE = "en"


def language_tag(value: object) -> str | None:
    """A language tag in lower case (`FR` -> `fr`, `pt_BR` -> `pt-br`), or None when `value` is not one."""
    if not isinstance(value, str):
        return None
    tag = value.strip().lower().replace("_", "-")
    return tag if LANGUAGE_TAG.fullmatch(tag) else None


def primary(tag: str | None) -> str | None:
    """The language of a tag without its region or script: `pt-br` -> `pt`."""
    return tag.split("-", 1)[0] if tag else None


def date_order(language: str | None) -> str:
    """`month-first` or `day-first`: how numeric dates are written in `language`."""
    return "month-first" if primary(language) in MONTH_FIRST else "day-first"


def detect_language(text: str) -> str | None:
    """The language `text` is written in, as an ISO 639-1 code, or None when
    it has fewer than `MIN_LETTERS` letters. Reads the first `SAMPLE_CHARS`.

    >>> detect_language("Le chat dort sur le canapé pendant que la pluie tombe sur Paris.")
    'fr'
    """
    sample = text[:SAMPLE_CHARS]
    cjk = sum(len(run) for run in CJK_RUN.findall(sample))
    if sum(char.isalpha() for char in sample) + (CJK_LETTER_WEIGHT - 1) * cjk < MIN_LETTERS:
        return None
    words = sample.lower().split()
    if sum(word.strip(".,;:!?\"'()") in ENGLISH_MARKERS for word in words) >= ENGLISH_MIN_SHARE * len(words):
        return "en"
    return _identifier().classify(sample)[0]


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's model, loaded once (about half a second)."""
    import py3langid

    py3langid.classify("")
    return py3langid
