"""Named exceptions carrying the file (and line) they are about, and the two
helpers that keep their messages one short, readable line."""

from __future__ import annotations

#: Longest excerpt of an input value quoted in a message, in characters.
EXCERPT_MAX_CHARS = 40
#: Longest message, in characters: a message is one line on a terminal, whatever the input.
MESSAGE_MAX_CHARS = 400
#: Escapes with a name of their own; every other unprintable character becomes `\\uXXXX`.
_NAMED_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def readable(text: str) -> str:
    """`text` as one line of printable characters, one to one: a byte that was
    not valid UTF-8 in a file name (decoded by Python as a lone surrogate) shows
    as `\\xNN`, an unprintable character as `\\n`, `\\t` or `\\uXXXX`, and a
    backslash as `\\\\`, so two different names never read alike.

    >>> readable("caf\\udce9\\n.txt")
    'caf\\\\xe9\\\\n.txt'
    """
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(_readable_char(char) for char in text)


def _readable_char(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"
    if char.isprintable() or char == " ":
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def one_line(text: str) -> str:
    """`text` with every unprintable character escaped as `readable` does
    (backslashes are left as they are): one printable line."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _readable_char(char) for char in text)


def excerpt(value: object, limit: int = EXCERPT_MAX_CHARS) -> str:
    """A value as a message quotes it: its repr (one printable line), cut to `limit` characters."""
    text = one_line(repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CorpusError(Exception):
    """A problem with one input file; its message is one line naming the file."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = readable(path)
        self.line = line
        self.message = one_line(message)
        if len(self.message) > MESSAGE_MAX_CHARS:
            self.message = self.message[: MESSAGE_MAX_CHARS - 1] + "…"
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {self.message}")

    def __reduce__(self):
        """Pickled as it is (a worker process reports it to the build): its fields
        are already readable, and must not be escaped twice."""
        return _restored, (type(self), self.path, self.message, self.line, str(self))


def _restored(kind: type[CorpusError], path: str, message: str, line: int | None, text: str) -> CorpusError:
    if not (isinstance(kind, type) and issubclass(kind, CorpusError)):
        raise TypeError(f"not an error of the build: {kind!r}")
    error = kind.__new__(kind)
    error.path, error.message, error.line = path, message, line
    Exception.__init__(error, text)
    return error


class SeedError(CorpusError):
    """A seed file cannot be read or decoded."""


class SeedSkipped(SeedError):
    """A seed skipped on purpose, for what its content turned out to be (a file
    named like an export that is none): a warning, not an error."""


class SidecarError(CorpusError):
    """A seed's sidecar file is malformed or names lines the seed does not have."""


class ConfigError(CorpusError):
    """A setting (in mkdocs.yml, or given to the build) is wrong: a bad value, folders that overlap."""


class TaxonomyError(CorpusError):
    """The theme taxonomy file is malformed."""


class OutputError(CorpusError):
    """The build cannot write its output safely: a foreign file in the way, a
    path outside the output folder, another build running, a disk error."""
