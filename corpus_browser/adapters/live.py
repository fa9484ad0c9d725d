"""Live editing under `mkdocs serve`: one save, one build, one reload, and
MkDocs re-rendering only the pages that changed.

Two things made `mkdocs serve` slow on a large corpus:

- **Two builds per save.** MkDocs watches the docs folder, and the article
  build writes its pages there: the pages it rewrote for a save were seen
  half a second later as another change, so every save built the site twice
  (and reloaded the browser twice). `watch_docs` replaces MkDocs' watch of
  the docs folder with one that ignores what the build itself wrote (a page
  holding exactly what the manifest says the build wrote, a page the build
  removed, its own private files) and passes on every other change, a hand
  edit of a generated page included.
- **Every page rendered on every build.** MkDocs' `--dirty` renders only the
  pages whose Markdown is newer than their HTML, and the article build
  rewrites only the pages whose text changed. When nothing but generated
  pages changed since the last build (same mkdocs.yml, theme overrides,
  hand-written files and set of pages), and no plugin lists other pages on
  a page (Material's tags plugin does), every page MkDocs would render
  differently has been rewritten, so a dirty build gives the site a full
  build would. `serve_build` makes that choice before each of `mkdocs
  serve`'s builds, running the article build first to know what changed.
  Material's search index would then hold only the rebuilt pages: it is put
  back together from each page's entries, in the order a full build writes
  them (`SearchEntries`).

MkDocs has no public way to do either, so this module reaches into
`mkdocs.commands.serve` and `LiveReloadServer` (mkdocs is pinned below 2,
and tests/test_live.py runs the real server); if they are not as expected,
it leaves MkDocs' own behaviour in place.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus_browser.errors import CorpusError
from corpus_browser.store.manifest import PRIVATE_NAMES, file_content, read_manifest

log = logging.getLogger("mkdocs.hooks.corpus_browser")

#: Plugins whose pages show other pages' data that MkDocs, not the article build, puts there.
_LISTING_PLUGINS = ("material/tags", "tags")


@dataclass
class _Written:
    """What the article build last wrote into the docs folder."""

    pages: dict[str, str] = field(default_factory=dict)
    """Generated page path to the SHA-256 of its content (the manifest)."""
    removed: frozenset[str] = frozenset()


class DocsWatch:
    """The docs folder's changes, less those the article build made. Events that
    arrive while the build writes are judged once it has finished, against what
    it wrote."""

    def __init__(self, docs_dir: Path, rebuild: Callable[[], None]):
        self.docs_dir = Path(os.path.abspath(docs_dir))
        self.rebuild = rebuild
        self.written = _Written()
        self._lock = threading.Lock()
        self._building = False
        self._pending: list[str] = []

    def building(self) -> None:
        with self._lock:
            self._building = True

    def built(self, removed: tuple[str, ...] = ()) -> None:
        """The article build has finished: judge the changes seen meanwhile."""
        try:
            pages = read_manifest(self.docs_dir).files
        except CorpusError:
            pages = {}
        with self._lock:
            self.written = _Written(pages, frozenset(removed))
            self._building = False
            pending, self._pending = self._pending, []
        if any(not self._ours(path) for path in pending):
            self.rebuild()

    def changed(self, *paths: str) -> None:
        """A file event from the watcher (a move has two paths)."""
        with self._lock:
            if self._building:
                self._pending.extend(paths)
                return
        if any(not self._ours(path) for path in paths):
            self.rebuild()

    def _ours(self, path: str) -> bool:
        """Whether the change to `path` is one the article build made."""
        try:
            relative = Path(os.path.abspath(path)).relative_to(self.docs_dir).as_posix()
        except ValueError:
            return False
        if relative.split("/", 1)[0] in PRIVATE_NAMES or os.path.isdir(path):
            return True  # a folder's own event changes no page: the files in it have their own events
        expected = self.written.pages.get(relative)
        if expected is None:  # a page the build removed, or the folder it emptied and removed
            removed = relative in self.written.removed or any(name.startswith(relative + "/")
                                                              for name in self.written.removed)
            return removed and not os.path.lexists(path)
        return _file_digest(path) == expected


def watch_docs(server: object, docs_dir: str) -> DocsWatch | None:
    """Replace the server's watch of the docs folder with a `DocsWatch`; None
    (MkDocs' own watch stays) if the server is not the one this was written for."""
    condition = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    if condition is None or not hasattr(server, "_want_rebuild") or observer is None:
        log.info("corpus: this MkDocs server cannot be told to ignore the build's own writes")
        return None

    def rebuild() -> None:  # what MkDocs' own watch does on a change
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    watch = DocsWatch(Path(docs_dir), rebuild)
    from watchdog.events import FileSystemEventHandler

    class _Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if not event.is_directory:
                watch.changed(*(path for path in (event.src_path, getattr(event, "dest_path", "")) if path))

    server.unwatch(docs_dir)
    observer.schedule(_Handler(), docs_dir, recursive=True)
    return watch


@dataclass(frozen=True)
class SiteShape:
    """What, besides the generated pages' text, decides how MkDocs renders the
    site: if it is the same as at the last build, a dirty build renders the
    site a full build would (see the module docstring)."""

    config: str
    """SHA-256 of mkdocs.yml."""
    theme: tuple[tuple[str, int, int], ...]
    """The theme overrides' files, with size and time."""
    hand_written: tuple[str, ...]
    """The docs folder's files the build did not generate."""
    pages: tuple[str, ...]
    """The generated pages."""

    @classmethod
    def of(cls, config_file: str, custom_dir: str | None, docs_dir: str) -> SiteShape:
        theme = []
        if custom_dir and os.path.isdir(custom_dir):
            for path in sorted(Path(custom_dir).rglob("*")):
                try:
                    status = path.stat()
                except OSError:  # removed, or replaced as it is saved: the next look sees it
                    continue
                if path.is_file():
                    theme.append((path.as_posix(), status.st_size, status.st_mtime_ns))
        try:
            pages = read_manifest(Path(docs_dir)).files
        except CorpusError:
            pages = {}
        hand_written = []
        for folder, folders, files in os.walk(docs_dir):
            relative = os.path.relpath(folder, docs_dir)
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
                if not name.startswith(".") and path not in pages:
                    hand_written.append(path)
        return cls(_file_digest(config_file), tuple(theme), tuple(hand_written), tuple(sorted(pages)))


def _file_digest(path: str) -> str:
    """The SHA-256 of the file's content; empty when it cannot be read or is no
    regular file (a named pipe is not waited on: the watcher would stop)."""
    content = file_content(path)
    return "" if content is None else hashlib.sha256(content).hexdigest()


class SearchEntries:
    """Material's search index, page by page, as the last full build made it:
    after a dirty build it holds the rebuilt pages' new entries and every other
    page's old ones, in the order of a full build."""

    def __init__(self):
        self.order: list[str] = []
        self.entries: dict[str, list[dict]] = {}

    def page(self, url: str, entries: list[dict], full: bool) -> None:
        """A page's entries, as the search plugin and the hook left them."""
        if full and url not in self.entries:
            self.order.append(url)
        self.entries[url] = [dict(entry) for entry in entries]

    def start(self, full: bool) -> None:
        if full:
            self.order, self.entries = [], {}

    def merged(self) -> list[dict]:
        return [entry for url in self.order for entry in self.entries.get(url, ())]


def listing_plugins(plugins: object) -> list[str]:
    """The configured plugins that put other pages' data on a page."""
    return [name for name in _LISTING_PLUGINS if name in plugins] if hasattr(plugins, "__contains__") else []


def patch_serve_build(choose_dirty: Callable[[object], bool]) -> bool:
    """Make `mkdocs serve`'s builds dirty when `choose_dirty(config)` says so.
    Returns False (nothing changed) if MkDocs' serve module is not as expected."""
    try:
        from mkdocs.commands import serve
    except ImportError:
        return False
    original = getattr(serve, "build", None)
    if original is None or getattr(original, "corpus_browser", False):
        return original is not None

    def build(config, *, serve_url=None, dirty=False):
        return original(config, serve_url=serve_url, dirty=dirty or choose_dirty(config))

    build.corpus_browser = True
    serve.build = build
    return True
