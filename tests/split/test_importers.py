"""Exports read item by item (split/imports/): each format recognised by its
content on small real exports (tests/fixtures/exports/, credited there), what
each item states read once and right, what is not an article set aside and
listed, and hostile exports refused or made harmless."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import paragraph

from corpus_browser.config import SplitRules
from corpus_browser.errors import SeedError, SeedSkipped
from corpus_browser.model import Format, Overrides, Seed, SeedInput
from corpus_browser.source.seeds import read_corpus, seed_from_bytes
from corpus_browser.split import split_corpus
from corpus_browser.split.explain import explain_seed
from corpus_browser.split.imports import read_export
from corpus_browser.split.imports.fields import stated_date
from corpus_browser.split.imports.wxr import wordpress_html
from corpus_browser.store import cache

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def seed_of(path: Path, name: str | None = None) -> Seed:
    """A fixture read as the source reads a seed (a zip kept as bytes)."""
    return seed_from_bytes(path.read_bytes(), name or path.name, str(path))


def split_one(seed: Seed, overrides: Overrides = Overrides()):
    (found,) = split_corpus([SeedInput(seed, overrides)], SplitRules())
    return found


def articles_by_title(seed: Seed, overrides: Overrides = Overrides()) -> dict:
    return {article.title: article for article in split_one(seed, overrides).articles}


def markdown_of(article) -> str:
    return "\n\n".join(block.markdown for block in article.body)


# --- each format, by content -----------------------------------------------------------------------


@pytest.mark.parametrize("fixture, importer, posts, other_kinds", [
    ("ghost-migrate-sample.xml", "WordPress export (WXR)", 2, {"draft", "page", "attachment", "customcpt"}),
    ("ghost-migrate-co-authors-plus.xml", "WordPress export (WXR)", 4, set()),
    ("jekyll-import-medium-feed.xml", "RSS 2.0 feed", 2, set()),
    ("bastibe-rss-excerpt.xml", "RSS 2.0 feed", 3, set()),
    ("bastibe-atom-excerpt.xml", "Atom 1.0 feed", 2, set()),
    ("bastibe-jsonfeed.json", "JSON Feed 1.1", 2, set()),
    ("ghost-migrate-assetscraper.json", "Ghost export", 3, set()),
    ("ghost-migrate-assetscraper-flat.json", "Ghost export", 1, set()),
    ("ghost-migrate-substack.zip", "Substack export", 3, {"draft", "page"}),
    ("ghost-migrate-beehiiv-posts.csv", "table (CSV) of articles", 2, set()),
    ("ghost-migrate-wix-posts.csv", "table (CSV) of articles", 1, {"unpublished post"}),
    ("jekyll-import-medium-posts.jsonl", "JSON Lines of articles", 2, set()),
    ("medium-export/posts/basic-post.html", "post marked up as h-entry (a Medium export's post)", 1, set()),
    ("saved-pages/bastibe/2013-05-30-speeding-up-matplotlib.html", "saved web page", 1, set()),
    ("enwiki-excerpt.xml", "MediaWiki export", 1, {"redirect", "category page", "template"}),
])
def test_each_export_is_recognised_by_its_content_whatever_its_name(fixture, importer, posts, other_kinds):
    for name in (Path(fixture).name, "renamed.txt"):
        imported = read_export(SeedInput(seed_of(FIXTURES / fixture, name), Overrides()))
        assert imported is not None and imported.importer == importer, name
        kinds = [item.kind for item in imported.items]
        assert sum(kind in ("post", "entry", "item", "article", "newsletter", "podcast", "thread")
                   for kind in kinds) == posts
        assert set(kinds) - {"post", "entry", "item", "article", "newsletter", "podcast", "thread"} == other_kinds


@pytest.mark.parametrize("fixture", ["ghost-migrate-sample.xml", "bastibe-rss-excerpt.xml", "bastibe-atom-excerpt.xml",
                                     "bastibe-jsonfeed.json", "ghost-migrate-assetscraper.json",
                                     "ghost-migrate-wix-posts.csv", "jekyll-import-medium-posts.jsonl",
                                     "enwiki-excerpt.xml"])
def test_every_non_blank_line_of_an_export_is_counted_once(fixture):
    """Nothing lost, nothing counted twice: an export's posts count the non-blank
    lines they stand on, its other items theirs, and the export's own fields and
    wrapper (a feed's channel, the closing tags) are set aside; blank lines count
    for nothing (an RSS feed's 87 posts had counted 190 lines more than it has)."""
    seed = seed_of(FIXTURES / fixture)
    split = split_one(seed)
    counted = sum(article.prose_lines + article.tally.metadata + article.tally.boilerplate
                  for article in split.articles) + sum(aside.last - aside.first + 1 for aside in split.matter)
    assert counted == sum(1 for line in seed.lines if line.strip())


def test_text_dumps_are_not_taken_for_exports():
    texts = ["Title, body, and more: a first line with commas\n\nSome prose follows here, as in any dump.\n",
             "title,author\nA Title Row\n\nthat is no table, since its rows are not of its width, one, two\n",
             "<p>Sometimes a dump opens with markup</p> but\n\nholds prose.\n",
             "<!-- a Markdown file may open with a comment -->\n# A Title\n\nAnd its text.\n"]
    for text in texts:
        for name in ("notes.txt", "notes.md"):
            assert read_export(SeedInput(Seed(name, tuple(text.splitlines())), Overrides())) is None, (name, text)
    assert split_one(Seed("notes.txt", tuple(texts[0].splitlines()))).format is not Format.EXPORT


def test_a_page_of_several_article_elements_gives_an_article_for_each():
    """A diary's month saved as one page, an `<article>` for each entry: each is
    an article, titled by its heading, else by the `<time>` it opens with, else
    by its first words, and dated by that time's `datetime`."""
    texts = [paragraph(40) for _ in range(3)]
    page = "\n".join([
        "<!DOCTYPE html>", "<html><head><title>A Diary</title></head><body>", "<section><h2>January 1701</h2>",
        f"<article><p>{texts[0]}</p></article>",
        f'<article><p><time datetime="1701-01-02">2nd</time>. {texts[1]}</p></article>',
        f'<article><h3>A Frosty Day</h3><p><time datetime="1701-01-03">3rd</time>. {texts[2]}</p></article>',
        "</section></body></html>"])
    found = split_one(Seed("diary.html", tuple(page.split("\n")))).articles
    assert [article.title for article in found][1:] == ["2nd", "A Frosty Day"]
    assert found[0].title.startswith("This") and [article.date for article in found] == [None, "1701-01-02", "1701-01-03"]
    assert all(text in article.body_text for text, article in zip(texts, found))
    # a post's page: its comments, or its related posts' cards, are `<article>`s elsewhere on it
    comments = "".join(f'<li><article class="comment-body"><b>Reader {n}</b> says: <time datetime="2021-03-1{n}">'
                       f"March 1{n}, 2021</time><p>{paragraph(40)}</p></article></li>" for n in range(3))
    for wrapper, declared in (("article", '<meta property="og:type" content="article">'), ("div", "")):
        post = "\n".join([f"<!DOCTYPE html><html><head><title>Mending a Grinder</title>{declared}</head><body><main>",
                          f'<{wrapper} class="post"><h1>Mending a Grinder</h1><p>{paragraph(120)}</p></{wrapper}>',
                          f'<ol class="comment-list">{comments}</ol></main></body></html>'])
        (article,) = split_one(Seed("post.html", tuple(post.split("\n")))).articles
        assert article.title == "Mending a Grinder"


def test_a_file_named_like_an_export_that_is_none_is_skipped():
    with pytest.raises(SeedSkipped, match="not an export this build reads"):
        read_export(SeedInput(Seed("data.json", ('{"a": [1, 2, 3]}',)), Overrides()))


def test_a_web_page_no_importer_reads_is_read_as_text_not_skipped():
    """A news page written with a template's macros, no article or heading an
    importer knows: read as text, every line of it kept, not skipped. A site's
    layout template, a few tags and no prose, is skipped."""
    texts = [paragraph(60) for _ in range(4)]
    items = "\n\n".join(f"NEWS(Release 2.{n} is out)\nDATED(May {n + 1} 2025)\n\n{text}\n\nEND"
                          for n, text in enumerate(texts))
    page = Seed("news.html", tuple(f'#include "setup.t"\n<html>\n<head><title>News</title></head>\n\n{items}\n'
                                   .splitlines()))
    assert read_export(SeedInput(page, Overrides())) is None
    bodies = " ".join(article.body_text for article in split_one(page).articles)
    assert all(text in bodies for text in texts)
    layout = Seed("post.html", ("---", "layout: default", "---", '<article class="post">',
                                "<h1>{{ page.title | escape }}</h1>", "{{ content }}", "</article>"))
    with pytest.raises(SeedSkipped, match="not an export this build reads"):  # a site's template, no prose
        read_export(SeedInput(layout, Overrides()))


# --- what each item states -------------------------------------------------------------------------------


def test_wordpress_authors_are_display_names_and_co_authors():
    sample = articles_by_title(seed_of(FIXTURES / "ghost-migrate-sample.xml"))
    assert sample["Basic Post"].authors == ("Hermione Granger",)  # dc:creator is the login hermione@example.com
    assert sample["Basic Post"].date == "2013-06-07"
    assert set(sample["Basic Post"].source_tags) == {"Has Images", "Programming", "Company News"}
    co_authors = articles_by_title(seed_of(FIXTURES / "ghost-migrate-co-authors-plus.xml"))
    assert co_authors["Three Author Post"].authors == ("Alice Smith", "Bob Jones", "Carol White")


def test_wordpress_items_that_are_not_posts_are_set_aside_and_listed():
    split = split_one(seed_of(FIXTURES / "ghost-migrate-sample.xml"))
    reasons = [reason for _first, _last, reason in split.matter_lines]
    assert "a draft, not a post: Draft Post" in reasons
    assert "a page, not a post: Services" in reasons
    assert any(reason.startswith("an attachment, not a post") for reason in reasons)
    assert "Draft Post" not in {article.title for article in split.articles}
    assert "bare & read as &amp;" in split.format_evidence  # the file is not well-formed XML
    explained = explain_seed(split)
    assert "WordPress export (WXR)" in explained and "6 items, 2 posts" in explained
    assert "a page, not a post: Services" in explained


def test_wordpress_classic_paragraphs_and_shortcodes_read_as_wordpress_shows_them():
    html = wordpress_html('First line\nsecond line\n\n[caption id="a" caption="A bell"]<img src="https://x/b.jpg">'
                          '[/caption]\n\n[code language="python"]if a < b:\n    pass[/code]\n\n<pre>kept\n\nas is</pre>')
    assert "<p>First line<br>\nsecond line</p>" in html
    assert "<figcaption>A bell</figcaption>" in html and "[caption" not in html
    assert '<pre><code class="language-python">if a &lt; b:\n    pass</code></pre>' in html
    assert "<pre>kept\n\nas is</pre>" in html


def test_a_wikis_pages_are_read_as_wiki_markup_dated_by_their_revision_and_tagged_by_their_categories():
    """A MediaWiki export: its article's text is read as wiki markup (bold and
    italics, headings, lists; its category links are no text), dated by its
    revision, tagged with its categories, and credited to no one (the
    revision's contributor is its last editor)."""
    [article] = split_one(seed_of(FIXTURES / "enwiki-excerpt.xml")).articles
    assert (article.title, article.date, article.authors) == ("Acantholimon", "2018-02-16", ())
    assert article.source_tags == ("Acantholimon", "Caryophyllales genera")
    text = markdown_of(article)
    assert text.startswith("***Acantholimon*** (**prickly thrift**) is a genus")
    assert "## Form" in text and "- *Acantholimon albertii*" in text and "Category:" not in text


def test_a_wikis_talk_user_and_empty_pages_are_no_articles():
    """Talk pages (every odd namespace), users' pages and a page whose text was
    deleted are set aside, each named for what it is; a project's page is an article."""
    pages = [("Tea", "0", "Tea is a drink."), ("Talk:Tea", "1", "Is it a drink?"),
             ("User:Ada", "2", "I edit pages on tea."), ("Coffee", "0", ""), ("Wiki:Style guide", "4", "Write well.")]
    text = "<mediawiki>\n" + "".join(
        f"<page><title>{title}</title><ns>{ns}</ns><revision><timestamp>2020-01-02T03:04:05Z</timestamp>"
        f"<text>{body}</text></revision></page>\n" for title, ns, body in pages) + "</mediawiki>\n"
    imported = read_export(SeedInput(Seed("wiki.xml", tuple(text.split("\n"))), Overrides()))
    assert [(item.title, item.kind) for item in imported.items] == [
        ("Tea", "article"), ("Talk:Tea", "talk page"), ("User:Ada", "user page"), ("Coffee", "empty page"),
        ("Wiki:Style guide", "article")]


def test_feed_dates_are_the_writers_own_day():
    # bastibe's first item: "Sun, 16 Mar 2025 14:00:00 +0100"; feedparser would move it to UTC.
    assert stated_date("Fri, 30 Nov 2012 00:00:00 +0100") == "2012-11-30"
    assert stated_date("2019-07-26T20:48:19.814Z") == "2019-07-26"
    assert stated_date("0000-00-00 00:00:00") is None
    article = next(iter(articles_by_title(seed_of(FIXTURES / "bastibe-rss-excerpt.xml")).values()))
    assert article.date == "2025-03-16"


def test_feed_items_keep_their_authors_tags_and_links():
    medium = articles_by_title(seed_of(FIXTURES / "jekyll-import-medium-feed.xml"))
    post = medium["This is a Dummy Post"]
    assert post.authors == ("John Doe",) and "docker" in post.source_tags
    rss = split_one(seed_of(FIXTURES / "bastibe-rss-excerpt.xml"))
    links = [found for article in rss.articles for found in re.findall(r"\]\((\S+?)\)", markdown_of(article))]
    assert links and all(link.startswith(("http://", "https://", "mailto:")) for link in links)
    assert any(link.startswith("https://bastibe.de/") for link in links)  # relative links read against the item's


def test_atom_and_json_feed_authors_come_from_the_feed_when_items_name_none():
    for fixture in ("bastibe-atom-excerpt.xml", "bastibe-jsonfeed.json"):
        articles = split_one(seed_of(FIXTURES / fixture)).articles
        assert articles and all(article.authors == ("Bastian Bechtold",) for article in articles), fixture


def test_json_feed_text_is_read_as_text():
    articles = split_one(seed_of(FIXTURES / "bastibe-jsonfeed.json")).articles
    assert articles[1].words > 100 and "<" not in markdown_of(articles[1])
    assert articles[0].date == "2025-03-16"


def test_ghost_posts_get_their_users_and_tags_through_the_joining_tables():
    posts = articles_by_title(seed_of(FIXTURES / "ghost-migrate-assetscraper.json"))
    assert posts["Post 1"].authors == ("Alice Johnson",) and posts["Post 1"].source_tags == ("News",)
    assert posts["Post 2"].authors == ("Bob Smith",)
    assert "![](https://example.com/images/lexical-image.jpg)" in markdown_of(posts["Post 3 - Lexical"])


def test_substack_folder_and_zip_give_the_same_articles(tmp_path):
    shutil.copytree(FIXTURES / "ghost-migrate-substack", tmp_path / "substack-export")
    (folder_seed,) = read_corpus(tmp_path).seeds
    assert folder_seed.seed.name == "substack-export" and folder_seed.seed.data
    from_folder = split_one(folder_seed.seed)
    from_zip = split_one(seed_of(FIXTURES / "ghost-migrate-substack.zip"))
    assert [a.title for a in from_folder.articles] == [a.title for a in from_zip.articles] \
        == ["Plain Text", "Comment Buttons", "Talk to Us"]
    assert [a.body for a in from_folder.articles] == [a.body for a in from_zip.articles]
    assert from_zip.articles[0].subtitle == "“This quote’s rather short”"
    assert from_zip.articles[0].date == "2019-07-26"


def test_medium_posts_and_drafts(tmp_path):
    shutil.copytree(FIXTURES / "medium-export", tmp_path / "medium-export")
    split = split_corpus(read_corpus(tmp_path).seeds, SplitRules())
    by_name = {seed.name: seed for seed in split}
    (basic,) = by_name["medium-export/posts/basic-post.html"].articles
    assert (basic.title, basic.authors, basic.date, basic.source_tags) == \
        ("Basic Post Title", ("Joe Bloggs",), "2018-08-11", ("Things", "Stuff"))
    assert "Exported from" not in basic.body_text and "Canonical link" not in basic.body_text
    assert by_name["medium-export/posts/draft-post.html"].articles == ()
    assert by_name["medium-export/profile/profile.html"].articles == ()  # an h-card, no post
    code = by_name["medium-export/posts/code-post.html"].articles[0]
    assert any(block.kind.value == "code" for block in code.body)


def test_a_zipped_medium_export_reads_its_posts_and_sets_its_other_pages_aside():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((FIXTURES / "medium-export").rglob("*.html")):
            archive.write(path, path.relative_to(FIXTURES / "medium-export").as_posix())
    split = split_one(seed_from_bytes(buffer.getvalue(), "medium-export.zip", "seeds/medium-export.zip"))
    assert sorted(a.title for a in split.articles) == ["Basic Post Title", "Code Post Title"]
    assert any("profile/profile.html" in reason for _f, _l, reason in split.matter_lines)


def test_saved_pages_give_the_article_its_byline_date_and_tags():
    seed = seed_of(FIXTURES / "saved-pages/credmp-public/posts/20250111-happy-with-nixos/index.html", "post.html")
    (article,) = split_one(seed).articles
    assert article.title == "The joy of NixOS" and article.authors == ("Arjen Wiersma",)
    assert article.date == "2025-01-11" and "Nixos" in article.source_tags
    assert "Arjen Wiersma" not in article.body_text.split("\n")[0]  # no page furniture before the text
    listing = seed_of(FIXTURES / "saved-pages/credmp-public/posts/page/2/index.html", "page-2.html")
    split = split_one(listing)
    assert split.articles == () and "listing of articles" in split.matter_lines[0][2]


def html_book(pieces: list[tuple[str, int]], *, wrapper: str = "body", declaration: bool = True,
              contents: bool = True, marker: bool = True) -> str:
    """A book as Project Gutenberg's HTML editions are: an XML declaration, a title
    page, a contents list linking to anchors before each piece's `<h2>`, the
    pieces, then the end marker and the licence in a `<pre>`."""
    words = iter(range(10**6))

    def text(count: int) -> str:
        return " ".join(f"word{next(words)}" for _ in range(count))

    listing = "".join(f'<p class="toc"><a href="#link{n}"> {title} </a></p>\n' for n, (title, _) in enumerate(pieces)
                      if contents)
    body = "".join(
        f'<p><br /> <a name="link{n}" id="link{n}">\n<!-- H2 anchor --> </a></p>\n'
        f'<div style="height: 4em;"><br /></div>\n<h2>\n  {title}\n</h2>\n'
        + "".join(f"<p>\n  {text(60)}\n  {text(40)}.\n</p>\n" for _ in range(paragraphs))
        for n, (title, paragraphs) in enumerate(pieces))
    return ('<?xml version="1.0" encoding="utf-8"?>\n\n' if declaration else "") + (
        '<!DOCTYPE html>\n<html><head><title>A Book of Tales</title></head>\n'
        f'<{wrapper}>\n' + ("<pre>\n*** START OF THE PROJECT GUTENBERG EBOOK A BOOK OF TALES ***\n</pre>\n" if marker else "")
        + '<h1>A BOOK OF TALES</h1>\n<h2>Edited by A. Editor</h2>\n<h2>CONTENTS</h2>\n'
        f"<blockquote>\n{listing}</blockquote>\n{body}"
        + ('<pre>\n*** END OF THE PROJECT GUTENBERG EBOOK A BOOK OF TALES ***\n\nSection 1. The licence.\n</pre>\n'
           if marker else '<p>Thanks for reading.</p>\n')
        + f"</{wrapper}></html>\n")


def test_a_web_page_of_a_book_gives_an_article_for_each_piece_its_contents_list_links_to():
    """The pieces under the `<h2>`s the contents list links to are articles,
    titles in capitals eased; the title page and the contents list before them
    and the marker and licence after them are set aside; `CHAPTER I` under a
    title numbers a part of that piece. An XML declaration before the doctype
    (XHTML) still makes the file a web page."""
    pieces = [("THE BRONZE RING", 4), ("LITTLE RED RIDING HOOD", 3), ("A VOYAGE TO LILLIPUT", 0),
              ("CHAPTER I", 3), ("CHAPTER II", 3), ("THE RED ETIN", 4)]
    text = html_book(pieces)
    split = split_one(Seed(name="tales.htm", lines=tuple(text.split("\n"))))
    assert [a.title for a in split.articles] == ["The Bronze Ring", "Little Red Riding Hood", "A Voyage to Lilliput",
                                                 "The Red Etin"]
    lilliput = split.articles[2]
    assert [b.texts[0] for b in lilliput.body if b.kind.value == "heading"] == ["CHAPTER I", "CHAPTER II"]
    assert all("licence" not in a.body_text and "word" in a.body_text for a in split.articles)
    reasons = " ".join(reason for _first, _last, reason in split.matter_lines)
    assert "front matter" in reasons and "back matter" in reasons
    non_blank = {n for n, line in enumerate(text.split("\n"), 1) if line.strip()}
    ranges = sorted([(a.first_line, a.last_line) for a in split.articles] + [
        (first, last) for first, last, _reason in split.matter_lines])
    assert all(last < first for (_, last), (first, _) in zip(ranges, ranges[1:]))  # no line counted twice
    assert non_blank <= {n for first, last in ranges for n in range(first, last + 1)}  # nor left out


def test_a_transcribed_issue_with_no_contents_list_is_read_piece_by_piece_after_its_marker():
    """A weekly's issue as Project Gutenberg transcribes it, its items under
    `<h2>`s that no contents list links to, after `*** START OF … ***`: each
    item is an article. Without the marker and the links, a page of long
    sections is one article."""
    pieces = [("THE DIURNAL FEMININE.", 3), ("STATE AID FOR MATRIMONY.", 4), ("OPERATIC NOTES.", 3)]
    issue = html_book(pieces, contents=False)
    assert [a.title for a in split_one(Seed(name="punch.htm", lines=tuple(issue.split("\n")))).articles] == [
        "The Diurnal Feminine", "State Aid for Matrimony", "Operatic Notes"]
    page = html_book(pieces, contents=False, marker=False)
    assert len(split_one(Seed(name="page.htm", lines=tuple(page.split("\n")))).articles) == 1
    noted = page.replace("<h1>", "<p>*** Update: the second part is fixed ***</p>\n<h1>", 1)  # one framed line
    assert len(split_one(Seed(name="noted.htm", lines=tuple(noted.split("\n")))).articles) == 1


def test_a_blog_page_of_several_entries_gives_a_post_for_each_with_its_summary():
    """A blog's archive page as Nikola writes it: an `<article class="h-entry">`
    per post, each with its name, an hAtom byline (`author vcard`, `fn`), its
    date and a `p-summary`; a comment marked up as an entry inside a post is
    no post of its own. A page of entries that are only titles lists posts."""
    def entry(n: int, comment: str = "") -> str:
        return (f'<article class="h-entry"><header><h1 class="p-name"><a href="/posts/{n}/" class="u-url">Post {n}'
                f'</a></h1>\n<p class="byline author vcard"><span class="fn">Jane Doe</span></p>\n'
                f'<time class="dt-published" datetime="2020-11-2{n}T10:00:00Z">2020-11-2{n}</time></header>\n'
                f'<div class="p-summary"><p>What post {n} is about, in {10 + n} words or so.</p></div>{comment}</article>\n')
    comment = '<div class="h-entry p-comment"><p class="p-name">Nice</p><p class="e-content">Nice post.</p></div>'
    page = ("<!DOCTYPE html>\n<html><head><title>Blog (page 3)</title></head><body>\n<nav>Home</nav>\n"
            + entry(1) + entry(2, comment) + entry(3) + "<footer>Contents © Jane Doe</footer>\n</body></html>\n")
    split = split_one(Seed("page-3.html", tuple(page.split("\n"))))
    assert [(a.title, a.authors, a.date) for a in split.articles] == [
        ("Post 1", ("Jane Doe",), "2020-11-21"), ("Post 2", ("Jane Doe",), "2020-11-22"),
        ("Post 3", ("Jane Doe",), "2020-11-23")]
    assert "What post 2 is about" in split.articles[1].body_text
    titles_only = page.replace('<div class="p-summary">', '<div class="teaser">')
    assert len(split_one(Seed("page-3.html", tuple(titles_only.split("\n")))).articles) <= 1


def news_page(headings: list[str], *, declared: str = "") -> str:
    """A package's news page as a documentation generator writes it: a
    `<main>`, the page's own heading, then a section per heading, each with a
    short list of changes."""
    sections = "".join(f'<div class="section level2" id="s{n}">\n<h2>{heading}</h2>\n'
                       f"<ul>\n<li>Fix item {n} in the reader.</li>\n<li>Add option {n}.</li>\n</ul>\n</div>\n"
                       for n, heading in enumerate(headings))
    meta = f'<meta property="og:type" content="{declared}">' if declared else ""
    return (f"<!DOCTYPE html>\n<html><head><title>Changelog</title>{meta}</head><body>\n<nav>Home</nav>\n"
            f'<main>\n<div class="page-header"><h2>Changelog</h2></div>\n{sections}</main>\n'
            "<footer>Site built with a generator.</footer>\n</body></html>\n")


def test_a_saved_news_page_gives_an_article_for_each_release_however_short():
    """A project's news page saved from its site: most of its `<h2>`s carry a
    version or a date, so each is a release of its own, dated when its heading
    says when (the date dropped from its title), its few words kept; the page's own heading is front matter.
    A post that declares itself one article keeps its dated sections, and a
    page whose headings carry neither, or follow no one pattern, or stand
    after a post's text, is one post."""
    releases = ["mypackage 1.1.0 <small>Unreleased</small>", "mypackage 1.0.0 <small>2020-06-24</small>",
                "mypackage 0.9.1 <small>2019-11-04</small>", "mypackage 0.9.0 <small>2019-03-03</small>"]
    page = news_page(releases)
    split = split_one(Seed("news.html", tuple(page.split("\n"))))
    assert [(a.title, a.date) for a in split.articles] == [
        ("mypackage 1.1.0 Unreleased", None), ("mypackage 1.0.0", "2020-06-24"),
        ("mypackage 0.9.1", "2019-11-04"), ("mypackage 0.9.0", "2019-03-03")]
    assert "Fix item 0 in the reader" in split.articles[0].body_text and "Changelog" not in split.articles[0].body_text
    post = news_page(["Monday, May 3, 2021", "Tuesday, May 4, 2021", "Wednesday, May 5, 2021"], declared="article")
    assert len(split_one(Seed("week.html", tuple(post.split("\n")))).articles) == 1
    for headings in (["Reading", "Writing", "Testing"], ["1.1 Installing it", "1.2 Setting it up", "1.3 Running it"],
                     ["09.00 Registration", "10.45 The opening talk", "12.30 Lunch in the hall"],
                     ["Python 3.10: pattern matching", "Python 3.11: a faster loop", "Python 3.12: better errors"]):
        page = news_page(headings)  # (a guide's numbered sections, a day's programme, a post on versions)
        assert len(split_one(Seed("guide.html", tuple(page.split("\n")))).articles) == 1, headings
    comments = news_page([f"Tom Reed on May {day}, 2021 at 10:22 am" for day in (4, 5, 6)]).replace(
        '<div class="page-header"><h2>Changelog</h2></div>', f"<h1>A winter walk</h1>\n<p>{'A long post. ' * 80}</p>")
    assert len(split_one(Seed("walk.html", tuple(comments.split("\n")))).articles) == 1  # (a post, its comments dated)


def test_a_saved_change_history_whose_releases_stand_in_groups_gives_each_its_article():
    """A change history grouping its releases by major version, each group a
    `<div>` of `<h2>` releases with their lists: every release is an article,
    with the list under its heading and no other's."""
    def group(major: int, minors: range) -> str:
        return ('<div class="major">\n' + "".join(
            f"<h2>tool {major}.{minor} &mdash; 201{minor}-0{major}-01</h2>\n<ul>\n<li>Fix {major}.{minor} here.</li>\n"
            f"<li>Add a flag.</li>\n</ul>\n" for minor in minors) + "</div>\n")
    page = ("<!DOCTYPE html>\n<html><head><title>Change History</title></head><body>\n<div id=\"nav\">Home</div>\n"
            "<h1>Change History</h1>\n<p>Changes by release.</p>\n" + group(2, range(3, 0, -1))
            + group(1, range(2, 0, -1)) + "<div id=\"foot\">Copyright</div>\n</body></html>\n")
    split = split_one(Seed("changes.html", tuple(page.split("\n"))))
    assert [(a.title, a.date) for a in split.articles] == [
        ("tool 2.3", "2013-02-01"), ("tool 2.2", "2012-02-01"), ("tool 2.1", "2011-02-01"),
        ("tool 1.2", "2012-01-01"), ("tool 1.1", "2011-01-01")]
    assert "Fix 2.1 here" in split.articles[2].body_text and "Fix 1.2" not in split.articles[2].body_text
    dated_first = news_page([f"2022-0{n}-28 - Version 3.4{n}.1" for n in (4, 3, 2)])  # (the day before the version)
    assert [(a.title, a.date) for a in split_one(Seed("news.html", tuple(dated_first.split("\n")))).articles] == [
        (f"Version 3.4{n}.1", f"2022-0{n}-28") for n in (4, 3, 2)]


def test_a_books_pieces_take_their_authors_from_a_byline_under_the_heading_or_a_signature_at_the_foot():
    """A weekly's HTML edition: `BY MRS. W. J. HAYS.` under a story's heading
    (between rules drawn in dashes), a
    poem signed `J. M. S.` in a paragraph of its own (the innermost one, inside
    the poem's `<div>`, its heading's `;` before an alternative title dropped);
    a piece of one paragraph under its heading is signed by no one."""
    page = html_book([("SEEKING HIS FORTUNE.", 4), ("THE EXILE;", 5), ("A NOTE.", 1)], contents=False)
    page = page.replace("SEEKING HIS FORTUNE.\n</h2>\n",
                        "SEEKING HIS FORTUNE.\n</h2>\n<p>———</p>\n<p>BY MRS. W. J. HAYS.</p>\n<p>———</p>\n", 1)
    page = page.replace("THE EXILE;\n</h2>\n", "THE EXILE;\n</h2>\n<div class=\"poem\">", 1).replace(
        "\n<h2>\n  A NOTE.", '<p class="author">J. M. S.</p>\n</div>\n<h2>\n  A NOTE.', 1)
    page = page.replace("\n<pre>\n*** END", '\n<p class="author">JANE DOE.</p>\n<pre>\n*** END', 1)
    found = split_one(Seed(name="weekly.htm", lines=tuple(page.split("\n")))).articles
    assert [(a.title, a.authors) for a in found] == [
        ("Seeking His Fortune", ("W. J. HAYS",)), ("The Exile", ("J. M. S.",)), ("A Note", ())]
    unsigned = html_book([("ONE.", 4), ("TWO.", 4), ("THREE.", 4)], contents=False).replace(
        "\n<h2>\n  TWO.", "\n<p>NEW YORK.</p>\n<h2>\n  TWO.", 1)  # a place closing a story, set as its text
    assert split_one(Seed("weekly.htm", lines=tuple(unsigned.split("\n")))).articles[0].authors == ()


def test_a_reports_papers_take_their_authors_from_names_in_small_capitals_under_the_heading():
    """A society's annual report: under each paper's `<h2>`, an `<h4>` naming its
    authors in small capitals, with where they work in italics (perhaps after a
    first heading, `SURVEY REPORT`); small capitals opening a paragraph of text,
    or a heading naming a place and a date or a time of day, name no one."""
    page = html_book([("SHELLING WALNUTS", 4), ("A KEY TO SEEDLINGS", 4), ("THE SURVEY", 4), ("A NOTE", 4),
                      ("A LETTER", 4), ("A LAST LETTER", 4)], contents=False)
    credits = {"SHELLING WALNUTS": '<h4><span class="smcap">A. B. Carter</span>, <i>Maple College</i></h4>',
               "A KEY TO SEEDLINGS": '<h4><span class="smcap">C. D. Moss</span> <i>and</i> '
                                     '<span class="smcap">E. F. Vale</span>, <i>Maple College</i></h4>',
               "THE SURVEY": '<h3>SURVEY REPORT</h3>\n<h4><span class="smcap">Jane G. Roe, USDA</span>, '
                             '<i>Riverton, Ohio</i></h4>',
               "A NOTE": '<p><span class="smcap">John Smith</span> planted walnuts.</p>',
               "A LETTER": '<h4><span class="smcap">Paris</span>, June 3, 1850.</h4>',
               "A LAST LETTER": '<h4><span class="smcap">Monday Evening</span>.</h4>'}
    for title, credit in credits.items():
        page = page.replace(f"{title}\n</h2>\n", f"{title}\n</h2>\n{credit}\n", 1)
    found = split_one(Seed(name="report.htm", lines=tuple(page.split("\n")))).articles
    assert [a.authors for a in found] == [("A. B. Carter",), ("C. D. Moss", "E. F. Vale"), ("Jane G. Roe",),
                                          (), (), ()]


def test_a_books_page_whose_headings_stand_centred_under_their_anchors_is_read_piece_by_piece():
    """Older Gutenberg HTML: the contents list links to `<a name="1">` before a
    `<center>` holding the story's `<h3>`, and the start marker ends a header
    block after a line break (`…<br>***START OF …***<br></h4>`)."""
    stories = ["TOBIN'S PALM", "THE GIFT OF THE MAGI", "A COSMOPOLITE IN A CAFE"]
    contents = "".join(f'<tr><td><a href="#{n}">{title}</a></td></tr>\n' for n, title in enumerate(stories, 1))
    body = "".join(f'<br>\n<a name="{n}"></a>\n<br>\n<center>\n<h3>{title}</h3>\n</center>\n'
                   + "".join(f"<p>{paragraph(70)}</p>\n" for _ in range(5)) for n, title in enumerate(stories, 1))
    page = ("<!DOCTYPE html>\n<html><body>\n<h4>\nTitle: The Four Million<br><br>\n"
            "***START OF THE PROJECT GUTENBERG EBOOK THE FOUR MILLION***<br><br></h4>\n"
            f"<center><h3>E-text prepared by volunteers</h3></center>\n<h3>CONTENTS</h3>\n<table>\n{contents}</table>\n"
            f"{body}</body></html>\n")
    found = split_one(Seed(name="four-million.htm", lines=tuple(page.split("\n")))).articles
    assert [a.title for a in found] == ["Tobin's Palm", "The Gift of the Magi", "A Cosmopolite in a Cafe"]


def test_a_post_or_a_short_page_with_a_linked_table_of_contents_stays_one_article():
    """A post (`<article>`) whose table of contents links to its sections, and a
    page whose linked sections are shorter than articles, are one article each."""
    pieces = [("Installing", 4), ("Configuring", 3), ("Running", 4)]
    post = html_book(pieces, wrapper="body><article", declaration=False).replace("</body><article>", "</article></body>")
    assert len(split_one(Seed(name="post.html", lines=tuple(post.split("\n")))).articles) == 1
    short = html_book([("Installing", 1), ("Configuring", 1), ("Running", 1)])
    assert len(split_one(Seed(name="guide.html", lines=tuple(short.split("\n")))).articles) == 1


def test_tables_map_their_columns_by_name():
    beehiiv = split_one(seed_of(FIXTURES / "ghost-migrate-beehiiv-posts.csv")).articles
    assert [a.title for a in beehiiv] == ["Sample Post", "Another Post"]  # web_title, not email_subject_line
    assert beehiiv[0].source_tags == ("Lorem Ipsum", "Dolor Simet") and beehiiv[0].date == "2023-01-18"
    assert beehiiv[0].body_text == "Sample HTML here"  # content_html, read as HTML
    wix = split_one(seed_of(FIXTURES / "ghost-migrate-wix-posts.csv"))
    (hello,) = wix.articles
    assert (hello.authors, hello.date, hello.body_text) == (("Jane Writer",), "2025-10-01", "Plain text fallback")
    assert "unpublished post, not a post: Draft Wix" in wix.matter_lines[0][2]


def test_the_sidecar_maps_a_tables_columns_and_its_bodies_format():
    text = ("headline\twriter\twhen\tstory\tlabels\nFirst\tAda Lovelace\t2020-02-03\t*Engines* of **note**\tmath; "
            "history\n")
    seed = Seed("stories.tsv", tuple(text.splitlines()))
    overrides = Overrides(columns=(("authors", "writer"), ("body", "story"), ("date", "when"), ("tags", "labels"),
                                   ("title", "headline")), body_format="markdown")
    (article,) = split_one(seed, overrides).articles
    assert (article.title, article.authors, article.date, article.source_tags) == \
        ("First", ("Ada Lovelace",), "2020-02-03", ("math", "history"))
    assert markdown_of(article) == "*Engines* of **note**"
    with pytest.raises(SeedError, match="maps a column 'nope'"):
        read_export(SeedInput(seed, Overrides(columns=(("body", "nope"),))))


def test_json_lines_rows_keep_their_lists():
    (first, _second) = split_one(seed_of(FIXTURES / "jekyll-import-medium-posts.jsonl")).articles
    assert first.authors == ("John Doe",) and first.source_tags[:2] == ("java", "custom-jre")


def test_sidecar_fixes_reach_the_item_holding_their_line():
    seed = seed_of(FIXTURES / "ghost-migrate-sample.xml")
    line = next(a.first_line for a in split_one(seed).articles if a.title == "Another Post")
    from corpus_browser.model import ArticleFix
    fixed = articles_by_title(seed, Overrides(articles=(ArticleFix(line + 2, title="Renamed", date="2001-02-03"),)))
    assert fixed["Renamed"].date == "2001-02-03" and "Another Post" not in fixed


# --- malformed and hostile exports ------------------------------------------------------------------------

WXR_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">')
ITEM = ("<item><title>{title}</title><dc:creator>admin</dc:creator><content:encoded><![CDATA[{body}]]>"
        "</content:encoded><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        "<wp:post_date>2020-01-02 10:00:00</wp:post_date></item>")


def wxr(*items: str, doctype: str = "") -> Seed:
    text = (WXR_HEAD.replace("\n", "\n" + doctype + "\n", 1) if doctype else WXR_HEAD) + "\n<channel>\n" \
        + "\n".join(items) + "\n</channel></rss>\n"
    return Seed("export.xml", tuple(text.splitlines()))


def test_an_entity_bomb_is_refused_with_the_file_and_line():
    bomb = ('<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    with pytest.raises(SeedError) as raised:
        read_export(SeedInput(wxr(ITEM.format(title="&d;", body="x"), doctype=bomb), Overrides()))
    assert str(raised.value).startswith("export.xml:2: declares the entity 'a'")


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    doctype = f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
    for seed in (wxr(ITEM.format(title="&leak;", body="x"), doctype=doctype),
                 Seed("feed.rss", (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item>'
                                   "<title>&leak;</title><description>x</description></item></channel></rss>",))):
        with pytest.raises(SeedError, match="entity 'leak'") as raised:
            read_export(SeedInput(seed, Overrides()))
        assert "TOP SECRET" not in str(raised.value)


def test_an_export_cut_short_is_read_up_to_its_last_whole_item_and_says_so():
    """A WordPress export or a feed whose download stopped (in an item's CDATA,
    in a tag, or between items): its whole items are its posts, the rest is
    set aside, and the reading says where it stopped. A file cut before any
    whole item, or broken inside, is still an error naming it."""
    items = [ITEM.format(title=title, body=f"<p>{title} text.</p>") for title in ("One", "Two", "Three")]
    for tail in ("<item><title>Four</title><content:encoded><![CDATA[<p>Half a po", "<item><titl", ""):
        text = WXR_HEAD + "\n<channel>\n" + "\n".join(items) + "\n" + tail
        split = split_one(Seed("export.xml", tuple(text.splitlines())))
        assert [a.title for a in split.articles] == ["One", "Two", "Three"]
        assert "cut short?): read up to its last whole record, on line 6" in split.format_evidence
    atom = ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>\n'
            + "\n".join(f"<entry><title>{t}</title><updated>2020-01-0{n}T00:00:00Z</updated><content>{t} text"
                         "</content></entry>" for n, t in enumerate(("One", "Two"), 1)) + "\n<entry><title>Thr")
    assert [a.title for a in split_one(Seed("feed.xml", tuple(atom.splitlines()))).articles] == ["One", "Two"]
    with pytest.raises(SeedError, match=r"^export\.xml:4: not well-formed XML"):
        read_export(SeedInput(Seed("export.xml", tuple((WXR_HEAD + "\n<channel>\n<item><title>On").splitlines())),
                              Overrides()))
    # cut after an entry's title closed: that entry is half of one, and a bare & besides keeps the cut
    half = atom.replace("<entry><title>Thr", "<entry><title>Three</title><content>Half a po")
    assert [a.title for a in split_one(Seed("feed.xml", tuple(half.splitlines()))).articles] == ["One", "Two"]
    both = text.replace("One text.", "One &amp text.").replace("&amp text", "& text")
    split = split_one(Seed("export.xml", tuple(both.splitlines())))
    assert [a.title for a in split.articles] == ["One", "Two", "Three"] and "cut short?)" in split.format_evidence


def test_a_malformed_export_names_the_file_and_the_line_or_item():
    broken = wxr(ITEM.format(title="One", body="x"), "<item><title>Two</title><unclosed></item>")
    with pytest.raises(SeedError, match=r"^export\.xml:5: not well-formed XML: mismatched tag"):
        read_export(SeedInput(broken, Overrides()))
    table = Seed("posts.csv", ("title,body", "One,text", "Two,text,extra cell"))
    with pytest.raises(SeedError, match=r"^posts\.csv:3: a row of 3 cells under a header of 2"):
        read_export(SeedInput(table, Overrides()))
    lines = Seed("posts.jsonl", ('{"title": "One", "body": "x"}', '{"title": "Two", "body": '))
    with pytest.raises(SeedError, match=r"^posts\.jsonl:2: not a JSON object"):
        read_export(SeedInput(lines, Overrides()))


def test_script_event_attributes_and_unsafe_links_never_reach_a_page():
    body = ('<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> and <a href=" JaVaScRiPt:alert(2)">'
            'that</a> <a href="data:text/html,<script>alert(3)</script>">too</a>.</p><script>alert(4)</script>'
            '<img src="x" onerror="alert(5)"><img src="data:image/svg+xml,<svg onload=alert(6)>">'
            '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>'
            '<a href="https://example.com/ok" onmouseover="alert(7)">fine</a>')
    (article,) = split_one(wxr(ITEM.format(title="<![CDATA[<script>alert(8)</script>Hostile]]>", body=body))).articles
    markdown = markdown_of(article)
    assert article.title == "Hostile"
    for unsafe in ("javascript", "data:", "onclick", "onerror", "onmouseover", "script", "iframe", "<", "alert"):
        assert unsafe not in markdown.lower(), unsafe
    assert "[fine](https://example.com/ok)" in markdown and "this" in markdown


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def test_zip_slip_names_are_never_read():
    page = b"<html><head><title>Evil</title></head><body><article><h1>Evil</h1><p>" + b"word " * 80 \
        + b"</p></article></body></html>"
    data = zip_of({"../../evil.html": page, "/etc/passwd.html": page, "C:/windows/x.html": page,
                   "posts/../../../up.html": page, "good/page.html": page.replace(b"Evil", b"Good")})
    split = split_one(seed_from_bytes(data, "export.zip", "seeds/export.zip"))
    assert [article.title for article in split.articles] == ["Good"]


def test_every_import_is_deterministic_and_can_be_cached():
    for fixture in ("ghost-migrate-sample.xml", "bastibe-rss-excerpt.xml", "ghost-migrate-substack.zip",
                    "saved-pages/bastibe/2013-05-30-speeding-up-matplotlib.html"):
        first, second = split_one(seed_of(FIXTURES / fixture)), split_one(seed_of(FIXTURES / fixture))
        assert cache.dump(first) == cache.dump(second), fixture
        assert cache.load(cache.dump(first)) == first


def test_the_sidecars_column_keys_are_checked_where_they_enter():
    from corpus_browser.errors import SidecarError
    from corpus_browser.source.sidecar import parse_overrides
    from corpus_browser.source.yaml_input import parse_yaml

    def parsed(text: str) -> Overrides:
        return parse_overrides(parse_yaml(text.encode(), "posts.yml", SidecarError), "posts.yml", 10)

    found = parsed("columns:\n  title: headline\n  author: writer\nbody_format: markdown\n")
    assert found.columns == (("authors", "writer"), ("title", "headline")) and found.body_format == "markdown"
    with pytest.raises(SidecarError, match=r"^posts\.yml:3: columns: unknown field 'headline'"):
        parsed("columns:\n  title: headline\n  headline: title\n")
    with pytest.raises(SidecarError, match=r"^posts\.yml:1: body_format must be html, markdown or text"):
        parsed("body_format: rtf\n")


def test_ghost_posts_saved_without_html_are_rendered_from_their_editors_document():
    import json
    mobiledoc = {"version": "0.3.1", "markups": [["a", ["href", "https://example.org/"]]], "atoms": [],
                 "cards": [["card-markdown", {"markdown": "Written in *Markdown*."}]],
                 "sections": [[10, 0], [1, "p", [[0, [], 0, "A "], [0, [0], 1, "link"], [0, [], 0, "."]]]]}
    export = {"db": [{"meta": {"version": "1.25.0"}, "data": {"posts": [
        {"id": "1", "title": "Old Ghost", "mobiledoc": json.dumps(mobiledoc), "status": "published",
         "published_at": "2018-04-05T06:07:08.000Z", "author_id": "u1"}],
        "users": [{"id": "u1", "name": "Old Author"}]}}]}
    (article,) = split_one(Seed("ghost.json", tuple(json.dumps(export, indent=1).splitlines()))).articles
    assert (article.authors, article.date) == (("Old Author",), "2018-04-05")
    assert markdown_of(article) == "Written in *Markdown*.\n\nA [link](https://example.org/)."


def test_atom_text_content_is_read_as_text():
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>Plain</title>'
            '<updated>2020-01-01T00:00:00Z</updated><content type="text">1 &lt; 2 and &lt;b&gt; stays</content>'
            '</entry></feed>')
    (article,) = split_one(Seed("feed.atom", (feed,))).articles
    assert article.body_text == "1 < 2 and <b> stays"


def test_an_atom_export_sets_aside_what_its_kind_categories_and_drafts_say_is_no_post():
    kind = '<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#{}"/>'
    entry = ("<entry><title>{title}</title><published>2010-11-27T07:08:20.877-08:00</published>{kind}{extra}"
             "<content type='html'>&lt;p&gt;Some text of {title}.&lt;/p&gt;</content></entry>")
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app"><title>Blog</title>'
            + entry.format(title="Settings", kind=kind.format("settings"), extra="")
            + entry.format(title="A Post", kind=kind.format("post"),
                           extra='<category scheme="http://www.blogger.com/atom/ns#" term="cases"/>')
            + entry.format(title="A Draft", kind=kind.format("post"), extra="<app:control><app:draft>yes</app:draft>"
                                                                             "</app:control>")
            + entry.format(title="A Comment", kind=kind.format("comment"), extra="") + "</feed>")
    split = split_one(Seed("blog-export.xml", tuple(feed.replace("><", ">\n<").splitlines())))
    (post,) = split.articles
    assert (post.title, post.source_tags, post.date) == ("A Post", ("cases",), "2010-11-27")
    assert sorted(reason.split(",")[0] for _f, _l, reason in split.matter_lines) == \
        ["a comment", "a draft", "a settings"]


def test_wordpress_rest_api_posts_are_read_with_their_embedded_names():
    (post,) = split_one(seed_of(FIXTURES / "wp-api-co-authors-post.json")).articles
    assert (post.title, post.authors, post.date, post.source_tags) == (
        "Multi-Author Post with Co-Authors Plus", ("Alice Smith", "Bob Jones"), "2024-11-07", ("Uncategorized",))
    assert post.description == "A post with multiple authors."
    import json
    page = {"title": {"rendered": "About"}, "content": {"rendered": "<p>Us.</p>"}, "type": "page",
            "status": "publish", "date": "2020-01-01T00:00:00"}
    split = split_one(Seed("pages.json", tuple(json.dumps([page], indent=1).splitlines())))
    assert split.articles == () and split.matter_lines[0][2] == "a page, not a post: About"


def test_prose_whose_first_lines_hold_commas_is_text_not_a_table():
    """A post in a .txt file whose first lines each hold one comma is no CSV
    (its 'header' names no body column, and a later line has more commas)."""
    text = ("Version 1.2 of Nikola, my static site generator and the software behind\n"
            "this very site, is out!\n\n"
            "Why build static sites? Because they are light in resources, they are\n"
            "future-proof, because it's easy, because they are safe, and because you avoid lockin.\n")
    seed = Seed(name="nikola-12-is-out.txt", lines=tuple(text.split("\n")))
    assert read_export(SeedInput(seed, Overrides())) is None
    [article] = split_one(seed).articles
    assert "light in resources" in " ".join(text for block in article.body for text in block.texts)
