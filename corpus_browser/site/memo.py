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

Whole pages are remembered too, each under what it is made of
(`RenderMemo.page`): the placed articles it shows, as objects, and the
settings around them. A build that keeps the placed articles of unchanged
seeds as the same objects (`mkdocs serve`) then tells an unchanged page by
comparing references, and makes again only the pages a save changed: a
render of 10,000 articles' pages after a save looks at each page, but
makes few. An article's digest is remembered with the article too.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import operator
import pickle
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


#: The pieces kept from earlier renders may grow to this many times those of the last
#: render that made every page, before they are cut back to that render's own.
_KEPT_GROWTH = 3


class RenderMemo:
    """Page text by key: this render's pieces, and the last finished render's;
    whole pages by what they are made of; articles' digests by article."""

    def __init__(self, kept: dict[Hashable, str] | None = None) -> None:
        self._kept: dict[Hashable, str] = kept or {}
        self._made: dict[Hashable, str] = {}
        self._digests: dict[int, tuple[object, bytes]] = {}
        self._digested: dict[int, tuple[object, bytes]] = {}
        self._pages: dict[Hashable, tuple[object, object]] = {}
        self._paged: dict[Hashable, tuple[object, object]] = {}
        self._reused = False
        self._full = len(self._kept)
        """How many pieces the last render that made every page made."""

    def text(self, key: Hashable, make: Callable[[], str]) -> str:
        """The text under `key`: remembered, or made now by `make`."""
        found = self._made.get(key)
        if found is None:
            found = self._kept.get(key)
            if found is None:
                found = make()
            self._made[key] = found
        return found

    def page(self, name: Hashable, inputs: object, make: Callable[[], T]) -> T:
        """The page (or pages) `name` made of `inputs`: as the last render made it
        from equal inputs, else made now by `make`. Inputs are compared with `==`,
        which takes the same object as equal at once."""
        found = self._pages.get(name)
        if found is not None and found[0] == inputs:
            self._reused = True
            made = found[1]
        else:
            made = make()
        self._paged[name] = (inputs, made)
        return made

    def digest(self, value: object) -> bytes:
        """`article_digest(value)`, worked out once per object while it is rendered."""
        key = id(value)
        known = self._digested.get(key) or self._digests.get(key)
        if known is None or known[0] is not value:
            known = (value, article_digest(value))
        self._digested[key] = known
        return known[1]

    def start(self) -> None:
        """Begin a render: what an unfinished one made is dropped."""
        self._made, self._digested, self._paged, self._reused = {}, {}, {}, False

    def finish(self) -> None:
        """End a render: keep its pieces, pages and digests for the next. A render that
        took whole pages as they were did not ask for their pieces: the earlier pieces
        are kept beside its own, until they grow too many."""
        if self._reused and len(self._kept) + len(self._made) <= _KEPT_GROWTH * max(self._full, 1):
            self._kept = {**self._kept, **self._made}
        elif self._reused:  # too many: the next render makes every page, from these pieces alone
            self._kept, self._paged = self._made, {}
        else:
            self._kept, self._full = self._made, len(self._made)
        self._digests, self._pages = self._digested, self._paged
        self._made, self._digested, self._paged = {}, {}, {}

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
