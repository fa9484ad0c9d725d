"""Deterministic synthetic corpora in the dump styles of the shipped seeds.

Prose comes from a word-bigram chain trained on real seed text, so word
frequencies, sentence lengths and theme phrases look like the real thing while
no paragraph repeats. Each file is written in one dump style:

- `guest`: title printed twice, `GUEST POST from …`, an image caption, section
  headings, and a newsletter footer after every article (blank-line paragraphs);
- `spaced`: blank runs between paragraphs, a no-break-space line between articles,
  `Published by: …` under some titles;
- `dated`: a `Month D, YYYY - No Comments!` line above each title;
- `markdown`: `# Title`, a `By …` line with a date, `## Section` headings;
- `wrapped`: paragraphs hard-wrapped at 72 columns, `* * *` between articles.

`generate(n, seed)` returns the files and the articles it put in them, so the
benchmark can check that the splitter finds what was generated.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

STYLES = ("guest", "spaced", "dated", "markdown", "wrapped")
FIRST_NAMES = ("Ada Alan Amara Ana Arjun Ben Carla Chen Dara Diego Elena Emeka Farah Felix Grace Hana "
               "Ines Ivan Jonas Julia Kenji Lara Leo Maya Mei Nadia Noah Omar Priya Rosa Sam Tariq "
               "Uma Vera Wei Yara Zoe").split()
LAST_NAMES = ("Abbott Baker Castillo Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Laurent "
              "Moreau Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Umar Varga Weber Xu Yilmaz Zhang "
              "Novak Silva").split()
NEWSLETTERS = ("Innovation Weekly", "The Change Letter", "Customer Notes")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Words for titles and headings: lower-case words of four letters or more ...
_TITLE_WORD = re.compile(r"\b[a-z]{4,}\b")
#: ... except those that open a byline ("Written About This" reads as one).
_BYLINE_WORDS = frozenset({"written", "posted", "published", "authored", "contributed", "words", "story"})
_MIN_TRAINING_WORDS = 8


@dataclass(frozen=True)
class SyntheticArticle:
    title: str
    authors: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class SyntheticCorpus:
    files: dict[str, str]
    """File name to text."""
    articles: tuple[SyntheticArticle, ...]


class ProseChain:
    """A word-bigram chain: each next word is drawn from the words that followed
    the previous two in the training text."""

    def __init__(self, paragraphs: Iterable[str]):
        self._next: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._starts: list[tuple[str, str]] = []
        self._title_words: list[str] = []
        for paragraph in paragraphs:
            self._title_words += [word for word in _TITLE_WORD.findall(paragraph) if word not in _BYLINE_WORDS]
            for sentence in _SENTENCE_END.split(paragraph):
                words = sentence.split()
                if len(words) < _MIN_TRAINING_WORDS or not sentence.endswith((".", "!", "?")):
                    continue
                self._starts.append((words[0], words[1]))
                for a, b, c in zip(words, words[1:], words[2:]):
                    self._next[(a, b)].append(c)
        if not self._starts:
            raise ValueError("no training sentences: the seed text has no prose paragraphs")

    def sentence(self, rng: random.Random, max_words: int = 40) -> str:
        a, b = rng.choice(self._starts)
        words = [a, b]
        while len(words) < max_words and not words[-1].endswith((".", "!", "?")):
            followers = self._next.get((a, b))
            if not followers:
                break
            a, b = b, rng.choice(followers)
            words.append(b)
        text = " ".join(words).rstrip(",;:—-")
        return text if text.endswith((".", "!", "?")) else text + "."

    def paragraph(self, rng: random.Random) -> str:
        return " ".join(self.sentence(rng) for _ in range(rng.randint(2, 6)))

    def title(self, rng: random.Random, words: int) -> str:
        """Title Case words of the training text, drawn as often as it uses them.

        Titles and headings drawn from sentence openings would repeat across a
        large corpus, and repeated lines are boilerplate to the splitter; real
        titles rarely repeat.
        """
        return " ".join(word.capitalize() for word in rng.choices(self._title_words, k=words))


def authors_pool(count: int, rng: random.Random) -> list[str]:
    names = sorted({f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES})
    return rng.sample(names, min(count, len(names)))


def generate(n_articles: int, training: Iterable[str], seed: int = 1,
             authors: int = 300, per_file: tuple[int, int] = (5, 40)) -> SyntheticCorpus:
    """`n_articles` articles in files of `per_file` articles, each file one style."""
    rng = random.Random(seed)
    chain = ProseChain(training)
    pool = authors_pool(authors, rng)
    files: dict[str, str] = {}
    articles: list[SyntheticArticle] = []
    titles: set[str] = set()  # titles and section headings: each used once
    day = date(2015, 1, 1)
    while len(articles) < n_articles:
        style = STYLES[len(files) % len(STYLES)]
        name = f"{len(files):05d}_{style}.txt"
        count = min(rng.randint(*per_file), n_articles - len(articles))
        chunks = []
        for _ in range(count):
            title = _unique_title(chain, rng, titles)
            byline = tuple(rng.sample(pool, 2 if rng.random() < 0.1 else 1))
            day += timedelta(days=rng.randint(0, 3))
            chunks.append(_ARTICLE_WRITERS[style](chain, rng, title, byline, day, titles))
            articles.append(SyntheticArticle(title, byline, name))
        files[name] = _JOINERS[style].join(chunks) + "\n"
    return SyntheticCorpus(files, tuple(articles))


def _unique_title(chain: ProseChain, rng: random.Random, seen: set[str], words: tuple[int, int] = (4, 9)) -> str:
    while True:
        title = chain.title(rng, rng.randint(*words))
        if title not in seen:
            seen.add(title)
            return title


def _body(chain: ProseChain, rng: random.Random, heading: str, seen: set[str]) -> list[str]:
    """Paragraphs, with section headings (in `heading` format) between some of them."""
    paragraphs: list[str] = []
    for section in range(rng.randint(1, 4)):
        if section:
            paragraphs.append(heading.format(_unique_title(chain, rng, seen, (2, 5))))
        paragraphs.extend(chain.paragraph(rng) for _ in range(rng.randint(2, 5)))
    return paragraphs


def _names(byline: tuple[str, ...]) -> str:
    return " and ".join(byline)


def _guest(chain, rng, title, byline, day, seen) -> str:
    newsletter = rng.choice(NEWSLETTERS)
    parts = [title, title, "Image: Dall-E via Bing", f"GUEST POST from {_names(byline)}",
             *_body(chain, rng, "{}", seen),
             "Image credits: Pixabay",
             f"Subscribe to {newsletter}Sign up here to join 17,000+ leaders getting {newsletter} "
             "delivered to their inbox every week."]
    return "\n\n".join(parts)


def _spaced(chain, rng, title, byline, day, seen) -> str:
    head = [title, f"Published by: {_names(byline)}"] if rng.random() < 0.7 else [title]
    return "\n\n\n".join(head + _body(chain, rng, "{}", seen))


def _dated(chain, rng, title, byline, day, seen) -> str:
    head = [f"{day:%B} {day.day}, {day.year} - No Comments!", title, f"By {_names(byline)}"]
    return "\n\n".join(head + _body(chain, rng, "{}", seen))


def _markdown(chain, rng, title, byline, day, seen) -> str:
    head = [f"# {title}", f"By {_names(byline)}", day.isoformat()]
    return "\n\n".join(head + _body(chain, rng, "## {}", seen))


def _wrapped(chain, rng, title, byline, day, seen) -> str:
    paragraphs = [textwrap.fill(p, 72) if len(p) > 72 else p for p in _body(chain, rng, "{}", seen)]
    return "\n\n".join([title, f"by {_names(byline)}", *paragraphs])


_ARTICLE_WRITERS = {"guest": _guest, "spaced": _spaced, "dated": _dated,
                    "markdown": _markdown, "wrapped": _wrapped}
_JOINERS = {"guest": "\n\n", "spaced": "\n\n\u00a0\n\n", "dated": "\n\n\n\n",
            "markdown": "\n\n\n", "wrapped": "\n\n* * *\n\n"}
