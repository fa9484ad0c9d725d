"""Structure: where a seed's articles start, and which units are front or back matter.

Every seed is read on its own terms:

- A mail archive: each message is an article. A file of front-matter blocks
  (a blog export): each block opens an article.
- Markup (Markdown, reStructuredText, wiki): headings carry ranks. The top
  rank whose titles are mostly distinct is the article level ("Bugs fixed"
  under every release is a section); a lower rank only when its pieces are as
  long as articles run.
- Plain text: lines that follow one pattern and carry version numbers open
  the entries of a log (see `segment.entry_lines`). Otherwise the blank lines
  before a heading tell its level. The article break is the strongest break
  that recurs: at least three headings, and no piece holding more than half
  the text (so a break used once after a title page or before a licence is
  not it). Headings after weaker breaks are sections. Layout confirms more
  starts: a separator line above, a title repeated below, a byline (or, where
  no break is learned, a date) under it, boilerplate before it. A seed with
  no such level falls back on every break longer than its usual gap, and on
  headings whose pieces all read as articles (`SplitRules.article_min_words`,
  `article_mean_words`).

Front and back matter are recognised by position and structure, never by
phrases: a wrapper fenced off by framed marker lines near either end
(`*** START OF … ***`); short pieces before the first article (title pages,
credits); contents lists (pieces whose entries are the titles of later
articles); endnotes after the last article.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

import regex

from corpus_browser.config import SplitRules
from corpus_browser.lang import rules
from corpus_browser.lang.recognise import find_date, is_bare_date, name_with_address
from corpus_browser.lang.text import is_all_caps, key, label_pattern, more_words_than, title_pattern, word_count
from corpus_browser.model import Format, Layout, Level, Overrides, Role, Unit

#: Stands for the break before a seed's first unit.
_START = 10**6
#: A framed marker line fences off a wrapper only in this share of the seed at either end.
WRAPPER_SHARE = 0.25
#: The least number of headings that make a level of the seed's structure.
LEVEL_MIN_HEADINGS = 3
#: At a level that divides the seed into articles, no piece holds more than this share of its words.
LEVEL_MAX_PIECE_SHARE = 0.5
#: Headings after a weaker break than the titles' are strays when fewer than this share of the titles.
STRAY_SHARE = 0.1
#: A rank below the document's title is a log's entries when this share of its headings is dated or patterned ...
ENTRY_SHARE = 0.6
#: Titles follow one template when at least this share of the starts do (and the template numbers them).
TEMPLATE_SHARE = 0.6
#: A piece holds posts, not sections, when at least this many headings right under its title are entries.
CONTAINER_MIN_POSTS = 5
#: The share of a rank's titles that must differ for them to be article titles.
DISTINCT_TITLES = 0.7
#: Back matter told by standing after what a contents list names takes at most this share of a seed's words.
AFTER_CONTENTS_MAX_SHARE = 0.3
#: Front matter told by its lack of prose takes at most this share of a seed's words.
FRONT_MATTER_MAX_SHARE = 0.2
#: A framed marker (`*** START OF … ***`) runs over at most this many lines; over more than one, it
#: says where the text starts or ends (not `*** Please note: … ***`).
FRAMED_MAX_LINES = 2
#: A licence or copyright notice is at least this many paragraphs saying what only such notices say.
LICENCE_MIN_PARAGRAPHS = 2
#: A book's index closes it: at least this many entries closed by a page's number, this share of its lines.
INDEX_MIN_ENTRIES = 10
INDEX_ENTRY_SHARE = 0.8
#: An index entry's page numbers stand in the last this many characters of its line.
INDEX_ENTRY_TAIL = 60
#: A line at most this many blank lines under a picture's caption stands after the caption's break.
CAPTION_MAX_GAP = 2
#: A piece before the first article with fewer words of prose than this is front matter (a title page, credits).
FRONT_MATTER_MAX_PROSE = 30
#: ... unless it is of verse or short lines, at least this many words, under a byline, where
#: at least this many pieces are signed so (an issue's poem, not a book's title page).
SIGNED_PIECE_MIN_WORDS, SIGNED_PIECES_MIN = 150, 3
#: ... nor is it one of the dated entries a seed holds at least this many of (a news page's short notices).
DATED_PIECES_MIN = 5
#: A piece of a ledger has at most this many words of prose (a treasurer's signature) ...
LEDGER_MAX_PROSE_WORDS = 20
#: ... and the line over a run of them that titles them at most this many words.
LEDGER_TITLE_MAX_WORDS = 12
#: A numbered series of documents without front matter among those with it has at least this many.
SERIES_MIN_HEADINGS = 3
#: A version alone: numbers joined by dots, perhaps with a pre-release after them (`0.08`, `1.5.0`,
#: `v2.0-rc1`), or a number over a pre-release's name (`3-pre-release-2`, `3-beta2`); not `2.x`, nor a date.
_BARE_VERSION = re.compile(r"[vV]?(?:\d+(?:\.\d+)+(?:[-+.]?[A-Za-z]\w*(?:[.-]\w+)*)?"
                           r"|\d+-(?:pre|rc|alpha|beta|dev)[\w-]*)")
#: An entry's title stands at most this many lines above the entry's own line (a title, a subtitle, the line).
TITLE_BLOCK_LINES = 3
#: A rule: a line of one dash, equals sign, underscore or tilde, five or more (not a row of stars).
_RULE = re.compile(r"([-=_~])\1{4,}")
#: A line wholly in italics: `_My friends! we shall all be buried._`.
_ITALIC_LINE = re.compile(r"([_*])[^_*]+\1\.?")
#: A line wholly in one pair of brackets.
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
#: A paragraph of more words than this with a sentence's end inside is prose, however it ends.
PROSE_PARAGRAPH_WORDS = 60
#: A sentence's end inside a paragraph: a word, a stop, a capital (`painting. The`), in any script;
#: `_ends_a_sentence` refuses a capitalised word before it and an abbreviation (`Chap. I`, `vol. II`).
_INNER_SENTENCE_END = regex.compile(r"\b(\p{L}{2,})[.!?]['\"”’)]?\s+['\"“‘(]?(\p{L})")
#: An issue's masthead has at most this many lines, each of at most this many words.
MASTHEAD_MAX_LINES, MASTHEAD_LINE_MAX_WORDS = 6, 12
#: A file holds issues when it has at least this many mastheads.
MASTHEADS_MIN = 2
#: A piece right above a masthead of at most this many words is the issue's closing line.
ISSUE_END_MAX_WORDS = 5
#: A paragraph crediting who produced an e-text has at most this many words.
PRODUCER_CREDIT_MAX_WORDS = 40
#: A book's last piece lists its contents when it names at least this share of the pieces before it ...
BACK_CONTENTS_MIN_SHARE = 0.5
#: ... or a piece among its last ones, which hold at most this share of its words.
BACK_MATTER_MAX_SHARE = 0.03
#: A piece is a contents list when at least this many of its lines are titles of later articles ...
CONTENTS_MIN_ENTRIES = 3
#: ... and they make at least this share of its lines.
CONTENTS_MIN_SHARE = 0.3
#: A contents list's line has at most this many words.
CONTENTS_LINE_MAX_WORDS = 25
#: Why a heading is set aside that only holds the articles under it (`_containers`): it names their section.
CONTAINER = "a heading over the articles under it, with no text of its own"
MASTHEAD = "an issue's masthead, dating the articles under it"
#: Why a line alone opens an article: it titles the ledger under it (whatever it was read as, a date line too).
LEDGER_TITLE = "a line alone after a break, over a ledger"
#: Why a heading over fields alone, neither dated nor signed, is no article (an Org section's export properties).
FIELDS_ONLY = "a heading over fields alone, with no text"
#: A note's marker: `{1}`, `[12]`, `(3)`, `4*`, or a number the note's text follows with no space (`5«c'est bon»`).
_NOTE_MARKER = re.compile(r"^(?:\{\d+\}|\[\d+\]|\(\d+\))\s|^\d{1,3}\*|^\d{1,3}(?=[«\"“„‘(]|[^\W\d_])")
_WORD = re.compile(r"\w+")
#: A line's first word after its number, if any, with a comma or a stop after it (`XL. EPILOGUE, written …`;
#: not `Small: tidy the parser`).
_LEAD_WORD = re.compile(r"\W*(?:(?:[IVXLC]+|\d+)\.\s+)?(\w+)[,.]")
#: A heading that is only a number.
_BARE_NUMERAL = re.compile(r"^(?:[IVXLC]+|\d{1,3})\.?$")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: What a paragraph of prose ends with.
_SENTENCE_END = frozenset('.!?"”’)')
#: Units that carry no text of an article's body.
_NOT_BODY = (Role.BYLINE, Role.DATE, Role.HEADER, Role.BOILERPLATE, Role.SEPARATOR)
#: A front-matter block and the heading under it stand within this many units.
_RECORD_HEAD_UNITS = 8
#: Documents' titles, unlike sections, come at most this many times per front-matter block.
_TITLES_PER_RECORD = 2
#: How many units under a heading may hold its byline, date or repeated title.
_HEAD_WINDOW = 3
#: The most units a back wrapper takes in before its marker line (`End of the Book`), and their most words.
_WRAPPER_LEAD_UNITS = 2
_WRAPPER_LEAD_WORDS = 25
#: A weaker break stands before the articles inside parts when it stands before
#: this many times as many headings as the strongest, and at least this many.
NESTED_MIN_FACTOR, NESTED_MIN_HEADINGS = 4, 12
#: Marks that open a quotation.
_QUOTES = frozenset("\"'“‘«„")
#: Roles of the units that are an article's text (not its headings nor its metadata).
_TEXT_ROLES = frozenset({Role.PROSE, Role.LIST_ITEM, Role.VERBATIM})


#: What a record is called, one and many, where a format's records are not front-matter blocks.
_RECORDS = {Format.MAIL: ("message", "mail messages"), Format.GIT_LOG: ("commit", "git commits")}


def find_layout(units: Sequence[Unit], format: Format, overrides: Overrides, split: SplitRules,
                deeper: int = 0, records: bool = True) -> Layout:
    """The article starts and the front and back matter of a seed's units; in a
    marked-up seed, with `deeper`, the article level is looked for that many ranks
    below the top, and without `records` its headings are read as if no block of
    fields opened a document (readings weighed when the first one is implausible)."""
    lo, hi, matter = _wrapper(units) if format is Format.TEXT else (0, len(units), [])
    records = [i for i in range(lo, hi) if units[i].opens_record] if records else []
    article_break = None
    if records:
        record, records_name = _RECORDS.get(format, ("front-matter block", "front-matter blocks"))
        starts = {i: f"a new {record}" for i in records}
        levels = [Level(records_name, len(records), units[records[0]].text, True)]
        starts.update(_unheaded_documents(units, records, lo, hi))
    elif format in (Format.MARKDOWN, Format.RST, Format.WIKI, Format.ASCIIDOC, Format.ORG, Format.COMMANDS):
        starts, levels = _ranked_starts(units, lo, hi, split, deeper)
    else:
        starts, levels, article_break = _text_starts(units, lo, hi, split)
        starts = _one_ledger(units, starts, lo, hi)
    if overrides.article_titles or overrides.article_level:
        starts = _hinted_starts(units, lo, hi, overrides)
    level_starts = set(starts)
    starts.setdefault(lo, "the start of the seed's text")
    starts.update({i: "the sidecar's split_at" for i in range(lo, hi) if units[i].first in overrides.split_at
                   and (i == lo or units[i - 1].first != units[i].first)})  # (not a run-in title's text)
    for i in [i for i in starts if i != lo and units[i].first in overrides.no_split_at]:
        del starts[i]
    ordered = sorted(starts)
    contents, named = _contents(units, ordered, hi, format is Format.TEXT)
    listed = _listed_headings(units, contents, starts) if format is Format.TEXT else {}
    under_listed = [i for i in starts if i - 1 in named and i not in named and units[i - 1].role is Role.HEADING] \
        if format is Format.TEXT else []
    if listed or under_listed:
        starts.update(listed)
        for i in under_listed:  # the list names the title above as the piece: this is its subtitle
            del starts[i]
        ordered = sorted(starts)
        contents, named = _contents(units, ordered, hi, format is Format.TEXT)
    matter += contents + _after_contents(units, ordered, hi, named, contents)
    listing = _front_listing(units, contents, lo, hi)
    matter += _front_matter(units, ordered, hi, matter, format is Format.TEXT, level_starts, listing, named)
    matter += _licence_notices(units, ordered, hi, matter)
    if format is Format.TEXT:
        for i in _half_titles(units, ordered, lo):
            del starts[i]
            starts[i + 1] = "the heading under a half-title (the book's title repeated)"
            matter.append((i, i + 1, "a half-title: the book's title again, over its first piece"))
        ordered = sorted(starts)
    containers = _containers(units, ordered, hi, matter, format is Format.TEXT)
    matter += containers
    issues = _mastheads(units, lo, hi) if format is Format.TEXT else []
    taken = {i for first, last, _ in matter for i in range(first, last)}
    matter += [(first, last, MASTHEAD) for first, last, _date in issues if first not in taken]
    matter += _issue_ends(units, sorted(starts), hi, [first for first, _last, _date in issues], taken)
    if format is Format.TEXT:
        starts.update(_department_pieces(units, containers, starts, hi))
        ordered = sorted(starts)
        adverts = _advertisements(units, lo, hi)
        end = adverts[0][0] if adverts else hi  # (the advertisements hold whatever stands after them)
        matter = [piece for piece in matter if not end <= piece[0] < hi] + adverts + _endnotes(units, ordered, end) \
            + _book_index(units, ordered, end)
    in_matter = {i for first, last, _ in matter for i in range(first, last)}
    kept = tuple((i, starts[i]) for i in ordered if i not in in_matter)
    return Layout(kept or ((lo, starts[lo]),), tuple(sorted(matter)), tuple(levels), article_break,
                  tuple((first, date) for first, _last, date in issues))


def _one_ledger(units: Sequence[Unit], starts: dict[int, str], lo: int, hi: int) -> dict[int, str]:
    """The starts, each run of pieces that are ledgers (a report's receipts, one
    heading and its column of amounts per state) made one article, which the
    line standing alone after a break right above the first piece titles (`RECEIPTS
    FOR MAY`), if there is one. A ledger piece holds entries over amounts and
    almost no prose."""
    ordered = sorted(starts)
    ledgers = [_is_ledger(units[a:b]) for a, b in _pieces(ordered, hi)]
    kept = dict(starts)
    for n, first in enumerate(ordered):
        if not ledgers[n]:
            continue
        if n and ledgers[n - 1]:
            del kept[first]
        elif n + 1 < len(ordered) and ledgers[n + 1] and (above := _line_over(units, first, lo)) is not None:
            del kept[first]
            kept[above] = LEDGER_TITLE
    return kept


def _line_over(units: Sequence[Unit], first: int, lo: int) -> int | None:
    """The short line alone after a break right above unit `first` (separator lines between them), if any."""
    above = first - 1
    while above > lo and units[above].role is Role.SEPARATOR:
        above -= 1
    if above < lo or units[above].line_count > 1 or units[above].role not in (Role.PROSE, Role.HEADING, Role.DATE) \
            or more_words_than(units[above].text, LEDGER_TITLE_MAX_WORDS):
        return None
    return above if units[above].after_break or units[above - 1].role is Role.SEPARATOR else None


def _is_ledger(units: Sequence[Unit]) -> bool:
    """A piece of a ledger: lines of amounts and, under its heading, hardly any
    prose (a treasurer's name), nor a date of its own (a dated post of a
    blog's expenses is a post)."""
    if any(unit.date for unit in units):
        return False
    lines = sum(1 for unit in units if unit.marker == rules.LEDGER_MARKER)
    prose = sum(word_count(unit.text) for unit in units[1:] if unit.role in _TEXT_ROLES
                and unit.marker != rules.LEDGER_MARKER)
    return lines > 0 and prose <= LEDGER_MAX_PROSE_WORDS


def _mastheads(units: Sequence[Unit], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Each issue's masthead in a file of a periodical's issues (two or more): a
    block of two to six short lines with no blank line between them, opening
    with no date (not a log's entry), one of them the issue's number (`Volume
    39, Number 2`) and one a date naming its month or day; as unit ranges
    `[first, last)` with that date."""
    found = []
    first = lo
    while first < hi:
        last = first + 1
        while last < hi and units[last].gap_before == 0 and units[last].line_count == 1:
            last += 1
        block = units[first:last]
        if 2 <= last - first <= MASTHEAD_MAX_LINES and not units[first].date and all(
                unit.line_count == 1 and not more_words_than(unit.text, MASTHEAD_LINE_MAX_WORDS) for unit in block) \
                and any(rules.ISSUE_NUMBER.search(unit.text) for unit in block):
            # (dates read last, and only here: every other block of the seed is prose)
            dates = [date for unit in block if (date := unit.date or find_date(unit.text)) and len(date) >= len("YYYY-MM")]
            if dates:
                found.append((first, last, dates[0]))
        first = last
    return found if len(found) >= MASTHEADS_MIN else []


def _issue_ends(units: Sequence[Unit], starts: Sequence[int], hi: int, mastheads: Sequence[int],
                taken: set[int]) -> list[tuple[int, int, str]]:
    """A piece of a line or two and no prose right above an issue's masthead,
    or closing a seed of issues: the issue's last line (`END OF ISSUE`), no article."""
    found = []
    for masthead in [*mastheads, hi] if mastheads else []:  # (the last issue's end closes the seed)
        n = bisect.bisect_left(starts, masthead)
        first = starts[n - 1] if n else None
        if first is not None and first not in taken and masthead - first <= 2 \
                and not more_words_than(" ".join(unit.text for unit in units[first:masthead]), ISSUE_END_MAX_WORDS):
            found.append((first, masthead, "the end of an issue"))
    return found


def _hinted_starts(units: Sequence[Unit], lo: int, hi: int, overrides: Overrides) -> dict[int, str]:
    """Where the sidecar's hints start articles, and only there: at the titles
    its `article_titles` pattern finds (made headings by `segment`), or at the
    headings of `article_level`'s rank and above."""
    if overrides.article_titles:
        titles = re.compile(overrides.article_titles)
        return {i: "a title the sidecar's article_titles finds" for i in range(lo, hi)
                if units[i].role is Role.HEADING and titles.search(units[i].text)}
    return {i: f"a heading of rank {units[i].level}, the sidecar's article_level or above" for i in range(lo, hi)
            if units[i].role is Role.HEADING and 0 < units[i].level <= overrides.article_level}


# --- wrapper -------------------------------------------------------------------


def _wrapper(units: Sequence[Unit]) -> tuple[int, int, list[tuple[int, int, str]]]:
    """The seed's content `[lo, hi)` inside the framed marker lines near its
    ends (a long marker may run on to a second line: `***START OF THE … OF` over
    `VIRGINIA, 1782***`), and the wrapper outside them as matter."""
    framed = [i for i, unit in enumerate(units) if rules.FRAMED_LINE.match(unit.text) and (
              unit.line_count == 1 or unit.line_count <= FRAMED_MAX_LINES and rules.FRAMED_MARKER_WORDS.search(unit.text))]
    edge = max(1, int(len(units) * WRAPPER_SHARE))
    front = [i for i in framed if i < edge]
    back = [i for i in framed if i >= len(units) - edge and (not front or i > front[-1])]
    if back and front:  # the licence after `*** END OF … ***` may be long: its marker stands further up
        mirror = [i for i in framed if len(units) - 2 * edge <= i < back[0] and i > front[-1]
                  and _mirrors(units[front[-1]].text, units[i].text)]
        back = [i for i in framed if mirror and i >= mirror[0]] or back
    inner = [i for i in framed if (not front or i > front[-1]) and (not back or i < back[0])
             and units[i].line_count == 1]  # (a paragraph between rules of dashes is no marker)
    if inner:
        return 0, len(units), []  # framed lines all through: decoration, not a wrapper
    lo = front[-1] + 1 if front else 0
    while front and lo < len(units) and rules.PRODUCER_CREDIT.match(units[lo].text) \
            and not more_words_than(units[lo].text, PRODUCER_CREDIT_MAX_WORDS):
        lo += 1  # (who produced the e-text, under the wrapper's marker; not a report's first paragraph)
    hi = _back_wrapper_start(units, back[0], lo) if back else len(units)
    matter = []
    if lo:
        matter.append((0, lo, "front wrapper, up to a framed marker line"))
    if hi < len(units):
        matter.append((hi, len(units), "back wrapper, from a framed marker line"))
    return lo, hi, matter


def _mirrors(front: str, line: str) -> bool:
    """Two framed lines that differ in their first word only (`*** START OF THE
    BOOK ***` and `*** END OF THE BOOK ***`): a wrapper's opening and closing markers."""
    opening, closing = _words(front), _words(line)
    return len(opening) > 1 and opening[0] != closing[0] and opening[1:] == closing[1:]


def _back_wrapper_start(units: Sequence[Unit], marker: int, lo: int) -> int:
    """The back wrapper takes in a short line or two set apart just before its
    marker ("End of the Book, by Its Author")."""
    for lead in range(1, _WRAPPER_LEAD_UNITS + 1):
        i = marker - lead
        if i <= lo or more_words_than(units[i].text, _WRAPPER_LEAD_WORDS):
            break
        if units[i].gap_before > 2 * max(1, typical_gap(units)):
            return i
    return marker


def typical_gap(units: Sequence[Unit]) -> int:
    """The seed's usual number of blank lines between paragraphs."""
    gaps = [unit.gap_before for unit in units[1:]]
    return statistics.mode(gaps) if gaps else 1


def _unheaded_documents(units: Sequence[Unit], records: Sequence[int], lo: int, hi: int) -> dict[int, str]:
    """Where most front-matter blocks have a top-rank heading right under them,
    the documents' title, and such headings are few (at most
    `_TITLES_PER_RECORD` between two blocks, on average: the documents without
    a block, not sections), that rank opens the documents that have no block too.
    A file of one block is one document: its headings are its sections."""
    ranked = [i for i in range(lo, hi) if units[i].role is Role.HEADING and units[i].level > 0]
    if not ranked or len(records) < 2:
        return {}
    top = min(units[i].level for i in ranked)
    titles = [i for i in ranked if units[i].level == top]
    firsts = set()
    for a, b in zip(records, [*records[1:], hi]):
        n = bisect.bisect_right(titles, a)  # the first title after the block
        if n < len(titles) and titles[n] < b and titles[n] <= a + _RECORD_HEAD_UNITS:
            firsts.add(titles[n])
    after_first = sum(1 for i in titles if i > records[0])
    if len(firsts) < ENTRY_SHARE * len(records):
        return {}
    others = [i for i in titles if i not in firsts]
    if after_first > _TITLES_PER_RECORD * len(records):
        return {i: "a top-rank heading of a numbered series, a document without front matter"
                for i in _numbered_series(units, others, records)}
    return {i: "a top-rank heading, the title of a document without front matter" for i in others}


def _numbered_series(units: Sequence[Unit], headings: Sequence[int], records: Sequence[int]) -> list[int]:
    """The headings that follow one pattern with a number (`This week in Nu #20`,
    `#21`, …), at least `SERIES_MIN_HEADINGS` of them, each distinct, spread over
    the spans between front-matter blocks (`# Step 1` to `# Step 3` in one post are
    its sections), and no label (`Part 2`): the issues of a series, among sections
    that repeat one another (`Where to get it`)."""
    series: dict[str, list[int]] = {}
    for i in headings:
        pattern = label_pattern(units[i].text)
        if "0" in pattern.split() and len(pattern.split()) > 1 and not rules.LABEL_ONLY.match(units[i].text):
            series.setdefault(pattern, []).append(i)
    return sorted(i for members in series.values() if len(members) >= SERIES_MIN_HEADINGS
                  and len({key(units[i].text) for i in members}) == len(members)
                  and len({bisect.bisect_right(records, i) for i in members}) > 1 for i in members)


# --- starts of marked-up seeds -------------------------------------------------


def _ranked_starts(units: Sequence[Unit], lo: int, hi: int, split: SplitRules,
                   deeper: int = 0) -> tuple[dict[int, str], list[Level]]:
    """The top heading rank (with two headings or more) opens articles. A lower
    rank does when its titles are mostly distinct ("Bugs fixed" under every
    release is a section), and its pieces are as long as articles, or all
    above it is the document's own title and its headings are entries: most
    state a date or follow one pattern (`[2.1.0] - 2020-01-01`, `Release 2.1`)."""
    ranked = [i for i in range(lo, hi) if units[i].role is Role.HEADING and units[i].level > 0]
    ranks = sorted({units[i].level for i in ranked})[deeper:]
    headings = [i for i in ranked if ranks and units[i].level >= ranks[0]]
    levels, starts, chosen = [], {}, None
    one_document = _states_itself(units, lo, headings)
    for rank in ranks:
        exact = [i for i in headings if units[i].level == rank]
        cut = [i for i in headings if units[i].level <= rank]
        under_title = len(cut) - len(exact) <= 1
        entries = exact if under_title else cut  # the document's own title opens no article
        if one_document:  # a post alone in its file: its headings are sections, unless they are a log's entries
            fits = chosen is None and len(exact) >= 2 and _are_stamped(units, exact)
        else:
            fits = chosen is None and len(exact) >= 2 and (rank == ranks[0] or (
                _distinct_share(units, exact) >= DISTINCT_TITLES
                and (_pieces_are_articles(units, entries, entries[0] if under_title else lo, hi, split)
                     or (under_title and _are_entries(units, exact)))))
        if fits:
            chosen = rank
            starts = {i: f"a rank-{units[i].level} heading, the seed's article level" for i in entries}
        levels.append(Level(f"rank {rank} (`{units[exact[0]].marker}`)", len(exact), units[exact[0]].text,
                            rank == chosen))
    questions = _question_rank(units, headings, chosen)
    if questions is not None:
        starts = {i: f"a rank-{questions} heading asking a question, the seed's entries" for i in headings
                  if units[i].level == questions}
        levels = [replace(level, chosen=level.shape.startswith(f"rank {questions} ")) for level in levels]
    if chosen is not None and starts and _are_stamped(units, list(starts)):
        starts |= _deeper_releases(units, headings, chosen)
    return {**starts, **_holders(units, ranked, starts), **_posts_in_containers(units, sorted(starts), headings, hi)}, \
        levels


def _holders(units: Sequence[Unit], headings: Sequence[int], starts: dict[int, str]) -> dict[int, str]:
    """Headings of a higher rank than the articles, between them, with no text
    of their own before the next article's (a FAQ's `## Performance` over its
    questions; not the document's own title, the one heading of its rank, nor
    a heading of a rank whose headings mostly hold text, a release's `Tests`
    left empty): they start pieces of their own, which `_containers` sets aside
    as the sections of the articles under them, never the end of the article above."""
    opened = sorted(starts)
    ranks = Counter(units[i].level for i in headings)
    following_heading = dict(zip(headings, [*headings[1:], len(units)]))
    textless = Counter(units[i].level for i in headings
                       if not any(unit.role in _TEXT_ROLES for unit in units[i + 1:following_heading[i]]))
    found = {}
    for i in headings:
        n = bisect.bisect_right(opened, i)
        following = opened[n] if n < len(opened) else None
        level = units[i].level
        if i in starts or following is None or level >= units[following].level or ranks[level] == 1 \
                or 2 * textless[level] < ranks[level]:  # (a rank of sections with text: a log's `Tests` left empty)
            continue
        if not any(unit.role in _TEXT_ROLES or (unit.role is Role.HEADING and unit.level <= level)
                   for unit in units[i + 1:following]):
            found[i] = f"a rank-{level} heading over the articles under it"
    return found


def _deeper_releases(units: Sequence[Unit], headings: Sequence[int], chosen: int) -> dict[int, str]:
    """In a log whose entries state versions or dates, a deeper heading that states
    both opens an entry too: a patch release one rank under the release before it
    (`### [9.3.2](…) (2021-10-17)` under `## [9.4.0](…) (2021-12-31)`), as
    conventional-changelog writes them), when it opens with its version or as
    one of theirs does (`### 9.3.2 (…)` under `## Version 9.4.0 (…)`; not
    `Highlights of the changes (since 5.6 released Nov, 2016)` under `Tool
    5.7 - two in one release`). Where most entries are a version alone
    (`** 1.5.0`), a deeper heading that is a version alone is one too
    (`*** 3.1.0` under `** Series 3`)."""
    entries = [i for i in headings if units[i].level == chosen]
    openings = {_opening(units[i].text) for i in entries} | {_opening("1.0")}
    found = {i: f"a rank-{units[i].level} heading stating a version and a date, as the log's entries do"
             for i in headings if units[i].level > chosen and units[i].date and rules.VERSION.search(units[i].text)
             and _opening(units[i].text) in openings}
    if sum(1 for i in entries if _bare_version(units[i].text)) >= ENTRY_SHARE * len(entries):
        found |= {i: f"a rank-{units[i].level} heading that is a version alone, as the log's entries are"
                  for i in headings if units[i].level > chosen and _bare_version(units[i].text)}
    return found


def _bare_version(text: str) -> bool:
    """A heading that is a version and nothing else (`1.5.0`, `v2.0-rc1`, `3-pre-release-2`): a release."""
    return bool(_BARE_VERSION.fullmatch(text.strip()))


def _opening(text: str) -> str:
    """A heading's first word, its numbers abstracted (`title_pattern`)."""
    return title_pattern(text).split(" ", 1)[0]


def _posts_in_containers(units: Sequence[Unit], starts: Sequence[int], headings: Sequence[int],
                         hi: int) -> dict[int, str]:
    """Pieces that hold posts rather than sections: where the headings right
    under a piece's title (those of the next rank down within it) are many,
    distinct and entries of a log (most dated or numbered as versions), each
    opens a post of its own (a "Bookmarks" heading over ninety dated posts, a
    changelog's releases under a stray top heading), and so do those a rank
    further down under headings with no text of their own (a devlog's days
    under its months, under its years), the headings over them set aside as
    holding them; numbered sections alone (`Puzzle 1` to `Puzzle 10`) are a post's parts,
    and in a log of releases each a version alone, what a release holds are its changes."""
    found: dict[int, str] = {}
    releases = sum(1 for a in starts if _bare_version(units[a].text)) >= ENTRY_SHARE * len(starts)
    for a, b in zip(starts, [*starts[1:], hi]):
        if releases and _bare_version(units[a].text):
            continue  # a release of a log of releases: what it holds are its changes, dated or not
        inside = [i for i in headings if a < i < b and units[i].level > units[a].level]
        holders: list[int] = []
        for rank in sorted({units[i].level for i in inside}):
            children = [i for i in inside if units[i].level == rank]
            if len(children) >= CONTAINER_MIN_POSTS and _distinct_share(units, children) >= DISTINCT_TITLES \
                    and _are_stamped(units, children):
                found.update({i: f"a post under '{units[a].text[:40]}', which holds {len(children)} dated or "
                                 "patterned headings" for i in children})
                found.update({i: "a heading over the posts under it" for i in holders})
                break
            if not all(i + 1 < b and units[i + 1].role is Role.HEADING and units[i + 1].level > rank for i in children):
                break  # headings with text of their own: sections, not what holds posts (a year over its months)
            holders += children
    return found


def _states_itself(units: Sequence[Unit], lo: int, headings: Sequence[int]) -> bool:
    """The seed opens with one document's title and what the document states of
    itself: a date, a byline or metadata fields, under a title its markup states
    (Org's `#+title:`, a `.. title:` comment) or under its only top-rank heading."""
    top = min((units[i].level for i in headings), default=0)
    tops = [i for i in headings if units[i].level == top]
    stated_title = next((i for i in range(lo, headings[0] if headings else len(units))
                         if units[i].role is Role.HEADING and units[i].level == 0), None)
    if stated_title is not None:  # with the fields stated before it, in any order (`.. date:` above `.. title:`)
        head = [i for i in range(lo, headings[0] if headings else len(units)) if i != stated_title]
    elif len(tops) == 1 and tops[0] == headings[0]:
        head = range(tops[0] + 1, headings[1] if len(headings) > 1 else len(units))
    else:
        return False
    return any(units[i].role in (Role.DATE, Role.BYLINE) or units[i].stated is not None
               or (units[i].role is Role.HEADING and units[i].date) for i in head)


def _question_rank(units: Sequence[Unit], headings: Sequence[int], chosen: int | None) -> int | None:
    """The rank under the chosen one when its headings are questions (an FAQ's
    questions under its topics): at least twice as many, mostly asking."""
    if chosen is None:
        return None
    above = sum(1 for i in headings if units[i].level == chosen)
    below = [i for i in headings if units[i].level == chosen + 1]
    asking = sum(1 for i in below if units[i].text.rstrip().endswith("?"))
    return chosen + 1 if len(below) >= 2 * above and asking >= ENTRY_SHARE * len(below) else None


def _are_entries(units: Sequence[Unit], headings: Sequence[int]) -> bool:
    """Most headings state a date, or most follow one pattern: entries of a log, not sections."""
    dated = sum(1 for i in headings if units[i].date)
    patterns = Counter(title_pattern(units[i].text) for i in headings)
    return max(dated, patterns.most_common(1)[0][1]) >= ENTRY_SHARE * len(headings)


def _are_stamped(units: Sequence[Unit], headings: Sequence[int]) -> bool:
    """Most headings state a date or a version number: entries of a log, each
    its own post, where numbered sections alone would be a post's parts."""
    stamped = sum(1 for i in headings if units[i].date or rules.VERSION.search(units[i].text))
    return stamped >= ENTRY_SHARE * len(headings)


def _distinct_share(units: Sequence[Unit], indexes: Sequence[int]) -> float:
    return len({key(units[i].text) for i in indexes}) / len(indexes)


def _pieces_are_articles(units: Sequence[Unit], cuts: Sequence[int], lo: int, hi: int, split: SplitRules) -> bool:
    pieces = _piece_words(units, [lo, *cuts] if cuts[0] != lo else list(cuts), hi)
    return min(pieces) >= split.article_min_words and statistics.mean(pieces) >= split.article_mean_words


def _piece_words(units: Sequence[Unit], cuts: Sequence[int], hi: int) -> list[int]:
    edges = [*cuts, hi]
    return [_body_words(units[a:b]) for a, b in zip(edges, edges[1:])]


def _body_words(units: Sequence[Unit]) -> int:
    return sum(word_count(unit.text) for unit in units if unit.role not in _NOT_BODY)


# --- starts of plain text ------------------------------------------------------


def _text_starts(units: Sequence[Unit], lo: int, hi: int,
                 split: SplitRules) -> tuple[dict[int, str], list[Level], int | None]:
    entries = [i for i in range(lo, hi) if units[i].role is Role.HEADING and units[i].level]
    if entries:
        level = Level("lines following one pattern, with versions or dates", len(entries), units[entries[0]].text, True)
        titled = _titles_over_entries(units, entries, lo)
        return {titled.get(i, i): "a line of the pattern that opens each entry" + (
            ", under its title" if i in titled else "") for i in entries}, [level], None
    headings = [i for i in range(lo, hi) if units[i].role is Role.HEADING]
    strength = _strengths(units, headings, lo, hi)
    gap = typical_gap(units)
    article_break = _article_break(units, headings, strength, gap, lo, hi)
    levels = [Level(f"{s}+ blank lines before" if s < _START else "start of the text",
                    sum(1 for i in headings if strength[i] == s),
                    units[next(i for i in headings if strength[i] == s)].text, s == article_break)
              for s in sorted(set(strength.values()), reverse=True)]
    titles = [i for i in headings if article_break is not None and strength[i] >= article_break]
    starts: dict[int, str] = {}
    for i in headings:
        if _repeats_title_above(units, i) or _numbered_part(units, i) or _alternative_title(units, i):
            continue
        reason = None
        if i == lo:
            reason = "the start of the seed's text"
        elif article_break is not None and strength[i] >= article_break:
            reason = f"{strength[i]} blank lines before it, the break this seed puts between articles"
        elif _heads_a_list(units, i, hi):
            reason = None
        elif _after_separator(units, i, lo, hi) and (article_break is None or _set_as(units, i, titles)):
            reason = "after a separator line"
        elif article_break is None and units[i].after_break:
            reason = "after a long run of blank lines"
        elif article_break is None and i > lo and units[i - 1].role is Role.BOILERPLATE:
            reason = "after boilerplate"
        else:
            reason = _confirmation(units, i, bylines_only=article_break is not None)
        if reason:
            starts[_with_leading_date(units, i)] = reason
    for i in _first_lines_under_titles(units, starts, hi):
        del starts[i]
    for i in _numbered_repeats(units, starts, hi, split):
        del starts[i]
    if article_break is None:
        starts.update(_long_pieces(units, starts, lo, hi, split))
    starts.update(_same_template(units, headings, starts))
    starts.update(_stacked_titles(units, starts, hi))
    starts.update(_numerals_between(units, headings, starts))
    return starts, levels, article_break


def _titles_over_entries(units: Sequence[Unit], entries: Sequence[int], lo: int) -> dict[int, int]:
    """Entries whose lines stand under a title of their own (a letter's `LETTER
    IV.` over its subtitle, over its dateline `Lisbon, 9 June 1902.`): each
    entry's title, where most entries have one. A title is a heading that
    stands after a stronger break than the entry's line, right above it or
    above a line or two of its own (a subtitle), blank lines apart, or right
    on the line above a bare date (a release's name over its day)."""
    found: dict[int, int] = {}
    for previous, i in zip([lo - 1, *entries], entries):
        top = i - 1
        while top > max(lo, previous + 1) and i - top < TITLE_BLOCK_LINES \
                and units[top].gap_before <= units[i].gap_before \
                and units[top].line_count == 1 and units[top + 1].gap_before > 0:
            top -= 1
        dated_title = top + 1 == i and is_bare_date(units[i].text) and _name_line(units[top])
        if top >= lo and top > previous and (units[top].role is Role.HEADING or dated_title) \
                and not units[top].level \
                and _break_before(units, top, lo) > units[i].gap_before \
                and (units[top + 1].gap_before > 0 or dated_title):
            found[i] = top
    return found if len(found) >= ENTRY_SHARE * len(entries) else {}


def _name_line(unit: Unit) -> bool:
    """A line that could name what the date under it dates (`nnn v5.3 Mai Tai`):
    one short line, no sentence."""
    return unit.line_count == 1 and not more_words_than(unit.text, TITLE_OVER_DATE_MAX_WORDS) \
        and unit.text[-1:] not in ".!?:;," and unit.role in (Role.HEADING, Role.PROSE)


#: A title right over its entry's date line has at most this many words.
TITLE_OVER_DATE_MAX_WORDS = 8


def _first_lines_under_titles(units: Sequence[Unit], starts: dict[int, str], hi: int) -> list[int]:
    """Heading-shaped lines right under an article's title that run on into the
    next line with no blank line between (an epigraph's or a stanza's first
    line): the article's first lines, not titles of their own."""
    return [i for i in starts if i - 1 in starts and units[i - 1].role is Role.HEADING and i + 1 < hi
            and units[i + 1].gap_before == 0 and units[i + 1].role in _TEXT_ROLES]


def _stacked_titles(units: Sequence[Unit], starts: dict[int, str], hi: int) -> dict[int, str]:
    """A heading right under an article's heading, with text under it, is the
    article's title, and the heading above it the part or section that holds
    it (`Erster Theil` over `Zarathustra's Vorrede`), when it stands apart from
    its text as a title does and is set as the upper one is (both in capitals,
    or neither); not where the upper one only numbers the piece (`221.` over
    `TO ZMESKALL.`), nor where the lower one numbers a section (`1. HOW THEY
    WENT`, `FIRST STORY`) or is only a label (a story's `CHAPTER I.`), quotes
    (an epigraph), continues the title on the next line, opens a stanza, is a
    subtitle (one wholly in brackets too:
    `(GABRIËL AAN ZIJN BROER WILLIBALD).`), a date or the title again. A
    numeral under it over a name (`INDIAN SPEECHES` / `I` / `ON THE BUDGET`)
    opens the first of the numbered pieces the heading holds, when the next
    numeral opens an article too."""
    found = {}
    numbers = {_numeral_value(units[i].text) for i in starts}
    for i in starts:
        below = i + 1
        if below >= hi - 1 or units[i].role is not Role.HEADING:
            continue
        upper, lower, text = units[i], units[below], units[below + 1]
        value = _numeral_value(lower.text)
        if value is not None and value + 1 in numbers and text.role is Role.HEADING:
            found[below] = f"a numeral under '{upper.text[:30]}', which holds the numbered pieces"
            continue
        if lower.role is not Role.HEADING:
            continue
        if rules.LABEL_ONLY.match(upper.text) or rules.LABEL_ONLY.match(lower.text) \
                or rules.ENUMERATION.match(lower.text) or lower.date \
                or lower.text.split()[0].casefold() in rules.ORDINALS or lower.text[:1] in _QUOTES \
                or key(lower.text) == key(upper.text) or not more_words_than(lower.text, 1) \
                or lower.gap_before < 1 or is_all_caps(upper.text) != is_all_caps(lower.text) \
                or _bracketed(lower.text):
            continue
        if text.role in _TEXT_ROLES and text.gap_before >= 1:
            found[below] = f"a title under '{upper.text[:30]}', which holds it"
    return found


def _bracketed(text: str) -> bool:
    """A line wholly in brackets (`(A LETTER TO HIS BROTHER).`): an aside, no title."""
    return _BRACKETED.fullmatch(text.rstrip(". ")) is not None


def _same_template(units: Sequence[Unit], headings: Sequence[int], starts: dict[int, str]) -> dict[int, str]:
    """Headings that follow the template most article titles follow (`FEDERALIST
    No. 7` where most titles are `FEDERALIST No. N`), whatever the blank lines
    before them: articles too."""
    patterns = Counter(label_pattern(units[i].text) for i in starts if units[i].role is Role.HEADING)
    if not patterns:
        return {}
    pattern, count = patterns.most_common(1)[0]
    if count < LEVEL_MIN_HEADINGS or count < TEMPLATE_SHARE * len(starts) or "0" not in pattern.split():
        return {}
    return {i: "a heading of the template most article titles follow" for i in headings
            if i not in starts and label_pattern(units[i].text) == pattern}


def _strengths(units: Sequence[Unit], headings: Sequence[int], lo: int, hi: int) -> dict[int, int]:
    """Each heading's break (`_break_before`). Where rules part the seed (no
    heading stands after more blank lines than those around a rule of dashes
    that stands apart from the text above it or from the heading below it), a
    heading under a rule stands after one blank line more: a rule between a
    newsletter's items parts them more than the blank lines between
    paragraphs do, also where it closes a masthead right under its last line.
    (A row of stars is a book's scene break as often as a divider: it counts
    as the blank lines around it, as do rules in a book whose titles stand
    after more blank lines.)"""
    strength = {i: _break_before(units, i, lo) for i in headings}
    ruled = {i: max(units[i].gap_before, units[i - 1].gap_before) for i in headings
             if i > lo and _RULE.fullmatch(units[i - 1].text) and (
                 _after_separator(units, i, lo, hi) or units[i].gap_before > 0)}
    if ruled and all(strength[i] <= max(ruled.values()) for i in headings if i > lo):
        strength |= {i: around + 1 for i, around in ruled.items()}
    return strength


def _break_before(units: Sequence[Unit], i: int, lo: int) -> int:
    """Blank lines right before a unit, or before a picture's caption close above
    it if more (`under_caption`: `[Illustration]` between a story and the next title); the span's
    first unit (`lo`) stands after the strongest break of all (`_START`), the
    start of the text."""
    if i <= lo:
        return _START
    above = units[i - 1]
    captioned = i - 1 > lo and under_caption(units[i], above)
    return max(units[i].gap_before, above.gap_before) if captioned else units[i].gap_before


def under_caption(unit: Unit, above: Unit) -> bool:
    """Whether `unit` hugs a picture's caption right above it (`[Illustration]`,
    two blank lines or fewer between): it stands after the caption's break."""
    return unit.gap_before <= CAPTION_MAX_GAP and bool(rules.CAPTION.match(above.text.strip()))


def _heads_a_list(units: Sequence[Unit], i: int, hi: int) -> bool:
    """The heading is the first of lines in capitals that follow each other with no
    blank line between (a play's cast under a row of stars: `FIRST TRAVELLER.`,
    `SECOND TRAVELLER.`), no title over text: neither a separator above nor
    blank lines make it one (its break may still be the seed's article break).
    Not a numeral over a dateline, nor a title over its byline (`BY …`)."""
    below = units[i + 1] if i + 1 < hi else None
    return below is not None and below.gap_before == 0 and below.line_count == 1 and below.role is not Role.DATE \
        and not below.date and is_all_caps(units[i].text) and is_all_caps(below.text) \
        and not _BARE_NUMERAL.match(units[i].text) and not _says_byline(below.text)


def _says_byline(text: str) -> bool:
    """A line a byline pattern reads (`BY ONE WHO HEARD IT.`), not a name alone in capitals."""
    return any(pattern.match(text) for pattern in rules.BYLINE_PATTERNS)


def _after_separator(units: Sequence[Unit], i: int, lo: int, hi: int) -> bool:
    """A heading right under a separator line that stands apart from the text above
    it; not a caption under a rule that hugs a quotation's last line, nor a motto
    in italics framed by a separator below it too."""
    if i <= lo or units[i - 1].role is not Role.SEPARATOR:
        return False
    if i + 1 < hi and units[i + 1].role is Role.SEPARATOR and _ITALIC_LINE.fullmatch(units[i].text):
        return False
    top = i - 1
    while top > lo and units[top - 1].role is Role.SEPARATOR and units[top].gap_before == 0:
        top -= 1  # two rows of stars
    return units[top].gap_before > 0


def _set_as(units: Sequence[Unit], i: int, titles: Sequence[int]) -> bool:
    """The heading is set as most of the seed's titles are: in capitals, or not.
    (Where blank lines part the articles, a line in lower case after a row of
    stars in a story set in capitals, `Adieu, Gringoire!`, opens a scene.)"""
    capitals = sum(1 for title in titles if is_all_caps(units[title].text))
    return is_all_caps(units[i].text) == (capitals * 2 > len(titles))


def _article_break(units: Sequence[Unit], headings: Sequence[int], strength: dict[int, int], gap: int,
                   lo: int, hi: int) -> int | None:
    """The break before the seed's article titles (see the module docstring), or None.

    The strongest break that divides the text into articles is taken when
    the headings after weaker breaks (but stronger than the usual gap) are a
    level of their own, recurring at least `LEVEL_MIN_HEADINGS` times, or
    stray exceptions in a regular layout (fewer than `STRAY_SHARE` of the
    titles); a weaker heading over no prose (a title page's line, a
    contents list's heading) is neither. Otherwise the layout is too irregular to tell, and every break
    longer than the usual gap separates articles.
    """
    strongest = _strongest_dividing_break(units, headings, strength, gap, lo, hi)
    if strongest is None:
        return None
    strongest = _nested_break(units, headings, strength, gap, strongest)
    titles = sum(1 for i in headings if strength[i] >= strongest)
    weaker = sum(1 for n, i in enumerate(headings) if gap < strength[i] < strongest
                 and _prose_words(units[i + 1:headings[n + 1] if n + 1 < len(headings) else hi]))
    if weaker >= LEVEL_MIN_HEADINGS or weaker < STRAY_SHARE * titles:
        return strongest
    return None


def _nested_break(units: Sequence[Unit], headings: Sequence[int], strength: dict[int, int], gap: int,
                  strongest: int) -> int:
    """The break before the titles of the pieces a book's parts hold: where the
    strongest weaker break inside the parts that recurs (before at least
    `LEVEL_MIN_HEADINGS` headings) stands before `NESTED_MIN_FACTOR` times as
    many headings (at least `NESTED_MIN_HEADINGS`), the strongest break's
    headings are parts (`Erster Theil`) and the weaker one's are the articles
    in them. A part's name printed again under itself (an anthology's poet,
    twice over the poems) is no heading of that level, nor is a title page's
    line before the first part (the book's title may stand after a stronger break)."""
    first_part = next(i for i in headings if strength[i] == strongest)
    inside = Counter(strength[i] for i in headings if i > first_part and gap < strength[i] < strongest
                     and key(units[i].text) != key(units[i - 1].text))
    recurring = [value for value, count in inside.items() if count >= LEVEL_MIN_HEADINGS]
    if not recurring:
        return strongest
    inner = max(recurring)
    parts = sum(1 for i in headings if strength[i] >= strongest)
    pieces = parts + sum(count for value, count in inside.items() if value >= inner)
    return inner if pieces >= max(NESTED_MIN_HEADINGS, NESTED_MIN_FACTOR * parts) else strongest


def _strongest_dividing_break(units: Sequence[Unit], headings: Sequence[int], strength: dict[int, int], gap: int,
                              lo: int, hi: int) -> int | None:
    """The strongest break before at least `LEVEL_MIN_HEADINGS` headings that
    leaves no piece with more than `LEVEL_MAX_PIECE_SHARE` of the words."""
    total = _body_words(units[lo:hi]) or 1
    for s in sorted({value for value in strength.values() if gap < value < _START}, reverse=True):
        members = [i for i in headings if strength[i] >= s]
        if len(members) < LEVEL_MIN_HEADINGS:
            continue
        pieces = _piece_words(units, [lo, *members], hi)
        if max(pieces) <= LEVEL_MAX_PIECE_SHARE * total:
            return s
    return None


def _confirmation(units: Sequence[Unit], i: int, bylines_only: bool) -> str | None:
    """Why the layout right under heading `i` shows it opens an article, if it does:
    its title repeated below (perhaps around a short subtitle), or a byline or
    date before any other heading or break. Where the seed's article break is
    known, a heading after a weaker one needs a byline: a date alone under it
    heads a letter or an entry quoted inside an article."""
    title = key(units[i].text)
    below = units[i + 1 : i + 1 + _HEAD_WINDOW]
    if below and key(below[0].text) == title:
        return "its title is repeated on the next line"
    if len(below) > 1 and key(below[1].text) == title and word_count(below[0].text) <= rules.SUBTITLE_MAX_WORDS \
            and not rules.SPEAKER_TURN.match(below[0].text):  # (a witness's `Yes.` after each question is no title)
        return "its title is repeated below"
    for unit in below:
        if unit.after_break:
            return None  # a break ends the article; what follows belongs to the next
        if unit.role is Role.BYLINE or (unit.role is Role.DATE and not bylines_only):
            return f"a {unit.role.value} follows it"
        if unit.role is Role.HEADING:
            return None
    return None


def _numerals_between(units: Sequence[Unit], headings: Sequence[int], starts: dict[int, str]) -> dict[int, str]:
    """A bare numeral between the two that open the articles before and after it
    (`IV` between `III` and `V`) opens one too, though fewer blank lines stand
    before it than the seed puts between articles."""
    numbered = {i: value for i in headings if (value := _numeral_value(units[i].text)) is not None}
    order = sorted(numbered)
    opening = [i for i in order if i in starts]
    found = {}
    for before, after in zip(opening, opening[1:]):
        between = order[bisect.bisect_right(order, before):bisect.bisect_left(order, after)]
        found.update({i: f"a numeral between {units[before].text} and {units[after].text}, which open articles"
                      for i in between if numbered[before] + 1 == numbered[i] == numbered[after] - 1})
    return found


def _numeral_value(text: str) -> int | None:
    """The number a bare numeral heading states (`IV.` -> 4, `12` -> 12), or None."""
    bare = text.strip().rstrip(".")
    if not _BARE_NUMERAL.match(bare):
        return None
    if bare.isdigit():
        return int(bare)
    values = [_ROMAN_DIGITS[ch] for ch in bare]
    return sum(-v if n + 1 < len(values) and v < values[n + 1] else v for n, v in enumerate(values))


def _numbered_part(units: Sequence[Unit], i: int) -> bool:
    """A bare numeral (`III.`, `2`) with no name under it (a heading, or a dateline
    such as `EDINBURGH, JUNE 25, 1841.`) numbers a part of the piece it stands in."""
    below = units[i + 1] if i + 1 < len(units) else None
    return bool(_BARE_NUMERAL.match(units[i].text)) and not (below and below.role in (Role.HEADING, Role.DATE))


def _alternative_title(units: Sequence[Unit], i: int) -> bool:
    """The heading is `OR,` under a title, or the alternative title under that
    line (`THE HAUNTED AND THE HAUNTERS` / `OR,` / `THE HOUSE AND THE BRAIN`): the title's, no article's."""
    joins = [n for n in (i, i - 1) if n > 0 and rules.ALTERNATIVE_TITLE.match(units[n].text.strip())]
    return bool(joins) and units[joins[0] - 1].role is Role.HEADING


def _repeats_title_above(units: Sequence[Unit], i: int) -> bool:
    """The heading is the second copy of a title just above it (perhaps around a
    short subtitle), as dumps often double titles."""
    if units[i].after_break:
        return False
    title = key(units[i].text)
    above = units[max(0, i - 2) : i]
    if above and key(above[-1].text) == title:
        return True
    return len(above) == 2 and key(above[0].text) == title and word_count(above[1].text) <= rules.SUBTITLE_MAX_WORDS


def _numbered_repeats(units: Sequence[Unit], starts: dict[int, str], hi: int, split: SplitRules) -> list[int]:
    """Starts that number the title of the piece just before them again, when
    that piece is a short one (under an article's usual length, and a quarter of
    the numbered piece's): an essay's title over its motto, then `II.
    SELF-RELIANCE.` over its text, is one essay."""
    ordered = [*sorted(starts), hi]
    return [b for a, b, c in zip(ordered, ordered[1:], ordered[2:])
            if units[a].role is Role.HEADING and units[b].role is Role.HEADING
            and _unnumbered(units[b].text) == _unnumbered(units[a].text) != key(units[b].text)
            and _body_words(units[a + 1:b]) < min(split.article_mean_words, _body_words(units[b + 1:c]) / 4)]


def _unnumbered(text: str) -> str:
    return key(rules.ENUMERATION.sub("", text, count=1))


def _with_leading_date(units: Sequence[Unit], i: int) -> int:
    """An article starts at the date line just above its title, if there is one
    that stands closer to the title than to the text before it (a place and
    date under a signature belong to the piece they close)."""
    above = units[i - 1] if i else None
    if above is not None and above.role is Role.DATE and (i == 1 or above.gap_before >= units[i].gap_before):
        return i - 1
    return i


def _long_pieces(units: Sequence[Unit], confirmed: dict[int, str], lo: int, hi: int,
                 split: SplitRules) -> dict[int, str]:
    """Between confirmed starts, the remaining headings, when every piece they
    cut is long enough to be an article."""
    found = {}
    bounds = sorted({lo, *confirmed}) + [hi]
    for a, b in zip(bounds, bounds[1:]):
        candidates = [i for i in range(a + 1, b) if units[i].role is Role.HEADING
                      and not _is_block_title(units, a, i)]
        if candidates and _pieces_are_articles(units, candidates, a, b, split):
            found.update(dict.fromkeys(candidates, "a heading, and every piece it cuts reads as an article"))
    return found


def _is_block_title(units: Sequence[Unit], start: int, i: int) -> bool:
    """The heading is the block's own title: nothing but metadata comes before it."""
    return all(unit.role in _NOT_BODY or key(unit.text) == key(units[i].text) for unit in units[start:i])


# --- front and back matter -----------------------------------------------------


def _pieces(starts: Sequence[int], hi: int) -> list[tuple[int, int]]:
    return list(zip(starts, [*starts[1:], hi]))


def _contents(units: Sequence[Unit], starts: Sequence[int], hi: int,
              books: bool = False) -> tuple[list[tuple[int, int, str]], set[int]]:
    """Pieces that list the titles of the articles after them (or, in a book,
    its last piece naming half its pieces or more before it, in lines, not a
    list's items), and the starts of
    the articles they name. Only pieces of lists and short lines, not prose,
    are looked at (the lines that name titles aside: a FAQ lists its
    questions, `1.1. How do I …?`, one a line); a title counts when its words stand together in a line (a
    title of one word, `WOMAN`, when it is the line's one word beside numbers:
    `WOMAN 12`, `GIDEON (1914)`, `XXVI. SUCCESS 279`, or, in a book, when it
    opens the line before a comma or a stop: `EPILOGUE, written ten years after`)."""
    titles: dict[tuple[str, ...], list[int]] = {}
    for start in starts:
        words = _words(_title_text(units, start))
        if words:
            titles.setdefault(words, []).append(start)
    lengths = sorted({len(words) for words in titles})
    found, named = [], set()
    tail = _tail_start(units, starts, hi) if books else hi
    for first, last in _pieces(starts, hi):
        piece = [unit for unit in units[first:last] if unit.role is not Role.SEPARATOR]
        words = _body_words(piece)
        below = piece[1:]  # (its title aside: a short line over any piece, `CONTENTS` or `AUTHOR'S NOTE`)
        if _prose_words(piece) * 2 >= words and sum(map(_list_line, below)) * 2 <= len(below):
            continue  # (prose, not a list of short lines, even of questions: `1.1. How do I …?`)
        lines = [_words(unit.text) for unit in piece]
        one_word = [_wordy(line) == 1 for line in lines]  # (once per line: a line may hold 100,000 words)
        at_back = books and last >= tail  # (a book may list its pieces at its end, as French books do)
        per_line = [{start for n in lengths if n > 1 or alone for k in range(len(line) - n + 1)
                     for start in titles.get(line[k : k + n], ()) if start >= last or (at_back and start < first)}
                    | ({start for start in titles.get(_lead_word(unit.text), ()) if start >= last} if books else set())
                    for unit, line, alone in zip(piece, lines, one_word)]
        listed = set().union(*per_line)
        if _prose_words([unit for unit, names in zip(piece, per_line) if not names]) * 2 >= words:
            continue  # prose that names a title or two
        distinct = len({_words(_title_text(units, start)) for start in listed})  # one line names all its namesakes
        whole = not at_back or any(start >= last for start in listed) or (
            distinct >= BACK_CONTENTS_MIN_SHARE * (len(starts) - 1)  # (a book's contents, not a recap of a few posts,
            and not any(unit.role is Role.LIST_ITEM for unit in piece))  # nor a list of them)
        if distinct >= CONTENTS_MIN_ENTRIES and distinct >= CONTENTS_MIN_SHARE * len(lines) and whole:
            found.append((first, last, f"a contents list ({len(listed)} {'earlier' if at_back else 'later'} titles)"))
            named |= listed
    return found, named


def _tail_start(units: Sequence[Unit], starts: Sequence[int], hi: int) -> int:
    """Where the last pieces of a book begin that hold together no more than
    `BACK_MATTER_MAX_SHARE` of its words: a printer's line and the publisher's
    list may follow its contents list at its end."""
    total, after = _body_words(units[starts[0] if starts else 0:hi]), 0
    tail = hi
    for first, last in reversed(_pieces(starts, hi)):
        after += _body_words(units[first:last])
        if after > BACK_MATTER_MAX_SHARE * total:
            break
        tail = first
    return tail


def _list_line(unit: Unit) -> bool:
    """A line a list could hold: one line of `CONTENTS_LINE_MAX_WORDS` words at
    most (an unwrapped paragraph is one line too, but a long one)."""
    return unit.line_count == 1 and not more_words_than(unit.text, CONTENTS_LINE_MAX_WORDS)


def _listed_headings(units: Sequence[Unit], contents: Sequence[tuple[int, int, str]],
                     starts: dict[int, str]) -> dict[int, str]:
    """Headings after a contents list that are one of its lines, word for word,
    whose title no article has yet: the list names them as the seed's pieces,
    whatever the blank lines before them (an essay after three where the others
    stand after four), as long as one stands before them (not the second line of
    a headline a story quotes, `A PAINFUL CASE` under `DEATH OF A LADY …`).
    Only lines set as the titles it names already are: a line
    indented deeper names a section of its piece (`1. HOW THEY WENT …`), as
    does a heading right under a title (`THE WEDDING OF MRS FOX` over `FIRST
    STORY`)."""
    if not contents:
        return {}
    titles = {_words(_title_text(units, start)) for start in starts}
    listed = [unit for first, last, _reason in contents for unit in units[first:last]]
    indents = {unit.indent for unit in listed if _words(unit.text) in titles}
    lines = {_words(unit.text) for unit in listed if unit.indent in indents} - {()}
    end = max(last for _first, last, _reason in contents)
    return {i: "a title the contents list names" for i in range(end, len(units))
            if i not in starts and units[i].role is Role.HEADING and _words(units[i].text) in lines - titles
            and units[i].gap_before > 0 and not (i - 1 in starts and units[i - 1].role is Role.HEADING)}


def _lead_word(text: str) -> tuple[str, ...]:
    """A line's first word (after its number), as a one-word title, when a comma or a stop follows it."""
    found = _LEAD_WORD.match(text)
    return (found[1].casefold(),) if found else ()


def _wordy(words: Sequence[str]) -> int:
    """How many of a line's words are no number (a page, a year, a chapter's `XXVI`)."""
    return sum(1 for word in words if not word.isdigit() and not rules.ROMAN_NUMERAL.match(word.upper()))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _after_contents(units: Sequence[Unit], starts: Sequence[int], hi: int, named: set[int],
                    contents: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Pieces after the last article a contents list names and after the list,
    not named themselves: the publisher's notices and advertisements at the back
    of an issue. Not the text of a named piece that holds only its title and
    perhaps a line in capitals under it (a title page over its text, which
    opens with a heading of its own), nor the articles under the last heading
    it names by rank (a section over its questions). Past
    `AFTER_CONTENTS_MAX_SHARE` of the text, they are the issue's own articles, the
    list naming only a few of them."""
    if not named:
        return []
    past = max(max(named), min(first for first, _last, _reason in contents))
    pieces = _pieces(starts, hi)
    title_pages = {last for first, last in pieces if first in named and last - first <= 2 and (
        last - first == 1 or units[first + 1].role is Role.HEADING or is_all_caps(units[first + 1].text))}
    section = units[max(named)].level
    found = [(first, last, "back matter: after the last article the contents list names")
             for first, last in pieces if first > past and first not in named and first not in title_pages
             and not units[first].level > section > 0]
    return _small_share(units, found, starts, hi, AFTER_CONTENTS_MAX_SHARE)


def _title_text(units: Sequence[Unit], start: int) -> str:
    """The piece's title: its first heading, or the name under a label (`II` over `ORIGIN OF SONG`)."""
    headings = [unit.text for unit in units[start : start + _HEAD_WINDOW + 1] if unit.role is Role.HEADING]
    named = [text for text in headings[:2] if not rules.LABEL_ONLY.match(text)]
    return named[0] if named else headings[0] if headings else ""


def _front_listing(units: Sequence[Unit], contents: Sequence[tuple[int, int, str]], lo: int,
                   hi: int) -> int | None:
    """Where a book's front ends at the latest: at its first contents list, when that
    stands within the front's share of the text (`FRONT_MATTER_MAX_SHARE`); else None."""
    first = min((first for first, _last, _reason in contents), default=None)
    if first is None or _body_words(units[lo:first]) > FRONT_MATTER_MAX_SHARE * (_body_words(units[lo:hi]) or 1):
        return None
    return first


def _front_matter(units: Sequence[Unit], starts: Sequence[int], hi: int, matter: Sequence[tuple[int, int, str]],
                  by_layout: bool, level_starts: set[int], listing: int | None,
                  named: Collection[int]) -> list[tuple[int, int, str]]:
    """Pieces before the first article that are not articles: title pages and
    credits (hardly any prose, a note in brackets on the edition aside), lists
    of names or titles (more list than prose). In marked-up
    seeds, only what stands before the first heading, and a first heading
    with nothing under it that names no entry (the file's own title over
    its releases, as many as it). In plain text, a book's
    front runs up to its contents list (`listing`, where it starts), past a
    piece of prose (a preface, a transcriber's note) that stays an article, and
    no further than the first piece a contents list names (a poem, short lines
    though it has; where the list stands at the back, one of some length, not a
    title page bearing the book's title), nor past an entry's heading that asks a question or is a date (a
    FAQ's first, however short its answer: `1. Is it free to use?` over
    `Yes.`; a minutes' first meeting, cancelled), nor past the first of many
    dated entries (a news page's notices of a line or two), dated as the next
    piece is (a title page's dates stand over a contents list). A seed with
    no article after them keeps them as its articles."""
    taken = {first for first, _last, _ in matter}
    found = []
    pieces = _pieces(starts, hi)
    signed_issue = sum(1 for first, last in pieces if _bylined(units, first, last)) >= SIGNED_PIECES_MIN
    dated = [_dated(units, first, last) for first, last in pieces]
    dated_entries = sum(dated) >= DATED_PIECES_MIN
    for n, (first, last) in enumerate(pieces):
        if first in taken:
            continue
        if not by_layout and n == 0 and _bare_title(units[first]) and last == first + 1 and last < hi:
            found.append((first, last, "front matter: the seed's own title, with nothing under it"))
            continue
        if (first in named and (first > listing if listing is not None else _body_words(units[first:last])
                                >= FRONT_MATTER_MAX_PROSE)) \
                or (not by_layout and (n or first in level_starts)) \
                or _opens_entry(units[first]) or (dated_entries and all(dated[n:n + 2])):
            return _small_share(units, found, starts, hi)
        words = _body_words(units[first:last])
        prose = _prose_words(_outside_brackets(units[first:last]))
        signed_piece = signed_issue and words >= SIGNED_PIECE_MIN_WORDS and _bylined(units, first, last)
        if prose < FRONT_MATTER_MAX_PROSE and not signed_piece:
            found.append((first, last, f"front matter: under {FRONT_MATTER_MAX_PROSE} words of prose before the first article"))
        elif by_layout and prose * 2 < words and not signed_piece:
            found.append((first, last, "front matter: lists and short lines, not prose, before the first article"))
        elif not by_layout or listing is None or first >= listing:
            return _small_share(units, found, starts, hi)
    return []


def _dated(units: Sequence[Unit], first: int, last: int) -> bool:
    """A piece whose heading states a date, or has one alone on the line under it."""
    return units[first].role is Role.HEADING and (
        units[first].date is not None or (first + 1 < last and units[first + 1].role is Role.DATE))


def _bylined(units: Sequence[Unit], first: int, last: int) -> bool:
    """A piece with a byline under its title."""
    return any(unit.role is Role.BYLINE for unit in units[first:min(last, first + 4)])


def _bare_title(unit: Unit) -> bool:
    """A heading that names no entry of a log: no date, no version (`News about
    the releases`, not `Version 2.1`, nor `2024-05-01`)."""
    return unit.role is Role.HEADING and not unit.date and not rules.VERSION.search(unit.text)


def _outside_brackets(units: Sequence[Unit]) -> list[Unit]:
    """The units but those of paragraphs wholly in square brackets, one or a run
    of them (`[ Notes on the text: …` … `… at the end of the book. ]`): an
    editor's or transcriber's note."""
    kept, opened = [], None
    for unit in units:
        text = unit.text.strip()
        if opened is None and text[:1] == "[" and "]" not in text[:-1]:
            opened = [unit]
        elif opened is not None:
            opened.append(unit)
        else:
            kept.append(unit)
        if opened is not None and text[-1:] == "]":
            opened = None
    return kept + (opened or [])  # (a bracket never closed holds no note)


def _opens_entry(unit: Unit) -> bool:
    """An entry's heading that asks a question (a FAQ's) or is a date alone (a
    diary's, or a team's minutes'): a book's title page may ask one, `WHAT IS
    MAN?`, or bear a date, but its lines open no entries."""
    return unit.role is Role.HEADING and unit.level > 0 and (
        unit.text.rstrip("'\"”’)").endswith("?") or is_bare_date(unit.text))


def _containers(units: Sequence[Unit], starts: Sequence[int], hi: int, matter: Sequence[tuple[int, int, str]],
                by_layout: bool) -> list[tuple[int, int, str]]:
    """Headings that only hold the articles under them (a year over its posts, a
    department over its pieces): a heading with no text of its own, followed by
    an article opened by a deeper heading (in plain text, by any heading), is no
    article; nor is a year's or a month's date line alone between articles. One
    signed or dated on a line of its own is (a changelog's entry whose one item
    every few entries repeat, set aside as boilerplate, as is its maintainer's
    signature, near-identical under each). In marked-up seeds, a heading over
    fields alone that neither date nor sign it (an Org section's export
    properties) is none either, whatever follows it."""
    taken = {first for first, _last, _ in matter}
    found = []
    for first, last in _pieces(starts, hi):
        if first in taken or last >= hi:
            continue
        if last == first + 1 and _period_line(units[first]):
            found.append((first, last, CONTAINER))
            continue
        if units[first].role is not Role.HEADING:
            continue
        inside = units[first + 1:last]
        if not by_layout and inside and all(unit.role is Role.HEADER for unit in inside) \
                and not any(unit.date or unit.names for unit in units[first:last]):
            found.append((first, last, FIELDS_ONLY))
            continue
        if not by_layout and not (units[first].level and units[last].level > units[first].level):
            continue
        entry = by_layout and units[first].level > 0  # (a log's entry holds the lines under it, headings' shape or not)
        if not any(unit.role in _TEXT_ROLES or _signed(unit) or (entry and unit.role is Role.HEADING and not unit.level)
                   for unit in inside):
            found.append((first, last, CONTAINER))
    return found


def _period_line(unit: Unit) -> bool:
    """A date line that names a year or a month, not a day (`Year 1851`, `March
    2019`): standing alone between articles, it heads those after it."""
    return unit.role is Role.DATE and unit.date is not None and len(unit.date) < len("YYYY-MM-DD")


def _signed(unit: Unit) -> bool:
    """A byline or date line, or a signature with an address (`-- Jane Doe <jane@…>  date`)."""
    return unit.role in (Role.BYLINE, Role.DATE) or name_with_address(unit.text) is not None


def _department_pieces(units: Sequence[Unit], containers: Sequence[tuple[int, int, str]], starts: dict[int, str],
                       hi: int) -> dict[int, str]:
    """In plain text, the pieces of a department (a heading set aside as holding
    the articles under it, `_containers`): the headings set as its first piece's
    title is (the same blank lines before and after, more before than between
    paragraphs, in capitals or not alike), up to the next article standing
    after a break as strong as the department's own. A magazine's department
    holds several titled items, each after two blank lines where departments
    stand after three and paragraphs after one."""
    found = {}
    gap = typical_gap(units)
    for first, child, _reason in containers:
        department, sibling = units[first].gap_before, units[child].gap_before
        if not gap < sibling < department or units[child].level or child + 1 >= hi:
            continue
        spacing = units[child + 1].gap_before
        for i in range(child + 1, hi - 1):
            if i in starts and units[i].gap_before >= department:
                break
            if i not in starts and units[i].role is Role.HEADING and units[i].gap_before == sibling \
                    and units[i + 1].gap_before == spacing and not _BARE_NUMERAL.match(units[i].text) \
                    and is_all_caps(units[i].text) == is_all_caps(units[child].text):  # (`II.` numbers a part)
                found[i] = f"a piece of the department '{units[first].text[:30]}', set as its first piece"
    return found


def _small_share(units: Sequence[Unit], found: list[tuple[int, int, str]], starts: Sequence[int],
                 hi: int, share: float = FRONT_MATTER_MAX_SHARE) -> list[tuple[int, int, str]]:
    """Front or back matter found by its place or its lack of prose, as long as it
    stays a small share of the text (`FRONT_MATTER_MAX_SHARE`, or `share`): past
    that, the pieces are the seed's own articles, short (a changelog's entries,
    lists), not what stands before or after them."""
    words = sum(_body_words(units[first:last]) for first, last, _reason in found)
    total = _body_words(units[starts[0] if starts else 0:hi]) or 1
    return found if words <= share * total else []


def _prose_words(units: Sequence[Unit]) -> int:
    """Words in paragraphs that read as prose: sentences of some length, or a
    long paragraph with a sentence's end inside, whatever it ends with (an
    essay's paragraph that runs on into a quotation ends `abstraction,`; a
    contents list's lines make a long paragraph of no sentences)."""
    return sum(word_count(unit.text) for unit in units if unit.role is Role.PROSE and more_words_than(unit.text, 7)
               and (unit.text[-1:] in _SENTENCE_END or (more_words_than(unit.text, PROSE_PARAGRAPH_WORDS)
                                                         and _ends_a_sentence(unit.text)))
               and not _mostly_numerals(unit.text))


def _ends_a_sentence(text: str) -> bool:
    """Whether a sentence ends inside `text`: a word in lower case, no abbreviation,
    then a stop and a capital."""
    return any(found[1].islower() and found[1] not in rules.ABBREVIATIONS and found[2].isupper()
               for found in _INNER_SENTENCE_END.finditer(text))


def _mostly_numerals(text: str) -> bool:
    """A line of numbers, not words (`i, ii, iii, vi, vii.`: the pieces a contents list numbers)."""
    words = [word.strip(".,;:()[]") for word in text.split()]
    return sum(1 for word in words if word.isdigit() or _BARE_NUMERAL.match(word.upper())) * 2 > len(words)


def _advertisements(units: Sequence[Unit], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """From a heading `ADVERTISEMENTS.` in the text's second half to its end: the
    publisher's notices and advertisements at the back of an issue or a book."""
    middle = lo + (hi - lo) // 2
    found = next((i for i in range(middle, hi) if units[i].role is Role.HEADING
                  and key(units[i].text) in rules.ADVERTISEMENT_HEADINGS), None)
    return [] if found is None else [(found, hi, f"back matter: advertisements, from `{units[found].text}`")]


def _half_titles(units: Sequence[Unit], starts: Sequence[int], lo: int) -> list[int]:
    """Pieces that open with the book's title again (its first heading's words),
    right over another heading (`LETTERS ON ENGLAND` over `LETTER I.--ON THE
    QUAKERS`): a half-title, the piece the heading under it."""
    first = next((unit for unit in units[lo:] if unit.role is Role.HEADING), None)
    if first is None:
        return []
    return [i for i in starts if i > lo and units[i] is not first and key(units[i].text) == key(first.text)
            and i + 1 < len(units) and units[i + 1].role is Role.HEADING and i + 1 not in starts]


def _licence_notices(units: Sequence[Unit], starts: Sequence[int], hi: int,
                     matter: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first or last piece of a seed of several whose text is mostly its
    licence or copyright notice (`rules.LICENCE_NOTICE`): a file's header or
    its `License` section, not an article. Closing a last piece that has text
    of its own before it (a release's last items), the notice alone is set aside.
    A piece headed as a notice (`== Copyright`, `rules.NOTICE_HEADING`) is one
    when two of its paragraphs are a notice's or state the work's terms
    (`This work is in the public domain.`); a post so titled, with one such
    sentence, is a post."""
    taken = {first for first, _last, _ in matter}
    pieces = [piece for piece in _pieces(starts, hi) if piece[0] not in taken]
    found = []
    for first, last in sorted({pieces[0], pieces[-1]}) if len(pieces) > 1 else ():
        body = [i for i in range(first, last) if units[i].role is Role.PROSE]
        notices = [i for i in body if any(rules.LICENCE_NOTICE.search(line) for line in units[i].text.split("\n"))]
        if units[first].role is Role.HEADING and rules.NOTICE_HEADING.match(units[first].text.strip()):
            terms = [i for i in body if i in notices or rules.LICENCE_TERMS.search(units[i].text)]
            if len(terms) >= LICENCE_MIN_PARAGRAPHS:
                found.append((first, last, "a licence or copyright notice"))
            continue
        if len(notices) < LICENCE_MIN_PARAGRAPHS or 2 * len(notices) < len(body):
            continue
        own_text = first > pieces[0][0] and any(first < i < notices[0] for i in body)
        found.append((notices[0] if own_text else first, last, "a licence or copyright notice"))
    return found


def _book_index(units: Sequence[Unit], starts: Sequence[int], hi: int) -> list[tuple[int, int, str]]:
    """A last piece headed as an index (`INDEX`, `Index of First Lines`) whose
    lines are, most of them, entries closed by a page's number (`Abou Ben
    Adhem (may his tribe increase), 89`): the book's index. (A last post of
    prices, results or years after commas, under its own title, is a post.)"""
    if len(starts) < 2 or not rules.INDEX_HEADING.match(units[starts[-1]].text):
        return []
    first = starts[-1]
    lines = [line for unit in units[first + 1:hi] if unit.role is not Role.SEPARATOR
             for line in unit.text.split("\n") if line.strip()]
    entries = sum(1 for line in lines if rules.INDEX_ENTRY.search(line[-INDEX_ENTRY_TAIL:]))  # (linear on any line)
    if entries >= INDEX_MIN_ENTRIES and entries >= INDEX_ENTRY_SHARE * len(lines):
        return [(first, hi, f"an index ({entries} entries)")]
    return []


def _endnotes(units: Sequence[Unit], starts: Sequence[int], hi: int) -> list[tuple[int, int, str]]:
    """A last piece made of notes (`{1} …`, `[2] …`): the book's endnotes."""
    if len(starts) < 2:
        return []
    first, last = starts[-1], hi
    body = [unit for unit in units[first:last] if unit.role not in _NOT_BODY and unit.role is not Role.HEADING]
    notes = sum(1 for unit in body if _NOTE_MARKER.match(unit.text))
    if body and notes * 3 >= 2 * len(body):
        return [(first, last, f"endnotes ({notes} notes)")]
    return []
