"""Dates as the pipeline keeps them (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, at the
precision the seed states) and as readers write them ("August 23, 2016",
"November 2016", "2016")."""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timezone

#: A date at one of the three precisions the front-matter contract allows.
DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def reader_date(date: str) -> str:
    """A date as a reader writes it, at the precision it was stated.

    >>> reader_date("2016-08-03"), reader_date("2016-11"), reader_date("2016")
    ('August 3, 2016', 'November 2016', '2016')
    """
    match = _parts(date)
    year, month, day = match.group("year", "month", "day")
    if month is None:
        return year
    name = calendar.month_name[int(month)]
    return f"{name} {int(day)}, {year}" if day else f"{name} {year}"


def month_heading(date: str) -> str | None:
    """The month a date falls in, as a heading ("August 2016"); None for a date that states only its year."""
    match = _parts(date)
    return f"{calendar.month_name[int(match['month'])]} {match['year']}" if match["month"] else None


def year_of(date: str) -> str:
    return _parts(date)["year"]


def as_datetime(date: str) -> datetime:
    """The first moment of a date at its precision, in UTC (feeds need a full timestamp).

    >>> as_datetime("2016-11").isoformat()
    '2016-11-01T00:00:00+00:00'
    """
    match = _parts(date)
    year, month, day = (int(part or 1) for part in match.group("year", "month", "day"))
    return datetime(year, month, day, tzinfo=timezone.utc)


def _parts(date: str) -> re.Match[str]:
    match = DATE.fullmatch(date)
    if match is None:
        raise ValueError(f"not a date as YYYY, YYYY-MM or YYYY-MM-DD: {date!r}")
    return match
