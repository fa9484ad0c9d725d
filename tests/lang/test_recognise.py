"""The one recogniser of bylines, names and dates."""

from __future__ import annotations

import pytest

from corpus_browser.lang.recognise import (
    byline_names,
    dashed_names,
    find_date,
    is_date_line,
    is_name,
    name_line,
    name_with_address,
    names_in_title,
    person_name,
    sentence_credits,
    signature_names,
    signoff_names,
    without_trailing_date,
)
from corpus_browser.lang.rules import SPEAKER_TURN


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("August 23, 2016 - No Comments!", "2016-08-23"),
        ("Posted on 2019-11-05", "2019-11-05"),
        ("3rd March 2021", "2021-03-03"),
        ("27 Feb., 1884", "1884-02-27"),
        ("October 22,1933.", "1933-10-22"),  # no space after the comma, as OCR and typesetters leave it
        ("Cambridge, Jan. 10. 1850.", "1850-01-10"),  # a stop after the day, as old letters date themselves
        ("LONDON, Jan. 4, 1710–11.", "1711-01-04"),  # the year both ways, before the new year moved to January
        ("Dec. 30, 1710–11.", "1710-12-30"), ("Jan 4, 1914-15 season", "1914-01-04"),
        ("Release 2.0 May 3.1999", None),
        ("Tue Jul  5 12:07:30 2005", "2005-07-05"),
        ("2024-02-07T00:00:00Z", "2024-02-07"),
        ("November 24, 2023 Friday 6:01 AM GMT", "2023-11-24"),
        ("November 2016", "2016-11"),
        ("Sept. 2016 and then 4 March 2017", "2017-03-04"),  # the most precise date stated
        ("February 30, 2021", None),
        ("Version 12 of 2020", None),
        ("Changes in 1.1.2 (19 March 98)", "1998-03-19"),  # a year of two digits closing a bracket
        ("Changes in 1.2 (3 Jan 05)", "2005-01-03"),
        ("born 12 May 45 times", None),  # ... and nowhere else
        ("5.3.6 [2026.01.10]", "2026-01-10"),  # year first with dots (Haskell changelogs) ...
        ("2021.3.0", None),  # ... as two digits each: a version of a calendar's numbers is none
        ("Thu Apr 30 14:15:42 CEST 2026", "2026-04-30"),  # as `date` prints it, with its zone ...
        ("Wed Jan 15 02:07:11 PM +0100 2025", "2025-01-15"),  # ... and the time's AM or PM
    ],
)
def test_dates_at_the_precision_stated(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize(
    ("text", "is_line"),
    [("Posted on March 3, 2021 by", True), ("November 24, 2023 Friday 6:01 AM GMT", True),
     ("IN THE CITY OF NEW YORK THURSDAY, APRIL 30, 1789", False), ("On March 3, 2021 we met the team at last.", False),
     ("Changes in 1.3 (18 Aug 2023)", False)],  # a version number: a release's heading
)
def test_date_lines_carry_few_other_words(text, is_line):
    assert is_date_line(text) is is_line


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("BY JOHN WARD DEAN, A.M.", ("JOHN WARD DEAN",)),
        ("BY THE HON. SAMUEL ABBOTT GREEN, M.D.", ("SAMUEL ABBOTT GREEN",)),
        ("BY HENRY B. CARRINGTON, U.S.A., LL.D.", ("HENRY B. CARRINGTON",)),
        ("By Prof. P. FERRAND.", ("P. FERRAND",)),
        ("By Helen D. Abbott, Assistant in the Laboratory", ("Helen D. Abbott",)),
        ("Byline: Jane Doe in Washington", ("Jane Doe",)),
        ("BY JOHN KEATS (1795-1821)", ("JOHN KEATS",)),
        ("By Ada Lovelace and Charles Babbage", ("Ada Lovelace", "Charles Babbage")),
        ("By Ann, Bob and Jo", ("Ann", "Bob", "Jo")),
        ("By the way, this is prose.", None),
        ("By Monday, everything had changed.", None),
        ("By A. B. Carter, Maple Falls, Ohio", ("A. B. Carter",)),  # where the author writes from
        ("By Jane Roe, Forester", ("Jane Roe",)),
        ("By Maria Lopez, Daniel Kim", ("Maria Lopez", "Daniel Kim")),  # two people, a comma between them
        ("_By Request._", None),
        ("Authors: Jane Roe, John Doe", ("Jane Roe", "John Doe")),
        ("By Ann Lee, Bob Ray and Jo Kim", ("Ann Lee", "Bob Ray", "Jo Kim")),
        ("_by Henry Mill._", ("Henry Mill",)),  # a byline in italics, the stop inside or outside
        ("_by Dora Hale_.", ("Dora Hale",)),
        ("_Illustration by Dan Smith._", None),
        ("_by the way._", None),
    ],
)
def test_bylines_drop_honorifics_degrees_and_descriptions(text, names):
    assert byline_names(text) == names


def test_names_alone_and_with_addresses():
    assert person_name("W. N. LOCKINGTON") == "W. N. LOCKINGTON"
    assert person_name("WHAT IS AN AMERICAN") is None  # a title in capitals
    assert person_name("Jane Doe") is None  # a plain name alone is a byline only where the template has one
    assert name_with_address("-- Ada Byron <ada@example.org>  Sun, 29 Oct 2023 15:42:11 +0100") == \
        (("Ada Byron",), "2023-10-29")
    assert name_with_address("Todd Kulesza, Steve Francia tk@example.org, sf@example.org") == \
        (("Todd Kulesza", "Steve Francia"), None)
    assert name_with_address("Write to help@example.org for help") is None
    assert name_with_address("Jean-Paul Calderone <jp@example.com> wrote:") is None  # introduces a quotation
    assert is_name("F. v. Pocci") and is_name("Joh. Wolfg. v. Goethe")  # `v.`, German's `von` cut short


def test_signatures_and_credits():
    assert signoff_names("_James T. Fields, in The Granite Monthly._", last_paragraph=False) == ("James T. Fields",)
    assert signoff_names("old walls.--_H. W. Brewer, in London Graphic_.", last_paragraph=True) == ("H. W. Brewer",)
    # a quotation's attribution names no source: not the author
    assert signoff_names("“To be or not to be.”—SHAKESPEARE.", last_paragraph=True) is None


@pytest.mark.parametrize(("line", "names"), [
    ("—Ada Byron, Grace Hopper, and Alan Turing", ("Ada Byron", "Grace Hopper", "Alan Turing")),
    ("— Pieter de Vries (@pdevries)", ("Pieter de Vries",)),
    ("-- Ada Byron", ("Ada Byron",)),
    ("—The Team", None), ("— and so on", None), ("— Fin", None), ("— 3 May", None), ("Ada Byron", None)])
def test_names_after_a_dash_as_running_text_writes_them(line, names):
    assert dashed_names(line) == names


@pytest.mark.parametrize(("text", "names"), [
    ("This week's issue was edited by [jdoe-42](https://example.org/jdoe-42).  Sorry it's late!", ("jdoe-42",)),
    ("This issue of the club newsletter was compiled by Ada Byron and Grace Hopper.", ("Ada Byron", "Grace Hopper")),
    (("This guide was written by [@ada](https://example.org/ada) & [@grace](https://example.org/grace) "
      "with contributions from: [@alan](https://example.org/alan)"), ("ada", "grace")),
    ("This post was written by J. R. R. Tolkien. He wrote more.", ("J. R. R. Tolkien",)),
    ("This guest post was written by Ada Byron.", ("Ada Byron",)),
    ("This week's column was edited by Ada Byron.", ("Ada Byron",)),
    ("This issue was edited by jdoe-42.", None),  # a handle neither linked nor after `@`
    ("This was written by Ada Byron in 1843.", None),
    ("This is a review of the book that was written by Ada Byron.", None),
    ("The book was written by Ada Byron.", None),
    # another work the piece is about, not the piece: a review's book, an album
    ("This book was written by Ada Byron. I found it in a shop.", None),
    ("This album was produced by Alan Turing.", None)])
def test_a_sentence_crediting_the_piece_it_stands_in(text, names):
    assert sentence_credits(text) == names


def test_a_line_of_initials_signs_a_piece_but_an_abbreviation_does_not():
    """A magazine's verse signed by initials keeps its closing dot; `P. S.`
    and `Q. E. D.`, written as initials, are nobody's."""
    assert name_line("J. M. S.") == ("J. M. S.",)
    assert signature_names("— O. S.") == ("O. S.",)
    assert signature_names("W. N. LOCKINGTON.") == ("W. N. LOCKINGTON",)
    assert signature_names("Ada Byron <ada@example.org>") == ("Ada Byron",)
    assert person_name("P. S.") is None and person_name("Q. E. D.") is None and signature_names("N. B.") is None
    assert signature_names("G.H.B.") == ("G.H.B.",) and signature_names("U.S.A.") is None
    assert signature_names("A.M.") is None and name_line("R.I.P.") is None and name_line("M.D.") is None
    assert name_line("A. M.") == ("A. M.",)  # spaced, a correspondent's initials
    # a degree or a suffix after the name is no part of it
    assert name_line("JANE DOE, LL.D.") == ("JANE DOE",) and name_line("JOHN ROE, JUN.") == ("JOHN ROE",)


def test_titles_lose_a_date_set_off_at_their_end_only():
    assert without_trailing_date("2.10.0 - 2026-08-11") == "2.10.0"
    assert without_trailing_date("Release 7.2.6 (released Sep 13, 2023)") == "Release 7.2.6"
    assert without_trailing_date("[1.4.2] - 2026-02-19") == "[1.4.2]"  # (a bracket closed before the date)
    assert without_trailing_date("3.0.0 (LTS) 2021-03-01") == "3.0.0 (LTS)"  # (an aside after the version)
    assert without_trailing_date("6.0.4 / 2026-04-14") == "6.0.4"  # RDoc histories (hoe)
    assert without_trailing_date("5.3.6 [2026.01.10]") == "5.3.6"
    assert without_trailing_date("Remembering September 11, 2001") == "Remembering September 11, 2001"
    assert without_trailing_date("March 3, 2021") == "March 3, 2021"
    assert without_trailing_date("0.9.5 Tue Jan 11 2011") == "0.9.5"  # a weekday is part of the stamp (Perl Changes)
    assert without_trailing_date("Version 3.3 04-May-2024") == "Version 3.3"  # right after a version: its stamp
    assert without_trailing_date("Since 1.2 the 4 May 2024 rules") == "Since 1.2 the 4 May 2024 rules"
    assert without_trailing_date("1.2 28 July 1914") == "1.2 28 July 1914"  # a section's number, no version
    assert without_trailing_date("On Sunday May 3, 2020") == "On Sunday May 3, 2020"
    assert without_trailing_date("0.43 - Fri Jul 16 2004 17:44:54 +0800") == "0.43"  # the stamp's time and zone
    talk = "Talk on May 3, 2021 at 10:00 about plans"
    assert without_trailing_date(talk) == talk


def test_speakers_in_titles_need_a_shared_ending_and_two_speakers():
    titles = ["JOHN ADAMS INAUGURAL ADDRESS", "JAMES MONROE, FIRST INAUGURAL ADDRESS", "JAMES A. GARFIELD INAUGURAL ADDRESS"]
    assert names_in_title(titles) == {titles[0]: "JOHN ADAMS", titles[1]: "JAMES MONROE", titles[2]: "JAMES A. GARFIELD"}
    newsletters = ["Project Gutenberg Newsletter March 2024", "Project Gutenberg Newsletter April 2024",
                   "Project Gutenberg Newsletter May 2024"]
    assert names_in_title(newsletters) == {}
    letters = ["LETTER I.--ON THE QUAKERS", "LETTER II.--ON THE QUAKERS", "LETTER III.--ON THE QUAKERS"]
    assert names_in_title(letters) == {}  # a label and its title, joined by a dash, name no one


@pytest.mark.parametrize(("text", "names"), [
    ("Posted on March 1, 2021 by Jane Doe", ("Jane Doe",)),
    ("Tuesday, March 1, 2021 by Jane Doe", ("Jane Doe",)),
    ("1 March 2021 by Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("2021-03-01 by Jane Doe", ("Jane Doe",)),
    ("By Jane Doe on March 1, 2021", ("Jane Doe",)),
    ("Puolan kapinat vv. 1831 ja 1863, by Yrjö Sakari", None),  # a book and its author in a list
    ("In 1984 by the sea", None),
])
def test_a_blogs_date_line_naming_its_author_is_a_byline(text, names):
    assert byline_names(text) == names


def test_a_transcripts_turns_are_told_from_titles_with_a_colon():
    turns = ["THE PRESIDENT: Yes.", "SIR DAVID MAXWELL-FYFE: If I may.", "MÜLLER: Ja.", "DR. NELTE: Do you know?"]
    assert all(SPEAKER_TURN.match(turn) for turn in turns)
    assert not any(SPEAKER_TURN.match(title) for title in ["Update: the fix", "Chapter 1: The Storm", "Python: a tour"])
