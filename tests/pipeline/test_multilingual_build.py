"""Dumps in other languages, built as the build builds them: each article's language (detected, or
set by the configuration or a sidecar), dates, search and theme names, and the languages the site declares."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest

from corpus_browser.adapters.pagefind import record_html
from corpus_browser.config import BuildConfig
from corpus_browser.lang.text import tokens
from corpus_browser.pipeline.build import build, gather
from corpus_browser.site.search import search

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"


def built(tmp_path: Path, *names: str, sidecars: dict[str, str] = {}, **settings):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, seeds / name)
    for name, text in sidecars.items():
        (seeds / name).write_text(text, encoding="utf-8")
    config = BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs", themes_file=tmp_path / "none.yml", **settings)
    return config, gather(config)


@pytest.mark.parametrize(
    ("name", "language", "dates", "probe"),
    [
        ("angie-changes-ru.txt", "ru", ["2026-07-17", "2026-07-13"], "балансировка"),
        ("tidb-release-notes-zh.md", "zh", ["2022-12-29", "2023-03-10"], "试用链接"),
        ("react-blog-ja.md", "ja", ["2020-12-21"], "ホリデー"),
        ("zarathustra-de.txt", "de", [], "Kameele"),
        ("fleurs-du-mal-fr.txt", "fr", [], "équipage"),
    ],
)
def test_each_language_is_detected_dated_searched_and_named_in_whole_words(tmp_path, name, language, dates, probe):
    _config, corpus = built(tmp_path, name)
    articles = [item.article for item in corpus.articles]
    assert corpus.site.language == language
    assert {article.language for article in articles} == {language}
    assert [article.date for article in articles if article.date] == dates
    assert search(corpus.articles, probe), probe
    vocabulary = {word for article in articles for word in tokens(f"{article.title}\n{article.body_text}", language)}
    for theme in {theme for article in articles for theme in article.tags}:
        assert tokens(theme, language) and set(tokens(theme, language)) <= vocabulary, theme


def test_a_sidecar_language_wins_over_the_configured_one_which_wins_over_detection(tmp_path):
    _config, corpus = built(tmp_path, "zarathustra-de.txt", "fleurs-du-mal-fr.txt", language="it",
                            sidecars={"fleurs-du-mal-fr.yml": "language: FR\n"})
    languages = {item.article.source: item.article.language for item in corpus.articles}
    assert languages == {"zarathustra-de.txt": "it", "fleurs-du-mal-fr.txt": "fr"}
    assert corpus.site.language == "it"


def test_a_sidecar_states_the_order_of_numeric_dates(tmp_path):
    text = "Notes de voyage\n\n05/06/2016\n\n" + "Nous sommes partis de bonne heure vers la mer. " * 40 + "\n"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text(text, encoding="utf-8")
    config = BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs", themes_file=tmp_path / "none.yml")
    assert [item.article.date for item in gather(config).articles] == ["2016-06-05"]
    (seeds / "notes.yml").write_text("date_order: month-first\n", encoding="utf-8")
    assert [item.article.date for item in gather(config).articles] == ["2016-05-06"]


def test_pages_feeds_and_search_records_declare_the_language(tmp_path):
    config, _corpus = built(tmp_path, "angie-changes-ru.txt")
    build(config)
    docs = config.docs_dir
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "\nlanguage: ru\n" in home.split("\n---\n", 1)[0] + "\n"
    feed = feedparser.parse((docs / "feed.xml").read_text(encoding="utf-8"))
    assert feed.feed.language == "ru"
    records = json.loads((docs / ".corpus-search.json").read_text(encoding="utf-8"))
    assert {record["language"] for record in records} == {"ru"}
    assert record_html(records[0]).startswith('<!DOCTYPE html><html lang="ru">')


def test_an_article_in_another_language_than_the_site_says_so_on_its_page(tmp_path):
    config, corpus = built(tmp_path, "angie-changes-ru.txt", "zarathustra-de.txt", "fleurs-du-mal-fr.txt")
    build(config)
    assert corpus.site.language == "de"  # the most words
    pages = {item.article.language: item.path for item in corpus.articles}
    french = (config.docs_dir / pages["fr"]).read_text(encoding="utf-8")
    german = (config.docs_dir / pages["de"]).read_text(encoding="utf-8")
    assert "\nlanguage: fr\n" in french.split("\n---\n", 1)[0] + "\n"
    assert "\nlanguage:" not in german.split("\n---\n", 1)[0]


def test_english_sites_declare_english_and_keep_their_pages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text("Trust\n\n" + "The customers who trust a brand keep coming back. " * 30,
                                     encoding="utf-8")
    config = BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs", themes_file=tmp_path / "none.yml")
    report = build(config)
    assert report.corpus.site.language == "en"
    assert "language:" not in (config.docs_dir / "index.md").read_text(encoding="utf-8")
    assert feedparser.parse((config.docs_dir / "feed.xml").read_text(encoding="utf-8")).feed.language == "en"
