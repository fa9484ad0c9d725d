"""Command line: `python build_docs.py [--seeds DIR] [--docs DIR] [--strict]`.

The CLI only adapts arguments, prints the build report, and maps problems to
exit codes: 0 when all went well, 1 when a file could not be used (or, with
`--strict`, when anything was skipped), 2 for wrong arguments.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .build import BuildReport, build
from .config import BuildConfig
from .errors import CorpusError

EXAMPLES = """\
examples:
  python build_docs.py                      build docs/ from seeds/
  python build_docs.py --seeds dumps --docs site-src
  python build_docs.py --strict             fail on skipped files too
"""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_docs.py",
        description="Split the seed documents into article pages for the MkDocs site.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed files (default: seeds)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="folder to write pages into (default: docs)")
    parser.add_argument("--themes", type=Path, default=Path("themes.yml"), help="theme taxonomy (default: themes.yml)")
    parser.add_argument("--report", type=Path, default=Path("corpus-report.md"),
                        help="editor's report: theme evidence, merges, set-aside lines (default: corpus-report.md)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (skipped files) as errors")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    config = BuildConfig(seeds_dir=args.seeds, docs_dir=args.docs, themes_file=args.themes,
                         report_file=args.report, strict=args.strict)
    started = time.perf_counter()
    try:
        report = build(config)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print_report(report, time.perf_counter() - started)
    print(f"report: {config.report_file}")
    failed = bool(report.errors) or (config.strict and bool(report.warnings))
    return 1 if failed else 0


def print_report(report: BuildReport, seconds: float) -> None:
    width = max((len(seed.source) for seed in report.seeds), default=4)
    print(f"{'seed':<{width}}  articles  prose  metadata  boilerplate")
    for seed in report.seeds:
        tally = seed.tally
        print(f"{seed.source:<{width}}  {seed.articles:>8}  {tally.prose:>5}  {tally.metadata:>8}  {tally.boilerplate:>11}")
    themes = report.theme_counts()
    if themes:
        print("themes: " + ", ".join(f"{name} {count}" for name, count in themes))
    authors = report.author_counts()
    print(f"authors: {len(authors)}" + "".join(f"; {name} {count}" for name, count in authors[:8])
          + ("; …" if len(authors) > 8 else ""))
    for merge in report.merges:
        print(f"merged author spellings: {merge.name} <- {', '.join(merge.variants)}")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    changes = report.written
    print(
        f"{len(report.articles)} articles from {len(report.seeds)} seeds in {seconds:.2f}s: "
        f"{len(changes.written)} pages written, {len(changes.unchanged)} unchanged, {len(changes.removed)} removed"
    )
