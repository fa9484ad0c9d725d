"""Words: each article split once, into ids of one vocabulary, as `text.tokens` reads it, with breaks at punctuation."""

from __future__ import annotations

import random
import unicodedata

import regex

from corpus_browser.enrich.words import BREAK, CorpusWords, WordList
from corpus_browser.lang.text import tokens
from corpus_browser.model import Article, Block, BlockKind

#: The definition the fast splitting must agree with: a word (Unicode letters and digits, with the
#: marks that combine with them, an apostrophe inside), or punctuation that ends a clause.
WORD_OR_BREAK = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'\p{L}[\p{L}\p{M}]*)?|[.,;:!?()\[\]{}\"“”‘«»—–/|*#…\n]")
#: Characters that stress the splitting: apostrophes in and around words, breaks inside and outside
#: ASCII, letters that change length or script when case-folded, control and separator characters.
ALPHABET = "abcXYZ09 '’'.,;—–…“”«»\n\t-_/éßﬁ\u212a\u0130\x00\u2028"


def article(title: str, text: str) -> Article:
    return Article(source="seed.txt", title=title, subtitle=None, authors=(), date=None, description="",
                   first_line=1, last_line=1, words=len(text.split()),
                   body=(Block(BlockKind.PARAGRAPH, (text,)),), set_aside=(), prose_lines=1)


def expected(text: str) -> list[str]:
    """Words and breaks (`""`) by the regular expression."""
    folded = unicodedata.normalize("NFC", text.casefold()).replace("’", "'")
    return [token if token[0].isalnum() else "" for token in WORD_OR_BREAK.findall(folded)]


def test_title_and_body_words_are_what_tokens_finds():
    articles = [article("Customer-centric Trust, in 2024", "They don't trust A.I. — not yet…\nCustomers' trust.")]
    words = CorpusWords.of(articles)
    assert words.words(0, "title") == tokens(articles[0].title) == ["customer", "centric", "trust", "in", "2024"]
    assert words.words(0, "body") == tokens(articles[0].body_text)
    assert words.words(0) == words.words(0, "title") + words.words(0, "body")


def test_random_text_splits_as_the_regular_expression_does():
    rng = random.Random(5)
    texts = [("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 25))),
              "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80)))) for _ in range(3000)]
    # Two lists with their own vocabularies, joined: as one corpus.
    articles = [article(title, text) for title, text in texts]
    words = CorpusWords.join([WordList.of(articles[:1000]), WordList.of(articles[1000:])])
    assert len(words) == len(texts)
    for i, (title, text) in enumerate(texts):
        found = [words.vocabulary[k] for k in words.ids[words.starts[i]:words.starts[i + 1]].tolist()]
        assert found == expected(title) + [""] + expected(text) + [""], (title, text)
        assert words.ids[words.title_ends[i]] == BREAK


def test_one_vocabulary_numbers_each_word_once():
    words = CorpusWords.join([WordList.of([article("Trust", "trust and more trust")]),
                              WordList.of([article("More", "trust, more")])])
    assert words.vocabulary[BREAK] == ""
    assert sorted(words.vocabulary) == ["", "and", "more", "trust"]
    ranks = words.alphabetical_ranks
    assert [words.vocabulary[i] for i in sorted(range(len(ranks)), key=ranks.__getitem__)] == sorted(words.vocabulary)
