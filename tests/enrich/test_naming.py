"""What may name a discovered theme (`naming.NameRules`), and discovery naming
its themes by subjects: never a person, an address, code, markup, link text or a
phrase built around a stopword, whatever the corpus shares most."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from test_discover import SUBJECTS, article, planted

from corpus_browser.enrich.discover import DISCOVERY_STOPWORDS, choose_themes, discover_themes
from corpus_browser.enrich.naming import NameRules, source_tags
from corpus_browser.model import Taxonomy, Theme


def rules_of(*texts: str, authors=()) -> NameRules:
    articles = [replace(article(f"Post {i}", text), authors=authors) for i, text in enumerate(texts)]
    return NameRules.of(articles, DISCOVERY_STOPWORDS)


@pytest.mark.parametrize(("texts", "authors", "phrase", "reason"), [
    (["Ada Lovelace wrote about engines."], ("Ada Lovelace",), "ada lovelace", "a person"),
    (["Lovelace on engines."], ("Ada Lovelace",), "lovelace", "a person"),
    (["Fix the parser crash. Patch by Jane Quill.", "Jane Quill fixed it again."], (), "jane quill", "a person"),
    (["Mrs. Fox sat by the fire.", "Then Mrs. Fox spoke."], (), "fox", "a person"),
    (["Fix the parser crash. Patch by Bénédikt Tran.", "Bénédikt Tran again."], (), "bénédikt tran", "a person"),
    (["Müller on engines."], ("José Müller",), "müller", "a person"),
    (["Zoë Ångström sang.", "Zoë Ångström sang again."], (), "zoë ångström", "a person's (or a place's) name"),
    (["Then Mrs went home."], (), "mrs", "a person"),
    (["The judge, Charles Evans Hughes, spoke.", "Charles Evans Hughes again."], (), "evans hughes",
     "a person's (or a place's) name"),
    (["See https://github.com/owner/repo and http://www.example.org/page for more."] * 2, (), "github",
     "a URL, e-mail or code token"),
    (["Write to jane@muse-amuse.in today.", "Or see muse-amuse.in/about."], (), "amuse",
     "a URL, e-mail or code token"),
    (["Use `import numpy` first.", "Then `import pandas` too."], (), "import", "a URL, e-mail or code token"),
    (["Configure it:\n(add-hook 'text-mode-hook 'auto-fill-mode)", "Again:\n(add-hook 'org-mode-hook 'visual)"], (),
     "hook", "a URL, e-mail or code token"),
    (["tags: emacs, org\nA post about editors.", "tags: python\nA post about snakes."], (), "tags",
     "markup or link text"),
    (["Read [Muse Amuse](https://example.org/a) on gardens.", "More at [Muse Amuse](https://example.org/b)."], (),
     "muse", "markup or link text"),
    (["Don't think twice."], (), "don't think", "built around stopwords"),
    (["Open the door."], (), "open the door", "built around stopwords"),
    (["The release is due on Tuesday.", "Tuesday again."], (), "tuesday", "a day or a month"),
    (["Planting starts in September.", "September planting."], (), "september planting", "a day or a month"),
    (["It took a long time.", "A long time ago."], (), "long time", "vague words, no subject"),
    (["A great deal of work."], (), "great deal", "vague words, no subject"),
])
def test_a_phrase_that_says_nothing_of_the_subject_may_not_name_a_theme(texts, authors, phrase, reason):
    assert rules_of(*texts, authors=authors).why_not(phrase) == reason


def test_the_months_of_the_corpus_language_never_name_a_theme():
    articles = [replace(article(f"Post {i}", "Im Oktober reisten wir nach Rom."), language="de") for i in range(2)]
    rules = NameRules.of(articles, DISCOVERY_STOPWORDS)
    assert rules.why_not("oktober") == "a day or a month"
    assert rules_of("Im Oktober reisten wir nach Rom.").why_not("oktober") is None  # not a month in English


@pytest.mark.parametrize("phrase", ["compost heap", "gardens", "editors", "snakes", "engines", "python", "march",
                                    "release time", "old woman"])
def test_subjects_may_name_a_theme(phrase):
    rules = rules_of("Ada Lovelace wrote about engines, compost heap and gardens.", "Editors and snakes, in python.",
                     "See https://github.com/x and `import numpy`.", authors=("Ada Lovelace",))
    assert rules.why_not(phrase) is None


def test_discovered_themes_are_never_named_by_their_authors_or_addresses():
    """Each subject's articles are by one author and link one site, both repeated far
    more than any subject phrase: the names are the subjects' own phrases all the same."""
    articles, subjects = planted()
    people = {"gardening": "Rosalind Thornbury", "sailing": "Percival Quayle", "baking": "Millicent Crumb"}
    rng = random.Random(5)
    dressed = []
    for item, subject in zip(articles, subjects):
        site = f"https://{subject}-notes.example.org/posts/{rng.randint(1, 9)}"
        extra = " ".join(f"{people[subject]} says see {site} now." for _ in range(12))
        dressed.append(replace(item, authors=(people[subject],),
                               body=(*item.body, replace(item.body[0], texts=(extra,)))))
    discovery = discover_themes(dressed)
    assert len(discovery.themes) == len(SUBJECTS)
    for theme in discovery.themes:
        words = set(theme.name.casefold().split())
        assert not words & {"rosalind", "thornbury", "percival", "quayle", "millicent", "crumb"}, theme.name
        assert not words & {"https", "notes", "example", "org", "posts"}, theme.name
        assert not any(word in phrase for phrase in theme.phrases for word in ("https", "example org")), theme


def test_the_report_leaves_addresses_out_of_the_uncovered_phrases():
    articles, _ = planted()
    linked = [replace(item, body=(*item.body, replace(item.body[0], texts=("Source: https://github.com/owner/notes "
                                                                            "and http://www.example.org/more",))))
              for item in articles]
    choice = choose_themes(linked, Taxonomy(themes=(Theme("Trust", ("trust",)),)))
    phrases = [phrase for phrase, _ in choice.tagging.uncovered]
    assert phrases, "the corpus has frequent phrases no theme covers"
    assert not [phrase for phrase in phrases if {"http", "www", "github", "com", "https"} & set(phrase.split())]


def test_source_tags_gather_each_tags_articles_whatever_its_spelling():
    articles, subjects = planted()
    assert source_tags(articles) is None, "no article carries a tag"
    tagged = [replace(article, source_tags=("machine-learning",) if i % 2 else ("Machine Learning", "misc"))
              for i, article in enumerate(articles)]
    found = source_tags(tagged)
    assert set(found) == {"Machine Learning", "Misc"}
    assert found["Machine Learning"] == tuple(range(len(articles)))


def test_a_source_that_tags_its_articles_names_the_themes_by_its_tags():
    articles, subjects = planted()
    own = {"baking": ("kitchen",), "sailing": ("Boats",)}
    tagged = [replace(article, source_tags=own.get(subject, ())) for article, subject in zip(articles, subjects)]
    names = {theme.name: {subjects[i] for i in theme.articles} for theme in discover_themes(tagged).themes}
    assert names["Kitchen"] == {"baking"} and names["Boats"] == {"sailing"}
    assert len(names) == 3, "an untagged subject keeps its discovered name"
