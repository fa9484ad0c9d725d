"""Worker processes for the per-seed work (`seedwork.py`).

A pool is one single-process executor per worker, started once per process
and kept from build to build (as `mkdocs serve` builds on every save), so
that work sent to the same worker twice meets the state the first call left
there. Workers start from a fresh interpreter (forkserver) that has imported
only the modules named at start-up. What a worker logs is logged again in
the build's own process. A worker that dies stops the build with one line,
and the next build starts new workers.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from corpus_browser.errors import CorpusError

#: This process's workers, one executor each (empty until work needs them).
_executors: list[ProcessPoolExecutor] = []


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pool(count: int, preload: Sequence[str]) -> list[ProcessPoolExecutor]:
    """`count` workers (the ones already running, if there are as many), which
    import the modules `preload` when they start; none for a count of 0."""
    if count and len(_executors) != count:
        shutdown()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        _executors.extend(ProcessPoolExecutor(max_workers=1, mp_context=context) for _ in range(count))
    return _executors if count else []


def running() -> int:
    """How many workers are running."""
    return len(_executors)


def run(jobs: Mapping[int, tuple], assigned: Mapping[int, int], shown: Callable[[int], str]) -> dict[int, bytes]:
    """Each job (`(function, *arguments)`, returning bytes) run in its assigned
    worker; raises `CorpusError` naming the job's input (`shown(i)`) when a
    worker dies."""
    futures: dict[int, Future] = {i: _executors[assigned[i]].submit(_in_worker, *job) for i, job in jobs.items()}
    results = {}
    for i, future in futures.items():
        try:
            payload, records = future.result()
        except BrokenProcessPool:
            shutdown()  # the next build starts new workers
            raise CorpusError(shown(i), "the worker process splitting this seed stopped (out of memory?); "
                                        "build again") from None
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        results[i] = payload
    return results


def call_everywhere(function: Callable[[], object]) -> None:
    """Run `function` in every worker (to clear what they keep between calls)."""
    try:
        for executor in _executors:
            executor.submit(function).result()
    except BrokenProcessPool:
        shutdown()


def balanced(todo: Sequence[int], sizes: Sequence[int], workers: int) -> dict[int, int]:
    """A worker for each job: the largest first, each to the least loaded worker."""
    loads = [0] * workers
    assigned = {}
    for size, i in sorted(zip(sizes, todo), key=lambda item: (-item[0], item[1])):
        assigned[i] = loads.index(min(loads))
        loads[assigned[i]] += size
    return assigned


class _Records(logging.Handler):
    """Keeps what a worker logs, for the build to log in its own process."""

    def __init__(self):
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _in_worker(function, *arguments) -> tuple[bytes, list[tuple[str, int, str]]]:
    handler = _Records()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        return function(*arguments), handler.records
    finally:
        root.removeHandler(handler)


@atexit.register
def shutdown() -> None:
    for executor in _executors:
        executor.shutdown(cancel_futures=True)
    _executors.clear()
