"""Segment stage: cut each seed into articles.

The seed's reader (one per format, see `readers/`) turns its lines into units
(a line, or a hard-wrapped paragraph); each unit gets a role (prose, heading,
list item, byline, date, header, boilerplate, separator); `structure.py`
decides where articles start and which units are front or back matter; the
units under each title are then read for the seed's article header template
(`template.py`); and the seed is cut into one `Segment` per article.

Roles come from rules (`rules.py`, `recognise.py`) and from what repeats:
boilerplate is judged across all seeds (`boilerplate.py`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from corpus_browser.config import SplitRules
from corpus_browser.lang import rules
from corpus_browser.lang.recognise import (
    byline_names,
    changelog_header,
    credited_name,
    find_date,
    handle_credit,
    is_bare_date,
    is_date_line,
    name_line,
    name_with_address,
)
from corpus_browser.lang.text import (
    is_all_caps,
    is_title_case,
    key,
    more_words_than,
    title_pattern,
    word_count,
)
from corpus_browser.model import (
    Format,
    Layout,
    Overrides,
    Role,
    SeedInput,
    Segment,
    SegmentedSeed,
    SetAside,
    SetAsideKind,
    Unit,
)
from corpus_browser.split.formats import Sniffed, sniff
from corpus_browser.split.header import LowerWords, apply_template, surnames_apart
from corpus_browser.split.imports import Imported, read_export
from corpus_browser.split.layout import CONTAINER, LEDGER_TITLE, find_layout, typical_gap, under_caption
from corpus_browser.split.readers import read_units

#: Lines crediting a person and a role under a line are bylines when the seed has at least this many.
CREDIT_LINES_MIN = 3
#: Punctuation that ends a sentence; a heading ending in it must be Title Case.
_SENTENCE_PUNCTUATION = ".!?"
#: Punctuation after which text continues; a line ending in it (or leading in, `rules.LEADS_IN`) is never a heading.
_CONTINUING_PUNCTUATION = ",;:…"
#: A FAQ's numbered questions are at least this many, the first in the seed's first
#: fifth and the last in its last (`_numbered_questions`).
FAQ_MIN_QUESTIONS, FAQ_SPAN_SHARE = 8, 0.2
#: ... numbered up from 1, missing few numbers (a question running on for lines is no such paragraph),
#: each question at most this many lines.
FAQ_NUMBERED_SHARE, FAQ_QUESTION_MAX_LINES = 0.9, 3
#: The runs of a FAQ's numbers followed, each from a paragraph numbered 1: the longest is its questions.
FAQ_CHAIN_STARTS = 20
#: A title in sentence case, closed by a full stop, has at most this many words (`_titled_apart`).
SENTENCE_TITLE_MAX_WORDS = 6
#: Items of one list stand at most this many units and blank lines apart.
_LIST_ITEM_REACH = 3
_LIST_ITEM_GAP = 1
#: Entry lines of a log: at least this many follow one pattern ...
ENTRY_MIN_LINES = 3
#: ... with at most this many words, ...
ENTRY_MAX_WORDS = 15
#: ... this share of them carrying a version number (or all numbering releases down, `_counting_down`), ...
ENTRY_STAMPED_SHARE = 0.6
#: ... and this share of them different from each other.
ENTRY_DISTINCT_SHARE = 0.7
#: A pattern of entry lines this share of which stand right under another's lines heads their entries' text; ...
SUBHEAD_SHARE = 0.9
#: ... so does one of lead-in lines (`Changes since version 1.4.1:`) this share of which stand at most this
#: many units below another's.
LEAD_IN_SHARE = 2 / 3
SUBHEAD_REACH = 3
#: Roles of the lines that may open a log's entries: a line repeated but for its number
#: (`CHANGES WITH 251:`, `CHANGES WITH 250:`) was taken for boilerplate.
_ENTRY_ROLES = (Role.PROSE, Role.HEADING, Role.LIST_ITEM, Role.BOILERPLATE)
#: A line's first number, as `_counting_down` reads it, after a word.
_INTEGER = re.compile(r"\b\d+\b")
_WORD = re.compile(r"[^\W\d_]{3,}")
#: A line wholly inside these brackets is a note, never a heading.
_BRACKETS = {"[": "]", "(": ")", "{": "}"}
#: A Roman numeral in capitals, then a full stop, before a title written as a sentence (`II. Papa se fâche.`).
_ROMAN_LABELLED = re.compile(r"^[IVXLC]+\.[ \t]+(?=\w)")
#: A line opening with a dash is a line of dialogue (`– Живут.`, `— Oui, monsieur.`, and in plain-text
#: books, where two hyphens stand for the dash, `--Oui, Madame`), never a heading.
_DIALOGUE = re.compile(r"[–—―]|--")
#: A line that is one quoted sentence, one blank line from the text around it, not in capitals, is a line
#: of dialogue (`"No."`, `"Yes, sir!"`); a title in quotation marks stands further apart, or is in capitals
#: or title case, of three words or more (`"LIONS IN THEIR DENS."`).
_QUOTED_SENTENCE = re.compile(r"""^["“'‘][^"“”]*[.!?,]["”'’]$""")

#: The pattern shared by every line opening with its number (`title_pattern`'s `0`), whatever words follow.
_NUMBERED = "0 …"
#: A caption left open by its bracket runs on over at most this many paragraphs.
ASIDE_MAX_UNITS = 6
#: Date lines standing apart open the entries of a journal when there are at least this many.
DATED_ENTRY_MIN = 5
#: A date line this many units under an entry's, stating its date again, is that entry's dateline.
_DATELINE_REACH = 4
#: A piece's name under the number that opens it has at most this many words.
NAME_MAX_WORDS = 12


def _any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` matches, to try them in one pass."""
    flags = {pattern.flags for pattern in patterns}
    if len(flags) != 1:
        raise ValueError("only patterns with the same flags can be tried as one")
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags.pop())


_WIDGET_LINE = _any_of(rules.WIDGET_PATTERNS)


@dataclass(frozen=True)
class PreparedSeed:
    """A seed's units as its reader made them, with the breaks between them
    marked, and each unit's comparison key (`text.key`): all that boilerplate
    detection needs from it."""

    units: tuple[Unit, ...]
    keys: tuple[str, ...]
    format: Format
    """The format the seed was read in: the one it states (`Seed.format`), else told from its content."""
    format_evidence: str
    alternatives: tuple[Format, ...] = ()
    """Other formats to read the seed in, should this reading split it implausibly."""
    imported: Imported | None = None
    """The items of an export (`split.imports`): its articles are these, never split."""


def prepare_seed(item: SeedInput, split: SplitRules, format: Format | None = None) -> PreparedSeed:
    """The seed's units, read in `format`, or the one it states, or the one its content shows."""
    seed = item.seed
    given = format or seed.format
    if given in (None, Format.EXPORT):
        imported = read_export(item)
        if imported is not None:
            return PreparedSeed((), (), Format.EXPORT, imported.importer, imported=imported)
    if given not in (None, Format.EXPORT):
        sniffed = Sniffed(given, "given")
    else:
        sniffed = sniff(seed.lines, PurePath(seed.name).suffix)
    units = _with_breaks(read_units(seed, sniffed.format), split)
    return PreparedSeed(tuple(units), tuple(key(unit.text) for unit in units), sniffed.format, sniffed.evidence,
                        sniffed.alternatives)


def blocked_keys(seed: PreparedSeed) -> list[tuple[str, int]]:
    """Each unit's key with the number of the block (text between breaks) it
    stands in. What opens a block is left out: it is a title, and titles may
    recur ("Weekly Roundup"); so is a short line in capitals under a number
    alone (`221.` over `TO ZMESKALL.`), which names the piece it numbers."""
    found, block, numbered = [], 0, False
    for unit, unit_key in zip(seed.units, seed.keys):
        if opens_block(unit):
            block += 1
        elif not (numbered and is_all_caps(unit.text) and not more_words_than(unit.text, NAME_MAX_WORDS)):
            found.append((unit_key, block))
        numbered = bool(rules.LABEL_ONLY.match(unit.text))
    return found


def opens_block(unit: Unit) -> bool:
    """Whether the unit starts a block of text: it follows a break, or is marked up as a heading or a record."""
    return unit.after_break or bool(unit.level) or unit.opens_record


def _with_breaks(units: list[Unit], split: SplitRules) -> list[Unit]:
    """Mark the units that follow a clear break: the seed's start, a separator
    line, or a run of blank lines longer than its usual gap. (Boilerplate
    detection leaves them out; `structure.py` learns the seed's own article break.)"""
    separator_gap = max(split.separator_blank_lines, typical_gap(units) + 1)
    marked = []
    for i, unit in enumerate(units):
        after_break = i == 0 or unit.gap_before >= separator_gap or bool(rules.SEPARATOR_LINE.match(units[i - 1].text))
        marked.append(replace(unit, after_break=after_break) if after_break else unit)
    return marked


def segment_seed(item: SeedInput, prepared: PreparedSeed, boilerplate: Collection[str],
                 split: SplitRules, deeper: int = 0, records: bool = True) -> SegmentedSeed:
    """Cut one seed into articles; `boilerplate` holds the keys of the paragraphs
    judged boilerplate across the corpus (those of this seed's are enough);
    `deeper` and `records` choose the reading (`layout.find_layout`)."""
    seed, overrides = item.seed, item.overrides
    units = _assign_roles(list(prepared.units), prepared.keys, prepared.format, boilerplate, overrides, split)
    if not units:
        return SegmentedSeed(seed, overrides, prepared.format, prepared.format_evidence, ())
    layout = find_layout(units, prepared.format, overrides, split, deeper, records)
    units = apply_template(units, layout)
    for i, reason in layout.starts:
        if reason == LEDGER_TITLE:
            units[i] = replace(units[i], role=Role.HEADING)
    in_matter = {i for first, last, _reason in layout.matter for i in range(first, last)}
    matter = tuple(SetAside(units[i].first, units[i].last, SetAsideKind.BOILERPLATE, units[i].text)
                   for i in sorted(in_matter))
    starts = [(i, reason) for i, reason in layout.starts]
    sections = _sections(units, layout)
    mastheads = [first for first, _date in layout.issues]
    segments = []
    for n, (start, reason) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(units)
        own = tuple(unit for i, unit in enumerate(units[start:end], start) if i not in in_matter)
        if own:
            section, credited = sections.get(start, ("", ()))
            segments.append(Segment(seed.name, own, reason, section, credited, _issued(layout, mastheads, start)))
    matter_lines = tuple((units[first].first, units[last - 1].last, reason) for first, last, reason in layout.matter)
    return SegmentedSeed(seed, overrides, prepared.format, prepared.format_evidence, tuple(segments), matter,
                         matter_lines, layout)


def _issued(layout: Layout, mastheads: Sequence[int], start: int) -> str | None:
    """The date of the last issue's masthead (`mastheads`: where each stands)
    above the article starting at unit `start`, if any."""
    n = bisect.bisect_right(mastheads, start)
    return layout.issues[n - 1][1] if n else None


def _sections(units: Sequence[Unit], layout: Layout) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The heading of the department or part that holds each article (by the unit it
    starts at), and the people it credits: the last heading set aside as holding
    the articles under it (`layout.CONTAINER`) above it, up to the next such
    heading or an article after a stronger break than the department's own."""
    holders = sorted(first for first, _last, reason in layout.matter if reason == CONTAINER)
    if not holders:
        return {}
    credits = _credits(units, holders)
    roles = [unit.role for unit in units]
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    holder = None
    for start, _reason in layout.starts:
        while holders and holders[0] < start:
            holder = holders.pop(0)
        if holder is not None and units[start].gap_before > _break_before(units, roles, holder):
            holder = None  # a new part of the seed, beyond the department
        if holder is not None:
            found[start] = (units[holder].text, credits.get(holder, ()))
    return found


def _credits(units: Sequence[Unit], holders: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The person each department heading is, when it is only a name whose words
    the seed writes capitalised more often than in lower case, as it does
    names (an anthology's `ROSE BAKER` over her poems, though one says `a
    rose`; not `BOOK NOTES`, which capitals make look like a name)."""
    names = {i: found for i in holders if (found := name_line(units[i].text))}
    words = {i: [word.casefold() for word in _WORD.findall(units[i].text)] for i in names}
    wanted = {word for heading in words.values() for word in heading}
    uses = Counter((word.casefold(), word.islower()) for unit in units for word in _WORD.findall(unit.text)
                   if word.casefold() in wanted) if wanted else Counter()
    return {i: name for i, name in names.items() if all(uses[word, True] < uses[word, False] for word in words[i])}


# --- roles -------------------------------------------------------------------


def _assign_roles(units: list[Unit], keys: Sequence[str], format: Format, boilerplate: Collection[str],
                  overrides: Overrides, split: SplitRules) -> list[Unit]:
    """The units with their roles, and the facts of bylines and date lines
    parsed; `keys` are the units' `text.key`s. Roles a reader gave (markup
    headings, headers) stand."""
    gap = typical_gap(units)
    base_indent = min((unit.indent for unit in units), default=0)
    roles = [
        unit.role if unit.role is not Role.PROSE else _line_role(unit, unit_key, boilerplate, overrides)
        for unit, unit_key in zip(units, keys)
    ]
    _mark_lists(units, roles)
    _close_bracketed_asides(units, roles)
    _keep_recurring_sections(units, roles, keys, boilerplate, split)
    _apply_hints(units, roles, overrides)
    credits = _credit_lines(units, roles)
    roles = [Role.BYLINE if i in credits else role for i, role in enumerate(roles)]
    entries = entry_lines(units, roles) | dated_entries(units, roles, gap, split) if format is Format.TEXT else set()
    entries = {i for i in entries if roles[i] is not Role.VERBATIM}
    if format in (Format.TEXT, Format.MAIL):
        for i, unit in enumerate(units):
            if i in entries or (roles[i] is Role.PROSE
                                and _is_text_heading(units, roles, i, gap, unit.indent > base_indent, split)):
                roles[i] = Role.HEADING
    marked = [_heading_facts(_with_role(unit, role)) for unit, role in zip(units, roles)]
    marked = [replace(unit, names=credits[i]) if i in credits else unit for i, unit in enumerate(marked)]
    return [replace(unit, level=1, marker=rules.DATELINE_MARKER if units[i].role is Role.PROSE and roles[i] is Role.HEADING
                    and is_date_line(unit.text) else unit.marker) if i in entries else unit
            for i, unit in enumerate(marked)]


def _credit_lines(units: Sequence[Unit], roles: Sequence[Role]) -> dict[int, tuple[str, ...]]:
    """Lines right under a line of their own (a title) that credit a person by
    name, then a role or a handle (`Jane Doe — W1AW — Editor`, `Jane Doe |
    Reviews`), where the seed has several: a newsletter's bylines, by index;
    never one whose last word the seed's prose writes in lower case (`Summer
    Meeting — Minutes`)."""
    found = {i: (name,) for i, unit in enumerate(units) if i and roles[i] is Role.PROSE and unit.gap_before == 0
             and unit.line_count == 1 and _titled_above(units, i) and (name := credited_name(unit.text))}
    if len(found) < CREDIT_LINES_MIN:
        return {}
    lower = LowerWords(units)
    return {i: names for i, names in found.items() if surnames_apart(names, lower)}


def _titled_above(units: Sequence[Unit], i: int) -> bool:
    """Whether unit `i` ends a block of two lines, the first a title's: a line of
    its own after a blank line (or the seed's first), ending in no sentence's
    stop nor a colon; not a line of a list (`Jane Doe — President` over `John
    Roe — Treasurer`)."""
    above = units[i - 1]
    ends_its_block = i + 1 == len(units) or units[i + 1].gap_before > 0
    return (above.gap_before > 0 or i == 1) and above.line_count == 1 \
        and above.text[-1:] not in _SENTENCE_PUNCTUATION + ":" and ends_its_block


def _close_bracketed_asides(units: Sequence[Unit], roles: list[Role]) -> None:
    """A caption set aside as boilerplate (`[Illustration: …`) whose bracket its
    paragraph leaves open runs on to the paragraph that closes it, within
    `ASIDE_MAX_UNITS`: those paragraphs are the caption's (a cartoon's lines of
    dialogue), set aside with it, never titles."""
    for i, unit in enumerate(units):
        if roles[i] is not Role.BOILERPLATE or not unit.text.startswith("[") or _open_brackets(unit.text) <= 0:
            continue
        depth = _open_brackets(unit.text)
        for j in range(i + 1, min(i + 1 + ASIDE_MAX_UNITS, len(units))):
            depth += _open_brackets(units[j].text)
            if depth <= 0:
                roles[i + 1 : j + 1] = [Role.BOILERPLATE] * (j - i)
                break


def _open_brackets(text: str) -> int:
    return text.count("[") - text.count("]")


def _keep_recurring_sections(units: Sequence[Unit], roles: list[Role], keys: Sequence[str],
                             boilerplate: Collection[str], split: SplitRules) -> None:
    """A heading-shaped line that recurs in every article but introduces text of
    its own each time (`Language`, `Compiler` in every release) is structure,
    not boilerplate: it stays in its article."""
    for i in range(len(units) - 1):
        if roles[i] is Role.BOILERPLATE and keys[i] in boilerplate and heading_form(units[i], False, split) \
                and roles[i + 1] in (Role.PROSE, Role.LIST_ITEM) and keys[i + 1] not in boilerplate:
            roles[i] = Role.PROSE


def _apply_hints(units: Sequence[Unit], roles: list[Role], overrides: Overrides) -> None:
    """The sidecar's hints win over what the text suggests: a line its
    `never_articles` pattern finds is set aside, one its `article_titles` pattern
    finds is a title (code and quotations stay as they are)."""
    never = re.compile(overrides.never_articles) if overrides.never_articles else None
    titles = re.compile(overrides.article_titles) if overrides.article_titles else None
    for i, unit in enumerate(units):
        if roles[i] is Role.VERBATIM:
            continue
        if never is not None and never.search(unit.text):
            roles[i] = Role.BOILERPLATE
        elif titles is not None and titles.search(unit.text):
            roles[i] = Role.HEADING


def dated_entries(units: Sequence[Unit], roles: Sequence[Role], gap: int, split: SplitRules) -> set[int]:
    """Date lines that open the entries of a journal, a diary or dated letters
    (`München, den 6. September.`): standing apart (more blank lines before them
    than between paragraphs, a blank line after), or only a full date after text
    (an old change log's `21 May 2009`); not under a heading nor over a title (a
    post's date line set above its title, `May 25, 2016 - No Comments!`), at
    least `DATED_ENTRY_MIN` of them; or bare dates in the order of time
    (`_dates_in_order`). Each entry's title is its date line, as written."""
    found = {i for i, unit in enumerate(units)
             if roles[i] is Role.DATE and unit.line_count == 1 and 0 < i < len(units) - 1
             and (unit.gap_before > gap or (is_bare_date(unit.text) and not heading_form(units[i - 1], False, split)))
             and units[i + 1].gap_before >= 1 and not _under_a_title(units, roles, i, split)
             and not _reads_as_title(units[i + 1], split)}
    found -= _restated_dates(units, sorted(found))
    found = found if len(found) >= DATED_ENTRY_MIN else set()
    ordered = _dates_in_order(units, roles, split)
    return found | (ordered - _restated_dates(units, sorted(found | ordered)))


def _dates_in_order(units: Sequence[Unit], roles: Sequence[Role], split: SplitRules) -> set[int]:
    """Lines that are only a full date, at least `DATED_ENTRY_MIN`, in the
    order of time down the seed (either way): a log's or a team's minutes'
    entries, blank lines around them or not (a document exported without
    them: `December 19, 2019` over `Announcements`); not where most stand over
    a title of their own (a blog's date over each post's title) or under one
    set apart by a blank line above it (a speech's date under its title; not
    the last line of notes run together)."""
    bare = [i for i, unit in enumerate(units[:-1]) if roles[i] is Role.DATE and unit.line_count == 1
            and is_bare_date(unit.text)]
    dates = [find_date(units[i].text) or "" for i in bare]
    if len(bare) < DATED_ENTRY_MIN or dates not in (sorted(dates), sorted(dates, reverse=True)):
        return set()
    titles = {key(units[i + 1].text) for i in bare if _reads_as_title(units[i + 1], split)}
    under = sum(1 for i in bare if i and units[i - 1].gap_before and _under_a_title(units, roles, i, split))
    return set(bare) if max(len(titles), under) * 2 <= len(bare) else set()


def _restated_dates(units: Sequence[Unit], found: Sequence[int]) -> set[int]:
    """Date lines that restate, a few units under it and after a lesser break,
    the date of the entry line above (`November 21, 1862: Sir Alexander Duff
    Gordon` over the letter's own `BOAT OFF EMBABEH,` / `November 21, 1862.`):
    the entry's dateline, no entry. (A second letter of the same day, after
    the break the entries stand after, is an entry.)"""
    restated, entry = set(), None
    for i in found:
        if entry is not None and i - entry <= _DATELINE_REACH and units[i].gap_before < units[entry].gap_before \
                and find_date(units[i].text) == find_date(units[entry].text):
            restated.add(i)
        else:
            entry = i
    return restated


def _under_a_title(units: Sequence[Unit], roles: Sequence[Role], i: int, split: SplitRules) -> bool:
    """A date line right under a heading or a line that reads as a title, or under
    a place line set right over it under one (a letter's `BURNT FORK, WYOMING,`
    over `April 18, 1909.`, under `THE ARRIVAL AT BURNT FORK`): the dateline of
    a piece its title opens."""
    above = i - 2 if i > 1 and not units[i].gap_before and units[i - 1].line_count == 1 else i - 1
    return roles[above] is Role.HEADING or _reads_as_title(units[above], split)


def _reads_as_title(unit: Unit, split: SplitRules) -> bool:
    """Whether a line reads as a title: of a heading's form, and no sentence's end."""
    return heading_form(unit, False, split) and _last_mark(unit.text) not in _SENTENCE_PUNCTUATION


def _last_mark(text: str) -> str:
    """A line's last character before any closing quotation marks."""
    return text.rstrip("'\"”’»")[-1:]


def entry_lines(units: Sequence[Unit], roles: Sequence[Role]) -> set[int]:
    """Lines that open the entries of a log (a changelog, a NEWS file, dated
    notes) or of a numbered FAQ: one-line paragraphs after a blank line that
    follow one pattern (their first words, numbers and months abstracted; a
    page template's macro, `NEWS_TITLE(…)`; or
    only their opening number, `1.4 When will …`, `1.5 Who makes …`), at least
    `ENTRY_MIN_LINES` of them, most carrying a version number, or numbered 1,
    2, 3 … and mostly asking, all through the seed (`_numbered_questions`). (A line
    naming someone by e-mail is a signature, not an entry, but for a GNU
    ChangeLog's header, `2009-01-01  Jane Doe  <jane@example.org>`, which
    opens one.) A plain-text seed with such lines is read as if they were marked up."""
    groups: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if roles[i] in _ENTRY_ROLES and unit.line_count == 1 \
                and (i == 0 or unit.gap_before) and not more_words_than(unit.text, ENTRY_MAX_WORDS) \
                and not name_with_address(unit.text):
            call = rules.TEMPLATE_CALL.match(unit.text)
            pattern = f"{call['macro']}(…)" if call else title_pattern(unit.text)
            groups.setdefault(pattern, []).append(i)
            if pattern.startswith("0 "):
                groups.setdefault(_NUMBERED, []).append(i)
    patterns = [pattern for pattern, members in groups.items() if _are_entry_lines(units, members)]
    accepted = [groups[pattern] for pattern in patterns] + _kindred_entries(units, groups, patterns)
    questions = _numbered_chain(units, [i for i, unit in enumerate(units) if roles[i] in _ENTRY_ROLES
                                        and (i == 0 or unit.gap_before) and unit.line_count <= FAQ_QUESTION_MAX_LINES
                                        and rules.FAQ_NUMBER.match(unit.text)])
    if _numbered_questions(units, questions):
        accepted = [members for members in accepted if not _inside_one_entry(members, questions)]
        accepted.append(questions)
    headers = [i for i, unit in enumerate(units) if unit.line_count == 1 and changelog_header(unit.text)]
    if len(headers) >= ENTRY_MIN_LINES:
        accepted.append(headers)
    accepted = _without_subheads(units, accepted)
    if not accepted:
        return set()
    # Lines set deeper than another pattern's entries are items in them (`  * Update to Unicode 17.0`).
    outermost = min(min(units[i].indent for i in members) for members in accepted)
    return {i for members in accepted if min(units[i].indent for i in members) == outermost for i in members}


def _without_subheads(units: Sequence[Unit], accepted: list[list[int]]) -> list[list[int]]:
    """The patterns of entry lines but those that head an entry's text: lines
    standing, nearly all, right under a line of another pattern (the first
    item of each release's list), and lines leading in to a list, closed by a
    colon, most of them right under another's or a paragraph below it
    (`Changes since version 1.4.1:` under each `2024.05.02, Version 1.4.2 (Stable)`)."""
    def heads_text(members: list[int]) -> bool:
        others = {i for other in accepted if other is not members for i in other}
        if not others or min(others) > members[0]:
            return False  # (the pattern opening the log opens entries: a line closing each, right above the next, does not)
        right_under = sum(1 for i in members if i - 1 in others)
        near = sum(1 for i in members if any(i - k in others for k in range(1, SUBHEAD_REACH + 1)))
        return right_under >= SUBHEAD_SHARE * len(members) or near >= LEAD_IN_SHARE * len(members) \
            and all(units[i].text.rstrip().endswith(":") for i in members)
    return [members for members in accepted if not heads_text(members)]


def _inside_one_entry(members: Sequence[int], questions: Sequence[int]) -> bool:
    """Whether lines of one pattern all stand inside one answer of a FAQ's
    numbered questions: that answer's own list (`Version 4.2 brought these
    features:` … under `B1) What's new?`), not entries of their own."""
    return 0 < bisect.bisect(questions, members[0]) == bisect.bisect(questions, members[-1]) < len(questions)


def _kindred_entries(units: Sequence[Unit], groups: dict[str, list[int]],
                     accepted: Sequence[str]) -> list[list[int]]:
    """Lines too few to make a pattern of their own that share an accepted
    pattern's first two words, end their third word as it does, and state a
    version: its entries with another third word (`git (1:2.39.5-1) bookworm; …`
    among `git (1:2.39.2-1) unstable; …`)."""
    shapes = {(*pattern.split()[:2], pattern.split()[2][-1:]) for pattern in accepted if len(pattern.split()) > 2}
    return [kindred for pattern, members in groups.items() if pattern not in accepted and pattern != _NUMBERED
            and len(members) < ENTRY_MIN_LINES and len(pattern.split()) > 2
            and (*pattern.split()[:2], pattern.split()[2][-1:]) in shapes
            and (kindred := [i for i in members if rules.VERSION.search(units[i].text)])]


def _are_entry_lines(units: Sequence[Unit], members: Sequence[int]) -> bool:
    """Enough lines of one pattern, most stating a version, or counting releases
    down (`CHANGES WITH 252:`, `CHANGES WITH 251:`), few the same."""
    stamped = sum(1 for i in members if rules.VERSION.search(units[i].text))
    distinct = len({key(units[i].text) for i in members})
    return len(members) >= ENTRY_MIN_LINES and distinct >= ENTRY_DISTINCT_SHARE * len(members) \
        and (stamped >= ENTRY_STAMPED_SHARE * len(members) or _counting_down(units, members))


def _numbered_chain(units: Sequence[Unit], numbered: Sequence[int]) -> list[int]:
    """The longest run of numbered paragraphs that count up from 1, each the
    next number (or one after a number missing), or from 1 again under the next
    part's letter (`A9)`, `A10)`, `B1)`), their text starting in the column of
    the one before (give or take one: ` 9.` over `10.`): a list numbered inside
    an answer, set deeper (`1. Stop it`, `2. Restart it`), is not among them,
    nor is a contents list's first line of each part (`A1)` over its part's
    questions, `B1)` over the next's)."""
    found = [rules.FAQ_NUMBER.match(units[i].text) for i in numbered]
    starts = [n for n, match in enumerate(found) if int(match["number"]) == 1][:FAQ_CHAIN_STARTS]
    return max(([numbered[n] for n in _counting_from(units, numbered, found, start)] for start in starts),
               key=len, default=[])


def _counting_from(units: Sequence[Unit], numbered: Sequence[int], found: Sequence[re.Match[str]],
                   start: int) -> list[int]:
    """The positions in `numbered` of the run `_numbered_chain` follows from the one at `start`."""
    chain = [start]
    part, expected = found[start]["part"], int(found[start]["number"]) + 1
    column = units[numbered[start]].indent + found[start].start("text")
    for n in range(start + 1, len(numbered)):
        number, at = int(found[n]["number"]), units[numbered[n]].indent + found[n].start("text")
        counted = found[n]["part"] == part and expected <= number <= expected + 1
        next_part = bool(part and found[n]["part"]) and 0 < ord(found[n]["part"]) - ord(part) <= 2 and number == 1
        if (counted or next_part) and abs(at - column) <= 1:
            chain.append(n)
            part, expected, column = found[n]["part"], number + 1, at
    return chain


def _numbered_questions(units: Sequence[Unit], chain: Sequence[int]) -> bool:
    """A FAQ in plain text: paragraphs of a line to three numbered up from 1
    (`1. Is it free to use?`, `_numbered_chain`), at least
    `FAQ_MIN_QUESTIONS`, few numbers missing, most asking, from the seed's
    first fifth to its last: the whole file is their answers, not a list
    inside one article."""
    if len(chain) < FAQ_MIN_QUESTIONS:
        return False
    numbers = [rules.FAQ_NUMBER.match(units[i].text) for i in chain]
    last = {found["part"]: int(found["number"]) for found in numbers}  # each part's last number
    asking = sum(1 for i in chain if "?" in units[i].text)
    return len(chain) >= FAQ_NUMBERED_SHARE * sum(last.values()) and asking * 2 > len(chain) \
        and chain[0] <= len(units) * FAQ_SPAN_SHARE and chain[-1] >= len(units) * (1 - FAQ_SPAN_SHARE)


def _counting_down(units: Sequence[Unit], members: Sequence[int]) -> bool:
    """Each line's first number is smaller than the one above's: a log, newest
    first, numbering its releases (a book numbers its chapters up; lines opening
    with their number, `10. …`, `9. …`, are a list counting down)."""
    numbers = [_release_number(units[i].text) for i in members]
    return None not in numbers and all(a > b for a, b in zip(numbers, numbers[1:]))


def _release_number(text: str) -> int | None:
    """The line's first number, if a word of three letters or more comes before
    it (`CHANGES WITH 252:`; not a numbering, `No. 10`, `#10:`)."""
    found = _INTEGER.search(text)
    return int(found[0]) if found and _WORD.search(text[:found.start()]) else None



def _heading_facts(unit: Unit) -> Unit:
    """A heading with the date it states, if any ("Release 2.0 (May 3, 2021)"),
    and the handle it credits at its end, as its author ("2.0.26 - @mojavelinux"),
    or the author a ChangeLog entry's header names."""
    if unit.role is not Role.HEADING:
        return unit
    credit = handle_credit(unit.text)
    if credit and not unit.names:
        unit = replace(unit, names=(credit[1],))
    header = None if unit.names else changelog_header(unit.text)
    if header:
        unit = replace(unit, names=header[0])
    found = None if unit.date else find_date(unit.text)
    return replace(unit, date=found) if found else unit


def _with_role(unit: Unit, role: Role) -> Unit:
    """The unit with its role, its list marker, and what a byline or date line states."""
    if role is unit.role:
        return unit
    fields: dict[str, object] = {"role": role}
    if role is Role.LIST_ITEM:
        match = rules.BULLET_ITEM.match(unit.text) or rules.NUMBERED_ITEM.match(unit.text)
        fields["marker"] = unit.text[: match.start("text")].strip()
    elif role is Role.BYLINE:
        fields["names"] = byline_names(unit.text) or ()
        fields["date"] = find_date(unit.text)
    elif role is Role.DATE:
        fields["date"] = find_date(unit.text)
    return replace(unit, **fields)


def _is_text_heading(units: Sequence[Unit], roles: Sequence[Role], i: int, gap: int, indented: bool,
                     split: SplitRules) -> bool:
    """A heading by layout: heading-like text that binds to what follows it
    (no more blank lines after it than the seed's usual gap, or fewer than
    before it or before the separator right above it, or as many when it is
    set in capitals, or it is in capitals right under a separator line and over
    a paragraph, as a closing line never stands, nor a part's label), and stands
    after a break or introduces a body."""
    unit = units[i]
    gap_after = units[i + 1].gap_before if i + 1 < len(units) else 0
    before = _break_before(units, roles, i)
    if not heading_form(unit, indented, split) and not _titled_apart(unit, before, gap_after, gap):
        return False
    label = rules.LABEL_ONLY.match(unit.text)
    opens = i > 0 and roles[i - 1] is Role.SEPARATOR and is_all_caps(unit.text) and not label and i + 1 < len(units) \
        and more_words_than(units[i + 1].text, split.heading_max_words)  # (a title over its text, no `THE END`)
    if i and gap_after > max(gap, 1) and not opens and (gap_after > before or (
            gap_after == before and not (is_all_caps(unit.text) or label))):
        return False  # it stands apart from what follows: a closing line, a signature, an advert
    return unit.after_break or before > gap or _has_body(units, roles, i, split)


def _titled_apart(unit: Unit, before: int, after: int, gap: int) -> bool:
    """A title in sentence case, a few words closed by a full stop (`Der neue
    Advokat.`, `Vor dem Gesetz.`), set apart from the text above and below by
    more blank lines than its paragraphs have (two at least), as a book sets
    its titles: no sentence stands so."""
    text = unit.text
    return unit.line_count == 1 and before > max(gap, 1) and after > max(gap, 1) and text.endswith(".") \
        and text[:1].isupper() and not more_words_than(text, SENTENCE_TITLE_MAX_WORDS) \
        and not any(mark in _CONTINUING_PUNCTUATION or mark in _SENTENCE_PUNCTUATION for mark in text[:-1])


def _break_before(units: Sequence[Unit], roles: Sequence[Role], i: int) -> int:
    """Blank lines before a unit, or before the separator lines (or a picture's
    caption, `[Illustration]`, two blank lines above it or fewer) right above it if
    more: a line under a separator stands after the separator's break (`* * *`
    over `POEMS BY …`); so does a name right under its label (`II` over
    `ORIGIN OF SONG`, `CHAPTER IV` over `THE STORM`), whose break is the label's."""
    before, above = units[i].gap_before, i - 1
    while above >= 0 and (roles[above] is Role.SEPARATOR or under_caption(units[i], units[above])):
        before, above = max(before, units[above].gap_before), above - 1
    if above >= 0 and units[i].gap_before <= 1 and units[above].line_count == 1 \
            and rules.LABEL_ONLY.match(units[above].text):
        before = max(before, units[above].gap_before)
    return before


def _line_role(unit: Unit, unit_key: str, boilerplate: Collection[str], overrides: Overrides) -> Role:
    text = unit.text
    if not overrides.boilerplate.isdisjoint(range(unit.first, unit.last + 1)):
        return Role.BOILERPLATE
    if unit.line_count == 1 and rules.SEPARATOR_LINE.match(text):
        return Role.SEPARATOR
    if _WIDGET_LINE.match(text):
        return Role.BOILERPLATE
    if len(text) <= rules.METADATA_LINE_MAX_CHARS:
        if byline_names(text) is not None:
            return Role.BYLINE
        if unit.line_count == 1 and is_date_line(text) and not name_with_address(text):
            return Role.DATE  # (a dated signature is left to the template: it names the author too)
    if unit_key in boilerplate:
        return Role.BOILERPLATE
    return Role.PROSE


def _mark_lists(units: Sequence[Unit], roles: list[Role]) -> None:
    """List items come in twos or more: bullets sharing a marker, or consecutive numbers.

    A lone `- text` or `1986. A year` stays prose.
    """
    numbered = {
        i: int(match["number"])
        for i, unit in enumerate(units)
        if roles[i] is Role.PROSE and (match := rules.NUMBERED_ITEM.match(unit.text))
    }
    bullets = {
        i: match["marker"]
        for i, unit in enumerate(units)
        if roles[i] is Role.PROSE and (match := rules.BULLET_ITEM.match(unit.text))
    }
    numbers = sorted(numbered.items())
    for (i, n), (j, m) in zip(numbers, numbers[1:]):
        if m == n + 1 and j - i <= _LIST_ITEM_REACH and units[j].gap_before <= _LIST_ITEM_GAP:
            roles[i] = roles[j] = Role.LIST_ITEM
    marked = sorted(bullets.items())
    for (i, a), (j, b) in zip(marked, marked[1:]):
        if a == b and j - i <= _LIST_ITEM_REACH and units[j].gap_before <= _LIST_ITEM_GAP:
            roles[i] = roles[j] = Role.LIST_ITEM


#: A headline in capitals opened by a label (`LECTURE IV--MR. CAUDLE HAS …`, over two or three lines)
#: may hold this many words.
LABELLED_HEADING_MAX_WORDS = 30
_LABEL_OPENED = re.compile(rf"^{rules.LABEL_WORDS}\.?\s+(?:[IVXLC]+|\d{{1,3}})\b\.?\s*(?:[-—–:.]|$)", re.IGNORECASE)


def heading_form(unit: Unit, indented: bool, split: SplitRules) -> bool:
    """Short, one line (or a headline over several, all in capitals), starts with a
    capital or digit, and does not read as a sentence."""
    text = unit.text
    longest = LABELLED_HEADING_MAX_WORDS if is_all_caps(text) and _LABEL_OPENED.match(text) else split.heading_max_words
    if (unit.line_count > 1 and not is_all_caps(text)) or more_words_than(text, longest):
        return False
    if _BRACKETS.get(text[0]) == text[-1]:
        return False  # an editor's note or an aside: [Illustration: …], (Continued.)
    if _DIALOGUE.match(text) or (_QUOTED_SENTENCE.match(text) and unit.gap_before <= 1 and not is_all_caps(text)
                                 and not (is_title_case(text) and more_words_than(text, 2))):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit()):
        return False
    last = _last_mark(text)
    if (last in _CONTINUING_PUNCTUATION or rules.LEADS_IN.search(text)) and not _addressed(unit):
        return False
    if last in _SENTENCE_PUNCTUATION:
        return is_title_case(text) or is_all_caps(text) or (indented and last == ".") \
            or bool(rules.LABEL_ONLY.match(text)) \
            or bool(_ROMAN_LABELLED.match(text))  # a number alone or a Roman one before a title numbers a piece
    return True


def _addressed(unit: Unit) -> bool:
    """A letter's heading naming whom it is to, closed by a colon (`To Mrs.
    Ann Lee, in Springfield:`), on a line of its own after more blank lines than
    a paragraph's: not a line leading in to what follows it."""
    return unit.line_count == 1 and unit.gap_before > 1 and bool(rules.ADDRESSED.match(unit.text))


def _has_body(units: Sequence[Unit], roles: Sequence[Role], i: int, split: SplitRules) -> bool:
    """A heading introduces text: before the next heading-like line come at
    least `heading_body_min_words` words of prose or list."""
    words = 0
    title = key(units[i].text)
    for unit, role in zip(units[i + 1 :], roles[i + 1 :]):
        if role in (Role.BYLINE, Role.DATE, Role.BOILERPLATE, Role.SEPARATOR, Role.HEADER) \
                or key(unit.text) == title:
            continue
        if role is Role.HEADING or (role is not Role.LIST_ITEM and heading_form(unit, False, split)):
            break
        words += word_count(unit.text)
        if words >= split.heading_body_min_words:
            return True
    return False
