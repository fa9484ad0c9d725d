"""The language of each seed, each article and the site.

Precedence is explicit: a seed's sidecar (`language:`) first, then the
configuration (the plugin's `language` option), then detection
(`lang.detect`). A seed's language is detected on samples from all through
it (a Project Gutenberg header in English does not make a German book
English) and is the one its dates are read in; an article's on its own title
and text, falling back to its seed's when the article is too short to tell.
The site's language is the configured one, else that of most of the words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from corpus_browser.lang.detect import DEFAULT_LANGUAGE, SAMPLE_CHARS, detect_language
from corpus_browser.model import Article, SeedInput

#: Samples a seed's language is detected on, spread evenly through it.
SEED_SAMPLES = 8
#: A language counts among the corpus's (its stopwords are used) from this share of the words.
CORPUS_LANGUAGE_MIN_SHARE = 0.1


def seed_language(item: SeedInput, configured: str | None = None) -> str | None:
    """The language of a seed: its sidecar's, the configured one, or detected
    in `SEED_SAMPLES` samples taken all through it; None when it has too little text."""
    if item.overrides.language or configured:
        return item.overrides.language or configured
    text = "\n".join(item.seed.lines)
    step = max(len(text) // SEED_SAMPLES, SAMPLE_CHARS // SEED_SAMPLES)
    sample = "\n".join(text[start:start + SAMPLE_CHARS // SEED_SAMPLES] for start in range(0, len(text), step))
    return detect_language(sample)


def with_languages(articles: Iterable[Article], seed: str | None, fixed: str | None = None) -> tuple[Article, ...]:
    """The articles with their language: `fixed` (a sidecar's or the
    configuration's) for all, else each one's as detected in its title and
    text, else the `seed`'s."""
    return tuple(replace(article, language=fixed or detect_language(f"{article.title}\n{article.body_text}")
                         or seed) for article in articles)


def site_language(articles: Sequence[Article], configured: str | None = None) -> str:
    """The configured language, else the one most of the articles' words are in
    (the first in alphabetical order on a tie), else `DEFAULT_LANGUAGE`."""
    if configured:
        return configured
    words = _words_by_language(articles)
    return min(words, key=lambda language: (-words[language], language)) if words else DEFAULT_LANGUAGE


def corpus_languages(articles: Sequence[Article]) -> tuple[str, ...]:
    """The languages of at least `CORPUS_LANGUAGE_MIN_SHARE` of the articles'
    words, most first: those whose stopwords discovery, tagging and relating leave aside."""
    words = _words_by_language(articles)
    total = sum(words.values())
    return tuple(language for language, count in sorted(words.items(), key=lambda item: (-item[1], item[0]))
                 if count >= CORPUS_LANGUAGE_MIN_SHARE * total)


def _words_by_language(articles: Iterable[Article]) -> Counter[str]:
    words: Counter[str] = Counter()
    for article in articles:
        if article.language:
            words[article.language] += max(article.words, 1)
    return words
