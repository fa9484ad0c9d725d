"""A progress bar over the build's stages, drawn only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from tqdm import tqdm


@contextmanager
def stage_progress(stages: Sequence[str], stream: TextIO = sys.stderr) -> Iterator[Callable[[str], None]]:
    """Yield a listener for `build`'s stages that moves a bar on `stream`.

    tqdm draws nothing when `stream` is not a terminal (`disable=None`), so
    logs and pipes stay clean; the bar is erased when the build ends.
    """
    with tqdm(total=len(stages), file=stream, disable=None, leave=False,
              bar_format="{desc:<18} {bar} {n_fmt}/{total_fmt} stages [{elapsed}]") as bar:
        def on_stage(stage: str) -> None:
            bar.n = stages.index(stage)
            bar.set_description_str(stage)

        yield on_stage
