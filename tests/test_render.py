"""Render stage: escaping, page names, front-matter and the home page."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest
import yaml
from helpers import articles_of, page_parts, paragraph

from corpus_browser.model import Article
from corpus_browser.render import (
    AUTHORS_PAGE,
    HOME_MAX_ARTICLES,
    HOME_MAX_AUTHORS,
    THEMES_PAGE,
    PlacedArticle,
    Site,
    escape,
    front_matter,
    place_articles,
    place_authors,
    place_sources,
    render_article,
    render_home,
    render_site,
    seed_slug,
    slugify,
)

#: The Markdown extensions mkdocs.yml enables, plus MkDocs' defaults.
EXTENSIONS = ["attr_list", "sane_lists", "toc", "tables", "fenced_code"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1)) and ![img](x.png)",
        "&amp; &lt; entities stay as typed",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1986. A year of change",
        "| not | a | table |",
        "---",
        "`not code` and ``double``",
        "snake_case_words and *stars* and __dunder__",
        "{: .not-an-attribute }",
        "C# and F#",
        "trailing backslash \\",
    ],
)
def test_escape_renders_exactly_the_text(text):
    html = to_html(escape(text))
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html == f"<p>{expected}</p>"


def test_slugify_is_readable_ascii_and_bounded():
    assert slugify("Win Customers, Not Arguments!") == "win-customers-not-arguments"
    assert slugify("Café déjà vu — naïve") == "cafe-deja-vu-naive"
    assert slugify("") == ""
    long = slugify("word " * 40)
    assert len(long) <= 60 and not long.endswith("-")


def test_slugify_transliterates_other_scripts_instead_of_dropping_them():
    assert slugify("中文标题") == "zhong-wen-biao-ti"
    assert slugify("Заголовок статьи") == "zagolovok-stat-i"
    assert slugify("Straße à Ñandú") == "strasse-a-nandu"
    (article,) = articles_of(f"中文标题\n\n{paragraph(30)}")
    assert place_articles([article], "a")[0].path == "a/seed0/zhong-wen-biao-ti.md"


@pytest.mark.parametrize(("source", "folder"), [("blog-2016.txt", "blog-2016"), ("000_dd95cbab3b1d79ba.txt", "000_dd95cbab3b1d79ba"),
                                                ("Report.txt", r"report--[0-9a-f]{12}"), ("a b.txt", r"a-b--[0-9a-f]{12}"),
                                                ("notes.md", r"notes-md--[0-9a-f]{12}"), ("中文.txt", r"zhong-wen--[0-9a-f]{12}")])
def test_seed_slug_keeps_plain_names_and_marks_the_others(source, folder):
    assert re.fullmatch(folder, seed_slug(source))


def test_seed_slugs_never_collide():
    names = ["Report.txt", "report.txt", "REPORT.txt", "a b.txt", "a-b.txt", "a_b.txt", "a--b.txt", "中文.txt", "日本語.txt",
             "notes.md", "notes-md.txt", "notes.MD", "x\\n.txt", "x\\\\n.txt", ".txt", "txt", "seed.txt", "seed.text"]
    assert len({seed_slug(name) for name in names}) == len(names)
    assert [seed_slug(name) for name in names] == [seed_slug(name) for name in names]


def test_titles_and_descriptions_are_capped_once_for_every_page():
    article = make_article(title="Long " * 100, description="word " * 200)
    (placed,) = place_articles([article], "articles")
    assert len(placed.article.title) <= 200 and placed.article.title.endswith("…")
    assert len(placed.article.description) <= 300 and placed.article.description.endswith("…")
    assert placed.path == f"articles/s/{slugify('Long ' * 100)}.md", "the page name comes from the whole title"


def test_place_articles_makes_unique_stable_names_per_seed():
    same_title = "\n\n\n".join(f"Same Title\n\n{paragraph(30)}" for _ in range(3))
    found = articles_of(same_title)
    paths = [item.path for item in place_articles(found, "articles")]
    assert paths == ["articles/seed0/same-title.md", "articles/seed0/same-title-2.md", "articles/seed0/same-title-3.md"]


def test_page_names_of_one_seed_do_not_depend_on_other_seeds():
    one = articles_of(f"Alpha\n\n{paragraph(30)}")
    both = articles_of(f"Alpha\n\n{paragraph(30)}", f"Alpha\n\n{paragraph(30)}")
    assert place_articles(one, "a")[0].path == place_articles(both, "a")[0].path == "a/seed0/alpha.md"
    assert place_articles(both, "a")[1].path == "a/seed1/alpha.md"


def make_article(**fields) -> Article:
    values = dict(source="s.txt", title="T", subtitle=None, authors=(), date=None, description="d",
                  first_line=1, last_line=2, words=3, body=(), set_aside=(), prose_lines=2)
    values.update(fields)
    return Article(**values)


@pytest.mark.parametrize(
    "title",
    ["Key: value", "'quoted' \"double\"", "# hash", "@at", "- dash", "yes", "no", "on", "off", "12345", "null", "~", "[a, b]", "{x: 1}", "line\u2028sep"],
)
def test_front_matter_round_trips_awkward_text(title):
    article = make_article(title=title, description=title, authors=(title,))
    page = render_article(Site("Site", ("s.txt",), place_articles([article], "articles")), 0)
    header = page_parts(page.text)[0]
    data = yaml.safe_load(header)
    assert data["title"] == title and data["description"] == title and data["authors"] == [title]


def test_front_matter_contract_keys_and_types():
    article = make_article(date="2020-01-02", authors=("A",), first_line=4, last_line=9, words=12)
    assert front_matter(article) == {
        "title": "T", "description": "d", "authors": ["A"], "date": "2020-01-02",
        "tags": [], "source": "s.txt", "lines": [4, 9], "words": 12,
    }
    assert "date" not in front_matter(make_article())


def test_article_page_shows_title_details_and_body():
    (article,) = articles_of(f"My *Title*\n\nBy Ada Lovelace\n\n{paragraph(20)}\n\nA Section\n\n{paragraph(20)}")
    page = render_article(Site("Site", ("s.txt",), place_articles([article], "articles")), 0)
    html = to_html(page_parts(page.text)[1])
    assert "<h1" in html and "My *Title*</h1>" in html
    assert re.search(r'<p class="cb-meta">By Ada Lovelace · 42 words, 1 min read · seed0.txt, lines 1–9</p>', html)
    assert '<h2 id="a-section">A Section</h2>' in html


def site_of(*texts: str) -> Site:
    found = articles_of(*texts)
    return Site("My Corpus", tuple(f"seed{i}.txt" for i in range(len(texts))), place_articles(found, "articles"))


def test_home_page_gives_counts_themes_authors_and_every_article_by_seed():
    site = site_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}", f"Beta\n\n{paragraph(30)}\n\n\nGamma\n\n{paragraph(30)}")
    site = Site(site.title, site.sources, tuple(
        PlacedArticle(replace(item.article, tags=("Trust",)), item.path) for item in site.articles))
    page = render_home(site, place_authors(site), place_sources(site))
    body = page_parts(page.text)[1]
    assert page.path == "index.md"
    assert "**3** articles by **1** [named authors](authors.md) on **1** [themes](themes.md), split from **2** source files" in body
    assert "[Trust](themes.md#theme:trust) (3)" in body
    assert "[Ada Lovelace](authors/ada-lovelace.md) (1)" in body
    assert body.index("### [seed0.txt](sources/seed0.md)") < body.index("[Alpha](articles/seed0/alpha.md)") \
        < body.index("### [seed1.txt](sources/seed1.md)")
    assert body.index("[Beta](articles/seed1/beta.md)") < body.index("[Gamma](articles/seed1/gamma.md)")


def test_source_page_lists_its_articles_in_seed_order():
    site = site_of(f"Alpha\n\n{paragraph(30)}", f"Beta\n\n{paragraph(30)}\n\n\nGamma\n\n{paragraph(30)}")
    pages = {page.path: page for page in render_site(site)}
    header, body = page_parts(pages["sources/seed1.md"].text)
    assert yaml.safe_load(header) == {"title": "seed1.txt"}
    assert "2 articles split from this source" in body
    assert body.index("[Beta](../articles/seed1/beta.md)") < body.index("[Gamma](../articles/seed1/gamma.md)")
    assert "Alpha" not in body


def test_home_page_of_a_large_corpus_links_sources_and_top_authors_not_every_article():
    article = articles_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}")[0]
    many = tuple(
        PlacedArticle(replace(article, source=f"seed{i % 3}.txt", authors=(f"Author Number{i % 40}",)),
                      f"articles/seed{i % 3}/a{i}.md")
        for i in sorted(range(HOME_MAX_ARTICLES + 1), key=lambda i: i % 3))
    site = Site("Big", ("seed0.txt", "seed1.txt", "seed2.txt"), many)
    body = page_parts(render_home(site, place_authors(site), place_sources(site)).text)[1]
    assert "](articles/" not in body
    assert [line for line in body.splitlines() if line.startswith("### ")] == [
        f"### [seed{i}.txt](sources/seed{i}.md)" for i in range(3)]
    assert body.count("](authors/") == HOME_MAX_AUTHORS
    assert "[all 40 authors](authors.md)" in body


def test_article_links_related_and_neighbours_in_front_matter():
    site = site_of(f"Alpha\n\n{paragraph(30)}\n\n\nBeta\n\n{paragraph(30)}\n\n\nGamma\n\n{paragraph(30)}")
    site = Site(site.title, site.sources, site.articles, related=((2, 1), (0,), (0,)))
    header = yaml.safe_load(page_parts(render_article(site, 0).text)[0])
    assert header["related"] == [{"title": "Gamma", "url": "articles/seed0/gamma.html"},
                                 {"title": "Beta", "url": "articles/seed0/beta.html"}]
    assert "previous" not in header and header["next"] == {"title": "Beta", "url": "articles/seed0/beta.html"}
    middle = yaml.safe_load(page_parts(render_article(site, 1).text)[0])
    assert middle["previous"]["title"] == "Alpha" and middle["next"]["title"] == "Gamma"


def test_index_pages_hold_the_listing_directives():
    pages = {page.path: page.text for page in render_site(site_of(f"Alpha\n\n{paragraph(30)}"))}
    assert sorted(pages) == ["articles/seed0/alpha.md", "authors.md", "index.md", "sources/seed0.md", "themes.md"]
    assert "0 named authors" in pages["authors.md"]
    assert pages["themes.md"].rstrip().endswith("<!-- material/tags -->")
    assert pages["authors.md"].rstrip().endswith("<!-- material/authors -->")


def test_index_anchor_is_readable_and_unique_to_the_name():
    assert AUTHORS_PAGE.anchor("Geoffrey A. Moore") == "author:geoffrey-a-moore"
    assert THEMES_PAGE.anchor("Customer Experience") == "theme:customer-experience"
    assert re.fullmatch(r"theme:partnerships-ecosystems--[0-9a-f]{12}", THEMES_PAGE.anchor("Partnerships & Ecosystems"))
    alike = ["C++", "C#", "C", "c", "Trust", "TRUST", "trust", "Geoffrey A Moore", "Geoffrey A. Moore", "中文", "日本語"]
    assert len({THEMES_PAGE.anchor(name) for name in alike}) == len(alike)


def test_every_author_has_a_page_listing_their_articles_and_the_index_counts_them():
    site = site_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}\n\n\nBeta\n\nBy Ada Lovelace and Alan Turing\n\n{paragraph(30)}")
    pages = {page.path: page_parts(page.text)[1] for page in render_site(site)}
    assert "[Alpha](../articles/seed0/alpha.md)" in pages["authors/ada-lovelace.md"]
    assert "[Beta](../articles/seed0/beta.md)" in pages["authors/ada-lovelace.md"]
    assert "[Alpha]" not in pages["authors/alan-turing.md"]
    index = pages["authors.md"]
    assert "2 named authors" in index
    assert index.index("| [Ada Lovelace](authors/ada-lovelace.md) | 2 |") < index.index("| [Alan Turing](authors/alan-turing.md) | 1 |")
    assert index.rstrip().endswith("<!-- material/authors -->")
