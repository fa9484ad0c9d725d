"""How well the splitter finds articles in real dumps, scored against hand-checked gold files.

    python benchmarks/accuracy.py [DIR] [--only NAME] [--details] [--write]

For every `NAME.gold.yml` in DIR (default `../shared/corpora`) beside its dump
`NAME.<suffix>`, the dump is built alone, as `python build_docs.py --seeds`
would build a folder holding only that file, and its articles are compared
with the gold file:

- title recall: gold articles paired with a page, over gold articles;
- precision: pages paired with a gold article, over pages (pages paired with an
  `optional` gold entry count on neither side, unless they swallow a gold
  title line; a page inside a `not_articles` range is false);
- authors and dates: correct over paired articles whose gold names them;
- lines lost: non-blank lines of the dump that no article accounts for as
  prose, metadata or boilerplate (must be 0);
- seconds to split, extract and index the dump.

Titles are folded before matching (case, quotes, Markdown escapes and
emphasis, heading marks, a leading enumeration, list tags such as `[list]`,
`Re:` or `(fwd)`, trailing punctuation). A gold title matches a page's title
or description when the folded texts are equal, when difflib's ratio is at
least 0.9, or when one starts with the other at a word boundary and the
shorter has at least 8 characters. Pairs are made one to one, best match
first, then nearest line.

A user can annotate a sample of their own dump in the same format (see
`../shared/corpora/README.md`) and measure the splitter on it. `--write`
puts the table into BENCHMARKS.md between the `accuracy:begin/end` markers.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.lang.text import clean  # noqa: E402
from corpus_browser.pipeline.build import gather  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "corpora"
BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"

#: Shortest folded title that may match another as a prefix.
PREFIX_MIN_CHARS = 8
#: Least difflib ratio for two folded titles to match.
MIN_RATIO = 0.9
#: Honorifics and degrees, ignored when comparing author names.
NAME_NOISE = frozenset(
    "mr mrs ms miss dr rev hon prof sir lady lord gen col capt maj lieut esq jr sr "
    "am ma ab ba bs md phd lld dd llb frs".split()
)

_QUOTES = "\"'“”‘’«»„`"
_LIST_TAG = re.compile(r"^(?:\s*(?:\[[^\]]{1,40}\]|re\s*:|fwd?\s*:|\(fwd\)))+\s*", re.IGNORECASE)
_TRAILING_TAG = re.compile(r"\s*\(fwd\)\s*$", re.IGNORECASE)
_ENUMERATION = re.compile(
    r"^(?:(?:no|number|chapter|part|essay|book|section)\.?\s+)?"
    r"(?:[ivxlcdm]+|\d+(?:\.\d+)+(?=[.)]\s)|\d+(?![.,]\d)|[a-z])(?:\s*[.):]|\s*[-—–]+)\s*[-—–]*\s*(?=\w)",
    # (`7.1. How …` is numbered; `15.2.0`, `2.0` are versions)
    re.IGNORECASE,
)
_MARKUP = re.compile(r"\\(.)|[*_#]+")


def fold(title: str) -> str:
    """A title reduced to what a reader would compare (see the module docstring)."""
    text = unicodedata.normalize("NFKC", title).strip()
    text = _MARKUP.sub(lambda m: m[1] or "", text)
    text = _LIST_TAG.sub("", text)
    text = _TRAILING_TAG.sub("", text)
    text = _ENUMERATION.sub("", text, count=1)
    text = "".join(ch for ch in text if ch not in _QUOTES)
    text = " ".join(text.casefold().split())
    return text.rstrip(" .,;:!?—–-")


def match_quality(gold: str, page: str) -> float:
    """How well two folded titles match: 2 when equal, 1 + ratio when similar,
    1 for a word-boundary prefix, 0 for no match."""
    if not gold or not page:
        return 0.0
    if gold == page:
        return 2.0
    ratio = difflib.SequenceMatcher(None, gold, page).ratio()
    if ratio >= MIN_RATIO:
        return 1.0 + ratio
    short, long = sorted((gold, page), key=len)
    if len(short) >= PREFIX_MIN_CHARS and long.startswith(short) and not long[len(short)].isalnum():
        return 1.0
    return 0.0


@dataclass(frozen=True)
class GoldArticle:
    line: int
    title: str
    authors: tuple[str, ...] | None = None
    date: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Gold:
    articles: tuple[GoldArticle, ...]
    not_articles: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class PageSeen:
    """What the scorer reads of one built article."""

    title: str
    description: str
    first: int
    last: int
    authors: tuple[str, ...]
    date: str | None


@dataclass
class Score:
    name: str
    gold: int = 0
    pages: int = 0
    paired_gold: int = 0
    paired_pages: int = 0
    authors_right: int = 0
    authors_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    lines_lost: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    false_pages: list[str] = field(default_factory=list)
    wrong_metadata: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.paired_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.paired_pages / self.pages if self.pages else 1.0


def load_gold(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    articles = [_gold_article(entry, False) for entry in data.get("articles") or []]
    articles += [_gold_article(entry, True) for entry in data.get("optional") or []]
    ranges = tuple((entry["lines"][0], entry["lines"][1]) for entry in data.get("not_articles") or [])
    return Gold(tuple(articles), ranges)


def _gold_article(entry: dict, optional: bool) -> GoldArticle:
    authors = entry.get("authors")
    return GoldArticle(int(entry["line"]), str(entry["title"]),
                       tuple(authors) if authors is not None else None,
                       str(entry["date"]) if entry.get("date") else None, optional)


def score(name: str, gold: Gold, pages: Sequence[PageSeen]) -> Score:
    """Pair gold articles with pages and count (see the module docstring)."""
    result = Score(name)
    inside_not_articles = [any(a <= page.first and page.last <= b for a, b in gold.not_articles) for page in pages]
    candidates = []
    for g, entry in enumerate(gold.articles):
        wanted = fold(entry.title)
        for p, page in enumerate(pages):
            if inside_not_articles[p]:
                continue
            quality = max(match_quality(wanted, fold(page.title)), match_quality(wanted, fold(page.description)))
            if quality:
                candidates.append((-quality, abs(page.first - entry.line), g, p))
    pair_of_gold: dict[int, int] = {}
    pair_of_page: dict[int, int] = {}
    for _quality, _distance, g, p in sorted(candidates):
        if g not in pair_of_gold and p not in pair_of_page:
            pair_of_gold[g], pair_of_page[p] = p, g
    required_lines = [entry.line for entry in gold.articles if not entry.optional]
    for p, page in enumerate(pages):
        g = pair_of_page.get(p)
        if g is not None and gold.articles[g].optional:
            swallows = any(page.first <= line <= page.last and line != gold.articles[g].line
                           for line in required_lines)
            if not swallows:
                continue
            g = None
        result.pages += 1
        if g is not None:
            result.paired_pages += 1
        else:
            result.false_pages.append(f"{page.first}-{page.last}: {page.title[:70]}")
    for g, entry in enumerate(gold.articles):
        if entry.optional:
            continue
        result.gold += 1
        p = pair_of_gold.get(g)
        if p is None:
            result.misses.append(f"{entry.line}: {entry.title[:70]}")
            continue
        result.paired_gold += 1
        page = pages[p]
        if entry.authors is not None:
            result.authors_total += 1
            if same_people(entry.authors, page.authors):
                result.authors_right += 1
            else:
                result.wrong_metadata.append(f"{entry.line}: authors {list(page.authors)} != {list(entry.authors)}")
        if entry.date is not None:
            result.dates_total += 1
            if (page.date or "").startswith(entry.date):
                result.dates_right += 1
            else:
                result.wrong_metadata.append(f"{entry.line}: date {page.date} != {entry.date}")
    return result


def same_people(gold: Sequence[str], found: Sequence[str]) -> bool:
    """The same people, no more and no fewer, honorifics and degrees aside; a
    first name may be given as an initial."""
    if len(gold) != len(found):
        return False
    remaining = [_name_parts(name) for name in found]
    for name in gold:
        parts = _name_parts(name)
        match = next((other for other in remaining if _same_person(parts, other)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _name_parts(name: str) -> list[str]:
    """A name's words, case folded, without honorifics and without what follows a comma (degrees)."""
    name = unicodedata.normalize("NFKC", name).split(",")[0]
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?\.?", name)
    return [w.rstrip(".").casefold() for w in words if w.rstrip(".").casefold().replace(".", "") not in NAME_NOISE]


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return len(a) == len(b)
    middle_a, middle_b = a[1:-1], b[1:-1]
    if not middle_a or not middle_b:  # a written-out middle name tells people apart; an initial may be left out
        middles = all(len(word) == 1 for word in middle_a + middle_b)
    else:
        middles = len(middle_a) == len(middle_b) and all(map(_same_given_name, middle_a, middle_b))
    return middles and _same_given_name(a[0], b[0])


def _same_given_name(a: str, b: str) -> bool:
    """The same word, or one is the other's initial."""
    return a == b or (min(len(a), len(b)) == 1 and a[0] == b[0])


def non_blank_lines(path: Path) -> int:
    """Lines with text on them (a line of only control characters holds none)."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return sum(1 for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if clean(line))


def measure(dump: Path, gold_path: Path) -> Score:
    """Build `dump` alone and score its articles against `gold_path`."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        shutil.copy(dump, seeds / dump.name)
        config = BuildConfig(seeds_dir=seeds, docs_dir=Path(folder) / "docs", themes_file=Path(folder) / "none.yml")
        started = time.perf_counter()
        corpus = gather(config)
        seconds = time.perf_counter() - started
    pages = [PageSeen(item.article.title, item.article.description, item.article.first_line,
                      item.article.last_line, item.article.authors, item.article.date)
             for item in corpus.articles]
    result = score(gold_path.name.removesuffix(".gold.yml"), load_gold(gold_path), pages)
    accounted = sum(summary.tally.prose + summary.tally.metadata + summary.tally.boilerplate
                    for summary in corpus.seeds)
    result.lines_lost = non_blank_lines(dump) - accounted
    result.seconds = seconds
    return result


def find_corpora(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.yml")):
        stem = gold_path.name.removesuffix(".gold.yml")
        dumps = [p for p in sorted(folder.iterdir()) if p.name.startswith(stem + ".") and p != gold_path]
        if len(dumps) == 1:
            pairs.append((dumps[0], gold_path))
    return pairs


def table(scores: Sequence[Score]) -> str:
    rows = ["| corpus | recall | precision | authors | dates | lines lost | pages | seconds |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in scores:
        rows.append(f"| {s.name} | {s.recall:.2f} ({s.paired_gold}/{s.gold}) | "
                    f"{s.precision:.2f} ({s.paired_pages}/{s.pages}) | {_ratio(s.authors_right, s.authors_total)} | "
                    f"{_ratio(s.dates_right, s.dates_total)} | {s.lines_lost} | {s.pages} | {s.seconds:.2f} |")
    gold = sum(s.gold for s in scores)
    paired = sum(s.paired_gold for s in scores)
    pages = sum(s.pages for s in scores)
    paired_pages = sum(s.paired_pages for s in scores)
    rows.append(f"| **all** | **{paired / max(gold, 1):.2f}** ({paired}/{gold}) | "
                f"**{paired_pages / max(pages, 1):.2f}** ({paired_pages}/{pages}) | "
                f"{_ratio(sum(s.authors_right for s in scores), sum(s.authors_total for s in scores))} | "
                f"{_ratio(sum(s.dates_right for s in scores), sum(s.dates_total for s in scores))} | "
                f"{sum(s.lines_lost for s in scores)} | {pages} | {sum(s.seconds for s in scores):.2f} |")
    return "\n".join(rows)


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "–"


def as_it_came(path: Path) -> dict[str, tuple[str, str]]:
    """Recall and precision by corpus, from a table this script printed earlier
    (for the code before any change made for those corpora)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.match(r"\*{0,2}\d\.\d\d", cells[1]):
            found[cells[0].strip("*")] = (cells[1].replace("*", ""), cells[2].replace("*", ""))
    return found


def compared(scores: Sequence[Score], before: dict[str, tuple[str, str]]) -> str:
    """The table with each corpus's recall and precision as it came beside today's."""
    rows = ["| corpus | recall: as it came → now | precision: as it came → now | authors | dates | pages |",
            "| --- | --- | --- | ---: | ---: | ---: |"]
    for s, line in zip(scores, table(scores).splitlines()[2:]):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        was = before.get(s.name, ("–", "–"))
        rows.append(f"| {s.name} | {was[0]} → {cells[1]} | {was[1]} → {cells[2]} | {cells[3]} | {cells[4]} | "
                    f"{cells[6]} |")
    total = [cell.strip() for cell in table(scores).splitlines()[-1].strip().strip("|").split("|")]
    was = before.get("all", ("–", "–"))
    rows.append(f"| **all** | {was[0]} → {total[1]} | {was[1]} → {total[2]} | {total[3]} | {total[4]} | {total[6]} |")
    return "\n".join(rows)


def write_benchmarks(text: str, section: str = "accuracy") -> None:
    """The text between the `<!-- SECTION:begin -->` and `:end` markers of BENCHMARKS.md."""
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    current = BENCHMARKS.read_text(encoding="utf-8")
    if begin in current:
        head, _, rest = current.partition(begin)
        _, _, tail = rest.partition(end)
        BENCHMARKS.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")
    else:
        BENCHMARKS.write_text(f"{current.rstrip()}\n\n## Splitting accuracy\n\n{begin}\n{text}\n{end}\n",
                              encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR,
                        help="folder of NAME.gold.yml files beside their dumps (default: ../shared/corpora)")
    parser.add_argument("--only", help="score only the corpus whose name contains this")
    parser.add_argument("--details", action="store_true", help="list misses, false pages and wrong metadata")
    parser.add_argument("--write", nargs="?", const="accuracy", metavar="SECTION",
                        help="put the table into BENCHMARKS.md, between the SECTION:begin/end markers "
                             "(default: accuracy)")
    parser.add_argument("--as-it-came", type=Path, metavar="TABLE",
                        help="a table this script printed for the code before any change made for these "
                             "corpora: show its recall and precision beside today's")
    args = parser.parse_args(argv)
    scores = []
    for dump, gold_path in find_corpora(args.folder):
        if args.only and args.only not in dump.name:
            continue
        result = measure(dump, gold_path)
        scores.append(result)
        if args.details:
            print(f"== {result.name}")
            for label, items in (("missed", result.misses), ("false page", result.false_pages),
                                 ("metadata", result.wrong_metadata)):
                for item in items:
                    print(f"  {label}: {item}")
    output = compared(scores, as_it_came(args.as_it_came)) if args.as_it_came else table(scores)
    print(output)
    if args.write:
        command = "python benchmarks/accuracy.py" + (f" {args.folder.name}/" if args.folder != DEFAULT_DIR else "")
        write_benchmarks(f"Measured on {time.strftime('%Y-%m-%d')} by `{command}`.\n\n{output}", args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
