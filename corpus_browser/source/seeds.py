"""Read edge: seed files and their sidecars from disk into `Seed` and `Overrides`.

What a seed's lines are written in is for the splitter to tell from its
content (`split.formats.sniff`). Decoding is explicit:
byte-order marks first, then UTF-16 and UTF-32 without one, then strict UTF-8,
then charset-normalizer's detection. A file that cannot be read is reported
and skipped; it never stops the others. File names are shown readably
(`errors.readable`); sidecars are matched to seeds by `overrides.match_sidecars`.
"""

from __future__ import annotations

import codecs
import logging
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path, PurePath

import charset_normalizer

from corpus_browser.errors import CorpusError, SeedError, SeedSkipped, SidecarError, readable
from corpus_browser.model import SEED_SUFFIXES, SUFFIX_FORMATS, Overrides, Seed, SeedInput
from corpus_browser.source.containers import is_export_folder, is_page_resources, is_zip, packed_folder, zip_names
from corpus_browser.source.files import kind_of, read_regular
from corpus_browser.source.sidecar import match_sidecars, parse_overrides
from corpus_browser.source.yaml_input import parse_yaml, read_yaml_bytes

log = logging.getLogger(__name__)

#: Sidecar suffixes: `NAME.yml` (or `NAME.txt.yml`) holds the corrections for seed `NAME.txt`.
SIDECAR_SUFFIXES = (".yml", ".yaml")

#: Why bytes with NUL in them, in no encoding of text that has them, are no seed.
_BINARY = "looks like a binary file (it holds NUL bytes), not text"
#: A file of no seed suffix is first read this far, to skip one that is no text without reading it whole.
PEEK_BYTES = 65_536
#: Documents whose bytes may all decode, yet hold no text to read as it is: their first bytes, and what they are.
NOT_TEXT = ((b"%PDF-", "a PDF document"), (b"%!PS", "a PostScript document"), (b"{\\rtf", "an RTF document"))

#: Tried before full detection: blog dumps that are not UTF-8 are nearly always
#: Windows-1252 or Latin-1, and on short texts a free guess often picks a
#: look-alike code page.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]

#: Why a link out of the seeds folder is skipped, and how to publish it anyway.
_LINK_OUTSIDE = ("skipped: it is a link to a file outside the seeds folder "
                 "(pass --follow-symlinks, or set the corpus-browser plugin's follow_symlinks: true in mkdocs.yml, "
                 "to publish it)")

#: Encodings whose text is full of NUL bytes: tried, without a byte-order mark,
#: on data that holds NULs, before UTF-8 (which would read each NUL as a character).
WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class CorpusInput:
    """Everything read from the seeds folder, with what could not be read."""

    seeds: tuple[SeedInput, ...]
    errors: tuple[CorpusError, ...]
    """Files that should have been seeds but could not be read."""
    warnings: tuple[CorpusError, ...]
    """Files skipped on purpose: unsupported suffix, no text."""


def read_corpus(seeds_dir: Path, follow_symlinks: bool = False) -> CorpusInput:
    """Read every seed in `seeds_dir`, in file-name order, with its sidecar.

    A seed or sidecar that is a link to a file outside `seeds_dir` is skipped
    with a warning unless `follow_symlinks`: a link must not publish a file
    the editor did not put in the folder.
    """
    scan = scan_seeds(seeds_dir, follow_symlinks)
    return scan.collect(_outcome(item, follow_symlinks) for item in scan.items)


def _outcome(item: SeedFile | Skipped, follow_symlinks: bool) -> SeedInput | Skipped | CorpusError:
    found = fetched(item, follow_symlinks)
    if not isinstance(found, SeedBytes):
        return found
    try:
        return seed_input(found)
    except CorpusError as error:
        return error


def fetched(item: SeedFile | Skipped, follow_symlinks: bool = False) -> SeedBytes | Skipped | CorpusError:
    """An item of `SeedScan.items` read from disk (`fetch_seed`), or why it is skipped or cannot be read."""
    if isinstance(item, Skipped):
        return item
    try:
        return fetch_seed(item, follow_symlinks)
    except CorpusError as error:
        return error


@dataclass(frozen=True)
class Skipped:
    """A file skipped on purpose, with the warning that says why."""

    warning: CorpusError


@dataclass(frozen=True)
class SeedFile:
    """A file of the seeds folder to read as a seed."""

    path: Path
    shown: str
    """The path as the user named it, for messages."""
    sidecar: str | None
    """The name of its sidecar file beside it, if it has one."""
    root: Path | None = None
    """The seeds folder it is in (its name is its path below it); None: the folder it is in."""

    @property
    def name(self) -> str:
        """The seed's name: its path below the seeds folder."""
        return _relative(self.path, self.root or self.path.parent)


@dataclass(frozen=True)
class SeedScan:
    """What is in the seeds folder: the seeds to read, in file-name order, and
    the files that are not (a sidecar without its seed, an unknown suffix)."""

    items: tuple[SeedFile | Skipped, ...]
    """In file-name order: a seed to read, or a file skipped."""
    errors: tuple[CorpusError, ...]
    warnings: tuple[CorpusError, ...]

    def collect(self, outcomes: Iterable[object]) -> CorpusInput:
        """The corpus from what became of each item, in order: a file skipped (a
        warning), an error (one `fetch_seed` or `seed_input` raised), or a seed
        (as read, or as far as the build took it)."""
        seeds, errors, warnings = [], list(self.errors), list(self.warnings)
        for outcome in outcomes:
            if isinstance(outcome, Skipped):
                warnings.append(outcome.warning)
            elif isinstance(outcome, CorpusError):
                errors.append(outcome)
            else:
                seeds.append(outcome)
        return CorpusInput(tuple(seeds), tuple(errors), tuple(warnings))


def scan_seeds(seeds_dir: Path, follow_symlinks: bool = False) -> SeedScan:
    """List the seeds folder and its subfolders (see `read_corpus`); reads no file.
    Seeds are named by their path below the folder (`blog/2019/post.md`), and each
    takes its sidecar from beside it. What is not a regular file (a named pipe, a
    socket, a device, or a link the link rules follow to one) is skipped with a
    warning: reading it could wait forever."""
    if not seeds_dir.is_dir():
        raise SeedError(str(seeds_dir), "seeds folder not found")
    errors: list[CorpusError] = []
    warnings: list[CorpusError] = []
    items: list[tuple[str, SeedFile | Skipped]] = []
    listed = _listing(seeds_dir, follow_symlinks, warnings)
    for _folder, paths in groupby(listed, key=lambda path: path.parent):
        _scan_folder(list(paths), seeds_dir, items, errors, warnings)
    return SeedScan(tuple(item for _name, item in sorted(items, key=lambda named: named[0])),
                    tuple(errors), tuple(warnings))


def _scan_folder(paths: list[Path], seeds_dir: Path, items: list[tuple[str, SeedFile | Skipped]],
                 errors: list[CorpusError], warnings: list[CorpusError]) -> None:
    """Add the seeds of one folder, each with its sidecar, to `items` (by name
    below the seeds folder), and what is skipped or wrong to `warnings` and `errors`."""
    candidates = [path for path in paths if path.suffix.lower() not in SIDECAR_SUFFIXES or path.is_dir()]
    sidecars = match_sidecars([path.name for path in candidates],
                              [path.name for path in paths if path not in candidates])
    for conflict in sidecars.conflicts:
        errors.append(SidecarError(_shown(paths[0].parent / conflict.sidecar, seeds_dir), conflict.message))
    for orphan in sidecars.orphans:
        warnings.append(SidecarError(_shown(paths[0].parent / orphan, seeds_dir),
                                     f"skipped: no seed is named like it (a seed NAME{next(iter(SUFFIX_FORMATS))} "
                                     f"takes its corrections from NAME.yml)"))
    skipped = {seed for conflict in sidecars.conflicts for seed in conflict.seeds}
    for path in candidates:
        if path.name not in skipped:
            items.append((_relative(path, seeds_dir), SeedFile(path, _shown(path, seeds_dir),
                                                               sidecars.sidecars.get(path.name), seeds_dir)))


def _listing(seeds_dir: Path, follow_symlinks: bool, warnings: list[CorpusError]) -> list[Path]:
    """The files below `seeds_dir` and the folders read as one export
    (`containers.is_export_folder`), by folder, each folder's in name order.
    Hidden files and folders and a saved page's resources (`Page_files/`) are
    left out; links to folders are not followed; what is no regular file is
    added to `warnings`."""
    found, pending = [], [seeds_dir]
    while pending:
        folder = pending.pop()
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            if path.name.startswith("."):
                continue
            kind = _special_kind(path, seeds_dir, follow_symlinks)
            if kind is not None:
                warnings.append(SeedError(_shown(path, seeds_dir), f"skipped: it is {kind}, not a regular file"))
            elif not path.is_dir():
                found.append(path)
            elif not path.is_symlink() and not is_page_resources(path):
                (found if is_export_folder(path) else pending).append(path)
    return sorted(found, key=lambda path: (_relative(path.parent, seeds_dir), path.name))


def _relative(path: Path, seeds_dir: Path) -> str:
    """`path`'s name below the seeds folder, with `/` between folders."""
    return path.relative_to(seeds_dir).as_posix()


@dataclass(frozen=True)
class SeedBytes:
    """A seed's bytes and its sidecar's, as read from disk: the rest of reading
    (`seed_input`) depends on nothing else, so a build can remember its result."""

    name: str
    """The file name."""
    shown: str
    data: bytes
    sidecar_shown: str | None
    sidecar: bytes | CorpusError | None
    """The sidecar's bytes (see `yaml_input.read_yaml_bytes`), or why it cannot be
    read (raised by `seed_input` once the seed itself is read)."""


def fetch_seed(item: SeedFile, follow_symlinks: bool = False) -> SeedBytes | Skipped:
    """A seed's bytes and its sidecar's, or why the seed is skipped (a link out
    of the seeds folder); raises `SeedError` when it cannot be read. A folder
    read as one export gives the bytes of the zip it came in (`containers.packed_folder`)."""
    path, shown = item.path, item.shown
    root = item.root or path.parent
    if not follow_symlinks and _links_outside(path, root):
        return Skipped(SeedError(shown, _LINK_OUTSIDE))
    try:
        not_text = None if path.is_dir() or _seed_suffix(path.name) else _not_text(read_regular(path, PEEK_BYTES), shown)
        if not_text is not None:
            return not_text
        data = packed_folder(path, shown) if path.is_dir() else read_regular(path)
    except OSError as error:
        raise SeedError(shown, f"cannot read: {error.strerror or error}") from None
    if item.sidecar is None:
        return SeedBytes(item.name, shown, data, None, None)
    sidecar_path = path.parent / item.sidecar
    sidecar_shown = _shown(sidecar_path, root)
    sidecar: bytes | CorpusError
    if not follow_symlinks and _links_outside(sidecar_path, root):
        sidecar = SidecarError(sidecar_shown, _LINK_OUTSIDE)
    else:
        try:
            sidecar = read_yaml_bytes(sidecar_path, sidecar_shown, SidecarError)
        except SidecarError as error:
            sidecar = error
    return SeedBytes(item.name, shown, data, sidecar_shown, sidecar)


def seed_input(found: SeedBytes) -> SeedInput | Skipped:
    """The seed with the corrections of its sidecar, or why it is skipped (a file
    of no seed suffix that holds no text: an image beside the posts); raises
    `CorpusError` when it or its sidecar cannot be read."""
    try:
        seed = seed_from_bytes(found.data, found.name, found.shown)
    except SeedError as error:
        if _seed_suffix(found.name):
            raise
        return Skipped(SeedSkipped(found.shown, f"skipped: {error.message}"))
    if not seed.data and not any(line.strip() for line in seed.lines):
        return Skipped(SeedError(found.shown, "skipped: the file holds no text"))
    if found.sidecar is None:
        return SeedInput(seed, Overrides())
    if isinstance(found.sidecar, CorpusError):
        raise found.sidecar
    data = parse_yaml(found.sidecar, found.sidecar_shown, SidecarError)
    return SeedInput(seed, parse_overrides(data, found.sidecar_shown, len(seed.lines)))


def _seed_suffix(name: str) -> bool:
    """Whether a file's name ends in a suffix of seeds (`.txt`, `.md`, an export's): one
    that is no text is an error, where a file of any other suffix is skipped."""
    return PurePath(name).suffix.lower() in SEED_SUFFIXES


def _not_text(head: bytes, shown: str) -> Skipped | None:
    """Why a file of no seed suffix is skipped, told from its first bytes (a video
    or an image beside the posts is not read whole), or None when they are text."""
    if is_zip(head):
        return None  # an export packed as a zip, read by its importer
    reason = _not_text_kind(head)
    if reason is None and b"\x00" in head and not any(head.startswith(bom) for bom, _encoding in _BOMS) \
            and _wide_text(head[: len(head) // 4 * 4]) is None:
        reason = _BINARY
    return Skipped(SeedSkipped(shown, f"skipped: {reason}")) if reason else None


def _not_text_kind(data: bytes) -> str | None:
    """What a document told by its first bytes is (`NOT_TEXT`), as a reason to read no text from it."""
    kind = next((kind for signature, kind in NOT_TEXT if data.startswith(signature)), None)
    return f"{kind}, not text (save it as text to read it)" if kind else None


def read_seed(path: Path, shown: str) -> Seed:
    """Decode one seed file into lines; line endings LF, CRLF and CR all work."""
    try:
        data = read_regular(path)
    except OSError as error:
        raise SeedError(shown, f"cannot read: {error.strerror or error}") from None
    return seed_from_bytes(data, path.name, shown)


def seed_from_bytes(data: bytes, name: str, shown: str) -> Seed:
    """A seed file's bytes (its file name is `name`) decoded into lines; a zip
    (told by its magic bytes) is kept as it is, its member names for its lines."""
    if is_zip(data):
        return Seed(name=readable(name), lines=zip_names(data, shown), data=data)
    text = decode(data, shown)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return Seed(name=readable(name), lines=tuple(lines))


def decode(data: bytes, shown: str) -> str:
    """Bytes to text: a byte-order mark wins, then UTF-16 or UTF-32 without a
    mark (told by their NUL bytes, which UTF-8 would take for text), then UTF-8,
    then detection. A document told by its first bytes (`NOT_TEXT`) is no text,
    even when its bytes would decode."""
    kind = _not_text_kind(data)
    if kind is not None:
        raise SeedError(shown, kind)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        wide = _wide_text(data)
        if wide is None:
            raise SeedError(shown, _BINARY)
        log.info("%s: decoded as %s (no byte-order mark)", shown, wide.encoding)
        return str(wide)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = (
        charset_normalizer.from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
        or charset_normalizer.from_bytes(data).best()
    )
    if best is None:
        raise SeedError(shown, "cannot tell the text encoding; save it as UTF-8")
    log.info("%s: decoded as %s", shown, best.encoding)
    return str(best)


def _wide_text(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """UTF-16 or UTF-32 text without a byte-order mark, when `data` reads as
    text of words in one of them: white space between words, no NUL, and
    hardly a character that is neither printable nor white space."""
    match = charset_normalizer.from_bytes(data, cp_isolation=WIDE_ENCODINGS).best()
    if match is None:
        return None
    text = str(match)
    odd = sum(1 for char in text if not (char.isprintable() or char.isspace()))
    looks_like_text = "\x00" not in text and any(char.isspace() for char in text) and odd <= len(text) // 100
    return match if looks_like_text else None


def _shown(path: Path, seeds_dir: Path) -> str:
    """The path as the user named it, for messages."""
    return str(seeds_dir / path.relative_to(seeds_dir))


def _special_kind(path: Path, seeds_dir: Path, follow_symlinks: bool) -> str | None:
    """What `path` is when it is neither a regular file nor a folder (`files.kind_of`),
    looked up without following a link the link rules do not follow."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode) and (follow_symlinks or not _links_outside(path, seeds_dir)):
            mode = path.stat().st_mode
    except (OSError, SeedError):
        return None  # gone, or a loop of links: reading it says so
    return kind_of(mode)


def _links_outside(path: Path, seeds_dir: Path) -> bool:
    """Whether `path` is a link that leads out of `seeds_dir`."""
    try:
        return not path.resolve().is_relative_to(seeds_dir.resolve())
    except (OSError, RuntimeError) as error:  # a loop of links
        raise SeedError(str(path), f"cannot read: {error}") from None
