"""Words in Chinese and Japanese text, which puts no spaces between them.

A run of Han, hiragana and katakana characters is cut into words by a
segmenter: Sudachi (`sudachipy`, with its small dictionary) for Japanese,
jieba (`rjieba`, its Rust port) for Chinese and for Han text in any other
language. Both are loaded on first use, so a corpus without such text never
pays for them. The same run in the same language always gives the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: One character of the scripts written without spaces: hiragana, katakana
#: (with its prolonged sound mark), the CJK ideographs and their extensions.
_CJK_CHARS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
#: Punctuation of CJK text (full-width and ideographic): ends a clause as a full stop does.
CJK_PUNCTUATION = re.compile("[\u3000-\u3003\u3008-\u3011\u3014-\u301f\u30fb\uff01-\uff0f\uff1a-\uff20"
                             "\uff3b-\uff40\uff5b-\uff65]")
#: Runs remembered with their words (a corpus repeats its clauses: headings, boilerplate).
_REMEMBERED_RUNS = 65536


def has_cjk(text: str) -> bool:
    return CJK_RUN.search(text) is not None


@lru_cache(maxsize=_REMEMBERED_RUNS)
def segment(run: str, language: str | None = None) -> tuple[str, ...]:
    """The words of one run of CJK characters: by Sudachi for Japanese (`ja`),
    else by jieba.

    >>> segment("夏令时调整", "zh")
    ('夏令时', '调整')
    """
    if language == "ja":
        return tuple(word for word in _sudachi()(run) if word.strip())
    return tuple(word for word in _jieba()(run) if word.strip())


@lru_cache(maxsize=1)
def _sudachi():
    """Sudachi's tokenizer with the small dictionary, in mode C (its longest
    units: names and compounds the dictionary knows stay one word)."""
    from sudachipy import Dictionary, SplitMode

    tokenizer = Dictionary(dict="small").tokenizer(mode=SplitMode.C, fields=set())
    return lambda run: [morpheme.surface() for morpheme in tokenizer.tokenize(run)]


@lru_cache(maxsize=1)
def _jieba():
    import rjieba

    return lambda run: rjieba.cut(run, hmm=True)
