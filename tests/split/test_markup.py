"""Faithful articles (issue 21): each format's own markup, read by its parser and
written as safe Markdown, renders with MkDocs' Markdown (Python-Markdown and the
extensions the plugin turns on) to the construct the source states: links,
emphasis, code (with its language and exact lines), nested lists, quotes,
tables, headings below the title, footnotes, rules and images; and nothing from
a source ever becomes live markup: raw HTML in Markdown goes through the HTML
converter's allow-list (elsewhere it is text), links and images to other
schemes keep their text, attribute syntax is text."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_browser.lang import markdown as md
from corpus_browser.model import PlacedArticle
from corpus_browser.site.links import LinkTargets, link_targets, post_name, resolve_links
from corpus_browser.split.markup import asciidoc, org, rst, wiki
from corpus_browser.split.markup import markdown as markdown_source
from tests.helpers import article

EXTENSIONS = ["attr_list", "sane_lists", "tables", "footnotes", "fenced_code", "toc"]
#: Elements and attributes the articles' own markup may become: nothing else, ever.
ALLOWED_TAGS = {"p", "em", "strong", "code", "pre", "a", "img", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
                "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "sup", "div"}
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "id", "class", "title", "start"}


def html_of(pieces: list[md.Piece]) -> str:
    return markdown.markdown("\n\n".join(piece.markdown for piece in pieces), extensions=EXTENSIONS)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def assert_safe(html: str) -> None:
    """Only the elements and attributes of the allowed constructs; links and images to http(s), mail or
    anchors, and links to the site's own article pages."""
    for tag, attributes in elements(html).found:
        assert tag in ALLOWED_TAGS, html
        assert set(attributes) <= ALLOWED_ATTRIBUTES, html
        for name in ("href", "src"):
            value = attributes.get(name)
            assert value is None or re.match(r"(?:https?:|mailto:|#)", value) or (
                name == "href" and re.fullmatch(r"(?:\.\./)*articles/[\w/-]+\.html", value)), html
        assert not attributes.get("class") or attributes["class"] in (
            "footnote", "footnote-ref", "footnote-backref") or attributes["class"].startswith("language-"), html


# --- the same constructs in every format -------------------------------------------------------

SOURCES = {
    "asciidoc": (asciidoc.convert, """\
Text with a https://example.org/a[link], _emphasis_, *strong* and `inline code`.

== A section

[source,python]
----
def f(x):
    return x  # exact lines
----

* one
** nested
* two

____
A quotation.
____

|===
|Left |Right

|1 |2
|===

'''

A footnote footnote:[The note.] and image:https://example.org/p.png[a picture].
"""),
    "markdown": (markdown_source.convert, """\
Text with a [link](https://example.org/a), *emphasis*, **strong** and `inline code`.

## A section

```python
def f(x):
    return x  # exact lines
```

- one
    - nested
- two

> A quotation.

| Left | Right |
|------|-------|
| 1 | 2 |

---

A footnote[^n] and ![a picture](https://example.org/p.png).

[^n]: The note.
"""),
    "org": (org.convert, """\
Text with a [[https://example.org/a][link]], /emphasis/, *strong* and ~inline code~.

* A section

#+begin_src python
def f(x):
    return x  # exact lines
#+end_src

- one
  - nested
- two

#+begin_quote
A quotation.
#+end_quote

| Left | Right |
|------+-------|
| 1 | 2 |

-----

A footnote[fn:n] and [[https://example.org/p.png]].

[fn:n] The note.
"""),
    "rst": (rst.convert, """\
Text with a `link <https://example.org/a>`_, *emphasis*, **strong** and ``inline code``.

A section
---------

.. code:: python

   def f(x):
       return x  # exact lines

- one

  - nested

- two

    A quotation.

+------+-------+
| Left | Right |
+======+=======+
| 1    | 2     |
+------+-------+

----------

A footnote [#n]_ and an image:

.. image:: https://example.org/p.png
   :alt: a picture

.. [#n] The note.
"""),
    "wiki": (wiki.convert, """\
Text with a [https://example.org/a link], ''emphasis'', '''strong''' and <code>inline code</code>.

== A section ==

 def f(x):
     return x  # exact lines

* one
** nested
* two

{| class="wikitable"
! Left !! Right
|-
| 1 || 2
|}

----

A footnote<ref>The note.</ref>.
"""),
}


@pytest.mark.parametrize("format", sorted(SOURCES))
def test_each_format_keeps_its_constructs(format):
    convert, source = SOURCES[format]
    html = html_of(convert(source))
    assert_safe(html)
    assert re.search(r'<a href="https://example.org/a">link</a>', html), html
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert "<code>inline code</code>" in html
    assert re.search(r"<h2[^>]*>A section</h2>", html)
    assert "def f(x):\n    return x  # exact lines" in "".join(elements(html).text), "code keeps its exact lines"
    assert re.search(r"<ul>\s*<li>\s*(?:<p>)?one(?:</p>)?\s*<ul>\s*<li>\s*(?:<p>)?nested", html), html
    assert "<th>Left</th>" in html and "<td>2</td>" in html
    assert "<hr" in html
    assert 'class="footnote-ref"' in html and "The note." in html
    if format != "wiki":
        assert "<blockquote>" in html and "A quotation." in html
        assert 'src="https://example.org/p.png"' in html


@pytest.mark.parametrize("format", ["asciidoc", "markdown", "org", "rst"])
def test_code_keeps_its_language(format):
    convert, source = SOURCES[format]
    html = html_of(convert(source))
    assert 'class="language-python"' in html


# --- nothing from a source becomes live markup ------------------------------------------------------

HOSTILE = {
    "asciidoc": (asciidoc.convert, """\
<script>alert(1)</script> link:javascript:alert(1)[x] image:javascript:alert(1)[y] {uri}[z]

++++
<img src=x onerror=alert(1)>
++++

[source,"js onclick=alert(1)"]
----
alert(1)
----
"""),
    "markdown": (markdown_source.convert, """\
<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,<b>)
![z](javascript:alert(1)) Text{: onclick="alert(1)" } <a href="https://x.org" onclick="alert(1)">a</a>

```js {onclick=alert(1)}
alert(1)
```
"""),
    "org": (org.convert, """\
<script>alert(1)</script> [[javascript:alert(1)][x]] [[data:text/html,<b>][y]]

#+begin_export html
<img src=x onerror=alert(1)>
#+end_export

#+begin_src js :exports both
alert(1)
#+end_src
"""),
    "rst": (rst.convert, """\
<script>alert(1)</script> `x <javascript:alert(1)>`_

.. raw:: html

   <img src=x onerror=alert(1)>

.. image:: javascript:alert(1)
"""),
    "wiki": (wiki.convert, """\
<script>alert(1)</script> [javascript:alert(1) x] <img src=x onerror=alert(1)> <span onclick="alert(1)">y</span>
"""),
}


@pytest.mark.parametrize("format", sorted(HOSTILE))
def test_nothing_from_a_source_becomes_live_markup(format):
    convert, source = HOSTILE[format]
    html = html_of(convert(source))
    assert_safe(html)
    assert "alert(1)" in "".join(elements(html).text), "what the source wrote is shown, as text"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'`*_[](){}|#!~^=:-+.1 \n\\/abcjsxhtp@;")), max_size=120))
def test_any_markdown_source_renders_only_safe_markup(source):
    assert_safe(html_of(markdown_source.convert(source)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'`*_[](){}|#!~^=:/+-.1 \n\\abcjsxhtp@;")), max_size=120))
def test_any_org_source_renders_only_safe_markup(source):
    assert_safe(html_of(org.convert(source)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'`*_[](){}|#!~^=:/+-.1 \n\\abcjsxhtp@;")), max_size=120))
def test_any_asciidoc_source_renders_only_safe_markup(source):
    assert_safe(html_of(asciidoc.convert(source)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=40), st.booleans())
def test_link_text_and_address_never_escape_the_link(label, href, names_a_page):
    """As the site writes it: a link to a relative address resolved to a page
    of the site (when it names one) or to its text alone."""
    piece = md.paragraph([md.link([md.text(label)], href)])
    targets = LinkTargets({post_name(href): "articles/blog/other.md"} if names_a_page else {})
    html = markdown.markdown(resolve_links(piece.markdown, targets, "articles/blog/this.md") if piece else "",
                             extensions=EXTENSIONS)
    assert_safe(html)
    assert " ".join("".join(elements(html).text).split()) == (piece.texts[0] if piece else "")


def test_relative_links_lead_to_the_page_they_name_or_keep_their_text():
    piece = md.paragraph([md.text("See "), md.link([md.text("the release")], "/blog/go1.5#gc"),
                          md.text(" and "), md.link([md.text("the docs")], "/doc/install"),
                          md.text(" and "), md.link([md.emphasis([md.text("a [draft]")])], "../drafts/x/")])
    targets = LinkTargets({"go1.5": "articles/go-blog/go-1-5-is-released.md"})
    assert resolve_links(piece.markdown, targets, "articles/go-blog/four-years.md") == (
        "See [the release](../../articles/go-blog/go-1-5-is-released.html) and the docs and a \\[draft\\]")
    published = LinkTargets(targets.pages, "https://go.dev/")
    assert "[the docs](https://go.dev/doc/install)" in resolve_links(piece.markdown, published, "articles/a/b.md")


def test_org_links_to_a_heading_lead_to_the_post_of_that_title():
    """Org links a heading by its title (`[[Title][text]]`, `[[*Title]]`); the
    post of that title is found by its words alone, and a title two posts
    share finds neither."""
    pieces = org.convert("See [[Switching to ~Colemak~][my post]], [[*switching to colemak]],\n"
                         "[[Recurse Center][one of three]] and [[Nowhere at all][nothing]].\n")
    placed = [PlacedArticle(replace(article(title, "text"), source=f"{i}.org"), f"articles/blog/{i}.md")
              for i, title in enumerate(["Switching to Colemak", "Recurse Center", "Recurse Center"])]
    resolved = resolve_links(pieces[0].markdown, link_targets(placed), "articles/blog/9.md")
    assert resolved == ("See [my post](../../articles/blog/0.html), [switching to colemak](../../articles/blog/0.html), "
                        "one of three and nothing.")


def test_links_keep_only_safe_schemes():
    assert md.safe_url("https://x.org/a b") == "https://x.org/a%20b"
    assert md.safe_url("mailto:a@b.org") == "mailto:a@b.org"
    assert md.safe_url("#section") == "#section"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
                "vbscript:x", "/relative/path", "file:///etc/passwd", "\x01javascript:alert(1)",
                md.RELATIVE_MARK + "x"):
        assert md.safe_url(bad) is None, bad
    assert md.safe_url("http://x.org/a)b<c>", md.IMAGE_SCHEMES) == "http://x.org/a%29b%3Cc%3E"
