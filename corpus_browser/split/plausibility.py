"""Does a seed's split look like a dump of articles? The self-check every seed
gets, and the score that weighs one reading of a seed against another.

A split is implausible when:

- a large file yields very few pieces, or one of its pieces holds much of it;
- one piece holds many heading-shaped lines (its articles were not told apart);
- many titles are the same (a section heading taken for the article level; a
  mail thread's or a blog's records may share a subject), or, however few the
  pieces, most of them share one, unless the dates under them tell them apart
  (a team's meeting notes, each `T-lang meeting agenda`);
- most titles end in a colon: they lead in to what follows, a speaker's turn;
- most pieces hold no text at all: a list's items (or a contents list's
  lines) were taken for titles (a record its fields state, such as a commit
  of a subject line alone, is whole without text);
- front and back matter take most of the file;
- nearly all the text stands before the first heading, in a file of some
  length: the marks read as headings organise none of it (a changelog whose
  last lines are two `# comments`).

The score rewards pieces of article length with titles of their own, and
weighs down what is set aside. Another reading is taken only when the first
(the format the content shows most) looks wrong and it looks right, with a
score not far below the first's (`SWITCH_MIN_SCORE_SHARE`): the best scored of
those that do. A reading that makes a split file one piece is no better
guess: the split stays, and the self-check names the seed.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpus_browser.lang import rules
from corpus_browser.lang.text import key, word_count
from corpus_browser.model import Format, Role, SegmentedSeed, Unit

_TEXT = (Role.PROSE, Role.LIST_ITEM, Role.VERBATIM)
#: A file of at least this many words of text ...
LARGE_FILE_WORDS = 10_000
#: ... split into at most this many pieces has not been split.
FEW_PIECES = 3
#: ... and one piece holding more than this share of them, among others, holds articles not told apart,
#: where its headings are read from its layout (`_laid_out`); a `#` heading over a long essay is its author's.
DOMINANT_PIECE_SHARE = 0.4
#: Underlined titles fewer than one in this many words are rules under stray lines, not a document's structure.
SPARSE_TITLE_WORDS = 1_000
#: A piece holding at least this many heading-shaped lines, and this share of all
#: the seed's, holds articles that were not told apart.
CROWDED_PIECE_HEADINGS = 25
CROWDED_PIECE_SHARE = 0.5
#: With at least this many pieces, fewer than this share of distinct titles is a section level, not articles.
SAME_TITLES_MIN_PIECES, DISTINCT_TITLES_MIN_SHARE = 5, 0.5
#: However few the pieces, one title held by at least this many of them and by more than this share is a section's.
SAME_TITLE_MIN_COUNT, SAME_TITLE_MAX_SHARE = 3, 0.5
#: Front and back matter set aside from more than this share of a seed's lines is not front or back matter.
MATTER_MAX_SHARE = 0.5
#: Another reading replaces an implausible first one only with at least this share of its score.
SWITCH_MIN_SCORE_SHARE = 0.5
#: A piece's head, where the date that tells its title from another's stands, is its first this many units.
HEAD_UNITS = 6
#: With at least this many pieces, more than half of them holding no text at all are no articles.
EMPTY_PIECES_MIN = 10
#: A piece of article length has at least this many words.
ARTICLE_MIN_WORDS = 30
#: In a file of at least this many words of text, more than this share of them before the first heading
#: is text the headings do not organise.
UNHEADED_MIN_WORDS, UNHEADED_MAX_SHARE = 1_000, 0.9


@dataclass(frozen=True)
class Verdict:
    """What the self-check says of one reading of a seed."""

    plausible: bool
    score: float
    """Higher is better: pieces of article length with titles of their own, less what is set aside."""
    reasons: tuple[str, ...]
    """Why the reading looks wrong; empty when it looks right."""
    pieces: int


def judge(segmented: SegmentedSeed) -> Verdict:
    """The self-check of one reading of a seed (see the module docstring)."""
    words = [sum(word_count(unit.text) for unit in segment.units if unit.role in (Role.PROSE, Role.LIST_ITEM,
                                                                                  Role.VERBATIM))
             for segment in segmented.segments]
    headings = [sum(1 for unit in segment.units[1:] if unit.role is Role.HEADING) for segment in segmented.segments]
    titles = [_title_key(segment.units) for segment in segmented.segments]
    lines = sum(1 for line in segmented.seed.lines if line.strip()) or 1
    matter = sum(last - first + 1 for first, last, _reason in segmented.matter_lines)
    reasons = []
    total = sum(words)
    if total >= LARGE_FILE_WORDS and len(words) <= FEW_PIECES \
            and not all(_opens_with_its_metadata(segment.units) for segment in segmented.segments):
        reasons.append(f"{total:,} words in {len(words)} piece{'' if len(words) == 1 else 's'}")
    elif total >= LARGE_FILE_WORDS and max(words) > DOMINANT_PIECE_SHARE * total and _laid_out(segmented, total) \
            and not _opens_with_its_metadata(segmented.segments[words.index(max(words))].units):
        reasons.append(f"one of its {len(words)} pieces holds {max(words) / total:.0%} of its {total:,} words")
    # (A post that states itself may hold many sections; not a dump's worth of text under one block of fields.)
    crowded = max((count for segment, count, size in zip(segmented.segments, headings, words)
                   if size >= LARGE_FILE_WORDS or not _opens_with_its_metadata(segment.units)), default=0)
    if crowded >= CROWDED_PIECE_HEADINGS and crowded >= CROWDED_PIECE_SHARE * sum(headings):
        reasons.append(f"one piece holds {crowded} of its {sum(headings)} heading-shaped lines")
    distinct = len(set(titles)) / len(titles) if titles else 1.0
    records = any(unit.opens_record for segment in segmented.segments for unit in segment.units[:1])
    common, count = Counter(titles).most_common(1)[0] if titles else ("", 0)
    if not records and ((len(titles) >= SAME_TITLES_MIN_PIECES and distinct < DISTINCT_TITLES_MIN_SHARE)
                        or (count >= SAME_TITLE_MIN_COUNT and count > SAME_TITLE_MAX_SHARE * len(titles))):
        reasons.append(f"{count} of {len(titles)} titles are '{common[:30]}'")
    leading = sum(1 for segment in segmented.segments if _leads_in(segment.units))
    if leading >= SAME_TITLE_MIN_COUNT and leading > SAME_TITLE_MAX_SHARE * len(titles):
        reasons.append(f"{leading} of {len(titles)} titles end in a colon")
    # (a record its fields state, a commit of a subject line alone, is whole without text of its own)
    empty = sum(1 for count, segment in zip(words, segmented.segments)
                if count == 0 and not _opens_with_its_metadata(segment.units))
    if len(words) >= EMPTY_PIECES_MIN and empty > len(words) / 2:
        reasons.append(f"{empty} of {len(words)} pieces hold no text")
    if len(words) > 1 and total >= UNHEADED_MIN_WORDS and words[0] > UNHEADED_MAX_SHARE * total \
            and not _headed(segmented.segments[0].units):
        reasons.append(f"{words[0]:,} of its {total:,} words stand before its first heading")
    if matter > MATTER_MAX_SHARE * lines:
        reasons.append(f"{matter:,} of {lines:,} lines set aside as front or back matter")
    articles = sum(1 for count in words if count >= ARTICLE_MIN_WORDS)
    score = articles * distinct * (1 - min(matter / lines, 1.0))
    return Verdict(not reasons, score, tuple(reasons), len(words))


def _laid_out(segmented: SegmentedSeed, words: int) -> bool:
    """Whether the reading's headings are told by layout, not declared: plain
    text, or reStructuredText with few underlined titles for its length (a
    changelog whose release rules stand under a line or two)."""
    headings = sum(1 for segment in segmented.segments for unit in segment.units if unit.role is Role.HEADING)
    return segmented.format is Format.TEXT or (segmented.format is Format.RST
                                               and headings * SPARSE_TITLE_WORDS < words)


def unmarked(segmented: SegmentedSeed) -> bool:
    """A reading of a markup format that found no heading at all in a seed of
    some length (`UNHEADED_MIN_WORDS`): the format was told by inline marks
    (``code``, links), not by any structure, so plain text's reading of the
    layout is weighed too. Not a doubt: one essay has no heading either."""
    units = [unit for segment in segmented.segments for unit in segment.units]
    return segmented.format not in (Format.TEXT, Format.EXPORT) and len(segmented.segments) == 1 \
        and not any(unit.role is Role.HEADING for unit in units) and not _opens_with_its_metadata(units) \
        and sum(word_count(unit.text) for unit in units if unit.role in _TEXT) >= UNHEADED_MIN_WORDS


def _title(units: Sequence[Unit]) -> str:
    """A piece's title: its first heading, as written."""
    return next((unit.text for unit in units if unit.role is Role.HEADING), "")


def _title_key(units: Sequence[Unit]) -> str:
    """A piece's title, folded, with the date its head states: meetings' notes
    under one title (`Team meeting agenda`) each dated are told apart by it."""
    title = key(_title(units))
    date = next((unit.date for unit in units[:HEAD_UNITS] if unit.date), None)
    return f"{title} {date}" if date else title


def _headed(units: Sequence[Unit]) -> bool:
    """A piece opened by a title or by what its source states of it, not the text before the first heading."""
    return (bool(units) and units[0].role is Role.HEADING) or _opens_with_its_metadata(units)


def _leads_in(units: Sequence[Unit]) -> bool:
    """A piece whose title ends in a colon: it leads in to what follows (a speaker's
    turn, `**Jane Doe:**`; a list), it names nothing; not a letter's heading
    naming whom it is to (`To Mrs. Ann Lee, in Springfield:`)."""
    title = _title(units)
    return title.rstrip("*_ ").endswith(":") and not rules.ADDRESSED.match(title)


def _opens_with_its_metadata(units: Sequence[Unit]) -> bool:
    """A piece that opens with what its source states of it (front matter, mail
    headers, a title its markup states: `#+title:`, `.. title:`) is one post,
    however many headings its sections have. (Stricter than the layout's
    `_states_itself`, which also takes a seed's only top-rank heading over a
    date line: the self-check judges plain-text pieces too, where that is no
    metadata.)"""
    head = itertools.takewhile(lambda unit: unit.role not in _TEXT, units)
    return any(unit.opens_record or unit.stated is not None
               or (unit.role is Role.HEADING and unit.level == 0 and unit.marker.endswith(":")) for unit in head)
