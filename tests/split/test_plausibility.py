"""Never collapse (issue 20): no whole-file bet. A seed whose first reading
splits it implausibly (a large file in a few pieces, one piece holding most of
its headings, many identical titles, most of it set aside) is read again in
the other formats its content shows and a rank deeper, and the reading that
looks right is taken; the readings weighed are kept for `explain`."""

from __future__ import annotations

import itertools
import random

from helpers import paragraph

from corpus_browser.config import BuildConfig, SplitRules
from corpus_browser.model import Format, Overrides, Seed, SeedInput
from corpus_browser.pipeline.build import gather
from corpus_browser.split import split_corpus
from corpus_browser.split.explain import explain_seed


def split(text: str, name: str):
    (found,) = split_corpus([SeedInput(Seed(name, tuple(text.split("\n"))), Overrides())], SplitRules())
    return found


QUOTED_THREAD = """\
A reader sent me the thread that started it all:

From: Alice Example <alice@example.org>
Date: Mon, 4 Jul 2005 09:00:00 +0000
Subject: Re: the garden plans

Are we still planting on Saturday?

From: Bob Example <bob@example.org>
Date: Mon, 4 Jul 2005 10:00:00 +0000
Subject: Re: the garden plans

Yes, bring the seed trays.
"""


def essays(count: int, words: int) -> str:
    return "\n\n".join(f"# Essay Number {n} on Patience\n\n" + "\n\n".join(paragraph(words // 3) for _ in range(3))
                       for n in range(count))


def test_a_quoted_mail_thread_does_not_make_an_essay_collection_a_mail_archive():
    text = essays(30, 360) + "\n\n# The Thread\n\n" + QUOTED_THREAD + "\n\n" + essays(30, 360)
    found = split(text, "essays.md")
    assert found.format is Format.MARKDOWN
    assert len(found.articles) == 61
    first, *weighed = found.readings
    assert first.format is Format.MARKDOWN and not first.reasons
    assert any(reading.format is Format.MAIL and reading.reasons for reading in weighed)
    explained = explain_seed(found)
    assert "readings weighed" in explained and "mail" in explained


def test_a_boxed_table_does_not_make_a_book_restructured_text():
    chapters = "\n\n\n\n".join(f"CHAPTER TITLE NUMBER {n}\n\n" + "\n\n".join(paragraph(120) for _ in range(6))
                               for n in range(30))
    adverts = ("\n\n\n\nBOOKS BY THE SAME PUBLISHER\n\n"
               "---------------------------------\n| By Jane Smith | Price 2s. 6d. |\n"
               "---------------------------------\n| By John Roe   | Price 3s.     |\n"
               "---------------------------------\n")
    found = split(chapters + adverts, "book.txt")
    assert found.format is Format.TEXT
    assert len(found.articles) >= 30


def test_a_plausible_split_is_read_once():
    found = split(essays(8, 300), "essays.md")
    assert len(found.readings) == 1 and not found.doubts


def test_a_seed_whose_split_still_looks_wrong_is_named_in_the_build_warnings(tmp_path):
    """No reading splits 25,000 words without a heading or a break: the build still
    makes its page, and warns, naming the seed and the command that shows more."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wall.txt").write_text(" ".join(paragraph(500) for _ in range(50)) + "\n", encoding="utf-8")
    (seeds / "fine.txt").write_text(f"A Fine Piece\n\n{paragraph(80)}\n", encoding="utf-8")
    corpus = gather(BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs", themes_file=tmp_path / "none.yml"))
    assert len(corpus.articles) == 2
    assert corpus.warnings == ()
    [warning] = corpus.doubts
    assert warning.path == str(seeds / "wall.txt") and "\n" not in str(warning)
    assert "words in 1 piece" in str(warning) and "build_docs.py explain wall.txt" in str(warning)
    assert [seed.doubts != () for seed in corpus.seeds] == [False, True]


def test_a_few_pieces_sharing_one_title_are_doubted_and_never_read_as_one():
    """Episodes with no title of their own, three holding a `## Sponsors` section:
    three of four pieces share a title, which the self-check doubts however few
    the pieces; a reading that makes the whole file one piece is no better guess,
    so the split stays as it is and the seed is named."""
    episodes = "\n\n".join("\n\n".join(paragraph(60) for _ in range(8))
                           + ("\n\n## Sponsors\n\n" + paragraph(40) if n else "") for n in range(4))
    found = split(episodes, "episodes.md")
    assert len(found.articles) == 4
    assert found.doubts == ("3 of 4 titles are 'sponsors'",)


def test_meeting_notes_under_one_title_are_told_apart_by_their_dates():
    """A team's weekly notes, each under `# Team meeting agenda` with a `* Meeting
    date:` line and the same sections: the dates tell the titles apart, so the
    split at the top rank is taken, not one at the sections; and the first
    meeting, whose lines name the sections of every later one, is no contents list."""
    meetings = "\n\n".join(
        f"# Team meeting agenda\n\n* Meeting date: 2020-{month:02}-14\n\n## Attendance\n\n{paragraph(12)}\n\n"
        f"## Pending proposals\n\n{paragraph(60)}\n\n## Nominated issues\n\n{paragraph(50)}" for month in range(1, 7))
    found = split(meetings, "minutes.md")
    assert found.doubts == ()
    assert [(article.title, article.date) for article in found.articles] == [
        ("Team meeting agenda", f"2020-{month:02}-14") for month in range(1, 7)]


def test_titles_that_end_in_a_colon_are_doubted():
    """A transcript's speaker turns (`**Jane Doe:**`) taken for titles lead in to
    what follows and name nothing."""
    turns = "\n\n\n".join(f"**Jane Doe:**\n\n{paragraph(80)}\n\n**John Roe:**\n\n{paragraph(70)}" for _ in range(4))
    found = split(turns, "transcript.txt")
    assert any(doubt.endswith("titles end in a colon") for doubt in found.doubts)


def test_list_items_taken_for_headings_are_doubted():
    """An Org reading of a text whose `* item` lists stand at the start of lines
    gives a piece per item, most with no text at all."""
    lists = "\n\n".join(f"{paragraph(40)}\n\n* compliant\n* fast\n* secure\n* stable\n\n** nested" for _ in range(4))
    text = f"#+title: Notes\n\n{lists}"
    found = split(text, "notes.org")
    assert any(doubt.endswith("pieces hold no text") for doubt in found.doubts), found.doubts


def debian_entry(n: int, suite: str, items: list[str]) -> str:
    listed = "\n".join(f"  * {item}" for item in items)
    return (f"pkg (1:2.{40 - n}.{n % 3}-1) {suite}; urgency=medium\n\n{listed}\n\n"
            f" -- Jane Maintainer <jane.maintainer@users.example.org>  Mon, {n + 1:02d} Feb 2021 10:00:00 +0000")


def test_a_changelog_closed_by_two_comment_lines_is_no_markdown_and_keeps_every_entry():
    """Two `# comment` lines at its end made a Debian-style changelog Markdown, its
    entries all text before the first heading: one page. Read again as text, each
    entry is a page: those naming another suite (`bookworm;` among `unstable;`), and
    those whose one item recurs (set aside as boilerplate) but which are signed."""
    entries = []
    for n in range(40):
        suite = "bookworm-security" if n in (0, 1) else "bookworm" if n == 2 else "unstable"
        items = [f"New upstream release (see RelNotes/2.{n}.0.txt)."] if n % 4 == 3 else [paragraph(20), paragraph(16)]
        entries.append(debian_entry(n, suite, items))
    text = "\n\n".join(entries) + "\n\n# Older entries have been removed from this changelog.\n" \
        "# To read the complete changelog use `apt changelog pkg`.\n"
    found = split(text, "changelog")
    assert found.format is Format.TEXT
    assert [article.title for article in found.articles][:3] == ["pkg 1:2.40.0-1", "pkg 1:2.39.1-1", "pkg 1:2.38.2-1"]
    assert len(found.articles) == 40
    assert all(article.authors == ("Jane Maintainer",) for article in found.articles)
    assert "stand before its first heading" in explain_seed(found)


def test_a_changelog_told_as_rest_by_its_inline_marks_alone_is_read_for_its_layout_too():
    """``literals`` and `links`_ made a changelog reStructuredText, though it has
    no underlined title: one page. Its plain-text reading opens a release at each
    `Version 4.1.1 released 2026-04-24` line; an essay of the same marks and no
    heading stays one article in its markup, and no doubt is raised of it."""
    words = random.Random(7).choices("encoder indent speed wheel build release parser float decimal "
                                     "window linux python tests docs bytes order keys".split(), k=1200)
    releases = [f"Version 4.{n}.0 released 2026-0{n}-0{n}\n\n* Use ``indent=`` in {' '.join(words[n * 130:n * 130 + 60])}.\n"
                f"  See `the issue <https://example.org/{n}>`_.\n* {' '.join(words[n * 130 + 60:n * 130 + 130])}."
                for n in range(9, 0, -1)]
    found = split("\n\n".join(releases), "CHANGES.txt")
    assert found.format is Format.TEXT
    assert [(a.title, a.date) for a in found.articles][:2] == [
        ("Version 4.9.0", "2026-09-09"), ("Version 4.8.0", "2026-08-08")]
    assert len(found.articles) == 9
    prose = random.Random(8).choices("the garden was quiet and we walked along its paths under old trees".split(), k=1400)
    essay = "\n\n".join(f"{' '.join(prose[n * 150:(n + 1) * 150])}. See [the notes](https://example.org/{n}) and "
                          "*more*." for n in range(9))
    (article,) = split(essay, "essay.md").articles
    assert not split(essay, "essay.md").doubts and "[the notes](https://example.org/0)" in article.body[0].markdown


def test_a_page_of_entries_under_sections_under_its_title_and_front_matter_is_read_ranks_deeper():
    """A FAQ kept as one Markdown page: front matter, its title as the one top
    heading, sections in HTML `<h2>` and each entry an `<h3>` whose text
    stands on a line of its own inside a link. As one post it holds every
    heading and over 10,000 words; at its sections, the first holds most of
    them. Read a rank deeper with no document opened by its front matter, each
    entry is an article, its section the label, never the end of the entry
    above; the contents list naming the sections leaves the last one's
    entries in place."""
    sections = ["The Project", "Speed and Size", "Syntax Rules", "Number Types", "Text Strings"]
    questions = [f"Feature {chr(65 + n)} in part {m}" for n in range(10) for m in range(3)]  # (not asked: titled)
    bounds = list(itertools.accumulate([0, 25, 1, 1, 1, 2]))  # the entries of each section
    contents = '<div id="toc">\n    <ol>\n' + "".join(
        f'        <li><a href="#s{s}">{section}</a></li>\n' for s, section in enumerate(sections)) + "    </ol>\n</div>"
    text = "---\nlayout: faq\ntitle: Frequently Asked Questions\n---\n\n# Frequently Asked Questions\n\n" \
        + paragraph(8) + "\n\n" + contents + "\n\n" + "\n\n".join(
            f'<h2 id="s{s}">{section}</h2>\n\n' + "\n\n".join(
                f'<h3><a href="#q{s}{q}" name="q{s}{q}">\n{question}\n</a></h3>\n\n'
                + "\n\n".join(paragraph(120) for _ in range(3))
                for q, question in enumerate(questions[bounds[s]:bounds[s + 1]]))
            for s, section in enumerate(sections))
    found = split(text, "faq.md")
    assert [(article.title, article.section) for article in found.articles] == [
        (question, section) for s, section in enumerate(sections) for question in questions[bounds[s]:bounds[s + 1]]]
    assert found.readings[0].deeper and not found.readings[0].records


def test_a_long_handbook_as_one_post_is_read_at_its_chapters_not_their_sections():
    """A handbook of over 10,000 words kept as one Markdown post: doubted as one
    piece, it is read at the shallowest level that looks right, its chapters,
    though its sections would make more pieces."""
    chapters = [f"Chapter on Topic {chr(65 + n)}" for n in range(6)]
    text = "---\ntitle: The Handbook\n---\n\n# The Handbook\n\n" + "\n\n".join(
        f"## {chapter}\n\n" + "\n\n".join(f"### Step {m} of {chapter}\n\n{paragraph(150)}\n\n{paragraph(150)}"
                                         for m in range(6))
        for chapter in chapters)
    found = split(text, "handbook.md")
    assert [article.title for article in found.articles] == chapters


def test_one_piece_holding_much_of_a_large_file_is_doubted_and_beats_no_split_at_all():
    """A `.md` file with no Markdown in it: read as Markdown, one piece; read as
    text, five, the last of which holds most of its words, as when a layout's
    last titles were not read. That split is doubted (the build names the seed),
    and it is still taken over the one piece: no reading looks right, and it is
    the one that splits the file and scores best."""
    names = ["THE FIRST NOTE", "THE SECOND NOTE", "THE THIRD NOTE", "THE FOURTH NOTE", "THE LONG REVIEW"]
    bodies = [[paragraph(250) for _ in range(3)] for _ in range(4)] + [[paragraph(250) for _ in range(40)]]
    text = "\n\n\n\n".join(f"{name}\n\n" + "\n\n".join(body) for name, body in zip(names, bodies)) + "\n"
    found = split(text, "issue.md")
    assert [a.title for a in found.articles] == [name.title() for name in names]
    assert found.doubts == ("one of its 5 pieces holds 77% of its 13,000 words",)
    assert [reading.format for reading in found.readings][:2] == [Format.TEXT, Format.MARKDOWN]


def test_one_long_chapter_of_a_restructuredtext_collection_keeps_every_chapter_whole():
    """Five essays under `====` titles, each with `----` sections, the third
    longer than the others together: titles its author underlined are the
    file's structure, so no doubt is raised, and no other reading (plain text,
    which would cut every essay at its sections) is weighed."""
    def essay(title: str, sections: int, paragraphs: int) -> str:
        parts = [f"{title}\n{'=' * len(title)}\n\n{paragraph(200)}"]
        parts += [f"Part {n}\n------\n\n" + "\n\n".join(paragraph(200) for _ in range(paragraphs))
                  for n in range(1, sections + 1)]
        return "\n\n".join(parts)
    titles = ["The Mill", "The River", "A History of the Farms", "The Hills", "The Clouds"]
    text = "\n\n".join(essay(title, 2 if n != 2 else 6, 2 if n != 2 else 6) for n, title in enumerate(titles)) + "\n"
    found = split(text, "essays.rst")
    assert [a.title for a in found.articles] == titles
    assert not found.doubts and len(found.readings) == 1
