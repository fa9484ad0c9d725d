"""A generated corpus of dated articles spread over a few years, for the archive tests.

Markdown seeds of posts with YAML front-matter (title, author, date), dated to
the day or the month, a few dated to the year alone by a sidecar (the text
cannot say so), a few undated, some without an author; prose made of random
sentences, so no paragraph repeats. `dated_corpus` returns the files and what
it put in them, so that tests check the site against the truth, not against
what the build made of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import yaml

AUTHORS = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov",
           "Donald Knuth", "Frances Allen", "John Backus", "Radia Perlman"]
SUBJECTS = ["trust", "customer experience", "innovation", "leadership", "strategy", "sales", "digital transformation",
            "the team", "the river", "our customers", "every leader", "the market"]
VERBS = ["shapes", "tests", "rewards", "outlasts", "changes", "carries", "strengthens", "questions", "builds", "follows"]
OBJECTS = ["the long view", "a patient habit", "honest feedback", "the quiet work", "each promise", "a careful plan",
           "the next decision", "small experiments", "the weekly review", "a shared story"]
TITLE_WORDS = ["Lanterns", "Harbours", "Bridges", "Orchards", "Compasses", "Ledgers", "Meadows", "Signals", "Anchors",
               "Letters", "Journeys", "Workshops", "Tides", "Gardens", "Engines", "Maps"]


@dataclass(frozen=True)
class DatedArticle:
    title: str
    author: str | None
    date: str | None
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None for an undated article."""
    seed: str


@dataclass(frozen=True)
class DatedCorpus:
    files: dict[str, str]
    """Seed and sidecar file names to their text."""
    articles: tuple[DatedArticle, ...]


def dated_corpus(count: int, first_year: int = 2019, years: int = 4, per_seed: int = 40, seed: int = 11) -> DatedCorpus:
    rng = random.Random(seed)
    files: dict[str, str] = {}
    articles: list[DatedArticle] = []
    for start in range(0, count, per_seed):
        name = f"posts-{start // per_seed + 1:02d}.md"
        chunks, fixes, line = [], {}, 1
        for i in range(start, min(count, start + per_seed)):
            title = f"{rng.choice(TITLE_WORDS)} and {rng.choice(TITLE_WORDS)}, Number {i}"
            author = None if rng.random() < 0.1 else rng.choice(AUTHORS)
            date, stated = _date(rng, first_year, years)
            head = ["---", f"title: {title}"] + ([f"author: {author}"] if author else []) + (
                [f"date: {stated}"] if stated else []) + ["---", ""]
            body = [_paragraph(rng, i, n) for n in range(rng.randint(3, 5))]
            chunk = "\n".join(head) + "\n" + "\n\n".join(body) + "\n\n"
            if date and not stated:
                fixes[line] = {"date": date}
            line += chunk.count("\n")
            chunks.append(chunk)
            articles.append(DatedArticle(title, author, date, name))
        files[name] = "".join(chunks)
        if fixes:
            files[name.removesuffix(".md") + ".yml"] = yaml.safe_dump({"articles": fixes})
    return DatedCorpus(files, tuple(articles))


def _date(rng: random.Random, first_year: int, years: int) -> tuple[str | None, str | None]:
    """The article's date and what its front-matter states (None where only a sidecar can say it)."""
    year = first_year + rng.randrange(years)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.05:
        return None, None
    if kind < 0.10:
        return f"{year}", None
    if kind < 0.18:
        return f"{year}-{month:02d}", f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day:02d}"


def _paragraph(rng: random.Random, article: int, number: int) -> str:
    sentences = [f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                 f"in week {article * 10 + number} of {rng.choice(SUBJECTS)}." for _ in range(rng.randint(4, 7))]
    return " ".join(sentences)
