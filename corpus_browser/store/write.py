"""Write edge: put generated pages into the docs folder, safely.

A manifest (`.corpus-browser.json` in the docs folder) lists every file the
build wrote, with a hash of its content. With it the build
- rewrites a page only when its content changed (so `mkdocs serve` does not loop),
  or when the file on disk no longer holds what the build wrote (a hand edit,
  which the write report names: the page is the build's to make),
- removes pages it generated earlier but no longer produces,
- never overwrites or removes a file it did not generate.

One containment rule covers every path it writes, renames or removes: the
path is resolved (links followed) and must lie inside the docs folder, or the
build stops with a message, whatever the manifest says (`manifest.OutputFolder`).
Only one build writes into a docs folder at a time (`output_lock`). Each
write goes to a file in a staging folder (`.corpus-browser-staging/`) that is
then renamed over the old page, so a build killed midway leaves every page
either old or new, never half-written; the next build clears what a killed
build left there. New files get the usual permissions (the umask decides).
Problems with the disk (read-only, full) stop the build with one line.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import itertools
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from corpus_browser.errors import OutputError
from corpus_browser.model import Page, WriteReport
from corpus_browser.store.manifest import (
    MANIFEST_NAME,
    STAGING_NAME,
    Manifest,
    OutputFolder,
    manifest_bytes,
    page_content,
    read_manifest,
)

log = logging.getLogger(__name__)

#: What the build says of a generated page it found edited by hand, and wrote over.
HAND_EDIT_OVERWRITTEN = ("edited by hand since the last build, and written over: the build makes this page "
                         "(change its seed or sidecar instead)")
#: How long a build waits for another build of the same docs folder to finish.
LOCK_WAIT_SECONDS = 60.0
_LOCK_POLL_SECONDS = 0.1
#: Numbers that make staging file names unique within this process.
_staged = itertools.count()


@contextmanager
def output_lock(docs_dir: Path, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the docs folder for one build: a second build waits up to
    `wait_seconds`, then stops with a message. The lock is on the folder
    itself (no lock file, nothing for `mkdocs serve` to see) and ends with the
    process, however it ends; on taking it, what a killed build left in the
    staging folder is removed."""
    try:
        docs_dir.mkdir(parents=True, exist_ok=True)
        handle = os.open(docs_dir, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise OutputError(str(docs_dir), f"cannot use as the output folder: {error.strerror or error}") from None
    try:
        _acquire(handle, docs_dir, wait_seconds)
        _clear_staging(docs_dir)
        yield
    finally:
        os.close(handle)  # also releases the lock


def _acquire(handle: int, docs_dir: Path, wait_seconds: float) -> None:
    deadline = time.monotonic() + wait_seconds
    waiting = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise OutputError(str(docs_dir), f"another build has been writing here for over {wait_seconds:g}s; "
                                                 "try again when it has finished") from None
            if not waiting:
                log.warning("%s: another build is writing here; waiting for it to finish", docs_dir)
                waiting = True
            time.sleep(_LOCK_POLL_SECONDS)


def _clear_staging(docs_dir: Path) -> None:
    """Remove the files a killed build left in the staging folder."""
    staging = docs_dir / STAGING_NAME
    try:
        if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
            raise OutputError(str(staging), "is not the build's staging folder; move it away")
        if staging.exists():
            shutil.rmtree(staging)
            log.info("%s: removed what an interrupted build left", staging)
    except OSError as error:
        raise OutputError(str(staging), f"cannot clear: {error.strerror or error}") from None


def write_pages(docs_dir: Path, pages: Sequence[Page], inputs: str | None = None) -> WriteReport:
    """Make the docs folder hold `pages`; see the module docstring for the rules.

    Call it holding `output_lock(docs_dir)`. `inputs` is the digest of what the
    pages were built from (`freshness.input_digest`), recorded for the next
    run's up-to-date check; None when this build must not be taken as complete
    (it skipped a file or had an error to report).
    """
    manifest = read_manifest(docs_dir)
    folder = OutputFolder(docs_dir)
    targets = {path: _target(folder, path, docs_dir, "a page") for path in sorted({page.path for page in pages})}
    stale = {path: _target(folder, path, docs_dir / MANIFEST_NAME, "the manifest's entry")
             for path in sorted(manifest.files) if path not in targets}
    _refuse_foreign_files(targets, manifest.files)
    new_paths = set(targets) - set(manifest.files)
    if new_paths:
        # Claim new paths before creating them, so an interrupted build still
        # knows on its next run that it made them.
        atomic_write(docs_dir, docs_dir / MANIFEST_NAME,
                      manifest_bytes(Manifest({**manifest.files, **dict.fromkeys(new_paths, "")})))
    written, unchanged, edited = [], [], []
    files: dict[str, str] = {}
    for page in sorted(pages, key=lambda page: page.path):
        data = page.text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        files[page.path] = digest
        if manifest.files.get(page.path) == digest and _holds(targets[page.path], data):
            unchanged.append(page.path)
            continue
        if _edited(targets[page.path], manifest.files.get(page.path)):
            edited.append(page.path)
        atomic_write(docs_dir, targets[page.path], data)
        written.append(page.path)
    for target in stale.values():
        _remove_generated(docs_dir, Path(target))
    new_manifest = Manifest(files, inputs)
    if written or stale or new_manifest != manifest:
        # Last, so that a build interrupted before it is never taken as complete.
        atomic_write(docs_dir, docs_dir / MANIFEST_NAME, manifest_bytes(new_manifest))
    _remove_empty_staging(docs_dir)
    return WriteReport(tuple(written), tuple(unchanged), tuple(stale), tuple(edited))


def _target(folder: OutputFolder, path: str, source: Path, what: str) -> str:
    """The file `path` names below the docs folder; refused, naming the `source`
    of the path, unless it lies inside it."""
    target = folder.file(path)
    if target is None:
        raise OutputError(str(source), f"{what} names {path!r}, which is not a file inside the docs folder; refused")
    return target


def _holds(target: str, data: bytes) -> bool:
    """Whether `target` is a file (not a link) holding exactly `data` (a hand
    edit is undone by the next build)."""
    return page_content(target, len(data)) == data


def _edited(target: str, written: str | None) -> bool:
    """Whether the page file `target`, whose content the last build wrote with the
    SHA-256 `written` (as the manifest has it), now holds something else: it was
    edited by hand (a page gone, or replaced by a link, is not an edit to undo)."""
    content = page_content(target) if written else None
    return content is not None and hashlib.sha256(content).hexdigest() != written


def _refuse_foreign_files(targets: dict[str, str], manifest: dict[str, str]) -> None:
    """Stop before writing anything if a page would replace a file someone else made."""
    for path, target in targets.items():
        if path not in manifest and os.path.lexists(target):
            raise OutputError(target, "exists but was not generated by this build; move it away or rename it")


def atomic_write(docs_dir: Path, target: Path | str, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write `data` to a new file in the staging folder (or let `data` write it,
    given the open file), then rename it to `target`."""
    target = Path(target)
    staging = docs_dir / STAGING_NAME
    try:
        staging.mkdir(parents=True, exist_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(target), f"cannot write: {error.strerror or error}") from None
    _replace(target, data, staging / f"{os.getpid()}-{next(_staged)}.tmp")


def _replace(target: Path, data: bytes | Callable[[BinaryIO], None], temporary: Path) -> None:
    """Write `data` to the new file `temporary` (with the permissions the umask
    gives; or let `data` write it), then rename it to `target`; on any failure
    `temporary` is removed."""
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as file:
            if isinstance(data, bytes):
                file.write(data)
            else:
                data(file)
        os.replace(temporary, target)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(str(target), f"cannot write: {error.strerror or error}") from None
        raise


def _remove_empty_staging(docs_dir: Path) -> None:
    try:
        (docs_dir / STAGING_NAME).rmdir()
    except OSError:
        pass  # not there, or not empty: the next build clears it


def _remove_generated(docs_dir: Path, target: Path) -> None:
    """Remove a page this build made earlier, and its folders that are now empty,
    up to the docs folder and never beyond."""
    try:
        target.unlink(missing_ok=True)
        root = docs_dir.resolve()
        folder = target.parent
        while folder.resolve() != root and folder.resolve().is_relative_to(root) and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    except OSError as error:
        if error.errno not in (errno.ENOTEMPTY, errno.ENOENT):
            raise OutputError(str(target), f"cannot remove: {error.strerror or error}") from None


def write_report(path: Path, text: str) -> None:
    """Write the editor's report: a file of its own, named by the user (the
    command line's `--report`), outside the docs folder so it is not published."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(path), f"cannot write: {error.strerror or error}") from None
    _replace(path, text.encode("utf-8"), path.with_name(f".{path.name}.{os.getpid()}-{next(_staged)}.tmp"))
