"""The seed cache: what the build made of each seed, kept between builds.

Entries live in the docs folder's `.corpus-browser-cache/`, one file each,
named by a digest of everything the entry was made from (the seed's bytes,
its sidecar's, the settings, the package's code, and for a split seed the
corpus's boilerplate it met): an entry is never stale, only unused, and a
build removes the entries it did not use, so the folder holds one or two
entries per seed. The folder follows the output folder's rules (issue 9):
it must be a folder of its own inside the docs folder, entries are written
to the staging folder and renamed into place, and only files named like
entries are ever removed. MkDocs leaves it alone (its name starts with a dot).

Entries are pickles read back by `load`, which knows only the build's own
value types (its dataclasses, enums and errors, each looked up where it is
defined) and the containers they use: an entry that was tampered with cannot
make anything else, and one that cannot be read is a miss, made again. Each
entry also carries a digest of its name and its pickle (`_digest`), checked
before it is loaded: an entry edited by hand, or renamed to stand for another
(two seeds' entries swapped), is a miss too, never used.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import logging
import os
import pickle
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from corpus_browser.errors import CorpusError, OutputError
from corpus_browser.store.manifest import CACHE_NAME, file_content
from corpus_browser.store.write import atomic_write

log = logging.getLogger(__name__)

#: An entry's file name: a SHA-256 digest and what kind of result it holds.
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.[a-z0-9]{1,8}")
#: What an entry starts with, before the digest of its name and pickle (`_digest`) and the pickle.
_MARK = b"corpus-browser cache entry 1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
#: What an entry may hold, by module: the build's own types, the standard
#: containers they use, and what NumPy needs to rebuild an array.
_ALLOWED = {
    "builtins": {"tuple", "list", "dict", "set", "frozenset", "bytes", "str", "int", "float", "bool", "NoneType"},
    "pathlib": {"PosixPath", "PurePosixPath"},
    "numpy": {"ndarray", "dtype"},
    "numpy.core.multiarray": {"_reconstruct", "scalar"},
    "numpy._core.multiarray": {"_reconstruct", "scalar"},
    "numpy.core.numeric": {"_frombuffer"},
    "numpy._core.numeric": {"_frombuffer"},
    "numpy.dtypes": {"Int32DType", "Int64DType", "BoolDType", "Float32DType", "Float64DType"},
}
_OWN_PACKAGE = __name__.partition(".")[0]
#: How an error is pickled (`errors.CorpusError.__reduce__`): the one function an entry may call.
_RESTORE_ERROR = (f"{_OWN_PACKAGE}.errors", "_restored")


class SeedCache:
    """The cache folder of one docs folder: absent (it is made on the first
    write) or a plain folder. Anything else (a link, a file) stops the build,
    as a foreign file in the way of a page does."""

    def __init__(self, docs_dir: Path, read: bool = True):
        """`read` off (`build_docs.py --force`): no entry is read, every one is made again (and written)."""
        self.folder = docs_dir / CACHE_NAME
        self.docs_dir = docs_dir
        self.read = read
        if self.folder.is_symlink() or (self.folder.exists() and not self.folder.is_dir()):
            raise OutputError(str(self.folder), "is not the build's cache folder; move it away")

    def get(self, name: str) -> bytes | None:
        """The entry's pickle, or None when there is none, it cannot be read, or it
        does not hold the digest of its name and pickle (it is then made again)."""
        data = file_content(self.folder / name, follow_links=False) if self.read else None
        if data is None:
            return None
        payload = data[len(_MARK) + _DIGEST_SIZE:]
        if data[:len(_MARK) + _DIGEST_SIZE] != _MARK + _digest(name, payload):
            log.info("%s: cache entry does not match its name and content; made again", name)
            return None
        return payload

    def value(self, name: str, kind: type | tuple[type, ...]) -> object | None:
        """The entry's value, if there is one of the `kind` expected; None when there is
        none, or it cannot be read or holds anything else (it is then made again)."""
        data = self.get(name)
        if data is None:
            return None
        try:
            found = load(data)
        except Exception:  # an entry that cannot be read is made again
            found = None
        if not isinstance(found, kind):
            log.info("%s: cache entry cannot be read; made again", name)
            return None
        return found

    def __contains__(self, name: str) -> bool:
        return self.read and os.path.isfile(self.folder / name)

    def put(self, name: str, data: bytes) -> None:
        """Keep the pickle `data` as the entry `name`, with the digest of both."""
        self._write(name, lambda file: file.writelines((_MARK, _digest(name, data), data)))

    def put_value(self, name: str, value: object) -> None:
        """Keep `value` as the entry `name`, pickled straight into its file: never
        held whole in memory as a pickle (the render memo's is 166 MB at 10,000
        articles), its digest made as it is written and set before it."""
        def fill(file: BinaryIO) -> None:
            digest = _digester(name)
            file.write(_MARK + bytes(_DIGEST_SIZE))
            pickle.Pickler(_Digesting(file, digest), protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            file.seek(len(_MARK))
            file.write(digest.digest())

        self._write(name, fill)

    def _write(self, name: str, fill: Callable[[BinaryIO], None]) -> None:
        try:
            self.folder.mkdir(exist_ok=True)
        except OSError as error:
            raise OutputError(str(self.folder), f"cannot write: {error.strerror or error}") from None
        atomic_write(self.docs_dir, self.folder / name, fill)

    def keep_only(self, used: Iterable[str], kinds: Iterable[str]) -> None:
        """Remove the entries of these `kinds` (name suffixes) this build did not use
        (files of other names or kinds stay)."""
        if not self.folder.is_dir():
            return
        used, kinds = set(used), set(kinds)
        for name in sorted(os.listdir(self.folder)):  # (names only: a Path per entry cost 0.3 s at 10,000 articles)
            if name not in used and name.rpartition(".")[2] in kinds and ENTRY_NAME.fullmatch(name):
                try:
                    os.unlink(self.folder / name)
                except OSError as error:
                    log.warning("%s: cannot remove an unused cache entry: %s", self.folder / name,
                                error.strerror or error)


def _digest(name: str, payload: bytes) -> bytes:
    """The digest an entry carries: of its name (the key it is kept under) and its pickle."""
    digest = _digester(name)
    digest.update(payload)
    return digest.digest()


def _digester(name: str) -> hashlib._Hash:
    """`_digest` before the pickle is fed to it."""
    digest = hashlib.sha256(name.encode("utf-8"))
    digest.update(b"\0")
    return digest


class _Digesting:
    """A file that feeds what is written to it to a digest too (for `pickle.Pickler`)."""

    def __init__(self, file: BinaryIO, digest: hashlib._Hash):
        self.file, self.digest = file, digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.file.write(data)


def dump(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def load(data: bytes) -> object:
    """An entry's value; raises `pickle.UnpicklingError` for anything but the build's own types."""
    return _Unpickler(io.BytesIO(data)).load()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if (module == _OWN_PACKAGE or module.startswith(_OWN_PACKAGE + ".")) and name.isidentifier():
            found = super().find_class(module, name)
            if (module, name) == _RESTORE_ERROR or _is_own_value_type(found, module):
                return found
        raise pickle.UnpicklingError(f"a cache entry may not hold {module}.{name}")


def _is_own_value_type(found: object, module: str) -> bool:
    """One of the package's value types, defined in `module` itself (not a class it
    imported, such as a file object), never a function, which could write files."""
    return (isinstance(found, type) and found.__module__ == module
            and (dataclasses.is_dataclass(found) or issubclass(found, (enum.Enum, CorpusError))))
