"""Formats by content, and one reader per format: small fixtures of each kind of dump."""

from __future__ import annotations

import base64
import quopri
import re
import textwrap

import pytest
from helpers import articles_of, paragraph
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_browser.config import SplitRules
from corpus_browser.lang.text import reader_title
from corpus_browser.model import BlockKind, Format, LineTally, Overrides, Role, Seed, SeedInput
from corpus_browser.source.seeds import read_corpus
from corpus_browser.split import formats, split_corpus
from corpus_browser.split.formats import sniff
from corpus_browser.split.readers import asciidoc
from corpus_browser.split.readers.fields import stated_names
from corpus_browser.split.segment import prepare_seed

MBOX = """\
From jane at example.org  Mon Jul  4 10:13:12 2005
From: jane at example.org (Jane Doe (jd))
Date: Tue Jul  5 12:07:30 2005
Subject: [weekly] First Letter
Message-ID: <1@example.org>

{body1}

---------- Forwarded message ----------
From: Someone Else <else@example.org>
Date: Mon, 4 Jul 2005 09:00:00 +0000
Subject: Old news

{body2}

From jane at example.org  Tue Aug 30 08:19:53 2005
From: "John Roe" <john@example.org>
Date: Tue, 30 Aug 2005 08:19:56 +0000
Subject: [weekly] Second
 Letter, Folded
Message-ID: <2@example.org>

{body3}
"""


def mbox() -> str:
    return MBOX.format(body1=paragraph(40), body2=paragraph(30), body3=paragraph(40))


@pytest.mark.parametrize(
    ("text", "suffix", "format"),
    [
        (mbox(), ".txt", Format.MAIL),
        ("From: A <a@x.org>\nSubject: Hi\nDate: Mon, 4 Jul 2005 09:00:00 +0000\n\nBody.", ".eml", Format.MAIL),
        ("commit 18b845e69752c975dfeda418ec00eda22605c2ee\nAuthor: A <a@x.org>\nDate:   2023-01-11 18:52:54 +0200"
         "\n\n    Bump version.\n", "", Format.GIT_LOG),
        ("# One\n\nText.\n\n# Two\n\nText.", ".txt", Format.MARKDOWN),
        ("---\ntitle: A\n---\n\nText.\n---\ntitle: B\n---\n\nText.", ".txt", Format.MARKDOWN),
        ("Release 2\n=========\n\nText.\n\nRelease 1\n=========\n\nText.", ".txt", Format.RST),
        # in a file named Markdown, underlined titles are Markdown's, whatever the underline's length
        ("\n\n".join([*(f"2.{n} [2020.01.1{n}]\n----------------\n* Text." for n in (4, 3, 2)),
                     *(f"2.{n} [maintenance release]\n-----\n* Text." for n in (1, 0))]), ".markdown", Format.MARKDOWN),
        ("= One =\n\nText.\n\n= Two =\n\nText.", ".txt", Format.WIKI),
        ("Plain Title\n\nPlain text.", ".md", Format.MARKDOWN),
        ("Plain Title\n\nPlain text.", ".txt", Format.TEXT),
        ("Title\n\n# one hash line is not Markdown\n\n[a link](x) and **stars**", ".txt", Format.TEXT),
        # commands after a root prompt, indented in a FAQ's answers, are no headings
        ("\n\n".join(f"{n}.1. How do I run it?\n\nAnswer: type\n\n   # run-it --now {n}" for n in range(1, 5)),
         ".txt", Format.TEXT),
        # in a file named AsciiDoc, its list items (nested too) are no Org headings, however many
        ("= Release Notes\n:toc: left\n:icons: font\n\n" + "\n\n".join(
            f"== 2.{n}\n\n* Fix one\n* Fix two\n** only on Java 9\n* Fix three\n* Fix four\n\n[source,groovy]\n"
            f"----\ndef x = {n}\n----" for n in range(3)), ".adoc", Format.ASCIIDOC),
        # headings written as commands, in LaTeX, Texinfo, POD and Yodl
        ("\\documentclass{article}\n\n\\section{One}\n\nText.\n\n\\section*{Two}\n\nText.", ".txt", Format.COMMANDS),
        ("@node One\n@chapter One\n\nText.\n\n@node Two\n@chapter Two\n\nText.", "", Format.COMMANDS),
        ("=head1 One\n\nText.\n\n=head1 Two\n\nText.", ".txt", Format.COMMANDS),
        ("chapter(One)\n\nsect(What is it?)\n  Text.\n\nsect(Why?)\n  Text.", ".yo", Format.COMMANDS),
        # examples a text shows, with no document declared above them, are none; nor those in code fences
        (("TEX TIPS\n\nNUMBERING\n\nWrite:\n\n\\chapter*{Preface}\n\nfor no number.\n\nAPPENDICES\n\nWrite:\n\n"
          "\\appendix\n\\chapter{Tables}\n\nand so on.\n\nREFERENCES\n\n\\chapter{References}\n\nEnd."), ".txt",
         Format.TEXT),
        (("**A thesis template**\n\n**Usage**\n\n```latex\n\\documentclass{book}\n\n\\chapter{Introduction}\n\n"
          "\\section{Motivation}\n```\n\n**Building**\n\nRun make."), ".md", Format.MARKDOWN),
        # a booking quoted in a post is no mbox envelope: no address after `From`
        ("PACKING\n\nText.\n\nFlight BA 117\nFrom LHR 12 Jun 2019 08:25\nTo JFK 12 Jun 2019 11:05\n\nText.", ".txt",
         Format.TEXT),
        # calls in a program's lines that look like them are none
        ("Notes\n\nText.\n\nx = load()\npart(x)\nsection(x)\nshow(x)\n\nText.", ".txt", Format.TEXT),
        # a post that quotes one in its code is Markdown
        ("# Writing a thesis\n\nType:\n\n```\n\\section{Intro}\n```\n\n# Its chapters\n\nText.", ".txt",
         Format.MARKDOWN),
    ],
    ids=["mbox", "eml", "git-log", "atx-in-txt", "front-matter", "rst", "setext-in-md", "wiki", "suffix-md", "suffix-txt",
         "stray-marks", "root-prompts", "asciidoc-lists", "latex", "texinfo", "pod", "yodl", "latex-examples",
         "latex-fenced", "booking", "calls-in-code", "latex-in-markdown"],
)
def test_format_is_sniffed_from_content_the_suffix_breaking_ties(text, suffix, format):
    found = sniff(text.split("\n"), suffix)
    assert found.format is format
    assert found.evidence


def test_headings_written_as_commands_open_articles_at_their_rank():
    """A FAQ in Yodl: its questions (`sect(…)`, one going on over a second line
    after a backslash, one holding an inline command) under chapters with a line
    of their own; essays in LaTeX, each a `\\section{…}` under a `\\chapter{…}`
    with no text of its own."""
    questions = ["What is it?", "Who wrote it?", "Where is the manual?", "Can I change the prompt?"]
    faq = "\n".join(["chapter(Getting started)", "", "sect(What is it?)", "", f"  {paragraph(40)}", "",
                     "sect(How do I use mytt(zed) as my \\", "login program?)", "label(12)", "", f"  {paragraph(40)}", "",
                     "chapter(Going further)", "", f"  {paragraph(10)}", "",
                     *(line for question in questions[1:] for line in (f"sect({question})", "", f"  {paragraph(40)}", ""))])
    found = articles_of(faq, format=Format.COMMANDS)
    assert [a.title for a in found] == [questions[0], "How do I use zed as my login program?", *questions[1:]]
    essays = "\n".join(["\\documentclass{book}", "\\begin{document}", "\\chapter{Essays}",
                        *(line for title in ("On \\emph{Walking}", "On Reading", "On Talk")
                          for line in (f"\\section{{{title}}}", "", paragraph(300), "", paragraph(200), "")),
                        "\\end{document}"])
    assert [a.title for a in articles_of(essays, format=Format.COMMANDS)] == ["On Walking", "On Reading", "On Talk"]


def test_asciidoc_posts_opened_by_attribute_entries_alone():
    """A site's AsciiDoc posts joined into one: each opens with attribute entries
    alone, one its title (`:title:` over `:date:` and `:author:`), some right under
    the last line of the post before; a post underlines a title as Markdown does
    (`Conclusion` over `----------`), which opens no listing that runs on."""
    def post(n: int, title: str, extra: str = "") -> str:
        return (f":title: {title}\n:date: 2021-0{n}-10\n:publish: true\n:author: Ada Byron\n\n{paragraph(80)}\n\n"
                f"== Details\n\n{paragraph(60)}\n{extra}")
    titles = ["New Console", "Sunsetting the Proxy", "Account Pages", "A Book on Security"]
    text = (post(1, titles[0]) + post(2, titles[1], f"\nConclusion\n----------\n\n{paragraph(20)}\n")
            + "\n" + post(3, titles[2]) + post(4, titles[3]))
    found = articles_of(text, format=Format.ASCIIDOC)
    assert [(a.title, a.authors, a.date) for a in found] == [
        (title, ("Ada Byron",), f"2021-0{n}-10") for n, title in enumerate(titles, start=1)]


def test_read_records_the_format_and_its_evidence(tmp_path):
    (tmp_path / "posts.txt").write_text("# One\n\nText.\n\n# Two\n\nText.\n", encoding="utf-8")
    (item,) = read_corpus(tmp_path).seeds
    prepared = prepare_seed(item, SplitRules())
    assert prepared.format is Format.MARKDOWN
    assert "2 `#` headings" in prepared.format_evidence


def test_mbox_messages_are_articles_with_subject_sender_and_date():
    """Each message is an article: its subject, its sender (a nickname in
    brackets inside the name dropped: `(Jane Doe (jd))`) and its date."""
    first, second = articles_of(mbox(), format=Format.MAIL)
    assert (first.title, first.authors, first.date, first.first_line) == ("First Letter", ("Jane Doe",), "2005-07-05", 1)
    assert (second.title, second.authors, second.date) == ("Second Letter, Folded", ("John Roe",), "2005-08-30")
    # the forwarded message stays in the body of the first
    assert any("Forwarded message" in text for block in first.body for text in block.texts)
    assert first.last_line < second.first_line


def test_a_list_archive_with_mail_dates_on_its_envelopes_and_bare_addresses():
    """A list's archive whose envelope lines carry the date as a header writes
    it (`From ada@example.org Sat, 12 Jun 1999 02:55:14 -0400 (EDT)`) and whose
    senders are a name before a bare address (`From: Ada Byron ada@example.org`)
    is read as mail, by content, whatever its suffix and its underlined lines,
    each message by its sender; a message it forwards stays in its text."""
    forwarded = ("-----Original Message-----\nFrom: Alan Turing\nSent: Sunday, June 13, 1999 9:00 AM\n"
                 "To: club-list\nSubject: Minutes\n\n")
    def message(n: int, sender: str, address: str) -> str:
        return (f"From {address} Mon, {n} Jun 1999 22:06:20 EDT\nDate: Mon, {n} Jun 1999 22:06:20 EDT\n"
                f"From: {sender} {address}\nSubject: [club-list] Meeting {n}\n\n{paragraph(40)}\n\n"
                f"{forwarded if n == 13 else ''}Underlined\n----------\n\n{paragraph(20)}\n\n\n")
    text = "".join(message(n, *person) for n, person in enumerate(
        [("Ada Byron", "ada@example.org"), ("Grace Hopper", "GH@example.edu"), ("Tenth", "tenth@example.net")],
        start=12))
    assert [(a.title, a.authors, a.date) for a in articles_of(text, format=None)] == [
        ("Meeting 12", ("Ada Byron",), "1999-06-12"), ("Meeting 13", ("Grace Hopper",), "1999-06-13"),
        ("Meeting 14", ("Tenth",), "1999-06-14")]


def test_a_digest_posted_as_one_message_gives_an_article_for_each_part():
    """A FAQ posted as a minimal digest (RFC 1153): the posting's header, then
    parts under lines of thirty hyphens, each opening with its `Subject:` alone;
    each part is an article, titled by its subject, whatever its suffix."""
    questions = ["1.1. What is it?", "1.2. Where can I get it?", "1.3. How do I build it?", "2.1. Why does it crash?"]
    rule = "-" * 30
    parts = "".join(f"{rule}\n\nSubject: {question}\n\n{paragraph(60)}\n\n" for question in questions)
    text = (f"From: Ada Byron <ada@example.org>\nSubject: The Tool FAQ\nNewsgroups: comp.tools\n\n{paragraph(50)}\n\n"
            f"{parts}{rule}\n\nSubject: Closing\n\nEnd.\n")
    assert sniff(text.split("\n"), ".txt").format is Format.MAIL
    titles = [a.title for a in articles_of(text, format=None)]
    assert titles[1:5] == questions and titles[0] == "The Tool FAQ"


def test_the_line_introducing_a_quoted_reply_names_no_author():
    """A reply quotes the message before it under `On …, Jane Doe <…> wrote:`:
    its author is the sender alone, not the person it quotes."""
    reply = ("From marek at example.org  Thu Jun 19 17:27:52 2008\nFrom: marek at example.org (Marek Kubica)\n"
             "Date: Thu Jun 19 17:27:59 2008\nSubject: Python 2.3 support\n\nHi,\n\n"
             "On Thu, 19 Jun 2008 08:20:14 -0400\nJean-Paul Calderone <exarkun@example.com> wrote:\n\n"
             f"> {paragraph(30)}\n\n{paragraph(12)}\n\nregards,\nMarek\n")
    (found,) = articles_of(reply, format=Format.MAIL)
    assert found.authors == ("Marek Kubica",)


def test_a_header_quoted_in_a_replys_body_names_no_author_of_it():
    """Some mailers quote the header of the message a reply answers at the top
    of its body's text part (`From: David Sturgis <…>`, `Subject: Re: …`,
    `Date: …`): the reply's author is its own header's sender alone."""
    def message(day: int, sender: str, subject: str, body: str) -> str:
        return (f"From someone@example.com  Tue Jun {day} 08:56:02 2002\nFrom: someone at example.com ({sender})\n"
                f"Date: Tue, {day} Jun 2002 02:56:02 -0500 (CDT)\nSubject: [Reality] {subject}\n\n{body}\n")
    def quoting(person: str, address: str) -> str:
        return ("----Security_Multipart(Tue_Jun_18_02:56:02_2002_435)--\nContent-Type: Text/Plain; charset=us-ascii\n"
                f"Content-Transfer-Encoding: 7bit\n\nFrom: {person} <{address}>\nSubject: Re: [Reality] Exits\n"
                f"Date: Mon, 17 Jun 2002 13:00:39 -0500\n\nThe legend returns :-)\n\n> {paragraph(30)}\n\n"
                f"{paragraph(40)}")
    archive = "\n".join([message(16, "David Sturgis", "Exits", paragraph(50)),
                         message(17, "Jane Doe", "Re: Exits", quoting("David Sturgis", "dave@example.com")),
                         message(18, "Glyph Lefkowitz", "Re: Exits", quoting("Jane Doe", "jane@example.com")),
                         message(19, "David Sturgis", "Re: Exits", quoting("Glyph Lefkowitz", "glyph@example.com"))])
    found = articles_of(archive, format=Format.MAIL)
    assert [a.authors for a in found] == [("David Sturgis",), ("Jane Doe",), ("Glyph Lefkowitz",), ("David Sturgis",)]


def test_an_archive_of_two_lists_drops_both_tags_and_keeps_brackets_of_the_subject():
    """Two lists' messages in one archive (`[weekly]`, `[monthly]`, neither on
    half the subjects): each tag is dropped from its subjects, and a subject
    that also ends in brackets (`… Needs You! [Short]`) keeps them, whole. A
    list's topics (`[PATCH]`, `[RFC]`, on some subjects only) stay."""
    def archive(subjects: list[str]) -> str:
        return "\n".join(f"From - Tue Apr {day} 20:20:41 2003\nFrom: Ada Byron <ada@example.org>\n"
                         f"Date: Tue, {day} Apr 2003 20:20:41 -0500\nSubject: {subject}\n\n{paragraph(40)}\n"
                         for day, subject in enumerate(subjects, 10))
    two_lists = ["[weekly] Volunteers Needed", "[monthly] Volunteers Needed [Long]", "[weekly] Birthday Report",
                 "[monthly] New Books", "[weekly] Volunteers Needed [Short]"]
    assert [a.title for a in articles_of(archive(two_lists), format=Format.MAIL)] == [
        "Volunteers Needed", "Volunteers Needed [Long]", "Birthday Report", "New Books", "Volunteers Needed [Short]"]
    topics = ["[PATCH] Fix the parser", "[PATCH] Add a test", "[RFC] New syntax", "[RFC] Old syntax", "Release 2.0",
              "Re: Release 2.0", "Meeting notes", "Build broken", "[PATCH] Docs", "Thanks"]
    assert [a.title for a in articles_of(archive(topics), format=Format.MAIL)][:3] == [
        "[PATCH] Fix the parser", "[PATCH] Add a test", "[RFC] New syntax"]
    assert reader_title("'The Dogs' Home'")[0] == "The Dogs' Home"  # (an apostrophe closes no quotation)


def test_messages_run_together_without_envelopes_open_at_header_blocks():
    text = "\n".join([
        "Date: Sun, 10 Dec 1989 11:24:26 -0600", "From: \"Ada Byron\" <ada@example.org>", "Subject: Breakfast",
        "", paragraph(30), "", "=" * 40,
        "Subject: Supper", "From: Grace Hopper <grace@example.org>", "Date: Mon, 11 Dec 1989 08:00:00 -0600",
        "", paragraph(30),
    ])
    assert sniff(text.split("\n"), ".txt").format is Format.MAIL
    found = articles_of(text, format=Format.MAIL)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Breakfast", ("Ada Byron",), "1989-12-10"), ("Supper", ("Grace Hopper",), "1989-12-11")]


def test_messages_under_a_rule_among_envelopes_open_at_their_header():
    """An archive saved from a mail client, some messages after an mbox envelope
    and some after a rule (`========` over Subject:, From:, Date:): each is a
    message. A header quoted in a body after a blank line stays in the body."""
    def enveloped(day: int, subject: str, body: str) -> str:
        return (f"From - Wed May {day} 22:32:09 2001\nDate: Wed, {day} May 2001 11:21:22 -0500\n"
                f"From: Ada Byron <ada@example.org>\nSubject: {subject}\n\n{body}\n")
    def ruled(day: int, subject: str) -> str:
        return (f"========\nSubject: {subject}\nFrom: Grace Hopper <grace@example.org>\n"
                f"To: list@example.org\nDate: Thu, {day} May 2001 14:38:30 -0400\n\n{paragraph(40)}\n")
    quoting = (f"{paragraph(20)}\n\nFrom: Alan Turing <alan@example.org>\nSubject: Old news\n"
               f"Date: Mon, 14 May 2001 10:00:00 -0400\n\n{paragraph(20)}")
    text = "\n".join([enveloped(16, "First Call", paragraph(40)), ruled(17, "Second Call"),
                      enveloped(18, "Third Call", quoting), ruled(19, "Fourth Call")])
    found = articles_of(text, format=Format.MAIL)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("First Call", ("Ada Byron",), "2001-05-16"), ("Second Call", ("Grace Hopper",), "2001-05-17"),
        ("Third Call", ("Ada Byron",), "2001-05-18"), ("Fourth Call", ("Grace Hopper",), "2001-05-19")]
    # One message forwarded under a rule in a body is no message of its own.
    forwarded = quoting.replace("\n\nFrom: Alan", "\n\n----------\nFrom: Alan")
    text = "\n".join([enveloped(16, "First Call", paragraph(40)), enveloped(18, "Fwd: Old news", forwarded),
                      enveloped(19, "Third Call", paragraph(40))])
    assert [a.title for a in articles_of(text, format=Format.MAIL)] == ["First Call", "Fwd: Old news", "Third Call"]


def test_front_matter_blocks_open_posts_wherever_they_stand():
    text = "\n".join([
        "---", 'title: "First Post"', 'date: "2024-02-07T00:00:00Z"', 'author: "Ada Byron"', "---", "",
        paragraph(30), "## A Section", "", paragraph(30),
        "---", "title: Second Post", "authors: [Ada Byron, Grace Hopper]", "date: 2024-03-06", "---", "",
        paragraph(30),
    ])
    first, second = articles_of(text, format=Format.MARKDOWN)
    assert (first.title, first.authors, first.date) == ("First Post", ("Ada Byron",), "2024-02-07")
    assert [b.texts[0] for b in first.body if b.kind.value == "heading"] == ["A Section"]
    assert (second.title, second.authors, second.date) == ("Second Post", ("Ada Byron", "Grace Hopper"), "2024-03-06")
    assert first.tally.metadata == 5 and second.first_line == 11


def test_code_fenced_right_under_a_heading_stays_code_and_ends_there():
    """A fence right under a heading (`## Install` over ```` ```bash ````, no blank
    line between) opens code, and its closing fence closes it: the posts'
    front matter after it still opens posts, and the code is code."""
    def post(n: int) -> list[str]:
        return ["---", f'title: "Post {n}: what is new"', "author: Ada Byron", "---", "", paragraph(30),
                "## Install", "```bash", f"pip install tool=={n}.0", "", "tool --help", "```", paragraph(20), ""]
    found = articles_of("\n".join(line for n in range(1, 4) for line in post(n)), format=Format.MARKDOWN)
    assert [a.title for a in found] == [f"Post {n}: what is new" for n in range(1, 4)]
    assert all([b.kind for b in a.body] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CODE,
                                            BlockKind.PARAGRAPH] for a in found)


def test_long_front_matter_opening_with_comments_and_naming_its_hosts_opens_each_episode():
    """A podcast's episodes, each under front matter of a hundred lines (show
    notes, links), some opening with comments to the editors (`# TODO: …`),
    their hosts a list of people with a name and an address: each opens an
    episode, by its hosts."""
    def episode(n: int) -> list[str]:
        notes = [f"  - {paragraph(8)}" for _ in range(90)]
        todo = ["# TODO: upload the audio", "# 2) set the date"] if n % 2 else []
        return ["---", *todo, f"episode_id: {n:03}-episode", f"title: Episode {n} of the show", "hosts:",
                "    - name: Ada Byron", "      url: https://example.org/ada", "    - name: Grace Hopper",
                "      url: https://example.org/grace", "points:", *notes, "---", "", paragraph(60), ""]
    found = articles_of("\n".join(line for n in range(1, 5) for line in episode(n)), format=Format.MARKDOWN)
    assert [(a.title, a.authors) for a in found] == [(f"Episode {n} of the show", ("Ada Byron", "Grace Hopper"))
                                                     for n in range(1, 5)]


def test_an_author_given_as_a_person_with_a_name_or_in_a_list_with_a_role():
    """A Hugo blog names each post's author as a person (`author:` over `name:`
    and `position:`, or `{name: …}` on one line), a list of people with a role
    in brackets after a name, or handles, one capitalised: each is read."""
    authors = ["author:\n  name: Ada Byron\n  position: Analytical Engines", "author: {name: Grace Hopper}",
               "authors:\n  - Alan Turing\n  - Joan Clarke (editor)", "author: adab, Grace99, alant"]
    posts = "\n".join(f"---\ntitle: Post {n}\n{author}\n---\n\n{paragraph(40)}" for n, author in enumerate(authors))
    assert [a.authors for a in articles_of(posts, format=Format.MARKDOWN)] == [
        ("Ada Byron",), ("Grace Hopper",), ("Alan Turing", "Joan Clarke"), ("adab", "Grace99", "alant")]
    # a catalogue's name and dates, a newsroom's credit: one author as written, not one per word
    assert stated_names("Dickens, Charles, 1812-1870") == ("Dickens, Charles, 1812-1870",)
    assert stated_names("Staff and agencies") == ("Staff and agencies",)
    assert stated_names("kingdon, SomtoAma") == ("kingdon", "SomtoAma")  # two handles, one capitalised
    # a name before a bare address is a sender; words before one are not (`Contact us at …`)
    assert stated_names("Ada Byron ada@example.org") == ("Ada Byron",)
    assert stated_names("Contact us at team@example.org") == ()


def test_a_numbered_series_without_front_matter_among_posts_with_it():
    """A blog's folder joined: release posts with front matter, their sections at
    the top rank (`# Where to get it` in each), and weekly issues with only a
    heading (`# This week in Nu #20`): each issue is a post of its own."""
    def release(n: int) -> str:
        return (f"---\ntitle: Release 0.{n}.0\nauthor: Ada Byron\n---\n\n# Release 0.{n}.0\n\n{paragraph(30)}\n\n"
                f"# Where to get it\n\n{paragraph(20)}\n\n# What's new\n\n{paragraph(40)}\n\n"
                f"# Looking ahead\n\n{paragraph(20)}\n")
    def weekly(n: int) -> str:
        return f"# This week in Nu #{n}\n\n- {paragraph(15)}\n- {paragraph(12)}\n"
    text = "\n".join([weekly(19), release(8), weekly(20), weekly(21), release(9), weekly(22), weekly(23), release(10)])
    titles = [a.title for a in articles_of(text, format=Format.MARKDOWN)]
    assert titles == ["This week in Nu #19", "Release 0.8.0", "This week in Nu #20", "This week in Nu #21",
                      "Release 0.9.0", "This week in Nu #22", "This week in Nu #23", "Release 0.10.0"]


def test_front_matter_right_under_a_list_after_a_heading_and_dates_in_unix_time():
    """A post that ends in a list under a heading, the next post's `---` right under it,
    and dates written as Unix time in milliseconds or seconds (UTC days)."""
    posts = [("Preview", "1498579200000"), ("Webcam access", "1499860800"), ("Flexbox", "1500465600000")]
    text = "\n".join(f"---\nnumber: {n}\ntitle: {title}\ndate: {stamp}\n---\n\n{paragraph(60)}\n\n"
                     f"#### Twitter\n * [@one](https://example.org/one)\n * [@two](https://example.org/two)"
                     for n, (title, stamp) in enumerate(posts))
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.date) for a in found] == [
        ("Preview", "2017-06-27"), ("Webcam access", "2017-07-12"), ("Flexbox", "2017-07-19")]
    assert not any("---" in text for a in found for block in a.body for text in block.texts)


def test_front_matter_with_yaml_aliases_is_not_expanded():
    bomb = "\n".join(["---", "title: x", "a: &a [1, 1]", "b: &b [*a, *a]", "c: [*b, *b]", "---"])
    (article,) = articles_of(bomb + "\n\nText of the post.", format=Format.MARKDOWN)
    assert article.title != "x"  # not read as front matter at all


def test_markdown_log_under_a_document_title_splits_at_its_dated_entries():
    text = "\n".join([
        "# Change Log", "All notable changes.", "",
        "## [2.1.0] - 2021-03-04", "", "### Added", "- a thing", "- another", "",
        "## [2.0.0] - 2020-01-02", "", "### Fixed", "- a bug", "",
        "## [1.0.0] - 2019-05-06", "", "First release.",
    ])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.date) for a in found] == [("2.1.0", "2021-03-04"), ("2.0.0", "2020-01-02"), ("1.0.0", "2019-05-06")]
    assert [b.texts[0] for b in found[0].body if b.kind.value == "heading"] == ["Added"]


def test_a_bracketed_label_in_a_markdown_heading_is_a_link_only_where_the_file_defines_it():
    """`## [1.0.0] - 2017-06-20` links its version (Keep a Changelog defines `[1.0.0]:`
    below); `3.7.6 [maintenance release]` defines nothing, and keeps its brackets."""
    releases = [f"## [1.{n}.0] - 2017-06-2{n}\n\n- {paragraph(20)}" for n in (2, 1)]
    text = "\n\n".join([*releases, f"## 1.0.6 [maintenance release]\n\n- {paragraph(20)}",
                         "[1.2.0]: https://example.org/v1.2.0\n[1.1.0]: https://example.org/v1.1.0"])
    assert [(a.title, a.date) for a in articles_of(text, format=Format.MARKDOWN)] == [
        ("1.2.0", "2017-06-22"), ("1.1.0", "2017-06-21"), ("1.0.6 [maintenance release]", None)]


def test_headings_written_in_html_inside_markdown_open_its_articles():
    """A FAQ whose questions are `<h3 name="…">` blocks, the question on the line
    between the tags (or on the tag's own line), under a linked contents list:
    one article per question, as the file's 26 questions crowd one piece else. An
    `<h3>` not closed alone is no heading."""
    questions = [f"How do I use option {n}?" for n in range(26)]
    contents = "\n".join(f"* [{q}](#q{n})" for n, q in enumerate(questions))
    answers = [f'<h3 name="q{n}">\n{q}\n</h3>\n\n{paragraph(40)}' for n, q in enumerate(questions[:-1])]
    text = "\n\n".join(["## FAQ", contents, *answers, f"<h3 id=\"q25\">How do I use <em>option</em> 25?</h3>\n\n{paragraph(40)}",
                         f"<h3>Not closed\n\n{paragraph(30)}"])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [a.title for a in found] == questions
    assert "Not closed" in found[-1].body_text


def test_the_summaries_of_collapsed_details_blocks_holding_headings_title_their_entries():
    """Meeting minutes, each meeting a `<details>` block titled by its indented
    `<summary>` and holding `##` sections every meeting repeats: a page per
    meeting, its sections its own. A post's collapsed example (a `<details>`
    with no heading inside) opens nothing."""
    dates = ["June 8, 2021", "May 25, 2021", "May 10, 2021"]
    meetings = [f"<details>\nArchived Notes\n <summary>Regular meeting - {date}</summary>\n\n## Intro\n\n"
                f"{paragraph(40)}\n\n## Recording\n\n{paragraph(30)}\n\n</details>" for date in dates]
    text = "\n\n".join(["# Working Group - Meeting Minutes", paragraph(20), *meetings])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [a.date for a in found[1:]] == ["2021-06-08", "2021-05-25", "2021-05-10"]
    assert [b.texts[0] for b in found[1].body if b.kind.value == "heading"] == ["Intro", "Recording"]
    one_line = text.replace("<details>\nArchived Notes\n <summary>", "<details><summary>")
    assert [a.date for a in articles_of(one_line, format=Format.MARKDOWN)[1:]] == ["2021-06-08", "2021-05-25",
                                                                                "2021-05-10"]
    top = text.replace("## Intro", "# Intro").replace("## Recording", "# Recording")  # no rank above `#`
    assert not any(a.title.startswith("Regular meeting") for a in articles_of(top, format=Format.MARKDOWN))
    post = "\n\n".join(["# A Post", paragraph(60), *(f"<details>\n<summary>Click to expand</summary>\n\n{paragraph(20)}"
                                                        f"\n\n</details>" for _ in range(3)), "## Results", paragraph(60)])
    assert [a.title for a in articles_of(post, format=Format.MARKDOWN)] == ["A Post"]


def test_dated_posts_under_headings_with_no_text_of_their_own_are_articles_at_any_depth():
    """A devlog under `# Changelog`: its years (`##`) hold its months (`###`),
    which hold its days (`####`): each day an article with its date, the years
    and months set aside as holding them. Numbered parts under one heading
    (`Puzzle 1` to `Puzzle 6`) stay that post's sections."""
    months = {"2026": ["April", "March"], "2025": ["June", "May"]}
    days = {"April": (12, 9, 6), "March": (30, 22, 2), "June": (12, 10, 3), "May": (30, 8)}
    parts = ["# Changelog", ""]
    for year, names in months.items():
        parts += [f"## {year}", ""]
        for month in names:
            parts += [f"### {month}", ""]
            parts += [line for day in days[month] for line in (f"#### {day} {month} {year}", "", f"* {paragraph(12)}", "")]
    found = articles_of("\n".join(parts), format=Format.MARKDOWN)
    assert [(a.title, a.date) for a in found][:4] == [("12 April 2026", "2026-04-12"), ("9 April 2026", "2026-04-09"),
                                                       ("6 April 2026", "2026-04-06"), ("30 March 2026", "2026-03-30")]
    assert len(found) == 11 and not any("June" in a.body_text or "2025" == a.body_text for a in found)
    puzzles = "\n\n".join(["# Day one", paragraph(200), *(f"## Puzzle {n}\n\n{paragraph(60)}" for n in range(1, 7)),
                             "# Day two", paragraph(500)])
    assert [a.title for a in articles_of(puzzles, format=Format.MARKDOWN)] == ["Day one", "Day two"]


def test_one_markdown_article_with_sections_stays_one():
    text = "\n\n".join(["# The Post", paragraph(40), "## Background", paragraph(40), "## Method", paragraph(40),
                        "## Results", paragraph(40)])
    (article,) = articles_of(text, format=Format.MARKDOWN)
    assert article.title == "The Post"


def test_lines_under_a_markdown_heading_stay_lines():
    text = "\n".join(["# Go 1.12 is released", "25 Feb 2019", "Tags: release", "", "Ann Author",
                      "ann@example.org", "", paragraph(40), "# Next Post", "4 Mar 2019", "Tags: tools", "",
                      "Bob Writer", "", paragraph(40)])
    first, second = articles_of(text, format=Format.MARKDOWN)
    assert (first.date, first.authors) == ("2019-02-25", ("Ann Author",))
    assert (second.date, second.authors) == ("2019-03-04", ("Bob Writer",))
    assert "Tags" not in first.body_text


def test_rest_titles_ranked_by_first_appearance_with_overlines_and_fields():
    text = "\n".join([
        "=================", " A Long Document", "=================", "", ":Author: Ada Byron", ":Date: 2020-01-02",
        "", paragraph(40), "", "Section", "-------", "", paragraph(40), "",
        "=================", " Another Document", "=================", "", ":Author: Grace Hopper", "", paragraph(40),
    ])
    first, second = articles_of(text, format=Format.RST)
    assert (first.title, first.authors, first.date) == ("A Long Document", ("Ada Byron",), "2020-01-02")
    assert [b.texts[0] for b in first.body if b.kind.value == "heading"] == ["Section"]
    assert (second.title, second.authors) == ("Another Document", ("Grace Hopper",))


def test_wiki_headings_by_rank():
    text = "\n\n".join(["= First Page =", paragraph(30), "== Part ==", paragraph(30), "= Second Page =", paragraph(30)])
    first, second = articles_of(text, format=Format.WIKI)
    assert (first.title, second.title) == ("First Page", "Second Page")
    assert [b.texts[0] for b in first.body if b.kind.value == "heading"] == ["Part"]


def test_bold_marked_with_equals_signs_is_no_wiki_heading():
    """Plain-text books mark bold `=like this=`; wiki text spaces its first-rank
    headings (`= Title =`), and tight ones are of a deeper rank (`==Title==`)."""
    book = "\n\n".join(["=1. READING.= (by the Teacher)", paragraph(30), "=2. SONG.=", paragraph(30),
                         "=3. RECITATION.=", paragraph(30)])
    assert sniff(book.split("\n"), ".txt").format is Format.TEXT
    for wiki in ("= First =\n\n= Second =\n", "==First==\n\n==Second==\n"):
        assert sniff(wiki.split("\n"), ".txt").format is Format.WIKI


def test_code_fences_hold_no_headings():
    text = "\n".join(["# Real", "", "```", "# not a heading", "```", "", paragraph(30), "", "# Also Real", "",
                      paragraph(30)])
    assert [a.title for a in articles_of(text, format=Format.MARKDOWN)] == ["Real", "Also Real"]


def test_every_line_of_a_mail_archive_is_counted_once():
    text = mbox()
    found = articles_of(text, format=Format.MAIL)
    non_blank = sum(1 for line in text.split("\n") if line.strip())
    assert sum(a.tally.prose + a.tally.metadata + a.tally.boilerplate for a in found) == non_blank


GIT_LOG = """\
commit 18b845e69752c975dfeda418ec00eda22605c2ee (tag: v5.4.1)
Author: Lasse Collin <lasse@example.org>
Date:   2023-01-11 18:52:54 +0200

    Bump version and soname for 5.4.1.

 src/liblzma/Makefile.am        | 2 +-
 src/liblzma/api/lzma/version.h | 2 +-
 2 files changed, 2 insertions(+), 2 deletions(-)

commit 8a3ba1e0e3b5d2a1f7c0e6f4b2c9d8e7f6a5b4c3
Merge: 4080bbb 674c89f
Author: Jia Tan <jia@example.org>
Date:   Wed Jan 11 23:58:16 2023 +0800

    Merge branch 'docs': add NEWS for 5.4.1.

    {body}

    Thanks to Jane Doe for the report.

commit 674c89fdb8c457ebc3a0652e235d8b6cd7b7dee2
Author: Lasse Collin <lasse@example.org>
Date:   2023-01-10 11:56:11 +0200

    sysdefs.h: Don't include strings.h anymore.

diff --git a/src/common/sysdefs.h b/src/common/sysdefs.h
--- a/src/common/sysdefs.h
+++ b/src/common/sysdefs.h
@@ -1,2 +1,1 @@
-#include <strings.h>
"""


def test_each_commit_of_a_git_log_is_an_article_titled_by_its_messages_first_line():
    """`git log` output (with `--stat`, a merge, a `-p` diff): a commit is an
    article, its message's first line the title as written, `Author:` the
    author, `Date:` the date; the stat lines and the diff are kept as code,
    never a heading; every line is counted once."""
    text = GIT_LOG.format(body=paragraph(40))
    assert sniff(text.split("\n"), "").format is Format.GIT_LOG
    found = articles_of(text, format=Format.GIT_LOG)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Bump version and soname for 5.4.1.", ("Lasse Collin",), "2023-01-11"),
        ("Merge branch 'docs': add NEWS for 5.4.1.", ("Jia Tan",), "2023-01-11"),
        ("sysdefs.h: Don't include strings.h anymore", ("Lasse Collin",), "2023-01-10")]
    assert [b.kind.value for b in found[0].body] == ["code"]
    assert any("#include <strings.h>" in line for block in found[2].body for line in block.texts)
    assert found[1].body[0].texts[0].startswith("This word")  # the message, out of its indent
    non_blank = sum(1 for line in text.split("\n") if line.strip())
    assert sum(a.tally.prose + a.tally.metadata + a.tally.boilerplate for a in found) == non_blank
    post = f"# Release notes\n\n{paragraph(30)}\n\n```\n{GIT_LOG.format(body='x')}```\n"
    assert sniff(post.split("\n"), ".md").format is Format.MARKDOWN  # a post quoting a log is no log


def test_a_git_log_of_subject_lines_alone_stays_a_commit_a_page():
    """An upstream changelog written by `git log`: most commits a subject line
    over a `Signed-off-by:` line the log repeats (boilerplate). Each commit is
    whole without text of its own, so the self-check does not doubt the log
    and read it as plain text, a page per release."""
    commits = [f"commit {n:040x}\nAuthor: Alan Smith <alan@example.org>\nDate:   Sat Mar 16 13:5{n % 10}:20 2019 -0700\n\n"
               f"    {'libXthing 1.' + str(n) if n % 5 == 0 else 'Fix case ' + str(n) + ' in the parser'}\n    \n"
               f"    Signed-off-by: Alan Smith <alan@example.org>\n" for n in range(20, 0, -1)]
    text = "\n".join(commits)
    (split,) = split_corpus([SeedInput(Seed("changelog", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert split.format is Format.GIT_LOG and len(split.articles) == 20


def test_a_git_logs_commits_titled_alike_are_no_contents_list_of_a_commit_above():
    """Commits titled `Small`, `Tidy the parser.` and `Small tidy` below one whose
    subject is `Small: tidy the parser` over its stat lines: every commit is kept,
    none read as a contents list naming the others, none set aside after it."""
    subjects = ["Release 2.0", "Small: tidy the parser",
                *[("Small", "Tidy the parser.", "Small tidy", f"Fix case {n}")[n % 4] for n in range(1, 13)]]
    text = "\n".join(f"commit {n:040x}\nAuthor: Alan Smith <alan@example.org>\nDate:   Sat Mar 16 13:5{n % 10}:20 2019 -0700"
                     f"\n\n    {subject}\n\n src/parse{n}.c | 4 ++--\n 1 file changed, 2 insertions(+), 2 deletions(-)\n"
                     for n, subject in enumerate(subjects))
    (split,) = split_corpus([SeedInput(Seed("changelog", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert split.format is Format.GIT_LOG and [a.title for a in split.articles] == [s.rstrip(".") for s in subjects]


def test_a_collections_header_blocks_open_its_documents():
    def document(number: int, title: str, author: str, created: str) -> str:
        return (f"PEP: {number}\nTitle: {title}\nAuthor: {author}\nStatus: Active\nCreated: {created}\n"
                f"Post-History:\n\n{paragraph(40)}")
    text = "\n".join([document(1, "Purpose and Guidelines", "Barry Warsaw, Jeremy Hylton", "13-Jun-2000"),
                      document(2, "Adding New Modules", "Martijn Faassen <faassen@example.org>", "07-Jul-2001")])
    first, second = articles_of(text)
    assert (first.title, first.authors, first.date) == ("Purpose and Guidelines", ("Barry Warsaw", "Jeremy Hylton"),
                                                        "2000-06-13")
    assert (second.title, second.authors, second.date) == ("Adding New Modules", ("Martijn Faassen",), "2001-07-07")


def test_toml_front_matter_and_a_date_in_the_posts_address():
    text = "\n".join(['+++', 'path = "2016/01/21/Rust-1.6"', 'title = "Announcing Rust 1.6"',
                      'authors = ["The Rust Core Team"]', '', '[extra]', 'release = true', '+++', '', paragraph(40),
                      '+++', 'path = "2016/02/11/Rust-1.7"', 'title = "Announcing Rust 1.7"', '+++', '', paragraph(40)])
    first, second = articles_of(text, format=Format.MARKDOWN)
    assert (first.title, first.authors, first.date) == ("Announcing Rust 1.6", ("The Rust Core Team",), "2016-01-21")
    assert (second.title, second.date) == ("Announcing Rust 1.7", "2016-02-11")
    assert first.tally.metadata == 7


def test_authors_and_tags_in_a_site_generators_table_of_the_posts_own_fields():
    """Zola keeps a post's own fields under `[extra]` (Hugo under `[params]`):
    `authors`, a multi-line array with a comment in it, names the authors, and
    `tags` its tags."""
    posts = [['+++', 'title = "This Month in Rust OSDev (January 2021)"', 'date = 2021-02-06', '', '[extra]',
              'month = "January 2021"', 'authors = [', '    "phil-opp",', '    # add yourself here', ']', '+++'],
             ['+++', 'title = "Announcing Rust 1.7"', 'date = 2016-02-11', '[params]', 'authors = ["Jane Roe"]',
              'tags = ["release"]', '+++']]
    text = "\n".join(line for post in posts for line in [*post, "", paragraph(40)])
    first, second = articles_of(text, format=Format.MARKDOWN)
    assert (first.title, first.authors, first.date) == ("This Month in Rust OSDev (January 2021)", ("phil-opp",),
                                                        "2021-02-06")
    assert (second.authors, second.source_tags) == (("Jane Roe",), ("release",))


def test_proposals_joined_in_markdown_keep_their_titles_past_a_fence_with_an_info_string():
    """Design proposals joined into one Markdown file, each under `# Title` over
    bullet fields with bold keys (`* **Author**: Jane Doe`). A fence opened
    inside a quotation (`> ```) and closed outside it leaves the next `` ```
    kotlin `` inside code, as CommonMark reads it: a fence with an info string
    opens code, never closes it, so the titles after it still open proposals.
    An author field listing handles (`asterite,waj`, `dholbach & pjbgf`) names each of them."""
    def proposal(title: str, author: str, code: str) -> str:
        return (f"# {title}\n\n* **Type**: Design proposal\n* **Author**: {author}\n* **Status**: Stable\n\n"
                f"{paragraph(150)}\n\n{code}\n\n{paragraph(120)}\n")
    tricky = ("> Question: should we support nested destructuring?\n> ```\n{ ((a, b), c) -> ... }\n```\n> NOTE: no.\n\n"
              "A type may be given too:\n\n``` kotlin\n{ (a, b: B) -> ... }\n```")
    text = "\n".join([proposal("Type aliases", "Dmitry Petrov", "```\ntypealias A = B\n```"),
                      proposal("Destructuring in Lambdas", "Andrey Breslav", tricky),
                      proposal("Inline properties", "Jane Doe", "```kotlin\nval x = 1\n```")])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.authors) for a in found] == [
        ("Type aliases", ("Dmitry Petrov",)), ("Destructuring in Lambdas", ("Andrey Breslav",)),
        ("Inline properties", ("Jane Doe",))]
    posts = "\n".join(f"---\ntitle: Crystal 0.{n}\nauthor: {handles}\n---\n\n{paragraph(40)}"
                      for n, handles in enumerate(["asterite,waj", "'dholbach & pjbgf'", "juozasg and waj",
                                                    "salt-and-pepper"]))
    assert [a.authors for a in articles_of(posts, format=Format.MARKDOWN)] == [
        ("asterite", "waj"), ("dholbach", "pjbgf"), ("juozasg", "waj"), ("salt-and-pepper",)]


def test_documents_with_and_without_front_matter_open_at_their_title():
    minutes = [f"# Team meeting agenda\n\n* Meeting date: 2021-0{n}-01\n\n{paragraph(30)}" for n in range(1, 4)]
    with_front = "---\ntitle: Triage meeting 2021-04-01\n---\n\n" + minutes[0]
    text = "\n\n".join([minutes[0], with_front, minutes[1], with_front.replace("04-01", "05-01"), minutes[2]])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [a.title for a in found] == ["Team meeting agenda", "Triage meeting 2021-04-01", "Team meeting agenda",
                                        "Triage meeting 2021-05-01", "Team meeting agenda"]


def test_an_faqs_questions_are_its_articles():
    topics = [f"* {topic}\nSome words about the topic.\n\n" + "\n".join(
        f"** How do I {verb} it?\n{paragraph(20)}\n" for verb in verbs)
        for topic, verbs in (("General", ("start", "stop", "pause")), ("Advanced", ("tune", "break", "fix")))]
    text = "#+title: Questions\n\n" + "\n".join(topics)
    assert sniff(text.split("\n"), ".txt").format is Format.ORG
    found = articles_of(text, format=Format.ORG)
    assert [a.title for a in found][-6:] == [f"How do I {verb} it?" for verb in
                                             ("start", "stop", "pause", "tune", "break", "fix")]


def test_asciidoc_sections_under_the_document_title():
    text = "= Stories\nAn Author\n\n" + "\n\n".join(f"== {name}\n\n{paragraph(200)}\n\n{paragraph(300)}"
                                                     for name in ("THE SISTERS", "AN ENCOUNTER", "ARABY"))
    assert sniff(text.split("\n"), ".txt").format is Format.WIKI
    assert [a.title for a in articles_of(text, format=Format.WIKI)] == ["The Sisters", "An Encounter", "Araby"]


def _asciidoc_post(title: str, header: str, body: str) -> str:
    return f"= {title}\n{header}\n\n{body}"


def test_asciidoc_posts_joined_into_one_file_open_at_their_headers():
    """Each document header (title, author line, revision line, attributes, a
    value going on to the next line after ` \\`) opens a
    post, even right under the post before; its author, date and tags are read; an
    example document inside a listing or a fence opens nothing; `*` items are a list,
    not an Org outline."""
    example = "[source,asciidoc]\n----\n= Document Title\nAn Author\n:toc:\n\n== Section\n----"
    fenced = "```\n= asciidoc(1)\n:doctype: manpage\n```"
    posts = [
        _asciidoc_post("A new resource", "Dan Allen\n2013-04-08\n:page-tags: [announcement, website]",
                       f"{paragraph(60)}\n\n* compliant\n* fast\n\n{example}\n\n{paragraph(40)}"),
        _asciidoc_post("Version 1.5 released!", "Ada Byron <https://example.org[@ada]>; Grace Hopper\n"
                       "v1.5, 2014-08-12: Released\n// Settings\nifndef::imagesdir[:imagesdir: ../images]\n:icons: font",
                       f"{paragraph(50)}\n\n** nested\n\n{fenced}\n\n{paragraph(30)}"),
        _asciidoc_post("Funding", ":author: Sarah White\n:revdate: 2015-06-11 10:00", paragraph(80)),
        _asciidoc_post("Iris Flowers", "Paul King\n:revdate: 2022-06-25T10:52:59+00:00\n"
                       ":description: This post looks at the flowers \\\nusing four libraries.", paragraph(60)),
    ]
    text = "\n".join(posts)  # no blank line between one post's end and the next header
    assert sniff(text.split("\n"), ".txt").format is Format.ASCIIDOC
    found = articles_of(text, format=Format.ASCIIDOC)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("A new resource", ("Dan Allen",), "2013-04-08"),
        ("Version 1.5 released!", ("Ada Byron", "Grace Hopper"), "2014-08-12"),
        ("Funding", ("Sarah White",), "2015-06-11"), ("Iris Flowers", ("Paul King",), "2022-06-25")]
    assert found[0].source_tags == ("announcement", "website")
    code = [block for block in found[0].body if block.kind.name == "CODE"]
    assert code and "= Document Title" in code[0].texts[0]


def test_an_asciidoc_section_under_a_comment_or_an_anchor_opens_an_entry():
    text = "= Changelog\n:icons: font\n:url-repo: https://example.org\n\n" + paragraph(20) + "\n\n" + "\n\n".join(
        f"{above}\n== {version}\n\n{paragraph(120)}\n\n* {paragraph(30)}"
        for above, version in (("// tag::compact[]", "Unreleased"), ("[#v3]", "3.0.0 (2025-10-24)"),
                               ("", "2.1.0 (2025-06-02)"), ("", "2.0.0 (2024-01-05)"), ("", "1.0.0 (2023-03-01)")))
    found = articles_of(text, format=Format.ASCIIDOC)
    assert [a.title for a in found][-5:] == ["Unreleased", "3.0.0", "2.1.0", "2.0.0", "1.0.0"]


def test_wiki_pages_joined_with_no_blank_line_and_ini_sections_in_their_code():
    """Trac's pages, each `= Title` right under the page before's `See also:` line
    and over a macro (`[[PageOutline]]`); an INI file's `[section]` lines in a code
    block are no AsciiDoc block attributes."""
    pages = [f"= {name}\n[[PageOutline(2-5)]]\n\n{paragraph(80)}\n\n== Configuration\n\n{{{{{{\n[trac]\n"
             f"base_url = https://example.org\n[components]\nfoo = enabled\n}}}}}}\n\n{paragraph(60)}\n----\n"
             f"See also: TracIni, TracGuide" for name in ("Trac Logging", "Trac Permissions", "The Trac Timeline")]
    text = "\n".join(pages)
    assert sniff(text.split("\n"), ".txt").format is Format.WIKI
    assert [a.title for a in articles_of(text, format=Format.WIKI)] == [
        "Trac Logging", "Trac Permissions", "The Trac Timeline"]


def test_dokuwiki_ranks_run_the_other_way_and_a_closed_heading_stands_anywhere():
    """DokuWiki's meeting pages: `==== 2018-03-09 ====` over `=== Agenda ===`
    (more marks, higher rank), each page's heading right under the last item of
    the page before."""
    days = ("2018-03-09", "2018-03-16", "2018-03-23", "2018-03-30")
    text = "\n".join(f"==== {day} ==== \n{paragraph(20)}\n\n=== Agenda ===\n  * {paragraph(20)}\n\n"
                     f"=== Minutes ===\n  - {paragraph(40)}\n  - {paragraph(30)}" for day in days)
    assert sniff(text.split("\n"), ".txt").format is Format.WIKI
    assert [(a.title, a.date) for a in articles_of(text, format=Format.WIKI)] == [(day, day) for day in days]


def test_ablog_posts_open_at_the_title_over_their_post_directive():
    """Sphinx ABlog pages joined: each title over `.. post:: DATE` with its
    `:author:` and `:tags:` opens a post, though the posts' sections are
    underlined as their titles are, and a title right under the last line of
    the post before still opens its post."""
    posts = [("SunPy 0.2", "27 November 2012", "Stuart Mumford", "2012-11-27"),
             ("GSoC wrap-up", "August 19, 2019", "Vatsalya Chaubey", "2019-08-19"),
             ("New website", "9 April 2013", "Ada Byron", "2013-04-09")]
    text = "".join(f"{title}\n{'=' * len(title)}\n\n.. post:: {day}\n   :author: {name}\n   :tags: release\n\n"
                   f"{paragraph(80)}\n\nWhat changed\n============\n\n{paragraph(60)}\n"
                   for title, day, name, _iso in posts)
    found = articles_of(text, format=Format.RST)
    assert [(a.title, a.authors, a.date) for a in found] == [(t, (n,), iso) for t, _d, n, iso in posts]
    assert found[0].source_tags == ("release",)


def test_sphinx_pages_joined_open_at_their_fields_over_the_title_and_a_page_without_any():
    """A Sphinx blog's pages joined: some state their metadata as a field list
    over the title (`:blogpost: true`, `:date:`, `:author:`), some as a
    `.. post::` directive under it (after two blank lines, too), and one page
    states none: each is a post, with what it states; the posts' sections,
    underlined otherwise, stay sections. A Pelican post's fields under its
    title open nothing of their own."""
    def fields_over(title: str, day: str, name: str) -> str:
        return (f":blogpost: true\n:date: {day}\n:author: {name}\n\n{title}\n{'=' * len(title)}\n\n"
                f"{paragraph(60)}\n\nWhat changed\n------------\n\n{paragraph(40)}\n")
    def directive_under(title: str, day: str, name: str, blank: str = "\n") -> str:
        return (f"{title}\n{'=' * len(title)}\n{blank}\n.. post:: {day}\n   :author: {name}\n\n"
                f"{paragraph(60)}\n\nWhat changed\n------------\n\n{paragraph(40)}\n")
    text = "\n".join([fields_over("Tool 0.1 released", "May 14, 2014", "Ada Byron"),
                      directive_under("Tool 0.2 released", "Aug 31, 2014", "Ada Byron"),
                      f"Tool 0.3 released\n=================\n\n{paragraph(50)}\n",
                      directive_under("Tool 0.4 released", "Dec 20, 2014", "Grace Hopper", blank="\n\n"),
                      directive_under("Tool 0.5 released", "Mar 25, 2015", "Ada Byron"),
                      fields_over("A note from elsewhere", "September 01, 2021", "Alan Turing")])
    found = articles_of(text, format=Format.RST)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Tool 0.1 released", ("Ada Byron",), "2014-05-14"), ("Tool 0.2 released", ("Ada Byron",), "2014-08-31"),
        ("Tool 0.3 released", (), None), ("Tool 0.4 released", ("Grace Hopper",), "2014-12-20"),
        ("Tool 0.5 released", ("Ada Byron",), "2015-03-25"), ("A note from elsewhere", ("Alan Turing",), "2021-09-01")]
    pelican = "\n".join(f"{title}\n{'#' * len(title)}\n\n:date: 2020-0{n}-01\n:author: Ada Byron\n\n"
                        f"Intro\n=====\n\n{paragraph(60)}\n" for n, title in enumerate(["One", "Two", "Three"], 1))
    assert [a.title for a in articles_of(pelican, format=Format.RST)] == ["One", "Two", "Three"]
    # A function's `:param:` list over the next function's section states no post's metadata.
    api = "File helpers\n============\n\n" + paragraph(60) + "\n\n" + "\n".join(
        f"{name}\n{'-' * len(name)}\n\n{paragraph(40)}\n\n:param path: the file\n:returns: the size\n"
        for name in ("read_file", "write_file", "copy_file"))
    assert [a.title for a in articles_of(api, format=Format.RST)] == ["File helpers"]


def test_a_date_given_as_created_and_updated_is_the_created_one():
    text = f"---\ntitle: Zensical\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\n---\n\n{paragraph(40)}"
    (post,) = articles_of(text, format=Format.MARKDOWN)
    assert post.date == "2026-02-18"


def test_a_wiki_or_an_org_outline_is_no_asciidoc():
    wiki_text = "\n\n".join(f"== {name} ==\n{paragraph(30)}" for name in ("One", "Two", "Three"))
    org_text = "#+title: Notes\n\n" + "\n\n".join(f"* {name}\n** Part\n{paragraph(30)}" for name in ("One", "Two"))
    assert sniff(wiki_text.split("\n"), ".adoc").format is Format.WIKI
    assert sniff(org_text.split("\n"), ".adoc").format is Format.ORG


def test_mail_names_and_subjects_are_decoded_and_put_in_order():
    """RFC 2047 encoded words are decoded (the standard library's email.header),
    `(Name <addr>)` and `addr (Name)` give the name, `Last, First` reads as `First Last`,
    and a salutation in the body is no author."""
    text = "\n".join([
        "From: =?iso-8859-1?q?Marcel_G=FCnther?= <m@example.de>",
        "Subject: =?iso-8859-1?q?Rechnungen_f=FCr_den_Verein?=",
        "Date: Mon, 1 Jun 2009 10:51:09 +0200", "", "Hallo André,", "", paragraph(40), "",
        "From: \"Doe, Jane\" <jane@example.org>", "Subject: Second", "Date: Tue, 2 Jun 2009 10:00:00 +0200", "",
        paragraph(40), "",
        "From: (Ada Byron <ada@example.org>)", "Subject: Third", "Date: Wed, 3 Jun 2009 10:00:00 +0200", "",
        paragraph(40)])
    first, second, third = articles_of(text, format=Format.MAIL)
    assert (first.title, first.authors) == ("Rechnungen für den Verein", ("Marcel Günther",))
    assert second.authors == ("Jane Doe",)
    assert third.authors == ("Ada Byron",)


# --- issue 26, case 6: long runs take linear time -------------------------------------------

#: Seeds on which the patterns and the field blocks took quadratic time: each took
#: over 8 s to split before issue 26, and takes a few hundredths of a second now.
HOSTILE_SEEDS = {
    "chat-log": "\n".join(f"{('Alice', 'Bob', 'Carol Ann')[i % 3]}: hello number {i} to all" for i in range(6_000)),
    "atx-heading": "# x" + " " * 40_000 + "y\n\nSome text.",
    "org-heading": "* x" + " " * 60_000 + "y\n\nSome text.",
    "open-brackets": "Title\n\n" + "[" * 150_000,
    "open-links": "Title\n\n" + "[x](" * 40_000,
    "spaced-author": "---\ntitle: A Post\nauthor: Jane" + " " * 40_000 + "Doe\n---\n\nSome text.",
    "bulleted-field": "# A Post\n\n* Author: " + "[" * 150_000 + "\n\n# Another\n\nText.",
}


@pytest.mark.parametrize("name", HOSTILE_SEEDS)
def test_26_06_long_runs_are_split(name):
    """Each is split into its articles (how the time grows with the run's length is
    measured by `benchmarks/hostile_growth.py`, not by a test)."""
    seed = Seed(f"{name}.txt", tuple(HOSTILE_SEEDS[name].split("\n")))  # its format told from its content
    assert split_corpus([SeedInput(seed, Overrides())], SplitRules())[0].articles


#: The patterns and the field blocks as they were before issue 26, which the
#: linear ones must agree with on every line.
OLD_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
OLD_ORG = re.compile(r"^(?P<marks>\*+)[ \t]+(?:(?:TODO|DONE)[ \t]+)?(?P<text>.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$")
OLD_MARKUP = re.compile(r"\[[^\]]+\]\([^)\s]+\)|^```|^ {0,3}>\s|\*\*[^*]+\*\*")


def old_field_blocks(lines, wanted, set_apart=True):
    found, i = [], 0
    while i < len(lines):
        apart = i == 0 or not lines[i - 1].strip() or formats.UNDERLINE.match(lines[i - 1])
        if formats.FIELD.match(lines[i]) and (apart or not set_apart):
            end = formats._block_end(lines, i)
            keys = {formats.key_of(lines[k]) for k in range(i, end) if formats.FIELD.match(lines[k])}
            fields = sum(1 for k in range(i, end) if formats.FIELD.match(lines[k]))
            stated = formats._states_a_document(keys)  # since issue 20: `title:` over `author:`
            if (fields >= formats.BLOCK_MIN_FIELDS or stated) and wanted(keys) \
                    and (end == len(lines) or not lines[end].strip() or stated):
                found.append((i, end))
                i = end
                continue
        i += 1
    return found


marked_lines = st.lists(st.sampled_from(["#", "*", " ", "\t", "x", "TODO", ":a:", "[", "]", "(", ")", "](", "**",
                                         "```", ">", "\u00a0"]), max_size=14).map("".join)
field_lines = st.lists(st.sampled_from(["Title: A", "Subject: B", "From: C", "Date: 2020", "To: D", "Alice: hi",
                                        "author: E", "  folded", "", "---", "text"]), max_size=20)


@settings(max_examples=2000, deadline=None)
@given(marked_lines)
def test_26_06_the_linear_patterns_find_what_the_old_ones_did(line):
    for old, new in ((OLD_ATX, formats.ATX_HEADING), (OLD_ORG, formats.ORG_HEADING)):
        found, expected = new.match(line), old.match(line)
        assert (found and found.groupdict()) == (expected and expected.groupdict())
    assert bool(formats.MARKDOWN_MARKUP.search(line) or formats.markdown_link(line)) == bool(OLD_MARKUP.search(line))


@settings(max_examples=1000, deadline=None)
@given(field_lines, st.booleans())
def test_26_06_field_blocks_are_the_old_ones(lines, set_apart):
    for wanted in (formats.titled, formats.mail_like):
        assert formats.field_blocks(lines, wanted, set_apart) == old_field_blocks(lines, wanted, set_apart)


def test_26_04_mime_bodies_are_decoded_and_their_structure_set_aside():
    """Base64 and quoted-printable text is read as the text it encodes; a multipart
    message gives its plain-text part, its boundaries, part headers and HTML twin
    set aside; every line is still counted once."""
    plain = "Hallo zusammen,\n\ndie Rechnungen für den Verein sind fertig.\n\nGrüße, Marcel"
    twin = "Grüße aus Köln: the café is open until nine tonight."
    text = "\n".join([
        "From marcel@example.de Mon Jun  1 10:51:09 2009", "From: Marcel <marcel@example.de>", "Subject: Rechnungen",
        "Date: Mon, 1 Jun 2009 10:51:09 +0200", "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64", "", *base64.encodebytes(plain.encode()).decode().splitlines(), "",
        "From ada@example.org Tue Jun  2 10:00:00 2009", "From: Ada <ada@example.org>", "Subject: Second",
        "Date: Tue, 2 Jun 2009 10:00:00 +0200", 'Content-Type: multipart/alternative; boundary="XYZ"', "",
        "This is a multi-part message in MIME format.", "--XYZ", "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable", "", *quopri.encodestring(twin.encode()).decode().splitlines(),
        "--XYZ", "Content-Type: text/html; charset=utf-8", "", "<p>The <b>HTML</b> twin.</p>", "--XYZ--"])
    (seed,) = split_corpus([SeedInput(Seed("list.mbox", tuple(text.split("\n"))), Overrides())], SplitRules())
    first, second = seed.articles
    assert first.body_text.startswith("Hallo zusammen,\ndie Rechnungen für den Verein sind fertig.")
    assert second.body_text == twin
    assert "XYZ" not in first.body_text + second.body_text and "HTML" not in second.body_text
    counted = sum((article.tally for article in seed.articles), LineTally())
    assert counted.prose + counted.metadata + counted.boilerplate == sum(1 for line in text.split("\n") if line.strip())


def test_a_front_matter_block_that_does_not_parse_whole_is_read_field_by_field():
    """A title left unquoted around a colon breaks YAML, and a site generator's own
    value (`rss_pubdate = Date(2025, 1, 3)`) breaks TOML: each field is then read
    alone, and one that still does not parse is the text after its key."""
    text = "\n".join(["---", "title: Python: a tour", "author: Ada Byron", "tags:", "  - python", "date: 2024-02-07",
                      "---", "", paragraph(30),
                      "+++", 'title = "Orbits in Julia"', 'authors = "Grace Hopper"', 'published = "3 January 2025"',
                      "rss_pubdate = Date(2025, 01, 03)", "+++", "", paragraph(30)])
    first, second = articles_of(text, format=Format.MARKDOWN)
    assert (first.title, first.authors, first.date, first.source_tags) == (
        "Python: a tour", ("Ada Byron",), "2024-02-07", ("python",))
    assert (second.title, second.authors, second.date) == ("Orbits in Julia", ("Grace Hopper",), "2025-01-03")


def test_a_block_of_prose_between_rules_is_no_front_matter():
    text = "\n".join(["Intro: what follows is a story.", "", "---", "Note: this part is new.",
                      "It was written later than the rest.", "---", "", paragraph(30)])
    (article,) = articles_of(text, format=Format.MARKDOWN)
    assert article.title != "this part is new."


def test_franklin_def_lines_open_posts_as_front_matter_does():
    """Franklin writes a post's fields as `@def key = value` lines, with no fences,
    and an export may glue them to the end of the post before."""
    posts = [("This Month in Julia (May)", "Stefan Krastanov", "1 June 2025"),
             ("This Month in Julia (June)", "Stefan Krastanov", "1 July 2025"),
             ("A Security Working Group", "Matt Bauman", "4 August 2025")]
    text = "\n".join(f'@def title = "{title}"\n@def authors = "{author}"\n@def published = "{date}"\n'
                     f'@def rss = """A summary"""\n\n{paragraph(40)}\n\n## Details\n\n{paragraph(30)}'
                     for title, author, date in posts)
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("This Month in Julia (May)", ("Stefan Krastanov",), "2025-06-01"),
        ("This Month in Julia (June)", ("Stefan Krastanov",), "2025-07-01"),
        ("A Security Working Group", ("Matt Bauman",), "2025-08-04")]
    assert [b.texts[0] for b in found[0].body if b.kind.value == "heading"] == ["Details"]


def test_the_speakers_of_a_transcript_are_its_authors():
    text = "\n".join(["---", "title: Episode one", "speakers:", "  - Pieter Wuille", "  - Ada Byron",
                      "date: 2020-01-28", "---", "", "Jonas: Welcome to the podcast.", "", paragraph(40)])
    (article,) = articles_of(text, format=Format.MARKDOWN)
    assert article.authors == ("Pieter Wuille", "Ada Byron")


def test_yaml_front_matter_with_a_space_before_its_colons():
    posts = "\n".join(f'---\ntitle : "Recurse Center, 2014-06-{day:02}"\ndate : 2014-06-{day:02}T10:21:06-04:00\n'
                      f'tags : ["haskell"]\n---\n\n{paragraph(40)}' for day in (9, 10, 11))
    found = articles_of(posts, format=Format.MARKDOWN)
    assert [(a.title, a.date, a.source_tags) for a in found] == [
        (f"Recurse Center, 2014-06-{day:02}", f"2014-06-{day:02}", ("haskell",)) for day in (9, 10, 11)]


def test_a_title_and_author_with_no_fences_open_each_chapter():
    """A book's chapters joined into one file, each opening with `title:` and
    `author:` lines and its text right under them: each pair is a header."""
    chapters = "\n".join(f"title: {title}\nauthor: {author}\n<markdown>\n_{author} writes code._\n</markdown>\n"
                          f"{paragraph(60)}\n\n## Introduction\n\n{paragraph(50)}"
                          for title, author in (("Blockcode: A visual toolkit", "Dethe Elza"),
                                                ("A Continuous Integration System", "Malini Das")))
    found = articles_of(chapters, format=Format.MARKDOWN)
    assert [(a.title, a.authors) for a in found] == [
        ("Blockcode: A visual toolkit", ("Dethe Elza",)), ("A Continuous Integration System", ("Malini Das",))]


def test_a_quoted_subject_and_sender_are_no_documents_header():
    text = f"Newsletter\n\n{paragraph(40)}\n\nFrom: reader@example.org\nSubject: looking for a book\n\n{paragraph(30)}"
    assert len(articles_of(text)) == 1


def test_rest_files_joined_with_no_blank_line_keep_their_titles():
    """Newsletter issues in reST joined into one file: an issue's title stands right
    under the link target that ended the issue before."""
    issues = "\n".join(f"#{n:02} - Issue {n}\n##############\n\n:date: 2017-0{n}-23\n\n{paragraph(40)}\n\n"
                        f"News\n====\n\n{paragraph(30)}\n\n.. _`a link`: https://example.org/{n}" for n in (1, 2, 3))
    found = articles_of(issues, format=Format.RST)
    assert [(a.title, a.date) for a in found] == [(f"#{n:02} - Issue {n}", f"2017-0{n}-23") for n in (1, 2, 3)]


def test_design_documents_credit_authors_with_addresses_and_date_their_last_update():
    """Proposals under `# Proposal: …` with `Author:` and `Last updated:` lines:
    an author with an e-mail address is read as the others are, and neither a
    credit in italics nor a subtitle between title and fields hides the date."""
    docs = [("Proposal: Sub-tests", "", "Author: Marcel van Lohuizen",
             "_With input from Sameer Ajmani, Austin Clements, Russ Cox, Bryan Mills and Damien Neil._",
             "Last updated: September 2, 2015"),
            ("Proposal: Dense mark bits", "or, *How I learned to stop worrying and love the bitmap*",
             "Author: Austin Clements", "", "Last updated: 2015-09-30"),
            ("Proposal: A Code of Conduct", "", "Author: Andrew Gerrand <adg@golang.org>", "",
             "Last updated: 17 November 2015")]
    text = "\n\n".join("\n\n".join(part for part in (f"# {title}", subtitle, author, aside, updated) if part)
                       + f"\n\nDiscussion at https://example.org/issue/1.\n\n## Abstract\n\n{paragraph(40)}"
                       for title, subtitle, author, aside, updated in docs)
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Proposal: Sub-tests", ("Marcel van Lohuizen",), "2015-09-02"),
        ("Proposal: Dense mark bits", ("Austin Clements",), "2015-09-30"),
        ("Proposal: A Code of Conduct", ("Andrew Gerrand",), "2015-11-17")]


def test_org_posts_joined_into_one_file_each_open_at_their_keywords():
    posts = "\n\n".join(f"#+TITLE: Garden week {n}\n#+DATE: <2021-0{n}-1{n} Mon>\n#+AUTHOR: Jane Doe\n\n"
                        f"{paragraph(50)}\n\n* A section\n\n{paragraph(30)}" for n in (1, 2, 3))
    found = articles_of(posts, format=Format.ORG)
    assert [(a.title, a.authors, a.date) for a in found] == [
        (f"Garden week {n}", ("Jane Doe",), f"2021-0{n}-1{n}") for n in (1, 2, 3)]


def test_memos_headed_by_fields_in_pre_blocks_each_open_a_document():
    """RFC-like memos in MediaWiki markup joined into one file: each opens with a
    `<pre>` block of indented `Key: value` fields, which is its header, not code;
    its `== Abstract ==` and other sections stay inside it. A `<pre>` of code stays code."""
    memos = "".join(
        f"<pre>\n  BIP: {n}\n  Title: Memo number {n}\n  Authors: Jane Doe <jane@example.org>\n"
        f"           John Roe <john@example.org>\n  Created: 2015-10-1{n % 10}\n  License: PD\n</pre>\n\n"
        f"== Abstract ==\n\n{paragraph(40)}\n\n== Specification ==\n\n{paragraph(50)}\n\n<pre>\n  x: 1\n  y: 2\n</pre>\n\n"
        f"== Rationale ==\n\n{paragraph(30)}\n\n== Copyright ==\n\n{paragraph(12)}\n\n"
        for n in (140, 141, 142))
    found = articles_of(memos, format=Format.WIKI)
    assert [(a.title, a.authors, a.date) for a in found] == [
        (f"Memo number {n}", ("Jane Doe", "John Roe"), f"2015-10-1{n % 10}") for n in (140, 141, 142)]
    assert all("Specification" in [b.texts[0] for b in a.body if b.kind.value == "heading"] for a in found)


def test_front_matter_nested_under_one_key_and_authors_written_as_links():
    """A newsletter's front matter nests its fields (`data:` over `title:` and
    `date:`); a blog's author field is a Markdown link with an affiliation."""
    issues = "\n".join(f"---\ndata:\n  date: 2022-05-{day:02}\n  title: This Week - Issue {n}\n  weight: {n}\n---\n\n"
                       f"{paragraph(40)}\n" for n, day in ((1, 9), (2, 16), (3, 23)))
    found = articles_of(issues, format=Format.MARKDOWN)
    assert [(a.title, a.date) for a in found] == [
        ("This Week - Issue 1", "2022-05-09"), ("This Week - Issue 2", "2022-05-16"), ("This Week - Issue 3", "2022-05-23")]
    posts = "\n".join(f"---\ntitle: Post {n}\nauthor: '{author}'\n---\n\n{paragraph(40)}\n" for n, author in (
        (1, "[Amir Blum](https://github.com/blumamir) (Aspecto)"),
        (2, "[Haochao Zhuang](https://github.com/dmsolr), Fei Han")))
    assert [a.authors for a in articles_of(posts, format=Format.MARKDOWN)] == [
        ("Amir Blum",), ("Haochao Zhuang", "Fei Han")]


def test_proposals_name_authors_with_handles_and_date_them_in_digits():
    """Proposals' front matter names authors with their handles or addresses,
    mixed in one list (`Jane Doe (@jdoe), John Roe <john@…>, et al.`); a wiki's
    field block dates a page in digits alone (`created: 20140103091348509`)."""
    proposals = "\n".join(f"---\neip: {n}\ntitle: Proposal {n}\nauthor: {author}\ncreated: 2015-11-1{n}\n---\n\n"
                           f"{paragraph(40)}\n" for n, author in (
        (1, "Jane Doe (@jdoe)"), (2, "John Roe <john@example.org>, Ada Byron (@ada)"),
        (3, "Grace Hopper <grace@example.org>, et al.")))
    assert [a.authors for a in articles_of(proposals, format=Format.MARKDOWN)] == [
        ("Jane Doe",), ("John Roe", "Ada Byron"), ("Grace Hopper",)]
    tiddlers = "\n\n".join(f"created: 2014010{n}091348509\nmodified: 20240101000000000\ntitle: How to {n}\n"
                             f"type: text/vnd.tiddlywiki\n\n{paragraph(40)}" for n in (3, 4, 5))
    assert [(a.title, a.date) for a in articles_of(tiddlers)] == [
        (f"How to {n}", f"2014-01-0{n}") for n in (3, 4, 5)]


def test_meeting_notes_dated_only_in_the_heading_under_their_front_matter():
    """Notes whose front matter states a title and no date, the date in the
    heading that opens their text (`# Interning meeting 2019-09-27`); a date in
    a heading below the first paragraph dates nothing."""
    notes = "\n".join(f"---\ntitle: Note {n}\ntype: docs\n---\n\n# Design meeting 2019-09-2{n}\n\n{paragraph(40)}\n\n"
                       f"## Follow-up on 2019-10-0{n}\n\n{paragraph(20)}\n" for n in (1, 2, 3))
    notes += f"---\ntitle: Note 4\n---\n\n{paragraph(30)}\n\n## Follow-up on 2019-10-04\n\n{paragraph(20)}\n"
    assert [(a.title, a.date) for a in articles_of(notes, format=Format.MARKDOWN)] == [
        ("Note 1", "2019-09-21"), ("Note 2", "2019-09-22"), ("Note 3", "2019-09-23"), ("Note 4", None)]


def test_stubs_that_only_point_elsewhere_are_set_aside_but_a_dated_note_is_a_post():
    """A repository's moved proposals leave front matter with no title, date or
    author over one line with an address: no posts, set aside and listed. A
    microblog's note of one line with a link states its date: a post."""
    posts = [f"---\neip: {n}\ntitle: Proposal {n}\nauthor: Jane Doe\n---\n\n{paragraph(40)}\n" for n in (1, 2)]
    stubs = [f"---\neip: {n}\nstatus: Moved\n---\n\nThis file was moved to https://example.org/erc-{n}.md\n"
             for n in (20, 55, 67)]
    note = "---\ndate: 2024-03-06\n---\n\nReading https://example.org/a-good-essay tonight.\n"
    text = "\n".join([posts[0], *stubs, posts[1], note])
    (split,) = split_corpus([SeedInput(Seed("eips.md", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert [a.title for a in split.articles][:2] == ["Proposal 1", "Proposal 2"]
    assert len(split.articles) == 3 and split.articles[2].date == "2024-03-06"
    assert sum("a stub pointing elsewhere" in reason for _f, _l, reason in split.matter_lines) == 3


def test_a_news_files_releases_under_two_underlined_lines_each_open_an_entry():
    """HarfBuzz-style NEWS: a release's title and its date line underlined
    together, its items after blank lines, lines of API symbols in capitals."""
    def item(words: int) -> str:  # hard-wrapped at 72 columns, as NEWS files are
        return textwrap.fill(paragraph(words), 72, initial_indent="- ", subsequent_indent="  ")

    releases = "\n\n\n".join(
        f"Overview of changes leading to 8.{n}.0\n{day}\n{'=' * 37}\n{item(30)}\n\n"
        f"{item(20)}\n\n- New API\n\n+HB_BUFFER_FLAG_{n}\n+hb_thing_{n}()\n\n{item(25)}"
        for n, day in ((3, "Saturday, November 11, 2023"), (2, "Monday, September 18, 2023"),
                       (1, "Tuesday, August 1, 2023"), (0, "Friday, July 7, 2023")))
    found = articles_of(releases)
    assert [(a.title, a.date) for a in found] == [
        ("Overview of changes leading to 8.3.0", "2023-11-11"), ("Overview of changes leading to 8.2.0", "2023-09-18"),
        ("Overview of changes leading to 8.1.0", "2023-08-01"), ("Overview of changes leading to 8.0.0", "2023-07-07")]


def test_a_short_underline_in_the_mark_of_the_seeds_titles_underlines_a_title():
    """Older releases of a reST NEWS file underlined with `==` only: reST reads
    them as text, a reader as titles like the newer ones, underlined in full."""
    releases = [("dbus 1.14.10 (2023-09-01)", "=" * 25), ("dbus 1.14.8 (2023-06-06)", "=" * 24),
                ("D-Bus 1.11.20 (2017-10-03)", "=="), ("D-Bus 1.11.18 (2017-09-25)", "==")]
    text = "\n\n".join(f"{title}\n{underline}\n\nFixes:\n\n• {paragraph(20)}\n\n• {paragraph(15)}"
                       for title, underline in releases)
    found = articles_of(text, format=Format.RST)
    assert [(a.title, a.date) for a in found] == [
        ("dbus 1.14.10", "2023-09-01"), ("dbus 1.14.8", "2023-06-06"),
        ("D-Bus 1.11.20", "2017-10-03"), ("D-Bus 1.11.18", "2017-09-25")]


def test_patch_releases_one_rank_deeper_open_entries_of_their_own():
    """conventional-changelog puts a patch release one rank under the release
    before it (`### [9.3.2](…) (2021-10-17)` under `## [9.4.0](…)`): each is a
    release of its own; its `### Bug Fixes` stays a section."""
    releases = [("##", "9.4.0", "2021-12-31"), ("###", "9.3.2", "2021-10-17"), ("###", "9.3.1", "2021-07-14"),
                ("##", "9.3.0", "2021-05-04"), ("##", "9.2.0", "2021-04-06")]
    text = "# Changelog\n\nAll notable changes to this project are documented here.\n\n" + "\n\n".join(
        f"{marks} [{version}](https://example.org/compare/v{version}) ({day})\n\n### Bug Fixes\n\n"
        f"* {paragraph(12)}\n* {paragraph(8)}" for marks, version, day in releases)
    found = articles_of(text, format=Format.MARKDOWN)
    assert [(a.title, a.date) for a in found][-5:] == [(version, day) for _marks, version, day in releases]
    assert all([b.texts[0] for b in a.body if b.kind.value == "heading"] == ["Bug Fixes"] for a in found[-5:])
    named = re.sub(r"(?m)^## \[", "## Version [", text)  # (the releases named, the patch releases not)
    assert [a.title for a in articles_of(named, format=Format.MARKDOWN)][-5:] == [
        "Version 9.4.0", "9.3.2", "9.3.1", "Version 9.3.0", "Version 9.2.0"]


def test_releases_named_by_version_alone_are_entries_at_any_rank():
    """An Org changelog whose newest releases sit one rank deeper, under a
    heading for their series (`*** 3.1.0` under `** Series 3`, beside `** DONE
    1.5.0`): each release is an entry; and a release's own items, closed on a
    date (`*** DONE Add a history` with `CLOSED: [...]`), are its changes, not
    posts of their own."""
    def items(stamp: bool) -> str:
        return "\n".join(f"*** DONE {change}\n" + (f"CLOSED: [2017-09-1{n} Tue 10:00]\n" if stamp else "")
                         + f"{paragraph(9)}" for n, change in enumerate(
                             ["Add a history", "Fix the scrolling", "Support bookmarks", "Add hints",
                              "Speed up search"]))
    text = ("#+TODO: TASK | DONE\n\n* Release Timeline\n\n" + paragraph(15) + "\n\n** Series 3\n\n"
            + "".join(f"*** {version}\n\n- {paragraph(20)}\n- {paragraph(25)}\n\n"
                      for version in ("3.1.0", "3.0.0", "3-pre-release-2", "3-pre-release-1"))
            + "".join(f"** DONE {version}\n{items(version.startswith('0'))}\n\n"
                      for version in ("1.5.0", "1.4.0", "0.02", "0.01")))
    found = articles_of(text, format=Format.ORG)
    assert [a.title for a in found if a.words > 20] == [
        "3.1.0", "3.0.0", "3-pre-release-2", "3-pre-release-1", "1.5.0", "1.4.0", "0.02", "0.01"]
    # A series' heading (`# 2.x`) or a month's (`# 2024-03`) is no release: what it holds are entries.
    series = "\n".join(f"# {major}.x\n\n" + "".join(f"## {major}.{minor}.0 (20{20 + major}-0{minor + 1}-01)\n\n"
                                                    f"- {paragraph(20)}\n\n" for minor in range(4, -1, -1))
                       for major in (2, 1))
    assert len(articles_of(series, format=Format.MARKDOWN)) == 10
    months = "\n".join(f"# 2024-0{month}\n\n" + "".join(f"## 2024-0{month}-{day:02d} Notes on topic {day}\n\n"
                                                         f"{paragraph(60)}\n\n" for day in (28, 21, 14, 7, 2))
                       for month in (3, 2))
    assert len(articles_of(months, format=Format.MARKDOWN)) == 10


def test_a_section_naming_the_release_it_follows_stays_a_section():
    """Release announcements in reST, one rank-2 section of each citing the
    release before it with its date (`Highlights of the changes (since 5.6
    released Nov, 2016)`): the section does not open as the releases do, so it
    is no release of its own."""
    posts = [("Tool 5.7 - two in one release", "5.6 released Nov, 2016"),
             ("Tool 5.8 dual release", "5.7 released March, 2017"),
             ("Tool 5.9 dual release", "5.8 released June, 2017")]

    def post(title: str, since: str) -> str:
        highlights = f"Highlights of the changes (since {since})"
        return (f"{'=' * len(title)}\n{title}\n{'=' * len(title)}\n\n{paragraph(60)}\n\n"
                f"{highlights}\n{'=' * len(highlights)}\n\n* {paragraph(30)}\n* {paragraph(30)}\n")
    found = articles_of("\n".join(post(*p) for p in posts), format=Format.RST)
    assert [a.title for a in found] == [title for title, _since in posts]


def test_a_roman_numeral_printed_with_a_space_in_it_is_numbering_not_a_label():
    """`LX VII -- To JANE` (letter 67, its numeral split by the typesetter) is
    titled as `LX -- To JANE` is; `Chapter 4` is still a label, and a word
    in lower case is never a numeral."""
    assert reader_title("LX VII -- To JANE") == ("To JANE", None)
    assert reader_title("XC IV. The Last Letter") == ("The Last Letter", None)
    assert reader_title("Chapter 4: The Storm") == ("The Storm", "Chapter 4")
    assert reader_title("Mix Civil -- War")[0] == "Mix Civil -- War"
    assert reader_title("VLC CLI: streaming from the terminal")[0] == "VLC CLI: streaming from the terminal"
    assert reader_title("XL CLI -- editing huge sheets")[0] == "XL CLI -- editing huge sheets"


def test_an_asciidoc_books_colophon_is_set_aside_and_its_numbered_adventures_titled():
    """An AsciiDoc book: a `[colophon]` section headed `Copyright` (the edition's
    notice) before its stories, each headed `ADVENTURE I. THE …` (its number a
    label like `Chapter 4`'s), 12,000 words in all. The colophon is no article;
    each story is titled by its name."""
    colophon = ("[colophon]\n== Copyright\n\nThis edition is kept by a volunteer project.\n\n"
                "This work is in the public domain.\n\nReport problems to the project's tracker.\n\n"
                "Cover art (C) 2013 A. Painter.\n\n")
    stories = "\n\n".join(f"== ADVENTURE {numeral}. THE {name} CASE\n\n" + "\n\n".join([paragraph(400)] * 10)
                          for numeral, name in (("I", "RED"), ("II", "BLUE"), ("III", "GREEN")))
    text = f"= Cases\nAn Author\n:toc:\n\n{colophon}{stories}\n"
    book = split_corpus([SeedInput(Seed("cases.adoc", tuple(text.split("\n"))), Overrides())], SplitRules())[0]
    assert [(a.title, a.label) for a in book.articles] == [
        ("The Red Case", "Adventure I"), ("The Blue Case", "Adventure II"), ("The Green Case", "Adventure III")]
    assert reader_title("Sketch 3: The Miller") == ("The Miller", "Sketch 3")
    assert reader_title("Toy Story 3")[0] == "Toy Story 3"
    assert reader_title("Sermon 12 | The Last Word") == ("The Last Word", "Sermon 12")
    units = asciidoc.read(Seed("cases.adoc", tuple(text.split("\n"))))  # (a section style over a section's title)
    assert any(unit.role is Role.HEADING and unit.text == "Copyright" for unit in units)
