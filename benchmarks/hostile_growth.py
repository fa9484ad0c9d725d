"""How the build's time grows on the hostile inputs of issue 26, by doubling them.

    python benchmarks/hostile_growth.py                  # each input at N, 2N, 4N and 8N
    python benchmarks/hostile_growth.py --scale 0.1 --doublings 2

Each input is made at a size N and doubled a few times, and the stage that
took quadratic time on it is timed at each size (CPU seconds, the best of
`--repeat` runs):
splitting a seed (its format told from its content, then read and cut into
articles) for the long runs, indexing the authors for the many names. The
doubling ratio is the time at 2N over the time at N: about 2 for linear
time, 4 for quadratic. The target is at most 2.5 for every input.

`--scale` multiplies every N (the code before issue 26 needs a tenth of the
default sizes to finish in minutes). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_browser.config import SplitRules  # noqa: E402
from corpus_browser.enrich.authors import index_authors  # noqa: E402
from corpus_browser.enrich.naming import NameRules  # noqa: E402
from corpus_browser.model import Article, Overrides, Seed, SeedInput  # noqa: E402
from corpus_browser.split import split_corpus  # noqa: E402

TARGET_RATIO = 2.5
def split_seed(lines: list[str]) -> Callable[[], object]:
    seed = Seed("hostile.txt", tuple(lines))
    return lambda: split_corpus([SeedInput(seed, Overrides())], SplitRules())


def chat_log(n: int) -> Callable[[], object]:
    """n lines of `Name: text`, as a chat log has them."""
    return split_seed([f"{('Alice', 'Bob', 'Carol Ann')[i % 3]}: hello number {i} to all" for i in range(n)])


def atx_heading(n: int) -> Callable[[], object]:
    return split_seed(["# x" + " " * n + "y", "", "Some text."])


def org_heading(n: int) -> Callable[[], object]:
    return split_seed(["* x" + " " * n + "y", "", "Some text."])


def spaced_author(n: int) -> Callable[[], object]:
    """A front-matter author field holding a run of spaces (each name part was read again from every space)."""
    return split_seed(["---", "title: A Post", "author: Jane" + " " * n + "Doe", "---", "", "Some text."])


def open_macro_call(n: int) -> Callable[[], object]:
    """A heading that opens as a template's macro call (`NEWS(`) and never closes it: words, then a `(`."""
    return split_seed(["NEWS(" + "a " * (n // 2) + "(", "", "Some text."])


def open_brackets(n: int) -> Callable[[], object]:
    return split_seed(["Title", "", "[" * n])


def open_links(n: int) -> Callable[[], object]:
    return split_seed(["Title", "", "[x](" * (n // 4)])


def named_brackets(n: int) -> Callable[[], object]:
    """What theme naming reads of an article holding n characters of `[[x` (link and markup spans)."""
    [seed] = split_corpus([SeedInput(Seed("hostile.txt", ("Title", "", "[[x" * (n // 3))), Overrides())],
                          SplitRules())
    return lambda: NameRules.of(seed.articles)


def many_authors(n: int) -> Callable[[], object]:
    """n articles, each by an author of its own: made-up names (a given name of
    4 to 8 random letters, a surname of 7 to 10: too many to be alike by
    chance), a twentieth of them another's name with one letter changed."""
    rng = random.Random(26)
    names: dict[str, None] = {}
    while len(names) < n:
        if names and rng.random() < 0.05:
            name = rng.choice(list(names)[-1000:])
            i = rng.randrange(1, len(name))
            name = name[:i] + rng.choice("aeiou") + name[i + 1:]
        else:
            name = " ".join("".join(rng.choices(string.ascii_lowercase, k=rng.randint(low, low + 3))).capitalize()
                            for low in (4, 7))
        names[name] = None
    articles = [Article(source="s.txt", title="T", subtitle=None, authors=(name,), date=None, description="",
                        first_line=1, last_line=1, words=0, body=(), set_aside=(), prose_lines=0)
                for name in names]
    return lambda: index_authors(articles)


#: Each input: what it is, how to make it at size n, and its default first size.
INPUTS: list[tuple[str, Callable[[int], Callable[[], object]], int]] = [
    ("`Key: value` lines (a chat log), lines", chat_log, 10_000),
    ("`# x` + spaces + `y` (ATX heading), spaces", atx_heading, 100_000),
    ("`* x` + spaces + `y` (Org heading), spaces", org_heading, 100_000),
    ("an author field with a run of spaces, spaces", spaced_author, 100_000),
    ("`NEWS(` + words, never closed (a macro's call), characters", open_macro_call, 100_000),
    ("a run of `[`, characters", open_brackets, 200_000),
    ("a run of `[x](`, characters", open_links, 200_000),
    ("a run of `[[x`, read for naming themes, characters", named_brackets, 60_000),
    ("distinct authors", many_authors, 8_000),
]


def seconds(work: Callable[[], object], repeat: int) -> float:
    """The least CPU time of `repeat` runs of `work` (steadier than wall time on a
    shared machine), with the cyclic garbage collector paused, as the build has it."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every first size N by this")
    parser.add_argument("--doublings", type=int, default=3, help="how many times N is doubled (default: 3)")
    parser.add_argument("--repeat", type=int, default=3, help="runs at each size; the best counts (default: 3)")
    args = parser.parse_args()
    print("| input | N | seconds at N, 2N, 4N, … | doubling ratios | worst |")
    print("| --- | ---: | --- | --- | ---: |")
    worst_of_all = 0.0
    for name, make, first in INPUTS:
        sizes = [max(1, round(first * args.scale)) * 2 ** k for k in range(args.doublings + 1)]
        times = [seconds(make(size), args.repeat) for size in sizes]
        ratios = [later / earlier for earlier, later in itertools.pairwise(times)]
        worst_of_all = max(worst_of_all, *ratios)
        print(f"| {name} | {sizes[0]:,} | {', '.join(f'{t:.3f}' for t in times)} | "
              f"{', '.join(f'{r:.2f}' for r in ratios)} | {max(ratios):.2f} |", flush=True)
    print(f"\nworst doubling ratio: {worst_of_all:.2f} (target: at most {TARGET_RATIO})")
    return 0 if worst_of_all <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
