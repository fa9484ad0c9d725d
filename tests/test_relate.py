"""Relate stage: 3 to 5 related articles each, by shared words and shared themes."""

from __future__ import annotations

from corpus_browser import relate
from corpus_browser.model import Article, Block, BlockKind
from corpus_browser.relate import related_articles


def article(text: str, tags: tuple[str, ...] = ()) -> Article:
    return Article(source="seed.txt", title=text.split()[0], subtitle=None, authors=(), date=None,
                   description="", first_line=1, last_line=1, words=len(text.split()),
                   body=(Block(BlockKind.PARAGRAPH, (text,)),), set_aside=(), prose_lines=1, tags=tags)


def test_the_article_sharing_rare_words_and_themes_comes_first():
    articles = [
        article("Volcanoes erupt basalt magma near tectonic rifts", ("Geology",)),
        article("Bread rises with yeast and flour", ("Cooking",)),
        article("Magma chambers under volcanoes feed basalt flows", ("Geology",)),
        article("Opera singers train their voices daily", ("Music",)),
        article("Sourdough yeast needs flour and patience", ("Cooking",)),
    ]
    related = related_articles(articles)
    assert related[0][0] == 2 and related[2][0] == 0
    assert related[1][0] == 4 and related[4][0] == 1
    for i, found in enumerate(related):
        assert 3 <= len(found) <= 5 and i not in found and len(set(found)) == len(found)


def test_large_corpus_stays_bounded_and_finds_the_close_pair(monkeypatch):
    """Postings are truncated, so a word shared by many articles links only a few
    of them; a pair sharing distinctive words is still found."""
    monkeypatch.setattr(relate, "POSTINGS_PER_TERM", 4)
    common = "market growth strategy customers"
    articles = [article(f"{common} filler{i} unique{i}word", ("Business",)) for i in range(60)]
    articles[10] = article(f"{common} zebra giraffe savanna", ("Business",))
    articles[50] = article(f"{common} zebra giraffe savanna", ("Business",))
    related = related_articles(articles)
    assert related[10][0] == 50 and related[50][0] == 10
    assert all(3 <= len(found) <= 5 and i not in found for i, found in enumerate(related))
    assert related == related_articles(articles)


def test_articles_with_nothing_in_common_get_their_neighbours():
    articles = [article(f"alpha{i}word beta{i}word") for i in range(6)]
    assert related_articles(articles)[0] == (1, 2, 3)
    assert related_articles(articles)[3] == (2, 4, 1)
