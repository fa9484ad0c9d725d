"""Each plain-text seed's own structure: the article level, front and back matter,
and the article header template, on small made-up dumps of each pattern."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pytest
from helpers import articles_of, paragraph, segment_texts

from corpus_browser.config import SplitRules
from corpus_browser.enrich.authors import normalize_name
from corpus_browser.model import BlockKind, Format, Overrides, Role, Seed, SeedInput
from corpus_browser.split import split_corpus
from corpus_browser.split.readers.paragraphs import UnitBuilder


def people(article) -> tuple[str, ...]:
    """The article's authors as the authors stage spells them (case eased)."""
    return tuple(normalize_name(name) for name in article.authors)

BLANKS = {n: "\n" * (n + 1) for n in range(1, 8)}


def book(*pieces: tuple[int, str]) -> str:
    """A text of pieces, each after `n` blank lines."""
    return "".join(BLANKS[n] + text if i else text for i, (n, text) in enumerate(pieces)) + "\n"


def sectioned(title: str, *sections: str, words: int = 80) -> str:
    """An article: its title, a paragraph, and CAPS sections after two blank lines."""
    parts = [title + "\n\n" + paragraph(words)]
    parts += [f"\n\n\n{section}\n\n{paragraph(words)}" for section in sections]
    return "".join(parts)


def test_a_books_titles_in_sentence_case_set_apart_by_blank_lines_open_its_stories():
    """A German book as Project Gutenberg has it: its title page (`EIN LANDARZT`
    after two blank lines, `INHALT` after three, over its contents), then each
    story's title in sentence case closed by a full stop (`Der neue Advokat.`),
    four blank lines before it and two after; a short paragraph of one sentence,
    one blank line from the text around it, is no title. The licence after
    `*** END OF … ***` is a long one, with a framed line of its own further
    down: the end marker still stands where the back wrapper begins."""
    names = ["Der neue Advokat", "Ein Landarzt", "Auf der Galerie", "Ein altes Blatt", "Vor dem Gesetz",
             "Schakale und Araber"]
    front = "FRANZ KAFKA\n\n\nEIN LANDARZT\n\nKLEINE ERZÄHLUNGEN\n\n\n\nINHALT\n\n" + "\n\n".join(
        f"{name}   {n * 7 + 1}" for n, name in enumerate(names))
    stories = [(4, f"{name}.\n\n\n{paragraph(150)}\n\nEr ging.\n\n{paragraph(100)}") for name in names]
    licence = "\n\n".join(paragraph(12) for _ in range(30))
    text = ("The Project Gutenberg EBook of Ein Landarzt\n\n*** START OF THIS PROJECT GUTENBERG EBOOK ***\n\n\n\n"
            + book((0, front), *stories) + "\n\n\n\n*** END OF THIS PROJECT GUTENBERG EBOOK ***\n\n"
            + f"{licence}\n\n*** START: FULL LICENSE ***\n\n{paragraph(20)}\n")
    (item,) = segment_texts(text)
    assert [segment.units[0].text for segment in item.segments] == [f"{name}." for name in names]
    decorated = book((0, f"=== Weekly Club Newsletter ===\n\n{paragraph(80)}"),
                     *((3, f"{name.upper()}\n\n{paragraph(150)}") for name in names[:4]),
                     (3, f"=== Sports ===\n\n{paragraph(40)}"), (3, f"FOOTBALL RESULTS\n\n{paragraph(150)}"),
                     (3, f"=== Classifieds ===\n\n{paragraph(40)}"), (3, f"BICYCLE FOR SALE\n\n{paragraph(60)}"))
    titles = [segment.units[0].text for segment in segment_texts(decorated)[0].segments]
    assert "BICYCLE FOR SALE" in titles  # framed headings all through are no wrapper, however late they stand
    assert item.layout.article_break == 4  # the title page's headings, over no prose, are no level of their own
    reasons = [reason for _first, _last, reason in item.matter_lines]
    assert any("back wrapper" in reason for reason in reasons) and any("contents list" in reason for reason in reasons)


def test_who_produced_the_e_text_is_part_of_the_wrapper_not_of_the_first_piece():
    """Under a library's opening marker, the e-text's producers (`Credits: …`,
    `Produced by …`) go with the wrapper, whatever stands under them (a
    periodical's masthead, which would make a page with them), and the
    pieces follow."""
    pieces = [(3, f"{title}\n\n{paragraph(150)}\n\n{paragraph(90)}") for title in ("ON BELLS.", "ON BOOKS.", "ON TOWERS.")]
    for credits in ("Credits: Ada Byron, Grace Hopper and the Distributed Proofreaders.",
                    "Produced by Ada Byron, Grace Hopper and the Online Distributed\nProofreading Team."):
        text = ("The EBook of The Weekly, by Various\n\n*** START OF THIS EBOOK THE WEEKLY ***\n\n\n\n"
                f"{credits}\n\n\n\nTHE WEEKLY.\n\n\n" + book(*pieces))
        (item,) = segment_texts(text)
        assert [segment.units[0].text for segment in item.segments] == ["ON BELLS.", "ON BOOKS.", "ON TOWERS."]
        wrapper = next(last for first, last, reason in item.matter_lines if reason.startswith("front wrapper"))
        assert wrapper >= 7  # (the credits' line, under the marker's)


def test_titles_after_the_seeds_long_break_are_articles_and_weaker_breaks_sections():
    text = book((0, sectioned("THE FIRST TALE", "A CAPS SECTION")), (4, sectioned("THE SECOND TALE", "ANOTHER SECTION")),
                (4, sectioned("THE THIRD TALE", "THIRD SECTION")), (4, sectioned("THE FOURTH TALE")))
    found = articles_of(text)
    assert [a.title for a in found] == ["The First Tale", "The Second Tale", "The Third Tale", "The Fourth Tale"]
    assert [b.texts[0] for b in found[0].body if b.kind.value == "heading"] == ["A CAPS SECTION"]


def test_an_irregular_dump_cuts_at_every_break_longer_than_its_gap():
    text = book((0, f"One\n\n{paragraph(60)}"), (3, f"Two\n\n{paragraph(60)}"), (2, f"Three\n\n{paragraph(60)}"),
                (5, f"Four\n\n{paragraph(60)}"), (3, f"Five\n\n{paragraph(60)}\n\nA Section\n\n{paragraph(60)}"))
    assert [a.title for a in articles_of(text)] == ["One", "Two", "Three", "Four", "Five"]


def test_a_wrapper_fenced_by_framed_markers_is_set_aside_and_counted():
    body = book((0, f"FIRST\n\n{paragraph(60)}"), (4, f"SECOND\n\n{paragraph(60)}"), (4, f"THIRD\n\n{paragraph(60)}"))
    text = ("The eBook of Things, by Someone\n\nRelease Date: 2001\n\n*** START OF THE EBOOK ***\n\n\n\n"
            + body + "\n\n\n\nEnd of the eBook of Things\n\n*** END OF THE EBOOK ***\n\nLicence text here.\n")
    (item,) = segment_texts(text)
    assert [segment.units[0].text for segment in item.segments] == ["FIRST", "SECOND", "THIRD"]
    set_aside = {aside.text for aside in item.matter}
    assert {"*** START OF THE EBOOK ***", "End of the eBook of Things", "Licence text here."} <= set_aside
    non_blank = sum(1 for line in text.split("\n") if line.strip())
    counted = sum(unit.line_count for segment in item.segments for unit in segment.units)
    assert counted + sum(aside.last - aside.first + 1 for aside in item.matter) == non_blank


def test_a_contents_list_confirms_titles_and_is_front_matter():
    tales = [(4, f"THE {name} TALE\n\n{paragraph(60)}") for name in ("RED", "GREEN", "BLUE")]
    contents = "CONTENTS:\n\n     THE RED TALE\n     THE GREEN TALE\n     THE BLUE TALE"
    (item,) = segment_texts(book((0, contents), *tales))
    assert [segment.units[0].text for segment in item.segments] == ["THE RED TALE", "THE GREEN TALE", "THE BLUE TALE"]
    assert any("contents list" in reason for _first, _last, reason in item.matter_lines)


def test_a_one_word_title_the_contents_list_dates_is_no_back_matter():
    """`GIDEON (1914)` in the contents names the story `GIDEON`: a one-word title
    counts beside numbers, so the last story is not cut off as back matter."""
    names = ("THE RED TALE", "THE GREEN TALE", "THE BLUE TALE", "GIDEON")
    tales = [(4, f"{name}\n\n{paragraph(80)}") for name in names]
    contents = "CONTENTS\n\n" + "\n".join(f"     {name} (19{n}4)" for n, name in enumerate(names))
    assert [a.title for a in articles_of(book((0, contents), *tales))] == [
        "The Red Tale", "The Green Tale", "The Blue Tale", "Gideon"]


def test_a_contents_list_at_the_back_names_the_titles_before_it_and_their_subtitles_open_nothing():
    """A French book's `TABLE` at its end lists its letters: it is set aside, and
    `CONTE DE NOËL.` under `LES TROIS MESSES BASSES.` (the title the list names)
    is that letter's subtitle, not a letter of its own. A line in lower case
    after a row of stars, in a book whose titles stand in capitals after three
    blank lines, opens a scene of the letter, not a letter."""
    scene = f"{paragraph(190)}\n\n       *       *       *       *       *\n\nAdieu, Gringoire!\n\n{paragraph(60)}"
    titles = ["Installation.", "La chèvre de M. Seguin.", "Les trois messes basses.", "Les étoiles.", "L'Arlésienne.",
              "Le curé de Cucugnan.", "Les vieux.", "Les douaniers.", "Le phare des Sanguinaires.", "Les deux auberges.",
              "Le poète Mistral.", "Nostalgies de caserne."]
    parts = f"I\n\n{paragraph(120)}\n\n\nII\n\n{paragraph(120)}"  # numbered parts after two blank lines
    bodies = [paragraph(220), scene, f"\nCONTE DE NOËL.\n\n{parts}", *[paragraph(210)] * 9]
    letters = [(3, f"{title.upper()}\n\n{body}") for title, body in zip(titles, bodies)]
    table = (4, "TABLE\n\n\n" + "\n".join(titles))
    item, = segment_texts(book(*letters, table))
    assert [segment.units[0].text for segment in item.segments] == [title.upper() for title in titles]
    assert any("contents list (12 earlier titles)" in reason for _first, _last, reason in item.matter_lines)


def test_an_alternative_title_under_or_is_the_titles_and_the_byline_under_it_names_the_author():
    """`THE HAUNTED AND THE HAUNTERS` / `OR,` / `THE HOUSE AND THE BRAIN` / `BY
    EDWARD BULWER-LYTTON`, in an anthology whose stories stand after four blank
    lines: one story, by its author, under its first title."""
    names = ["THE RED ROOM", "THE HAUNTED AND THE HAUNTERS\n\nOR,\n\nTHE HOUSE AND THE BRAIN", "THE SILENT WOMAN",
             "THE MONKEY'S PAW", "THE BOTTLE IMP"]
    authors = ["H. G. WELLS", "EDWARD BULWER-LYTTON", "LEOPOLD KOMPERT", "W. W. JACOBS", "R. L. STEVENSON"]
    stories = [(4, f"{name}\n\nBY {author}\n\n\n{paragraph(200)}\n\n{paragraph(150)}")
               for name, author in zip(names, authors)]
    found = articles_of(book(*stories))
    assert [(a.title, a.authors) for a in found][:3] == [
        ("The Red Room", ("H. G. WELLS",)), ("The Haunted and the Haunters", ("EDWARD BULWER-LYTTON",)),
        ("The Silent Woman", ("LEOPOLD KOMPERT",))]
    assert len(found) == 5


def test_a_release_of_one_sentence_in_a_log_of_unbroken_lists_is_no_title_over_nothing():
    """A changelog whose releases hold lists with no blank line between their
    items (its usual gap none), the oldest one sentence each after one blank
    line: that sentence is the release's text, not a title leaving the release
    over nothing."""
    lists = [f"3.{n}.0 (2022-0{n}-17)\n-----------------\nOAuth2.0 Provider:\n* {paragraph(8)}\n* {paragraph(6)}\n"
             f"* {paragraph(7)}\n" for n in range(9, 0, -1)]
    short = [f"0.{n}.0\n-----\n\nOAuth 2 Provider support (experimental).\n" for n in range(6, 0, -1)]
    found = articles_of("Changelog\n=========\n\n" + "\n".join(lists + short))
    assert [a.title for a in found][-6:] == [f"0.{n}.0" for n in range(6, 0, -1)]


def test_a_text_faq_numbered_from_one_gives_each_question_a_page_of_its_own():
    """A FAQ in plain text: a centred title, a note, then questions numbered 1,
    2, 3 … (one running on to a second line, one to a third), each over its
    indented answer: some answers a line alone, the first two too (not a
    title over nothing, nor front matter), one a list numbered from 1 of its
    own, counting past the next question's number. A list numbered inside
    one essay stays its text."""
    questions = [f"Is it question number {n}?" for n in range(1, 11)]
    answers = ["Yes. It doesn't handle dates.", "No. Please read the licence.", paragraph(30), paragraph(40)] * 3
    answers[2] = f"{paragraph(20)}\n\n" + "\n\n".join(f"{n}. {step}" for n, step in enumerate(
        ["Stop it.", "Start it again.", "Wait a while.", "Check the log."], 1)) + f"\n\n{paragraph(20)}"
    entries = [f"{n:>2}. {q}\n\n" + "\n\n".join(textwrap.indent(textwrap.fill(part, 72), "    ")
                                                for part in a.split("\n\n"))
               for n, (q, a) in enumerate(zip(questions, answers), 1)]
    entries[4] = entries[4].replace("?", " and, running on to the\n    next line, also this one?", 1)
    long = (" of them all, one that runs on for quite a while as the longer\n    questions do, and"
            " goes on to a second line of its own, then to a\n    third, the last?")
    entries[8] = entries[8].replace("?", long, 1)
    text = "\n               Frequently Asked Questions\n\n\nSee the home page for more.\n\n\n" + "\n\n".join(entries)
    found = articles_of(text)
    assert [a.title for a in found][-10:][:4] == questions[:4] and len(found) >= 10
    assert [a.title for a in found][-2:] == [questions[8][:-1] + " " + " ".join(long.split()), questions[9]]
    essay = f"An Essay\n\n{paragraph(80)}\n\n" + "\n".join(f"{n}. A reason, number {n}?" for n in range(1, 9)) \
        + f"\n\n{paragraph(80)}"
    assert len(articles_of(essay)) == 1


def test_a_witness_answering_yes_to_question_after_question_opens_no_article():
    """A trial's record, a day after four blank lines: `LAHOUSEN: Yes.` under a
    question and again under the next is a turn of the transcript, not a title
    repeated around its subtitle."""
    names = ["SEVENTH DAY", "EIGHTH DAY", "NINTH DAY", "TENTH DAY", "ELEVENTH DAY"]

    def day(name: str) -> str:
        turns = "\n\n".join(f"DR. NELTE: {paragraph(12)}?\n\nLAHOUSEN: Yes." for _ in range(4))
        return f"{name}\n\n\n{paragraph(120)}\n\n{turns}\n\n{paragraph(150)}"
    found = articles_of(book(*((4, day(name)) for name in names)))
    assert [a.title for a in found] == [name.title() for name in names]


def test_what_follows_an_advertisements_heading_at_the_back_is_back_matter():
    """A weekly's last pages, under `ADVERTISEMENTS.`: terms of subscription,
    offers and book notices in capitals, none of them an article."""
    stories = [(4, f"{name}\n\nBY A. WRITER.\n\n{paragraph(150)}\n\n{paragraph(120)}")
               for name in ("THE RED TALE", "THE GREEN TALE", "THE BLUE TALE")]
    adverts = [(4, "ADVERTISEMENTS."), (4, f"THE WEEKLY.\n\n{paragraph(30)}\n\n  SINGLE COPIES    $0.04"),
               (4, f"A LIBERAL OFFER FOR 1880 ONLY.\n\n{paragraph(25)}"), (4, f"FRAGRANT\n\nSOZODONT\n\n{paragraph(40)}")]
    item, = segment_texts(book(*stories, *adverts))
    assert [segment.units[0].text for segment in item.segments] == ["THE RED TALE", "THE GREEN TALE", "THE BLUE TALE"]
    assert any("advertisements" in reason for _first, _last, reason in item.matter_lines)
    notes = (4, "NOTES.\n\n[1] A note on the first tale.\n\n[2] A note on the second.\n\n[3] A third note.")
    item, = segment_texts(book(*stories, *adverts, notes))  # the notes among the adverts: set aside once
    ranges = sorted((first, last) for first, last, _reason in item.matter_lines)
    assert all(last < first for (_, last), (first, _) in zip(ranges, ranges[1:]))


def test_a_section_on_advertising_is_no_advertisements():
    """A handbook's `ADVERTISING` section, in its second half, is one of its
    articles: only a heading over the publisher's advertisements starts them."""
    names = ["INTRODUCTION", "PRICING", "BRANDING", "ADVERTISING", "SALES", "CONCLUSION"]
    found = articles_of(book(*((4, f"{name}\n\n{paragraph(110)}\n\n{paragraph(100)}") for name in names)))
    assert [a.title for a in found] == [name.title() for name in names]


def test_a_short_title_page_before_the_first_article_is_front_matter_but_a_short_seed_is_an_article():
    text = book((0, "COLLECTED PIECES\n\nBy A. N. Author"), (5, f"FIRST PIECE\n\n{paragraph(150)}"),
                (4, f"SECOND PIECE\n\n{paragraph(150)}"), (4, f"THIRD PIECE\n\n{paragraph(150)}"))
    assert [a.title for a in articles_of(text)] == ["First Piece", "Second Piece", "Third Piece"]
    (short,) = articles_of(f"A Note\n\n{paragraph(20)}")
    assert short.title == "A Note"


def test_endnotes_after_the_last_article_are_back_matter():
    pieces = [(4, f"PIECE {name}\n\n{paragraph(80)}") for name in ("ONE", "TWO", "THREE")]
    notes = "FOOTNOTES\n\n\n{1} A note.\n\n{2} Another note.\n\n{3} A third."
    assert [a.title for a in articles_of(book(*pieces, (4, notes)))] == ["Piece One", "Piece Two", "Piece Three"]


def test_a_label_heading_is_kept_as_the_label_of_the_name_below_it():
    letters = [(4, f"LETTER {n}\n\n{name}\n\n\n{paragraph(80)}")
               for n, name in (("I", "ON THE SEA"), ("II", "WHAT IS A FARMER"), ("III", "ON SNAKES"))]
    found = articles_of(book(*letters))
    assert [(a.title, a.label) for a in found] == [
        ("On the Sea", "Letter I"), ("What Is a Farmer", "Letter II"), ("On Snakes", "Letter III")]
    assert all(a.description.startswith("This word") for a in found)  # the label is not a description


def test_bare_numerals_number_parts_of_one_piece():
    essay = f"AN ESSAY\n\n\n\nI.\n\n{paragraph(80)}\n\n\n\nII.\n\n{paragraph(80)}"
    text = book((0, essay), (4, f"ANOTHER ESSAY\n\n{paragraph(80)}"), (4, f"A THIRD ESSAY\n\n{paragraph(80)}"))
    assert [a.title for a in articles_of(text)] == ["An Essay", "Another Essay", "A Third Essay"]


def test_lines_of_one_pattern_with_versions_open_the_entries_of_a_log():
    entries = [f"tool ({v}-1) unstable; urgency=medium\n\n  * {paragraph(12)}\n\n"
               f" -- Ada Byron <ada@example.org>  {day}, 0{n} Mar 2021 10:00:00 +0100" for n, (v, day) in
               enumerate((("2.1", "Wed"), ("2.0", "Tue"), ("1.9", "Mon")), start=1)]
    found = articles_of("\n\n".join(entries))
    assert [(a.title, a.authors, a.date) for a in found] == [  # (a Debian upload titled by package and version)
        ("tool 2.1-1", ("Ada Byron",), "2021-03-01"), ("tool 2.0-1", ("Ada Byron",), "2021-03-02"),
        ("tool 1.9-1", ("Ada Byron",), "2021-03-03")]


def test_release_lines_alike_but_for_their_version_are_no_boilerplate():
    """`What's new in tool 2.45.91:` and `What's new in tool 2.45.90:`, one blank
    line from their items, are near-identical but for the version: two releases,
    not a line repeated as a footer would be."""
    versions = ["2.46.0", "2.45.91", "2.45.90", "2.45.1", "2.44.1"]
    releases = [f"What's new in tool {version}:\n\n* {paragraph(14)}\n  {paragraph(5)}\n\n* {paragraph(9)}"
                for version in versions]
    assert [a.title for a in articles_of("\n\n".join(releases))] == [f"What's new in tool {v}" for v in versions]


def test_releases_numbered_down_without_a_version_open_the_entries_of_a_log():
    """`CHANGES WITH 252:`, `CHANGES WITH 251:`, …: a log numbering its releases
    with whole numbers, newest first; a list counting down at the start of its
    lines (`3. …`, `2. …`) is no log."""
    releases = [f"CHANGES WITH {n}:\n\n        * {paragraph(20)}\n\n        * {paragraph(12)}" for n in (252, 251, 250)]
    assert [a.title for a in articles_of("\n\n".join(releases))] == [
        "Changes with 252", "Changes with 251", "Changes with 250"]
    countdown = "\n\n".join(f"{n}. Reason number {n} to read on" if n % 2 else f"{n}. {paragraph(30)}"
                            for n in range(9, 0, -1))
    (post,) = articles_of(f"THE COUNTDOWN\n\n{paragraph(40)}\n\n{countdown}")
    assert post.title == "The Countdown"
    for label in ("#", "No. "):  # a numbering before the number is no release's name
        films = "\n\n".join(f"{label}{n}: The film called {name}\n\n{paragraph(40)}"
                             for n, name in zip(range(9, 0, -1), "Alpha Beta Gamma Delta Eta Theta Iota Kappa Mu".split()))
        assert [a.title for a in articles_of(f"THE BEST FILMS\n\n{paragraph(40)}\n\n{films}")] == ["The Best Films"]


def test_versions_in_brackets_open_entries_but_items_that_name_versions_do_not():
    """A plain-text changelog's `[0.31.2]` lines open its releases, titled without
    the brackets; its items set deeper (`  * Update to Unicode 17.0`) name versions
    too, in a pattern of their own, and open nothing."""
    releases = [f"[{version}]\n\n  * Update to Unicode {unicode} (Ada Byron).\n\n  * {paragraph(30)}\n\n"
                f"  * {paragraph(20)}" for version, unicode in (("0.31.2", "17.0"), ("0.31.1", "16.0"),
                                                                ("0.30.3", "15.1"), ("0.30.2", "14.0"))]
    assert [a.title for a in articles_of("\n\n".join(releases))] == ["0.31.2", "0.31.1", "0.30.3", "0.30.2"]


def test_a_gnu_changelogs_header_lines_open_its_entries_with_author_and_date():
    """`Wed Jun 22 18:04:29 2011  Pat Rankin  <…>` (or an ISO date) over tab-indented
    items; an item naming a release (`* Release 3.1.8: …`) opens nothing."""
    headers = [("Wed Jun 22 18:04:29 2011", "Pat Rankin", "2011-06-22"),
               ("Mon Jun  6 20:38:35 2011", "Arnold D. Robbins", "2011-06-06"),
               ("2010-04-20", "Pat Rankin", "2010-04-20"), ("2009-12-01", "Jane Doe", "2009-12-01")]
    text = "\n\n".join(f"{date}  {name}  <{name.split()[0].casefold()}@example.org>\n\n"
                       f"\t* Release 3.{n}.8: Release tar file made.\n\n\t* vmstest.com ({n}): {paragraph(12)}"
                       for n, (date, name, _day) in enumerate(headers))
    found = articles_of(text)
    assert [(a.authors, a.date) for a in found] == [((name,), day) for _date, name, day in headers]


def test_an_essays_title_over_its_motto_and_its_numbered_repeat_are_one_essay():
    """`     SELF-RELIANCE.` over a verse motto, then `II. SELF-RELIANCE.` over the
    essay: one essay, opening at the first title."""
    motto = "\n".join(f"     {line}" for line in paragraph(60).split(". "))
    essays = [(4, f"     {name}.\n\n{motto}\n\n\n\n\n{numeral}. {name}.\n\n{paragraph(300)}\n\n{paragraph(300)}")
              for numeral, name in (("I", "HISTORY"), ("II", "SELF-RELIANCE"), ("III", "COMPENSATION"))]
    found = articles_of(book(*essays))
    assert [a.title for a in found] == ["History", "Self-Reliance", "Compensation"]
    assert found[1].first_line < found[0].last_line + 10  # from the title above the motto


def test_a_dateline_under_most_titles_gives_the_date_however_wordy():
    speeches = [(4, f"{name} ADDRESS\n\nIN THE CITY OF {city}, MONDAY, MARCH 4, {year}\n\n\n{paragraph(80)}")
                for name, city, year in (("FIRST", "NEW YORK", 1789), ("SECOND", "PHILADELPHIA", 1793),
                                         ("THIRD", "WASHINGTON", 1797))]
    assert [a.date for a in articles_of(book(*speeches))] == ["1789-03-04", "1793-03-04", "1797-03-04"]


def test_key_value_fields_that_recur_under_titles_are_header_fields():
    def story(title: str, name: str, day: int) -> str:
        return (f"{title}\n\nThe Daily Planet\n\nNovember {day}, 2023 Friday 6:01 AM GMT\n\n"
                f"Byline: {name} in Metropolis\nSection: NEWS; Pg. 4\nLength: 523 words\n\n{paragraph(60)}\n\n"
                f"Load-Date: November {day + 1}, 2023\n\nEnd of Document")
    text = "\n\n\n\n".join(story(t, n, d) for t, n, d in (("Storm Hits Town", "Lois Lane", 24),
                                                       ("Mayor Resigns", "Clark Kent", 25),
                                                       ("Bridge Opens", "Jimmy Olsen", 26)))
    found = articles_of(text)
    assert [(a.title, a.authors, a.date) for a in found] == [
        ("Storm Hits Town", ("Lois Lane",), "2023-11-24"), ("Mayor Resigns", ("Clark Kent",), "2023-11-25"),
        ("Bridge Opens", ("Jimmy Olsen",), "2023-11-26")]
    assert all("Section:" not in a.body_text and "Length:" not in a.body_text for a in found)


def test_bylines_with_degrees_honorifics_and_descriptions():
    text = book((0, f"THE FIRST PAPER.\n\nBY THE HON. JOHN WARD DEAN, A.M.\n\n\n{paragraph(80)}"),
                (4, f"THE SECOND PAPER.\n\nBy Helen D. Abbott, Assistant in the Laboratory of the\n"
                    f"College of Medicine.\n\n\n{paragraph(80)}"),
                (4, f"THE THIRD PAPER.\n\nW. N. LOCKINGTON.\n\n\n{paragraph(80)}"))
    assert [people(a) for a in articles_of(text)] == [("John Ward Dean",), ("Helen D. Abbott",), ("W. N. Lockington",)]


def test_a_signature_closing_a_piece_names_its_author_and_date():
    letter = f"A LETTER.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nRICHARD ROE.\n\nNew Harmony, Ind., 27 Feb., 1884."
    reprint = f"A REPRINT.\n\n{paragraph(60)}\n\n{paragraph(40)} The end of it.--_J. Doe, in The Monthly_."
    poem = f"A POEM.\n\n{paragraph(30)}\n\n{paragraph(30)}\n\n_Jane T. Fields, in The Granite Monthly._"
    found = articles_of(book((0, letter), (4, reprint), (4, poem)))
    assert [(people(a), a.date) for a in found] == [
        (("Richard Roe",), "1884-02-27"), (("J. Doe",), None), (("Jane T. Fields",), None)]


def test_a_correspondents_signature_under_notes_initials_or_over_a_place():
    """A periodical's letters, each signed at its foot: a name over a place and a
    date written with stops (`Cambridge, Jan. 10. 1850.`) with the editor's note
    in brackets and footnotes under them, initials written together (`G.H.B.`),
    initials over a place alone (`The Hague.`)."""
    notes = "[We are told by another correspondent that the book was printed twice.]\n\n    [1] In his second volume."
    first = f"A QUERY ON BELLS.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nEDW. VENTRIS.\nCambridge, Jan. 10. 1850.\n\n{notes}"
    second = f"FIELD OF FOOTSTEPS.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nG.H.B."
    third = f"FLAYING OF THIEVES.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nR.V.\nThe Hague."
    fourth = f"AN INTRODUCTION.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nWalter H. Page."  # a name, no place
    fifth = f"A GREETING.\n\n{paragraph(60)}\n\n{paragraph(40)}\n\nMERRY CHRISTMAS.\n\nThe Editors."  # no place
    found = articles_of(book((0, first), (3, second), (3, third), (3, fourth), (3, fifth)))
    assert [(a.authors, a.date) for a in found] == [
        (("EDW. VENTRIS",), "1850-01-10"), (("G.H.B.",), None), (("R.V.",), None), (("Walter H. Page",), None),
        ((), None)]


def test_a_sentence_crediting_the_piece_names_its_authors_and_stays_in_its_text():
    """A newsletter's issue credits its editor after its welcome, a guide its
    writers in its last paragraph; where a byline names the author, it wins."""
    welcome = "Welcome to the weekly digest of the allotment society, with news from every plot and bed."
    issues = "".join(f"---\ntitle: Weekly Digest {n}\n---\n\n{welcome}\n\n"
                     f"This week's issue was edited by [{editor}](https://example.org/{editor}).\n\n"
                     f"## News\n\n{paragraph(60)}\n\n"
                     for n, editor in enumerate(["plotholder", "bedkeeper"], start=1))
    guide = (f"---\ntitle: Composting\nauthor: Ada Byron\n---\n\n{paragraph(60)}\n\n"
             f"This guide was written by Grace Hopper.\n\n"
             f"---\ntitle: Watering\n---\n\n{paragraph(60)}\n\n"
             f"This guide was written by [@grace](https://example.org/grace) with contributions from: "
             f"[@alan](https://example.org/alan)\n")
    found = articles_of(issues + guide, format=Format.MARKDOWN)
    assert [(a.title, a.authors) for a in found] == [
        ("Weekly Digest 1", ("plotholder",)), ("Weekly Digest 2", ("bedkeeper",)), ("Composting", ("Ada Byron",)),
        ("Watering", ("grace",))]
    assert "was edited by" in found[0].body_text and "contributions from" in found[3].body_text


def test_a_headnote_set_deeper_than_the_text_dates_its_piece_but_an_epigraph_does_not():
    """A book of speeches sets the occasion of each under its title, indented
    deeper than the speech: its first full date dates the speech, in prose or in
    capitals over a second line. A chapter's epigraph in quotation marks, its
    source dated, dates nothing; nor does the first of a list's entries set so."""
    def indented(text: str) -> str:
        return textwrap.indent(textwrap.fill(text, 60), " " * 10)
    occasion = indented("An address delivered at a dinner given by the publishers, at the Hotel Brunswick, "
                        "Boston, December 17, 1877.")
    caps = indented("ADDRESS AT THE CLUB LUNCHEON, GIVEN IN HONOR OF THE GUEST AT THE HOTEL, LONDON, JUNE 25, 1907.")
    chair = indented("The chairman, in introducing the speaker, said a word.")
    epigraph = indented("“The frost came early that year, and the river stood still under the ice from the first "
                        "week of the winter until the spring.” Letter of March 3, 1801.")
    speech = textwrap.fill(paragraph(120), 70)
    first = f"THE STORY OF A DINNER\n\n\n\n{occasion}\n\n{speech}"
    second = f"BOOKS AND HATS\n\n\n\n{caps}\n\n{chair}\n\n{speech}"
    third = f"THE LONG WINTER\n\n\n\n{epigraph}\n\n{speech}"
    entries = [indented(f"A BOOK OF ADDRESSES, NUMBER {n}. By Ada Byron. Delivered May {n}, 1861. London: "
                        "A Printer and Son, 1861.") for n in (1, 2)]
    fourth = f"BOOKS RECEIVED\n\n\n\n{entries[0]}\n\n{speech}\n\n{entries[1]}\n\n{speech}"
    found = articles_of(book((0, first), (5, second), (5, third), (5, fourth)))
    assert [(a.title, a.date) for a in found] == [
        ("The Story of a Dinner", "1877-12-17"), ("Books and Hats", "1907-06-25"), ("The Long Winter", None),
        ("Books Received", None)]


def test_a_storys_chapters_under_its_title_are_parts_of_it_not_articles():
    """A magazine's story in chapters: its title, then `CHAPTER I.` two blank
    lines under it, each chapter after two blank lines where the issue's pieces
    stand after four: one article, titled by the story."""
    def chapter(numeral: str) -> str:
        return f"CHAPTER {numeral}.\n\n{textwrap.fill(paragraph(150), 70)}\n\n{textwrap.fill(paragraph(100), 70)}"
    story = "THE GARDEN GATE.\n\n\n" + "\n\n\n".join(chapter(numeral) for numeral in ("I", "II", "III"))
    titles = ["ON WINTER.", "ON BELLS.", "ON TOWERS.", "ON RIVERS.", "ON ROADS."]
    essays = [(4, f"{title}\n\n{textwrap.fill(paragraph(200), 70)}") for title in titles]
    found = articles_of(book(*essays[:2], (4, story), *essays[2:]))
    assert [a.title for a in found] == ["On Winter", "On Bells", "The Garden Gate", "On Towers", "On Rivers", "On Roads"]
    # a novel whose chapters are its articles: the first stays a chapter, under the book's title
    novel = book((0, f"THE GARDEN GATE.\n\n\n{chapter('I')}"), *((4, chapter(numeral)) for numeral in ("II", "III", "IV")))
    assert [a.title for a in articles_of(novel)] == ["Chapter I.", "Chapter II", "Chapter III", "Chapter IV"]


def test_a_release_named_on_the_line_over_its_date_is_titled_by_it_and_dated():
    """A changelog whose releases are named on the line right over their date
    (`tool v5.3 Mai Tai` over `2026-08-15`), rules between them; one release of
    a single short item keeps its date too."""
    rule = "-" * 60
    drinks = ["Mai Tai", "Blue Lagoon", "Sake", "Moscow Mule", "Daiquiri", "Mojito", "Negroni", "Sidecar"]
    names = [f"tool v5.{8 - n} {drink}" for n, drink in enumerate(drinks)]
    days = [f"202{6 - n // 2}-0{8 - n}-1{n}" for n in range(len(drinks))]
    items = [["fix a crash on save"] if n == 2 else [paragraph(12), paragraph(15), paragraph(9)]
             for n in range(len(drinks))]
    text = f"\n\n{rule}\n\n".join(f"{name}\n{day}\n\n" + "\n".join(f"- {item}" for item in release)
                                    for name, day, release in zip(names, days, items)) + "\n"
    found = articles_of(text)
    assert [(a.title, a.date) for a in found] == list(zip(names, days))


def test_a_footnotes_mark_after_a_title_does_not_hide_it():
    """A transcription marks footnotes in braces, after a letter's heading too
    (`LETTER XLI. {399b}`): the heading still opens its letter, without the mark."""
    letters = [(4, f"LETTER {numeral}.{' {' + str(n) + 'a}' if n % 2 else ''}\n\n\n{textwrap.fill(paragraph(150), 70)}")
               for n, numeral in enumerate(["I", "II", "III", "IV", "V", "VI"])]
    assert [a.title.rstrip(".") for a in articles_of(book(*letters))] == [
        "Letter I", "Letter II", "Letter III", "Letter IV", "Letter V", "Letter VI"]


def test_a_date_line_inside_the_body_is_not_the_articles_date():
    text = f"AN ARTICLE\n\n{paragraph(60)}\n\nGroton, Aug. 30, 1773.\n\n{paragraph(60)}"
    (article,) = articles_of(text)
    assert article.date is None


def test_speakers_named_in_titles_that_share_a_template():
    titles = ["GEORGE WASHINGTON, FIRST INAUGURAL ADDRESS", "JOHN ADAMS INAUGURAL ADDRESS",
              "THOMAS JEFFERSON FIRST INAUGURAL ADDRESS", "FRANKLIN D. ROOSEVELT, THIRD INAUGURAL ADDRESS"]
    found = articles_of(book(*((4, f"{title}\n\n{paragraph(80)}") for title in titles)))
    assert [people(a) for a in found] == [("George Washington",), ("John Adams",), ("Thomas Jefferson",),
                                          ("Franklin D. Roosevelt",)]


def test_titles_sharing_a_template_of_common_words_name_no_speaker():
    """`Accessibility Best Practices for Your Project`, `Security Best Practices
    for your Project` and `Finding Users for Your Project` share their end, but
    the text writes `accessibility`, `security`, `best`, `finding` and `users` in
    lower case: no one is named."""
    titles = ["Accessibility Best Practices for Your Project", "Security Best Practices for your Project",
              "Finding Users for Your Project", "Starting an Open Source Project"]
    openings = ["Good accessibility is the best gift to users.", "Security keeps users finding their way safely.",
                "Finding users is the best part of the work.", "Starting well helps with security and accessibility."]
    posts = "\n".join(f"---\ntitle: {title}\norder: {n}\n---\n\n{opening}\n\n{paragraph(80)}\n"
                      for n, (title, opening) in enumerate(zip(titles, openings)))
    found = articles_of(posts, format=Format.MARKDOWN)
    assert [a.title for a in found] == titles
    assert [a.authors for a in found] == [(), (), (), ()]


def test_titles_as_readers_want_them():
    text = book((0, f"“VIRGINIBUS PUERISQUE”\n\n{paragraph(80)}"), (4, f"III.—ON FALLING IN LOVE\n\n{paragraph(80)}"),
                (4, f"HUGHES' NEW MAGNETIC BALANCE.\n\n{paragraph(80)}"), (4, f"GEORGE III AND THE U.S.A.\n\n{paragraph(80)}"))
    assert [a.title for a in articles_of(text)] == [
        "Virginibus Puerisque", "On Falling in Love", "Hughes' New Magnetic Balance", "George III and the U.S.A."]


def test_month_precision_dates_and_weekday_times():
    (month,) = articles_of(f"A Title\n\nNovember 2016\n\n{paragraph(40)}")
    (timed,) = articles_of(f"A Title\n\nNovember 24, 2023 Friday 6:01 AM GMT\n\n{paragraph(40)}")
    assert (month.date, timed.date) == ("2016-11", "2023-11-24")


def test_notes_and_verse_refrains_never_open_articles():
    refrain = "'My darling, this is only a dream.'"
    tale = "\n\n".join([paragraph(40), refrain, paragraph(30), refrain, paragraph(30), refrain, paragraph(30)])
    text = book((0, f"THE TALE\n\n{tale}"), (4, f"THE NEXT TALE\n\n[Illustration: A tree]\n\n{paragraph(60)}"),
                (4, f"THE LAST TALE\n\n{paragraph(60)}"))
    (item,) = segment_texts(text)
    assert [segment.units[0].text for segment in item.segments] == ["THE TALE", "THE NEXT TALE", "THE LAST TALE"]
    assert [unit.role for unit in item.segments[0].units[1:]] == [Role.PROSE] * 7


def test_titles_that_only_number_their_pieces_give_way_to_the_name_under_them():
    days = [(4, f"{n}. {ordinal} Day.\n\n{name}.\n\n\n{paragraph(80)}") for n, ordinal, name in
            ((1, "First", "Christ's Childhood"), (2, "Second", "The Good Shepherd"), (3, "Third", "Little Lambs"))]
    assert [(a.title, a.label) for a in articles_of(book(*days))] == [
        ("Christ's Childhood", "First Day"), ("The Good Shepherd", "Second Day"), ("Little Lambs", "Third Day")]


def test_an_inline_label_is_kept_apart_from_the_title():
    sermons = [(4, f"SERMON {n}.  {name}\n\n\n\n{paragraph(80)}") for n, name in
               (("I", "HOW TO KEEP PASSION WEEK"), ("II", "OBADIAH"), ("III", "THE TRANSFIGURATION"))]
    assert [(a.title, a.label) for a in articles_of(book(*sermons))] == [
        ("How to Keep Passion Week", "Sermon I"), ("Obadiah", "Sermon II"), ("The Transfiguration", "Sermon III")]


def test_key_value_fields_as_list_items_under_titles():
    proposals = [f"# {title}\n\n* Proposal: [SE-000{n}](000{n}.md)\n* Author: [{name}](https://example.org/{n})\n"
                 f"* Status: **Implemented**\n\n## Introduction\n\n{paragraph(60)}\n"
                 for n, (title, name) in enumerate((("Keywords as labels", "Doug Gregor"),
                                                    ("Remove currying", "Joe Groff"),
                                                    ("Remove var", "Joe Pamer")), start=1)]
    found = articles_of("\n".join(proposals), format=Format.MARKDOWN)
    assert [(a.title, a.authors) for a in found] == [
        ("Keywords as labels", ("Doug Gregor",)), ("Remove currying", ("Joe Groff",)), ("Remove var", ("Joe Pamer",))]
    assert all("Status" not in a.body_text for a in found)


def test_author_fields_read_however_often_they_recur_and_however_many_links_they_hold():
    """An author of several proposals names each (the line recurs, as boilerplate
    does); a lone `* Author:` beside fields the reader took is read too; and nine
    linked names are a long line, not a long value."""
    many = ", ".join(f"[{first} {last}](https://example.org/{last.lower()})" for first, last in (
        ("Dave", "Abrahams"), ("Doug", "Gregor"), ("Dmitri", "Gribenko"), ("Ted", "Kremenek"),
        ("Chris", "Lattner"), ("Alex", "Migicovsky"), ("Max", "Moiseev"), ("Ali", "Ozer"), ("Tony", "Parker")))
    heads = [("Keywords as labels", "* Author: [Doug Gregor](https://example.org/dg)"),
             ("Remove currying", "* Author: [Joe Groff](https://example.org/jg)"),
             ("Generalized naming", "* Author: [Doug Gregor](https://example.org/dg)"),
             ("Remove var", "* Author: [Joe Groff](https://example.org/jg)"),
             ("Swift 3 naming", "* Author: [Doug Gregor](https://example.org/dg)"),
             ("API guidelines", f"* Authors: {many}")]
    proposals = [f"# {title}\n\n* Proposal: [SE-000{n}](000{n}.md)\n{author}\n"
                 f"* Review Manager: [Joe Pamer](https://example.org/jp)\n* Status: **Implemented**\n\n"
                 f"## Introduction\n\n{paragraph(60)}\n" for n, (title, author) in enumerate(heads, start=1)]
    found = articles_of("\n".join(proposals), format=Format.MARKDOWN)
    assert [a.authors for a in found] == [("Doug Gregor",), ("Joe Groff",)] * 2 + [("Doug Gregor",)] + [
        ("Dave Abrahams", "Doug Gregor", "Dmitri Gribenko", "Ted Kremenek", "Chris Lattner", "Alex Migicovsky",
         "Max Moiseev", "Ali Ozer", "Tony Parker")]


def test_26_03_front_matter_stays_a_small_share_of_the_seed():
    """Short entries without sentences (a changelog's) before the first piece of
    prose are the seed's own articles, not front matter: front matter told by its
    lack of prose never takes most of a file."""
    entries = "\n\n\n".join(f"Version 1.{n} Notes\n\n- fix {n} crash\n- add {n} option" for n in range(60))
    text = entries + "\n\n\nA Closing Essay\n\n" + paragraph(200)
    (item,) = segment_texts(text)
    set_aside = sum(aside.last - aside.first + 1 for aside in item.matter)
    assert set_aside <= 0.2 * len(text.split("\n")), item.matter_lines[:3]
    assert len(item.segments) >= 60


def test_a_number_alone_over_a_capitals_title_opens_a_piece_however_often_its_name_recurs():
    """A book of letters numbered `217.` over `TO STEINER.`: each number opens a
    letter, labels it, and the name under it is its title, though many letters
    share it (a recurring title is no boilerplate)."""
    letters = "\n\n\n".join(f"{n}.\n\nTO {'STEINER' if n % 2 else 'ZMESKALL'}.\n\n{paragraph(50)}\n\n{paragraph(30)}"
                            for n in range(216, 226))
    found = articles_of(f"LETTERS OF A COMPOSER.\n\n\n\n{letters}")
    assert [(article.label, article.title) for article in found][-10:] == [
        (str(n), "To Steiner" if n % 2 else "To Zmeskall") for n in range(216, 226)]


def test_a_roman_numeral_over_a_dateline_opens_a_piece_named_and_dated_by_it():
    speeches = "\n\n\n\n".join(f"{numeral}.\n{place}, JUNE {day}, 1841.\n\n\n{paragraph(60)}"
                               for numeral, place, day in (("I", "EDINBURGH", 25), ("II", "GLASGOW", 26),
                                                           ("III", "LONDON", 27), ("IV", "YORK", 28)))
    found = articles_of(f"SPEECHES\n\n\n\n{paragraph(40)}\n\n\n\n{speeches}")
    assert [(article.title, article.date) for article in found][-4:] == [
        ("Edinburgh, June 25, 1841", "1841-06-25"), ("Glasgow, June 26, 1841", "1841-06-26"),
        ("London, June 27, 1841", "1841-06-27"), ("York, June 28, 1841", "1841-06-28")]


def test_a_books_parts_hold_its_pieces():
    """Parts after four blank lines (`Erster Theil`) hold many more pieces after
    three: the pieces are the articles, and a part's heading with no text of its
    own over the first piece's title is set aside."""
    def part(name: str, first: int) -> str:
        speeches = "\n\n\n\n".join(f"Von der Rede {n}\n\n{paragraph(60)}\n\n{paragraph(40)}"
                                   for n in range(first + 1, first + 8))
        return f"{name}\n\n\n\nVon der Rede {first}\n\n{paragraph(60)}\n\n\n\n{speeches}"
    book = "\n\n\n\n\n".join(part(name, first) for name, first in (("Erster Theil", 0), ("Zweiter Theil", 10),
                                                                    ("Dritter Theil", 20)))
    found = articles_of(f"Also sprach der Autor\n\n\n\n\n{book}")
    assert [article.title for article in found if article.title.startswith("Von der Rede")] == [
        f"Von der Rede {n}" for first in (0, 10, 20) for n in range(first, first + 8)]
    assert not [article for article in found if article.title.endswith("Theil")]


def test_a_title_right_under_a_sections_heading_opens_its_article():
    speeches = "\n\n\n".join(f"Von der Rede {n}\n\n{paragraph(60)}\n\n{paragraph(40)}" for n in range(1, 6))
    found = articles_of(f"Die Vorrede\n\n{paragraph(80)}\n\n\nDie Reden\n\n{speeches}")
    assert [article.title for article in found] == ["Die Vorrede", *(f"Von der Rede {n}" for n in range(1, 6))]


def test_date_lines_standing_apart_open_a_journals_entries():
    places = (("Munich", 6), ("Mittenwald", 7), ("Brenner", 8), ("Trento", 11), ("Rovereto", 12), ("Torbole", 13))
    entries = "\n\n\n".join(f"{place}, September {day}, 1786.\n\n{paragraph(50)}\n\n{paragraph(30)}"
                            for place, day in places)
    found = articles_of(f"A Journey\n\n\n{paragraph(40)}\n\n\n{entries}")
    assert [(article.title, article.date) for article in found][-6:] == [
        (f"{place}, September {day}, 1786", f"1786-09-{day:02d}") for place, day in places]


def releases(markdown: bool) -> str:
    """Seven releases, each with the same five sections and its own items under them."""
    def release(n: int) -> str:
        sections = "\n\n".join(("## " if markdown else "") + f"{name}\n\n" + "\n".join(
            f"- {paragraph(10)}" for _ in range(3))
            for name in ("Language", "Compiler", "Libraries", "Cargo", "Compatibility Notes"))
        title = f"Version 1.{n}.0 (2020-0{n}-01)"
        return (f"# {title}" if markdown else f"{title}\n{'=' * len(title)}") + "\n\n" + sections
    return "\n\n".join(release(n) for n in range(1, 8))


@pytest.mark.parametrize("markdown", [True, False])
def test_26_04_section_headings_every_release_repeats_are_structure_not_boilerplate(markdown):
    name = "releases.md" if markdown else "RELEASES.rst"
    (seed,) = split_corpus([SeedInput(Seed(name, tuple(releases(markdown).split("\n"))), Overrides())], SplitRules())
    assert [article.title for article in seed.articles] == [f"Version 1.{n}.0" for n in range(1, 8)]
    for article in seed.articles:
        texts = [block.texts[0] for block in article.body if block.kind is not BlockKind.BULLET_LIST]
        assert texts == ["Language", "Compiler", "Libraries", "Cargo", "Compatibility Notes"]
    assert not seed.matter_lines


def test_stories_of_one_paragraph_per_line_open_at_the_blank_line_around_their_titles():
    """Paragraphs one per line with no blank line between them: a title alone
    between blank lines opens a story; a line of dialogue (`– Three, Nikolai.`)
    is never a title, an epigraph's first line under a title is the story's
    first line, and notes numbered `1*` or `2«…` at the end are back matter."""
    def story(title: str, *opening: str, haggling: bool = False) -> str:
        talk = ["– Three, Nikolai Eremeich.", "– Four, and not a kopeck less.", "– Three, Nikolai Eremeich."]
        lines = [*opening, paragraph(60), *(talk if haggling else []), paragraph(60), paragraph(60)]
        return title + "\n\n" + "\n".join(lines)

    text = "\n\n".join([story("The Singers", haggling=True),
                        story("Living Relic", "Land of long suffering –", "Land of the people!"),
                        story("Forest and Steppe"), story("The Meeting"),
                        "Notes\n\n1* A field is a wood cut down.\n2«That is good» (French).\n3* A boat of old planks."])
    found = articles_of(text + "\n")
    assert [a.title for a in found] == ["The Singers", "Living Relic", "Forest and Steppe", "The Meeting"]
    assert "Land of long suffering" in found[1].body[0].texts[0]


def test_diary_entries_open_at_their_datelines_with_or_without_a_year():
    """Letters and a diary headed only by datelines, the year stated in some:
    every dateline standing apart opens an entry, titled as written."""
    places = ["München, den 6. September 1786.", "Mittenwald, den 7. September.", "Trient, den 10. September.",
              "Den 11. September, abends.", "Verona, den 16. September 1786.", "Verona, den 17. September."]
    entries = "\n\n\n".join(f"{line}\n\n{paragraph(70)}" for line in places)
    found = articles_of(f"A Journey\n\n{paragraph(70)}\n\n\n{entries}\n")
    assert [a.title for a in found] == ["A Journey", *(line.rstrip(".") for line in places)]
    assert [a.date and a.date[:7] for a in found[1:]] == ["1786-09", None, None, None, "1786-09", None]


def test_a_source_line_over_a_headline_dates_the_cutting_and_the_headline_names_it():
    """A book of press cuttings: each opens with where and when it appeared, in
    brackets, then perhaps a line the book sets under most of them (`EXTRACT.`),
    then its headline, which a reader takes for the title (not for a byline, though
    it is three words in capitals). A cutting with no headline is named by its source."""
    cuttings = [("The Morning Star", "January 7, 1895", "EXTRACT.\n\nBELLS RANG SWEETLY."),
                ("Evening Courier", "January 9, 1895", "EXTRACT.\n\nA NEW HALL OPENED.--CROWDS AT THE DOORS."),
                ("The Weekly Herald", "February 2, 1895", "EXTRACT."),
                ("Daily Ledger", "March 3, 1895", "GROWTH OF A TOWN."),
                ("The Gazette", "April 4, 1895", "EXTRACT.\n\nRAIN AT LAST."),
                ("Pioneer Press", "May 5, 1895", "EXTRACT.\n\nTHE NEW MILL.")]
    found = articles_of("\n\n\n\n\n".join([f"PRESS CUTTINGS.\n\n{paragraph(50)}", *(
        f"(_{paper}_, {date}.)\n\n{head}\n\n{paragraph(60)}\n\n{paragraph(40)}" for paper, date, head in cuttings)]))
    assert [(article.title, article.authors, article.date) for article in found][1:] == [
        ("Bells Rang Sweetly", (), "1895-01-07"),
        ("A New Hall Opened.--Crowds at the Doors", (), "1895-01-09"),
        ("_The Weekly Herald_", (), "1895-02-02"),
        ("Growth of a Town", (), "1895-03-03"),
        ("Rain at Last", (), "1895-04-04"),
        ("The New Mill", (), "1895-05-05")]


def test_a_capitals_line_of_words_the_prose_uses_is_a_title_not_a_name():
    """Under a numeral, `INDIAN PROBATIONERS` is the speech's name, though two
    words in capitals could be a person's: the prose writes `probationers` in
    lower case, as it writes no part of a name."""
    speeches = [("I", "TRADE AND TARIFFS"), ("II", "INDIAN PROBATIONERS"), ("III", "CIVIL SERVICE")]
    text = "\n\n\n\n".join(f"{numeral}\n\n\n{title}\n\n{paragraph(60)} The probationers and the civil "
                           f"service heard of trade and tariffs.\n\n{paragraph(40)}" for numeral, title in speeches)
    found = articles_of(f"SPEECHES\n\n\n\n{paragraph(40)}\n\n\n\n{text}")
    assert [(article.label, article.title, article.authors) for article in found][-3:] == [
        ("I", "Trade and Tariffs", ()), ("II", "Indian Probationers", ()), ("III", "Civil Service", ())]


def test_numbered_speeches_under_the_books_heading_each_open_at_their_numeral():
    """`SPEECHES` / `I` / `ON THE BUDGET`: the numeral under the book's heading
    opens the first speech, named by the line under it; and `IV`, with fewer
    blank lines before it than the others, opens one too, standing between
    `III` and `V`."""
    titles = ["ON THE BUDGET", "TO CONSTITUENTS", "ON REFORMS", "ON THE CIVIL SERVICE", "ON PROBATION"]
    numerals = ["I", "II", "III", "IV", "V"]
    speeches = [f"{numeral}\n\n\n{title}\n\n{paragraph(80)}\n\n{paragraph(60)}" for numeral, title in zip(numerals, titles)]
    found = articles_of(f"PREFACE\n\n{paragraph(50)}\n\n\n\n\nSPEECHES\n\n\n" + "\n\n\n\n\n".join(speeches[:3])
                        + "\n\n\n\n" + "\n\n\n\n\n".join(speeches[3:]))
    assert [(article.label, article.title) for article in found][-5:] == [
        ("I", "On the Budget"), ("II", "To Constituents"), ("III", "On Reforms"), ("IV", "On the Civil Service"),
        ("V", "On Probation")]


def test_a_letters_own_dateline_under_its_dated_heading_opens_no_second_entry():
    """Letters each headed `November 21, 1862: Sir Alexander` after three blank
    lines, then the addressee, the place and the date again, right-aligned:
    one entry per letter, the restated date its dateline. Two letters of one
    day are two entries."""
    days = ["November 21, 1862", "March 7, 1863", "May 21, 1863", "May 21, 1863", "October 31, 1863",
            "January 9, 1864"]
    letters = [(3, f"{day}: Mrs. Austin\n\n\n{' ' * 28}_To Mrs. Austin_.\n\n{' ' * 60}OFF BOULAK,\n"
                   f"{' ' * 54}_{day.split()[0]}_ {' '.join(day.split()[1:])}.\n\nDEAREST MUTTER,\n\n"
                   f"{paragraph(80)}\n\n{paragraph(60)}") for day in days]
    found = articles_of(book((0, f"LETTERS FROM EGYPT\n\n{paragraph(40)}"), *letters))
    assert [a.title for a in found] == ["Letters from Egypt", *(f"{day}: Mrs. Austin" for day in days)]


def test_a_date_alone_on_its_line_opens_a_log_entry_but_not_under_a_title():
    """An old change log: `21 May 2009` over its bullets, after one blank line
    as any paragraph is, opens an entry; a date line right under a speech's
    title (`SATURDAY, MARCH 4, 1809`) dates the speech and opens nothing."""
    days = ["21 May 2009", "19 May 2009", "18 May 2009", "16 May 2009", "14 May 2009", "04 May 2009"]
    log = "\n\n".join(f"{day}\n\n* {paragraph(14)}\n* {paragraph(9)}" for day in days)
    found = articles_of(f"CHANGES\n\n{paragraph(30)}\n\n{log}")
    assert [(article.title, article.date) for article in found][1:] == [
        (day, f"2009-05-{day[:2]}") for day in days]
    speeches = "\n\n\n\n".join(f"{title}\n\n{day}\n\n\n{paragraph(80)}\n\n{paragraph(40)}" for title, day in (
        ("ON THE EMBARGO", "SATURDAY, MARCH 4, 1809"), ("ON THE WAR WITH BRITAIN", "THURSDAY, MARCH 4, 1813"),
        ("ON THE PEACE", "TUESDAY, MARCH 4, 1817"), ("ON THE NAVY", "MONDAY, MARCH 5, 1821"),
        ("ON THE ROADS AND CANALS", "FRIDAY, MARCH 4, 1825")))
    assert [(article.title, article.date) for article in articles_of(speeches)] == [
        ("On the Embargo", "1809-03-04"), ("On the War with Britain", "1813-03-04"), ("On the Peace", "1817-03-04"),
        ("On the Navy", "1821-03-05"), ("On the Roads and Canals", "1825-03-04")]


def test_a_numeral_alone_over_a_name_in_capitals_opens_a_chapter_and_the_contents_list_names_it():
    """A book's chapters as a roman numeral alone on a line, the name in capitals
    one blank line under it and the text two under that (the name stands apart
    from its text, but its break is the numeral's); the contents list names them
    by `I. NAME  page`, and what stands before the list with hardly any prose
    (a title page) is front matter, though a transcriber's note of prose comes first."""
    names = ["THE ORIGIN OF MUSIC", "ORIGIN OF SONG", "THE MUSIC OF THE HEBREWS", "THE MUSIC OF GREECE"]
    numerals = ["I", "II", "III", "IV"]
    contents = "CONTENTS\n\n\n CHAP.          PAGE\n\n" + "\n".join(
        f"{numeral:>5}. {name:<40} {page}" for numeral, name, page in zip(numerals, names, (1, 16, 32, 69)))
    text = book((0, f"TRANSCRIBER'S NOTE\n\n{paragraph(60)}"),
                (4, "MUSIC AND ITS MAKERS\n\nLectures\n\nBY A LECTURER\n\n\nLONDON\n\n  A PUBLISHER"),
                (4, contents),
                *[(4, f"{numeral}\n\n{name}\n\n\n{paragraph(80)}\n\n{paragraph(60)}") for numeral, name in zip(numerals, names)])
    found = articles_of(text)
    assert [a.title for a in found] == ["Transcriber's Note", "The Origin of Music", "Origin of Song",
                                        "The Music of the Hebrews", "The Music of Greece"]


def test_letters_under_a_numeral_and_a_name_that_a_dateline_follows_each_open_a_chapter():
    """A book of letters: each chapter a numeral alone, its name in capitals one
    blank line under it and two above an indented place and date, then the
    salutation in capitals. The name is the chapter's title, though nothing
    under it reads as a body before the salutation: its break is the numeral's.
    The contents list names the last chapter by one word beside numerals
    (`VI. SUCCESS  279`), so it is no back matter. The date under a title (or
    under a place line under it) is the letter's, opening no entry; the
    salutation (`DEAR MRS. CONEY,--`) leads in to the text and names no author."""
    names = ["THE ARRIVAL AT THE FORK", "FILING A CLAIM", "A HAPPY CHRISTMAS", "PROVING UP", "THE NEW HOUSE",
             "SUCCESS"]
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    contents = "CONTENTS\n\n" + "\n\n".join(
        f"{numeral:>5}. {name:<40} {page}" for numeral, name, page in zip(numerals, names, (1, 16, 132, 150, 170, 279)))
    places = ["     BURNT FORK, WYOMING,\n", "", "     BURNT FORK, WYOMING,\n", "", "", ""]
    letters = [(4, f"{numeral}\n\n{name}\n\n\n{place}     _April {n}, 1909._\n\n"
                   f"DEAR MRS. CONEY,--\n\n{paragraph(90)}\n\n{paragraph(70)}\n\n  Sincerely yours,\n    ELINORE RUPERT.")
               for n, (numeral, name, place) in enumerate(zip(numerals, names, places), start=1)]
    found = articles_of(book((0, "LETTERS FROM A HOMESTEAD"), (4, contents), *letters))
    assert [(a.title, a.date) for a in found] == [
        ("The Arrival at the Fork", "1909-04-01"), ("Filing a Claim", "1909-04-02"),
        ("A Happy Christmas", "1909-04-03"), ("Proving up", "1909-04-04"), ("The New House", "1909-04-05"),
        ("Success", "1909-04-06")]
    assert all(people(a) == ("Elinore Rupert",) for a in found)  # the signature, not the salutation


def test_a_title_the_contents_list_names_keeps_its_subtitle_in_capitals_under_it():
    """A magazine's piece titled `THE GREEN-CORN DANCE.`, with two blank lines
    under it and a subtitle in capitals (`FROM AN UNPUBLISHED MS. BY …`), where
    other pieces hold sections in capitals after two blank lines: the contents
    list names the title, so the title opens the piece and is no department
    holding an article under its subtitle. A line leading in to a quotation
    (`sends us the following:--`) is never a title."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    names = ["THE SITUATION", "THE GREEN-CORN DANCE", "EDITOR'S TABLE", "SONNET"]
    contents = "CONTENTS\n\n" + "\n".join(f"  {name.title()},{' ' * 20}{page}" for name, page in
                                           zip(names, (1, 17, 46, 60)))
    pieces = [(4, f"THE SITUATION.\n\n{text(120)}\n\n\nTHE FIRST PART.\n\n{text(90)}\n\n\nTHE SECOND PART.\n\n{text(90)}"),
              (4, f"THE GREEN-CORN DANCE.\n\n\nFROM AN UNPUBLISHED MS. BY JOHN HOWARD PAYNE, AUTHOR OF \"HOME, SWEET\n"
                  f"HOME\"\n\n{text(150)}\n\n{text(90)}"),
              (4, f"EDITOR'S TABLE.\n\n{text(80)}\n\n\n* * * * *\n\nA correspondent in Ohio sends us the following:--\n\n"
                  f"  The verse of one line\n  And of another line.\n\n{text(60)}"),
              (4, f"SONNET.\n\n{text(70)}\n\n\nTHE SESTET.\n\n{text(40)}")]
    found = articles_of(book((0, contents), *pieces))
    assert [a.title for a in found] == ["The Situation", "The Green-Corn Dance", "Editor's Table", "Sonnet"]


def test_an_essay_whose_paragraphs_run_on_into_quotations_is_no_front_matter():
    """The first essay after a book's contents list and a `VOLUME I` line, its long
    paragraphs each running on into a verse quotation (`…abstraction,`): prose,
    though no paragraph ends a sentence, so an essay and not front matter."""
    def run_on(n: int) -> str:
        return f"This paragraph{n} has a sentence. And it runs on for a while, " + paragraph(70)[:-1] + ","
    essay = "\n\n".join(f"{run_on(n)}\n\n    Pure in the last recesses of the mind{n}," for n in range(4))
    names = ["ON THE PLEASURE OF PAINTING", "ON THE PAST AND FUTURE", "ON GENIUS AND COMMON SENSE"]
    contents = "CONTENTS\n\n\nVOLUME I\n\n" + "\n".join(f"  {n}. {name.title()}" for n, name in enumerate(names, 1))
    text = book((0, "TABLE-TALK\n\nBy An Essayist"), (3, contents), (4, "VOLUME I"),
                (4, f"ESSAY I. {names[0]}\n\n\n{essay}"),
                *[(4, f"ESSAY {numeral}. {name}\n\n\n{paragraph(90)}\n\n{paragraph(70)}")
                  for numeral, name in zip(("II", "III"), names[1:])])
    assert [a.title for a in articles_of(text)] == ["On the Pleasure of Painting", "On the Past and Future",
                                                    "On Genius and Common Sense"]


def test_asides_under_titles_and_captions_by_rules_open_no_piece():
    """A subtitle wholly in brackets under a short title is no title of its own;
    a caption under a rule that hugs a quoted verse's last line, and a motto
    framed by two rows of stars, are lines of the piece they stand in."""
    verse = "  Hey de diddle\nThe cat and the fiddle:\nThe cow jump'd over the moon--\n" \
            "------------------------\n            _English song._"
    motto = "*       *       *       *       *\n\n_My friends! we shall all be buried._\n\n" \
            "*       *       *       *       *"
    text = book((0, f"A CHRISTMAS DAY.\n\n(GABRIEL TO HIS BROTHER WILLIBALD).\n\n{paragraph(60)}\n\n{paragraph(40)}"),
                (4, f"DILETTANTISM.\n\n{verse}\n\n{paragraph(60)}\n\n{motto}\n\n{paragraph(50)}"),
                (4, f"UNDER THE LINE.\n\n{paragraph(70)}"))
    assert [a.title for a in articles_of(text)] == ["A Christmas Day", "Dilettantism", "Under the Line"]


def test_a_contents_list_numbering_the_dialogues_of_a_work_is_still_a_contents_list():
    """A contents list whose titles stand one to a line with blank lines between,
    and under one of them the numbers of its dialogues (`i, ii, iii, vi, vii, …`):
    lines of numbers are no prose, so the list is set aside, no piece of its own."""
    names = ["THE VISION", "A LITERARY PROMETHEUS", "NIGRINUS", "DIALOGUES OF THE GODS", "MENIPPUS"]
    numerals = ", ".join(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"] * 3)
    contents = "CONTENTS OF VOL. 1\n\n\n" + "\n\n".join(names[:4]) + f"\n\n{numerals}.\n\n" + names[4]
    text = book((0, f"PREFACE\n\n{paragraph(60)}"), (4, contents),
                *[(4, f"{name}\n\n{paragraph(80)}\n\n{paragraph(60)}") for name in names])
    assert [a.title for a in articles_of(text)] == ["Preface", "The Vision", "A Literary Prometheus", "Nigrinus",
                                                    "Dialogues of the Gods", "Menippus"]


def test_a_headline_a_story_quotes_does_not_open_the_story_it_names_again():
    """A story quotes a newspaper's headline, indented, its second line the story's
    own title (`A PAINFUL CASE` under `DEATH OF A LADY AT SYDNEY PARADE`): the
    contents list names that title once, and the story already has it."""
    names = ["THE SISTERS", "AN ENCOUNTER", "A PAINFUL CASE", "THE DEAD"]
    contents = "CONTENTS\n\n" + "\n".join(f"   {name.title()}" for name in names)
    headline = "               DEATH OF A LADY AT SYDNEY PARADE\n                       A PAINFUL CASE"
    text = book((0, contents), (4, f"{names[0]}\n\n{paragraph(80)}"), (4, f"{names[1]}\n\n{paragraph(80)}"),
                (4, f"{names[2]}\n\n{paragraph(80)} This was the paragraph:\n\n{headline}\n\n{paragraph(60)}"),
                (4, f"{names[3]}\n\n{paragraph(80)}"))
    assert [a.title for a in articles_of(text)] == ["The Sisters", "An Encounter", "A Painful Case", "The Dead"]


def verse(stanzas: int) -> str:
    """Stanzas of short lines, each unlike any other."""
    return "\n\n".join("\n".join(f"  {line}" for line in paragraph(24).split(" ")[0:24:4]) for _ in range(stanzas))


def test_an_anthologys_poets_hold_their_poems_and_sign_them():
    """An anthology as Project Gutenberg has it: a title page, a preface and a
    contents list, then each poet's name in capitals twice (after four blank
    lines, then three) over poems in verse after two: each poem is an article
    the poet wrote, the first one too (short lines, not a front matter's), and
    a department whose name the text uses in lower case (`GOLDEN FIELDS`,
    `golden fields`) credits no one."""
    poets = {"WALTER GREY": ["MORNING", "THE RIVER", "WINTER ROAD", "DAISY", "LAMPS"],
             "T. E.": ["THE WELL", "THE ORCHARD", "SEA WALL", "SEA MIST", "HARBOUR"],
             "ROSE BAKER": ["OAKS", "NOON", "FEVER", "THE FALL", "ROOFS"],
             "EDITH STONE": ["VENUS RISING", "THE NOTE", "GARGOYLE", "GOLD", "PATIENCE"],
             "GOLDEN FIELDS": ["SHEAVES", "GLEANERS", "STUBBLE", "THE MILL", "HARVEST HOME"]}
    contents = "\n\n".join(f"  {poet}\n\n" + "\n\n".join(f"    {title.title():<50}{page:>3}"
                                                          for page, title in enumerate(titles))
                           for poet, titles in poets.items())
    preface = "\n\n".join(textwrap.fill(paragraph(words), 72) for words in (80, 60, 90))
    text = book((0, "SOME POETS\n\n  AN ANTHOLOGY"), (3, "  BOSTON\n  1915"), (4, f"PREFACE\n\n{preface}"),
                (4, f"CONTENTS\n\n{contents}"),
                *(piece for poet, titles in poets.items()
                  for piece in [(4, poet), (3, poet), *((2, f"{title}\n\n{verse(3)}") for title in titles)]),
                (2, "  a rose in the rain\n  " + "\n  ".join(["over the golden fields"] * 4)))
    found = articles_of(text)
    credited = {poet: (poet.title(),) for poet in poets} | {"GOLDEN FIELDS": ()}
    assert [(a.title, people(a)) for a in found][1:] == [(title.title(), credited[poet])
                                                         for poet, titles in poets.items() for title in titles]


def test_a_teams_minutes_run_together_open_at_each_meetings_date():
    """Minutes exported with no blank lines: a title underlined, then each
    meeting's date alone on a line, newest first, over `Announcements` and
    notes run together; the first meeting cancelled, one line. Each date opens
    a meeting's entry, the first too; a date a note mentions opens nothing."""
    days = [f"{month} {day}, 2019" for month, day in (("December", 26), ("December", 19), ("December", 12),
                                                   ("December", 5), ("November", 14), ("November", 7))]
    def meeting(day: str) -> str:
        notes = "\n".join(f"{name}: {paragraph(12)}" for name in ("Matt", "Josh", "Taylor"))
        return f"{day}\nAnnouncements\nRelease 3.0.2 is out, see the notes of December 2, 2019\nStandup\n{notes}"
    text = "Minutes for 2019\n================\n\n" + f"{days[0]}\nCancelled for the holidays\n" + "\n".join(
        meeting(day) for day in days[1:])
    found = articles_of(text)
    assert [(a.title, a.date) for a in found] == [(day, f"2019-{12 if day[0] == 'D' else 11}-{day.split()[1][:-1]:0>2}")
                                                  for day in days]


def test_an_introduction_of_long_unwrapped_paragraphs_naming_the_stories_is_no_contents_list():
    """A collection whose paragraphs are each one long line (no hard wrap): an
    introduction that gives a paragraph to each story, naming it, is prose,
    an article of its own, not a contents list set aside."""
    names = ["The Open Boat", "The Blue Hotel", "The Monster", "The Upturned Face", "The Bride Comes"]
    introduction = "\n\n".join(f"In {name} the author shows {paragraph(40)}" for name in names)
    stories = [(3, f"{name.upper()}\n\n{paragraph(120)}\n\n{paragraph(90)}") for name in names]
    found = articles_of(book((0, f"INTRODUCTION\n\n{introduction}"), *stories))
    assert [a.title for a in found] == ["Introduction", *names]


def test_an_authors_note_naming_a_few_stories_in_one_paragraph_is_no_contents_list():
    """A collection's note, under its heading and over the author's initials,
    says in one wrapped paragraph where four of its stories first appeared: it
    is prose, not a contents list, so nothing after the last story it names is
    set aside as back matter."""
    names = ["The Open Window", "The Tiger", "The Quest", "The Elk", "The Lumber Room", "The Cobweb"]
    note = textwrap.fill(f"“{names[0]},” “{names[1]},” and “{names[2]},” originally appeared in the Evening "
                         f"Gazette, “{names[3]}” in the Weekly Review, and the remaining stories in the Post.  To "
                         "the Editors of these papers I am indebted for their courtesy in allowing me to reprint "
                         "them.", 72) + "\n\n" + " " * 60 + "A. B. C."
    stories = [(4, f"{name.upper()}\n\n\n{textwrap.fill(paragraph(120), 72)}\n\n{textwrap.fill(paragraph(90), 72)}")
               for name in names]
    found = articles_of(book((0, f"AUTHOR’S NOTE\n\n\n{note}"), *stories))
    assert [a.title for a in found][-len(names):] == names


def test_a_release_line_over_a_label_set_deeper_opens_an_entry_however_long():
    """A changelog's releases stamped with a weekday and a month of any length
    (`Release 2.7.4 Sat January 31 2026`), each over its sections' labels set
    deeper with no blank line between (`        Bug fixes:`): every
    release opens an entry, however long its line. A book list's title over
    its author set deeper (`  by Jane Doe`) stays one paragraph."""
    stamps = ["Tue February 6 2024", "Wed November 6 2024", "Sat January 31 2026", "Thu March 13 2025",
              "Mon August 9 2027", "Sun December 19 2021", "Fri July 23 2004"]
    releases = [f"Release 2.{n}.0 {stamp}\n        Bug fixes:\n           #{n}1  " +
                textwrap.fill(paragraph(30), 60, subsequent_indent="                    ") +
                f"\n        Other changes:\n           #{n}2  " + textwrap.fill(paragraph(20), 60) for n, stamp in
                enumerate(stamps)]
    found = articles_of("\n\n".join(releases) + "\n")
    assert [a.title for a in found] == [f"Release 2.{n}.0" for n in range(len(stamps))]
    books = "\n\n".join(f"A history of the river, Volume {n} of 3,{' ' * 30}7272{n}\n  by Jane Doe" for n in (1, 2, 3))
    builder = UnitBuilder(join_wrapped=True, width=78)
    for number, line in enumerate(books.splitlines(), 1):
        builder.line(number, line)
    assert [unit.text for unit in builder.units()] == [
        f"A history of the river, Volume {n} of 3, 7272{n} by Jane Doe" for n in (1, 2, 3)]
    builder = UnitBuilder(join_wrapped=True, width=78)
    for number, line in enumerate(["  * The parser no longer fails on empty files, as reported", "    by users on the list:"], 1):
        builder.line(number, line)
    assert len(builder.units()) == 1  # a wrapped line in lower case is no label


def test_rules_between_a_newsletters_items_part_them_more_than_blank_lines():
    """A plain-text newsletter whose items stand between rules of dashes of any
    length, a blank line around each rule and between paragraphs, the tables'
    rows with none (and the masthead's rule right under its last line): an
    item's title is the line under a rule, and the short lines inside an item
    (`Roof Repairs`, a table's `Receipts`) are its sections, not items of their
    own."""
    items = [("Spring Picnic", []), ("Membership Fees", ["Receipts", "Payments"]),
             ("From the Chair", ["Roof Repairs", "Plans for Autumn", "Web Site News"]),
             ("Field Day Report", []), ("Committee Meeting", ["Old Business", "New Business"])]
    rows = "\n".join(f"Shift {n}\tDesk {n}\tJane Doe" for n in range(1, 31))
    def item(title: str, sections: list[str]) -> str:
        parts = [title, paragraph(40)] + [f"{section}\n\n{paragraph(25)}" for section in sections] + ([rows] if sections else [])
        return "\n\n".join(parts)
    text = "The Club Newsletter\n\nVolume 9, Number 1\nSeptember 2009" + "".join(
        f"\n{'-' * (26 + n)}\n\n{item(title, sections)}\n" for n, (title, sections) in enumerate(items))
    assert [a.title for a in articles_of(text)] == [title for title, _sections in items]
    # Rows of stars between a book's scenes, as many blank lines around them as before its titles: scene breaks.
    stars = "\n\n\n       *       *       *       *       *\n\n"
    stories = [f"{title}\n\n{paragraph(80)}{stars}{scene}\n\n{paragraph(70)}" for title, scene in [
        ("THE MILL", "Next morning"), ("THE RIVER", paragraph(30)), ("THE BRIDGE", "Late that night"),
        ("THE FERRY", paragraph(30))]]
    assert [a.title for a in articles_of("\n\n\n".join(stories) + "\n")] == [
        "The Mill", "The River", "The Bridge", "The Ferry"]


def test_dated_letters_open_at_the_title_over_their_dateline():
    """Letters each under a numbered title, a one-line subtitle and a dateline
    set to the right (`LETTER I.`, `Where the harbour is told of.`, `Lisbon,
    9 June 1902.`): each letter opens at its title, not at its dateline, and
    keeps its date; the title and subtitle are not left at the end of the
    letter before."""
    days = [5, 8, 11, 14, 21, 22]
    letters = [(4, f"LETTER {numeral}.\n\nWhere the {topic} is told of.\n\n\n{' ' * 40}Lisbon, {day} June 1902.\n\n"
                   f"{paragraph(120)}\n\n{paragraph(90)}")
               for numeral, topic, day in zip(["I", "II", "III", "IV", "V", "VI"],
                                              ["harbour", "market", "river", "old town", "fair", "hills"], days)]
    found = articles_of(book(*letters))
    assert [(a.first_line, a.date) for a in found] == [
        (next(n for n, line in enumerate(book(*letters).splitlines(), 1) if line == f"LETTER {numeral}."),
         f"1902-06-{day:02d}") for numeral, day in zip(["I", "II", "III", "IV", "V", "VI"], days)]
    # A note under no title of its own, right after a short letter, is an entry of its own, not that letter's.
    note = (2, f"Only a line today, the post is leaving.\n\n\n{' ' * 40}Lisbon, 23 June 1902.\n\n{paragraph(100)}")
    found = articles_of(book(*letters[:5], note, letters[5]))
    assert [a.date for a in found] == ["1902-06-05", "1902-06-08", "1902-06-11", "1902-06-14", "1902-06-21",
                                       "1902-06-23", "1902-06-22"]


def test_a_contents_list_numbered_in_a_column_months_between_speeches_and_a_title_page_over_the_last():
    """A book of speeches: its contents list numbers each speech in a column
    (`XIV.    On Duty (10 March 1851)`), some entries wrapped onto a second
    line, with a month over the speeches of each; in the text, a month alone
    between two speeches (a date line) heads those after it, and is no page of its own. The last
    piece, which the list names by a word before a comma (`EPILOGUE, written
    …`), is a title page (its title and a line in capitals) over its text under
    a heading of its own: that text is no back matter."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    names = ["ON THE HARBOUR AND THE NEW DOCKS THE TOWN BUILT FOR ITS TRADE",
             "ON THE SCHOOLS OF THE DISTRICT AND THEIR MASTERS", "ON DUTY", "ON THE BRIDGE OVER THE RIVER AT THE MILLS"]
    years = ["1850", "1850", "1851", "1851"]
    numerals = ["I", "II", "III", "IV"]
    entries = [f"{numeral + '.':<9}{name.capitalize()} (3 May {year})" for numeral, name, year in zip(numerals, names, years)]
    entries[1] = entries[1].replace(" and their", "\n         and their")  # (the others fill the line)
    contents = ("CONTENTS\n\n\nMAY 1850\n\n" + "\n".join(entries[:2]) + "\n\nMAY 1851\n\n" + "\n".join(entries[2:])
                + "\n\n\nEPILOGUE, written twenty years after by the\n         speaker's son")
    speeches = [(4, f"{numeral}\n\n{name}\n\n(3 May {year})\n\n\n{text(120)}\n\n{text(90)}")
                for numeral, name, year in zip(numerals, names, years)]
    found = articles_of(book((0, contents), *speeches[:2], (4, "MAY 1851"), *speeches[2:],
                             (5, "EPILOGUE\n\nWRITTEN TWENTY YEARS AFTER BY THE SPEAKER'S SON"),
                             (4, f"THE SPEAKER'S LIFE\n\n\n{text(150)}\n\n{text(100)}")))
    assert [(a.title, a.section) for a in found[:4]] == [
        ("On the Harbour and the New Docks the Town Built for Its Trade", None), ("On the Schools of the District and Their Masters", None),
        ("On Duty", "May 1851"),
        ("On the Bridge Over the River at the Mills", "May 1851")]
    assert [a.title for a in found[4:]] == ["Epilogue", "The Speaker's Life"]
    assert found[5].prose_lines > 10
    lines = ["XIV.     On the schools of the district and the masters it keeps (3 May",
             "         1851)", "XV.      On the harbour and the new docks of the town (5 May 1851)",
             "XVI.     On the bridge over the river at the mills (9 May 1851), and",
             "I. Newton's part in it", "", "In the spring the crown passed at last to his grandson, Louis",
             "XIV.  He was then a child of five, and the queen ruled for him."]
    builder = UnitBuilder(join_wrapped=True, width=72)
    for number, line in enumerate(lines, 1):
        builder.line(number, line)
    assert [unit.text for unit in builder.units()] == [  # a numeral in a column opens a line; `I. Newton` goes on,
        "XIV. On the schools of the district and the masters it keeps (3 May 1851)",  # as prose does after a king
        "XV. On the harbour and the new docks of the town (5 May 1851)",
        "XVI. On the bridge over the river at the mills (9 May 1851), and I. Newton's part in it",
        ("In the spring the crown passed at last to his grandson, Louis XIV. He was then a child of five, and the queen"
         " ruled for him.")]


def test_a_transcribers_note_in_brackets_before_a_books_stories_is_front_matter():
    """Before the first story, a credit line and a transcriber's note whose
    paragraphs stand inside one pair of square brackets: a note on the edition,
    not a piece, however many words it has."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    note = "Produced by a team of volunteers\n\n\n  [ Notes on the text:\n\n" + "\n\n".join(
        textwrap.indent(text(words), "    ") for words in (30, 25, 12)) + "\n  ]"
    stories = [(4, f"{name}\n\n\n{text(150)}\n\n{text(120)}") for name in
               ("THE HANDS OF THE MAKER", "THE STRANGER AT THE DOOR", "HOW THE OLD SINGER DIED")]
    found = articles_of(book((0, note), *stories))
    assert [a.title for a in found] == ["The Hands of the Maker", "The Stranger at the Door", "How the Old Singer Died"]


def test_a_news_files_own_title_with_nothing_under_it_is_front_matter():
    """A NEWS file underlined as its releases are, its own title first with
    nothing under it: no release of its own, set aside; an empty release
    (`Version 3.1 unreleased`) stays one."""
    releases = [f"Version 3.{n} 0{n + 1}-May-2024\n------------------------\n\n{paragraph(40)}" for n in range(3, 0, -1)]
    text = "News about the tool's releases\n------------------------------\n\n" \
        "Version 3.4 unreleased\n----------------------\n\n" + "\n\n".join(releases)
    found = articles_of(text, format=Format.RST)
    assert [(a.title, a.date) for a in found] == [  # (the date after a version is its stamp, shown as the date)
        ("Version 3.4 unreleased", None), ("Version 3.3", "2024-05-04"), ("Version 3.2", "2024-05-03"),
        ("Version 3.1", "2024-05-02")]


def test_a_contents_list_near_a_books_end_sets_aside_the_printers_line_and_publishers_list_after_it():
    """A book's contents list at its end, its first entry under a group label
    set apart as a heading, then the printer's line and the publisher's list
    of the author's other books: the list names the stories before it, and
    what follows it, a sliver of the book, is back matter."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    titles = ["THE HANDS OF THE MAKER", "THE STRANGER AT THE DOOR", "HOW THE OLD SINGER DIED", "THE SONG OF JUSTICE",
              "A SCENE IN THE GHETTO", "THE THIMBLE"]
    stories = [(4, f"{title}\n\n\n{text(400)}\n\n{text(300)}\n\n{text(300)}") for title in titles]
    contents = (4, "CONTENTS\n\n\n  BY WAY OF AN INTRODUCTION\n\n" + "\n\n".join(
        f"  {title.title():<50} {page}" for title, page in zip(titles, (1, 19, 29, 41, 55, 69))))
    printer = (4, "  Printed by a printer\n  in a town")
    publisher = (4, ("BY THE SAME AUTHOR\n\n\nTHE BOOK OF HOURS. Thirtieth thousand.\n\nNEW POEMS. Tenth thousand.\n\n"
                     "THE NOTEBOOKS. A novel. Two volumes. Thirteenth thousand."))
    item, = segment_texts(book(*stories, contents, printer, publisher))
    assert [segment.units[0].text for segment in item.segments] == titles


def test_a_numeral_over_a_title_in_capitals_opening_with_a_one_letter_article_opens_it_by_that_title():
    """Letters each under a roman numeral alone, over a title in capitals that
    opens with an article of one letter (`O MERCADO`): a title, not a person's
    name, as the prose writes that word in lower case; the numeral is its label."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words) + " Era o dia de festa em casa e a noite de neve.", 72)

    names = ["O MERCADO", "A VIAGEM", "O DIA DE FESTA", "O PORTO E O RIO"]
    letters = [(4, f"{numeral}\n\n{name}\n\n\n{text(200)}\n\n{text(150)}")
               for numeral, name in zip(["I", "II", "III", "IV"], names)]
    found = articles_of(book(*letters))
    assert [(a.title, a.label) for a in found] == [
        ("O Mercado", "I"), ("A Viagem", "II"), ("O Dia De Festa", "III"), ("O Porto E O Rio", "IV")]


def test_a_question_run_over_two_lines_above_its_underline_is_a_title():
    """A FAQ whose questions are underlined with dashes, one running over two
    lines with the underline as long as its first: a title, not the end of the
    answer above (as reST would read it)."""
    questions = ["1. How do I start the program?", "2. How do I change the keys it uses\n or the colours it shows?",
                 "3. Where are the settings kept?"]
    text = "Questions\n=========\n\n" + "\n\n".join(
        f"{question}\n{'-' * len(question.splitlines()[0])}\n{paragraph(40)}" for question in questions)
    found = articles_of(text, format=Format.RST)
    assert [a.title for a in found] == [
        "How do I start the program?", "How do I change the keys it uses or the colours it shows?",
        "Where are the settings kept?"]


def test_an_issues_first_poem_under_its_byline_is_no_front_matter():
    """A magazine issue opens, under its masthead, with a poem: short lines,
    no prose, but long and signed under its title, a piece, not a title page."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    verse = "\n".join(f"  Where the line {n} of the long song {'goes on' if n % 2 else 'runs'}" for n in range(40))
    pieces = [(4, f"THE OLD MILL.\n\nBY A POET.\n\n\n{verse}"),
              *[(4, f"{title}\n\nBY A WRITER.\n\n\n{text(200)}\n\n{text(150)}")
                for title in ("HOW TO TRAVEL.", "UNDER THE TREES.", "THE SWALLOWS.")]]
    found = articles_of(book((0, "THE MONTHLY.\n\n  Vol. V.      AUGUST, 1878.      No. 10."), *pieces))
    assert [a.title for a in found] == ["The Old Mill", "How to Travel", "Under the Trees", "The Swallows"]


def test_a_title_under_a_pictures_caption_stands_after_the_captions_break():
    """In a magazine, a picture's place (`[Illustration]`) may stand between
    the break that ends a piece and the next title, one blank line above it:
    the title still opens a piece of its own, signed or not."""
    def text(words: int) -> str:
        return textwrap.fill(paragraph(words), 72)

    pieces = [(4, f"THE OLD MILL.\n\nBY A WRITER.\n\n\n{text(200)}\n\n{text(150)}"),
              (4, f"[Illustration]\n\nTHE SUPPER.\n\n\n{text(120)}\n\n[Illustration]\n\n{text(100)}"),
              (4, f"[Illustration: A FIELD IN JUNE.]\n\nTHE PULPIT.\n\n\n{text(150)}"),
              (4, f"UNDER THE TREES.\n\nBY A POET.\n\n\n{text(180)}")]
    found = articles_of(book(*pieces))
    assert [a.title for a in found] == ["The Old Mill", "The Supper", "The Pulpit", "Under the Trees"]


def test_a_newsletters_issues_date_their_items_and_their_mastheads_are_no_pages():
    """Issues of a newsletter run together, each under its masthead (its name,
    its number, its month, no blank line between) and closed by a line of its
    own: the masthead dates the items under it that state no date, and neither
    it nor the closing line is an article."""
    def issue(number: int, month: str, items: Sequence[str]) -> str:
        masthead = f"The Club News\nVolume 4, Number {number}\n{month}\n----------"
        return masthead + "\n\n" + "\n\n----------\n\n".join(
            f"{item}\n\n{paragraph(60)}\n\n{paragraph(40)}" for item in items) + "\n\n----------\n\nEND OF ISSUE"
    text = "\n\n".join([issue(1, "September 2021", ["The Spring Field Day", "New Repeaters"]),
                        issue(2, "November 2021", ["Dues Are Due", "A Night at the Library"]),
                        issue(3, "January 2022", ["Notes from the Board"])]) + "\n"
    found = articles_of(text)
    assert [(a.title, a.date) for a in found] == [
        ("The Spring Field Day", "2021-09"), ("New Repeaters", "2021-09"), ("Dues Are Due", "2021-11"),
        ("A Night at the Library", "2021-11"), ("Notes from the Board", "2022-01")]


def test_a_title_page_over_the_publishers_list_is_front_matter_though_signed_and_long():
    """A book's title page under its byline, with the publisher's list of the
    author's books in short lines: front matter, not the signed first poem of
    an issue, as its chapters are signed by no one."""
    def text(words: int, n: int) -> str:  # (not `paragraph`: its words' length, and so the lines', varies)
        return textwrap.fill("This " + " ".join(f"part{n}w{i % 7}" for i in range(words)) + ".", 72)

    works = "\n".join(f"The {adjective} {noun} of {town}. 6s." for adjective in ("Silver", "Hidden", "Quiet", "Winter")
                      for noun in ("Harbour", "Garden", "Valley", "Letter", "Crown") for town in ("Bridges", "Mills"))
    front = f'THE LITTLE BOOK\n\nBY JOHN SMITH\n\nAUTHOR OF "THE RIVER," ETC.\n\nUNIFORM WITH THIS VOLUME\n\n{works}' \
        "\n\nLONDON\nA PUBLISHER AND CO.\n1901"
    chapters = [(4, f"CHAPTER {numeral}\n\n{title}\n\n\n{text(300, 2 * n)}\n\n{text(300, 2 * n + 1)}")
                for n, (numeral, title) in enumerate((("I", "THE HOUSE"), ("II", "THE RIVER"), ("III", "THE LETTER")))]
    found = articles_of(book((0, front), *chapters))
    assert [a.title for a in found] == ["The House", "The River", "The Letter"]


def test_a_changelogs_entries_dated_in_november_are_no_issues_mastheads():
    """A GNU ChangeLog whose entry lines name their month `Nov`: no issue's
    number (`No. 5` needs its stop or a space), so no masthead; every entry stays."""
    entries = [f"Fri Nov {day} 11:42:42 1994  Jane Doe  <jane@example.org>\n\n\t* parse.c (read_{day}): Handle case {day}."
               f"\n\t* wait.h: New file for case {day}." for day in range(20, 9, -1)]
    found = articles_of("\n\n".join(entries) + "\n")
    assert len(found) == len(entries) and all(a.date and a.date.startswith("1994-11") for a in found)


def test_a_news_pages_short_dated_notices_are_its_articles_not_front_matter():
    """A project's news page made by a macro processor: under its template's
    definitions, each notice opens with its title as the call of a macro
    (`ITEM(Version 2.0 is out)`), the date under it and a line of the template
    that opens the text (`BODY`): however short a notice, it is an article,
    titled with the call's text, and the template's line under every title is
    no byline."""
    releases = [("Version 2.4 is out", "March 3 2024", "2024-03-03"),
                ("Version 2.3 is out", "January 9 2024", "2024-01-09"),
                ("Version 2.2 is out", "November 2 2023", "2023-11-02"),
                ("Version 2.1 is out", "August 30 2023", "2023-08-30"),
                ("Mirror moved", "July 4 2023", "2023-07-04"), ("Version 2.0 is out", "May 1 2023", "2023-05-01"),
                *((f"Version 1.{n} is out", f"April {n} 2023", f"2023-04-{n:02}") for n in range(9, 2, -1))]
    head = "#define ITEM(t) <h2> t\n#define WHEN(d) <span>d</span></h2>\n#define BODY <div>\n#define DONE </div>"
    notices = [f"ITEM({title})\nWHEN({date})\nBODY\n\nThe team presents the <a href=\"dl.html\">new version</a> "
               f"of the tool, notice {n}.\n\nDONE" for n, (title, date, _iso) in enumerate(releases)]
    long_notice = f"ITEM(Version 1.2 is out)\nWHEN(April 2 2023)\nBODY\n\n{paragraph(120)}\n\nDONE"
    found = articles_of(book((0, head), *((1, notice) for notice in [*notices, long_notice])))
    assert [(a.title, a.date, a.authors) for a in found] == [
        *((title, iso, ()) for title, _date, iso in releases), ("Version 1.2 is out", "2023-04-02", ())]


def test_one_surname_in_capitals_under_each_title_names_its_author():
    """Papers signed under their titles by their writers' surnames in capitals
    alone (`HARLOW`, `HARLOW AND MERCER`) name their authors; the text never
    writes these words in lower case."""
    authors = ["HARLOW", "MERCER", "HARLOW", "QUILL", "HARLOW AND MERCER"]
    papers = [(3, f"PAPER NO. {n}\n\n{'A Title Of Paper ' + str(n)}\n\n{author}\n\n\n{paragraph(200)}")
              for n, author in enumerate(authors, 1)]
    found = articles_of(book(*papers))
    assert [people(a) for a in found] == [
        ("Harlow",), ("Mercer",), ("Harlow",), ("Quill",), ("Harlow", "Mercer")]


def test_a_faq_numbering_its_questions_by_part_gives_each_question_a_page():
    """A FAQ in plain text whose questions are numbered within lettered parts
    (`A1)`, `A2)`, then `B1)` under `Section B`), its contents list first
    (each part's questions a block of lines): each question in the text is a
    page, titled without its code; one answer's own list of releases, lines of
    one pattern (`Version 3.2 brought these changes:`), stays that answer's."""
    parts = {"A": ["What is it?", "Where can I get it?", "Which systems does it run on?"],
             "B": ["What's new in the latest release?", "Is it compatible with the old one?"],
             "C": ["How does it differ from the others?", "Why is it slow to start?", "Can I change the prompt?"]}
    contents = "\n\n".join(f"Section {part}:  Questions of part {part}\n\n" + "\n".join(
        f"{part}{n}) {question}" for n, question in enumerate(questions, 1)) for part, questions in parts.items())
    releases = "\n\n".join(f"Version 3.{n} brought these changes:\n\n{paragraph(25)}" for n in range(5, 0, -1))
    answers = {question: "\n\n".join(paragraph(30) for _ in range(8))
               + (f"\n\n{releases}" if question.startswith("What's new") else "")
               for questions in parts.values() for question in questions}
    body = "\n\n".join(f"----------\nSection {part}:  Questions of part {part}\n\n" + "\n\n".join(
        f"{part}{n})  {question}\n\n{answers[question]}" for n, question in enumerate(questions, 1))
        for part, questions in parts.items())
    intro = f"This is the FAQ of a tool.\n\n{paragraph(30)}\n\n----------\nContents:"
    found = articles_of(f"{intro}\n\n{contents}\n\n{body}\n")
    assert [a.title for a in found][-8:] == [question for questions in parts.values() for question in questions]


def test_a_licence_notice_closing_or_opening_a_dump_is_no_article():
    """A release history whose last section is the file's licence (`License`,
    the GPL's notice), and a text whose first piece is its copyright notice:
    set aside, not articles. A release that mentions its licence stays one."""
    notice = ("This file is part of a tool.\n\nThe tool is free software: you can redistribute it and/or modify it"
              " under the terms of the GNU General Public License.\n\nIt is distributed in the hope that it will be"
              " useful, but WITHOUT ANY WARRANTY; see the License for more details.")
    releases = [f"* Version 1.{n}\n\n{paragraph(60)}" for n in range(3, 0, -1)]
    releases[1] += "\n\nThis release is licensed under the GPL, version 3 or later."
    found = articles_of("\n\n".join([*releases, f"* License\n\n{notice}"]), format=Format.ORG)
    assert [a.title for a in found] == ["Version 1.3", "Version 1.2", "Version 1.1"]
    copyright_page = f"Copyright (C) 2001 A. Writer. All rights reserved.\n\n{notice}"
    found = articles_of(book((0, copyright_page), *((4, f"THE {n} TALE\n\n{paragraph(200)}") for n in ("RED", "BLUE"))))
    assert [a.title for a in found] == ["The Red Tale", "The Blue Tale"]



def test_a_post_titled_as_a_notice_with_one_sentence_on_its_terms_stays_a_post():
    """A blog's first post titled `Copyright`, an essay that says once that a
    work is in the public domain, and a last post titled `License` about
    choosing one: posts, each whole."""
    def post(title: str, extra: str = "") -> str:
        return f"# {title}\n\n{paragraph(60)}\n\n{extra}{paragraph(50)}\n\n{paragraph(70)}"
    found = articles_of("\n\n".join([post("Copyright", "That old song is in the public domain now. "),
                                      post("Harbours"), post("Lanterns"),
                                      post("License", "My code is licensed under the MIT licence. ")]),
                        format=Format.MARKDOWN)
    assert [a.title for a in found] == ["Copyright", "Harbours", "Lanterns", "License"]
    assert "public domain" in found[0].body_text and "MIT licence" in found[-1].body_text


def test_org_comment_lines_are_set_aside():
    """Org never exports a comment line (`# …`): a file's notes to its editors
    over its first heading, however long, make no page of its own."""
    notes = "\n".join(f"# Note {n} to the editors: keep the newest entry of this file first, and its links whole."
                      for n in range(1, 5))
    text = f"A TOOL'S NEWS\n\n{notes}\n\n" + "\n\n".join(f"* Version 2.{n}\n\n{paragraph(60)}" for n in range(3, 0, -1))
    found = articles_of(text, format=Format.ORG)
    assert [a.title for a in found] == ["Version 2.3", "Version 2.2", "Version 2.1"]


def test_an_anthologys_poems_named_by_its_contents_at_the_back_are_no_front_matter():
    """A children's anthology: a title page, then poems (short lines, little
    prose), some under a picture's place two blank lines above their titles,
    each signed by its poet set to the right at its foot; its contents list
    stands at the back. The poems the list names are pieces, not front matter,
    and each is signed."""
    def poem(n: int) -> str:
        return "\n".join(f"    The little line {n}.{k} goes on {'and on' if k % 2 else 'away'}," for k in range(12))

    poets = ["Anna Reinhold", "Karl Gerber", "Marie Lindner", "Paul Ebner"]
    titles = ["Zum Morgen.", "Der Garten.", "Das Tischlied.", "Am Abend."]
    signed = [f"{poem(n)}\n\n{' ' * 35}{poet}." for n, poet in enumerate(poets)]
    pieces = [(4, f"[Illustration: Ein Baum]\n\n\n{titles[0]}\n\n\n{signed[0]}"),
              *((4, f"{title}\n\n\n{text}") for title, text in zip(titles[1:3], signed[1:3])),
              (4, f"[Illustration: Die Sonne]\n\n\n{titles[3]}\n\n\n{signed[3]}")]
    contents = "\n".join(f"  {title:<30}{poet:<20}{n * 3 + 5}" for n, (title, poet) in enumerate(zip(titles, poets)))
    found = articles_of(book((0, "DU DEUTSCHES KIND\n\nEin Lesebuch\n\n1922"), *pieces, (4, f"Inhalt\n\n{contents}")))
    assert [(a.title, people(a)) for a in found] == [
        (title.rstrip("."), (poet,)) for title, poet in zip(titles, poets)]


def test_a_journals_entries_dated_by_day_and_month_take_the_year_stated_above_them():
    """A journal transcribed with its e-book's wrapper, the markers run on to a
    second line: under a line stating its year alone (`1782.`), each entry is
    headed by its day and month (`Sept. 17.`), one over a margin note in
    brackets (`[Sidenote: …]`). Each entry is dated
    in that year, and past December in the next."""
    marker = "***{} OF THE PROJECT GUTENBERG EBOOK JOURNAL OF A YOUNG\nLADY, 1782***"
    days = ["Sept. 17.", "Sept. 18.", "October 2.", "Dec. 30.", "Jan. 2."]
    notes = {2: "[Sidenote: The house of a cousin.]\n\n"}
    entries = [(2, f"{day}\n\n{notes.get(n, '')}{textwrap.fill(paragraph(80), 72)}") for n, day in enumerate(days)]
    text = book((0, f"The Project Gutenberg eBook of a Journal\n\n{paragraph(40)}\n\n{marker.format('START')}"),
                (4, "JOURNAL\n\nOF A YOUNG LADY."), (4, "1782."), *entries,
                (4, f"{marker.format('END')}\n\n{paragraph(60)}"))
    [seed] = split_corpus([SeedInput(Seed("journal.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    found = seed.articles
    assert [(a.title, a.date) for a in found] == [
        ("Sept. 17", "1782-09-17"), ("Sept. 18", "1782-09-18"), ("October 2", "1782-10-02"),
        ("Dec. 30", "1782-12-30"), ("Jan. 2", "1783-01-02")]



def test_a_contents_list_naming_a_few_early_pieces_leaves_the_rest_of_the_issue_its_articles():
    """A magazine's contents list names its first departments only; the pieces
    after the last it names are half the issue, not a publisher's notices at
    its back: they stay articles."""
    named = ["THE RED TALE", "THE GREEN TALE", "THE BLUE TALE"]
    others = ["LETTERS FROM THE FIELD", "A VISIT TO THE SCHOOL", "THE NEW CHURCH", "NOTES OF THE MONTH",
              "THE CHINESE MISSION", "OUR CHILDREN"]
    contents = "CONTENTS\n\n" + "\n".join(f"     {name:<40}{n * 10 + 3}" for n, name in enumerate(named))
    pieces = [(4, f"{name}\n\n{textwrap.fill(paragraph(200), 72)}") for name in [*named, *others]]
    assert [a.title for a in articles_of(book((0, contents), *pieces))] == [
        "The Red Tale", "The Green Tale", "The Blue Tale", "Letters from the Field", "A Visit to the School",
        "The New Church", "Notes of the Month", "The Chinese Mission", "Our Children"]


def test_the_books_title_again_over_its_first_piece_is_a_half_title():
    """A book's title, then its introduction; the title again (a half-title),
    two blank lines over the first letter's heading: the half-title is set
    aside, and the first letter is a piece of its own, as the others are."""
    letters = ["LETTER I.--ON THE QUAKERS", "LETTER II.--ON THE CHURCH", "LETTER III.--ON TRADE"]
    body = [(3, f"{letter}\n\n\n{textwrap.fill(paragraph(200), 72)}") for letter in letters[1:]]
    text = book((0, f"LETTERS ON ENGLAND\n\n\nINTRODUCTION\n\n{textwrap.fill(paragraph(150), 72)}"),
                (4, f"LETTERS ON ENGLAND\n\n\n{letters[0]}\n\n\n{textwrap.fill(paragraph(200), 72)}"), *body)
    found = articles_of(text)
    assert [a.title for a in found][-3:] == ["On the Quakers", "On the Church", "On Trade"]


def test_a_line_of_dialogue_in_quotation_marks_opens_no_article():
    """A story's dialogue, each short reply a paragraph of its own (`"No."`),
    between stories titled in capitals, one of them in quotation marks: the
    replies are the story's, the quoted title in capitals is a title."""
    dialogue = "\n\n".join(f'"{question} {n}?"\n\n"No."' for n, question in
                           enumerate(["Have you friends in the country", "Has your wife any friends there",
                                      "Have you anything to pawn"]))
    stories = [(4, f"THE OLD MILL.\n\nBY A WRITER.\n\n\n{textwrap.fill(paragraph(200), 72)}\n\n{dialogue}\n\n"
                   f"{textwrap.fill(paragraph(150), 72)}"),
               (4, f'"LIONS IN THEIR DENS."\n\nBY A VISITOR.\n\n\n{textwrap.fill(paragraph(250), 72)}'),
               (4, f"THE SWALLOWS.\n\nBY A POET.\n\n\n{textwrap.fill(paragraph(250), 72)}")]
    assert [a.title for a in articles_of(book(*stories))] == ["The Old Mill", "Lions in Their Dens", "The Swallows"]



def test_a_licence_closing_a_last_release_leaves_that_releases_items_its_page():
    """A NEWS file's last release runs straight into the file's copyright and
    licence: the notice is set aside, the release keeps its items."""
    notice = ("Copyright (C) 2001 A Foundation, Inc.\n\nThis file is part of a tool.\n\nThe tool is free software: "
              "you can redistribute it and/or modify it.\n\nIt is distributed WITHOUT ANY WARRANTY.")
    releases = [f"* Noteworthy changes in release 1.{n}\n\n{paragraph(40)}" for n in range(3, 0, -1)]
    found = articles_of("\n\n".join(releases) + f"\n\n\n{notice}\n", format=Format.ORG)
    assert [a.title for a in found] == [f"Noteworthy changes in release 1.{n}" for n in range(3, 0, -1)]
    assert "This word" in " ".join(text for block in found[-1].body for text in block.texts)
    assert not any("WARRANTY" in text for a in found for block in a.body for text in block.texts)


def test_a_capitals_title_right_under_a_separator_opens_a_piece_though_two_blank_lines_follow_it():
    """A monthly's editorial notes between rows of stars: each title in capitals,
    closed by a stop and set two blank lines above its text. A closing line never
    stands right under a separator, so these open pieces (`PART II.` there is
    still a label of the piece it is in)."""
    star_row = "\n\n       *       *       *       *       *\n\n"
    names = ["OUR WINTER FUND.", "THE NEW SCHOOLHOUSE.", "A WORD FROM OUR FRIENDS.", "OUR TEACHERS."]
    text = star_row.join(f"{name}\n\n\n{paragraph(90)}\n\n{paragraph(70)}" for name in names) + "\n"
    titles = ["Our Winter Fund", "The New Schoolhouse", "A Word from Our Friends", "Our Teachers"]
    assert [a.title for a in articles_of(text)] == titles
    parted = text.replace("OUR TEACHERS.\n", "OUR TEACHERS.\n\n-----\n\nPART II.\n")
    assert [a.title for a in articles_of(parted)] == titles
    ended = text.replace("*\n\nOUR TEACHERS.", "*\n\nTHE END\n\n\nOUR TEACHERS.")  # a closing line under the stars
    assert [a.title for a in articles_of(ended)] == titles and "THE END" in articles_of(ended)[2].body_text


def test_a_run_of_ledgers_is_one_article_titled_by_the_line_over_it_and_kept_in_columns():
    """A report's receipts: a heading per county, each over a column of amounts,
    under one line alone (`RECEIPTS FOR MAY.`). One article, not one per county,
    its entries kept line for line with their amounts."""
    star_row = "\n\n       *       *       *       *       *\n\n"
    stories = star_row.join(f"{name}\n\n{paragraph(120)}\n\n{paragraph(90)}"
                            for name in ("THE RIVER SCHOOL.", "A VISIT TO THE HILLS.", "OUR NEW CHAPEL."))
    counties = [("NORTHSHIRE, $42.50.", ["  Springfield. First Ch. and Soc.            30.00",
                                        "  Riverton. \"A friend,\" for the new",
                                        "    chapel fund                                12.50"]),
                ("WESTSHIRE, $7.25.", ["  Millbrook. Sab. Sch.                          5.00",
                                      "  Oakdale. Mrs. A. Smith                        2.25"]),
                ("EASTSHIRE, $110.00.", ["  Harbor Town. Second Ch.                     100.00",
                                        "  Fernley. Ladies' Circle                      10.00",
                                        "                                             --------",
                                        "    Total                                     $159.75"])]
    ledger = "\n\n\n".join(name + "\n\n" + "\n".join(lines) for name, lines in counties)
    found = articles_of(stories + star_row + "RECEIPTS FOR MAY." + star_row + ledger + "\n")
    assert [a.title for a in found][:3] == ["The River School", "A Visit to the Hills", "Our New Chapel"]
    assert [a.title for a in found][3:] == ["Receipts for May"]
    body = found[3].body
    assert any(block.kind is BlockKind.CODE and "Riverton. \"A friend,\" for the new" in "\n".join(block.texts)
               for block in body)
    assert sum("30.00" in text for block in body for text in block.texts) == 1
    dated = stories + star_row + ledger.replace("NORTHSHIRE, $42.50.\n", "NORTHSHIRE, $42.50.\nMay 2, 1884\n").replace(
        "WESTSHIRE, $7.25.\n", "WESTSHIRE, $7.25.\nMay 9, 1884\n") + "\n"  # each dated: posts of their own
    assert [a.title for a in articles_of(dated)][3:5] == ["Northshire, $42.50.", "Westshire, $7.25."]


def test_only_amounts_of_money_make_a_ledger_not_a_contents_lists_page_numbers():
    """A paragraph of entries over amounts (cents or a currency sign) is a ledger;
    one whose lines end in page numbers is a contents list, read as before."""
    from corpus_browser.split.readers.text import read

    ledger = "\n\n  Millbrook. Sab. Sch.              5.00\n  Oakdale. Mrs. A. Smith            2.25\n"
    contents = "\n\n  The River School                   5\n  A Visit to the Hills              17\n"
    units = read(Seed("report.txt", tuple((ledger + contents).splitlines())))
    assert [unit.marker for unit in units if unit.role is Role.VERBATIM] == ["ledger", "ledger"]
    assert [unit.text for unit in units if unit.role is Role.PROSE] == ["The River School 5", "A Visit to the Hills 17"]


def test_a_journal_whose_entries_open_with_their_day_in_italics_gives_each_entry_a_dated_page():
    """A diary's entries are paragraphs opening with their day in italics, run
    in with the text (`_4th._--Walked …`): the month named only when it turns,
    the year only in the first. Each is an entry titled and dated by its day;
    a paragraph opening with other italics (`_Note._--`) is its entry's text."""
    days = ["Millbrook, _March 3rd 1801_.--", "_4th._--", "_5th, Thursday._--", "_April 1st._--", "_2nd._--",
            "_Friday, 3rd April._--"]
    entries = [f"{day}{textwrap.fill(paragraph(60), 70)}" for day in days]
    entries.insert(3, f"_Note._--{paragraph(20)}")
    text = "THE MILLBROOK JOURNAL\n\n\n" + "\n\n".join(entries) + "\n"
    (split,) = split_corpus([SeedInput(Seed("journal.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    found = split.articles
    assert [(a.title, a.date) for a in found][-6:] == [
        ("Millbrook, March 3rd 1801", "1801-03-03"), ("4th", "1801-03-04"), ("5th, Thursday", "1801-03-05"),
        ("April 1st", "1801-04-01"), ("2nd", "1801-04-02"), ("Friday, 3rd April", "1801-04-03")]
    assert "Note." in found[-4].body_text
    turning = [f"{day}{textwrap.fill(paragraph(60), 70)}" for day in
               ["Millbrook, _June 28th 1852_.--", "_29th._--", "_30th._--", "_1st._--", "_2nd._--"]]
    text = "THE VOYAGE\n\n\n" + "\n\n".join(turning[:3]) + "\n\nAUGUST.\n\n" + "\n\n".join(turning[3:]) + "\n"
    (split,) = split_corpus([SeedInput(Seed("voyage.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert [a.date for a in split.articles][-2:] == ["1852-08-01", "1852-08-02"]  # (a month's heading, or none)
    text = text.replace("\n\nAUGUST.\n\n", "\n\n")
    (split,) = split_corpus([SeedInput(Seed("voyage.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert [a.date for a in split.articles][-2:] == ["1852-07-01", "1852-07-02"]
    points = "\n\n".join(f"_{n}._ {paragraph(40)}" for n in ("1st", "2nd", "3rd", "4th", "5th"))
    assert len(articles_of(f"TO THE COUNCIL\n\n{paragraph(50)}\n\n{points}\n")) == 1  # numbered points: no journal
    events = "\n\n".join(f"_{day}_ -- {paragraph(20)}" for day in
                         ("April 12, 1861", "April 14, 1861", "July 21, 1861", "May 1, 1862", "July 3, 1863"))
    assert len(articles_of(f"A SHORT CHRONOLOGY\n\n{paragraph(50)}\n\n{events}\n")) == 1  # each date in full


def test_a_letters_heading_naming_whom_it_is_to_opens_it_though_a_colon_closes_it():
    """A book of letters: each headed `To Mrs. Ann Lee, in Springfield:` after
    three blank lines, over its place and date; a line leading in to a list
    (`To do all this we need:`) one blank line from its paragraph is text."""
    letters = [(f"To {name}:", f"{place}, {date}.") for name, place, date in (
        ("Mrs. Ann Lee, in Springfield", "MILLBROOK", "Oct. 3, 1853"),
        ("Orion Lee, in Riverton", "MILLBROOK", "Dec. 5, 1853"),
        ("Mrs. Ann Lee and Mrs. Ruth Lee, in Springfield", "HARBOR TOWN", "March 2, 1854"))]
    text = "\n\n\n\n".join(f"{head}\n\n{dateline:>40}\n\nMY DEAR SISTER,--{textwrap.fill(paragraph(150), 70)}"
                           f"\n\nTo do all this we need:\n\n{textwrap.fill(paragraph(60), 70)}"
                           for head, dateline in letters)
    text = "LETTERS OF A PRINTER\n\n\n\n" + text + "\n"
    (split,) = split_corpus([SeedInput(Seed("letters.txt", tuple(text.split("\n"))), Overrides())], SplitRules())
    assert [a.title for a in split.articles][-3:] == ["To Mrs. Ann Lee, in Springfield", "To Orion Lee, in Riverton",
                                                      "To Mrs. Ann Lee and Mrs. Ruth Lee, in Springfield"]
    assert not split.doubts  # (titles closed by a colon that name whom a letter is to lead in to nothing)


def test_long_labelled_headlines_over_two_lines_open_their_pieces_and_an_index_closes_the_book():
    """`LECTURE II--MR. CAUDLE HAS BEEN AT A TAVERN WITH A FRIEND, AND IS` over
    `"ENOUGH TO POISON A WOMAN" WITH TOBACCO-SMOKE`: a headline in capitals
    opened by its label, longer than a title, opens its lecture; an index of
    first lines closed by their pages (`A barking sound the shepherd hears,
    120`) at the book's end is set aside."""
    heads = ["LECTURE I--MR. CAUDLE HAS LENT FIVE POUNDS TO A FRIEND",
             ('LECTURE II--MR. CAUDLE HAS BEEN AT A TAVERN WITH A FRIEND, AND IS\n"ENOUGH TO POISON A WOMAN" WITH '
              "TOBACCO-SMOKE"),
             "LECTURE III--MR. CAUDLE HAS BEEN CALLED FROM HIS BED TO BAIL MR.\nPRETTYMAN FROM THE WATCH-HOUSE",
             "LECTURE IV--ON MR. CAUDLE'S SHIRT-BUTTONS"]
    index = "INDEX\n\n" + "\n\n".join(f"A line of verse number {n} goes here, {n * 7}" for n in range(1, 16))
    wrapped = [f"{textwrap.fill(paragraph(120 + n), 70)}\n\n{textwrap.fill(paragraph(90 + n), 70)}" for n in range(4)]
    text = book(*((0 if n == 0 else 3, f"{head}\n\n\n{wrapped[n]}") for n, head in enumerate(heads)),
                (3, index))
    found = articles_of(text)
    assert [a.title for a in found] == [
        "Mr. Caudle Has Lent Five Pounds to a Friend",
        'Mr. Caudle Has Been at a Tavern with a Friend, and Is "Enough to Poison a Woman" with Tobacco-Smoke',
        "Mr. Caudle Has Been Called from His Bed to Bail Mr. Prettyman from the Watch-House",
        "On Mr. Caudle's Shirt-Buttons"]
    assert all("goes here" not in a.body_text for a in found)
    prices = text.replace("INDEX\n", "OUR PRICES\n")  # (a last post of prices, under its own title)
    assert [a.title for a in articles_of(prices)][-1] == "Our Prices"
