"""Property-based tests: random text with markup-significant characters.

Whatever a seed says must reach the page as that text (escaping is exact), and
every word of a seed must reach its article's page exactly as often as in the
seed, unless the splitter set its line aside (title, byline, date, boilerplate).
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import markdown
import yaml
from helpers import page_parts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_browser.config import SplitRules
from corpus_browser.lang.markdown import escape
from corpus_browser.lang.text import TITLE_MAX_CHARS, clean
from corpus_browser.model import Format, Role, Seed, SeedInput, Site
from corpus_browser.site.render import front_matter, place_articles, render_article
from corpus_browser.source.sidecar import Overrides
from corpus_browser.split import segment_corpus
from corpus_browser.split.extract import extract

#: Markdown extensions as in mkdocs.yml, plus MkDocs' defaults.
EXTENSIONS = ["attr_list", "sane_lists", "toc", "tables", "fenced_code"]
MARKUP = list("<>&#*_`[](){}|!-+.=:;~^\\/\"'") + ["javascript:", "<script>", "&amp;", "---", "1.", "    ", "\t", "\u00a0", "\u200b"]
WORDS = ["alpha", "Beta", "GAMMA", "Title", "By", "and", "2016", "August", "Image:", "x_y", "a*b*"]

text_atoms = st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), st.text(min_size=1, max_size=4))
lines = st.lists(text_atoms, min_size=0, max_size=12).map(" ".join)
seeds = st.lists(lines, min_size=1, max_size=40).map("\n".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _TextOf(HTMLParser):
    """The visible text of an HTML fragment, each text with the elements it stands
    in (`tag.class` each, outermost first)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[tuple[str, ...], str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._open.append(f"{tag}.{dict(attrs).get('class', '')}")
        self.parts.append(((), " "))

    def handle_endtag(self, tag):
        while self._open and not self._open.pop().startswith(f"{tag}."):
            pass
        self.parts.append(((), " "))

    def handle_data(self, data):
        self.parts.append((tuple(self._open), data))


def visible_text(html: str, skip: tuple[str, ...] = ()) -> str:
    """The text of `html`, without that of elements (and what is inside them) whose `tag.class` starts with `skip`."""
    parser = _TextOf()
    parser.feed(html)
    return "".join(data for context, data in parser.parts if not any(element.startswith(skip) for element in context))


@SETTINGS
@given(st.text(min_size=1).map(clean).filter(bool))
def test_escaped_text_renders_as_exactly_that_text(text):
    for template, tag in (("{}", "p"), ("## {}", "h2"), ("- {}", "li")):
        html = markdown.markdown(template.format(escape(text)), extensions=EXTENSIONS)
        assert f"<{tag}" in html
        assert " ".join(visible_text(html).split()) == text


@SETTINGS
@given(seeds)
def test_every_word_reaches_the_page_unless_set_aside(text):
    seed = Seed("random.txt", tuple(text.split("\n")), Format.TEXT)
    (item,) = segment_corpus([SeedInput(seed, Overrides())], SplitRules())
    articles = [extract(segment, Overrides()) for segment in item.segments]
    on_pages: Counter[str] = Counter()
    set_aside: Counter[str] = Counter()
    site = Site("Site", ("random.txt",), place_articles(articles, "articles"))
    for index, placed in enumerate(site.articles):
        page = render_article(site, index)
        html = markdown.markdown(page_parts(page.text)[1], extensions=EXTENSIONS)
        on_pages.update(visible_text(html, skip=("h1.", "p.cb-meta")).split())
        set_aside.update(word for aside in placed.article.set_aside for word in aside.text.split())
    set_aside.update(word for aside in item.matter for word in aside.text.split())  # front and back matter
    seed_words = Counter(word for line in seed.lines for word in clean(line).split())
    list_markers = Counter(unit.marker for segment in item.segments for unit in segment.units if unit.role is Role.LIST_ITEM)
    assert on_pages + set_aside + list_markers == seed_words


@SETTINGS
@given(st.text(min_size=1, max_size=TITLE_MAX_CHARS).map(clean), st.lists(st.text().map(clean), max_size=3))
def test_front_matter_round_trips_any_title_description_and_authors(title, authors):
    """Any title up to the length a page shows (longer ones are shortened, see
    test_trust_boundaries); values are single-line text, as the splitter and the
    sidecar reader make them."""
    site = Site("Site", ("s.txt",), place_articles([_article(title=title, description=title, authors=tuple(authors))], "articles"))
    placed = site.articles[0]
    header = page_parts(render_article(site, 0).text)[0]
    data = yaml.safe_load(header)
    assert (data["title"], data["description"], data["authors"]) == (title, title, authors)
    contract = front_matter(placed.article)
    assert {key: data[key] for key in contract} == contract


def _article(**fields):
    from corpus_browser.model import Article

    values = dict(source="s.txt", title="T", subtitle=None, authors=(), date=None, description="d",
                  first_line=1, last_line=1, words=0, body=(), set_aside=(), prose_lines=1)
    values.update(fields)
    return Article(**values)
