"""Issue 21: each article's own markup is kept, and none of it runs. A seed in
each markup format plants script every way its format allows (raw HTML, event
attributes through `attr_list` syntax, `javascript:` and `data:` links and
images, export and raw blocks); the real site is built with MkDocs and every
article page is opened in headless Chromium: nothing runs, no element carries
an event attribute, no link or image leads to a script, and the constructs
around the attack (a link, code, emphasis) are still there."""

from __future__ import annotations

import pytest
from sites import ProjectFactory, mkdocs_build

#: Each seed's own opening paragraph (paragraphs the seeds shared would be set aside as boilerplate).
FILLERS = {
    "rivers.md": "Rivers carry patient stones toward the wide grey sea for many long years, and nobody counts them.",
    "lakes.org": "Lakes hold the light of a whole afternoon and give it back at dusk to anyone who stops to look.",
    "seas.rst": "Seas keep their own calendar of tides, storms and calm mornings that sailors learn by heart.",
    "springs.wiki": "Springs rise cold from the hillside even in August, and the village children race to them.",
}
ATTACK = "window.__pwned=1"

SEEDS = {
    "rivers.md": f"""---
title: Markdown rivers
date: 2021-05-04
author: Ada Byron
tags: [water]
---

{FILLERS['rivers.md']} See [the estuary](https://example.org/estuary) and `code`.

<script>{ATTACK}</script>

<img src=x onerror="{ATTACK}">

[a trap](javascript:{ATTACK}) and [another](JaVaScRiPt:{ATTACK}) and ![pic](data:image/svg+xml,<svg onload={ATTACK}>)

A paragraph with attributes {{: onclick="{ATTACK}" }}

## Section {{ #id onmouseover="{ATTACK}" }}

*emphasis* <a href="javascript:{ATTACK}" onclick="{ATTACK}">raw link</a>

```html
<script>{ATTACK}</script>
```
""",
    "lakes.org": f"""#+title: Org lakes
#+date: <2021-05-05>
#+author: Ada Byron

{FILLERS['lakes.org']} See [[https://example.org/lake][the lake]] and ~code~.

#+begin_export html
<script>{ATTACK}</script>
#+end_export

#+html: <img src=x onerror="{ATTACK}">

[[javascript:{ATTACK}][a trap]] and [[data:text/html,<script>{ATTACK}</script>][another]]

/emphasis/ @@html:<b onclick="{ATTACK}">inline export</b>@@

#+begin_src html
<script>{ATTACK}</script>
#+end_src
""",
    "seas.rst": f"""==========
reST seas
==========
:date: 2021-05-06
:author: Ada Byron

{FILLERS['seas.rst']} See `the sea <https://example.org/sea>`_ and ``code``.

.. raw:: html

   <script>{ATTACK}</script>

`a trap <javascript:{ATTACK}>`_ and .. image:: javascript:{ATTACK}

.. image:: data:image/svg+xml,<svg onload={ATTACK}>

*emphasis*

.. code-block:: html

   <script>{ATTACK}</script>
""",
    "springs.wiki": f"""= Wiki springs =

{FILLERS['springs.wiki']} See [https://example.org/spring the spring] and '''bold'''.

<script>{ATTACK}</script>

<span onclick="{ATTACK}">a span</span> [javascript:{ATTACK} a trap]

{{{{template|<img src=x onerror="{ATTACK}">}}}}

<pre>
<script>{ATTACK}</script>
</pre>
""",
}


@pytest.fixture(scope="module")
def hostile_formats_site(make_project: ProjectFactory, serve_dir) -> str:
    project = make_project("faithful-hostile", seeds=SEEDS)
    return serve_dir(mkdocs_build(project))


TITLES = ["Markdown rivers", "Org lakes", "reST seas", "Wiki springs"]


def test_no_format_lets_a_seed_run_script(page, hostile_formats_site):
    url = hostile_formats_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url + "index.html")
    links = {title: page.get_by_role("link", name=title, exact=True).first.get_attribute("href")
             for title in TITLES}
    for title, href in links.items():
        assert href, f"the home page links to {title}"
        page.goto(url + href)
        assert page.evaluate("typeof window.__pwned") == "undefined", title
        article = page.locator("article")
        handlers = article.evaluate(
            "node => [...node.querySelectorAll('*')].flatMap(el => [...el.attributes].map(a => a.name))"
            ".filter(name => name.startsWith('on'))")
        assert handlers == [], title
        addresses = article.evaluate(
            "node => [...node.querySelectorAll('[href], [src]')].map(el => el.getAttribute('href') ?? el.getAttribute('src'))")
        assert not [a for a in addresses if a.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], title
        assert article.locator("script, iframe, object, embed").count() == 0, title
        assert article.locator("a[href^='https://example.org/']").count() == 1, f"{title} keeps its link"
        assert article.locator("pre code, code").count() >= 1, f"{title} keeps its code"
        assert "window.__pwned=1" in article.inner_text(), f"{title} shows what its code block says, as text"
    assert dialogs == []
