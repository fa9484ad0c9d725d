"""What an export states of an item, read the one way every importer reads it:
its date as the writer stated it (in their own time zone, never moved to
UTC), names and tags as lists, a title as plain text."""

from __future__ import annotations

import datetime
import email.utils
import html
import re
from collections.abc import Iterable

from corpus_browser.lang.recognise import find_date
from corpus_browser.lang.text import clean

#: A date written as ISO 8601 or as SQL does (`2016-11-22`, `2016-11-22T10:00:00+01:00`, `2016/11/22 10:00`).
_ISO_DATE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])")
#: A year and month alone (`2016-11`).
_ISO_MONTH = re.compile(r"\s*(\d{4})-(\d{1,2})\s*$")
#: A time stamp in seconds or milliseconds since 1970.
_EPOCH = re.compile(r"\s*(\d{9,10}|\d{12,13})\s*$")
#: Where one name or tag of a list written in one field ends.
_LIST_SEPARATORS = re.compile(r"\s*[;,|]\s*")
#: Markup inside a title (an Atom title of type html, a feed title with `<em>`), and elements whose
#: content is no text (a script, a style sheet).
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


def stated_date(value: object) -> str | None:
    """The date a field states, as `YYYY-MM-DD` (or `YYYY-MM`), on the day the
    writer wrote it: `Tue, 22 Nov 2016 00:30:00 +0100` is 2016-11-22.

    >>> stated_date("Tue, 22 Nov 2016 00:30:00 +0100"), stated_date("2019-07-26T20:48:19.814Z")
    ('2016-11-22', '2019-07-26')
    >>> stated_date("0000-00-00 00:00:00"), stated_date(1546300800000), stated_date("August 11, 2018")
    (None, '2019-01-01', '2018-08-11')
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    return _iso_date(value) or _mail_date(value) or _epoch_date(value) or find_date(value[:200])


def _iso_date(text: str) -> str | None:
    found = _ISO_DATE.match(text)
    if found:
        return _checked(*(int(part) for part in found.groups()))
    month = _ISO_MONTH.match(text)
    return f"{int(month[1]):04d}-{int(month[2]):02d}" if month and 1 <= int(month[2]) <= 12 else None


def _mail_date(text: str) -> str | None:
    """A date as mail and RSS write it (RFC 822), on the writer's own day."""
    parts = email.utils.parsedate_tz(text) if re.search(r"[A-Za-z]{3}", text) else None
    return _checked(*parts[:3]) if parts else None


def _epoch_date(text: str) -> str | None:
    found = _EPOCH.match(text)
    if not found:
        return None
    seconds = int(found[1]) / (1000 if len(found[1]) > 10 else 1)
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).date().isoformat()


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None  # WordPress writes 0000-00-00 for a date never set


def plain(value: object) -> str:
    """A field as one line of plain text: markup and entities resolved, white space collapsed."""
    if not isinstance(value, str):
        return "" if value is None or isinstance(value, (dict, list)) else str(value)
    text = html.unescape(_TAG.sub("", value)) if "<" in value or "&" in value else value
    return clean(text)


def names(values: Iterable[object]) -> tuple[str, ...]:
    """Names as plain text, each once, in order, empty ones left out."""
    return tuple(dict.fromkeys(name for name in (plain(value) for value in values) if name))


def split_list(value: object) -> tuple[str, ...]:
    """A field that holds a list (a JSON list, or names joined by `,`, `;` or `|` in one string)."""
    if isinstance(value, list):
        return names(value)
    text = plain(value)
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].replace('"', "")
    return names(_LIST_SEPARATORS.split(text)) if text else ()
