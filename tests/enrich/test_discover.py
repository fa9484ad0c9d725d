"""Discovered themes: found in the corpus, named by phrases, deterministic; and a taxonomy's fit."""

from __future__ import annotations

import random
import re
from itertools import chain, compress
from operator import and_
from pathlib import Path

import numpy as np
import pytest
import yaml
from helpers import SHARED, SUBJECTS, UNRELATED, article, planted, planted_markdown, planted_text
from sklearn.feature_extraction.text import TfidfVectorizer

from corpus_browser.config import BuildConfig
from corpus_browser.enrich import discover
from corpus_browser.enrich.discover import (
    DISCOVERY_STOPWORDS,
    MAX_DOCUMENT_SHARE,
    choose_themes,
    discover_themes,
    measure_fit,
    poor_fit_notice,
    theme_count,
)
from corpus_browser.enrich.relate import related_articles
from corpus_browser.enrich.tag import tag_articles
from corpus_browser.enrich.words import CorpusWords
from corpus_browser.errors import TaxonomyError
from corpus_browser.model import Taxonomy, Theme
from corpus_browser.pipeline import build
from corpus_browser.pipeline.build import gather
from corpus_browser.site.render import render_site
from corpus_browser.site.report import propose_taxonomy
from corpus_browser.source.taxonomy import parse_taxonomy, read_taxonomy

ROOT = Path(__file__).resolve().parents[2]

def test_discovery_finds_each_planted_subject_and_names_it_by_its_phrases():
    articles, subjects = planted()
    discovery = discover_themes(articles)
    assert len(discovery.themes) == 3
    for theme in discovery.themes:
        found = {subjects[i] for i in theme.articles}
        assert len(found) == 1, (theme.name, found)
        subject = found.pop()
        assert len(theme.articles) == 8
        vocabulary = {word for phrase in SUBJECTS[subject] for word in phrase.split()}
        assert set(theme.name.lower().split()) <= vocabulary, theme.name
        assert sum(phrase in SUBJECTS[subject] for phrase in theme.phrases) >= 4, theme.phrases
        assert not set(theme.phrases) & set(SHARED), "words every subject uses tell nothing"
    assert len({theme.name for theme in discovery.themes}) == 3
    assert all(1 <= len(shares) <= Taxonomy().max_themes for shares in discovery.shares)


def test_the_name_prefers_a_phrase_of_two_or_three_words():
    articles, _ = planted()
    assert all(2 <= len(theme.name.split()) <= 3 for theme in discover_themes(articles).themes)


def test_no_discovered_theme_goes_to_more_than_max_share_of_the_articles():
    articles, subjects = planted(per_subject=8)
    # Half the corpus on one subject: a theme could hold it all, but may hold only a third.
    articles += [article(f"More baking {i}", planted_text("baking", random.Random(i))) for i in range(24)]
    discovery = discover_themes(articles, Taxonomy(max_share=1 / 3))
    assert discovery.themes
    assert all(len(theme.articles) <= len(articles) // 3 for theme in discovery.themes)


def test_discovery_is_deterministic():
    articles, _ = planted()
    first, second = discover_themes(articles), discover_themes(list(articles))
    assert first == second
    assert propose_taxonomy(articles, first) == propose_taxonomy(articles, second)


def test_too_small_or_bland_corpora_get_no_themes_rather_than_noise():
    assert discover_themes([]).themes == ()
    assert discover_themes([article("One", "Just one article about tomato plants.")]).themes == ()
    same = [article(f"T{i}", "The same words in every article.") for i in range(6)]
    assert discover_themes(same).themes == ()


@pytest.mark.parametrize("articles, themes", [(1, 2), (8, 2), (50, 5), (200, 10), (1_000, 22), (10_000, 24)])
def test_theme_count_grows_slowly_with_the_corpus(articles, themes):
    assert theme_count(articles) == themes


def test_an_unrelated_taxonomy_fits_poorly_and_discovered_themes_are_used():
    articles, _ = planted()
    choice = choose_themes(articles, UNRELATED)
    assert choice.fit.poor and choice.fit.coverage == 0.0
    assert "are about one of its themes" in choice.fit.problems[0]
    assert choice.discovered
    used = {theme for item in choice.tagging.articles for theme in item.tags}
    assert used == {theme.name for theme in choice.discovery.themes}


def test_poor_fit_keep_keeps_the_written_taxonomy():
    articles, _ = planted()
    choice = choose_themes(articles, Taxonomy(UNRELATED.themes, poor_fit="keep"))
    assert choice.fit.poor and not choice.discovered
    assert choice.tagging.articles == tag_articles(articles, UNRELATED).articles


def test_a_taxonomy_made_of_the_subjects_fits():
    articles, _ = planted()
    written = Taxonomy(tuple(Theme(subject.title(), tuple(phrases)) for subject, phrases in SUBJECTS.items()))
    choice = choose_themes(articles, written)
    assert not choice.fit.poor, choice.fit.problems
    assert choice.fit.coverage == 1.0 and choice.fit.evenness > 0.95
    assert choice.fit.separation > 1.5, "articles sharing a theme are far more alike than any two"
    assert not choice.discovered
    assert {theme for item in choice.tagging.articles for theme in item.tags} == {"Gardening", "Sailing", "Baking"}


def test_evenness_drops_when_the_articles_crowd_onto_one_theme():
    articles, _ = planted()
    lopsided = Taxonomy((Theme("Everything", ("weekend", "morning", "friends")),
                         Theme("Gardening", ("raised beds",)), Theme("Orchids", ("orchid",)),
                         Theme("Kites", ("kite",))), max_share=1.0)
    fit = measure_fit(tag_articles(articles, lopsided), lopsided, discover_themes(articles))
    assert fit.evenness == pytest.approx(0.41, abs=0.01)  # 24 and 8 articles on 2 of 4 themes
    assert any("crowd onto few themes" in problem for problem in fit.problems)


def test_the_shipped_taxonomy_fits_the_shipped_seeds():
    corpus = gather(BuildConfig(seeds_dir=ROOT / "seeds", themes_file=ROOT / "themes.yml"))
    fit = corpus.themes.fit
    assert not fit.poor, fit.problems
    assert fit.coverage == 1.0
    assert not corpus.themes.discovered


def test_the_proposal_is_a_taxonomy_whose_names_are_the_discovered_themes():
    articles, _ = planted()
    discovery = discover_themes(articles)
    text = propose_taxonomy(articles, discovery)
    taxonomy = parse_taxonomy(yaml.safe_load(text), "themes.yml")
    assert [theme.name for theme in taxonomy.themes] == [theme.name for theme in discovery.themes]
    assert [theme.phrases for theme in taxonomy.themes] == [theme.phrases for theme in discovery.themes]
    assert "# 8 articles, e.g. “Notes " in text
    # One line per theme: renaming is a one-line edit.
    first = discovery.themes[0].name
    renamed = text.replace(f"\n  {first}: [", "\n  My Own Name: [", 1)
    assert len([a for a, b in zip(text.splitlines(), renamed.splitlines()) if a != b]) == 1
    assert parse_taxonomy(yaml.safe_load(renamed), "themes.yml").themes[0].name == "My Own Name"


def test_the_proposal_used_as_the_taxonomy_fits_and_keeps_the_themes():
    articles, subjects = planted()
    discovery = discover_themes(articles)
    taxonomy = parse_taxonomy(yaml.safe_load(propose_taxonomy(articles, discovery)), "themes.yml")
    choice = choose_themes(articles, taxonomy)
    assert not choice.fit.poor and not choice.discovered
    strongest = [item.tags[0] for item in choice.tagging.articles]
    assert strongest == [shares[0][0] for shares in discovery.shares]


@pytest.mark.parametrize("data, expected", [
    ({"themes": "auto"}, Taxonomy(auto=True)),
    ({"themes": "auto", "settings": {"max_themes": 2}}, Taxonomy(auto=True, max_themes=2)),
    ({"themes": {"Sea": ["sail"]}, "settings": {"poor_fit": "keep"}}, Taxonomy((Theme("Sea", ("sail",)),), poor_fit="keep")),
])
def test_parse_taxonomy_reads_auto_and_poor_fit(data, expected):
    assert parse_taxonomy(data, "themes.yml") == expected


def test_parse_taxonomy_rejects_an_unknown_poor_fit_choice():
    with pytest.raises(TaxonomyError, match="poor_fit must be one of discover, keep"):
        parse_taxonomy({"themes": {"Sea": ["sail"]}, "settings": {"poor_fit": "ignore"}}, "themes.yml")


def test_a_missing_taxonomy_file_means_discovered_themes(tmp_path):
    assert read_taxonomy(tmp_path / "themes.yml") == Taxonomy(auto=True)


def test_a_corpus_too_small_to_discover_in_keeps_a_poorly_fitting_taxonomy_and_says_why():
    choice = choose_themes([article("Only one", "Tomato plants and seed trays.")], UNRELATED)
    assert choice.fit.poor and not choice.discovered
    assert "too small or too uniform" in poor_fit_notice(choice, "themes.yml")


#: A word, or punctuation that ends a clause: what discovery's phrases never span.
FEATURE_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()\[\]{}\"“”‘«»—–/|*#…\n]")


def reference_features(text: str) -> list[str]:
    """Discovery's features as a plain definition: words of three letters or more
    that are not stopwords, then two- and three-word phrases within a clause that
    neither start nor end with a stopword and hold no number."""
    words = FEATURE_TOKEN.findall(text.casefold().replace("’", "'"))
    outer = [len(w) > 2 and w[0].isalnum() and not w.isdigit() and w not in DISCOVERY_STOPWORDS for w in words]
    inner = [w[0].isalnum() and not w.isdigit() for w in words]
    two = compress(zip(words, words[1:]), map(and_, outer, outer[1:]))
    three = compress(zip(words, words[1:], words[2:]), map(and_, map(and_, outer, outer[2:]), inner[1:]))
    return list(chain(compress(words, outer), map(" ".join, two), map(" ".join, three)))


@pytest.mark.parametrize("max_features", [discover.MAX_FEATURES, 300, 40])
def test_the_matrix_is_exactly_scikit_learns(monkeypatch, max_features):
    """Counted with NumPy, the TF-IDF matrix is scikit-learn's TfidfVectorizer's to the
    bit (values, and the order of each row's entries, which its rounding depends on),
    also when only the most frequent features are kept."""
    monkeypatch.setattr(discover, "MAX_FEATURES", max_features)
    articles, _ = planted()
    corpus = gather(BuildConfig(seeds_dir=ROOT / "seeds", themes_file=ROOT / "themes.yml"))
    articles += [item.article for item in corpus.articles]
    articles.append(article("Odd marks: rock'n'roll, 'tis", "“Quoted” — dashed – words… (and) [more]; 2024's data"))
    expected = TfidfVectorizer(analyzer=reference_features, min_df=2, max_df=MAX_DOCUMENT_SHARE,
                               max_features=max_features, sublinear_tf=True, dtype=np.float32)
    # A title counts `TITLE_COUNTS` times: as if it stood that many times above the text.
    reference = expected.fit_transform(["\n".join([item.title] * discover.TITLE_COUNTS + [item.body_text])
                                        for item in articles]).tocsr()
    matrix, names, _idf = discover._vectorise(CorpusWords.of(articles))
    assert list(names) == list(expected.get_feature_names_out())
    assert matrix.shape == reference.shape
    for ours, theirs in ((matrix.indptr, reference.indptr), (matrix.indices, reference.indices),
                         (matrix.data, reference.data)):
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)


@pytest.mark.parametrize(("taxonomy", "discovered"), [
    ("themes:\n  Trust: [trust, credibility]\n  Sales: [selling, buyers]\n", True),  # fits poorly
    ("themes:\n  Garden: [compost heap, seedlings]\n  Sea: [main sail, anchor]\n  Bread: [sourdough starter, yeast]\n",
     False),
    ("themes: auto\n", True),
])
def test_a_build_relates_the_articles_by_the_themes_it_uses(tmp_path, monkeypatch, taxonomy, discovered):
    """Whichever themes are used in the end (the written ones, or those discovered
    when they fit poorly), the related articles are theirs."""
    related_by: list[list[frozenset[str]]] = []
    relate = build.relate

    def recorded(previous, stats, vectors, digests, tags):
        related_by.append(list(tags))
        return relate(previous, stats, vectors, digests, tags)

    monkeypatch.setattr(build, "relate", recorded)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "notes.md").write_text(planted_markdown(), encoding="utf-8")
    (tmp_path / "themes.yml").write_text(taxonomy, encoding="utf-8")
    corpus = gather(BuildConfig(seeds_dir=tmp_path / "seeds", themes_file=tmp_path / "themes.yml"))
    assert corpus.themes.discovered == discovered
    tagged = corpus.themes.tagging.articles
    assert len(tagged) == 24 and all(item.tags for item in tagged)
    assert corpus.site.related == related_articles(tagged)
    assert related_by[-1] == [frozenset(item.tags) for item in tagged]
    assert [item.article.tags for item in corpus.articles] == [item.tags for item in tagged]


@pytest.mark.parametrize(("taxonomy", "discovered"), [
    ("themes:\n  Trust: [trust, credibility]\n  Sales: [selling, buyers]\n", True),  # fits poorly
    ("themes:\n  Garden: [compost heap, seedlings]\n  Sea: [main sail, anchor]\n  Bread: [sourdough starter, yeast]\n",
     False),
    ("themes: auto\n", True),
])
def test_a_build_writes_the_pages_of_the_themes_it_uses(tmp_path, taxonomy, discovered):
    """Whether the written themes or the discovered ones are used, the pages
    written are those of the themes in use."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "notes.md").write_text(planted_markdown(), encoding="utf-8")
    (tmp_path / "themes.yml").write_text(taxonomy, encoding="utf-8")
    config = BuildConfig(seeds_dir=tmp_path / "seeds", docs_dir=tmp_path / "docs", themes_file=tmp_path / "themes.yml")
    report = build.build(config)
    assert report.corpus.themes.discovered == discovered
    expected = render_site(gather(config).site)
    assert {page.path: (tmp_path / "docs" / page.path).read_text(encoding="utf-8") for page in expected} == \
        {page.path: page.text for page in expected}


def test_merging_two_proposed_themes_is_one_line():
    articles, _ = planted()
    discovery = discover_themes(articles)
    first, second = discovery.themes[0], discovery.themes[1]
    lines = propose_taxonomy(articles, discovery).splitlines()
    edited = [line.replace(f"{second.name}:", f"{second.name} > {first.name}:", 1)
              if line.lstrip().startswith(f"{second.name}:") else line for line in lines]
    assert sum(a != b for a, b in zip(lines, edited)) == 1, "one line changes"
    taxonomy = parse_taxonomy(yaml.safe_load("\n".join(edited)), "themes.yml")
    assert [theme.name for theme in taxonomy.themes] == [theme.name for theme in discovery.themes if theme is not second]
    merged = next(theme for theme in taxonomy.themes if theme.name == first.name)
    assert merged.phrases == first.phrases + second.phrases
    assert "Merge two: add ` > ` and the other's name" in "\n".join(lines)


def test_a_theme_name_holding_the_merge_mark_is_a_name_unless_it_names_a_theme():
    taxonomy = parse_taxonomy({"themes": {"Cats > Dogs": ["cat"], "<b>x</b>": ["y"]}}, "themes.yml")
    assert [theme.name for theme in taxonomy.themes] == ["Cats > Dogs", "<b>x</b>"]
