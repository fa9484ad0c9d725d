"""The article header template: what a seed puts under each title, and at the foot.

Dumps are made by programs and printers, so what follows each title repeats:
a dateline, a byline, a `Key: value` block. Once the article starts are
known, the units at the head of every article are compared, and a kind of
line that recurs there is read as metadata even when it would not pass as
such on its own: a line holding a date among other words (`IN THE CITY OF
NEW YORK THURSDAY, APRIL 30, 1789`) is a dateline when the seed's articles
put one under their titles; `Key: value` lines are header fields when their
keys recur; a person's name alone under a title is its byline where the
articles have author lines. Titles that differ only in their numbering
(`1. First Day.`) are labels, with the piece's name under them. A signature
closing a piece (`_Jane Doe, in The Monthly._`, a name over a place and
date, a changelog's `-- Jane Doe <jane@example.org>  date`) names its
author and date; a speaker named in titles that share a template ("JOHN
ADAMS INAUGURAL ADDRESS") is the author.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from corpus_browser.lang import rules
from corpus_browser.lang.recognise import (
    byline_names,
    dashed_names,
    find_date,
    is_name,
    is_source_line,
    mentions_date,
    name_list,
    name_line,
    name_with_address,
    names_in_title,
    person_name,
    sentence_credits,
    signature_names,
    signoff_names,
    without_trailing_date,
)
from corpus_browser.lang.rules import MINOR_WORDS, NAME_JOINERS
from corpus_browser.lang.text import is_all_caps, is_title_case, key, label_pattern, more_words_than
from corpus_browser.model import Layout, Role, Unit
from corpus_browser.split.imports.fields import plain

#: How many units under a title are its head, where the template is looked for;
#: the head ends before a unit longer than these (the body's first paragraph).
HEAD_UNITS = 6
HEAD_UNIT_MAX_LINES = 3
HEAD_UNIT_MAX_WORDS = 40
#: A line right under a title that states a full date is a dateline, template or not, up to this many words.
FULL_DATELINE_MAX_WORDS = 12
#: A kind of head line is part of the template when this share of the articles have one ...
TEMPLATE_MIN_SHARE = 0.5
#: ... and at least this many.
TEMPLATE_MIN_ARTICLES = 2
#: A title that numbers its piece has at most this many words; the name under it wraps over at most this many lines.
LABEL_MAX_WORDS = 3
LABEL_NAME_MAX_LINES = 3
#: The same line under this many label titles, and this share of them, is a section heading, not a name.
SAME_NAME_MIN, SAME_NAME_SHARE = 3, 0.8
#: An editor's note in brackets after a letter and its signature: `[We are informed that …]`.
_EDITORS_NOTE = re.compile(r"^\[[^\[\]]*\]\.?$")
#: A surname in capitals: a single word of two letters or more.
_CAPITAL_WORD = re.compile(r"[^\W\d_a-z]{2,}(?:['’-][^\W\d_a-z]+)?")
#: A word of a name in capitals: of two letters or more, or of one with no stop after it, as an
#: article is (`O MERCADO`; not the initial of `J. DOE`).
_NAME_WORD = re.compile(r"[^\W\d_a-z]{2,}(?:['’-][^\W\d_a-z]+)?|\b[^\W\d_a-z]\b(?!\.)")
#: A word in lower case, as prose writes common words.
_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z]+\b")
#: Roles of the lines read as `Key: value` header fields (bylines and date lines are read already).
_FIELD_ROLES = (Role.PROSE, Role.BOILERPLATE, Role.HEADING, Role.LIST_ITEM, Role.BYLINE, Role.DATE)
#: A signature or the place-and-date line under it has at most this many words.
SIGNOFF_MAX_WORDS = 12


def apply_template(units: Sequence[Unit], layout: Layout) -> list[Unit]:
    """The units with the template's metadata recognised (see the module docstring)."""
    units = list(units)
    in_matter = {i for first, last, _ in layout.matter for i in range(first, last)}
    starts = [i for i, _reason in layout.starts]
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(units)])]
    spans = [(a, b) for a, b in spans if a not in in_matter]
    lower = LowerWords(units)
    _labels(units, spans, lower)
    _source_lines(units, spans)
    _dashed_signatures(units, spans, in_matter, lower)
    for a, b in spans:
        _signoff(units, a, b, in_matter, lower)
    heads = [_head(units, a, b) for a, b in spans]
    _datelines(units, heads)
    _header_fields(units, heads)
    _surnames(units, [_head(units, a, b, headings=True) for a, b in spans], lower)
    loose = _names_recur(units, heads)
    for head in heads:
        _head_bylines(units, head, loose, lower)
    _speakers(units, spans, lower)
    _credit_sentences(units, spans, in_matter)
    return units


def _head(units: Sequence[Unit], a: int, b: int, headings: bool = False) -> list[int]:
    """Indexes of the units under an article's title, before its body starts (with
    `headings`, short heading-like lines too, which a surname in capitals may be)."""
    title = _title(units, a, b)
    if title is None:
        return []
    head = []
    first = title + 2 if units[title].is_label else title + 1  # under a label stands the piece's name
    for i in range(first, min(b, title + 1 + HEAD_UNITS)):
        field = units[i].line_count == 1 and rules.HEADER_LINE.match(units[i].text)
        if (units[i].role is Role.HEADING and not field and not headings) or units[i].line_count > HEAD_UNIT_MAX_LINES \
                or more_words_than(units[i].text, HEAD_UNIT_MAX_WORDS):
            break
        head.append(i)
    return head


def _datelines(units: list[Unit], heads: Sequence[Sequence[int]]) -> None:
    """Lines with a date among other words, where most articles put a date line;
    and, wherever they stand right under a title, short lines stating a full date
    (`From the New York Packet. Tuesday, January 22, 1788.`)."""
    dated = [next((i for i in head[:2] if units[i].role is Role.DATE
                   or (_open(units[i]) and _dateline(units[i]))), None) for head in heads]
    found = [i for i in dated if i is not None]
    recurring = _recurs(len(found), len(heads))
    for i in found:
        date = find_date(units[i].text) if _open(units[i]) else None
        if date and (recurring or (len(date) == 10 and not more_words_than(units[i].text, FULL_DATELINE_MAX_WORDS))):
            units[i] = replace(units[i], role=Role.DATE, date=date)


def _dateline(unit: Unit) -> bool:
    return unit.line_count == 1 and not more_words_than(unit.text, rules.DATELINE_MAX_WORDS) \
        and find_date(unit.text) is not None


def _header_fields(units: list[Unit], heads: Sequence[Sequence[int]]) -> None:
    """`Key: value` lines whose keys recur at the heads of articles; also as
    the items of a list (`* Author: [Jane Doe](…)`, as README-style
    proposals put them). A line read as a byline or date line on its own
    (`Author: Jane Doe`) counts towards its key recurring, so that one its
    reading missed (`Author: Jane Doe <jane@example.org>`) is read too."""
    fields = [[(i, match["key"].casefold()) for i in head
               if units[i].role in _FIELD_ROLES
               and units[i].line_count == 1 and (match := rules.HEADER_LINE.match(_field_text(units[i])))]
              for head in heads]
    keys = Counter(name for found in fields for name in {_singular(name) for _i, name in found})
    for found in fields:
        for i, name in found:
            if keys[_singular(name)] >= TEMPLATE_MIN_ARTICLES and units[i].role not in (Role.BYLINE, Role.DATE):
                value = rules.HEADER_LINE.match(_field_text(units[i]))["value"]
                names = _field_names(value) if name in rules.AUTHOR_KEYS else ()
                date = find_date(value) if _dates_article(name) else None
                units[i] = replace(units[i], role=Role.BYLINE if names else Role.HEADER, names=names, date=date)


def _singular(key: str) -> str:
    """A header key as one field whether it names one or several (`Author`, `Authors`, `Author(s)`)."""
    return rules.KEY_ALIASES.get(key, key)


def _field_names(value: str) -> tuple[str, ...]:
    """The people an author field names: `Jane Doe, John Roe`, or with their
    addresses, `Jane Doe <jane@example.org>`."""
    addressed = name_with_address(value)
    return byline_names("By " + value, field=True) or (addressed[0] if addressed else ())


def _dates_article(name: str) -> bool:
    """A header key whose value is the article's date: `Date`, `Meeting date`."""
    return name in rules.DATE_KEYS or name.rsplit(" ", 1)[-1] in rules.DATE_KEY_LAST_WORDS


#: A field's key in bold, its colon inside or after (`**Author**:`, `**Author:**`).
_EMPHASISED_KEY = re.compile(r"^(?P<mark>\*\*|__)(?P<key>[^*_:]{1,40})(?::(?P=mark)|(?P=mark):)")


def _field_text(unit: Unit) -> str:
    """A unit's text as a field: without its list marker, also where the line is
    no list item (a bullet beside lines read as fields, or set aside as boilerplate
    for recurring: `* Author: [Jane Doe](…)` heading several of one author's
    proposals), its key out of its bold (`**Author**: Jane Doe`), and its
    Markdown links read as their text (nine linked names make a long line, not
    a long value)."""
    if unit.role is Role.LIST_ITEM:
        text = unit.text[len(unit.marker):].strip()
    else:
        bullet = rules.BULLET_ITEM.match(unit.text)
        text = bullet["text"] if bullet else unit.text
    return rules.MARKDOWN_LINK.sub(r"\1", _EMPHASISED_KEY.sub(r"\g<key>:", text))


def _names_recur(units: Sequence[Unit], heads: Sequence[Sequence[int]]) -> bool:
    """Most articles name someone on a line of its own under the title: the
    seed's template has an author line, so a plain name there is one too."""
    named = sum(1 for head in heads if any(_open(units[i]) and (
        name_with_address(units[i].text) or _plain_names(units[i].text)) for i in head))
    return _recurs(named, len(heads))


def _plain_names(text: str) -> tuple[str, ...] | None:
    """A line that only names people ("Jane Doe", "Jane Doe and John Roe",
    "Jane Doe, for the team"), not a sentence nor a salutation ("Hallo André,",
    "DEAR MRS. CONEY,--")."""
    if more_words_than(text, 12) or ". " in text or rules.LEADS_IN.search(text.rstrip()):
        return None
    names = name_list(text.rstrip("."), single_word_ok=False)
    return names if names and not any(word.casefold() in MINOR_WORDS for name in names for word in name.split()) \
        else None


def _surnames(units: list[Unit], heads: Sequence[Sequence[int]], lower: LowerWords) -> None:
    """Surnames in capitals alone on a line under the titles (`HAMILTON`,
    `HAMILTON AND MADISON`), where most articles have one: bylines, when every
    such word is a proper name (the text never writes it in lower case: not
    `ARGUMENT` or `SYNOPSIS`), and not one line of the template repeated under
    every title."""
    found = [[(i, names) for i in head if units[i].role in (Role.PROSE, Role.BOILERPLATE, Role.HEADING)
              and units[i].level == 0 and (names := _capital_names(units[i].text))] for head in heads]
    if not _recurs(sum(1 for lines in found if lines), len(heads)):
        return
    if any(name.casefold() in lower for lines in found for _i, names in lines for name in names):
        return
    if len(heads) >= TEMPLATE_WORD_MIN_PIECES and len({names for lines in found for _i, names in lines[:1]}) == 1 \
            and all(found):
        return  # one word of the page's template, repeated under every title
    for lines in found:
        for i, names in lines[:1]:
            units[i] = replace(units[i], role=Role.BYLINE, names=names)


class LowerWords:
    """The words the seed's prose writes in lower case: common words, not names;
    read when first asked for (most seeds never ask)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self._units = units
        self._words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = frozenset(word for unit in self._units if unit.role is Role.PROSE
                                    and not unit.text.isupper() for word in _LOWER_WORD.findall(unit.text))
        return word in self._words


def _name_alone(text: str, lower: LowerWords) -> str | None:
    """A person's name alone on a line (`person_name`), unless it is in capitals
    and half its words or more are words the prose writes in lower case: a
    headline (`INDIAN CIVIL SERVICE`, `CHIMES RANG SWEETLY`), not a name."""
    name = person_name(text)
    if name is None or not is_all_caps(name):
        return name
    words = [word.casefold() for word in _NAME_WORD.findall(name)]
    return None if words and 2 * sum(word in lower for word in words) >= len(words) else name


def _capital_names(text: str) -> tuple[str, ...] | None:
    """A line of single words in capitals joined as names are (`HAMILTON AND MADISON`)."""
    words = [word.strip() for word in NAME_JOINERS.split(text.strip(" .")) if word.strip()]
    if not words or not all(_CAPITAL_WORD.fullmatch(word) for word in words):
        return None
    return tuple(words) if not any(word.casefold() in MINOR_WORDS for word in words) else None


def _head_bylines(units: list[Unit], head: Sequence[int], loose: bool, lower: LowerWords) -> None:
    """Under the title, a person's name alone on a line (in capitals or with
    an initial, or any name where the template has an author line) or with
    an e-mail address is a byline; not a salutation, which leads in to the
    text (`DEAR MRS. CONEY,--`)."""
    if any(units[i].role is Role.BYLINE for i in head):
        return
    for n, i in enumerate(head):
        if not _open(units[i]) or rules.LEADS_IN.search(units[i].text.rstrip()):
            continue
        addressed = name_with_address(units[i].text)
        name = _name_alone(units[i].text.rstrip("."), lower) if n < 2 else None
        names = addressed[0] if addressed else (name,) if name else None
        if names is None and loose:
            names = _plain_names(units[i].text)
        if names:
            units[i] = replace(units[i], role=Role.BYLINE, names=names)


def surnames_apart(names: Sequence[str], lower: LowerWords) -> bool:
    """Whether no name ends with a word the seed's prose writes in lower case:
    `Happy Coding`, `Kind Regards`, `Board Meeting` name no one."""
    return not any(name.split()[-1].casefold() in lower for name in names)


def _dashed_signatures(units: list[Unit], spans: Sequence[tuple[int, int]], in_matter: set[int],
                       lower: LowerWords) -> None:
    """Names after a dash, as running text writes them, on the line that closes
    the article (`—Jane Doe and John Roe`, `— Jane Doe (@jane)`, in HTML too:
    `<div align="right">&mdash;Jane Doe</div>`), where most of the seed's
    articles close so: its authors' signatures. Where only a few do, or under a
    quotation, the dash credits what is quoted (`— Mark Twain`)."""
    signed = {}
    for a, b in spans:
        body = [i for i in range(a, b) if i not in in_matter and units[i].role in _SIGNED_ROLES]
        if len(body) < 3 or _quotation(units[body[-2]].text):
            continue
        names = dashed_names(_element_text(units[body[-1]].text))
        if names and surnames_apart(names, lower):
            signed[body[-1]] = names
    if _recurs(len(signed), len(spans)):
        for i, names in signed.items():
            units[i] = replace(units[i], role=Role.BYLINE, names=names)


#: The roles of the lines an article's text closes with.
_SIGNED_ROLES = (Role.PROSE, Role.HEADING, Role.BOILERPLATE)


def _quotation(text: str) -> bool:
    """A paragraph that is a quotation: in quotation marks or wholly in italics."""
    text = text.strip()
    return text[:1] in "\"“‘«„'" or text.rstrip(".")[-1:] in "\"”’»'" or bool(_ITALIC_LINE.match(text))


def _element_text(text: str) -> str:
    """The text of a line that is one element of HTML (`<p align="right">&mdash;Jane
    Doe</p>`, as Markdown lets a signature be written), else the line."""
    return plain(text) if text.startswith("<") and text.endswith(">") else text


def _signoff(units: list[Unit], a: int, b: int, in_matter: set[int], lower: LowerWords) -> None:
    """A signature closing the article: a name with an e-mail address (a
    changelog's trailer, with its date), a name or a credit line, perhaps over
    a place-and-date line or a place alone (`Winchester.`), or a credit ending
    the last paragraph; footnotes and an editor's note in brackets may follow it."""
    if any(units[i].names for i in range(a, b)):
        return  # its header names the authors already
    body = [i for i in range(a, b) if i not in in_matter and not rules.FOOTNOTE.match(units[i].text)
            and not _EDITORS_NOTE.match(units[i].text) and (
        units[i].role in (Role.PROSE, Role.HEADING)
        or (units[i].role is Role.BOILERPLATE and signature_names(units[i].text)))]  # one every piece repeats
    if len(body) < 2:
        return
    last = body[-1]
    addressed = name_with_address(units[last].text)
    if addressed:
        units[last] = replace(units[last], role=Role.BYLINE, names=addressed[0], date=addressed[1])
        return
    if len(body) < 3:
        return
    dated = not more_words_than(units[last].text, SIGNOFF_MAX_WORDS) and find_date(units[last].text)
    placed = rules.PLACE_LINE.match(units[last].text) and not name_line(units[last].text) \
        and not more_words_than(units[body[-2]].text, SIGNOFF_MAX_WORDS)  # (not `Walter H. Page.`, nor under a poem)
    signature = body[-2] if dated or placed else last
    text = units[signature].text
    if not more_words_than(text, SIGNOFF_MAX_WORDS):
        names = signoff_names(text, last_paragraph=False) or name_line(text) \
            or (_italic_name(text) if units[signature].indent else None) \
            or (_set_name(text, lower) if units[signature].indent >= RIGHT_SET_INDENT else None)
        if names:
            units[signature] = replace(units[signature], role=Role.BYLINE, names=names)
            if dated:
                units[last] = replace(units[last], role=Role.DATE, date=find_date(units[last].text))
            return
    if not dated:
        names = signoff_names(text, last_paragraph=True)
        if names:  # the credit stays part of the paragraph it ends
            units[signature] = replace(units[signature], names=names)


#: One word in capitals under every title of at least this many pieces is a line of the page's template
#: (`BODY`), not the surname of their one author (a few papers by one writer may be so signed).
TEMPLATE_WORD_MIN_PIECES = 10
#: A line set this far in, or further, is set to the right, as a signature is under a poem.
RIGHT_SET_INDENT = 20


def _set_name(text: str, lower: LowerWords) -> tuple[str, ...] | None:
    """A name of two to five words alone on a line, as a signature set to the
    right at a piece's foot is (`Philipp Spitta.`, `F. v. Pocci.`); not `The
    End.`, nor a place or a source whose words the prose writes in lower case
    (`Lake Geneva.`, `Old Ballad.`, `Yours Truly.`)."""
    name = text.strip().rstrip(".")
    return (name,) if _signed_name(name, 5, lower) else None


def _signed_name(name: str, most_words: int, lower: LowerWords | frozenset[str] = frozenset()) -> bool:
    """Two to `most_words` words that name someone (`is_name`), none a minor word
    (`The End`) nor, given the words the prose writes in lower case, one of those."""
    words = name.split()
    return 2 <= len(words) <= most_words and is_name(name) and not any(
        word.casefold() in MINOR_WORDS or word.casefold().strip(".") in lower for word in words)


#: A line wholly in italics (`_Clinton Scollard._`), what it holds.
_ITALIC_LINE = re.compile(r"^(?P<mark>[_*])(?P<inside>[^_*]+?)\.?(?P=mark)\.?$")


def _italic_name(text: str) -> tuple[str, ...] | None:
    """A name of two to four words set alone in italics, as an indented line
    signs a poem at its foot (`_Clinton Scollard._`); not `_The End._`."""
    found = _ITALIC_LINE.match(text.strip())
    name = found["inside"].strip() if found else ""
    return (name,) if _signed_name(name, 4) else None


def _speakers(units: list[Unit], spans: Sequence[tuple[int, int]], lower: LowerWords) -> None:
    """Names of speakers in titles that share a template, for articles without a
    byline; not words the text writes in lower case, every one of them
    (`Accessibility Best Practices for Your Project`, `Security Best Practices
    for your Project` name no one)."""
    titles = {}
    for a, b in spans:
        title = _title(units, a, b)
        if title is not None and not any(units[i].names for i in range(a, b)):
            titles[title] = units[title].text
    speakers = names_in_title(list(titles.values()))
    for i, text in titles.items():
        if text in speakers and not all(word.casefold() in lower for word in speakers[text].split()):
            units[i] = replace(units[i], names=(speakers[text],))


def _credit_sentences(units: list[Unit], spans: Sequence[tuple[int, int]], in_matter: set[int]) -> None:
    """Where no line names an article's authors, a sentence among its first or last
    paragraphs that credits the piece to them (`This week's issue was edited by
    Jane Doe.`, `This guide was written by @jane with contributions from …`): the
    sentence stays in the text, and names them."""
    for a, b in spans:
        if any(units[i].names for i in range(a, b)):
            continue
        body = [i for i in range(a + 1, b) if i not in in_matter and units[i].role in _CREDITING_ROLES]
        for i in dict.fromkeys([*body[:CREDIT_REACH], *body[-CREDIT_REACH:]]):
            names = sentence_credits(units[i].text)
            if names:
                units[i] = replace(units[i], names=names)
                break


#: A sentence crediting a piece to its authors stands among its first or last this many paragraphs.
CREDIT_REACH = 4
#: The roles of the paragraphs such a sentence is looked for in (a newsletter's is the same every week).
_CREDITING_ROLES = (Role.PROSE, Role.BOILERPLATE)


def _open(unit: Unit) -> bool:
    """A unit the template may still read as metadata: prose, or a line taken
    for boilerplate only because every article repeats it (`Tags: news`)."""
    return unit.role in (Role.PROSE, Role.BOILERPLATE)


def _labels(units: list[Unit], spans: Sequence[tuple[int, int]], lower: LowerWords) -> None:
    """Titles that only number their piece, with its name on the line under
    them: a label heading (`LETTER IV`, `No. 10`), or short titles that differ
    only in their numbering and hold a word besides (`1. First Day.`, `2.
    Second Day.`; not `2.1.0`, nor `Version 8.5.0`: a version names its release,
    whatever line stands under it, `Unreleased`)."""
    titles = {i: label_pattern(units[i].text) for a, b in spans if (i := _title(units, a, b)) is not None}
    patterns = Counter(titles.values())
    labels = []
    for i, pattern in titles.items():
        words = pattern.split()
        numbered = _recurs(patterns[pattern], len(titles)) and "0" in words and len(words) <= LABEL_MAX_WORDS \
            and any(word != "0" and any(ch.isalpha() for ch in word) for word in words) \
            and not rules.VERSION.search(units[i].text)
        if (numbered or rules.LABEL_ONLY.match(units[i].text)) and i + 1 < len(units) \
                and _names_piece(units[i + 1], lower):
            labels.append(i)
    names = Counter(key(units[i + 1].text) for i in labels)
    for i in labels:  # the same line under most of them is a section every piece has (`## Language`), no name
        same = names[key(units[i + 1].text)]
        if not (same >= SAME_NAME_MIN and same >= SAME_NAME_SHARE * len(labels)):
            units[i] = replace(units[i], is_label=True)


def _source_lines(units: list[Unit], spans: Sequence[tuple[int, int]]) -> None:
    """Titles that only say where and when the piece appeared, over its headline
    (`(_Boston Journal_, January 7, 1895.)` over `CHIMES RANG SWEETLY.`), where
    most articles open so, as a book of press cuttings does: the source line is
    the article's date line and the headline its title. A line standing under
    half of those titles (`EXTRACT.`) is the book's furniture, passed over."""
    sourced = [(i, b) for a, b in spans if (i := _title(units, a, b)) is not None
               and units[i].line_count == 1 and is_source_line(units[i].text)]
    if not _recurs(len(sourced), len(spans)):
        return
    firsts = Counter(key(units[i + 1].text) for i, b in sourced if i + 1 < b)
    for i, b in sourced:
        under = i + 1
        if under < b and firsts[key(units[under].text)] >= TEMPLATE_MIN_SHARE * len(sourced) \
                and units[under].line_count == 1:
            units[under] = replace(units[under], role=Role.BOILERPLATE)
            under += 1
        if under < b and _headline(units[under]):
            units[i] = replace(units[i], role=Role.DATE, level=0)
            units[under] = replace(units[under], role=Role.HEADING)


def _headline(unit: Unit) -> bool:
    """A short line that can head a piece: a heading, or up to three lines in capitals or
    Title Case, stating no date."""
    text = unit.text
    if unit.role not in (Role.HEADING, Role.PROSE) or unit.line_count > LABEL_NAME_MAX_LINES \
            or mentions_date(text) or rules.LABEL_ONLY.match(text):
        return False
    return unit.role is Role.HEADING or is_all_caps(text) or (is_title_case(text) and not more_words_than(text, 20))


def _names_piece(unit: Unit, lower: LowerWords) -> bool:
    """A line that could be a piece's name: a heading, or a short line in
    capitals or Title Case that is not a date, a byline or a person's name; or a
    dateline in capitals that names a place too (`EDINBURGH, JUNE 25, 1841.`)."""
    text = unit.text
    if unit.role is Role.DATE:
        return is_all_caps(text) and without_trailing_date(text.rstrip(".")) != text.rstrip(".") \
            and unit.line_count <= LABEL_NAME_MAX_LINES
    return _headline(unit) and not _name_alone(text.rstrip("."), lower)


def _title(units: Sequence[Unit], a: int, b: int) -> int | None:
    """The article's title: the first heading near its start."""
    return next((i for i in range(a, min(b, a + HEAD_UNITS)) if units[i].role is Role.HEADING), None)


def _recurs(found: int, articles: int) -> bool:
    return found >= TEMPLATE_MIN_ARTICLES and found >= TEMPLATE_MIN_SHARE * articles
