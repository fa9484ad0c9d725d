"""How well exports are read, scored against gold files made from the exports themselves.

    python benchmarks/exports.py [DIR] [--only NAME] [--details] [--write]

DIR (default `/work/data/exports`) holds a folder per format (`wxr`, `rss`,
`atom`, `jsonfeed`, `ghost`, `substack`, `medium`, `saved-pages`, `csv`,
`jsonl`), each with exports (a file or a folder) and a `NAME.gold.yml` beside
each one (see that folder's README: items numbered in file order or named by
file, with their kind, title, authors, date, tags, categories and counts). A
folder and a zip of the same name are two sources with one gold file. Each
source is built alone, as `python build_docs.py --seeds` builds a seeds folder
holding only it, and its articles are compared with the gold articles
(`GOLD_ARTICLE_KINDS`, not drafts):

- items found: gold articles paired with an article (by title, else by file,
  else the rest in order), over gold articles; extra: articles paired with none;
- titles, authors, dates, tags right, over the paired articles whose gold states
  them (tags: every gold tag and category among the article's source tags);
- words kept: per article, the share of the gold body's words (`\\w+` tokens)
  found in the article's text in the same order (difflib's matching blocks),
  averaged; and the share of the article's words that are those (what else the
  page holds lowers it). The gold body is read from the export here, by the
  rules of the gold files' `notes`, independently of the importers;
- links kept: links in the articles' Markdown over links the gold states, each
  article's capped at its gold count.

`--write` puts the table into BENCHMARKS.md between the `exports:begin/end` markers.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import difflib
import html
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup, Comment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.model import Article  # noqa: E402
from corpus_browser.pipeline.build import gather  # noqa: E402

DEFAULT_DIR = Path("/work/data/exports")
BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- exports:begin -->", "<!-- exports:end -->"
#: Gold items that are articles (unless drafts): posts of every platform's naming.
GOLD_ARTICLE_KINDS = {"post", "entry", "item", "article", "newsletter", "podcast", "thread", "response"}
#: Statuses of posts not published: scheduled, private, awaiting review (drafts are marked `draft`).
GOLD_UNPUBLISHED = {"future", "private", "pending"}
WORD = re.compile(r"\w+(?:['’]\w+)*")
LINK = re.compile(r"(?<![!\\])\[(?:[^\]\\]|\\.)*\]\((?:https?|mailto):")


@dataclass
class Score:
    name: str
    format: str
    gold: int = 0
    found: int = 0
    extra: int = 0
    titles: list[int] = field(default_factory=lambda: [0, 0])
    authors: list[int] = field(default_factory=lambda: [0, 0])
    dates: list[int] = field(default_factory=lambda: [0, 0])
    tags: list[int] = field(default_factory=lambda: [0, 0])
    words: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    links: list[int] = field(default_factory=lambda: [0, 0])
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def norm(text: object) -> str:
    """A title or name compared: without markup (WordPress titles are HTML), entities, case and punctuation."""
    return re.sub(r"\W+", "", html.unescape(re.sub(r"<[^>]*>", "", str(text or ""))).casefold())


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text or "")]


def html_text(html: str) -> str:
    soup = BeautifulSoup(html or "", "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    return soup.get_text(" ")


# --- gold bodies, read from the exports by the gold files' rules ------------------------------


def gold_bodies(fmt: str, source: Path, gold: dict) -> dict[str, str]:
    """Each gold item's body text, by its key (`n` or `file`)."""
    reader = {"wxr": _wxr_bodies, "rss": _feed_bodies, "atom": _feed_bodies, "jsonfeed": _jsonfeed_bodies,
              "jsonl": _jsonl_bodies, "ghost": _ghost_bodies, "substack": _substack_bodies,
              "medium": _medium_bodies, "csv": _csv_bodies, "saved-pages": _saved_bodies}[fmt]
    return reader(source, gold)


def _wxr_bodies(source: Path, gold: dict) -> dict[str, str]:
    from lxml import etree
    root = etree.fromstring(source.read_bytes(), etree.XMLParser(recover=True, resolve_entities=False))
    items = root.find("channel").findall("item")
    encoded = "{http://purl.org/rss/1.0/modules/content/}encoded"
    return {str(n): html_text(item.findtext(encoded) or "") for n, item in enumerate(items, 1)}


def _feed_bodies(source: Path, gold: dict) -> dict[str, str]:
    parsed = feedparser.parse(source.read_bytes(), sanitize_html=False, resolve_relative_uris=False)
    found = {}
    for n, entry in enumerate(parsed.entries, 1):
        body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        found[str(n)] = html_text(body)
    return found


def _jsonfeed_bodies(source: Path, gold: dict) -> dict[str, str]:
    items = json.loads(source.read_text(encoding="utf-8")).get("items", [])
    return {str(n): html_text(item["content_html"]) if item.get("content_html") is not None
            else item.get("content_text") or "" for n, item in enumerate(items, 1)}


def _jsonl_bodies(source: Path, gold: dict) -> dict[str, str]:
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    key = next(key for key in ("content_html", "content", "body") if key in rows[0])
    return {str(n): html_text(row.get(key) or "") for n, row in enumerate(rows, 1)}


def _ghost_bodies(source: Path, gold: dict) -> dict[str, str]:
    data = json.loads(source.read_text(encoding="utf-8"))
    data = (data["db"][0] if "db" in data else data)["data"]
    return {str(n): html_text(post.get("html") or "") for n, post in enumerate(data.get("posts", []), 1)}


def _substack_bodies(source: Path, gold: dict) -> dict[str, str]:
    folder = source if source.is_dir() else source.with_suffix("")
    return {str(item["n"]): html_text((folder / item["file"]).read_text(encoding="utf-8"))
            if (folder / item["file"]).exists() else "" for item in gold["items"]}


def _medium_bodies(source: Path, gold: dict) -> dict[str, str]:
    found = {}
    for item in gold["items"]:
        path = source / item["file"] if source.is_dir() else source
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.find("section", attrs={"data-field": "body"})
        for footer in body.find_all("footer") if body else []:
            footer.decompose()
        found[item["file"]] = html_text(str(body)) if body else ""
    return found


def _csv_bodies(source: Path, gold: dict) -> dict[str, str]:
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    column = "content_html" if "content_html" in rows[0] else "Plain Content"
    return {str(n): html_text(row.get(column) or "") for n, row in enumerate(rows, 1)}


def _saved_bodies(source: Path, gold: dict) -> dict[str, str]:
    truth = source.parent / f"{source.name}.ground-truth.json"
    if truth.exists():
        bodies = json.loads(truth.read_text(encoding="utf-8"))
        return {f"{key}.html": value.get("articleBody") or "" for key, value in bodies.items()}
    found = {}
    for item in gold["items"]:
        soup = BeautifulSoup((source / item["file"]).read_text(encoding="utf-8"), "html.parser")
        content = soup.find(id="content") or soup.find("article")
        if content is None:
            continue
        for selector in (("div", {"class": "post-date"}), ("h1", {"class": "post-title"}),
                         ("div", {"class": "taglist"}), ("div", {"id": "comments"}), ("header", {})):
            for element in content.find_all(*selector):
                element.decompose()
        found[item["file"]] = html_text(str(content))
    return found


# --- scoring --------------------------------------------------------------------------------


def sources(root: Path, only: str | None) -> Iterator[tuple[str, str, Path, Path]]:
    """(format, name, source, gold file) for every gold file, a folder and a zip of one name both."""
    for gold in sorted(root.glob("*/*.gold.yml")):
        stem = gold.name.removesuffix(".gold.yml")
        for source in sorted(gold.parent.iterdir()):
            if source.name.startswith(stem + ".") and not source.name.endswith(".yml") \
                    and not source.name.endswith(".ground-truth.json") or (source.is_dir() and source.name == stem):
                name = stem + (".zip" if source.suffix == ".zip" else "")
                if only is None or only in name:
                    yield gold.parent.name, name, source, gold


def gold_articles(gold: dict) -> list[dict]:
    return [item for item in gold["items"] if item.get("kind") in GOLD_ARTICLE_KINDS and not item.get("draft")
            and item.get("status") not in GOLD_UNPUBLISHED]


def build(source: Path) -> list[Article]:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        if source.is_dir():
            shutil.copytree(source, seeds / source.name)
        else:
            shutil.copy(source, seeds / source.name)
        corpus = gather(BuildConfig(seeds_dir=seeds, docs_dir=Path(tmp) / "docs", themes_file=Path(tmp) / "none.yml"))
        for error in corpus.errors:
            print(f"  error: {error}", file=sys.stderr)
        return [item.article for item in corpus.articles]


def pair(items: Sequence[dict], articles: Sequence[Article]) -> list[tuple[dict, Article | None, bool]]:
    """Each gold article with its article: by title, else by file, else the rest in order;
    and whether the title matched."""
    free = list(articles)
    paired: dict[int, tuple[Article, bool]] = {}
    for i, item in enumerate(items):
        match = next((a for a in free if norm(a.title) == norm(item.get("title") or item.get("title_html"))
                      and norm(a.title)), None)
        if match is None and item.get("file"):
            match = next((a for a in free if a.source.endswith(item["file"])), None)
        if match is not None:
            free.remove(match)
            paired[i] = (match, norm(match.title) == norm(item.get("title") or item.get("title_html")))
    for i, _item in enumerate(items):
        if i not in paired and free:
            paired[i] = (free.pop(0), False)
    return [(item, *paired[i]) if i in paired else (item, None, False) for i, item in enumerate(items)]


def kept_in_order(gold: list[str], page: list[str]) -> tuple[float, float]:
    """The share of the gold words the page has in the same order, and the share of
    the page's words that are those (what the page holds beside the gold text lowers it)."""
    if not gold or not page:
        return float(not gold), float(not page)
    matcher = difflib.SequenceMatcher(None, gold, page, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / len(gold), same / len(page)


def score(fmt: str, name: str, source: Path, gold_path: Path) -> Score:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    items = gold_articles(gold)
    bodies = gold_bodies(fmt, source, gold)
    started = time.perf_counter()
    articles = build(source)
    result = Score(name, fmt, gold=len(items), seconds=time.perf_counter() - started)
    pairs = pair(items, articles)
    result.extra = len(articles) - sum(1 for _item, article, _title in pairs if article is not None)
    for item, article, titled in pairs:
        label = item.get("file") or f"item {item.get('n')}"
        if article is None:
            result.misses.append(f"not found: {label} {item.get('title')!r}")
            continue
        result.found += 1
        _count(result.titles, titled, item.get("title"), f"title {label}: {article.title!r}", result)
        if item.get("authors"):
            _count(result.authors, [norm(a) for a in article.authors] == [norm(a) for a in item["authors"]], True,
                   f"authors {label}: {article.authors} (gold {item['authors']})", result)
        if item.get("date"):
            _count(result.dates, article.date == item["date"], True,
                   f"date {label}: {article.date} (gold {item['date']})", result)
        stated = [norm(tag) for tag in (item.get("tags") or []) + (item.get("categories") or [])]
        if stated:
            _count(result.tags, set(stated) <= {norm(tag) for tag in article.source_tags}, True,
                   f"tags {label}: {article.source_tags} (gold {stated})", result)
        body = bodies.get(str(item.get("n") if item.get("n") is not None else item.get("file")), "")
        share, precision = kept_in_order(words(body), words(article.body_text))
        result.words.append(share)
        result.precision.append(precision)
        if share < 0.9:
            result.misses.append(f"words {label}: {share:.2f} of {len(words(body))}")
        links = sum(len(LINK.findall(block.markdown)) for block in article.body)
        result.links[0] += min(links, item.get("links") or 0)
        result.links[1] += item.get("links") or 0
    return result


def _count(tally: list[int], right: bool, stated: object, miss: str, result: Score) -> None:
    if not stated:
        return
    tally[1] += 1
    tally[0] += bool(right)
    if not right:
        result.misses.append(miss)


# --- table --------------------------------------------------------------------------------


def ratio(tally: Sequence[int]) -> str:
    return f"{tally[0] / tally[1]:.2f} ({tally[0]}/{tally[1]})" if tally[1] else "–"


def row(score: Score) -> str:
    words = f"{sum(score.words) / len(score.words):.2f}" if score.words else "–"
    precision = f"{sum(score.precision) / len(score.precision):.2f}" if score.precision else "–"
    return (f"| {score.name} | {score.format} | {ratio([score.found, score.gold])} | {score.extra} | "
            f"{ratio(score.titles)} | {ratio(score.authors)} | {ratio(score.dates)} | {ratio(score.tags)} | {words} | "
            f"{precision} | {ratio(score.links)} | {score.seconds:.2f} |")


def formats_rows(scores: Sequence[Score]) -> list[str]:
    rows = []
    for fmt in dict.fromkeys(score.format for score in scores):
        group = [score for score in scores if score.format == fmt]
        total = Score(f"**{fmt}**", fmt, gold=sum(s.gold for s in group), found=sum(s.found for s in group),
                      extra=sum(s.extra for s in group), seconds=sum(s.seconds for s in group))
        for attribute in ("titles", "authors", "dates", "tags", "links"):
            setattr(total, attribute, [sum(getattr(s, attribute)[k] for s in group) for k in (0, 1)])
        total.words = [share for s in group for share in s.words]
        total.precision = [share for s in group for share in s.precision]
        rows.append(row(total))
    return rows


HEADER = ["| export | format | items found | extra | titles | authors | dates | tags | words kept in order | "
          "page words that are the text's | links kept | seconds |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--only")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    scores = []
    for fmt, name, source, gold in sources(args.dir, args.only):
        scores.append(score(fmt, name, source, gold))
        if args.details:
            for miss in scores[-1].misses:
                print(f"  {name}: {miss}")
    table = "\n".join([*HEADER, *(row(score) for score in scores)])
    by_format = "\n".join([*HEADER, *formats_rows(scores)])
    print(table, "\n", by_format, sep="\n")
    if args.write:
        text = BENCHMARKS.read_text(encoding="utf-8")
        block = (f"{BEGIN}\nMeasured on {datetime.date.today().isoformat()} by `python benchmarks/exports.py "
                 f"{args.dir}`.\n\nBy format:\n\n{by_format}\n\nBy export:\n\n{table}\n{END}")
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.DOTALL) \
            if BEGIN in text else text.rstrip("\n") + "\n\n" + block + "\n"
        BENCHMARKS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
