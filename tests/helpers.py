"""Small builders shared by the tests: seeds from text, articles from seeds, a corpus
of planted subjects for themes, a site of dated articles."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

from corpus_browser.config import SplitRules
from corpus_browser.model import (
    Article,
    Block,
    BlockKind,
    Format,
    Overrides,
    Seed,
    SeedInput,
    SegmentedSeed,
    Site,
    Taxonomy,
    Theme,
)
from corpus_browser.site.render import place_articles
from corpus_browser.split import segment_corpus
from corpus_browser.split.extract import extract


def seed(text: str, name: str = "seed.txt", format: Format = Format.TEXT) -> Seed:
    return Seed(name=name, lines=tuple(text.split("\n")), format=format)


def segment_texts(*texts: str, overrides: Overrides = Overrides(), format: Format = Format.TEXT) -> tuple[SegmentedSeed, ...]:
    inputs = [SeedInput(seed(text, f"seed{i}.txt", format), overrides) for i, text in enumerate(texts)]
    return segment_corpus(inputs, SplitRules())


def articles_of(*texts: str, overrides: Overrides = Overrides(), format: Format = Format.TEXT) -> list[Article]:
    return [
        extract(segment, item.overrides, format=item.format)
        for item in segment_texts(*texts, overrides=overrides, format=format)
        for segment in item.segments
    ]


_paragraphs_made = itertools.count()


def paragraph(words: int) -> str:
    """A prose paragraph of `words` words ending with a full stop, unlike any other
    (a repeated paragraph would be boilerplate)."""
    n = next(_paragraphs_made)
    body = " ".join(f"word{n}x{i % 7}" for i in range(words - 1))
    return f"This {body}."


def page_parts(text: str) -> tuple[str, str]:
    """A generated page's YAML front-matter and Markdown body, split as MkDocs does:
    the front-matter ends at the first line that is exactly `---`."""
    assert text.startswith("---\n")
    header, _, body = text[4:].partition("\n---\n")
    return header, body


# --- planted themes (discovery, the report, the command line) --------------------------

#: Three subjects, each with its own vocabulary; every article also uses the shared words.
SUBJECTS = {
    "gardening": ["tomato plants", "compost heap", "seed trays", "raised beds", "garden soil", "watering can",
                  "greenhouse", "seedlings", "mulch", "weeds"],
    "sailing": ["main sail", "wind direction", "harbour master", "life jacket", "keel boat", "tide tables",
                "mooring", "anchor", "crew", "rudder"],
    "baking": ["sourdough starter", "bread dough", "oven temperature", "rye flour", "proving basket",
               "baking tray", "yeast", "crust", "knead", "loaf"],
}
SHARED = ["morning", "weekend", "friends", "patience", "practice", "season", "weather", "time", "habit", "summer",
          "neighbour", "saturday", "family", "notebook", "mistakes"]


def planted_text(subject: str, rng: random.Random, sentences: int = 40) -> str:
    own = SUBJECTS[subject]
    parts = []
    for _ in range(sentences):
        words = rng.sample(own, 2) + rng.sample(SHARED, 3)
        rng.shuffle(words)
        parts.append(f"The {words[0]} and the {words[1]} need {words[2]}, {words[3]} and {words[4]}.")
    return " ".join(parts)


def planted(per_subject: int = 8, seed: int = 7) -> tuple[list[Article], list[str]]:
    """Articles on the three subjects, interleaved, and each article's subject."""
    rng = random.Random(seed)
    articles, subjects = [], []
    for i in range(per_subject):
        for subject in SUBJECTS:
            articles.append(article(f"Notes {i} on {subject}", planted_text(subject, rng)))
            subjects.append(subject)
    return articles, subjects


def article(title: str, text: str) -> Article:
    return Article(source="seed.md", title=title, subtitle=None, authors=(), date=None, description="",
                   first_line=1, last_line=1, words=len(text.split()),
                   body=(Block(BlockKind.PARAGRAPH, (text,)),), set_aside=(), prose_lines=1)


def planted_markdown(per_subject: int = 8) -> str:
    """The planted articles as one Markdown seed: each `#` heading starts an article."""
    articles, _ = planted(per_subject)
    return "\n\n".join(f"# {item.title}\n\n{item.body_text}" for item in articles) + "\n"


UNRELATED = Taxonomy(themes=(Theme("Trust", ("trust", "credibility")), Theme("Sales", ("selling", "buyers"))))


def dated_site(dates: list[str | None], authors=lambda i: ("Ada Lovelace",), themes=lambda i: ("Trust",),
               titles=lambda i: f"Article {i}") -> Site:
    """A site of one seed with an article per date (None: undated), in that order."""
    base = articles_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}")[0]
    articles = [replace(base, title=titles(i), date=date, authors=authors(i), tags=themes(i),
                        first_line=i + 1, last_line=i + 1) for i, date in enumerate(dates)]
    return Site("Dated", ("seed0.txt",), place_articles(articles, "articles"))
