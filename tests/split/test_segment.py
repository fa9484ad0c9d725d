"""Segment stage: units, roles and article boundaries on small made-up dumps."""

from __future__ import annotations

import textwrap

import pytest
from helpers import articles_of, paragraph, segment_texts

from corpus_browser.model import Format, Overrides, Role


def titles(*texts: str, **kwargs) -> list[str]:
    return [article.title for article in articles_of(*texts, **kwargs)]


def roles(text: str) -> dict[int, str]:
    (item,) = segment_texts(text)
    return {unit.first: unit.role.value for segment in item.segments for unit in segment.units}


@pytest.mark.parametrize(
    "separator",
    ["\n\n\n", "\n\u00a0\n\n", "\n* * *\n", "\n---\n", "\n\t \n\n"],
    ids=["blank-run", "no-break-space-line", "stars", "dashes", "whitespace-line"],
)
def test_separators_split_articles(separator):
    text = f"First Title\n\n{paragraph(40)}{separator}\nSecond Title\n\n{paragraph(40)}"
    assert titles(text) == ["First Title", "Second Title"]


def test_single_blank_line_before_short_section_keeps_one_article():
    text = "\n\n".join(["Main Title", paragraph(60), "A Section", paragraph(60), "Another Section", paragraph(60)])
    (article,) = articles_of(text)
    assert article.title == "Main Title"
    assert [block.texts[0] for block in article.body if block.kind.value == "heading"] == ["A Section", "Another Section"]


def test_undelimited_titles_split_when_pieces_are_article_length():
    text = "\n\n".join(["First Essay", paragraph(500), "Second Essay", paragraph(480), "Third Essay", paragraph(520)])
    assert titles(text) == ["First Essay", "Second Essay", "Third Essay"]


def test_undelimited_heading_before_short_piece_stays_a_section():
    text = "\n\n".join(["First Essay", paragraph(600), "Closing Thoughts", paragraph(60)])
    assert titles(text) == ["First Essay"]


def test_repeated_title_starts_one_article_not_two():
    text = "\n\n".join([paragraph(40), "Doubled Title", "Doubled Title", paragraph(40)])
    found = articles_of(text)
    assert [article.title for article in found][1:] == ["Doubled Title"]
    assert found[1].tally.metadata == 2


def test_title_followed_by_byline_starts_article_even_without_separator():
    text = "\n\n".join(["Opening Piece", paragraph(200), "Next Piece", "GUEST POST from Ada Lovelace", paragraph(30)])
    found = articles_of(text)
    assert [a.title for a in found] == ["Opening Piece", "Next Piece"]
    assert found[1].authors == ("Ada Lovelace",)


def test_next_articles_date_after_a_break_does_not_confirm_a_closing_section():
    first = "\n\n".join(["March 3, 2021 - No Comments", "First Piece", "By Ada Lovelace", paragraph(60),
                         "Closing Thoughts", paragraph(30)])
    second = "\n\n".join(["March 4, 2021 - No Comments", "Second Piece", "By Grace Hopper", paragraph(60)])
    assert titles(f"{first}\n\n\n\n{second}") == ["First Piece", "Second Piece"]


def test_date_line_above_title_belongs_to_the_article():
    text = "\n\n".join(["March 3, 2021 - 2 Comments", "Dated Piece", paragraph(40)])
    (article,) = articles_of(text)
    assert (article.title, article.date, article.first_line) == ("Dated Piece", "2021-03-03", 1)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("How should you do business in a recession?", "prose"),
        ("Are You Testing Your Intuitions?", "heading"),
        ("The question we face is:", "prose"),
        ("Test them.", "prose"),
        ("Customer Journeys Inside the Tornado.", "heading"),
        ("SHOUTED CHAPTER TITLE.", "heading"),
        ("a lower-case start", "prose"),
        ("Leave a Reply", "boilerplate"),
        ("Image credit: Someone", "boilerplate"),
        ("Published by: Grace Hopper in Essays", "byline"),
        ("By the way, this is prose.", "prose"),
    ],
)
def test_line_roles(line, role):
    assert roles(f"Some Title\n\n{paragraph(30)}\n\n{line}\n\n{paragraph(40)}")[5] == role


def test_numbered_lines_are_a_list_only_when_consecutive():
    text = "\n\n".join(["Title", paragraph(30), "1986. A year of change.", paragraph(30), "1. One thing", "2. Two things", paragraph(30)])
    found = roles(text)
    assert found[5] == "prose"
    assert (found[9], found[11]) == ("list_item", "list_item")


def test_a_lone_dash_line_is_prose_but_two_bullets_are_a_list():
    text = "\n".join(["Title", "", paragraph(30), "- lonely dash", paragraph(30), "• one", "• two"])
    found = roles(text)
    assert found[4] == "prose"
    assert (found[6], found[7]) == ("list_item", "list_item")


def test_boilerplate_is_what_repeats_across_seeds():
    footer = "Subscribe to our weekly letter and join thousands of readers today"
    seeds = [f"Title {n}\n\n{paragraph(40)}\n\n{footer}" for n in "ABC"]
    for item in segment_texts(*seeds):
        assert item.segments[0].units[-1].role is Role.BOILERPLATE


def test_near_duplicate_footers_are_boilerplate_too():
    footers = [
        "Subscribe to the Weekly Letter: sign up here to join 17,000+ readers getting it every week.",
        "Subscribe to the Weekly Letter: sign up here to join 17,000+ leaders getting it every week.",
    ]
    seeds = [f"Title {n}\n\n{paragraph(40)}\n\n{footers[n % 2]}" for n in range(3)]
    assert all(item.segments[0].units[-1].role is Role.BOILERPLATE for item in segment_texts(*seeds))


def test_short_lines_differing_in_a_page_number_are_boilerplate_but_in_a_version_are_not():
    """`The Weekly Gazette, issue 12, page 3` closing each seed is one footer
    however its numbers run; `What's new in tool 2.45.91` and `… 2.45.90` name
    two releases."""
    footers = [f"The Weekly Gazette, issue 12, page {n}" for n in (3, 4, 5)]
    for item in segment_texts(*(f"Title {n}\n\n{paragraph(40)}\n\n{footer}" for n, footer in enumerate(footers))):
        assert item.segments[0].units[-1].role is Role.BOILERPLATE
    releases = [f"What's new in tool 2.45.9{n}" for n in (1, 2, 3)]
    for item in segment_texts(*(f"Title {n}\n\n{paragraph(40)}\n\n{line}" for n, line in enumerate(releases))):
        assert item.segments[0].units[-1].role is not Role.BOILERPLATE


def test_a_paragraph_repeated_within_one_seed_is_a_quotation_not_boilerplate():
    quote = "The best way to predict the future is to invent it, as the saying goes."
    (item,) = segment_texts(f"Title\n\n{quote}\n\n{paragraph(40)}\n\n{quote}")
    assert [unit.role for unit in item.segments[0].units][1:] == [Role.PROSE] * 3


def test_a_paragraph_that_occurs_once_is_prose():
    (item,) = segment_texts(f"Title\n\n{paragraph(40)}\n\nSubscribe to our weekly letter and join thousands of readers today")
    assert item.segments[0].units[-1].role is Role.PROSE


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "THE FIRST CHAPTER\n\n"
        "It was a bright cold day in April, and the clocks were striking\n"
        "thirteen. Winston Smith, his chin nuzzled into his breast in an\n"
        "effort to escape the vile wind, slipped quickly through the glass\n"
        "doors of Victory Mansions, though not quickly enough to prevent a\n"
        "swirl of gritty dust from entering along with him.\n\n"
        "The hallway smelt of boiled cabbage and old rag mats. At one end of\n"
        "it a coloured poster, too large for indoor display, had been tacked\n"
        "to the wall. It depicted simply an enormous face, more than a metre\n"
        "wide.\n"
    )
    (article,) = articles_of(wrapped)
    assert article.title == "The First Chapter"  # capitals eased for the reader
    paragraphs = [block.texts[0] for block in article.body]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("It was a bright cold day in April, and the clocks were striking thirteen.")
    assert article.tally.prose == 9


def test_markdown_articles_start_at_level_one_headings_only():
    text = "\n".join([
        "# First Post", "", paragraph(20), "", "## A Section", "", paragraph(20),
        "", "# Second Post", "", "Wrapped line one", "continues here.",
    ])
    found = articles_of(text, format=Format.MARKDOWN)
    assert [a.title for a in found] == ["First Post", "Second Post"]
    assert [b.texts[0] for b in found[0].body if b.kind.value == "heading"] == ["A Section"]
    assert found[1].body[-1].texts == ("Wrapped line one continues here.",)


def test_sidecar_forces_and_forbids_splits():
    text = "\n\n".join(["One", paragraph(600), "Two", paragraph(600), "Three", paragraph(40)])
    assert titles(text) == ["One"]
    assert titles(text, overrides=Overrides(split_at=frozenset({5, 9}))) == ["One", "Two", "Three"]
    separated = f"One\n\n{paragraph(40)}\n\n\n\nTwo\n\n{paragraph(40)}"
    assert titles(separated) == ["One", "Two"]
    assert titles(separated, overrides=Overrides(no_split_at=frozenset({7}))) == ["One"]


def test_sidecar_sets_lines_aside_as_boilerplate():
    text = "\n\n".join(["Title", paragraph(30), "Buy my book today, it is great", paragraph(30)])
    (article,) = articles_of(text, overrides=Overrides(boilerplate=frozenset({5})))
    assert article.tally.boilerplate == 1
    assert all("Buy my book" not in block.texts[0] for block in article.body)


def test_seed_without_headings_is_one_article_titled_by_its_opening_words():
    (article,) = articles_of("just some words without any heading at all, in a run-on sentence that goes on. More.")
    assert article.title == "just some words without any heading at all, in a…"
    assert article.tally.prose == 1


def test_indented_and_all_caps_titles_in_hard_wrapped_text():
    line = "It was the best of times, it was the worst of times, it was the age"
    body = "\n".join([line] * 4) + "\nof wisdom."
    text = f"        A tale of two cities.\n\n{body}\n\n\n\nCHAPTER THE SECOND\n\n{body.replace('best', 'finest')}\n"
    found = articles_of(text)
    assert [article.title for article in found] == ["A tale of two cities", "Chapter the Second"]
    assert all(len(article.body) == 1 for article in found)


def test_a_txt_seed_of_one_article():
    (article,) = articles_of(f"Only Article\n\n{paragraph(50)}\n\n{paragraph(50)}")
    assert (article.title, len(article.body), article.first_line, article.last_line) == ("Only Article", 2, 1, 5)


def test_an_article_saved_in_two_seeds_keeps_its_text():
    article = f"Saved Twice\n\n{paragraph(40)}\n\n{paragraph(40)}\n\nThe same closing line appears in both copies of it."
    for item in segment_texts(article, article, article):
        assert [unit.role for unit in item.segments[0].units][1:] == [Role.PROSE] * 3


def test_a_date_line_over_each_posts_title_dates_the_post_and_opens_no_entry():
    """Posts copied from a blog, each under its date line (`May 25, 2016 - No
    Comments!`), apart from the one before: the date line dates the post and the
    line under it is its title; a journal's date lines open entries of prose."""
    posts = [("May 24, 2016", "Homepage Changes Every Investor Should Know", "Uma Tanaka"),
             ("May 25, 2016", "Model Business Enforcement", "Wei Varga"),
             ("May 25, 2016", "Tell the Customer Rapidly", "Felix Nakamura"),
             ("May 28, 2016", "Deliver State Association Threat", "Ana Petrov"),
             ("May 30, 2016", "Careful Occupies Behaviors", "Ben Jensen"),
             ("June 1, 2016", "Players Before Startups", "Hana Haddad")]
    text = "\n\n\n\n".join(f"{date} - No Comments!\n\n{title}\n\nBy {author}\n\n{paragraph(60)}\n\n{paragraph(60)}"
                           for date, title, author in posts)
    found = articles_of(text)
    assert [(a.title, a.date, a.authors) for a in found] == [
        (title, date_iso, (author,)) for (_, title, author), date_iso in
        zip(posts, ["2016-05-24", "2016-05-25", "2016-05-25", "2016-05-28", "2016-05-30", "2016-06-01"])]


def test_a_roman_numeral_before_a_title_written_as_a_sentence_opens_a_chapter():
    """`II. Papa se fâche.`: a title in sentence case, ending with a full stop,
    which the numeral before it marks as a chapter's."""
    titles = ["I. Deux parents et deux enfants.", "II. Papa se fâche.", "III. Voilà ce que c’est!",
              "IV. Marie couche le petit blessé."]
    text = "\n\n\n\n\n".join(f"{title}\n\n\n{paragraph(50)}\n\n{paragraph(50)}\n\n{paragraph(50)}" for title in titles)
    assert [a.title for a in articles_of(text)] == [title.split(". ", 1)[1].rstrip(".") for title in titles]


def test_a_line_of_dialogue_opened_by_two_hyphens_is_never_a_title():
    """Plain-text books write the dash of dialogue as two hyphens (`--Oui, Madame`)."""
    chapters = [f"{n}. Chapter Number {n}" for n in ("I", "II", "III")]
    text = "\n\n\n\n".join(f"{title}\n\n{paragraph(50)}\n\n--Oui, Madame.\n\n--Voulez-vous lire?\n\n--Oui, Madame.\n\n"
                           f"{paragraph(50)}" for title in chapters)
    assert [a.title for a in articles_of(text)] == [title.split(". ", 1)[1] for title in chapters]


def wrapped(text: str, width: int = 38) -> list[str]:
    """Text broken into lines of at most `width` characters, as a newspaper column is."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def test_raw_ocr_with_no_blank_line_is_split_at_its_headlines():
    """A newspaper page as OCR gives it: columns of lines, not one blank line.
    A headline is a line or two in capitals after a sentence's end (or after a
    line cut off, its first line taken back from the text above), or a short
    line in title case; the text under it starts at the line after it."""
    stories = [("FRENCH CHECK", "GERMAN DRIVE"), ("FROM LONG, SOUND SLEEP,", "RIP VAN WINKLE AWAKES"),
               ("DESCRIBE BATTLE",), ("Duma Approves War Loan.",), ("SCOUTS MAKE DARING RAID",),
               ("Two Resign",), ("SHARP NOTE TO PORTUGAL",)]
    lines = ["THE PIONEER", "VOL. VI. NO. 45. MARCH 3, 1916. $2.00 Per Year"]
    for headline in stories:
        lines += [*headline, *wrapped(paragraph(90)), *wrapped(paragraph(60))]
        # A sentence that opens with a name in title case, running on to the column's edge, is no headline.
        lines += ["Former Senator Lee Mantle of Butte", *wrapped("has said so. " + paragraph(20))]
        lines += ["The matter was put before a vote.", "A vote of the Town Council.", *wrapped(paragraph(20))]
    # A headline after a line the column cut off mid-sentence: its first line still opens it.
    lines += ['and they told of their purpose, the get', 'ting ot Villa "', "THE STATE OF", "VERMONT",
              *wrapped(paragraph(90))]
    found = articles_of("\n".join(lines))
    assert [article.title for article in found] == [
        "French Check German Drive", "From Long, Sound Sleep, Rip Van Winkle Awakes", "Describe Battle",
        "Duma Approves War Loan", "Scouts Make Daring Raid", "Two Resign", "Sharp Note to Portugal",
        "The State of Vermont"]
    covered = [number for article in found for number in range(article.first_line, article.last_line + 1)]
    assert covered == list(range(3, len(lines) + 1))  # every line after the masthead in exactly one article


def test_a_department_heading_names_the_section_of_its_pieces_and_their_author():
    """An anthology's departments (`POEMS BY EDWARD LEAR`) hold pieces of their own: each
    piece keeps the department as its section, and takes its author when it names none."""
    def poems(*titles: str) -> str:
        return "\n\n\n".join(f"{title}\n\n{paragraph(40)}\n\n{paragraph(30)}" for title in titles)
    text = "\n\n\n".join([
        f"PREFACE\n\n{paragraph(60)}",
        "POEMS BY EDWARD LEAR", poems("THE JUMBLIES", "THE POBBLE WHO HAS NO TOES", "THE OWL AND THE PUSSY-CAT"),
        "POEMS BY HENRY W. LONGFELLOW", poems("THE RAINY DAY", "DAYBREAK", "RAIN IN SUMMER")])
    found = articles_of(text)
    assert [(a.title, a.section, a.authors) for a in found] == [
        ("Preface", None, ()),
        ("The Jumblies", "Poems by Edward Lear", ("EDWARD LEAR",)),
        ("The Pobble Who Has No Toes", "Poems by Edward Lear", ("EDWARD LEAR",)),
        ("The Owl and the Pussy-Cat", "Poems by Edward Lear", ("EDWARD LEAR",)),
        ("The Rainy Day", "Poems by Henry W. Longfellow", ("HENRY W. LONGFELLOW",)),
        ("Daybreak", "Poems by Henry W. Longfellow", ("HENRY W. LONGFELLOW",)),
        ("Rain in Summer", "Poems by Henry W. Longfellow", ("HENRY W. LONGFELLOW",))]


def test_departments_after_separators_and_poems_signed_in_italics():
    """A department's heading under a row of stars (one row or two) stands after
    the stars' break; `POEMS BY VARIOUS AUTHORS` names no one, and its poems are
    signed at their foot by an indented name in italics (`_Clinton Scollard._`)."""
    def poems(*titles: str, signed: tuple[str, ...] = ()) -> str:
        return "\n\n\n".join(f"{title}\n\n{paragraph(40)}\n\n{paragraph(30)}"
                              + (f"\n                _{signed[n]}._" if signed else "")
                              for n, title in enumerate(titles))
    stars = "*       *       *       *       *"
    text = "\n\n\n".join([
        f"PREFACE\n\n{paragraph(60)}",
        "POEMS BY EDWARD LEAR", poems("THE JUMBLIES", "THE POBBLE WHO HAS NO TOES"),
        f"{stars}\n\nPOEMS BY JAMES WHITCOMB RILEY", poems("LITTLE ORPHANT ANNIE", "THE BROOK-SONG"),
        f"{stars}\n{stars}\n\nPOEMS BY VARIOUS AUTHORS",
        poems("FRAIDIE-CAT", "JACK IN THE PULPIT", "THE OWL", signed=("Clinton Scollard", "Clara Smith", "Anonymous"))])
    found = articles_of(text)
    assert [(a.title, a.authors) for a in found] == [
        ("Preface", ()),
        ("The Jumblies", ("EDWARD LEAR",)), ("The Pobble Who Has No Toes", ("EDWARD LEAR",)),
        ("Little Orphant Annie", ("JAMES WHITCOMB RILEY",)), ("The Brook-Song", ("JAMES WHITCOMB RILEY",)),
        ("Fraidie-Cat", ("Clinton Scollard",)), ("Jack in the Pulpit", ("Clara Smith",)), ("The Owl", ())]


def test_a_faqs_questions_run_in_with_their_text_open_its_entries():
    """A plain-text FAQ lists its numbered questions, then asks each again run in
    with the context under it (`1.1. How do I …? Our site …`), or on a line
    of its own over it: each is an entry, its text the rest of the paragraph,
    every line in one entry once. A wrapped line of an answer that opens with a
    number (`… says in` over `1.1. If …`) stays in its paragraph."""
    questions = {"1": ["1.1. How do I set up a mirror?", "1.2. How do I add a user to a group?",
                       "1.3. How do I change a password?"],
                 "2": ["2.1. How do I send mail to another host?", "2.2. How do I set up a relay?",
                       "2.3. How do I turn off logging?"]}
    contents = "\n\n".join(f"{section}. Section {section}\n" + "\n".join(asked) for section, asked in questions.items())
    def entry(question: str, n: int) -> str:
        context = textwrap.fill(f"{question} {paragraph(30)}", 72) if n % 3 else f"{question}\n{paragraph(8)}"
        return f"{context}\n\n" + textwrap.fill(f"Answer: {paragraph(30)}", 72)
    wrapped = "Answer: stop it first, then restart the server as the answer above says in\n1.1. If it fails, ask."
    body = "\n\n\n".join(f"{section}. Section {section}\n\n\n" + "\n\n\n".join(entry(question, n) for n, question
                                                                            in enumerate(asked))
                           for section, asked in questions.items())
    text = f"{contents}\n\n\n\n{body}\n\n{wrapped}\n"
    found = articles_of(text)
    assert [article.title for article in found] == [question for asked in questions.values() for question in asked]
    first = found[1]  # (run in)
    assert first.body[0].texts[0].startswith("This word") and len(first.body) == 2
    assert first.body[1].texts[0].startswith("Answer:")
    assert found[-1].body[-1].texts == (wrapped.replace("\n", " "),)
    assert found[0].body[0].texts[0].startswith("This word")  # (over its text)
    run_in = found[1].first_line  # a sidecar's split_at on a run-in title's line splits there once
    assert [a.title for a in articles_of(text, overrides=Overrides(split_at=frozenset({run_in})))] == \
        [a.title for a in found]
    lines = text.splitlines()
    for article in found:  # (the title's line, which its text runs on, counted once)
        assert article.tally.prose + article.tally.metadata == sum(
            1 for line in lines[article.first_line - 1:article.last_line] if line.strip())


def test_a_numbered_faq_opens_an_entry_at_every_numbered_question():
    """A plain-text FAQ numbers its questions by section (`1.4 When will …`): each
    is an entry, whatever its first word."""
    questions = ["1.1 What is curl?", "1.2 What is libcurl?", "1.3 Who makes curl?", "1.4 When will you make it?",
                 "2.1 configure fails when using static libraries", "2.2 Does curl work with other SSL libraries?",
                 "3.1 How do I tell curl to resume a transfer?"]
    text = "\n\n".join(f"  {question}\n\n  {paragraph(40)}\n\n  {paragraph(30)}" for question in questions)
    assert [article.title for article in articles_of(text)] == questions


def test_a_version_heading_is_the_title_whatever_line_stands_under_it():
    """`## Version 8.5.0` over `Unreleased` (the others over `Released 2024-12-19`):
    a version names its release; it numbers no piece whose name is under it."""
    releases = [("8.5.0", "Unreleased")] + [(f"8.1.{n}", f"Released 2024-0{n}-1{n}") for n in range(8, 2, -1)]
    text = "\n\n".join(f"## Version {version}\n\n{status}\n\n- {paragraph(12)}\n- {paragraph(9)}"
                       for version, status in releases)
    assert [a.title for a in articles_of(text, format=Format.MARKDOWN)] == [f"Version {v}" for v, _ in releases]


def test_a_contents_list_names_the_titles_whatever_the_blank_lines_before_them():
    """Essays after four blank lines, and some after three: the contents list names
    them all. A line it names right under a title is that piece's first section."""
    essays = ["THE CASE FOR THE EPHEMERAL", "COCKNEYS AND THEIR JOKES", "THE FALLACY OF SUCCESS", "WOMAN",
              "THE WEDDING OF MRS FOX", "ON RUNNING AFTER ONE'S HAT", "SPIRITUALISM"]
    contents = "CONTENTS\n\n" + "\n\n".join(essays + ["FIRST STORY"])
    parts = [f"ALL THINGS CONSIDERED\n\n\n\n\n{contents}"]
    for n, title in enumerate(essays):
        gap = "\n" * (4 if n % 2 == 0 else 3)
        under = "\n\n\nFIRST STORY\n\n" if title.startswith("THE WEDDING") else "\n\n"
        parts.append(f"{gap}{title}{under}{paragraph(80)}\n\n{paragraph(80)}\n\n{paragraph(80)}")
    found = articles_of("\n".join(parts))
    assert [a.title for a in found] == ["The Case for the Ephemeral", "Cockneys and Their Jokes", "The Fallacy of Success",
                                        "Woman", "The Wedding of Mrs Fox", "On Running After One's Hat", "Spiritualism"]


def test_a_departments_items_are_its_pieces():
    """A magazine's departments stand after three blank lines between rows of
    stars, their items after two, their paragraphs after one: every item of a
    department is a piece of its own, not a section of its first."""
    stars = "       *       *       *       *       *"
    def department(name: str, items: list[str], parted: str = "") -> str:
        part = f"\n\n\nII.\n\n\n{paragraph(45)}\n\n{paragraph(35)}"  # (a part numbered in the item `parted`)
        pieces = "\n\n\n".join(f"{title}\n\n\n{paragraph(50)}\n\n{paragraph(40)}{part if title == parted else ''}"
                                for title in items)
        return f"\n\n\n\n{name}\n\n{stars}\n\n\n{pieces}\n\n{stars}"
    text = f"THE MIRROR\n\n{paragraph(30)}\n\n{stars}" + department(
        "THE LECTURER.", ["MINOR AFFECTIONS OF THE BRAIN.", "HYDROPHOBIA.", "DIET."]) + department(
        "THE NATURALIST.", ["NOISY FISH.", "GEOLOGY.", "A MAGNIFICENT WATERFALL."])
    found = articles_of(text)
    assert [(a.title, a.section) for a in found][-6:] == [
        ("Minor Affections of the Brain", "The Lecturer"), ("Hydrophobia", "The Lecturer"), ("Diet", "The Lecturer"),
        ("Noisy Fish", "The Naturalist"), ("Geology", "The Naturalist"), ("A Magnificent Waterfall", "The Naturalist")]
    numbered = f"THE MIRROR\n\n{paragraph(30)}\n\n{stars}" + department(
        "THE LECTURER.", ["MINOR AFFECTIONS OF THE BRAIN.", "HYDROPHOBIA.", "DIET."], "HYDROPHOBIA.")
    assert [a.title for a in articles_of(numbered)][-3:] == [a.title for a in found][-6:-3]  # (`II.` numbers a part)


def test_a_caption_left_open_by_its_bracket_is_set_aside_to_its_close():
    """A cartoon's caption runs over paragraphs, its bracket closing on the last:
    its lines of dialogue in capitals are the caption's, set aside, never titles."""
    caption = ('[Illustration: "OLE BILL SEZ \'E \'ARDLY NEVER SEES \'IS MISSUS NAH."\n\n"OH! \'OW\'S THAT, THEN?"\n\n'
               '"COS SHE\'S ALL MORNIN\' IN A SUGAR CUE."]')
    text = "\n\n\n\n".join(f"{title}\n\n{paragraph(60)}\n\n{caption if n == 1 else paragraph(40)}\n\n{paragraph(50)}"
                           for n, title in enumerate(["THE FOOD QUESTION", "AT THE FRONT", "A HOLIDAY", "OUR CLUB"]))
    found = articles_of(text)
    assert [a.title for a in found] == ["The Food Question", "At the Front", "A Holiday", "Our Club"]
    assert "SUGAR CUE" not in found[1].body_text
    assert found[1].tally.boilerplate == 3  # the caption's three lines


def test_a_cast_list_under_a_row_of_stars_opens_no_piece():
    """A play's cast, in capitals, one name a line under a row of stars, is no title."""
    stars = "       *       *       *       *       *"
    def play(title: str, cast: list[str]) -> str:
        lines = "\n\n".join(f"{name} (_to the other_). {paragraph(30)}" for name in cast * 3)
        return f"{title}\n\n\nTIME: _last week_.\nPLACE: _a high road_.\n\n{stars}\n\n" + "\n".join(
            f"{name}." for name in cast) + f"\n\n{stars}\n\n{lines}"
    plays = [("THE TRAVELLERS AND THE HATCHET", ["FIRST TRAVELLER", "SECOND TRAVELLER", "THE CARPENTER"]),
             ("THE CROW AND THE FOX", ["MADAM CROW", "MASTER FOX"]),
             ("THE CAT AND THE MOUSE", ["MOTHER MOUSE", "THE CAT", "THE KITTEN"]),
             ("THE RED SHOES", ["KAREN", "THE OLD LADY", "THE EXECUTIONER"])]
    found = articles_of("\n\n\n\n\n".join(play(title, cast) for title, cast in plays))
    assert [a.title for a in found] == ["The Travellers and the Hatchet", "The Crow and the Fox", "The Cat and the Mouse",
                                        "The Red Shoes"]
