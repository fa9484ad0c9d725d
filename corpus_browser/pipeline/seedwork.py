"""The build's work seed by seed: read, split and extract each seed on its own,
in worker processes when the corpus is large, remembering the results between
builds (`cache.py`).

A seed's work has two halves around the one step that needs the whole corpus:

1. read the seed (decode it, tell its format, read its sidecar) and cut it into
   units with their keys (`segment.prepare_seed`);
2. (across all seeds: which paragraphs are boilerplate, `boilerplate.find_boilerplate`)
3. split the seed into articles, knowing which of its paragraphs are
   boilerplate (`segment.segment_seed`), extract them, and split their words.

Each half's result is remembered under a digest of everything it depends on:
the first half's of the seed's and its sidecar's bytes, the settings and the
package's code; the second half's of that and of the boilerplate keys the seed
holds. Saving one seed thus redoes that seed's work, and another seed's second
half only when the boilerplate it holds has changed. A build made from
remembered results is the build made from scratch: the halves are pure functions
of what their digest covers (tests/test_seedwork.py builds both and compares).

A seed that cannot be used (it cannot be read or decoded, its sidecar is
wrong) keeps what its last good build made of it: both halves' results, as
the cache holds them, under the names a table of the seeds' last good results
gives (one entry per version of the code). Its articles stay on the site,
with its error and a warning naming it, until it can be read again; nothing a
reader had is lost to an input error. A seed removed from the folder is gone.

With workers (`workers.py`), each seed goes to one worker for both halves,
which keeps the seed's units in between (`_prepared`, in each worker
process); which worker does a seed's work, or whether any does, changes
nothing in the result. The results also stay in memory from one build to the
next for a caller that keeps a `SeedMemory` (`mkdocs serve`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus_browser.config import SplitRules
from corpus_browser.enrich.language import seed_language, with_languages
from corpus_browser.enrich.words import WordList
from corpus_browser.errors import CorpusError, SeedError, SeedSkipped
from corpus_browser.lang.recognise import reading_dates
from corpus_browser.model import SeedInput, SplitSeed
from corpus_browser.pipeline import workers
from corpus_browser.source.seeds import SeedBytes, SeedFile, SeedScan, Skipped, fetched, seed_input
from corpus_browser.split import PreparedSeed, SeedKeys, find_boilerplate, prepare_seed, seed_keys, split_seed
from corpus_browser.store import cache
from corpus_browser.store.cache import SeedCache

#: Below this many bytes of seeds to work on, workers cost more than they save.
WORKER_MIN_BYTES = 2_000_000
#: Cache entry kinds: the first half's result, the second half's, and the table
#: of each seed's last good results (seed name, its path below the seeds folder, to the names of both).
_KEYS, _SPLIT, _GOOD = "keys", "split", "good"


@dataclass(frozen=True)
class SeedWork:
    """The second half's result: the seed split into articles, and their words."""

    split: SplitSeed
    words: WordList
    """The articles' words (see `words.py`), split where the seed is."""


@dataclass(frozen=True)
class SplitCorpus:
    seeds: tuple[SplitSeed, ...]
    words: tuple[WordList, ...]
    """Each seed's articles' words, in seed order."""
    errors: tuple[CorpusError, ...]
    warnings: tuple[CorpusError, ...]
    keys: tuple[str, ...] = ()
    """Each seed's key, in seed order: the digest of everything its split depends on
    (its cache entry's name), so a seed whose split changed has a new key."""


@dataclass(frozen=True)
class _Keyed:
    """A seed's split with its key, until the corpus is collected."""

    key: str
    work: SeedWork


@dataclass(frozen=True)
class _LastGood:
    """What the last build that could use a seed made of it, for a build that cannot."""

    names: tuple[str, str]
    """The cache entry names of its two halves' results."""
    keys: SeedKeys
    work: SeedWork


@dataclass
class SeedMemory:
    """What the last build in this process made of each seed, kept in memory for
    the next by a caller that builds again and again (`mkdocs serve`): results
    by cache entry name, and the cache folder they belong to."""

    results: dict[str, object] = field(default_factory=dict)
    folder: Path | None = None


def split_seeds(scan: SeedScan, split: SplitRules, code: str, store: SeedCache | None = None,
                workers: int | None = None, follow_symlinks: bool = False,
                memory: SeedMemory | None = None, language: str | None = None) -> SplitCorpus:
    """Every seed of `scan` split into articles (see the module docstring).

    `code` is the digest of the package's code (`freshness.code_digest`);
    `store` keeps the results between builds; `workers` is how many worker
    processes share the work (None: one per core when there is much to do);
    `memory` keeps them in memory for the next build in this process;
    `language` is the configured language of every article (None: each one's is detected).
    """
    outcomes: list[SeedBytes | Skipped | CorpusError | _Keyed] = [fetched(item, follow_symlinks)
                                                                   for item in scan.items]
    found = {i: outcome for i, outcome in enumerate(outcomes) if isinstance(outcome, SeedBytes)}
    settings = repr((split, language)).encode()
    given = _Settings(split, language)
    first_names = {i: f"{_digest(code.encode(), settings, _content(seed))}.{_KEYS}" for i, seed in found.items()}
    session = _Session(store, found, workers, memory)
    completed = False
    try:
        halves = session.first_halves(first_names, given)
        kept = [i for i in sorted(halves) if isinstance(halves[i], SeedKeys)]
        for i in set(halves) - set(kept):
            outcomes[i] = halves[i]
        table = f"{_digest(b'last good results', code.encode())}.{_GOOD}"
        last_good = session.last_good(table, _failed(scan, outcomes))
        keys = {i: halves[i] for i in kept} | {i: good.keys for i, good in last_good.items()}
        boilerplate = find_boilerplate((keys[i].blocked for i in sorted(keys)), split)
        holding = {i: halves[i].holding(boilerplate) for i in kept}
        second_names = {i: f"{_digest(first_names[i].encode(), *(key.encode() for key in holding[i]))}.{_SPLIT}"
                        for i in kept}
        for i, seed in session.second_halves(second_names, first_names, holding, given).items():
            outcomes[i] = _Keyed(second_names[i], seed)
        session.keep_last_good(table, {found[i].name: (first_names[i], second_names[i]) for i in kept}
                               | {scan.items[i].name: good.names for i, good in last_good.items()})
        completed = True
    finally:
        session.finish(completed)
    errors, warnings = [], []
    for i in sorted(last_good):
        errors.append(outcomes[i])
        warnings.append(SeedError(scan.items[i].shown, "its last good pages are kept until it can be read again"))
        outcomes[i] = _Keyed(last_good[i].names[1], last_good[i].work)  # keyed by its last good split
    corpus = scan.collect(outcomes)
    return SplitCorpus(tuple(seed.work.split for seed in corpus.seeds), tuple(seed.work.words for seed in corpus.seeds),
                       corpus.errors + tuple(errors), corpus.warnings + tuple(warnings),
                       tuple(seed.key for seed in corpus.seeds))


def _failed(scan: SeedScan, outcomes: Sequence[object]) -> dict[int, str]:
    """The seeds that could not be used (read, decoded, corrected by their sidecar), by item: their names (paths
    below the seeds folder, as the table of last good results has them)."""
    return {i: item.name for i, item in enumerate(scan.items)
            if isinstance(item, SeedFile) and isinstance(outcomes[i], CorpusError)}


def _content(seed: SeedBytes) -> bytes:
    """What a seed's result depends on, beside the settings and code: its name
    (its format may be told by it), its bytes and its sidecar's. Not the paths
    shown in messages, so the command line and MkDocs share their results; a
    seed that cannot be read is never remembered."""
    sidecar = seed.sidecar if isinstance(seed.sidecar, bytes) else b"\0no sidecar"
    return b"\0".join([seed.name.encode("utf-8", "surrogateescape"), _digest(seed.data).encode(),
                       _digest(sidecar).encode()])


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


class _Session:
    """One build's run over the seeds: remembered results, and the work left to do."""

    def __init__(self, store: SeedCache | None, found: dict[int, SeedBytes], workers: int | None,
                 memory: SeedMemory | None):
        self.store = store
        self.memory = memory
        self.found = found
        self.workers = workers
        self.folder = store.folder if store is not None else None
        self.used: dict[str, object] = {}
        self.worker_of: dict[int, int] = {}
        """Which worker did a seed's first half (and keeps its units until the second)."""

    def first_halves(self, names: dict[int, str], split: _Settings) -> dict[int, SeedKeys | Skipped | CorpusError]:
        results = {i: self._recall(name, (SeedKeys, Skipped, CorpusError)) for i, name in names.items()}
        todo = [i for i, result in results.items() if result is None]
        count = self._workers_for(todo)
        if count:
            self.worker_of = workers.balanced(todo, [len(self.found[i].data) for i in todo], count)
        for i, payload in self._run(todo, count, lambda i: (_first_half, self.found[i], names[i], split)).items():
            result = cache.load(payload)
            if isinstance(result, SeedKeys):
                self._remember(names[i], result, payload)
            results[i] = result
        return results

    def second_halves(self, names: dict[int, str], first_names: dict[int, str], holding: dict[int, list[str]],
                      split: _Settings) -> dict[int, SeedWork]:
        results = {i: self._recall(name, SeedWork) for i, name in names.items()}
        todo = [i for i, result in results.items() if result is None]
        elsewhere = [i for i in todo if i not in self.worker_of]
        count = workers.running() if self.worker_of else self._workers_for(elsewhere)
        if count:
            self.worker_of.update(workers.balanced(elsewhere, [len(self.found[i].data) for i in elsewhere], count))

        def job(i: int) -> tuple:
            # A worker that did the first half has the units; any other reads the seed again.
            found = None if i in self.worker_of and i not in elsewhere else self.found[i]
            return _second_half, first_names[i], found, frozenset(holding[i]), split
        for i, payload in self._run(todo, count, job).items():
            results[i] = cache.load(payload)
            self._remember(names[i], results[i], payload)
        return results

    def last_good(self, table: str, failed: dict[int, str]) -> dict[int, _LastGood]:
        """For the seeds that `failed` this build (by item, their names), what
        the last build that could use each made of it, where the cache has it."""
        names = self._recall(table, dict) or {}
        found = {}
        for i, name in failed.items():
            entries = names.get(name)
            if isinstance(entries, tuple) and len(entries) == 2 and all(isinstance(entry, str) for entry in entries):
                keys, work = self._recall(entries[0], SeedKeys), self._recall(entries[1], SeedWork)
                if keys is not None and work is not None:
                    found[i] = _LastGood(entries, keys, work)
        return found

    def keep_last_good(self, table: str, names: dict[str, tuple[str, str]]) -> None:
        """Keep the table of each seed's last good results (seed name to entry names) for the next build."""
        self._remember(table, names, cache.dump(names))

    def _workers_for(self, todo: Sequence[int]) -> int:
        """How many workers share `todo` (none for little work, unless the build asked for them)."""
        if not todo:
            return 0
        count = self.workers
        if count is None:
            cores = workers.cores()
            large = sum(len(self.found[i].data) for i in todo) >= WORKER_MIN_BYTES
            count = cores if cores > 1 and large else 0
        return len(workers.pool(count, [__name__])) if count > 0 else 0

    def _run(self, todo: Sequence[int], count: int, job) -> dict[int, bytes]:
        """Each job's pickled result: in the seed's worker, or here."""
        if not count:
            return {i: _call(*job(i)) for i in todo}
        return workers.run({i: job(i) for i in todo}, self.worker_of, lambda i: self.found[i].shown)

    def _recall(self, name: str, kind: type | tuple[type, ...]) -> object | None:
        """The result remembered under `name`, if there is one of the `kind` expected."""
        memory = self.memory
        if memory is not None and name in memory.results and memory.folder == self.folder \
                and (self.store is None or name in self.store):
            self.used[name] = memory.results[name]
            return memory.results[name]
        value = self.store.value(name, kind) if self.store is not None else None
        if value is not None:
            self.used[name] = value
        return value

    def _remember(self, name: str, value: object, payload: bytes) -> None:
        if self.store is not None:
            self.store.put(name, payload)
        self.used[name] = value

    def finish(self, completed: bool) -> None:
        """Forget the seeds' units; keep this build's results for the next one,
        and once the build has gone through every seed, only those."""
        _forget()
        if self.worker_of:
            workers.call_everywhere(_forget)
        if self.memory is not None:
            self.memory.results = dict(self.used)
            self.memory.folder = self.folder
        if self.store is not None and completed:
            self.store.keep_only(self.used, (_KEYS, _SPLIT, _GOOD))


# --- the two halves, where they run ---------------------------------------------------------


@dataclass(frozen=True)
class _Settings:
    """What the halves are given beside the seed: the split's thresholds and the configured language."""

    split: SplitRules
    language: str | None


#: Each seed's reading, language and units from its first half, until its second:
#: in each worker process (or here, without workers), for the seeds it was given.
_prepared: dict[str, tuple[SeedInput, str | None, PreparedSeed]] = {}


def _first_half(found: SeedBytes, name: str, settings: _Settings) -> bytes:
    """Read a seed, tell its language and cut it into units: its `SeedKeys`
    (or why it is skipped or cannot be read), pickled."""
    try:
        item = seed_input(found)
    except CorpusError as error:
        return cache.dump(error)
    if isinstance(item, Skipped):
        return cache.dump(item)
    try:
        language, prepared = _prepare(item, settings)
    except CorpusError as error:  # an export that cannot be read, or is none
        return cache.dump(_as_shown(error, found.shown))
    _prepared[name] = (item, language, prepared)
    return cache.dump(seed_keys(prepared))


def _as_shown(error: CorpusError, shown: str) -> CorpusError | Skipped:
    """A problem the split found in a seed, naming it as the user named it (the
    split knows it by its name in the seeds folder); a seed skipped on purpose
    (`SeedSkipped`) is a warning."""
    named = type(error)(shown, error.message, error.line)
    return Skipped(named) if isinstance(error, SeedSkipped) else named


def _prepare(item: SeedInput, settings: _Settings) -> tuple[str | None, PreparedSeed]:
    """The seed's language, and its units, with dates read in that language."""
    language = seed_language(item, settings.language)
    with reading_dates(language, item.overrides.date_order):
        return language, prepare_seed(item, settings.split)


def _second_half(first_name: str, found: SeedBytes | None, boilerplate: frozenset[str], settings: _Settings) -> bytes:
    """Split a seed into articles, each with its language: its `SeedWork`, pickled."""
    if found is None or first_name in _prepared:
        item, language, prepared = _prepared.pop(first_name)
    else:
        item = seed_input(found)
        language, prepared = _prepare(item, settings)
    with reading_dates(language, item.overrides.date_order):
        split_into = split_seed(item, prepared, boilerplate, settings.split)
    articles = with_languages(split_into.articles, language, item.overrides.language or settings.language)
    split_into = replace(split_into, articles=articles)
    return cache.dump(SeedWork(split_into, WordList.of(articles)))


def _forget() -> None:
    _prepared.clear()


def _call(function, *arguments) -> bytes:
    return function(*arguments)
