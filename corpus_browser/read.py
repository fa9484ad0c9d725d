"""Read edge: seed files and their sidecars from disk into `Seed` and `Overrides`.

A seed's format is judged from its content (`formats.sniff`), its suffix
only breaking ties. Decoding is explicit:
byte-order marks first, then strict UTF-8, then charset-normalizer's detection.
A file that cannot be read is reported and skipped; it never stops the others.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
import yaml

from .errors import CorpusError, SeedError, SidecarError
from .formats import SUFFIX_FORMATS, sniff
from .model import Seed
from .overrides import Overrides, parse_overrides
from .tag import Taxonomy, TaxonomyError, parse_taxonomy

log = logging.getLogger(__name__)

#: Sidecar suffixes: `NAME.yml` holds the corrections for seed `NAME.txt`.
SIDECAR_SUFFIXES = (".yml", ".yaml")

#: Tried before full detection: blog dumps that are not UTF-8 are nearly always
#: Windows-1252 or Latin-1, and on short texts a free guess often picks a
#: look-alike code page.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class SeedInput:
    """A readable seed with the editor's corrections for it."""

    seed: Seed
    overrides: Overrides


@dataclass(frozen=True)
class CorpusInput:
    """Everything read from the seeds folder, with what could not be read."""

    seeds: tuple[SeedInput, ...]
    errors: tuple[CorpusError, ...]
    """Files that should have been seeds but could not be read."""
    warnings: tuple[CorpusError, ...]
    """Files skipped on purpose: unsupported suffix, no text."""


def read_corpus(seeds_dir: Path) -> CorpusInput:
    """Read every seed in `seeds_dir`, in file-name order."""
    if not seeds_dir.is_dir():
        raise SeedError(str(seeds_dir), "seeds folder not found")
    seeds, errors, warnings = [], [], []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.is_dir() or path.suffix.lower() in SIDECAR_SUFFIXES:
            continue
        shown = _shown(path, seeds_dir)
        if path.suffix.lower() not in SUFFIX_FORMATS:
            warnings.append(SeedError(shown, f"skipped: {path.suffix or 'no'} suffix is not a seed format "
                                             f"(use {', '.join(SUFFIX_FORMATS)})"))
            continue
        try:
            seed = read_seed(path, shown)
            if not any(line.strip() for line in seed.lines):
                warnings.append(SeedError(shown, "skipped: the file holds no text"))
                continue
            seeds.append(SeedInput(seed, read_overrides(path, shown, len(seed.lines))))
        except CorpusError as error:
            errors.append(error)
    return CorpusInput(tuple(seeds), tuple(errors), tuple(warnings))


def read_seed(path: Path, shown: str) -> Seed:
    """Decode one seed file into lines; line endings LF, CRLF and CR all work."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(shown, f"cannot read: {error.strerror or error}") from None
    text = decode(data, shown)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sniffed = sniff(lines, path.suffix)
    return Seed(name=path.name, format=sniffed.format, lines=tuple(lines), format_evidence=sniffed.evidence)


def decode(data: bytes, shown: str) -> str:
    """Bytes to text: a byte-order mark wins, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise SeedError(shown, "looks like a binary file (it holds NUL bytes), not text")
    best = (
        charset_normalizer.from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
        or charset_normalizer.from_bytes(data).best()
    )
    if best is None:
        raise SeedError(shown, "cannot tell the text encoding; save it as UTF-8")
    log.info("%s: decoded as %s", shown, best.encoding)
    return str(best)


def read_overrides(seed_path: Path, shown: str, line_count: int) -> Overrides:
    """The corrections in the seed's sidecar, or none when it has no sidecar."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = seed_path.with_suffix(suffix)
        if sidecar.is_file():
            sidecar_shown = str(Path(shown).with_suffix(suffix))
            try:
                data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
                line = getattr(getattr(error, "problem_mark", None), "line", None)
                raise SidecarError(sidecar_shown, f"cannot read: {_first_line(error)}",
                                   None if line is None else line + 1) from None
            return parse_overrides(data, sidecar_shown, line_count)
    return Overrides()


def read_taxonomy(path: Path) -> tuple[Taxonomy, tuple[CorpusError, ...]]:
    """The theme taxonomy; without the file, themes are discovered (`Taxonomy(auto=True)`)."""
    if not path.is_file():
        log.info("%s: not found; themes are discovered in the corpus", path)
        return Taxonomy(auto=True), ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise TaxonomyError(str(path), f"cannot read: {_first_line(error)}", None if line is None else line + 1) from None
    return parse_taxonomy(data, str(path)), ()


def _shown(path: Path, seeds_dir: Path) -> str:
    """The path as the user named it, for messages."""
    return str(seeds_dir / path.name)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
