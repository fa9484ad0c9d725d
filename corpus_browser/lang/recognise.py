"""The one recogniser for the facts a line can state: who wrote a piece, and when.

Bylines, sign-offs, person names and dates are recognised here and nowhere
else; the unit that holds one carries the parsed result on, so later stages
never parse the text again. The patterns are data, in `rules.py`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from corpus_browser.lang import rules
from corpus_browser.lang.detect import date_order, primary
from corpus_browser.lang.rules import MINOR_WORDS
from corpus_browser.lang.text import is_all_caps, more_words_than

#: Words that introduce a date at the end of a title, or the weekday that is part of its stamp
#: (`0.9.5 Tue Jan 11 2011`: no title names the day of the week its date fell on).
_DATE_LEAD = re.compile(r"\s+(?:(?:released|published|posted|dated)(?:\s+on)?"
                        r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"\b1[5-9]\d\d\b|\b2[01]\d\d\b")
_WORD = re.compile(r"[A-Za-z]+\.?")
#: Every date names its year in digits.
_DIGIT = re.compile(r"\d")
#: An aside in brackets after a name: life dates, a place (`JOHN KEATS (1795-1821)`).
_ASIDE = re.compile(r"\s?[(\[][^)\]]{0,60}[)\]]")  # (one space before: `\s*` is read again from every space)
#: Titles that end alike name their speakers when at least this many share the ending.
TITLE_TEMPLATE_MIN = 3
#: What may stand around a name in a signature: emphasis, dashes, full stops.
_NAME_TRIM = " .,_*—–-"


@dataclass(frozen=True)
class DateReading:
    """The language dates are read in, and the order of day and month a seed states for numeric dates."""

    language: str | None = None
    """ISO 639-1; None or `en` reads English dates only, exactly as always."""
    order: str | None = None
    """`day-first` or `month-first` as a sidecar states it; None for the language's own."""


#: How dates are read now: set by `reading_dates` for the seed being split.
_READING: ContextVar[DateReading] = ContextVar("date_reading", default=DateReading())


@contextmanager
def reading_dates(language: str | None, order: str | None = None) -> Iterator[None]:
    """Read dates in `language` (and numeric ones in `order`) within the block:
    the per-seed work reads each seed in its own language. The splitter's calls
    to `find_date` and `is_date_line` need no argument for it, and outside any
    such block dates are read in English only."""
    token = _READING.set(DateReading(primary(language), order))
    try:
        yield
    finally:
        _READING.reset(token)


def find_date(text: str) -> str | None:
    """The date `text` states, at its precision: its first full date
    (`YYYY-MM-DD`), else its first month (`YYYY-MM`, "November 2016"); in a
    seed of another language, as a short line that language's parser reads
    (`_parsed_date`)."""
    found = _date_match(text)
    return _iso(found) if found else _parsed_date(text)


#: A date field's value written as digits alone, year first (TiddlyWiki's `created: 20140103091348509`):
#: the day, then perhaps the time to the minute, second or millisecond.
_COMPACT_DATE = re.compile(rf"^\s*{rules.YEAR}(?P<month>\d\d)(?P<day>\d\d)(?:\d{{4}}|\d{{6}}|\d{{9}})?\s*$")


def compact_date(value: str) -> str | None:
    """The day a date field's value of digits alone states (`20140103091348509` is
    2014-01-03), or None; only for a field that says it holds a date: in text,
    such digits are an order number as often as a day."""
    found = _COMPACT_DATE.match(value)
    return _iso(found) if found else None


def _parsed_date(text: str) -> str | None:
    """A short line that is only a date, as dateparser reads it in the seed's
    language (and English): only outside English, only for lines of at most
    `PARSER_MAX_WORDS` words that hold a year in digits, so a title word alone
    ("The May Queen") never dates a piece, and only absolute dates ("2 days
    ago" is none). At the precision the line states."""
    reading = _READING.get()
    if reading.language in (None, "en") or len(text) > rules.PARSER_MAX_CHARS \
            or len(text.split()) > rules.PARSER_MAX_WORDS or not _YEAR.search(text):
        return None
    return _dateparser_date(text.strip(), reading.language, reading.order or date_order(reading.language))


@lru_cache(maxsize=4096)
def _dateparser_date(text: str, language: str, order: str) -> str | None:
    parser = _date_parser(language, order)
    if parser is None:
        return None
    try:
        found = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if found.date_obj is None or found.period not in ("day", "month", "year"):
        return None
    iso = found.date_obj.date().isoformat()
    return iso if found.period == "day" else iso[:7] if found.period == "month" else iso[:4]


@lru_cache(maxsize=16)
def _date_parser(language: str, order: str):
    """dateparser's DateDataParser for a language (and English), or None when it knows no such language."""
    import dateparser

    settings = {"DATE_ORDER": "DMY" if order == "day-first" else "MDY", "PARSERS": ["absolute-time"],
                "REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first"}
    try:
        return dateparser.DateDataParser(languages=[language, "en"], settings=settings)
    except ValueError:
        return None


#: A file name that starts with the date of its post: `2016-08-23-my-post.md`, `2016/08/23/…`.
_NAME_DATE = re.compile(r"(?:^|/)(?P<date>(?:1[5-9]|2[01])\d\d[-_/.](?:0?[1-9]|1[0-2])[-_/.](?:0?[1-9]|[12]\d|3[01]))(?=[-_./]|$)")


def date_in_name(name: str) -> str | None:
    """The date a file's name (with its folders) starts with, as blogs name their
    posts (`2016-08-23-title.md`, `2016/08/23/title.md`), or None."""
    found = _NAME_DATE.search(name)
    return find_date(re.sub(r"[_/.]", "-", found["date"])) if found else None


#: A credit to a handle ending a heading: `2.0.26 (2025-10-24) - @mojavelinux`, `Notes by @ada`.
_HANDLE_CREDIT = re.compile(rf"\s+(?:[-–—|]|by)\s+@(?P<handle>{rules.HANDLE_CHARS})\s*$")


def handle_credit(text: str) -> tuple[str, str] | None:
    """A heading's text without the handle it credits at its end, and the handle
    (without its `@`): `2.0.26 - @mojavelinux` -> (`2.0.26`, `mojavelinux`)."""
    found = _HANDLE_CREDIT.search(text)
    return (text[: found.start()], found["handle"]) if found and found.start() else None


def without_trailing_date(text: str) -> str:
    """A title without the date it ends with, which the article's date shows
    anyway: `2.1.0 - 2020-01-01` -> `2.1.0`, `6.0.4 / 2026-04-14` -> `6.0.4`,
    `Release 7.2 (released Sep 13, 2023)` -> `Release 7.2`, `0.9.5 Tue Jan 11 2011` -> `0.9.5`, `0.4 - Fri Jul 16
    2004 17:44:54 +0800` -> `0.4`, `Version 3.3
    04-May-2024` -> `Version 3.3`, `(_The Globe_,
    January 12, 1895.)` -> `_The Globe_`. A title that is only a date stays as it is."""
    if is_source_line(text):
        return without_trailing_date(text.rstrip(".")[1:-1])
    found = _date_match(text)
    if found is None or rules.WEEKDAY_OR_TIME.sub("", text[found.end():]).strip(" )]}."):
        return text  # (a time of day after the date, `17:44:54 +0800`, is the date's)
    head = text[: found.start()]
    bracket = max(head.rfind("("), head.rfind("["))
    bracketed = bracket > 0 and len(head[bracket + 1:].split()) <= 2 and not any(
        mark in head[bracket:] for mark in ")]")  # (open round the date: not `[1.2.3] - 2026-02-19`)
    if bracketed:
        head = head[:bracket]
    led = _DATE_LEAD.search(head)
    if led:
        head = head[: led.start()]
    elif not bracketed and not head.rstrip().endswith(("-", "–", "—", ",", ":", "/")) \
            and not _VERSION_END.search(_CLOSING_ASIDE.sub("", head)):
        return text  # the date is part of the title's words ("Remembering September 11, 2001")
    head = head.rstrip(" -–—,:;([/")
    return head if head.strip() and head.strip().casefold() not in MINOR_WORDS else text  # not `On` of `On Sunday …`


def without_leading_date(text: str) -> str:
    """A release's line without the day it opens with, set off by a comma, a
    colon or a dash, which the article's date shows anyway: `2026.03.06,
    Version 1.52.1 (Stable)` -> `Version 1.52.1 (Stable)`. Other titles keep
    the date they open with (`March 2021: What I read`, `November 9, 1989: The
    night the Wall opened`): it tells them apart, or is not the post's."""
    found = _date_match(text)
    day = _iso(found) if found and not text[: found.start()].strip() else None
    set_off = _AFTER_LEADING_DATE.match(text, found.end()) if day and len(day) == len("2000-01-01") else None
    rest = text[set_off.end():] if set_off else ""
    return rest if rules.VERSION.search(rest) and _DATE_START.match(rest) is None else text


#: A date opening what is left (the end of a range of dates, `2021-05-09: …`).
_DATE_START = re.compile(r"\d{1,4}[-./]\d")


#: What sets a date off from the title after it: a comma, a colon or a dash.
_AFTER_LEADING_DATE = re.compile(r"\s*[,:]\s*|\s+[-–—]\s+")


def without_commit_id(text: str) -> str:
    """A release's line without the commit id it closes with, set off by a comma
    or in brackets (`Version 1.52.1 (Stable), 1cfa32ff59c0…` -> `Version 1.52.1
    (Stable)`): no word of its title. (`… fixes issue 4f2a9c1` keeps it.)"""
    head, _, last = text.rstrip().rpartition(" ")
    bracketed = last.startswith("(") and last.endswith(")")
    set_off = bracketed or head.endswith(",")
    commit = set_off and _COMMIT_ID.fullmatch(last[1:-1] if bracketed else last) and head.strip(" ,") \
        and rules.VERSION.search(head)
    return head.rstrip(" ,") if commit else text


#: A commit's id: seven to forty hexadecimal digits, a digit and a letter among them.
_COMMIT_ID = re.compile(r"(?=[0-9a-f]{0,39}\d)(?=[0-9a-f]{0,39}[a-f])[0-9a-f]{7,40}")


#: An aside in brackets closing what stands before a date (`3.0.0 (LTS) 2021-03-01`): the version before it counts.
_CLOSING_ASIDE = re.compile(r"\s*[(\[][^()\[\]\n]{0,40}[)\]]\s*$")
#: A version closing what stands before a date: named so (`Version 3.3 04-May-2024`, `v2.1`) or of three
#: numbers or more (`2.1.0`); not a section's number (`1.2 28 July 1914`).
_VERSION_END = re.compile(r"(?:\b(?:version|release|v)\s*\d+(?:\.\d+)*|\b\d+(?:\.\d+){2,})\s*$", re.IGNORECASE)


def closing_date(text: str) -> str | None:
    """The date `text` ends with (nothing but punctuation after it), or a year
    in brackets that ends it (`… OF THE NEW HALL (1847).`), or None."""
    found = _date_match(text)
    if found and not text[found.end():].strip(" )]}.;"):
        return _iso(found)
    year = _BRACKETED_YEAR_END.search(text)
    return year["year"] if year else None


#: A year in brackets at the end of a line, perhaps before a stop.
_BRACKETED_YEAR_END = re.compile(rf"[(\[]{rules.YEAR}[)\]][.;]?\s*$")


def is_source_line(text: str) -> bool:
    """A line wholly in brackets that states a date: where and when a piece
    appeared (`(_Boston Journal_, January 7, 1895.)`)."""
    inside = text.rstrip(".")
    return inside[:1] in "([" and inside[-1:] == {"(": ")", "[": "]"}[inside[:1]] \
        and inside.count(inside[0]) == 1 and find_date(inside) is not None


def mentions_date(text: str) -> bool:
    """Whether `text` names a month and a year, as a dateline does, even in a
    form `find_date` cannot read ("December 9, O. S. 1746")."""
    return find_date(text) is not None or (bool(_YEAR.search(text)) and any(
        word.casefold().rstrip(".,") in rules.MONTHS for word in _WORD.findall(text)))


def is_date_line(text: str) -> bool:
    """A line that is a date, perhaps with a few words around it ("Posted on …",
    a weekday, a time of day), but no version number: `Changes in 0.99 (27 Jan
    96)` heads a release."""
    found = _date_match(text) or _day_and_month(text)
    if found is None:
        return _parsed_date(text) is not None
    rest = _around_date(text, found)
    return len(rules.WORD_IN_DATE_LINE.findall(rest)) <= rules.DATE_LINE_MAX_OTHER_WORDS \
        and not rules.VERSION.search(rest)


def month_day(text: str) -> tuple[int | None, int] | None:
    """The month and day a title names with no year (`Sept. 17.`, `Monday,
    3rd May`), or None: a journal's entry, whose year is stated elsewhere; the
    month None where the title names the day alone (`21st.`), in the month of
    the entry before."""
    found = rules.MONTH_DAY.match(text.strip())
    if found is None:
        alone = rules.DAY_ALONE.match(text.strip())
        return (None, int(alone["day"])) if alone and 1 <= int(alone["day"]) <= 31 else None
    month = rules.MONTHS[(found["month"] or found["month_after"]).casefold()]
    day = int(found["day"] or found["day_first"])
    return (month, day) if 1 <= day <= calendar.monthrange(2000, month)[1] else None


def is_bare_date(text: str) -> bool:
    """A line that is only a full date, perhaps with its weekday (`21 May 2009`,
    `Tuesday, May 3, 2021.`): a log's entry heading wherever it stands."""
    found = _date_match(text)
    if found is None or len(_iso(found) or "") != 10:
        return False
    return not any(ch.isalnum() for ch in _around_date(text, found))


def _around_date(text: str, found: re.Match[str]) -> str:
    """What a line holds besides the date `found` in it and any weekday or time of day."""
    return rules.WEEKDAY_OR_TIME.sub(" ", text[: found.start()] + " " + text[found.end() :])


def _date_match(text: str) -> re.Match[str] | None:
    """The earliest match of the most precise date pattern that matches a real
    date. Emphasis marks are read as spaces (`_May_ 27, 1796`)."""
    if not _DIGIT.search(text):
        return None
    text = text.replace("_", " ").replace("*", " ")
    reading = _READING.get()
    for pattern in _patterns(reading.language, reading.order):
        for match in pattern.finditer(text):
            if _iso(match) is not None:
                return match
    return None


def _day_and_month(text: str) -> re.Match[str] | None:
    """A day and a month named with no year (`rules.DAY_MONTH_FORMS`), in the
    seed's language or English."""
    if not _DIGIT.search(text):
        return None
    for pattern in _day_month_patterns(_READING.get().language):
        for match in pattern.finditer(text):
            month = _month_number(match["month"])
            if month is not None and 0 < int(match["day"]) <= calendar.monthrange(2000, month)[1] \
                    and _opens_dateline(text[: match.start()]):
                return match
    return None


def _opens_dateline(before: str) -> bool:
    """Whether what stands before a day and month is a dateline's opening: nothing,
    a place and a comma, or a short word after them ("Den", "München, den",
    "Paris, le"), not a title's words ("La Veille du 1er janvier")."""
    before = before.rstrip()
    head, _, last = before.rpartition(" ")
    return not before or before.endswith(",") or (len(last) <= 3 and last.isalpha()
                                                  and (not head or head.endswith(",")))


@lru_cache(maxsize=64)
def _day_month_patterns(language: str | None) -> tuple[re.Pattern[str], ...]:
    names = [*rules.MONTHS, *rules.MONTHS_BY_LANGUAGE.get(language or "", {})]
    return _with_months(rules.DAY_MONTH_FORMS, names)


@lru_cache(maxsize=64)
def _patterns(language: str | None, order: str | None) -> tuple[re.Pattern[str], ...]:
    """The date patterns for a language, most precise first: English's
    (`rules.DATE_PATTERNS`), and for another language its month names
    (`rules.MONTHS_BY_LANGUAGE`), numeric and CJK dates. English reads numeric
    dates only when a sidecar states their order."""
    english = rules.DATE_PATTERNS
    full, months = english[:6], english[6:]  # English's full dates, then its months alone
    if language in (None, "en"):
        return english if order is None else full + _compiled(rules.NUMERIC_DATE_FORMS) + months
    names = rules.MONTHS_BY_LANGUAGE.get(language, {})
    named = _with_months(rules.NAMED_DATE_FORMS, names) if names else ()
    return (full + named[:1] + _compiled(rules.NUMERIC_DATE_FORMS) + _compiled(rules.CJK_DATE_FORMS)
            + named[1:] + months)


def _with_months(forms: Sequence[str], names: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """`forms` compiled with `{month}` standing for any of the month `names` (the longest tried first)."""
    month = "(?P<month>" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")"
    return _compiled(form.replace("{month}", month) for form in forms)


def _compiled(forms) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(form, re.IGNORECASE) for form in forms)


def _month_number(name: str) -> int | None:
    name = name.casefold().rstrip(".")
    return rules.MONTHS.get(name) or rules.MONTHS_BY_LANGUAGE.get(_READING.get().language or "", {}).get(name)


def _iso(match: re.Match[str]) -> str | None:
    """ISO date at the precision of a date pattern's match, or None when it is no real date."""
    groups = match.groupdict()
    if groups.get("first"):  # a numeric date in the order the seed or its language writes them
        reading = _READING.get()
        day_first = (reading.order or date_order(reading.language)) == "day-first"
        groups["day"], groups["month"] = (groups["first"], groups["second"]) if day_first else \
            (groups["second"], groups["first"])
    month = groups.get("month")
    if month is None:
        return None
    month_number = int(month) if month.isdigit() else _month_number(month)
    if month_number is None:
        return None
    day = groups.get("day")
    year = int(groups["year"]) if groups.get("year") else _full_year(int(groups["short_year"]))
    year += _dual_year(match, year, month_number)
    try:
        if day is None:
            return datetime.date(year, month_number, 1).isoformat()[:7]
        return datetime.date(year, month_number, int(day)).isoformat()
    except ValueError:
        return None


def _dual_year(match: re.Match[str], year: int, month: int) -> int:
    """1 when a date of the year's first months writes the year both ways, as
    letters and records did before the calendar's new year moved to January
    (`Jan. 4, 1710–11` is 1711 as we count), else 0."""
    if month > rules.DUAL_YEAR_LAST_MONTH or year >= rules.DUAL_YEAR_UNTIL:
        return 0
    found = rules.DUAL_YEAR.match(match.string, match.end())
    return 1 if found and int(found[1]) == (year + 1) % 100 else 0


def _full_year(short: int) -> int:
    """A year written with two digits, in full (`rules.SHORT_YEAR_PIVOT`): 98 is 1998, 05 is 2005."""
    return (1900 if short >= rules.SHORT_YEAR_PIVOT else 2000) + short


def byline_names(text: str, *, field: bool = False) -> tuple[str, ...] | None:
    """The names in a byline, or None when the line is not a byline.

    Honorifics (`The Hon.`, `Prof.`) and degrees after a name (`A.M.`,
    `LL.D.`) are dropped; a description after the names (`By Jane Doe,
    Assistant in the Laboratory`) ends the list, and so does what follows a
    comma in a line opening with `By` when no `and` joins people and the
    list ends in one word (`By Jane Doe, Springfield, Ohio`: where she writes
    from; `By Jane Doe, John Roe` names two); a `field`'s value, and a line
    such as `Authors: Jane Doe, John Roe`, list people with commas alone. A
    credit in italics opens with `by` in lower case (`_by Jane Doe._`)."""
    if len(text) > rules.METADATA_LINE_MAX_CHARS:
        return None
    if (emphasised := _EMPHASISED_LINE.fullmatch(text)) and emphasised["inner"].startswith("by "):
        text = emphasised["inner"] + emphasised["stop"]  # a credit in italics: `_by Jane Doe._` (not `_By Request._`)
    for pattern in rules.BYLINE_PATTERNS:
        match = pattern.match(text)
        if match:
            names = name_list(match["names"])
            if len(names or ()) > 1 and not field and _BY.match(text) and not _PEOPLE_JOINED.search(match["names"]) \
                    and len(names[-1].split()) == 1:
                names = names[:1]  # `By A. B. Carter, Maple Falls, Ohio`: where the author writes from
            if names:
                return tuple(_with_closing_stop(name, text) for name in names)
    return None


#: What joins the people of a byline (`A, B and C`); commas alone, before a last word, set off where its author
#: writes from, or what the author is.
_PEOPLE_JOINED = re.compile(r"\band\b|&|\bwith\b", re.IGNORECASE)
_BY = re.compile(r"by\s", re.IGNORECASE)
#: A line wholly in one pair of emphasis marks, perhaps with the stop outside them (`_by Jane Doe_.`).
_EMPHASISED_LINE = re.compile(r"(?P<mark>[_*]{1,2})(?P<inner>[^_*]+)(?P=mark)(?P<stop>\.?)")
#: A person's initials written together, two to four (`G.H.B.`), the last stop perhaps trimmed.
_COMPACT_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]\.?")
#: Initials spaced as a person's are (`E. A. E.`), not a degree's (`LL.D.`, `M.D.`).
_SPACED_INITIALS = re.compile(r"(?:[A-Z]\.\s+)+[A-Z]\.?")


def _joins_people(text: str, part: str) -> bool:
    """Whether `part` of a list follows `and` or `&`: another person, not a degree after a comma."""
    return re.search(rf"(?:\band\b|&)\s*{re.escape(part.strip())}", text) is not None


def _with_closing_stop(name: str, text: str) -> str:
    """A name that ends with an initial keeps the stop the line gives it (`E. A. E.`, `G.H.B.`)."""
    last = name.split()[-1]
    initial = len(last) == 1 or _COMPACT_INITIALS.fullmatch(last)
    return name + "." if initial and not last.endswith(".") and f" {last}." in f" {text}" else name


def name_list(text: str, single_word_ok: bool = True) -> tuple[str, ...] | None:
    """People named in a list ("A, B and C", "JANE DOE, LL.D."), or None when the
    list does not start with a person's name."""
    names: list[str] = []
    parts = [part.strip() for part in rules.NAME_JOINERS.split(_ASIDE.sub("", text).strip(" .")) if part.strip()]
    for position, part in enumerate(parts):
        if rules.DEGREE.match(part.strip()) and not (_SPACED_INITIALS.fullmatch(part.strip())
                                                      and (not names or _joins_people(text, part))):
            continue  # (a degree; not a person's initials, first or after `and`: `By E. A. E.`, `By J. M. and R. S.`)
        name = strip_honorifics(part)
        if not is_name(name):
            if position == 0 or len(names[0].split()) < 2:
                return None
            break  # a description of the author follows the names
        names.append(name)
    if not names or (not single_word_ok and all(len(name.split()) < 2 for name in names)):
        return None
    return tuple(names)


def strip_honorifics(name: str) -> str:
    """A name without the titles before it: "THE HON. JANE DOE" -> "JANE DOE"
    ("The" only before a title: "The Rust Core Team" keeps it)."""
    words = name.strip(_NAME_TRIM).split()
    while len(words) > 1 and _honorific(words[0]) and (words[0].casefold() != "the" or _honorific(words[1])):
        words.pop(0)
    return " ".join(words)


def _honorific(word: str) -> bool:
    return word.rstrip(".").casefold() in rules.HONORIFICS


def strip_degrees(name: str) -> str:
    """A name without the degrees and suffixes after it: "Jane Doe, LL.D." ->
    "Jane Doe", "John Roe Jr." -> "John Roe" (`rules.DEGREE`)."""
    parts = [part.strip() for part in name.split(",")]
    while len(parts) > 1 and rules.DEGREE.match(parts[-1]) and len(parts[-1].rstrip(".")) > 1:  # not an initial
        parts.pop()
    words = ", ".join(parts).split()
    while len(words) > 1 and rules.DEGREE.match(words[-1]) and words[-1].rstrip(".").casefold() in rules.NAME_SUFFIXES:
        words.pop()
    return " ".join(words).strip(" ,")


def is_name(name: str) -> bool:
    """One to five words of letters (with dots, hyphens, apostrophes), capitalised
    but for particles such as "van" (and `v.`, German's `von` cut short, after an
    abbreviated name: `Chr. v. Schmid`, not `Marbury v. Madison`), that name
    someone (not `Various Authors`)."""
    words = name.split()
    return 0 < len(words) <= rules.NAME_MAX_WORDS and words[0][0].isupper() and all(
        rules.NAME_WORD.match(word) and (word[0].isupper() or word.casefold() in rules.NAME_PARTICLES
                                         or (word == "v." and n and words[n - 1].endswith(".")))  # `F. v. Pocci`
        for n, word in enumerate(words)
    ) and not all(word.strip(".").casefold() in rules.NO_ONE_WORDS for word in words)


def person_name(text: str) -> str | None:
    """A line that is only a person's name, as printed under a title or at the
    foot of a letter ("W. N. LOCKINGTON.", "_Jane Doe_"): two to four words in
    capitals, or with an initial, or initials alone (`G.H.B.`). Anything else gives None."""
    name = strip_honorifics(text)
    if _COMPACT_INITIALS.fullmatch(name):  # (`G.H.B`, as a periodical's correspondents sign, but `U.S.A`)
        return name if name.replace(".", "").casefold() not in rules.RUN_TOGETHER_INITIALISMS else None
    words = name.split()
    if not 2 <= len(words) <= 4 or not is_name(name):
        return None
    if any(word.casefold() in MINOR_WORDS for word in words):
        return None  # "WHAT IS AN AMERICAN" is a title in capitals, not a name
    if "".join(word.strip(".") for word in words).casefold() in rules.INITIALISMS:
        return None  # "P. S.", "Q. E. D."
    has_initial = any(len(word.rstrip(".")) == 1 and word.endswith(".") for word in words[:-1])
    return name if is_all_caps(name) or has_initial else None


def name_line(text: str) -> tuple[str, ...] | None:
    """The person a line holding only a name names (`person_name`), emphasis and
    dashes around it and degrees after it dropped (`JANE DOE, M.D.`), a closing
    initial keeping the dot the line gives it (`— J. M. S.`: `J. M. S.`)."""
    name = person_name(strip_degrees(text.strip(_NAME_TRIM.replace(".", ""))).strip(_NAME_TRIM))
    return (_with_closing_stop(name, text),) if name else None


def signature_names(text: str) -> tuple[str, ...] | None:
    """The names of a line that could sign a piece: a name, perhaps with an
    address (`Jane Doe <jane@…>`) or a source (`_Jane Doe, in The Monthly._`)."""
    addressed = name_with_address(text)
    return addressed[0] if addressed else name_line(text) or signoff_names(text, last_paragraph=False)


def signoff_names(text: str, last_paragraph: bool) -> tuple[str, ...] | None:
    """The names of a signature closing a piece: a line such as `_Jane Doe, in
    The Monthly._`, or, at the end of the last paragraph, `—Jane Doe, in The
    Monthly.` (only with its source named, which sets a credit apart from a
    quotation's attribution)."""
    match = rules.SIGNOFF_LINE.match(text) if not last_paragraph else rules.SIGNOFF_TAIL.search(text)
    if match is None:
        return None
    name = match["names"].strip(_NAME_TRIM)
    if match["source"] is None and person_name(name) is None:
        return None
    found = name_list(name, single_word_ok=False)
    return found if found else None


def dashed_names(text: str) -> tuple[str, ...] | None:
    """The people a line names after a dash, as running text writes them, two to
    four capitalised words each (`—Jane Doe and John Roe`, `— Jane Doe (@jane)`), or None."""
    found = rules.DASHED_NAMES.match(text)
    names = name_list(found["names"], single_word_ok=False) if found else None
    return names if names and all(_written_name(name) for name in names) else None


def sentence_credits(text: str) -> tuple[str, ...] | None:
    """The people a sentence credits with the piece it stands in (`rules.CREDIT_SENTENCE`:
    `This guide was written by Jane Doe.`), by name or by handle (`@jane`, or a link's
    text: `[jane-doe](https://example.org/jane-doe)`), or None."""
    found = rules.CREDIT_SENTENCE.match(text)
    if found is None:
        return None
    linked = [match[1] for match in rules.MARKDOWN_LINK.finditer(found["names"])]
    parts = [part.strip(" *_") for part in rules.NAME_JOINERS.split(rules.MARKDOWN_LINK.sub(r"\1", found["names"]))]
    names = []
    for part in filter(None, parts):
        handle = rules.HANDLE.fullmatch(part)
        if handle and (part.startswith("@") or part in linked):
            names.append(handle["handle"])
        elif person := name_list(part):
            names.extend(person)
        else:
            return None
    return tuple(names) or None


def credited_name(text: str) -> str | None:
    """The person a line credits by name and then a role or a handle, set apart
    by dashes, tildes or bars (`Jane Doe — W1AW — Editor`, `Jane Doe ~ staff
    writer`, `Jane Doe | Reviews`), or None."""
    found = rules.CREDIT_LINE.match(text)
    if found is None or more_words_than(found["rest"], rules.CREDIT_REST_MAX_WORDS):
        return None
    return found["name"] if _written_name(found["name"]) else None


def _written_name(name: str) -> bool:
    """A person's name as running text writes it: two to four capitalised words
    (a particle aside, `de`), none a minor word (`The Team`), not ending as a
    publication's or an organisation's name does (`Boston Globe`, `Rust Team`)."""
    words = name.split()
    return 2 <= len(words) <= 4 and is_name(name) and words[0][0].isupper() and words[-1][0].isupper() \
        and words[-1].casefold().strip(".") not in rules.SOURCE_WORDS \
        and all(word[0].isupper() or word in rules.NAME_PARTICLES for word in words) \
        and not any(word.casefold() in MINOR_WORDS and word not in rules.NAME_PARTICLES for word in words)


def name_with_address(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """The person and the date of a line naming someone by e-mail (`Jane Doe
    <jane@example.org>`, a changelog's `-- Jane Doe <…>  Sun, 29 Oct 2023`), or None;
    None too for the line that introduces a quotation (`Jane Doe <…> wrote:`)."""
    match = rules.NAME_WITH_ADDRESS.match(text)
    if match and rules.QUOTE_ATTRIBUTION.match(match["rest"]):
        return None
    names = name_list(match["name"], single_word_ok=False) if match else None
    return (names, find_date(match["rest"])) if names else None


def changelog_header(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """The authors and the date of a GNU ChangeLog entry's header line
    (`2009-01-01  Jane Doe  <jane@example.org>`), or None."""
    match = rules.CHANGELOG_HEADER.match(text)
    names = name_list(match["names"], single_word_ok=False) if match else None
    return (names, find_date(match["date"])) if names else None


def names_in_title(titles: Sequence[str]) -> dict[str, str]:
    """Speakers named in titles that share a template ("JOHN ADAMS INAUGURAL
    ADDRESS", "JAMES MONROE, FIRST INAUGURAL ADDRESS"): each title that starts
    with a person's name (up to a comma, or its first two to four words) and
    ends with the same two words as at least `TITLE_TEMPLATE_MIN` titles, mapped
    to that name. None when every title names the same person."""
    tails = Counter(_fold(" ".join(title.split()[-2:])) for title in titles)
    found = {}
    for title in titles:
        words = title.split()
        if len(words) < 4 or tails[_fold(" ".join(words[-2:]))] < TITLE_TEMPLATE_MIN:
            continue
        head, comma, _rest = title.partition(",")
        options = [head] if comma and len(head.split()) < len(words) - 1 else []
        options += [" ".join(words[:n]) for n in range(2, min(5, len(words) - 1))]
        name = next((option for option in options if _speaker_name(option)), None)
        if name:
            found[title] = name
    return found if len(set(found.values())) >= 2 else {}


def _speaker_name(text: str) -> bool:
    """A name as titles print it: not starting with an article, not ending with an initial, no month in it,
    no dash joining a label to a title (`LETTER II.--ON THE QUAKERS`)."""
    words = text.split()
    return is_name(text) and words[0].casefold() not in {"a", "an", "the"} and len(words[-1].rstrip(".")) > 1 \
        and not any(word.casefold().rstrip(".,") in rules.MONTHS or "--" in word or "—" in word for word in words)


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
