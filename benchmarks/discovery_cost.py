"""What finding the corpus's own themes adds to a build, at 1,000 and 10,000 articles.

    python benchmarks/discovery_cost.py                  # 1,000 and 10,000 articles
    python benchmarks/discovery_cost.py --sizes 1000

Generates the same synthetic corpora as `benchmarks/run.py` (same generator,
same seed value), gathers each as a build does, then times on its articles,
each the best of `--repeat` runs: tagging with the shipped taxonomy alone (what
a build did before discovery), discovery alone, and `choose_themes` (tagging,
discovery and the taxonomy's fit: what a build does now). Times are CPU
seconds of this process (`time.process_time`), so that other work on a shared
machine does not inflate them as it does wall time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SEED_VALUE  # noqa: E402  (sibling scripts, not a package)
from synthetic import generate  # noqa: E402

from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.enrich.discover import choose_themes, discover_themes  # noqa: E402
from corpus_browser.enrich.tag import tag_articles  # noqa: E402
from corpus_browser.model import Taxonomy
from corpus_browser.pipeline.build import gather  # noqa: E402
from corpus_browser.source.taxonomy import read_taxonomy


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The least CPU time `work` took in `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def measure(size: int, repeat: int) -> str:
    training = [line for path in sorted((REPO / "seeds").glob("*.txt"))
                for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 25]
    corpus = generate(size, training, seed=SEED_VALUE)
    with tempfile.TemporaryDirectory() as scratch:
        seeds = Path(scratch)
        for name, text in corpus.files.items():
            (seeds / name).write_text(text, encoding="utf-8")
        articles = [item.article for item in gather(BuildConfig(seeds_dir=seeds), taxonomy=Taxonomy()).articles]
    taxonomy = read_taxonomy(REPO / "themes.yml")
    tagging = best_of(repeat, lambda: tag_articles(articles, taxonomy))
    discovery = best_of(repeat, lambda: discover_themes(articles, taxonomy))
    choice = best_of(repeat, lambda: choose_themes(articles, taxonomy))
    found = discover_themes(articles, taxonomy)
    return (f"| {len(articles):,} | {tagging:.2f} s | {discovery:.2f} s | {choice:.2f} s | "
            f"{len(found.themes)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| Articles | Tagging (taxonomy) | Discovery | Tagging, discovery and fit | Themes found |")
    print("| --- | --- | --- | --- | --- |")
    for size in args.sizes:
        print(measure(size, args.repeat), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
