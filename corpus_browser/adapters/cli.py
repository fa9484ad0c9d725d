"""Command line: build the pages, or search the corpus.

    python build_docs.py [--seeds DIR] [--docs DIR] [--themes FILE] [--report FILE] [--config-file FILE]
                         [--follow-symlinks] [--strict] [--force] [--refit]
    python build_docs.py search QUERY [--author NAME] [--theme NAME] [--json]
    python build_docs.py explain SEED [--seeds DIR]
    python build_docs.py themes [--propose]
    python build_docs.py pagefind SITE_DIR
    corpus-browser new FOLDER [DUMP...]

The CLI only adapts arguments, prints, and maps problems to exit codes: 0 when
all went well, 1 when a file could not be used (or, with `--strict`, when
anything was skipped), 2 for wrong arguments.

A build first checks whether anything changed since the last one; only when
something did does it import the pipeline's stages, so a no-change re-run of a
large corpus returns in well under a second.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from corpus_browser.adapters.options import build_config, read_project, with_flags
from corpus_browser.config import BuildConfig
from corpus_browser.errors import ConfigError, CorpusError
from corpus_browser.model import LineTally
from corpus_browser.store.freshness import input_digest, is_up_to_date

if TYPE_CHECKING:
    from corpus_browser.model import BuildReport, Corpus, SeedSummary
    from corpus_browser.site.search import Hit

BUILD_EXAMPLES = """\
examples:
  python build_docs.py                      build docs/ from seeds/
  python build_docs.py --seeds dumps --docs site-src
  python build_docs.py --strict             fail on skipped files too
  python build_docs.py --refit              fit the themes and word statistics to the corpus again
  python build_docs.py search "shep hykin"  search the corpus (see: search --help)
  python build_docs.py explain blog.txt     how a seed is split (see: explain --help)
  python build_docs.py themes --propose > themes.yml
                                            write the corpus's own themes as a taxonomy (see: themes --help)
  python build_docs.py pagefind site        index the articles for search into site/pagefind (see: pagefind --help)
  corpus-browser new my-archive dump.txt    a new site folder for your own dump (see: new --help)
"""
SEARCH_EXAMPLES = """\
examples:
  python build_docs.py search "customer journey"
  python build_docs.py search hyken                     typos are fine: "hykin" works too
  python build_docs.py search trust --theme Ethics
  python build_docs.py search --author "Greg Satell" --json
"""

NEW_EXAMPLES = """\
examples:
  corpus-browser new my-archive blog-export.txt          a site folder with one dump as its seed
  corpus-browser new letters ~/dumps/letters/ notes.md   a folder's files and a file
  cd my-archive && mkdocs serve                          then browse it at http://127.0.0.1:8000
"""

THEMES_EXAMPLES = """\
examples:
  python build_docs.py themes                          the themes in use, the taxonomy's fit, the discovered themes
  python build_docs.py themes --propose > themes.yml   the discovered themes as a taxonomy to edit
  python build_docs.py themes --seeds dumps --themes my-themes.yml
"""


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, help="folder of seed files (default: the plugin's seeds_dir in "
                                                   "mkdocs.yml, else seeds)")
    parser.add_argument("--themes", type=Path, help="theme taxonomy (default: the plugin's themes_file, else themes.yml)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's MkDocs configuration, whose corpus-browser options and site settings "
                             "the build reads when it exists (default: mkdocs.yml)")


def _parser(prog: str, description: str, examples: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=prog, description=description, epilog=examples,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    parser = _parser("build_docs.py", "Split the seed documents into article pages for the MkDocs site.",
                     BUILD_EXAMPLES)
    _add_corpus_options(parser)
    parser.add_argument("--docs", type=Path, help="folder to write pages into (default: docs_dir in mkdocs.yml, "
                                                  "else docs)")
    parser.add_argument("--report", type=Path, help="editor's report: theme evidence, merges, set-aside lines "
                                                    "(default: the plugin's report_file, else corpus-report.md)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (skipped files) as errors")
    parser.add_argument("--force", action="store_true",
                        help="rebuild everything, even when no seed, sidecar, taxonomy or setting changed since the "
                             "last build, without reading what it kept (its cache and its pages; the corpus-wide "
                             "models are fitted again)")
    parser.add_argument("--refit", action="store_true",
                        help="fit the corpus-wide models (word statistics, discovered themes, the taxonomy's "
                             "spellings) to the corpus again, however little it drifted since their last fit")
    parser.add_argument("--follow-symlinks", action="store_true", default=None,
                        help="publish seeds that are links to files outside the seeds folder (else skipped)")
    return parser


def search_parser() -> argparse.ArgumentParser:
    parser = _parser("build_docs.py search", "Search the corpus by words, author and theme; typos are forgiven.",
                     SEARCH_EXAMPLES)
    parser.add_argument("query", nargs="?", default="", help="words to look for in authors, titles, themes and text")
    parser.add_argument("--author", help="only articles by this author")
    parser.add_argument("--theme", help="only articles on this theme")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--limit", type=int, default=20, help="show at most this many results (default: 20)")
    _add_corpus_options(parser)
    return parser


EXPLAIN_EXAMPLES = """\
examples:
  python build_docs.py explain 001_2414a7c2c050991c.txt
  python build_docs.py explain newsletter.md --seeds dumps
"""


def explain_parser() -> argparse.ArgumentParser:
    parser = _parser("build_docs.py explain",
                     "Show how a seed is split: its format, the headings found and the level taken for articles, "
                     "what its article headers hold, its front and back matter, and why each article starts "
                     "where it does. Line numbers are the seed's own, as a sidecar takes them.", EXPLAIN_EXAMPLES)
    parser.add_argument("seed", help="the seed's file name in the seeds folder")
    _add_corpus_options(parser)
    return parser


def themes_parser() -> argparse.ArgumentParser:
    parser = _parser("build_docs.py themes",
                     "Show the corpus's themes: those in use, how well the taxonomy fits, and those discovered "
                     "in the corpus itself; or propose a taxonomy made of the discovered ones.", THEMES_EXAMPLES)
    parser.add_argument("--propose", action="store_true",
                        help="print the discovered themes as a ready-to-edit themes.yml (the taxonomy file is not read)")
    _add_corpus_options(parser)
    return parser


PAGEFIND_EXAMPLES = """\
examples:
  python build_docs.py && properdocs build && python build_docs.py pagefind site
                            build the pages, render them with any renderer that reads docs/, index them
"""


def pagefind_parser() -> argparse.ArgumentParser:
    parser = _parser("build_docs.py pagefind",
                     "Index the articles for search with Pagefind, into SITE_DIR/pagefind, from the search records "
                     "the last build wrote (docs/.corpus-search.json): what the plugin does after a hosted "
                     "`mkdocs build`, for a site rendered without it. Pages must have .html addresses.",
                     PAGEFIND_EXAMPLES)
    parser.add_argument("site", type=Path, help="the rendered site's folder")
    parser.add_argument("--docs", type=Path, help="the docs folder the build wrote (default: docs_dir in "
                                                  "mkdocs.yml, else docs)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's MkDocs configuration (default: mkdocs.yml)")
    return parser


def new_parser() -> argparse.ArgumentParser:
    parser = _parser("corpus-browser new",
                     "Make a ready site folder for your own dump: mkdocs.yml with the corpus-browser plugin, seeds/ "
                     "holding a copy of each dump, an empty docs/, .gitignore and a GitHub Pages workflow.",
                     NEW_EXAMPLES)
    parser.add_argument("folder", type=Path, help="the site folder to make (must not exist, or be empty)")
    parser.add_argument("dumps", type=Path, nargs="*", help="files or folders to copy into its seeds/")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if argv[:1] == ["search"]:
            return run_search(search_parser().parse_args(argv[1:]))
        if argv[:1] == ["explain"]:
            return run_explain(explain_parser().parse_args(argv[1:]))
        if argv[:1] == ["themes"]:
            return run_themes(themes_parser().parse_args(argv[1:]))
        if argv[:1] == ["new"]:
            return run_new(new_parser().parse_args(argv[1:]))
        if argv[:1] == ["pagefind"]:
            return run_pagefind(pagefind_parser().parse_args(argv[1:]))
        return run_build(build_parser().parse_args(argv))
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def project_config(args: argparse.Namespace) -> BuildConfig:
    """The build's configuration: mkdocs.yml's (the plugin's options and the site's
    settings, as `mkdocs build` reads them), with the flags given on the command line."""
    project = read_project(args.config_file)
    config = with_flags(build_config(project.options, project.site, shown=_shown), seeds_dir=args.seeds,
                        themes_file=args.themes,
                        docs_dir=getattr(args, "docs", None), report_file=getattr(args, "report", None),
                        follow_symlinks=getattr(args, "follow_symlinks", None))
    config.check_places({"site_dir": Path(project.site.site_dir)} if args.config_file.is_file() else {})
    return config


def _shown(path: str) -> Path:
    """A path from mkdocs.yml as messages show it: relative to the current folder when inside it."""
    absolute = Path(path)
    return absolute.relative_to(Path.cwd()) if absolute.is_relative_to(Path.cwd()) else absolute


def run_build(args: argparse.Namespace) -> int:
    config = replace(project_config(args), strict=args.strict)
    started = time.perf_counter()
    inputs = input_digest(config)
    if not (args.force or args.refit) and is_up_to_date(config, inputs):
        print(f"up to date: nothing changed since the last build of {config.docs_dir} "
              f"({time.perf_counter() - started:.2f}s; --force rebuilds anyway)")
        return 0
    from corpus_browser.adapters.progress import stage_progress
    from corpus_browser.pipeline.build import STAGES, build
    from corpus_browser.store.write import HAND_EDIT_OVERWRITTEN

    with stage_progress(STAGES) as on_stage:
        report = build(config, inputs, on_stage, refit=args.refit, fresh=args.force)
    for path in report.written.overwritten:
        print(f"warning: {config.docs_dir / path}: {HAND_EDIT_OVERWRITTEN}", file=sys.stderr)
    print_build_report(report, time.perf_counter() - started, config.themes_file)
    print(f"report: {config.report_file}")
    corpus = report.corpus
    return 1 if corpus.errors or (config.strict and (corpus.warnings or corpus.doubts)) else 0


#: With more seeds than this, the summary gives totals instead of a row per seed.
SEED_TABLE_MAX_ROWS = 30


def print_build_report(report: BuildReport, seconds: float, themes_file: Path) -> None:
    from corpus_browser.enrich.discover import poor_fit_notice

    corpus = report.corpus
    seeds = corpus.seeds
    _print_seed_table(seeds)
    themes = corpus.theme_counts()
    if themes:
        print("themes: " + ", ".join(f"{name} {count}" for name, count in themes))
    notice = poor_fit_notice(corpus.themes, str(themes_file))
    if notice:
        print(f"themes: {notice}")
    authors = corpus.author_counts()
    print(f"authors: {len(authors)}" + "".join(f"; {name} {count}" for name, count in authors[:8])
          + ("; …" if len(authors) > 8 else ""))
    for merge in corpus.merges:
        print(f"merged author spellings: {merge.name} <- {', '.join(merge.variants)}")
    _print_problems(corpus)
    if corpus.refit:
        print(f"models: {corpus.refit}")
    changes = report.written
    print(
        f"{len(corpus.articles)} articles from {len(seeds)} seeds in {seconds:.2f}s: "
        f"{len(changes.written)} pages written, {len(changes.unchanged)} unchanged, {len(changes.removed)} removed"
    )


def _print_seed_table(seeds: Sequence[SeedSummary]) -> None:
    """How each seed's lines were used: a row per seed, or only the totals when
    there are too many seeds to read (the report lists each seed's set-aside lines)."""
    rows = [(seed.source, seed.articles, seed.tally) for seed in seeds]
    if len(rows) > SEED_TABLE_MAX_ROWS:
        rows = [(f"all {len(rows)} seeds", sum(seed.articles for seed in seeds),
                 sum((seed.tally for seed in seeds), LineTally()))]
    width = max((len(source) for source, _articles, _tally in rows), default=5)
    print(f"{'seed':<{width}}  articles  prose  metadata  boilerplate")
    for source, articles, tally in rows:
        print(f"{source:<{width}}  {articles:>8}  {tally.prose:>5}  {tally.metadata:>8}  {tally.boilerplate:>11}")


def run_pagefind(args: argparse.Namespace) -> int:
    from corpus_browser.adapters.pagefind import write_search_index
    from corpus_browser.site.render import SEARCH_RECORDS

    project = read_project(args.config_file)
    docs = args.docs or _shown(project.site.docs_dir)
    if not args.site.is_dir():
        raise ConfigError(str(args.site), "no such folder: render the site first")
    count = write_search_index(docs / SEARCH_RECORDS, args.site, project.options.search_shard_size)
    print(f"{count} articles indexed for search with Pagefind into {args.site / 'pagefind'}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    from corpus_browser.adapters.new import new_site

    copied = new_site(args.folder, args.dumps)
    print(f"made {args.folder}: mkdocs.yml, seeds/ ({len(copied)} dump{'' if len(copied) == 1 else 's'} copied), "
          "docs/, .gitignore, requirements.txt, .github/workflows/deploy.yml")
    print(f"next: cd {args.folder} && mkdocs serve")
    return 0


def run_explain(args: argparse.Namespace) -> int:
    from corpus_browser.pipeline.build import explain

    print(explain(project_config(args), args.seed), end="")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from corpus_browser.pipeline.build import gather
    from corpus_browser.site.search import search

    corpus = gather(project_config(args))
    _print_problems(corpus)
    hits = search(corpus.articles, args.query, author=args.author, theme=args.theme)[: max(args.limit, 0)]
    if args.json:
        print(json.dumps([_hit_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print("no articles found")
    for rank, hit in enumerate(hits if not args.json else [], start=1):
        article = hit.item.article
        print(f"{rank:>2}. {article.title}")
        print(f"    by {', '.join(article.authors) or 'unknown'} · themes: {', '.join(article.tags) or 'none'}")
        print(f"    docs/{hit.item.path}")
    return 1 if corpus.errors else 0


def run_themes(args: argparse.Namespace) -> int:
    from corpus_browser.enrich.discover import poor_fit_notice
    from corpus_browser.model import Taxonomy
    from corpus_browser.pipeline.build import gather
    from corpus_browser.site.report import propose_taxonomy

    config = project_config(args)
    if args.propose:
        # Discovery needs no taxonomy, and `themes --propose > themes.yml` empties that file before we run.
        corpus = gather(config, taxonomy=Taxonomy(auto=True))
        _print_problems(corpus)
        print(propose_taxonomy([item.article for item in corpus.articles], corpus.themes.discovery), end="")
        return 1 if corpus.errors else 0
    corpus = gather(config)
    _print_problems(corpus)
    choice = corpus.themes
    source = ("discovered in the corpus" if choice.discovered else f"from {config.themes_file}")
    counts = corpus.theme_counts()
    print(f"themes in use ({source}): " + (", ".join(f"{name} {count}" for name, count in counts) or "none"))
    if choice.fit is not None:
        fit = choice.fit
        print(f"fit of {config.themes_file}: coverage {fit.coverage:.0%}, evenness {fit.evenness:.2f}, "
              f"separation {fit.separation:.2f} (discovered themes: {fit.discovered:.2f}): "
              + ("poor" if fit.poor else "good"))
        notice = poor_fit_notice(choice, str(config.themes_file))
        if notice:
            print(notice)
    print(f"discovered themes: {len(choice.discovery.themes)}")
    for theme in choice.discovery.themes:
        print(f"  {theme.name} ({len(theme.articles)}): {', '.join(theme.phrases)}")
    return 1 if corpus.errors else 0


def _hit_json(hit: Hit) -> dict[str, object]:
    article = hit.item.article
    return {"title": article.title, "authors": list(article.authors), "themes": list(article.tags),
            "date": article.date, "path": f"docs/{hit.item.path}", "source": article.source,
            "lines": [article.first_line, article.last_line], "score": round(hit.score, 2)}


def _print_problems(corpus: Corpus) -> None:
    for warning in (*corpus.warnings, *corpus.doubts):
        print(f"warning: {warning}", file=sys.stderr)
    for error in corpus.errors:
        print(f"error: {error}", file=sys.stderr)
