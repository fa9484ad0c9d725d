"""Editors' corrections for one seed, read from its sidecar file (`seeds/NAME.yml`).

A sidecar can force or forbid an article boundary at a line, set aside lines as
boilerplate, set an article's title, authors or date, and give every article
of the seed an author (when it names none) and tags. Its one-line hints say
what no rule can know of a seed: the pattern its article titles follow
(`article_titles`), the heading rank that holds its articles (`article_level`),
and the pattern of lines that are never part of any article (`never_articles`). Precedence is explicit:
what the sidecar says wins over what the heuristics find in the text. Every value
is checked where it enters; a bad one is reported in one line naming the sidecar
and the line of the value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus_browser.errors import SidecarError, excerpt
from corpus_browser.lang.detect import language_tag
from corpus_browser.lang.text import NAME_MAX_CHARS, TITLE_MAX_CHARS, clean
from corpus_browser.model import ArticleFix, Overrides
from corpus_browser.source.yaml_input import line_of

_TOP_LEVEL_KEYS = {"title", "split_at", "no_split_at", "boilerplate", "articles", "author", "tags", "language",
                   "date_order", "article_titles", "article_level", "never_articles", "columns",
                   "body_format"}
#: Heading ranks `article_level` may name: Markdown's `#` to `######`, and as deep in the other formats.
_LEVELS = range(1, 7)
#: The fields a table's columns can hold (`columns:`), with the other names a sidecar may give them.
_COLUMN_FIELDS = {"title": "title", "authors": "authors", "author": "authors", "date": "date", "body": "body",
                  "tags": "tags", "summary": "summary", "subtitle": "subtitle", "status": "status"}
#: How a table's bodies may be written (`body_format:`).
_BODY_FORMATS = ("html", "markdown", "text")
#: How a seed may say it writes numeric dates (`date_order:`).
_DATE_ORDERS = ("day-first", "month-first")
_ARTICLE_KEYS = {"title", "authors", "date"}
#: A date as an editor may write it: `2016`, `2016-08` or `2016-08-23`.
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
#: A time after a full date (`2016-08-23 10:00`, `2016-08-23T10:00:00Z`): the date is kept.
_TIME = re.compile(r"(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?\s*(?:[Zz]|[-+]\d{1,2}(?::?\d{2})?)?")


def parse_overrides(data: object, path: str, line_count: int) -> Overrides:
    """Check a sidecar's parsed YAML and turn it into `Overrides`.

    `path` names the sidecar in error messages; `line_count` bounds line numbers.
    """
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise SidecarError(path, "expected a mapping with keys " + ", ".join(sorted(_TOP_LEVEL_KEYS)), line_of(data))
    unknown = sorted((key for key in data if key not in _TOP_LEVEL_KEYS), key=str)
    if unknown:
        raise SidecarError(path, f"unknown key {excerpt(unknown[0])}; allowed: {', '.join(sorted(_TOP_LEVEL_KEYS))}",
                           line_of(data, unknown[0]))

    def lines(key: str) -> frozenset[int]:
        values = data.get(key) or []
        if not isinstance(values, list):
            raise SidecarError(path, f"{key} must be a list of line numbers", line_of(data, key))
        return frozenset(_line_number(value, path, key, line_count, line_of(values, i) or line_of(data, key))
                         for i, value in enumerate(values))

    fixes = data.get("articles") or {}
    if not isinstance(fixes, dict):
        raise SidecarError(path, "articles must map a line number to title, authors or date", line_of(data, "articles"))
    return Overrides(
        split_at=lines("split_at"),
        no_split_at=lines("no_split_at"),
        boilerplate=lines("boilerplate"),
        articles=tuple(
            _article_fix(line, fix, path, line_count, line_of(fixes, line))
            for line, fix in sorted(fixes.items(), key=lambda item: str(item[0]))
        ),
        title=_seed_title(data.get("title"), path, line_of(data, "title")),
        authors=_names(data.get("author"), path, "author", line_of(data, "author")) or (),
        tags=_names(data.get("tags"), path, "tags", line_of(data, "tags")) or (),
        language=_language(data.get("language"), path, line_of(data, "language")),
        date_order=_date_order(data.get("date_order"), path, line_of(data, "date_order")),
        article_titles=_pattern(data.get("article_titles"), path, "article_titles", line_of(data, "article_titles")),
        article_level=_level(data.get("article_level"), path, line_of(data, "article_level")),
        never_articles=_pattern(data.get("never_articles"), path, "never_articles", line_of(data, "never_articles")),
        columns=_columns(data.get("columns"), path, line_of(data, "columns")),
        body_format=_body_format(data.get("body_format"), path, line_of(data, "body_format")),
    )


def _pattern(value: object, path: str, key: str, where: int | None) -> str | None:
    """A regular expression (Python's syntax) a line's text is searched for."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SidecarError(path, f"{key} must be a regular expression, such as '^Letter [IVXLC]+', "
                                 f"not {excerpt(value)}", where)
    try:
        re.compile(value)
    except re.error as error:
        raise SidecarError(path, f"{key}: {excerpt(value)} is not a regular expression ({error})", where) from None
    return value


def _level(value: object, path: str, where: int | None) -> int | None:
    """The heading rank that holds the articles: 1 for `#` (or `*`, `= =`), 2 for `##`, …"""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in _LEVELS:
        raise SidecarError(path, f"article_level must be a heading rank from {_LEVELS[0]} to {_LEVELS[-1]} "
                                 f"(2 for ## headings), not {excerpt(value)}", where)
    return value


def _columns(value: object, path: str, where: int | None) -> tuple[tuple[str, str], ...]:
    """Which column of a table holds each field (`columns: {title: headline, body: story}`)."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        raise SidecarError(path, "columns must map a field (" + ", ".join(sorted(set(_COLUMN_FIELDS.values())))
                           + ") to the name of the column that holds it", where)
    found = {}
    for field, column in value.items():
        if field not in _COLUMN_FIELDS:
            raise SidecarError(path, f"columns: unknown field {excerpt(field)}; allowed: "
                               + ", ".join(sorted(_COLUMN_FIELDS)), line_of(value, field))
        if not isinstance(column, (str, int)) or isinstance(column, bool) or not str(column).strip():
            raise SidecarError(path, f"columns: {field} must name a column, not {excerpt(column)}",
                               line_of(value, field))
        found[_COLUMN_FIELDS[field]] = str(column).strip()
    return tuple(sorted(found.items()))


def _body_format(value: object, path: str, where: int | None) -> str | None:
    """How a table's bodies are written: `html`, `markdown` or `text`."""
    if value is None:
        return None
    if value not in _BODY_FORMATS:
        raise SidecarError(path, f"body_format must be {', '.join(_BODY_FORMATS[:-1])} or {_BODY_FORMATS[-1]}, "
                                 f"not {excerpt(value)}", where)
    return str(value)


def _language(value: object, path: str, where: int | None) -> str | None:
    """The seed's language (`language: fr`), as a tag in lower case."""
    if value is None:
        return None
    tag = language_tag(value)
    if tag is None:
        raise SidecarError(path, f"language must be a language code such as fr, de or pt-BR, not {excerpt(value)}",
                           where)
    return tag


def _date_order(value: object, path: str, where: int | None) -> str | None:
    """How the seed writes numeric dates: `day-first` (`05/06/2016` is 5 June) or `month-first`."""
    if value is None:
        return None
    if value not in _DATE_ORDERS:
        raise SidecarError(path, f"date_order must be {' or '.join(_DATE_ORDERS)}, not {excerpt(value)}", where)
    return str(value)


def _seed_title(value: object, path: str, where: int | None) -> str | None:
    """The seed's readable name (`title: Customer Notes, 2016`), shown instead of its file name."""
    if value is None:
        return None
    title = clean(value) if isinstance(value, str) else ""
    if not title or len(title) > TITLE_MAX_CHARS:
        raise SidecarError(path, f"title must be text of 1 to {TITLE_MAX_CHARS} characters, not {excerpt(value)}", where)
    return title


def _line_number(value: object, path: str, key: str, line_count: int, where: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SidecarError(path, f"{key}: {excerpt(value)} is not a line number", where)
    if not 1 <= value <= line_count:
        raise SidecarError(path, f"{key}: line {value} is outside the seed (1-{line_count})", where)
    return value


def _article_fix(line: object, fix: object, path: str, line_count: int, where: int | None) -> ArticleFix:
    number = _line_number(line, path, "articles", line_count, where)
    if not isinstance(fix, dict) or not fix:
        raise SidecarError(path, f"articles: line {number} needs title, authors or date", where)
    unknown = sorted((key for key in fix if key not in _ARTICLE_KEYS), key=str)
    if unknown:
        raise SidecarError(path, f"articles: line {number}: unknown key {excerpt(unknown[0])}", line_of(fix, unknown[0]))
    title = fix.get("title")
    if title is not None and not isinstance(title, str):
        raise SidecarError(path, f"articles: line {number}: title must be text", line_of(fix, "title"))
    return ArticleFix(
        number,
        clean(title) if title is not None else None,
        _authors(fix.get("authors"), path, number, line_of(fix, "authors")),
        _date(fix.get("date"), path, number, line_of(fix, "date")),
    )


def _authors(value: object, path: str, number: int, where: int | None) -> tuple[str, ...] | None:
    return _names(value, path, f"articles: line {number}: authors", where)


def _names(value: object, path: str, key: str, where: int | None) -> tuple[str, ...] | None:
    """A name, or a list of names (authors, tags), each of 1 to `NAME_MAX_CHARS` characters."""
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise SidecarError(path, f"{key} must be a name or a list of names", where)
    cleaned = tuple(clean(name) for name in names)
    for name in cleaned:
        if not name or len(name) > NAME_MAX_CHARS:
            raise SidecarError(path, f"{key}: {excerpt(name)} must have 1 to {NAME_MAX_CHARS} characters", where)
    return cleaned


def _date(value: object, path: str, number: int, where: int | None) -> str | None:
    """An editor's date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, at the precision
    written; a time after a full date is dropped.

    >>> _date("2016-8-3 10:00", "s.yml", 1, 2), _date(2016, "s.yml", 1, 2)
    ('2016-08-03', '2016')
    """
    if value is None:
        return None
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    full_date = re.match(r"\d{4}-\d{1,2}-\d{1,2}", text)
    if full_date and _TIME.fullmatch(text[full_date.end():]):
        text = full_date[0]
    match = _DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError("not a date")
        year, month, day = (int(part) if part else None for part in match.group("year", "month", "day"))
        datetime.date(year, month or 1, day or 1)  # raises for month 13, 2016-02-30, year 0
    except ValueError:
        raise SidecarError(path, f"articles: line {number}: date {excerpt(value)} is not a date as "
                                 "YYYY, YYYY-MM or YYYY-MM-DD", where) from None
    return "-".join([f"{year:04d}"] + [f"{part:02d}" for part in (month, day) if part is not None])


@dataclass(frozen=True)
class SidecarConflict:
    """A sidecar that cannot be given to one seed: the seeds it would touch are
    not built until it is renamed."""

    sidecar: str
    seeds: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class SidecarMatch:
    """Which sidecar file holds the corrections for which seed."""

    sidecars: dict[str, str]
    """Seed file name to its sidecar's file name."""
    conflicts: tuple[SidecarConflict, ...]
    orphans: tuple[str, ...]
    """Sidecars named like no seed."""


def match_sidecars(seeds: Sequence[str], sidecars: Sequence[str]) -> SidecarMatch:
    """Pair seeds with sidecars by name.

    `NAME.txt.yml` (or `.yaml`) belongs to the seed `NAME.txt`; `NAME.yml`
    belongs to the one seed named `NAME` plus a suffix. When two seeds share
    that name (`NAME.txt` and `NAME.md`) it belongs to neither and is reported,
    as is a seed with two sidecars and a sidecar named like no seed.

    >>> match_sidecars(["a.txt", "b.md"], ["a.yml", "b.md.yaml", "c.yml"]).sidecars
    {'a.txt': 'a.yml', 'b.md': 'b.md.yaml'}
    """
    seed_names = set(seeds)
    by_stem: dict[str, list[str]] = {}
    for seed in seeds:
        by_stem.setdefault(seed.rpartition(".")[0], []).append(seed)
    claims: dict[str, list[str]] = {}
    conflicts, orphans = [], []
    for sidecar in sidecars:
        stem = sidecar.rpartition(".")[0]
        owners = [stem] if stem in seed_names else by_stem.get(stem, [])
        if not owners:
            orphans.append(sidecar)
        elif len(owners) > 1:
            conflicts.append(SidecarConflict(sidecar, tuple(owners), (
                f"applies to {' and '.join(owners)} alike; rename it "
                f"{' or '.join(owner + sidecar[len(stem):] for owner in owners)}")))
        else:
            claims.setdefault(owners[0], []).append(sidecar)
    for seed, own in claims.items():
        if len(own) > 1:
            conflicts.append(SidecarConflict(own[0], (seed,), f"{seed} has two sidecars, {' and '.join(own)}; keep one"))
    return SidecarMatch({seed: own[0] for seed, own in claims.items() if len(own) == 1},
                        tuple(conflicts), tuple(orphans))
