"""Render stage: escaping, page names, front-matter and the home page."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import markdown
import pytest
import yaml
from helpers import articles_of, dated_site, page_parts, paragraph

from corpus_browser.lang.markdown import escape, text_paragraph
from corpus_browser.model import Article, Site
from corpus_browser.site.listings import PAGE_SIZE
from corpus_browser.site.render import (
    HOME_CARDS,
    NAMES_PAGE_SIZE,
    catalogue,
    front_matter,
    newest_first,
    place_articles,
    render_article,
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


@pytest.mark.parametrize("text", ["<script>alert(1)</script> " + "[" * 3_000, "&amp; " * 2_500 + "<b>x</b>",
                                  "_" * 2_001, "[x](javascript:alert(1)) " * 1_100])
def test_a_paragraph_dense_in_markup_characters_renders_exactly_the_text_too(text):
    """Python-Markdown's time grows with the square of one paragraph's escapes: a
    paragraph needing more than a few thousand is written as HTML, escaped, and
    shows exactly its text all the same."""
    written = text_paragraph(text)
    assert written.startswith("<p>"), "written as an HTML paragraph"
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    html = to_html(f"# Title\n\n{written}\n\nAfter.")
    assert re.sub(r">\s+<", "><", html) == f'<h1 id="title">Title</h1><p>{expected}</p><p>After.</p>'
    assert text_paragraph("A [short] one.") == escape("A [short] one.")


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
    (article,) = articles_of(f"My *Title*\n\nBy Ada Lovelace\n\nAugust 23, 2016\n\n{paragraph(20)}\n\nA Section\n\n{paragraph(20)}")
    page = render_article(Site("Site", ("s.txt",), place_articles([article], "articles")), 0)
    html = to_html(page_parts(page.text)[1])
    assert "<h1" in html and "My *Title*</h1>" in html
    assert re.search(r'<p class="cb-meta">By Ada Lovelace · <time datetime="2016-08-23">August 23, 2016</time> · '
                     r'42 words, 1 min read</p>', html)
    assert "seed0.txt" not in html and "lines" not in html, "provenance is the theme's to show, to editors"
    assert '<h2 id="a-section">A Section</h2>' in html


def test_an_article_shows_the_section_that_holds_it_as_text():
    article = make_article(section="Poems by <b>Lear</b> & Co", authors=("Edward Lear",))
    page = render_article(Site("Site", ("s.txt",), place_articles([article], "articles")), 0)
    header, body = page_parts(page.text)
    assert yaml.safe_load(header)["section"] == "Poems by <b>Lear</b> & Co"
    html = to_html(body)
    assert '<p class="cb-meta">In Poems by &lt;b&gt;Lear&lt;/b&gt; &amp; Co · By Edward Lear · 3 words' in html
    assert "section" not in front_matter(make_article())


def test_article_chips_lead_to_theme_and_author_pages():
    (article,) = articles_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}")
    site = Site("Site", ("seed0.txt",), place_articles([replace(article, tags=("C++", "Trust"))], "articles"))
    header = yaml.safe_load(page_parts(render_article(site, 0).text)[0])
    assert header["author_pages"] == [{"name": "Ada Lovelace", "url": "authors/ada-lovelace.html"}]
    assert header["theme_pages"] == [{"name": "C++", "url": "themes/c.html"}, {"name": "Trust", "url": "themes/trust.html"}]


def test_an_article_without_a_byline_shows_no_author():
    (article,) = articles_of(f"Alpha\n\n{paragraph(30)}")
    site = Site("Site", ("seed0.txt",), place_articles([article], "articles"))
    header, body = page_parts(render_article(site, 0).text)
    header = yaml.safe_load(header)
    assert header["authors"] == []
    assert header["author_pages"] == [], "no `Unattributed` chip: it is not an author"
    assert "By " not in body


def site_of(*texts: str) -> Site:
    found = articles_of(*texts)
    return Site("My Corpus", tuple(f"seed{i}.txt" for i in range(len(texts))), place_articles(found, "articles"))


def pages_of(site: Site) -> dict[str, tuple[dict, str]]:
    return {page.path: ((yaml.safe_load(page_parts(page.text)[0]), page_parts(page.text)[1])
                        if page.path.endswith(".md") else ({}, page.text)) for page in render_site(site)}


def test_newest_first_puts_dated_articles_by_date_then_undated_in_corpus_order():
    site = dated_site(["2015-03-02", None, "2016", "2016-11", "2016-11-30", None])
    assert [item.article.title for item in newest_first(site.articles)] == [
        "Article 4", "Article 3", "Article 2", "Article 0", "Article 1", "Article 5"]


def test_home_page_gives_what_the_collection_is_counts_ways_in_and_latest_cards():
    site = replace(dated_site([f"2016-01-{day:02d}" for day in range(1, 21)]), description="Notes & <b>letters</b>.")
    header, body = pages_of(site)["index.md"]
    assert header["title"] == "Dated" and header["description"] == "Notes & <b>letters</b>."
    assert "Notes &amp; &lt;b&gt;letters&lt;/b&gt;." in body
    assert "**20** articles by **1** named author on **1** theme, 2016." in body
    assert "[Archive](archive.md){ .md-button } [Themes](themes.md){ .md-button }" in body
    cards = re.findall(r'class="cb-entry__title" href="([^"]+)"', body)
    assert len(cards) == HOME_CARDS
    assert cards[0].endswith("article-19.html") and cards[1].endswith("article-18.html"), "newest first"
    assert "seed0" not in body.replace("articles/seed0/", ""), "no file name a reader sees"


def test_home_page_lists_only_sources_with_a_readable_name():
    site = replace(site_of(f"Alpha\n\n{paragraph(30)}", f"Beta\n\n{paragraph(30)}"),
                   source_titles={"seed1.txt": "Customer Notes"})
    _, body = pages_of(site)["index.md"]
    assert "- [Customer Notes](sources/seed1.md)" in body
    assert "seed0.txt" not in body and "sources/seed0" not in body
    header, source_body = pages_of(site)["sources/seed1.md"]
    assert header["title"] == "Customer Notes" and "# Customer Notes" in source_body


def test_entries_show_authors_date_reading_time_themes_and_excerpt_apart():
    site = dated_site(["2016-08-23"], authors=lambda i: ("Ada Lovelace", "Alan Turing"),
                      themes=lambda i: ("Customer Experience",))
    _, body = pages_of(site)["themes/customer-experience.md"]
    html = to_html(body)
    entry = re.search(r'<li class="cb-entry">.*?</li>', html, re.S)[0]
    assert ('By <a href="../authors/ada-lovelace.html">Ada Lovelace</a> and '
            '<a href="../authors/alan-turing.html">Alan Turing</a> · '
            '<time datetime="2016-08-23">August 23, 2016</time> · 1 min read') in entry
    assert "md-tag" not in entry, "a theme's page does not repeat its own chip"
    _, body = pages_of(site)["authors/ada-lovelace.md"]
    html = to_html(body)
    entry = re.search(r'<li class="cb-entry">.*?</li>', html, re.S)[0]
    assert 'With <a href="../authors/alan-turing.html">Alan Turing</a> · ' in entry, "her co-author, not herself"
    assert "Ada Lovelace</a>" not in entry
    assert '<a class="md-tag" href="../themes/customer-experience.html">Customer Experience</a></p>' in entry
    assert re.search(r'<p class="cb-entry__excerpt">This word\d+x0', entry), "the excerpt is a paragraph of its own"


def test_listing_values_from_input_are_escaped():
    hostile = '<img src=x onerror=alert(1)> & "q"'
    site = dated_site(["2016-08-23"], authors=lambda i: (hostile,), themes=lambda i: (hostile,))
    site = replace(site, articles=tuple(replace(item, article=replace(item.article, title=hostile, description=hostile))
                                        for item in site.articles))
    for path, (_, body) in pages_of(site).items():
        if path.endswith(".md") and not path.startswith("articles/"):
            assert "<img" not in to_html(body), path
    _, body = pages_of(site)["archive.md"]
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;" in body


def test_small_archive_lists_every_article_by_year_and_month_with_counts():
    site = dated_site(["2016-08-23", "2016-08-02", "2016-11", "2015", None, "2015-01-05"])
    _, body = pages_of(site)["archive.md"]
    assert "6 articles, newest first; 1 undated, at the end." in body
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == ["# Archive", "## 2016 (3) { #y2016 }", "### November 2016 (1) { #m2016-11 }",
                        "### August 2016 (2) { #m2016-08 }", "## 2015 (2) { #y2015 }", "### January 2015 (1) { #m2015-01 }",
                        "### 2015, month not stated (1) { #m2015 }", "## Undated (1) { #yundated }"]
    titles = re.findall(r'class="cb-entry__title" href="[^"]+">([^<]+)<', body)
    assert titles == ["Article 2", "Article 0", "Article 1", "Article 5", "Article 3", "Article 4"]


def test_large_archive_gets_a_page_per_year_and_no_page_holds_more_than_a_page_of_entries():
    dates = [f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(PAGE_SIZE + 50)] + ["2015-06"] * 3 + [None] * 2
    pages = pages_of(dated_site(dates))
    _, archive = pages["archive.md"]
    assert "cb-entry" not in archive
    assert f"## [2016](archive/2016.md) ({PAGE_SIZE + 50:,})" in archive
    assert "### [June 2015](archive/2015.md#m2015-06) (3)" in archive
    titles = re.findall(r'<li>(?:<time datetime="[^"]+">[^<]+</time>)?<a href="[^"]+">([^<]+)</a></li>', archive)
    assert sorted(titles) == sorted(f"Article {i}" for i in range(len(dates))), "every title, a line each"
    assert "## [Undated](archive/undated.md) (2)" in archive
    assert {"archive/2016.md", "archive/2016--2.md", "archive/2015.md", "archive/undated.md"} <= set(pages)
    listed = []
    for path in ("archive/2016.md", "archive/2016--2.md"):
        _, body = pages[path]
        entries = re.findall(r'class="cb-entry__title"', body)
        assert len(entries) <= PAGE_SIZE
        listed += entries
        assert 'aria-label="Pages">Page' in body
    assert len(listed) == PAGE_SIZE + 50
    month_links = re.findall(r"\]\((archive/2016(?:--2)?\.md)#(m2016-\d\d)\)", archive)
    for path, anchor in month_links:
        assert f"{{ #{anchor} }}" in pages[path][1], (path, anchor)


def test_theme_and_author_pages_list_their_articles_newest_first_and_paginate():
    dates = [f"20{10 + i % 10}-01-01" for i in range(PAGE_SIZE + 1)]
    pages = pages_of(dated_site(dates, themes=lambda i: ("Trust",) if i else ("Trust", "Rare")))
    header, body = pages["themes/trust.md"]
    assert header["feeds"] == [{"title": "Dated: Trust", "url": "feed-theme-trust.xml"}]
    assert f"{PAGE_SIZE + 1:,} articles on Trust, newest first." in body
    assert len(re.findall(r'class="cb-entry__title"', body)) == PAGE_SIZE
    assert len(re.findall(r'class="cb-entry__title"', pages["themes/trust--2.md"][1])) == 1
    years = re.findall(r'datetime="(\d{4})', body)
    assert years == sorted(years, reverse=True)
    assert "1 article on Rare" in pages["themes/rare.md"][1]


def test_index_pages_list_each_name_once_with_counts():
    site = site_of(f"Alpha\n\nBy Ada Lovelace\n\n{paragraph(30)}\n\n\nBeta\n\nBy Ada Lovelace and Alan Turing\n\n{paragraph(30)}"
                   f"\n\n\nGamma\n\n{paragraph(30)}")
    pages = pages_of(site)
    _, index = pages["authors.md"]
    names = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="cb-count">(\d+)</span></li>', index)
    assert names == [("authors/ada-lovelace.html", "Ada Lovelace", "2"), ("authors/alan-turing.html", "Alan Turing", "1")]
    assert "2 authors, each with the number of their articles." in index
    assert '<a href="authors/unattributed.html">1 article naming no author</a>' in index
    assert "Gamma" in pages["authors/unattributed.md"][1] and "1 article naming no author" in pages["authors/unattributed.md"][1]


def test_a_real_author_named_unattributed_keeps_a_page_of_their_own():
    site = dated_site(["2016", None], authors=lambda i: ("Unattributed",) if i else ())
    places = catalogue(site)
    assert places.unattributed.path == "authors/unattributed.md"
    assert places.authors["Unattributed"].path == "authors/unattributed-2.md"


def test_authors_index_sorts_names_by_surname_and_shows_them_as_written():
    names = ["Shep Hyken", "Geoffrey A. Moore", "Lisa", "Ludwig van Beethoven", "Martin Luther King Jr.", "John Bessant"]
    site = dated_site([None] * len(names), authors=lambda i: (names[i],))
    shown = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', pages_of(site)["authors.md"][1])
    assert shown == ["Ludwig van Beethoven", "John Bessant", "Shep Hyken", "Martin Luther King Jr.", "Lisa",
                     "Geoffrey A. Moore"]


def test_repeated_titles_are_told_apart_in_listings_links_and_search():
    dates = ["2014-03-04", "2014-05-06", None, "2015-01-02"]
    site = dated_site(dates, titles=lambda i: "Recurse Center" if i < 3 else "Elsewhere")
    hints = [item.hint for item in site.articles]
    assert hints[:2] == ["March 4, 2014", "May 6, 2014"] and hints[3] == ""
    assert hints[2].startswith("This word") and len(hints[2]) <= 40, "undated: the start of its description"
    _, archive = pages_of(site)["archive.md"]
    assert '>Recurse Center</a> <span class="cb-entry__hint">March 4, 2014</span>' in archive
    related = replace(site, related=((1, 2), (0,), (0,), ()))
    header = yaml.safe_load(page_parts(render_article(related, 0).text)[0])
    assert header["title_hint"] == "March 4, 2014"
    assert header["related"][0] == {"title": "Recurse Center", "url": "articles/seed0/recurse-center-2.html",
                                    "hint": "May 6, 2014"}
    assert "hint" not in yaml.safe_load(page_parts(render_article(related, 3).text)[0])


def test_name_indexes_are_cut_into_pages():
    site = dated_site([None] * (NAMES_PAGE_SIZE + 5), authors=lambda i: (f"Author Number{i:04d}",))
    pages = pages_of(site)
    first = re.findall(r"<li><a ", pages["authors.md"][1])
    second = re.findall(r"<li><a ", pages["authors--2.md"][1])
    assert (len(first), len(second)) == (NAMES_PAGE_SIZE, 5)


def test_search_records_carry_the_article_data_not_page_furniture():
    site = dated_site(["2016-08-23"])
    records = json.loads(pages_of(site)[".corpus-search.json"][1])
    assert records == [{"language": "en", "url": "articles/seed0/article-0.html", "title": "Article 0", "authors": ["Ada Lovelace"],
                        "themes": ["Trust"], "date": "2016-08-23", "description": site.articles[0].article.description,
                        "hint": "", "text": site.articles[0].article.body_text}]


def test_article_links_related_and_neighbours_in_front_matter():
    site = site_of(f"Alpha\n\n{paragraph(30)}\n\n\nBeta\n\n{paragraph(30)}\n\n\nGamma\n\n{paragraph(30)}")
    site = Site(site.title, site.sources, site.articles, related=((2, 1), (0,), (0,)))
    header = yaml.safe_load(page_parts(render_article(site, 0).text)[0])
    assert header["related"] == [{"title": "Gamma", "url": "articles/seed0/gamma.html"},
                                 {"title": "Beta", "url": "articles/seed0/beta.html"}]
    assert "previous" not in header and header["next"] == {"title": "Beta", "url": "articles/seed0/beta.html"}
    middle = yaml.safe_load(page_parts(render_article(site, 1).text)[0])
    assert middle["previous"]["title"] == "Alpha" and middle["next"]["title"] == "Gamma"
