"""Named exceptions carrying the file (and line) they are about."""

from __future__ import annotations


class CorpusError(Exception):
    """A problem with one input file; its message is one line naming the file."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class SeedError(CorpusError):
    """A seed file cannot be read or decoded."""


class SidecarError(CorpusError):
    """A seed's sidecar file is malformed or names lines the seed does not have."""


class OutputError(CorpusError):
    """The build would overwrite a file it did not generate."""
