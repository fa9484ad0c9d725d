"""Every article's words, split once and read by tagging, discovery, relating and search.

An article's words are numbers into one vocabulary: its title, a break, its
body, a break. A break (`BREAK`, id 0) also stands wherever the text has
punctuation or a line break: discovery's phrases never span one, while
tagging and relating read the words alone (`text.tokens`, which skips
punctuation). Held as one NumPy array for the whole corpus, the words take
four bytes each, and the stages that read them work on whole arrays.

The numbering is the order in which words first appear; nothing a stage
decides depends on it (where order matters, words are ranked alphabetically,
`alphabetical_ranks`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import count

import numpy as np

from corpus_browser.enrich.language import corpus_languages
from corpus_browser.lang.stopwords import stopwords_for
from corpus_browser.lang.text import ELIDING_LANGUAGES, WORD, with_cjk_words, without_elisions
from corpus_browser.model import Article

#: A word as `text.tokens` reads it, in ASCII.
_WORD = re.compile(rb"[a-z0-9]+(?:'[a-z]+)?")
#: Punctuation that ends a clause (and a line break): phrases never span it.
_BREAKS = ".,;:!?()[]{}\"“”‘«»—–/|*#…\n"
#: The break characters outside ASCII, each read as a full stop.
_WIDE_BREAKS = tuple(char for char in _BREAKS if not char.isascii())
#: UTF-8 bytes to what they are for splitting: a word's character stays, and so
#: does every byte of a character outside ASCII (`_words` reads those pieces
#: again); a break becomes byte 1, anything else a space.
_SPLIT_TABLE = bytes(byte if byte > 127 or chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789'" else
                     1 if chr(byte) in _BREAKS else 32 for byte in range(256))
#: The id of a break; the vocabulary's entry for it is the empty string.
BREAK = 0
_BREAK_BYTE = b"\x01"
#: Articles split at a time by `CorpusWords.of`.
_ARTICLES_PER_LIST = 500


def _pieces(text: str, language: str | None = None) -> list[bytes]:
    """The text's words, folded as `text.folded` folds them (UTF-8), and
    `b"\\x01"` for each break: with byte translation and `split`, several
    times faster than a regular expression. Runs of Chinese and Japanese are
    cut into words first (`text.with_cjk_words`, in the article's `language`).
    A piece holding an apostrophe or a character outside ASCII may still need
    cutting into words ("'tis", "rock'n'roll", "«mot»"), see `_numbered`."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFC", text.casefold())
        if "’" in folded:
            folded = folded.replace("’", "'")
        for char in _WIDE_BREAKS:
            if char in folded:
                folded = folded.replace(char, ".")
        folded = with_cjk_words(folded, language)
    if language in ELIDING_LANGUAGES:
        folded = without_elisions(folded, language)
    return folded.encode().translate(_SPLIT_TABLE).replace(_BREAK_BYTE, b" \x01 ").split()


def _words(piece: bytes) -> Sequence[bytes]:
    """The words in one piece: itself, or what `_WORD` (in ASCII) or `text.WORD`
    finds in it."""
    if not piece.isascii():
        return [word.encode() for word in WORD.findall(piece.decode())]
    return (piece,) if b"'" not in piece or _WORD.fullmatch(piece) else _WORD.findall(piece)


@dataclass(frozen=True)
class WordList:
    """Some articles' words, numbered within their own small vocabulary: what a
    seed's articles hold, made where the seed is split and kept with it."""

    vocabulary: str
    """Id to word, one word a line; line 0, the break, is empty. (One string
    rather than thousands: a seed's list is kept with its other results.)"""
    ids: np.ndarray
    """All the articles' word ids (int32): each article is its title, a break, its body, a break."""
    starts: np.ndarray
    """Article i's ids are `ids[starts[i]:starts[i + 1]]` (int64, one more than there are articles)."""
    title_ends: np.ndarray
    """Where each article's title ends: the index of the break between title and body (int64)."""

    @classmethod
    def of(cls, articles: Iterable[Article]) -> WordList:
        pieces: list[bytes] = []
        starts, title_ends = [0], []
        for article in articles:
            pieces += _pieces(article.title, article.language)
            title_ends.append(len(pieces))
            pieces.append(_BREAK_BYTE)
            pieces += _pieces(article.body_text, article.language)
            pieces.append(_BREAK_BYTE)
            starts.append(len(pieces))
        return cls._numbered(pieces, np.array(starts, dtype=np.int64), np.array(title_ends, dtype=np.int64))

    @classmethod
    def _numbered(cls, pieces: list[bytes], starts: np.ndarray, title_ends: np.ndarray) -> WordList:
        """The pieces as word ids. Each distinct piece is looked at once: one with
        an apostrophe that does not join a word to its ending, or with
        characters outside ASCII, is the words found in it ("customers'" is
        "customers", "rock'n'roll" two words, "'" none, "«mot»" "mot")."""
        first: dict[bytes, int] = {}  # each distinct piece, in order, with where it first occurs
        where = np.fromiter(map(first.setdefault, pieces, count()), dtype=np.int64, count=len(pieces))
        numbers = {_BREAK_BYTE: BREAK}
        words = [[numbers.setdefault(word, len(numbers)) for word in _words(piece)] for piece in first]
        distinct = np.zeros(len(pieces), dtype=np.int32)  # position -> which distinct piece stands there
        distinct[list(first.values())] = np.arange(len(first), dtype=np.int32)
        distinct = distinct[where]
        sizes = np.array([len(found) for found in words], dtype=np.int64)
        flat = np.array([word for found in words for word in found], dtype=np.int32)
        vocabulary = b"\n".join([b"", *list(numbers)[1:]]).decode()
        if (sizes == 1).all():
            return cls(vocabulary, flat[distinct], starts, title_ends)
        # Some pieces hold no word or several: gather each position's words, and shift the bounds.
        counts = sizes[distinct]
        shifted = np.concatenate([[0], np.cumsum(counts)])
        offsets = np.concatenate([[0], np.cumsum(sizes)])[:-1]
        gather = np.arange(shifted[-1]) + np.repeat(offsets[distinct] - shifted[:-1], counts)
        return cls(vocabulary, flat[gather], shifted[starts], shifted[title_ends])


class CorpusWords:
    """The words of every article of the corpus, in one vocabulary."""

    def __init__(self, vocabulary: Sequence[str], ids: np.ndarray, starts: np.ndarray, title_ends: np.ndarray,
                 languages: tuple[str, ...] = ()):
        self.languages = languages
        """The languages the corpus is written in, most first (`language.corpus_languages`):
        their stopwords are left aside (`stopwords`)."""
        self.vocabulary = vocabulary
        """Id to word; id 0 is the break."""
        self.ids = ids
        """Every article's word ids (int32), article after article (see `WordList.ids`)."""
        self.starts = starts
        """Article i's ids are `ids[starts[i]:starts[i + 1]]`."""
        self.title_ends = title_ends
        """The index in `ids` of the break after each article's title."""

    @classmethod
    def of(cls, articles: Sequence[Article]) -> CorpusWords:
        """The words of `articles`, split here (a build joins the seeds' own lists
        instead, see `join`), a few hundred articles at a time to bound memory."""
        return cls.join((WordList.of(articles[start:start + _ARTICLES_PER_LIST])
                         for start in range(0, len(articles), _ARTICLES_PER_LIST)), corpus_languages(articles))

    @classmethod
    def join(cls, lists: Iterable[WordList], languages: tuple[str, ...] = ()) -> CorpusWords:
        """The lists' articles, in order, in one vocabulary; `languages` are the corpus's."""
        numbers: dict[str, int] = {"": BREAK}
        parts, starts, title_ends, offset = [], [np.zeros(1, dtype=np.int64)], [], 0
        for part in lists:
            mapping = np.array([numbers.setdefault(word, len(numbers)) for word in part.vocabulary.split("\n")],
                               dtype=np.int32)
            parts.append(mapping[part.ids])
            starts.append(part.starts[1:] + offset)
            title_ends.append(part.title_ends + offset)
            offset += len(part.ids)
        return cls(tuple(numbers), _concatenate(parts, np.int32), _concatenate(starts, np.int64),
                   _concatenate(title_ends, np.int64), tuple(languages))

    def __len__(self) -> int:
        return len(self.starts) - 1

    @property
    def stopwords(self) -> frozenset[str]:
        """English's stopwords and those of the corpus's languages."""
        return stopwords_for(self.languages)

    @cached_property
    def article_of(self) -> np.ndarray:
        """For each position in `ids`, the index of its article."""
        return np.repeat(np.arange(len(self), dtype=np.int32), np.diff(self.starts))

    @cached_property
    def in_title(self) -> np.ndarray:
        """For each position in `ids`, whether it is in its article's title."""
        return np.arange(len(self.ids)) < np.repeat(self.title_ends, np.diff(self.starts))

    @cached_property
    def alphabetical_ranks(self) -> np.ndarray:
        """Each word id's place in alphabetical order (int64); the break comes first."""
        order = sorted(range(len(self.vocabulary)), key=self.vocabulary.__getitem__)
        ranks = np.empty(len(order), dtype=np.int64)
        ranks[order] = np.arange(len(order))
        return ranks

    def table(self, judge) -> np.ndarray:
        """`judge(word)` for every word id, as a boolean array; the break is always False."""
        verdicts = np.fromiter((bool(word) and bool(judge(word)) for word in self.vocabulary), dtype=bool,
                               count=len(self.vocabulary))
        return verdicts

    def words(self, article: int, part: str = "all") -> list[str]:
        """One article's words as text (no breaks): its `title`, its `body`, or `all`."""
        start, end = self.starts[article], self.starts[article + 1]
        if part == "title":
            end = self.title_ends[article]
        elif part == "body":
            start = self.title_ends[article] + 1
        return [self.vocabulary[i] for i in self.ids[start:end].tolist() if i != BREAK]


def ngram_codes(columns: Sequence[np.ndarray], size: int) -> np.ndarray:
    """One int64 code per row of the id `columns` (each an array of ids below
    `size`): equal rows, equal codes. Rows are numbered densely first when the
    codes would not fit in 64 bits."""
    code = columns[0].astype(np.int64)
    for column in columns[1:]:
        if code.size and int(code.max()) >= (np.iinfo(np.int64).max - size) // size:
            code = np.unique(code, return_inverse=True)[1].astype(np.int64)
        code = code * size + column
    return code


def _concatenate(parts: Sequence[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)
