"""How Corpus Browser does on dumps in other languages, scored against hand-checked gold files.

    python benchmarks/languages.py DIR [--only NAME] [--no-site] [--write]

For every `NAME.gold.yml` in DIR beside its dump (the format of
`benchmarks/accuracy.py`, plus `language:` and `search_probes:`, ten
`{word, title}` pairs), the dump is built alone and reported:

- split recall and precision, and dates read (correct over paired gold
  articles that have one), scored by `accuracy.py`'s own functions;
- search: for each probe word, whether the command line's search
  (`build_docs.py search WORD`) puts the probe's article in its top 3;
- themes: whether every discovered theme's name is made of whole words of
  the corpus (each word of the name, as `text.tokens` reads it in the
  corpus's language, is a word of some article);
- the language declared: the site's and the most common article language
  found, then, from a real `mkdocs build` with Material and the plugin (Pagefind
  indexing the articles), `<html lang>` of the home page, the Atom feed's
  `xml:lang`, and the languages of Pagefind's index (skipped with `--no-site`).

`--write` puts the table into BENCHMARKS.md between the `languages:begin/end` markers.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import PageSeen, find_corpora, fold, load_gold, match_quality, score  # noqa: E402

from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.lang.text import tokens  # noqa: E402
from corpus_browser.pipeline.build import gather  # noqa: E402
from corpus_browser.site.search import search  # noqa: E402

BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- languages:begin -->", "<!-- languages:end -->"
#: A probe is found when its article is among this many first results.
TOP = 3
MKDOCS_YML = """site_name: {name}
theme:
  name: material
  font: false
plugins:
  - corpus-browser:
      search: pagefind
"""


@dataclass
class LanguageScore:
    name: str
    language: str
    recall: str
    precision: str
    dates: str
    probes: int
    probes_found: int
    themes: int
    whole_word_themes: int
    site_language: str
    article_languages: str
    html: str = "–"
    feed: str = "–"
    pagefind: str = "–"
    not_whole: tuple[str, ...] = ()
    probes_missed: tuple[str, ...] = ()
    seconds: float = 0.0


def measure(dump: Path, gold_path: Path, site: bool) -> LanguageScore:
    gold_data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    name = gold_path.name.removesuffix(".gold.yml")
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        seeds = project / "seeds"
        seeds.mkdir()
        shutil.copy(dump, seeds / dump.name)
        config = BuildConfig(seeds_dir=seeds, docs_dir=project / "docs", themes_file=project / "none.yml")
        started = time.perf_counter()
        corpus = gather(config)
        seconds = time.perf_counter() - started
        declared = _built_site(project, name) if site else {}
    pages = [PageSeen(item.article.title, item.article.description, item.article.first_line,
                      item.article.last_line, item.article.authors, item.article.date) for item in corpus.articles]
    split = score(name, load_gold(gold_path), pages)
    found, missed = _probes(corpus, gold_data.get("search_probes") or [])
    whole, not_whole = _whole_word_themes(corpus)
    languages = Counter(item.article.language or "?" for item in corpus.articles)
    return LanguageScore(
        name, str(gold_data.get("language", "?")),
        f"{split.recall:.2f} ({split.paired_gold}/{split.gold})",
        f"{split.precision:.2f} ({split.paired_pages}/{split.pages})",
        f"{split.dates_right}/{split.dates_total}" if split.dates_total else "–",
        len(gold_data.get("search_probes") or []), found,
        len({theme for item in corpus.articles for theme in item.article.tags}), whole, corpus.site.language,
        ", ".join(f"{language} {count}" for language, count in languages.most_common(3)),
        *(declared.get(key, "–") for key in ("html", "feed", "pagefind")),
        not_whole=not_whole, probes_missed=missed, seconds=seconds)


def _probes(corpus, probes: Sequence[dict]) -> tuple[int, tuple[str, ...]]:
    """How many probe words find their article in the first `TOP` results of the CLI's search."""
    found, missed = 0, []
    for probe in probes:
        hits = search(corpus.articles, str(probe["word"]))[:TOP]
        wanted = fold(str(probe["title"]))
        if any(match_quality(wanted, fold(hit.item.article.title)) for hit in hits):
            found += 1
        else:
            missed.append(f"{probe['word']} -> {probe['title']}")
    return found, tuple(missed)


def _whole_word_themes(corpus) -> tuple[int, tuple[str, ...]]:
    """How many of the site's themes are named with words of the corpus, and the others."""
    vocabulary: set[str] = set()
    for item in corpus.articles:
        vocabulary.update(tokens(f"{item.article.title}\n{item.article.body_text}", item.article.language))
    language = corpus.site.language
    names = sorted({theme for item in corpus.articles for theme in item.article.tags})
    wrong = tuple(name for name in names if not tokens(name, language)
                  or any(word not in vocabulary for word in tokens(name, language)))
    return len(names) - len(wrong), wrong


def _built_site(project: Path, name: str) -> dict[str, str]:
    """The languages a real `mkdocs build` declares: the home page's `<html lang>`, the feed's, Pagefind's."""
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(name=name), encoding="utf-8")
    (project / "docs").mkdir(exist_ok=True)
    (project / "corpus_browser").symlink_to(ROOT / "corpus_browser", target_is_directory=True)  # this code, not an installed copy
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"html": f"build failed: {done.stderr.strip()[-200:]}"}
    site = project / "site"
    html = re.search(r'<html lang="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    feed = re.search(r'xml:lang="([^"]*)"', (site / "feed.xml").read_text(encoding="utf-8"))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexes = entry.get("languages", {})
    return {"html": html[1] if html else "none", "feed": feed[1] if feed else "none",
            "pagefind": ", ".join(f"{language} {info.get('page_count', '?')}"
                                  for language, info in sorted(indexes.items()))}


def table(scores: Sequence[LanguageScore]) -> str:
    rows = ["| corpus | gold language | recall | precision | dates read | search top 3 | themes of whole words | "
            "site / articles | `<html lang>` | feed | Pagefind |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |"]
    for s in scores:
        rows.append(f"| {s.name} | {s.language} | {s.recall} | {s.precision} | {s.dates} | "
                    f"{s.probes_found}/{s.probes} | {s.whole_word_themes}/{s.themes} | "
                    f"{s.site_language} / {s.article_languages} | {s.html} | {s.feed} | {s.pagefind} |")
    found, probes = sum(s.probes_found for s in scores), sum(s.probes for s in scores)
    whole, themes = sum(s.whole_word_themes for s in scores), sum(s.themes for s in scores)
    rows.append(f"| **all** | | | | | **{found}/{probes}** ({found / max(probes, 1):.2f}) | "
                f"**{whole}/{themes}** | | | | |")
    return "\n".join(rows)


def write_benchmarks(text: str) -> None:
    current = BENCHMARKS.read_text(encoding="utf-8")
    if BEGIN in current:
        head, _, rest = current.partition(BEGIN)
        _, _, tail = rest.partition(END)
        BENCHMARKS.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")
    else:
        BENCHMARKS.write_text(f"{current.rstrip()}\n\n## Other languages\n\n{BEGIN}\n{text}\n{END}\n",
                              encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of NAME.gold.yml files (with language and search_probes)")
    parser.add_argument("--only", help="only the corpus whose name contains this")
    parser.add_argument("--no-site", action="store_true", help="skip the mkdocs build (html, feed, Pagefind)")
    parser.add_argument("--details", action="store_true", help="list missed probes and themes not of whole words")
    parser.add_argument("--write", action="store_true", help="put the table into BENCHMARKS.md")
    args = parser.parse_args(argv)
    scores = []
    for dump, gold_path in find_corpora(args.folder):
        if args.only and args.only not in dump.name:
            continue
        result = measure(dump, gold_path, not args.no_site)
        scores.append(result)
        if args.details:
            print(f"== {result.name} ({result.seconds:.2f} s)")
            for item in result.probes_missed:
                print(f"  probe missed: {item}")
            for item in result.not_whole:
                print(f"  theme not of whole words: {item}")
    output = table(scores)
    print(output)
    if args.write:
        write_benchmarks(f"Measured on {time.strftime('%Y-%m-%d')} by `python benchmarks/languages.py "
                         f"{args.folder}`.\n\n{output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
