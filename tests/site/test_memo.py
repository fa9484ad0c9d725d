"""The render memo (`memo.py`): a render that takes pieces from an earlier one
is, byte for byte, the render made from scratch, and it makes again only the
pieces whose inputs changed."""

from __future__ import annotations

import pickle
import random
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from corpus_browser.config import BuildConfig
from corpus_browser.model import PlacedArticle, Site
from corpus_browser.pipeline.build import build, gather, remembered_pages
from corpus_browser.site.memo import RenderMemo
from corpus_browser.site.render import render_site
from corpus_browser.store.cache import SeedCache
from corpus_browser.store.manifest import CACHE_NAME

ROOT = Path(__file__).resolve().parents[2]


class CountingMemo(RenderMemo):
    """A memo that counts the pieces it had to make, by kind."""

    def __init__(self) -> None:
        super().__init__()
        self.made: Counter[str] = Counter()

    def text(self, key, make):
        def counted() -> str:
            self.made[key[0]] += 1
            return make()
        return super().text(key, counted)


@pytest.fixture(scope="module")
def sample_site() -> Site:
    return gather(BuildConfig(seeds_dir=ROOT / "seeds", themes_file=ROOT / "themes.yml")).site


def with_article(site: Site, index: int, **changes: object) -> Site:
    articles = list(site.articles)
    placed = articles[index]
    articles[index] = PlacedArticle(replace(placed.article, **changes), placed.path)
    return replace(site, articles=tuple(articles))


def edited(site: Site, rng: random.Random) -> Site:
    """The site with one random change, of the kinds a save makes."""
    i = rng.randrange(len(site.articles))
    article = site.articles[i].article
    themes = sorted({theme for item in site.articles for theme in item.article.tags})
    change = rng.randrange(8)
    if change == 0:
        return with_article(site, i, title=article.title + " Revised")
    if change == 1:
        return with_article(site, i, body=article.body[:-1] or article.body, words=article.words + 7)
    if change == 2:
        return with_article(site, i, tags=tuple(rng.sample(themes, min(2, len(themes)))))
    if change == 3:
        return with_article(site, i, authors=("Someone New",) if article.authors else ())
    if change == 4:
        return with_article(site, i, date=None if article.date else "2019-05-04")
    if change == 5:
        related = list(site.related)
        related[i] = tuple(reversed(related[i]))
        return replace(site, related=tuple(related))
    if change == 6:
        return replace(site, url="" if site.url else "https://archive.example.org/")
    return replace(site, articles=site.articles[:i] + site.articles[i + 1:],
                   related=tuple(tuple(j - (j > i) for j in row if j != i)
                                 for n, row in enumerate(site.related) if n != i))


def test_a_render_with_an_earlier_renders_memo_is_the_render_from_scratch(sample_site: Site):
    rng = random.Random(2026)
    memo = RenderMemo()
    render_site(sample_site, memo)
    current = sample_site
    for _ in range(16):
        current = edited(current, rng)
        assert render_site(current, memo) == render_site(current)


def test_an_unchanged_site_makes_no_piece_again(sample_site: Site):
    memo = CountingMemo()
    first = render_site(sample_site, memo)
    assert memo.made["article"] == len(sample_site.articles)
    memo.made.clear()
    assert render_site(sample_site, memo) == first
    assert not memo.made


def test_an_edited_body_makes_again_its_page_its_entries_and_its_feeds_only(sample_site: Site):
    memo = CountingMemo()
    render_site(sample_site, memo)
    memo.made.clear()
    article = sample_site.articles[3].article
    render_site(with_article(sample_site, 3, body=article.body[:-1], words=article.words - 1), memo)
    assert memo.made["article"] == 1  # pages linking to it show its title and address only
    # One entry per depth below the site's root, and one per theme or author page (which leaves out its name).
    assert 1 <= memo.made["entry"] <= 2 + len(article.tags) + len(article.authors)
    assert memo.made["feed"] == 1 + len(article.tags) + len(article.authors)  # none for "Unattributed"
    assert memo.made["record"] == 1


def test_within_one_render_an_entry_shown_on_several_pages_is_made_once(sample_site: Site):
    memo = CountingMemo()
    render_site(sample_site, memo)
    # Each article is listed on its source, archive, theme and author pages (and maybe the home page):
    # alike on the pages at one depth, but for those of its themes and authors, which leave out their name.
    assert memo.made["entry"] <= sum(2 + len(item.article.tags) + len(item.article.authors)
                                     for item in sample_site.articles)


def test_a_build_leaves_its_pages_in_the_cache_folder_for_the_next_and_survives_a_broken_entry(tmp_path: Path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")

    def config(docs: str) -> BuildConfig:
        return BuildConfig(seeds_dir=tmp_path / "seeds", docs_dir=tmp_path / docs, themes_file=ROOT / "themes.yml")

    first = build(config("docs"))
    remembered = remembered_pages(tmp_path / "docs")
    assert sum(key[0] == "article" for key in remembered.kept) == len(first.corpus.articles)
    (entry,) = (tmp_path / "docs" / CACHE_NAME).glob("*.pages")
    store = SeedCache(tmp_path / "docs")
    store.put(entry.name, pickle.dumps({("article", b"digest", "{}"): 42}))  # not page text
    assert remembered_pages(tmp_path / "docs").kept == {}
    store.put(entry.name, b"not a pickle")
    assert remembered_pages(tmp_path / "docs").kept == {}
    seed = sorted((tmp_path / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nOne more paragraph, to build again.\n", encoding="utf-8")
    build(config("docs"))
    build(config("fresh"))
    assert page_texts(tmp_path / "docs") == page_texts(tmp_path / "fresh")
    assert remembered_pages(tmp_path / "docs").kept.keys() == remembered_pages(tmp_path / "fresh").kept.keys()


def page_texts(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*"))
            if path.is_file() and CACHE_NAME not in path.parts}
