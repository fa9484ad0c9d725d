"""Exports that come as many files: a zip (a Substack or Medium export, a
zipped folder of saved pages), or the folder such a zip unpacks to.

A zip is told by its magic bytes, whatever its name, and is never unpacked to
disk: its bytes go on as the seed's data (`Seed.data`), its member names as
the seed's lines, and the importers read its members in memory
(`split.imports.containers`). Its central directory is checked here against
`ZipLimits` first (how many members, how many bytes they unpack to, how much
each one is compressed), so that a zip bomb is one clear error naming the
file; a member's name never names a place on disk, so names such as
`../../etc/passwd` matter to nothing.

A folder that is an export (`FOLDER_EXPORTS`) is read as one seed, as the zip
it was unpacked from: its files packed, in name order and with no date, into a
zip in memory, the same bytes for the same files. The folder of a page saved
"complete" by a browser (`Page_files/`) holds its pictures and scripts, no seed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from corpus_browser.errors import SeedError
from corpus_browser.source.files import read_regular

#: How a zip's data starts: a member (local file header), or an empty zip's end of central directory.
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: A folder holding these (a table of posts beside the folder of their bodies: Substack's
#: `posts.csv` and `posts/`) is one export, read as the zip it came in.
FOLDER_EXPORTS = (("posts.csv", "posts"),)


#: How a browser names the folder of a page's pictures, scripts and style sheets when it saves the page
#: "complete" (`Page.html` beside `Page_files/`): never seeds.
SAVED_PAGE_RESOURCES = "_files"


@dataclass(frozen=True)
class ZipLimits:
    """What a zip (or a folder read as one) may hold."""

    members: int = 20_000
    unpacked_bytes: int = 512 * 1024 * 1024
    """All members together, unpacked."""
    ratio: int = 200
    """How many times its packed size a member may unpack to (past `ratio_from_bytes`)."""
    ratio_from_bytes: int = 1024 * 1024


LIMITS = ZipLimits()


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def zip_names(data: bytes, shown: str, limits: ZipLimits = LIMITS) -> tuple[str, ...]:
    """The names of a zip's files (not its folders), in the zip's order, once
    its central directory is within `limits`; raises `SeedError` otherwise."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise SeedError(shown, f"not a readable zip: {error}") from None
    files = [info for info in infos if not info.is_dir()]
    if len(files) > limits.members:
        raise SeedError(shown, f"zip holds {len(files):,} files, more than the {limits.members:,} a seed may hold")
    unpacked = sum(info.file_size for info in files)
    if unpacked > limits.unpacked_bytes:
        raise SeedError(shown, f"zip unpacks to {unpacked:,} bytes, more than the {limits.unpacked_bytes:,} "
                               "a seed may hold")
    for info in files:
        if info.file_size > limits.ratio_from_bytes and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise SeedError(shown, f"zip member {info.filename!r} unpacks to {info.file_size:,} bytes from "
                                   f"{info.compress_size:,}: more than {limits.ratio} times, a zip bomb")
    return tuple(info.filename for info in files)


def is_export_folder(folder: Path) -> bool:
    """Whether the folder is an export read as one seed (`FOLDER_EXPORTS`)."""
    return any((folder / table).is_file() and (folder / bodies).is_dir() for table, bodies in FOLDER_EXPORTS)


def is_page_resources(folder: Path) -> bool:
    """Whether the folder holds a saved page's resources (`SAVED_PAGE_RESOURCES`), the page beside it."""
    stem = folder.name.removesuffix(SAVED_PAGE_RESOURCES)
    return folder.name.endswith(SAVED_PAGE_RESOURCES) and any(
        (folder.parent / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm"))


def packed_folder(folder: Path, shown: str, limits: ZipLimits = LIMITS) -> bytes:
    """The folder's files (not hidden ones, links not followed), as a zip made in
    memory; raises `SeedError` past `limits` or when a file cannot be read."""
    files = sorted((path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()
                    and not any(part.startswith(".") for part in path.relative_to(folder).parts)),
                   key=lambda path: path.relative_to(folder).as_posix())
    if len(files) > limits.members:
        raise SeedError(shown, f"folder holds {len(files):,} files, more than the {limits.members:,} a seed may hold")
    buffer, total = io.BytesIO(), 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in files:
            try:
                data = read_regular(path)
            except OSError as error:
                raise SeedError(f"{shown}/{path.relative_to(folder).as_posix()}",
                                f"cannot read: {error.strerror or error}") from None
            total += len(data)
            if total > limits.unpacked_bytes:
                raise SeedError(shown, f"folder holds more than the {limits.unpacked_bytes:,} bytes a seed may hold")
            archive.writestr(zipfile.ZipInfo(path.relative_to(folder).as_posix()), data)
    return buffer.getvalue()
