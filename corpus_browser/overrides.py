"""Editors' corrections for one seed, read from its sidecar file (`seeds/NAME.yml`).

A sidecar can force or forbid an article boundary at a line, set aside lines as
boilerplate, and set an article's title, authors or date. Precedence is explicit:
what the sidecar says wins over what the heuristics find in the text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .errors import SidecarError
from .text import clean


@dataclass(frozen=True)
class ArticleFix:
    """Metadata an editor sets for the article that contains `line`."""

    line: int
    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None


@dataclass(frozen=True)
class Overrides:
    """All corrections for one seed; empty when the seed has no sidecar."""

    split_at: frozenset[int] = frozenset()
    """Lines where an article must start."""
    no_split_at: frozenset[int] = frozenset()
    """Lines where an article must not start (they stay in the article before)."""
    boilerplate: frozenset[int] = frozenset()
    """Lines to set aside as boilerplate."""
    articles: tuple[ArticleFix, ...] = field(default=())


_TOP_LEVEL_KEYS = {"split_at", "no_split_at", "boilerplate", "articles"}
_ARTICLE_KEYS = {"title", "authors", "date"}


def parse_overrides(data: object, path: str, line_count: int) -> Overrides:
    """Check a sidecar's parsed YAML and turn it into `Overrides`.

    `path` names the sidecar in error messages; `line_count` bounds line numbers.
    """
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise SidecarError(path, "expected a mapping with keys " + ", ".join(sorted(_TOP_LEVEL_KEYS)))
    unknown = set(data) - _TOP_LEVEL_KEYS
    if unknown:
        raise SidecarError(path, f"unknown key {sorted(map(str, unknown))[0]!r}; allowed: {', '.join(sorted(_TOP_LEVEL_KEYS))}")

    def lines(key: str) -> frozenset[int]:
        values = data.get(key) or []
        if not isinstance(values, list):
            raise SidecarError(path, f"{key} must be a list of line numbers")
        return frozenset(_line_number(value, path, key, line_count) for value in values)

    fixes = data.get("articles") or {}
    if not isinstance(fixes, dict):
        raise SidecarError(path, "articles must map a line number to title, authors or date")
    return Overrides(
        split_at=lines("split_at"),
        no_split_at=lines("no_split_at"),
        boilerplate=lines("boilerplate"),
        articles=tuple(
            _article_fix(line, fix, path, line_count)
            for line, fix in sorted(fixes.items(), key=lambda item: str(item[0]))
        ),
    )


def _line_number(value: object, path: str, key: str, line_count: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SidecarError(path, f"{key}: {value!r} is not a line number")
    if not 1 <= value <= line_count:
        raise SidecarError(path, f"{key}: line {value} is outside the seed (1-{line_count})")
    return value


def _article_fix(line: object, fix: object, path: str, line_count: int) -> ArticleFix:
    number = _line_number(line, path, "articles", line_count)
    if not isinstance(fix, dict) or not fix:
        raise SidecarError(path, f"articles: line {number} needs title, authors or date")
    unknown = set(fix) - _ARTICLE_KEYS
    if unknown:
        raise SidecarError(path, f"articles: line {number}: unknown key {sorted(map(str, unknown))[0]!r}")
    title = fix.get("title")
    if title is not None and not isinstance(title, str):
        raise SidecarError(path, f"articles: line {number}: title must be text")
    authors = fix.get("authors")
    if authors is not None:
        if isinstance(authors, str):
            authors = [authors]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise SidecarError(path, f"articles: line {number}: authors must be a list of names")
    return ArticleFix(
        number,
        clean(title) if title is not None else None,
        tuple(clean(name) for name in authors) if authors is not None else None,
        _iso_date(fix.get("date"), path, number),
    )


def _iso_date(value: object, path: str, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SidecarError(path, f"articles: line {line}: date {value!r} is not YYYY-MM-DD") from None
