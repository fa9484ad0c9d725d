"""Where the items of a JSON export stand in its text: Python's JSON reader
gives values, not places, so the array of items is walked once more with its
scanner to find the lines each item spans (for `explain`, and so that a
sidecar's fix for a line reaches its item)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from json.decoder import JSONDecoder, scanstring

_DECODER = JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def array_spans(text: str, path: Sequence[str | int]) -> list[tuple[int, int]]:
    """The first and last lines of each element of the array found at `path`
    (keys and indexes from the top: `("db", 0, "data", "posts")`); empty when
    there is no array there."""
    try:
        spans = _find(text, _skip(text, 0), tuple(path))
    except (ValueError, IndexError):
        return []
    breaks = [found.start() for found in re.finditer("\n", text)]
    return [(bisect_right(breaks, start) + 1, bisect_right(breaks, end) + 1) for start, end in spans]


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def _find(text: str, at: int, path: tuple[str | int, ...]) -> list[tuple[int, int]]:
    if not path:
        return _elements(text, at)
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        if text[at] != "[":
            return []
        at = _skip(text, at + 1)
        for _ in range(step):
            at = _after_value(text, at)
        return _find(text, at, rest)
    if text[at] != "{":
        return []
    at = _skip(text, at + 1)
    while text[at] == '"':
        key, at = scanstring(text, at + 1)
        at = _skip(text, _skip(text, at) + 1)  # past the colon
        if key == step:
            return _find(text, at, rest)
        at = _after_value(text, at)
    return []


def _after_value(text: str, at: int) -> int:
    """Where the next value of an array or object starts, past the one at `at` and its comma."""
    _value, end = _DECODER.raw_decode(text, at)
    at = _skip(text, end)
    return _skip(text, at + 1) if text[at] == "," else at


def _elements(text: str, at: int) -> list[tuple[int, int]]:
    """The offsets each element of the array at `at` starts and ends at."""
    if text[at] != "[":
        return []
    spans, at = [], _skip(text, at + 1)
    while text[at] != "]":
        _value, end = _DECODER.raw_decode(text, at)
        spans.append((at, end - 1))
        at = _skip(text, end)
        if text[at] == ",":
            at = _skip(text, at + 1)
    return spans
