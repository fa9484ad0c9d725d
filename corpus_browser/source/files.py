"""Only regular files are read as input, and never by waiting.

Opening a named pipe (FIFO) waits for a writer that never comes: a build that
never ends, and `mkdocs serve` that stops answering even after the pipe is
gone. A device can be read without end. So the seeds folder is listed with
`lstat` (what `kind_of` names, anything but a file, a folder or a link, is
skipped with a warning), and a file is opened without blocking and read only
when the file opened is a regular file (`read_regular`), whatever its listing
said a moment before.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: What a file that is not a regular file is, by its type bits, for messages.
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"))


class NotRegularFile(OSError):
    """An input that is not a regular file (a pipe, a socket, a device)."""


def kind_of(mode: int) -> str | None:
    """What a file of this mode is, unless it is a regular file, a folder or a link (None)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int = -1) -> bytes:
    """The bytes of the regular file `path` (links followed), up to `limit` of
    them; raises `NotRegularFile` when the file opened is anything else, and
    `OSError` when it cannot be read."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    with open(handle, "rb") as file:
        kind = kind_of(os.fstat(file.fileno()).st_mode)
        if kind is not None:
            raise NotRegularFile(f"it is {kind}, not a regular file")
        return file.read(limit)
