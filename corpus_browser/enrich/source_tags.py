"""The source's own tags as themes: what its authors filed each article under
(front-matter `tags:` and `categories:`, Org heading tags, a sidecar's `tags:`).

Tags are normalised the way theme names are: spellings that differ only in
case, spaces, hyphens or underscores (`machine-learning`, `Machine Learning`)
are one tag, shown in the spelling the source uses most (in Title Case when
that is all lower case). A setting (`source_tags` in the plugin's options)
chooses how they meet the themes found by tagging or discovery:

- `merge` (the default): an article's own tags first, then its themes;
- `alone`: its own tags only;
- `ignore`: its themes only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from corpus_browser.model import Article, Derivations

#: How the source's tags meet the themes.
SOURCE_TAG_MODES = ("merge", "alone", "ignore")
_SEPARATORS = re.compile(r"[\s_-]+")


def tag_key(name: str) -> str:
    """What spellings of one tag share: `Machine-Learning` and `machine learning` are `machine learning`."""
    return _SEPARATORS.sub(" ", name.casefold()).strip()


def with_source_tags(articles: Sequence[Article], mode: str = "merge",
                     derived: Derivations | None = None) -> tuple[Article, ...]:
    """The articles with their tags as `mode` says (see the module docstring);
    `derived` remembers the retagged articles from one build to the next."""
    derived = derived if derived is not None else Derivations()
    if mode == "ignore" or not any(article.source_tags for article in articles):
        derived.finish()
        return tuple(articles)
    shown = tag_names(tag for article in articles for tag in article.source_tags)
    tagged = []
    for article in articles:
        own = [shown[tag_key(tag)] for tag in article.source_tags if tag_key(tag)]
        themes = [] if mode == "alone" else [theme for theme in article.tags
                                             if tag_key(theme) not in {tag_key(tag) for tag in own}]
        tags = tuple(dict.fromkeys([*own, *themes]))
        tagged.append(article if tags == article.tags else
                      derived.derive(article, tags, lambda: replace(article, tags=tags)))
    derived.finish()
    return tuple(tagged)


def tag_names(tags: Iterable[str]) -> dict[str, str]:
    """Each tag's key mapped to the name it is shown by: its most used spelling
    (the first in alphabetical order on a tie), in Title Case if that is all lower case."""
    spellings: dict[str, Counter[str]] = {}
    for tag in tags:
        spellings.setdefault(tag_key(tag), Counter())[tag] += 1
    names = {}
    for key, counts in spellings.items():
        best = min(counts, key=lambda spelling: (-counts[spelling], spelling))
        names[key] = " ".join(word[:1].upper() + word[1:] for word in _SEPARATORS.sub(" ", best).split()) \
            if best.islower() else best
    return names

