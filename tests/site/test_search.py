"""Command-line search: typo-tolerant, by author and theme, best first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_browser.config import BuildConfig
from corpus_browser.pipeline.build import gather
from corpus_browser.site.search import search

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles():
    return gather(BuildConfig(seeds_dir=ROOT / "seeds", themes_file=ROOT / "themes.yml")).articles


def titles(hits, n=None):
    return [hit.item.article.title for hit in hits][:n]


@pytest.mark.parametrize("query", ["Shep Hyken", "shep hykin", "hyken", "HYKEN"])
def test_author_name_with_typos_puts_their_articles_first(articles, query):
    hits = search(articles, query)
    assert sorted(titles(hits, 2)) == ["How Sales and Customer Experience Connect", "Win Customers Not Arguments"]
    assert all("Shep Hyken" in hit.item.article.authors for hit in hits[:2])


def test_title_words_with_typos(articles):
    assert titles(search(articles, "custmer jorney"), 1) == ["Customer Journeys and the Technology Adoption Lifecycle"]


def test_theme_filter_and_author_filter(articles):
    ethics = search(articles, "", theme="ethic")
    assert titles(ethics) == ["Why ‘Corporate Ethics’ is Usually an Oxymoron"]
    assert titles(search(articles, "", author="satel")) == ["Big Companies Should Not Try to Act Like Startups"]
    assert search(articles, "startups", author="Shep Hyken") == []


def test_words_found_nowhere_find_nothing(articles):
    assert search(articles, "zyzzyva quux") == []


def test_cli_search_prints_title_authors_themes_and_path():
    result = subprocess.run([sys.executable, "build_docs.py", "search", "shep hykin", "--limit", "2"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] in (" 1. How Sales and Customer Experience Connect", " 1. Win Customers Not Arguments")
    assert lines[1].startswith("    by Shep Hyken · themes: Customer Experience")
    assert lines[2].startswith("    docs/articles/001_2414a7c2c050991c/") and lines[2].endswith(".md")


def test_cli_search_json():
    result = subprocess.run([sys.executable, "build_docs.py", "search", "--author", "Geoffrey Moore", "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    (hit,) = json.loads(result.stdout)
    assert hit["title"] == "Customer Journeys and the Technology Adoption Lifecycle"
    assert hit["authors"] == ["Geoffrey A. Moore"]
    assert hit["path"] == "docs/articles/001_2414a7c2c050991c/customer-journeys-and-the-technology-adoption-lifecycle.md"
    assert (ROOT / "seeds" / hit["source"]).is_file() and hit["lines"] == [231, 288]


def test_search_has_help_with_examples():
    result = subprocess.run([sys.executable, "build_docs.py", "search", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert 'python build_docs.py search hyken' in result.stdout
