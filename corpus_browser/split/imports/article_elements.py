"""A web page of several articles, each its own `<article>` element: a diary's
month of entries, a blog's archive page saved whole, a site's page of
announcements. Each article is an item: titled by its first heading, else by
the `<time>` it opens with (a diary's `2nd`), else by its first words; dated
by its `<time datetime="…">`; its body the element's HTML but the heading that
titles it.

A page is read so when it holds at least `MIN_ARTICLES` articles, none inside
another, all side by side in one element, each with `MIN_ARTICLE_WORDS` words
of text or more, and declares itself neither a listing (a site's front page
shows its posts' excerpts, set aside by `saved_page.py`) nor one article (a
post's page, its comments or its related posts' cards `<article>`s of their
own, elsewhere on the page). A page of one article, or of microformats
(`hentry.py`), is read by those importers instead.
"""

from __future__ import annotations

from itertools import pairwise

from lxml import etree

from corpus_browser.lang.text import first_sentence, reader_title, word_count
from corpus_browser.split.imports.fields import plain, stated_date
from corpus_browser.split.imports.hentry import is_html, last_line
from corpus_browser.split.imports.items import Export, Imported, ImportedItem
from corpus_browser.split.imports.saved_page import declares_a_listing, declares_an_article

#: The importer's name, for the report and `explain`.
ARTICLE_ELEMENTS = "web page of several articles (`<article>` elements)"
#: A page holds several articles with at least this many of them ...
MIN_ARTICLES = 3
#: ... each of at least this many words.
MIN_ARTICLE_WORDS = 30
#: The headings an article may open with, the top first.
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: An article untitled by a heading or a time is titled by its first words, at most this many.
TITLE_WORDS = 12


def read_article_elements(export: Export) -> Imported | None:
    if "<article" not in export.text or not is_html(export) or export.page is None:
        return None
    articles = [element for element in export.page.iter("article")
                if not any(above.tag == "article" for above in element.iterancestors())]
    if len(articles) < MIN_ARTICLES or declares_a_listing(export.page) or declares_an_article(export.page) \
            or len({article.getparent() for article in articles}) > 1 \
            or any(word_count(plain(article.text_content())) < MIN_ARTICLE_WORDS for article in articles):
        return None
    starts = [article.sourceline or 1 for article in articles]
    lasts = [max(start, next_start - 1) for start, next_start in pairwise(starts)] + [last_line(articles[-1])]
    return Imported(ARTICLE_ELEMENTS, tuple(_item(article, first, last)
                                            for article, first, last in zip(articles, starts, lasts)))


def _item(article: etree._Element, first: int, last: int) -> ImportedItem:
    heading = next((element for element in article.iter(*_HEADINGS)), None)
    time = next(article.iter("time"), None)
    if heading is not None:
        title = plain(heading.text_content())
        heading.getparent().remove(heading)  # (its title, not its text)
    elif time is not None and plain(time.text_content()):
        title = plain(time.text_content())
    else:
        title = reader_title(" ".join(first_sentence(plain(article.text_content())).split()[:TITLE_WORDS]))[0]
    date = stated_date(time.get("datetime") or plain(time.text_content())) if time is not None else None
    return ImportedItem(title=title, body=etree.tostring(article, encoding="unicode", method="html"),
                        first_line=first, last_line=max(first, last), date=date, kind="article")
