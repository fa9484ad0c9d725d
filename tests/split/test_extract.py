"""Extract stage: titles, subtitles, authors, dates, body blocks and sidecar fixes."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pytest
from helpers import articles_of, paragraph

from corpus_browser.config import SplitRules
from corpus_browser.errors import SidecarError
from corpus_browser.model import ArticleFix, BlockKind, Format, Overrides, Seed, SeedInput
from corpus_browser.source.sidecar import parse_overrides
from corpus_browser.split import split_corpus


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("GUEST POST from Geoffrey A. Moore", ("Geoffrey A. Moore",)),
        ("By Ada Lovelace and Charles Babbage", ("Ada Lovelace", "Charles Babbage")),
        ("Written by: Grace Hopper, Alan Turing & Ludwig van Beethoven", ("Grace Hopper", "Alan Turing", "Ludwig van Beethoven")),
        ("Posted by Linus on March 3, 2020", ("Linus",)),
        ("BY E. A. E.", ("E. A. E.",)),  # initials alone, not a degree: a degree follows a name
        ("By J. M. and R. S.", ("J. M.", "R. S.")),  # after `and`: a person
        ("By Ada Lovelace, LL.D.", ("Ada Lovelace",)),
    ],
)
def test_bylines_give_authors(byline, authors):
    """A byline may carry a date too; either way it is metadata, not prose."""
    (article,) = articles_of(f"A Title\n\n{byline}\n\n{paragraph(40)}")
    assert article.authors == authors
    assert article.tally.metadata == 2
    assert article.date == ("2020-03-03" if "2020" in byline else None)


@pytest.mark.parametrize(
    ("line", "date"),
    [("August 23, 2016 - No Comments!", "2016-08-23"), ("Posted on 2019-11-05", "2019-11-05"), ("3rd March 2021", "2021-03-03")],
)
def test_date_lines_give_iso_dates(line, date):
    (article,) = articles_of(f"A Title\n\n{line}\n\n{paragraph(40)}")
    assert article.date == date


def test_impossible_date_is_prose():
    (article,) = articles_of(f"A Title\n\nFebruary 30, 2021\n\n{paragraph(40)}")
    assert article.date is None
    assert "February 30, 2021" in [text for block in article.body for text in block.texts] + [article.title]


@pytest.mark.parametrize(
    ("below_title", "is_subtitle"),
    [
        ("Can a short question be a subtitle?", True),
        ("A plain opening sentence is body text.", False),
        ("Dear reader:", False),
    ],
)
def test_subtitle_only_where_layout_marks_it(below_title, is_subtitle):
    (article,) = articles_of(f"A Title\n\n{below_title}\n\n{paragraph(40)}")
    assert (article.subtitle == below_title) is is_subtitle
    assert article.body[0].kind is (BlockKind.SUBTITLE if is_subtitle else BlockKind.PARAGRAPH)
    assert article.description == below_title


@pytest.mark.parametrize(
    ("occasion", "date"),
    [
        ("DELIVERED AT THE OPENING OF THE FREE LIBRARY OF THE TOWN OF HALIFAX, ON\nTHE 2ND OF SEPTEMBER, 1852.", "1852-09-02"),
        ("DELIVERED AT THE ANNUAL DINNER OF THE J. B. WHITE SOCIETY OF ARTS AND\nLETTERS, MAY 4^{th} 1860.",
         "1860-05-04"),
        ("SPOKEN AT THE LAYING OF THE FIRST STONE OF THE NEW HALL OF THE TOWN'S\nMECHANICS' INSTITUTE (1847).", "1847"),
        ("SPOKEN AT THE LAYING OF THE FIRST STONE OF THE NEW HALL OF THE TOWN'S\nMECHANICS' INSTITUTE.", None),
    ],
)
def test_an_occasion_in_the_titles_capitals_is_its_subtitle_and_dates_it(occasion, date):
    """A speech's occasion goes on in its title's capitals, abbreviations and
    all, and ends with the day it was given (or the year, in brackets)."""
    other = "SPOKEN AT THE ANNUAL PRIZE-GIVING OF THE TOWN SCHOOLS OF HALIFAX AND\nDISTRICT, ON THE 9TH OF JULY, 1851."
    body = "\n\n".join(textwrap.fill(paragraph(60), 72) for _ in range(3))  # hard-wrapped, as the occasion is
    first, second = articles_of(f"SPEECH\n\n{occasion}\n\n{body}\n\n\n\nSPEECH\n\n{other}\n\n{body}")
    assert (first.subtitle, first.date) == (" ".join(occasion.split("\n")), date)
    assert (second.subtitle, second.date) == (" ".join(other.split("\n")), "1851-07-09")


@pytest.mark.parametrize("under", [
    "WASHINGTON -- THE SENATE PASSED THE BILL TODAY BY A VOTE OF 52 TO 48. THE HOUSE VOTES ON IT\nNEXT WEEK.",
    "(CONTINUED FROM OUR LAST NUMBER, IN WHICH THE READER LEFT THE TRAVELLERS AT THE INN BY\nTHE RIVER.)"])
def test_a_lead_in_capitals_of_two_sentences_or_a_note_in_brackets_is_no_subtitle(under):
    body = "\n\n".join(textwrap.fill(paragraph(60), 72) for _ in range(3))
    first, _second = articles_of(f"FARM BILL PASSES\n\n{under}\n\n{body}\n\n\n\nA NEW MILL\n\n{body}")
    assert first.subtitle is None


def _posts(endings: Sequence[str]) -> str:
    """Markdown posts with front matter, joined in one file, each closing with
    one of `endings` (none when empty) and a link reference."""
    return "\n".join(f"---\ntitle: Post {n}\ndate: 2020-0{n}-01\n---\n\n{paragraph(50)}\n\n{paragraph(40)} We kept hacking.\n\n"
            + (f"{ending}\n\n" if ending else "") + "[docs]: https://example.org/docs\n"
            for n, ending in enumerate(endings, start=1))


def test_names_after_a_dash_closing_most_posts_sign_them_in_html_too():
    """A blog whose posts close with their authors' names after a dash, in HTML
    as Markdown allows (`<div …>&mdash;Jane Doe</div>`), a handle beside them."""
    endings = ['<div style="text-align:right">&mdash;Ada Byron and Alan Turing</div>',
               '<div style="text-align:right">&mdash; Grace Hopper (<a href="https://example.org/g">@grace</a>)</div>',
               "", "—Ada Byron"]
    found = articles_of(_posts(endings), format=Format.MARKDOWN)
    assert [article.authors for article in found] == [("Ada Byron", "Alan Turing"), ("Grace Hopper",), (), ("Ada Byron",)]


@pytest.mark.parametrize("endings", [
    ["—Ada Byron", "", "", ""],  # one post in four: a credit, not the blog's signature
    ["“The best way out is always through.”\n\n— Robert Frost", "“Well begun is half done.”\n\n— Mary Poppins",
     "*Nothing will come of nothing.*\n\n— King Lear"],  # under quotations: whom they quote
    ["— Happy Hacking"] * 3,  # a wish: the text writes `hacking` in lower case
    ["— Boston Globe", "— Chicago Tribune", "— Denver Post"]])  # where a digest's items first appeared
def test_names_after_a_dash_in_a_few_posts_or_under_a_quotation_sign_nothing(endings):
    found = articles_of(_posts(endings), format=Format.MARKDOWN)
    assert all(article.authors == () for article in found)


def test_a_name_then_a_role_under_several_titles_is_their_byline():
    """A newsletter's items credit their writers on the line under the title:
    a name, then a call sign or a role after a dash, tilde or bar. A line of
    that shape whose last word the text writes in lower case names no one."""
    items = [("Club Meeting Notes", "Ada Byron — W1ADA — Clerk"), ("The Spring Field Day", "Alan Turing ~ K1AT"),
             ("Repeater News", "Grace Hopper | Technical Officer"), ("Our Picnic", "Summer Meeting — Minutes")]
    text = "\n\n----------\n\n".join(f"{title}\n{credit}\n\n{paragraph(40)} The meeting ran late.\n\n{paragraph(30)}"
                                     for title, credit in items)
    found = articles_of(text)
    assert [(article.title, article.authors) for article in found] == [
        ("Club Meeting Notes", ("Ada Byron",)), ("The Spring Field Day", ("Alan Turing",)),
        ("Repeater News", ("Grace Hopper",)), ("Our Picnic", ())]


def test_a_list_of_names_and_roles_or_of_songs_and_singers_is_no_byline():
    """Lines of that shape in a run, a list (a club's officers under a heading,
    a playlist under a line leading in to it), stay the text they are."""
    officers = ("Club Officers 2023\nJane Doe — W1AW — President\nJohn Roe — K2XY — Vice President\n"
                "Mary Major — N3QQ — Secretary\nPeter Green — Treasurer")
    playlist = "Tonight's playlist:\nBlue Monday — New Order\nPurple Rain — Prince Rogers\nSweet Jane — Lou Reed"
    text = "\n\n----------\n\n".join(f"{title}\n\n{paragraph(40)}\n\n{block}\n\n{paragraph(30)}"
                                     for title, block in (("Club News", officers), ("Radio Notes", playlist)))
    found = articles_of(text)
    assert [(article.title, article.authors) for article in found] == [("Club News", ()), ("Radio Notes", ())]
    texts = [" ".join(text for block in article.body for text in block.texts) for article in found]
    assert "Jane Doe — W1AW — President" in texts[0] and "Blue Monday — New Order" in texts[1]


def test_subtitle_before_byline():
    (article,) = articles_of(f"A Title\n\nWhy this matters now.\n\nBy Ada Lovelace\n\n{paragraph(40)}")
    assert article.subtitle == "Why this matters now."
    assert article.description == "Why this matters now."


def test_description_falls_back_to_first_sentence():
    (article,) = articles_of(f"A Title\n\nFirst sentence here. Second one follows.\n\n{paragraph(40)}")
    assert article.description == "First sentence here."


def test_caption_naming_the_author_is_not_a_section():
    text = f"A Title\n\nBy Ada Lovelace\n\n{paragraph(40)}\n\nAda Lovelace Engine Cartoon\n\n{paragraph(40)}"
    (article,) = articles_of(text)
    assert [block.kind for block in article.body] == [BlockKind.PARAGRAPH] * 3


def test_lists_keep_their_numbering():
    text = f"A Title\n\n{paragraph(30)}\n\n31. Item thirty-one\n\n32. Item thirty-two\n\n{paragraph(30)}"
    (article,) = articles_of(text)
    (numbered,) = [block for block in article.body if block.kind is BlockKind.NUMBERED_LIST]
    assert (numbered.start, numbered.texts) == (31, ("Item thirty-one", "Item thirty-two"))


def test_word_count_covers_the_body_not_the_title():
    (article,) = articles_of(f"Three Word Title\n\n{paragraph(40)}\n\nA Section Heading\n\n{paragraph(40)}")
    assert article.words == 83


def test_sidecar_fix_sets_title_authors_and_date():
    fix = ArticleFix(line=3, title="Better Title", authors=("Ada Lovelace",), date="2020-01-02")
    (article,) = articles_of(f"Bad Title\n\n{paragraph(40)}", overrides=Overrides(articles=(fix,)))
    assert (article.title, article.authors, article.date) == ("Better Title", ("Ada Lovelace",), "2020-01-02")


def test_parse_overrides_accepts_the_documented_form():
    overrides = parse_overrides(
        {"split_at": [3], "no_split_at": [9], "boilerplate": [5], "articles": {3: {"title": "T", "authors": "A B", "date": "2020-01-02"}}},
        "seeds/a.yml", 10,
    )
    assert overrides.split_at == frozenset({3}) and overrides.no_split_at == frozenset({9})
    assert overrides.articles == (ArticleFix(3, "T", ("A B",), "2020-01-02"),)
    assert overrides.title is None


def test_parse_overrides_takes_a_readable_name_for_the_seed():
    assert parse_overrides({"title": "  Customer Notes,\t2016 "}, "seeds/a.yml", 10).title == "Customer Notes, 2016"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"spilt_at": [1]}, "unknown key 'spilt_at'"),
        ({"split_at": [99]}, "split_at: line 99 is outside the seed (1-10)"),
        ({"split_at": "3"}, "split_at must be a list of line numbers"),
        ({"articles": {2: {"date": "yesterday"}}}, "articles: line 2: date 'yesterday' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"articles": {2: {"author": "X"}}}, "articles: line 2: unknown key 'author'"),
        (["split_at"], "expected a mapping"),
        ({"title": ""}, "title must be text of 1 to 200 characters, not ''"),
        ({"title": ["A", "B"]}, "title must be text of 1 to 200 characters, not ['A', 'B']"),
        ({"title": "x" * 201}, "title must be text of 1 to 200 characters"),
        ({"article_titles": "^Letter ("}, "article_titles: '^Letter (' is not a regular expression (missing ), "),
        ({"article_titles": ["a"]}, "article_titles must be a regular expression, such as"),
        ({"never_articles": ""}, "never_articles must be a regular expression"),
        ({"article_level": 9}, "article_level must be a heading rank from 1 to 6 (2 for ## headings), not 9"),
        ({"article_level": "##"}, "article_level must be a heading rank from 1 to 6"),
    ],
)
def test_parse_overrides_names_the_file_and_the_problem(data, message):
    with pytest.raises(SidecarError) as caught:
        parse_overrides(data, "seeds/a.yml", 10)
    assert str(caught.value).startswith("seeds/a.yml: ")
    assert message in str(caught.value)


def test_a_heading_crediting_a_handle_gives_its_author_and_keeps_a_short_title():
    [article] = articles_of(f"== 2.0.26 (2025-10-24) - @mojavelinux\n\n{paragraph(40)}", format=Format.WIKI)
    assert (article.title, article.authors, article.date) == ("2.0.26", ("mojavelinux",), "2025-10-24")


def test_plain_text_keeps_verse_line_for_line_and_a_drawn_table_preformatted():
    text = "\n".join(["A Title", "", paragraph(30), "", "    Tyger Tyger, burning bright,",
                      "    In the forests of the night;", "", "+-------+-------+", "| Name  | Price |",
                      "+-------+-------+", "| Apple | 1.20  |", "+-------+-------+", "", paragraph(20)])
    (seed,) = split_corpus([SeedInput(Seed("poem.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    [article] = seed.articles
    kinds = [block.kind for block in article.body]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
    assert article.body[1].markdown == "Tyger Tyger, burning bright,  \nIn the forests of the night;"
    assert article.body[2].markdown == ("```\n+-------+-------+\n| Name  | Price |\n+-------+-------+\n"
                                        "| Apple | 1.20  |\n+-------+-------+\n```")
    assert article.tally.prose == 9, "every line of the verse and the table is counted as the article's"


#: What the items of a release log name, each in its own words.
ITEM_WORDS = ("build", "docs", "unix", "windows", "test", "fs", "net", "timer", "loop", "thread", "signal", "pipe")


def release_log(heading, subhead: str = "") -> str:
    """A plain-text release history, newest first: each release a heading line
    (`heading(n)`), perhaps a lead-in line under it, then its items."""
    def item(n: int, k: int) -> str:
        first, second = ITEM_WORDS[(n + k) % len(ITEM_WORDS)], ITEM_WORDS[(2 * n + 3 * k) % len(ITEM_WORDS)]
        return f"* {first}: {' '.join([second] * (k + 1))} now handled (Jane Doe)"
    return "\n\n\n".join(f"{heading(n)}\n\n" + (f"{subhead.format(n=n)}\n\n" if subhead else "")
                           + "\n".join(item(n, k) for k in range(4)) for n in range(9, 3, -1))


def test_a_release_line_opening_with_its_date_and_closing_with_a_commit_is_titled_by_its_version():
    """`2024.05.0N, Version 1.N.0 (Stable), <commit>` over `Changes since
    version 1.(N-1).0:`: each release is an article titled `Version 1.N.0
    (Stable)` and dated; the lead-in lines under the release lines, a pattern
    of their own, are no entries."""
    log = release_log(lambda n: f"2024.05.0{n}, Version 1.{n}.0 (Stable), {n}cfa32ff59c076ffb6ed735bbc8c1836155866{n}f",
                      "Changes since version 0.{n}.0:")
    found = articles_of(log)
    assert [(a.title, a.date) for a in found] == [(f"Version 1.{n}.0 (Stable)", f"2024-05-0{n}")
                                                   for n in range(9, 3, -1)]
    assert all("Changes since version" in a.body_text for a in found)




def test_a_line_closing_each_release_takes_no_release_and_a_posts_leading_date_stays_in_its_title():
    """`  Released 2023-01-09 as tool-2.12.4.tar.gz` closing each release, right
    above the next `Version …` line, is the release's last line, not the
    heading of the next; and a title opening with a date that is no release's
    (`March 2021: What I read`) keeps it."""
    def release(n: int) -> str:
        items = "\n".join(f"  * {ITEM_WORDS[(n + k) % 12]}: {ITEM_WORDS[(2 * n + 3 * k) % 12]} now handled"
                          for k in range(3))
        return f"Version 2.{n}.4\n\n{items}\n\n  Released 2023-{n:02d}-09 as tool-2.{n}.4.tar.gz"
    log = "\n\n".join(release(n) for n in range(12, 0, -1))
    assert [a.title for a in articles_of(log)] == [f"Version 2.{n}.4" for n in range(12, 0, -1)]
    posts = "\n\n".join(f"# {month} 2021: What I read\n\nPosted on 2021-0{n}-28\n\n{paragraph(80)}"
                          for n, month in ((3, "March"), (4, "April"), (5, "May")))
    assert [a.title for a in articles_of(posts, format=Format.MARKDOWN)] == [
        f"{month} 2021: What I read" for month in ("March", "April", "May")]


def test_keep_a_changelogs_bracketed_versions_are_their_releases_titles():
    """`## [1.4.2] - 2026-02-19` (a version linked to its comparison further
    down) is titled `1.4.2`, dated 2026-02-19."""
    log = "# Changelog\n\nAll notable changes are here.\n\n" + "\n\n".join(
        f"## [1.{n}.2] - 2026-0{n}-19\n\n### Fixed\n\n- {ITEM_WORDS[n]} no longer breaks on empty input.\n"
        f"- {ITEM_WORDS[n + 1]} reads its options again." for n in range(9, 2, -1)) + "\n\n" + "\n".join(
        f"[1.{n}.2]: https://example.org/compare/v1.{n - 1}.2...v1.{n}.2" for n in range(9, 2, -1)) + "\n"
    found = articles_of(log)
    assert [(a.title, a.date) for a in found] == [(f"1.{n}.2", f"2026-0{n}-19") for n in range(9, 2, -1)]
