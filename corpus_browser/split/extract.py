"""Extract stage: turn a segment into an `Article` with metadata and a body.

The title is the heading that opens the segment (else the opening words), as
a reader wants it: without its enumeration or quotes, capitals eased; a
label that numbers the piece (`No. 10`, `ESSAY IV`, on the title's line or
above the name) is kept as its label; a copy
of it right below is dropped; a short single sentence beside the title is
the subtitle. Authors and the date are what the segment's units state (parsed
once, by `recognise`): bylines, date lines, headers, signatures, a speaker
named in the title. What an editor's sidecar says wins over all of these.
"""

from __future__ import annotations

import calendar
import itertools
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import groupby

from corpus_browser.lang import markdown as md
from corpus_browser.lang import rules
from corpus_browser.lang.markdown import Piece
from corpus_browser.lang.recognise import (
    byline_names,
    closing_date,
    find_date,
    handle_credit,
    is_bare_date,
    is_source_line,
    month_day,
    without_commit_id,
    without_leading_date,
    without_trailing_date,
)
from corpus_browser.lang.rules import (
    NUMBERED_ITEM,
    SUBTITLE_MAX_WORDS,
)
from corpus_browser.lang.text import (
    first_sentence,
    is_all_caps,
    key,
    more_words_than,
    reader_title,
    sentences,
    word_count,
)
from corpus_browser.model import (
    BODY_ROLES,
    Article,
    Block,
    BlockKind,
    Format,
    Overrides,
    Role,
    Segment,
    SetAside,
    SetAsideKind,
    Unit,
)
from corpus_browser.split.markup import CONVERTERS, Converter

#: A title made from the opening words when an article has no heading.
_FALLBACK_TITLE_WORDS = 10
#: A paragraph of the body has more words than this.
_PARAGRAPH_MIN_WORDS = 10
#: How far below the title its repeat, subtitle and byline may stand.
_HEAD_UNITS = 4
#: A document that only points elsewhere (`is_stub`) says so in at most this many words.
STUB_MAX_WORDS = 25
#: The block kind of each kind of piece a converter makes.
_PIECE_KINDS = {"paragraph": BlockKind.PARAGRAPH, "heading": BlockKind.HEADING, "bullet_list": BlockKind.BULLET_LIST,
                "numbered_list": BlockKind.NUMBERED_LIST, "code": BlockKind.CODE, "quote": BlockKind.QUOTE,
                "table": BlockKind.TABLE, "rule": BlockKind.RULE, "footnote": BlockKind.FOOTNOTE}
#: Formats whose records state their author in a header block: a message, a commit.
_HEADED_RECORDS = frozenset({Format.MAIL, Format.GIT_LOG})
#: Why units of each role are set aside.
_SET_ASIDE_KINDS = {
    Role.BYLINE: SetAsideKind.BYLINE,
    Role.DATE: SetAsideKind.DATE,
    Role.HEADER: SetAsideKind.HEADER,
    Role.BOILERPLATE: SetAsideKind.BOILERPLATE,
    Role.SEPARATOR: SetAsideKind.BOILERPLATE,
}


def extract(segment: Segment, overrides: Overrides, lines: Sequence[str] = (), format: Format = Format.TEXT) -> Article:
    """The article in `segment`, with the sidecar's corrections applied. For a
    format with markup of its own (`markup.CONVERTERS`), the body is the
    article's source `lines` read by that format's parser."""
    units = segment.units
    title_index = _title_index(units)
    title_units = _title_units(units, title_index)
    subtitle_index = _subtitle_index(units, title_index, title_units)
    authors = _authors(units, format)
    body_units = [unit for i, unit in enumerate(units)
                  if unit.role in BODY_ROLES and i not in title_units and i != subtitle_index]
    convert = CONVERTERS.get(format)
    body = _converted(convert, body_units, units, lines) if convert and lines else _blocks(body_units, authors, lines)
    subtitle = units[subtitle_index].text if subtitle_index is not None else None
    if subtitle:
        body = (Block(BlockKind.SUBTITLE, (subtitle,)),) + body
    title, label = _title(units, title_index, overrides) if title_index is not None else (fallback_title(body), None)
    date = _stated_date(units, title_index, title_units | ({subtitle_index} if subtitle else set())) \
        or _occasion_date(units, title_index, subtitle_index) or segment.issued \
        or _headnote_date(units, title_index, title_units)

    stated = [unit.stated for unit in _head(units) if unit.stated is not None]
    summary = next((facts.summary for facts in stated if facts.summary), None)
    address = next((facts.address for facts in stated if facts.address), None)
    source_tags = tuple(dict.fromkeys([*(tag for facts in stated for tag in facts.tags), *overrides.tags]))

    fix = next((fix for fix in overrides.articles if segment.first <= fix.line <= segment.last), None)
    if fix is not None:
        title = fix.title or title
        authors = fix.authors if fix.authors is not None else authors
        date = fix.date or date
    set_aside = tuple(_set_aside(units, title_units))
    return Article(
        source=segment.source,
        title=title,
        subtitle=subtitle,
        label=label,
        section=reader_title(segment.section)[0] if segment.section else None,
        authors=authors or segment.credited or section_authors(segment.section) or overrides.authors,
        date=date,
        description=subtitle or summary or description(body),
        first_line=segment.first,
        last_line=segment.last,
        words=sum(word_count(text) for block in body for text in block.texts),
        body=body,
        set_aside=set_aside,
        prose_lines=_distinct_lines(units) - sum(a.last - a.first + 1 for a in set_aside),
        source_tags=source_tags,
        address=address,
    )


#: A department's heading that names its authors (`POEMS BY EDWARD LEAR`): what follows its last `by`.
_SECTION_BY = re.compile(r"^.*\S\s+by\s+(?P<names>\S.*)$", re.IGNORECASE)


def _distinct_lines(units: Sequence[Unit]) -> int:
    """The lines the units stand on, a line two of them share (a run-in title
    and the text after it) counted once."""
    return sum(unit.line_count for unit in units) - sum(1 for a, b in zip(units, units[1:]) if b.first == a.last)


def section_authors(section: str) -> tuple[str, ...]:
    """The authors a department's heading names for the pieces under it that name
    none (`POEMS BY EDWARD LEAR`): a byline of two words or more after its last `by`."""
    named = _SECTION_BY.match(section)
    found = byline_names(f"By {named['names']}") if named else None
    return found if found and all(" " in name for name in found) else ()


#: A journal's year turns from an entry of this month or later to one of this month or earlier.
YEAR_END_MONTH, YEAR_START_MONTH = 10, 3


def with_years_carried(articles: Sequence[Article], lines: Sequence[str]) -> tuple[Article, ...]:
    """A journal's entries headed by a day and month alone (`Sept. 17.`), or a
    day alone (`21st.`) in the month of the entry before (or of a month's
    heading above it, `APRIL.`; the next month, a day lower than the entry
    before's), in the
    year a line states alone above them (`1782.`) or the last dated entry does;
    from the last months to the first the year turns (`Dec. 30.` over `Jan. 2.`).
    Entries going back in time otherwise (a diary newest first) are not the
    journal's order: from there no year is carried. An entry with no year
    stated before it keeps no date."""
    year = month = last_day = None
    carried, seen = [], 0
    for article in articles:
        for line in lines[seen:article.first_line - 1]:  # (a year's or a month's heading may close the entry before)
            if found := rules.YEAR_LINE.match(line):
                year, month = int(found["year"]), None
            elif (found := rules.MONTH_LINE.match(line)) and month is not None:
                month, last_day = rules.MONTHS[found["month"].casefold()], None
        seen = max(seen, article.first_line)
        if article.date:
            year, month = int(article.date[:4]), int(article.date[5:7]) if len(article.date) >= 7 else None
            last_day = int(article.date[8:10]) if len(article.date) == 10 else None
        elif year is not None and (day := month_day(article.title)) and (day[0] or month):
            named = day[0] or (month % 12 + 1 if last_day and day[1] < last_day else month)  # (`30th` over `1st`)
            if month is not None and named < month:
                turned = month >= YEAR_END_MONTH and named <= YEAR_START_MONTH
                year = year + 1 if turned else None
            month, last_day = named, day[1]
            if year is not None and day[1] <= calendar.monthrange(year, month)[1]:  # (not a common year's Feb. 29)
                article = replace(article, date=f"{year:04}-{month:02}-{day[1]:02}")
        carried.append(article)
    return tuple(carried)


def is_draft(segment: Segment) -> bool:
    """Whether the article's own metadata says it is a draft, not to publish."""
    return any(unit.stated is not None and unit.stated.draft for unit in _head(segment.units))


def is_stub(segment: Segment) -> bool:
    """Whether the segment is a document that only points elsewhere: its fields
    state no title, date or author, and its text is one short line holding an
    address (`This file was moved to https://…`), as a repository leaves where a
    page moved. Not a post of a microblog, which its date states."""
    units = segment.units
    # (the line may be boilerplate: a repository's stubs all say the same)
    text = [unit for unit in units if unit.role in (Role.PROSE, Role.LIST_ITEM, Role.VERBATIM, Role.BOILERPLATE)]
    return bool(units) and units[0].opens_record and len(text) == 1 and "://" in text[0].text \
        and not more_words_than(text[0].text, STUB_MAX_WORDS) \
        and not any(unit.role is Role.HEADING or unit.date or unit.names for unit in units)


def _head(units: Sequence[Unit]) -> Sequence[Unit]:
    """The units before the body's first text: the title and what states the article's
    metadata (a section heading's tags further down are not the article's)."""
    body = next((i for i, unit in enumerate(units) if unit.role in (Role.PROSE, Role.LIST_ITEM, Role.VERBATIM)),
                len(units))
    return units[:body]


def _title_index(units: Sequence[Unit]) -> int | None:
    """The heading that opens the segment, before any prose."""
    for i, unit in enumerate(units):
        if unit.role is Role.HEADING:
            return i
        if unit.role in (Role.PROSE, Role.LIST_ITEM):
            return None
    return None


def _title_units(units: Sequence[Unit], title_index: int | None) -> set[int]:
    """The units of the title (with the name under a label-only heading) and of
    its copies right below it. (By index: a run-in title shares its line with
    the text after it.)"""
    if title_index is None:
        return set()
    found = {title_index}
    named = _named_label(units, title_index)
    if named is not None:
        found.add(named)
    title = key(units[title_index].text)
    head = range(title_index, min(len(units), title_index + 1 + _HEAD_UNITS))
    return found | {i for i in head if key(units[i].text) == title}


def _named_label(units: Sequence[Unit], title_index: int) -> int | None:
    """For a title that only numbers its piece (`No. 10`, `ESSAY IV`, see
    `template._labels`): the line under it that names the piece; not a note
    wholly in brackets (`[Sidenote: …]`), which names no piece."""
    below = units[title_index + 1].text.strip() if title_index + 1 < len(units) else ""
    named = units[title_index].is_label and below and not (below.startswith("[") and below.endswith("]"))
    return title_index + 1 if named else None


def _title(units: Sequence[Unit], title_index: int, overrides: Overrides = Overrides()) -> tuple[str, str | None]:
    """The title as a reader wants it (see the module docstring), and the label
    that numbers the piece in its collection (`Letter IV`), if it has one. Where
    the sidecar's `article_titles` pattern names a group `title`, the title is
    what that group finds in the line."""
    text = _hinted_title(units[title_index].text, overrides.article_titles)
    credit = handle_credit(text)
    text = credit[0] if credit else text
    named_by_date = units[title_index].marker == rules.DATELINE_MARKER and not is_source_line(text)  # a journal's `May 3, 2021`
    stated = units[title_index].marker.endswith(":")  # a `title:` field: as its source wrote it
    if units[title_index].date and not (named_by_date or stated):
        text = without_leading_date(without_trailing_date(without_commit_id(text)))
    upload = rules.PACKAGE_UPLOAD.match(text)
    text = f"{upload['package']} {upload['version']}" if upload else text
    named = _named_label(units, title_index)
    if named is not None:
        return reader_title(units[named].text)[0], reader_title(text)[0]
    return reader_title(text)


def _hinted_title(text: str, pattern: str | None) -> str:
    """What the group `title` of the sidecar's `article_titles` pattern finds in `text`, else `text`."""
    found = re.search(pattern, text) if pattern and "(?P<title>" in pattern else None
    return found["title"].strip() if found and found["title"] and found["title"].strip() else text


#: A sentence's end inside a text in capitals: a stop after a word of three letters or more, or a number.
_CAPITALS_SENTENCE_END = re.compile(r"(?:\b[^\W\d_]{3,}|\d)[.!?]\s+\S")


def _subtitle_index(units: Sequence[Unit], title_index: int | None, title_units: set[int]) -> int | None:
    """A short single sentence right below the title is its subtitle when the
    layout marks it as one: it stands between the title and its repeat, metadata
    follows it, it asks the question the article answers, or it goes on in the
    title's capitals (`SPEECH` over `DELIVERED AT THE OPENING OF THE LIBRARY, MAY 3, 1850.`)."""
    if title_index is None or title_index + 1 >= len(units):
        return None
    i = title_index + 1
    while i < len(units) and i in title_units:
        i += 1
    if i >= len(units):
        return None
    candidate = units[i]
    text = candidate.text
    if candidate.role is not Role.PROSE or text.endswith(":") or more_words_than(text, SUBTITLE_MAX_WORDS):
        return None
    if is_all_caps(text) and is_all_caps(units[title_index].text):
        # (in capitals an abbreviation's stop looks like a sentence's end: `J. F. WILLEMS`, `Z.K.H.`)
        return i if not _CAPITALS_SENTENCE_END.search(text) and not _aside(text) else None
    if len(sentences(text)) != 1:
        return None
    following = units[i + 1] if i + 1 < len(units) else None
    between_repeats = any(j > i for j in title_units)
    before_metadata = following is not None and following.role in (Role.BYLINE, Role.DATE, Role.BOILERPLATE)
    if between_repeats or before_metadata or text.endswith("?"):
        return i
    return None


def _stated_date(units: Sequence[Unit], title_index: int | None, head_units: set[int] = frozenset()) -> str | None:
    """The date the article states for itself: its title's, when the title is
    only a date (a diary's or minutes' entry); else on a date line, byline or
    header above its body or in a signature after it, else in its title, else
    in a heading over its first paragraph (`# Design meeting 2019-10-11` under
    front matter that states the title but no date), or, in a piece of no
    paragraph (a release of one short item), in its first dated heading. A
    date line inside the body heads a letter or an entry it quotes. (The body
    runs from its first paragraph to its last: short lines around it, such
    as a publication's name, are not yet or no longer the body, nor are the
    title and subtitle, `head_units`, nor an aside or a footnote.)"""
    body = [i for i, unit in enumerate(units) if unit.role in (Role.PROSE, Role.LIST_ITEM)
            and i not in head_units and more_words_than(unit.text, _PARAGRAPH_MIN_WORDS)
            and not _aside(unit.text) and not rules.FOOTNOTE.match(unit.text)]
    if title_index is not None and units[title_index].date and is_bare_date(units[title_index].text):
        return units[title_index].date
    outside = [unit for i, unit in enumerate(units) if not body or i < body[0] or i > body[-1]]
    return next((unit.date for unit in outside if unit.date and unit.role is not Role.HEADING), None) \
        or (units[title_index].date if title_index is not None else None) \
        or _heading_date(units[:body[0]] if body else units)


def _occasion_date(units: Sequence[Unit], title_index: int | None, subtitle_index: int | None) -> str | None:
    """The date a subtitle in the title's capitals ends with, as a speech's
    occasion does (`DELIVERED AT THE OPENING OF THE LIBRARY, MAY 3, 1850.`)."""
    if title_index is None or subtitle_index is None or not is_all_caps(units[title_index].text):
        return None
    text = units[subtitle_index].text
    return closing_date(text) if is_all_caps(text) else None


def _headnote_date(units: Sequence[Unit], title_index: int | None, title_units: set[int]) -> str | None:
    """The first full date in a headnote's first paragraph, where nothing else
    (an issue's masthead) dates the piece: the paragraphs right under the title
    set deeper than the text that follows them, as a book of speeches or
    letters sets the occasion of each (`An address delivered at the Lotos Club,
    Boston, December 17, 1877.`, or in capitals: `ADDRESS AT THE DINNER, MAY 3,
    1907,` over a second line); not an epigraph in quotation marks or its source,
    nor the first of the entries a piece sets so (a list of books received)."""
    if title_index is None:
        return None
    below = [unit for i, unit in enumerate(units) if i > title_index and i not in title_units
             and unit.role in (Role.PROSE, Role.HEADING)]
    note = list(itertools.takewhile(lambda unit: unit.indent > 0, below[:HEADNOTE_UNITS + 1]))
    text_after = below[len(note)] if len(note) < len(below) else None
    if not note or len(note) > HEADNOTE_UNITS or text_after is None or text_after.indent >= note[0].indent \
            or any(unit.text[:1] in _QUOTATION_OPENERS for unit in note) \
            or any(unit.indent >= note[0].indent for unit in below[len(note) + 1:]):
        return None  # (an epigraph, a quotation and its source, dates no chapter; nor does a list's first entry)
    date = find_date(note[0].text)
    return date if date and len(date) == len("YYYY-MM-DD") else None


#: A headnote holds at most this many paragraphs.
HEADNOTE_UNITS = 2
#: What a quotation or its attribution opens with.
_QUOTATION_OPENERS = "\"“‘'«„—–-"


def _heading_date(units: Sequence[Unit]) -> str | None:
    """The date of the first heading among `units` (those over the first paragraph) that states one."""
    return next((unit.date for unit in units if unit.role is Role.HEADING and unit.date), None)


def _aside(text: str) -> bool:
    """A paragraph wholly in brackets or in italics: a note on the piece (what it
    continues, where it appeared, `_With input from …_`), part of its head rather than its body."""
    bracketed = text[:1] in "([" and text[-1:] in ")]" and text.count(text[0]) == 1
    return bracketed or (len(text) > 2 and text[0] in "_*" and text[-1] == text[0] and text.count(text[0]) == 2)


def _authors(units: Sequence[Unit], format: Format) -> tuple[str, ...]:
    """The names the bylines give; without a byline, those of a signature in
    the text or of a speaker named in the title. A message's or a commit's are
    its header's, the lines before the first blank one: a header quoted in its
    body (`From: Jane Doe <…>` over the text a reply answers) names someone else."""
    if format in _HEADED_RECORDS:
        units = [*units[:1], *itertools.takewhile(lambda unit: not unit.gap_before, units[1:])]
    names: list[str] = []
    for unit in units:
        if unit.role in (Role.BYLINE, Role.HEADER):
            names.extend(name for name in unit.names if name not in names)
    if not names:
        names = list(next((unit.names for unit in units if unit.names), ()))
    return tuple(names)


def _converted(convert: Converter, body: Sequence[Unit], units: Sequence[Unit],
               lines: Sequence[str]) -> tuple[Block, ...]:
    """The body as its format's parser reads it: the source lines from the first
    body unit to the last, those of the article's other units among them (a
    byline, a repeated footer) left blank, so that only the body's own text is read."""
    if not body:
        return ()
    body_ids = {id(unit) for unit in body}
    blanked = {number for unit in units if id(unit) not in body_ids for number in range(unit.first, unit.last + 1)}
    source = "\n".join("" if number in blanked else lines[number - 1]
                       for number in range(body[0].first, body[-1].last + 1))
    return blocks_of(convert(source))


def blocks_of(pieces: Sequence[Piece]) -> tuple[Block, ...]:
    """A converter's pieces as the article's body blocks."""
    return tuple(Block(_PIECE_KINDS[piece.kind], piece.texts, markdown=piece.markdown) for piece in pieces)


def _blocks(units: Sequence[Unit], authors: Sequence[str], lines: Sequence[str] = ()) -> tuple[Block, ...]:
    """Body blocks: headings, paragraphs, runs of list items as lists, lines set
    one under another (verse, addresses) kept line for line, and a drawn table
    (verbatim lines) preformatted as the seed has it.

    A heading-like line naming the article's own author is a picture caption
    or a credit, not a section heading, so it stays a paragraph.
    """
    blocks: list[Block] = []
    for kind, group in groupby(units, key=lambda unit: _block_kind(unit, authors)):
        group = list(group)
        if kind in (BlockKind.BULLET_LIST, BlockKind.NUMBERED_LIST):
            blocks.append(_list_block(kind, group))
        elif kind is BlockKind.CODE:
            blocks.append(_preformatted(group, lines))
        elif kind is BlockKind.PARAGRAPH:
            blocks.extend(_paragraphs(group))
        else:
            blocks.extend(Block(kind, (unit.text,)) for unit in group)
    return tuple(blocks)


def _preformatted(units: Sequence[Unit], lines: Sequence[str]) -> Block:
    """Verbatim lines as the seed has them, their common indentation removed."""
    raw = [lines[unit.first - 1] for unit in units] if lines else [unit.text for unit in units]
    piece = md.code_block(textwrap.dedent("\n".join(line.rstrip() for line in raw)))
    return Block(BlockKind.CODE, piece.texts, markdown=piece.markdown)


def _paragraphs(units: Sequence[Unit]) -> list[Block]:
    """Paragraphs; lines set one under another, with no blank line between them
    and each a unit of its own (verse, an address), make one paragraph kept line for line."""
    blocks: list[Block] = []
    run: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.line_count == 1 and (not run or unit.gap_before == 0):
            run.append(unit)
            continue
        if len(run) > 1:
            parts = [part for n, line in enumerate(run) for part in ([md.line_break()] if n else []) + [md.text(line.text)]]
            piece = md.paragraph(parts)
            blocks.append(Block(BlockKind.PARAGRAPH, piece.texts, markdown=piece.markdown))
        else:
            blocks.extend(Block(BlockKind.PARAGRAPH, (line.text,)) for line in run)
        run = [unit] if unit is not None and unit.line_count == 1 else []
        if unit is not None and unit.line_count > 1:
            blocks.append(Block(BlockKind.PARAGRAPH, (unit.text,)))
    return blocks


def _block_kind(unit: Unit, authors: Sequence[str]) -> BlockKind:
    if unit.role is Role.VERBATIM:
        return BlockKind.CODE
    if unit.role is Role.LIST_ITEM:
        return BlockKind.NUMBERED_LIST if unit.marker[:1].isdigit() else BlockKind.BULLET_LIST
    if unit.role is Role.HEADING and not any(author in unit.text for author in authors):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _list_block(kind: BlockKind, units: Sequence[Unit]) -> Block:
    items = tuple(unit.text[len(unit.marker):].strip() for unit in units)
    start = 1
    if kind is BlockKind.NUMBERED_LIST:
        start = int(NUMBERED_ITEM.match(units[0].text)["number"])
    return Block(kind, items, start)


def fallback_title(body: Sequence[Block]) -> str:
    """The opening words, for an article with no heading."""
    text = next((block.texts[0] for block in body if block.texts), "")
    words = first_sentence(text).split()
    return " ".join(words[:_FALLBACK_TITLE_WORDS]) + ("…" if len(words) > _FALLBACK_TITLE_WORDS else "") or "Untitled"


def description(body: Sequence[Block]) -> str:
    """The first sentence of the first paragraph."""
    for block in body:
        if block.kind is BlockKind.PARAGRAPH:
            return first_sentence(block.texts[0])
    return next((first_sentence(block.texts[0]) for block in body if block.texts), "")


def _set_aside(units: Sequence[Unit], title_units: set[int]) -> Iterator[SetAside]:
    """The units kept out of the body, with the reason."""
    for i, unit in enumerate(units):
        kind = SetAsideKind.TITLE if i in title_units else _SET_ASIDE_KINDS.get(unit.role)
        if kind is not None:
            yield SetAside(unit.first, unit.last, kind, unit.text)
