"""Metadata a source states wins over what is guessed from its text (issue 21):
front matter, Org keywords, headings' tags and property drawers, reStructuredText
field lists and comments; drafts are set aside; a post alone in its file keeps
its numbered sections; a date inside a quotation or a block never dates a post."""

from __future__ import annotations

from corpus_browser.config import SplitRules
from corpus_browser.model import Overrides, Seed, SeedInput, SplitSeed
from corpus_browser.split import split_corpus


def split(text: str, name: str) -> SplitSeed:
    seed = Seed(name=name, lines=tuple(text.split("\n")))
    return split_corpus([SeedInput(seed, Overrides())], SplitRules())[0]


PROSE = ("The harbour was quiet that morning, and the boats rocked gently at their moorings while the gulls "
         "argued over scraps. Nobody had expected the fog to lift so early, but by nine the whole bay lay open.")


def test_markdown_front_matter_states_title_authors_date_tags_summary_and_address():
    seed = split(f"""---
title: Six years of Go
date: 2015-11-10
by:
- Andrew Gerrand
- Rob Pike
tags: [community, birthday]
categories: Announcements
summary: Happy 6th birthday, Go!
slug: 6years
---

{PROSE}

Posted on 1999-01-01 by someone else, in a quoted line.
""", "6years.md")
    [article] = seed.articles
    assert (article.title, article.authors, article.date) == ("Six years of Go", ("Andrew Gerrand", "Rob Pike"),
                                                               "2015-11-10")
    assert article.source_tags == ("community", "birthday", "Announcements")
    assert (article.description, article.address) == ("Happy 6th birthday, Go!", "6years")


def test_a_day_the_calendar_lacks_costs_its_post_its_date_not_the_build():
    """A post dated a day the calendar lacks (`2017-02-29`, a slip of its
    writer's) is read with the rest of its fields; its neighbours keep theirs."""
    posts = [("Leap year notes", "2017-02-29 10:00:00", "Jane Doe"), ("Spring notes", "2017-03-01", "John Roe")]
    seed = split("\n".join(f"---\ntitle: {title}\ndate: {date}\nauthor: {author}\n---\n\n{PROSE}\n"
                           for title, date, author in posts), "posts.md")
    assert [(a.title, a.authors, a.date) for a in seed.articles] == [
        ("Leap year notes", ("Jane Doe",), None), ("Spring notes", ("John Roe",), "2017-03-01")]


def test_an_author_field_names_its_author_as_written():
    seed = split(f"""====================
So I have a blog now
====================
:date: 2019-06-12 22:04
:tags: unix, debugging
:author: capu
:slug: so-i-made-a-blog

{PROSE}
""", "2019-06-12-blog.rst")
    [article] = seed.articles
    assert (article.title, article.authors, article.date, article.source_tags, article.address) == (
        "So I have a blog now", ("capu",), "2019-06-12", ("unix", "debugging"), "so-i-made-a-blog")


def test_a_post_alone_in_its_file_keeps_its_numbered_sections():
    sections = "\n\n".join(f"Puzzle {n}\n--------\n\n{PROSE}\n\n.. code-block:: text\n\n    PUSH1 0{n}\n    JUMP"
                           for n in range(1, 8))
    seed = split(f"""Let's play some puzzles
=======================
:date: 2023-04-14
:author: capu

{PROSE}

{sections}
""", "puzzles.rst")
    [article] = seed.articles
    assert article.title == "Let's play some puzzles"
    code = [block.markdown for block in article.body if block.kind.name == "CODE"]
    assert len(code) == 7 and all(text.startswith("```text\nPUSH1 0") for text in code)


def test_directives_many_posts_share_stay_with_their_code():
    """`.. code-block:: python` in every post is markup, not boilerplate to strip."""
    posts = [f"Post {n}\n======\n:date: 2020-01-0{n}\n\n{PROSE}\n\n.. code-block:: python\n\n    print({n})\n"
             for n in range(1, 6)]
    seeds = split_corpus([SeedInput(Seed(f"p{n}.rst", tuple(text.split("\n"))), Overrides())
                          for n, text in enumerate(posts)], SplitRules())
    for n, seed in enumerate(seeds, start=1):
        [article] = seed.articles
        assert [block.markdown for block in article.body if block.kind.name == "CODE"] == [f"```python\nprint({n})\n```"]


def test_org_keywords_and_drafts():
    seed = split(f"""#+title: Writing in Org
#+date: <2021-03-04 Thu>
#+author: Bastian Bechtold
#+filetags: :emacs:writing:

{PROSE}

#+begin_example
Date: Sun, 31 Aug 2003 10:00:00 +0000
#+end_example
""", "writing.org")
    [article] = seed.articles
    assert (article.title, article.authors, article.date, article.source_tags) == (
        "Writing in Org", ("Bastian Bechtold",), "2021-03-04", ("emacs", "writing"))


def test_org_subtrees_state_their_posts():
    seed = split(f"""#+hugo_base_dir: ../
#+author: Arjen Wiersma

* DONE 22 years of Emacs                                   :@writing:emacs:
CLOSED: [2021-12-07 Tue 10:00]
:PROPERTIES:
:EXPORT_FILE_NAME: 22-years-of-emacs
:END:

{PROSE}

* TODO Half-written thoughts                                    :emacs:
:PROPERTIES:
:EXPORT_FILE_NAME: half-written
:END:

{PROSE}

* DONE Advent of Code                                            :code:
:PROPERTIES:
:EXPORT_FILE_NAME: advent
:EXPORT_DATE: 2024-12-01
:END:

{PROSE}

#+begin_src python
print("Date: 2003-08-31")
#+end_src
""", "all-posts.org")
    assert [(a.title, a.date, a.source_tags, a.address) for a in seed.articles] == [
        ("22 years of Emacs", "2021-12-07", ("writing", "emacs"), "22-years-of-emacs"),
        ("Advent of Code", "2024-12-01", ("code",), "advent")]
    assert any(reason == "a draft, not published" for _first, _last, reason in seed.matter_lines)


def test_an_org_section_holding_only_its_export_properties_is_no_post():
    """ox-hugo's section headings (`* Archive` over `:EXPORT_FILE_NAME: _index.md`
    and nothing else) hold no text: they are set aside, the posts after them kept."""
    posts = "\n".join(f"* DONE {title}\n:PROPERTIES:\n:EXPORT_FILE_NAME: {slug}\n:EXPORT_DATE: 2016-09-0{n}\n:END:\n\n"
                      f"{PROSE}\n" for n, (title, slug) in enumerate([("What I liked", "liked"), ("What I read", "read"),
                                                                       ("What I watched", "watched")], 1))
    seed = split(f"* Archive\n:PROPERTIES:\n:EXPORT_FILE_NAME: _index.md\n:EXPORT_HUGO_TYPE: archive\n:END:\n{posts}",
                 "all-posts.org")
    assert [(a.title, a.date) for a in seed.articles] == [
        ("What I liked", "2016-09-01"), ("What I read", "2016-09-02"), ("What I watched", "2016-09-03")]
    assert any(reason == "a heading over fields alone, with no text" for _first, _last, reason in seed.matter_lines)
    links = "\n".join(f"* {title}\n:PROPERTIES:\n:URL: https://example.org/{n}\n:AUTHOR: Jane Doe\n"
                       f":DATE: 2021-01-0{n}\n:END:" for n, title in enumerate(["Read one", "Read two", "Read three"], 1))
    kept = split(f"{links}\n* Notes\n\n{PROSE}\n", "links.org").articles  # entries dated and signed by their fields
    assert [(a.title, a.date) for a in kept][:3] == [("Read one", "2021-01-01"), ("Read two", "2021-01-02"),
                                                    ("Read three", "2021-01-03")]


def test_a_post_with_front_matter_keeps_its_headings_html_and_hidden_comments():
    """A file of one front-matter block is one post: its headings are sections.
    Raw HTML in it is read as HTML (a table stays a table, a script is gone) and
    a heading inside an HTML comment opens nothing and is never shown."""
    seed = split(f"""---
title: Plotting with pyplot
date: 2021-03-02
---

# Getting started

{PROSE}

<!--
# A draft heading, hidden
-->

<table><tr><th>Year</th><th>Posts</th></tr><tr><td>2021</td><td>12</td></tr></table>

<script>alert(1)</script>

# Going further

{PROSE} It is <b>bold</b> of us.
""", "pyplot.md")
    [article] = seed.articles
    assert article.title == "Plotting with pyplot" and article.date == "2021-03-02"
    shown = "\n\n".join(block.markdown for block in article.body)
    assert "## Getting started" in shown and "## Going further" in shown
    assert "| Year | Posts |" in shown and "**bold**" in shown
    assert "draft heading" not in shown and "<script" not in shown and "alert(1)" not in shown


def test_a_post_that_states_itself_stays_one_post_however_many_sections_it_has():
    """Front matter, or Org's #+title: with its keywords, over 26 sections: the
    self-check takes no crowd of headings in a post that states itself for a
    failed split, so no other reading (plain text, cut at blank lines) wins."""
    sections = "\n\n\n".join(f"## Step {n}: the {word} part\n\n{PROSE}\n\n```go\nx := {n}\n```"
                             for n, word in enumerate(["first", "next"] * 13))
    [post] = split(f"---\ntitle: Type inference\ndate: 2023-10-09\n---\n\n{PROSE}\n\n\n{sections}\n", "types.md").articles
    assert post.title == "Type inference" and sum(block.kind.name == "CODE" for block in post.body) == 26
    org_sections = "\n\n".join(f"** Project {n}\n{PROSE}" for n in range(30))
    seed = split(f"#+title: My Projects\n#+date: <2018-06-13 00:00>\n#+filetags: nocomments\n\n{org_sections}\n",
                 "projects.org")
    assert seed.format.value == "org" and [a.title for a in seed.articles] == ["My Projects"]


def test_a_posts_fields_state_it_in_any_order():
    """Nikola writes a post's `.. key: value` comments in any order, some empty:
    a date and tags above the title still make the file one post under its
    title, its sections its own."""
    text = (".. link:\n.. description:\n.. tags: release\n.. date: 2013/07/10 19:41:58\n"
            ".. title: Version 5.5 released\n.. slug: version-55-released\n\n"
            f"{PROSE}\n\nFeatures\n--------\n\n* Faster builds\n* {PROSE}\n\nBugfixes\n--------\n\n* {PROSE}\n")
    [post] = split(text, "version-55-released.txt").articles
    assert (post.title, post.date, post.source_tags) == ("Version 5.5 released", "2013-07-10", ("release",))
    assert [block.texts[0] for block in post.body if block.kind.name == "HEADING"] == ["Features", "Bugfixes"]


def test_a_field_given_on_two_lines_names_both_authors():
    """News items joined in one file, each under a block of fields: two
    `Author:` lines name two people, each with the name on its own line."""
    items = [("Change of the default licences", "Ada Byron <ada@example.org>\nauthor: Grace Hopper <grace@example.org>"),
             ("Python 3.7 is gone", "Alan Turing <alan@example.org>")]
    text = "\n\n".join(f"Title: {title}\nAuthor: {authors}\nPosted: 2019-05-2{n}\nRevision: 1\n\n{PROSE}\n\n{PROSE}"
                       for n, (title, authors) in enumerate(items))
    found = split(text, "news.txt").articles
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Change of the default licences", ("Ada Byron", "Grace Hopper"), "2019-05-20"),
        ("Python 3.7 is gone", ("Alan Turing",), "2019-05-21")]


def test_posts_in_a_drafts_folder_are_drafts():
    """A blog kept as its engine keeps it (`_drafts/`, `drafts/`): those posts are
    set aside as drafts and listed, the others published; a folder merely
    named like one (`drafts-2019/`) is no drafts folder."""
    post = f"#+title: A Post\n#+date: <2018-06-13 00:00>\n\n{PROSE}\n"
    names = ["posts/a.org", "drafts/b.org", "_drafts/c.org", "drafts-2019/d.org", "e.org"]
    seeds = split_corpus([SeedInput(Seed(name=name, lines=tuple(post.split("\n"))), Overrides()) for name in names],
                         SplitRules())
    assert [len(seed.articles) for seed in seeds] == [1, 0, 0, 1, 1]
    assert all(reason == "a draft, not published" for seed in seeds[1:3] for *_lines, reason in seed.matter_lines)


def test_a_dump_of_posts_under_one_block_of_fields_is_still_split_at_its_posts():
    """One block of fields over a dump's worth of `# Title` posts (40,000 words)
    is no post stating itself: the self-check flags the one piece, and the
    reading that leaves the block aside splits the posts."""
    def body(n: int) -> str:
        return " ".join(f"word{n}x{i}" for i in range(60)) + "."

    posts = "\n\n".join(f"# Post number {n}\n\n{body(3 * n)}\n\n{body(3 * n + 1)}\n\n{body(3 * n + 2)}"
                        for n in range(220))
    seed = split(f"---\ntitle: My blog export\ndate: 2020-01-01\n---\n\n{posts}\n", "dump.md")
    assert len(seed.articles) == 220 and seed.articles[7].title == "Post number 7"


def test_front_matter_keys_of_other_generators_state_the_author_and_the_date():
    """`author_name` and `created_at` (as some static site generators write
    them) state the author and the date; a nickname in quotes between a
    person's names and whom the author writes for are no part of the name."""
    posts = "\n".join(f"""---
title: Post {n}
created_at: 2016-05-0{n}
kind: article
author_name: {author}
---

{PROSE}
""" for n, author in ((1, 'Jane "JD" Doe'), (2, "John Roe on behalf of the core team"), (3, "Ann Lee")))
    seed = split(posts, "posts.md")
    assert [(a.title, a.authors, a.date) for a in seed.articles] == [
        ("Post 1", ("Jane Doe",), "2016-05-01"), ("Post 2", ("John Roe",), "2016-05-02"),
        ("Post 3", ("Ann Lee",), "2016-05-03")]



def test_a_header_blocks_most_telling_date_field_dates_it_and_a_teams_quoted_name_stays():
    """`Date:` dates a post over the `Created_At:` above it, and `The "Harbour"
    Team` keeps its quoted word: it is no nickname between a person's names."""
    posts = "\n\n".join(f"""Title: Post {n}
Author: The "Harbour" Team
Created_At: 2021-0{n}-01
Date: 2021-0{n}-10

{PROSE}""" for n in (1, 2, 3))
    seed = split(posts, "posts.txt")
    assert [(a.title, a.authors, a.date) for a in seed.articles] == [
        (f"Post {n}", ('The "Harbour" Team',), f"2021-0{n}-10") for n in (1, 2, 3)]


def test_a_themes_own_key_for_the_authors_names_them():
    """`postauthors:` over `- name: …` entries, a theme's own key, names the authors."""
    posts = "\n".join(f"""---
title: Post {n}
date: 2024-05-0{n}
postauthors:
  - name: Jane Doe
    website: https://example.org/jane
  - name: John Roe
---

{PROSE}
""" for n in (1, 2))
    assert [a.authors for a in split(posts, "posts.md").articles] == [("Jane Doe", "John Roe")] * 2
    quoted = posts.replace("postauthors:", "quote_authors:")  # (an epigraph's author, no post's)
    assert [a.authors for a in split(quoted, "posts.md").articles] == [()] * 2
