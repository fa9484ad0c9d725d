"""What the render stage remembers: each piece of page text it made (an article
page, a listing entry, a feed, a search record), under a key naming everything
the piece is made of. Within one render, a piece shown in several places (an article's entry on
its theme, author, source and archive pages) is made once. Across builds (the
memo is kept in the cache folder, and in memory under `mkdocs serve`), a piece
whose key is unchanged is taken as it was, so a save makes again only the
pieces it changed.

Keys name articles by a digest of the placed article (`article_digest`), which
covers every field, so a remembered piece is always the text a fresh render
gives (tests/test_memo.py renders with and without a memo and compares).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import operator
import pickle
from collections.abc import Callable, Hashable


class RenderMemo:
    """Page text by key: this render's pieces, and the last finished render's."""

    def __init__(self, kept: dict[Hashable, str] | None = None) -> None:
        self._kept: dict[Hashable, str] = kept or {}
        self._made: dict[Hashable, str] = {}
        self._digests: dict[int, tuple[object, bytes]] = {}

    def text(self, key: Hashable, make: Callable[[], str]) -> str:
        """The text under `key`: remembered, or made now by `make`."""
        found = self._made.get(key)
        if found is None:
            found = self._kept.get(key)
            if found is None:
                found = make()
            self._made[key] = found
        return found

    def digest(self, value: object) -> bytes:
        """`article_digest(value)`, worked out once per object in a render."""
        known = self._digests.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        found = article_digest(value)
        self._digests[id(value)] = (value, found)
        return found

    def start(self) -> None:
        """Begin a render: what an unfinished one made is dropped."""
        self._made, self._digests = {}, {}

    def finish(self) -> None:
        """End a render: keep its pieces, and only those, for the next."""
        self._kept, self._made, self._digests = self._made, {}, {}

    @property
    def kept(self) -> dict[Hashable, str]:
        """The pieces of the last finished render, by key."""
        return self._kept


def article_digest(value: object) -> bytes:
    """A digest of a (placed) article, every field included: equal digests, equal articles."""
    buffer = io.BytesIO()
    _FieldPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


class _FieldPickler(pickle.Pickler):
    """Pickles dataclasses as their class and field values, and enum members as
    their class and value, read by `operator.attrgetter`: the same content as
    their own `__reduce_ex__`, without its Python steps per object (a body's
    blocks are most of the objects, and most of the digest's time)."""

    def reducer_override(self, obj: object) -> object:
        kind = type(obj)
        reduce = _REDUCERS.get(kind)
        if reduce is None:
            reduce = _REDUCERS[kind] = _reducer(kind)
        return reduce(obj)


def _reducer(kind: type) -> Callable[[object], object]:
    if dataclasses.is_dataclass(kind):
        names = [field.name for field in dataclasses.fields(kind)]
        if len(names) < 2:  # `attrgetter` gives a tuple for two names or more
            return lambda obj: (kind, tuple(getattr(obj, name) for name in names))
        values = operator.attrgetter(*names)
        return lambda obj: (kind, values(obj))
    if issubclass(kind, enum.Enum):
        return lambda obj: (kind, (obj.value,))
    return lambda obj: NotImplemented


_REDUCERS: dict[type, Callable[[object], object]] = {}
