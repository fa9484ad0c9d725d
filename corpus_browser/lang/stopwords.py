"""Stopwords: words that never describe an article, nor start or end a phrase worth naming a theme by.

English's are this project's own list (`STOPWORDS`), used in every corpus as
they always were; other languages' come from stopwords-iso (`stopwordsiso`,
58 languages), folded as words are (`text.folded`), and are added for the
languages a corpus is written in (`stopwords_for`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from corpus_browser.lang.cjk import CJK_RUN
from corpus_browser.lang.text import folded

#: English words that never start or end a phrase worth suggesting, nor weigh in relating articles.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers him his how i if in into is it its itself just let like
    made make many may me might more most much must my no nor not now of off on once one only or other our
    ours out over own really same says see she should so some such than that the their them then there
    these they this those through to too under until up upon us very was way we well were what when where
    which while who whom why will with would yet you your yours also get got go going know new take want
    don t s re ve ll d m isn aren wasn doesn didn won can’t don’t it’s that’s you’re i’m we’re""".split()
)


@lru_cache(maxsize=64)
def language_stopwords(language: str) -> frozenset[str]:
    """One language's stopwords (English's own list for `en`; empty for a language stopwords-iso lacks)."""
    if language == "en":
        return STOPWORDS
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(folded(word) for word in stopwordsiso.stopwords(language))


@lru_cache(maxsize=64)
def stopwords_for(languages: Iterable[str] = ()) -> frozenset[str]:
    """English's stopwords and those of `languages` (a tuple: the corpus's languages)."""
    found = STOPWORDS
    for language in languages:
        found = found | language_stopwords(language)
    return found


def too_short(word: str) -> bool:
    """Too short to tell articles apart: two letters or fewer, but for a word of
    two CJK characters (most Chinese words are two characters long)."""
    return len(word) < 2 or (len(word) == 2 and CJK_RUN.fullmatch(word) is None)
