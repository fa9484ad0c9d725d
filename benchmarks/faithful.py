"""How faithfully real blogs' articles are kept: their links, code blocks, stated dates and tags.

    python benchmarks/faithful.py [DIR] [--only NAME] [--details] [--write]

For every `NAME.gold.yml` in DIR beside a folder `NAME/` (a blog as its
authors keep it: one post per file, or posts as the subtrees of one Org file),
the folder is built alone, as `python build_docs.py --seeds` would build it,
and each gold post is paired with the page made of it (by file, and for a
file of several posts by the line its heading stands on), then compared:

- posts found: gold posts with a page, over gold posts (drafts are to be set
  aside: a draft with a page counts against);
- links kept: links on the page (Markdown links not to an anchor, as
  markdown-it-py parses the page's Markdown) over the links the gold counts in
  the source, capped at the gold's count per post; once as the site is built
  by default, and once with `source_url` set (a placeholder address: the
  links to the original site's own pages then lead there);
- code blocks kept: fenced blocks on the page over the gold's count, capped
  the same way;
- dates right: posts whose page date is the date their metadata states;
- tags on the page: stated tags and categories found among the page's themes
  (case folded, hyphens as spaces, as theme names are normalised), over those stated;
- authors right: where the post states them.

The gold format and how its counts were made: the README beside the gold
files. `--write` puts the table into BENCHMARKS.md between the
`faithful:begin/end` markers.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import same_people  # noqa: E402
from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.model import Article  # noqa: E402
from corpus_browser.pipeline.build import gather  # noqa: E402
from corpus_browser.site.links import LinkTargets, link_targets, resolve_links  # noqa: E402

BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- faithful:begin -->", "<!-- faithful:end -->"
#: The kinds of gold item that are posts, to be published; drafts are to be set aside.
POST_KINDS = {"post"}
DRAFT_KINDS = {"draft"}
#: The `source_url` the second count of links is made with.
PLACEHOLDER_SOURCE_URL = "https://source.example/"
_PARSER = MarkdownIt("commonmark").enable("table")


@dataclass
class Score:
    name: str
    posts: int = 0
    found: int = 0
    drafts: int = 0
    drafts_published: int = 0
    pages: int = 0
    links_gold: int = 0
    links_kept: int = 0
    links_published: int = 0
    code_gold: int = 0
    code_kept: int = 0
    dates_total: int = 0
    dates_right: int = 0
    tags_total: int = 0
    tags_kept: int = 0
    authors_total: int = 0
    authors_right: int = 0
    details: list[str] = field(default_factory=list)


def page_counts(page: Page, targets: LinkTargets) -> tuple[int, int]:
    """The links (not to an anchor) and fenced code blocks in the page's Markdown, as the site writes it."""
    links = code = 0
    for block in page.article.body:
        for token in _PARSER.parse(resolve_links(block.markdown or "", targets, page.path)):
            code += token.type == "fence"
            for child in token.children or ():
                links += child.type == "link_open" and not str(child.attrGet("href") or "").startswith("#")
    return links, code


@dataclass(frozen=True)
class Page:
    """An article with where the site writes it and where its relative links lead."""

    article: Article
    path: str
    targets: LinkTargets
    published: LinkTargets
    """The targets with `source_url` set."""

    def __getattr__(self, name: str) -> object:
        return getattr(self.article, name)


def build(blog: Path) -> list[Page]:
    """The article pages the product makes of the blog folder."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        shutil.copytree(blog, seeds, dirs_exist_ok=True)  # its folders as they are: seeds are read from subfolders
        config = BuildConfig(seeds_dir=seeds, docs_dir=Path(folder) / "docs", themes_file=Path(folder) / "none.yml")
        placed = gather(config).articles
        targets, published = link_targets(placed), link_targets(placed, PLACEHOLDER_SOURCE_URL)
        return [Page(item.article, item.path, targets, published) for item in placed]


def page_of(entry: dict, by_source: dict[str, list[Page]]) -> Page | None:
    """The page made of a gold item: its file's page, or for a file of several
    items the page whose span holds the item's heading line."""
    pages = by_source.get(entry["file"], [])
    if "line" not in entry:
        return pages[0] if len(pages) == 1 else next((p for p in pages if p.first_line <= 3), None)
    return next((p for p in pages if p.first_line <= entry["line"] <= p.last_line), None)


def score(name: str, gold: dict, articles: Sequence[Page]) -> Score:
    """The pages made of a blog against its gold (each page's source is its file's path in the blog)."""
    result = Score(name, pages=len(articles))
    by_source: dict[str, list[Page]] = {}
    for article in articles:
        by_source.setdefault(article.source, []).append(article)
    for entry in gold["items"]:
        kind = entry.get("kind")
        page = page_of(entry, by_source)
        if kind in DRAFT_KINDS or entry.get("draft"):
            result.drafts += 1
            result.drafts_published += page is not None and (page.first_line <= entry.get("line", 1) <= page.last_line)
            continue
        if kind not in POST_KINDS:
            continue
        result.posts += 1
        where = f"{entry['file']}:{entry.get('line', 1)} {entry['title'][:50]!r}"
        if page is None:
            result.details.append(f"{where}: no page")
            continue
        result.found += 1
        _compare(result, entry, page, where)
    return result


def _compare(result: Score, entry: dict, page: Page, where: str) -> None:
    links, code = page_counts(page, page.targets)
    published_links = page_counts(page, page.published)[0]
    gold_links, gold_code = entry.get("links", 0), entry.get("code_blocks", 0)
    result.links_gold += gold_links
    result.links_kept += min(links, gold_links)
    result.links_published += min(published_links, gold_links)
    result.code_gold += gold_code
    result.code_kept += min(code, gold_code)
    if links < gold_links or code < gold_code:
        result.details.append(f"{where}: links {links}/{gold_links}, code {code}/{gold_code}")
    if entry.get("date"):
        result.dates_total += 1
        right = (page.date or "") == entry["date"]
        result.dates_right += right
        if not right:
            result.details.append(f"{where}: date {page.date} != {entry['date']}")
    stated = {_folded(tag) for tag in [*(entry.get("tags") or []), *(entry.get("categories") or [])]}
    if stated:
        shown = {_folded(tag) for tag in page.tags}
        result.tags_total += len(stated)
        result.tags_kept += len(stated & shown)
        if stated - shown:
            result.details.append(f"{where}: tags missing {sorted(stated - shown)} (page: {sorted(shown)})")
    if entry.get("authors"):
        result.authors_total += 1
        right = same_people(entry["authors"], page.authors)
        result.authors_right += right
        if not right:
            result.details.append(f"{where}: authors {list(page.authors)} != {entry['authors']}")


def _folded(tag: str) -> str:
    """A tag as themes are compared: case folded, hyphens and underscores as spaces."""
    return " ".join(re.sub(r"[-_]", " ", str(tag)).casefold().split())


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "–"


def table(scores: Sequence[Score]) -> str:
    rows = ["| blog | posts found | pages | drafts published | links kept | ... with source_url | code blocks kept | "
            "dates right | tags on pages | authors right |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in scores:
        rows.append(f"| {s.name} | {_ratio(s.found, s.posts)} | {s.pages} | {s.drafts_published}/{s.drafts} | "
                    f"{_ratio(s.links_kept, s.links_gold)} | {_ratio(s.links_published, s.links_gold)} | "
                    f"{_ratio(s.code_kept, s.code_gold)} | "
                    f"{_ratio(s.dates_right, s.dates_total)} | {_ratio(s.tags_kept, s.tags_total)} | "
                    f"{_ratio(s.authors_right, s.authors_total)} |")
    total = Score("**all**")
    for s in scores:
        for name in ("posts", "found", "pages", "drafts", "drafts_published", "links_gold", "links_kept", "links_published", "code_gold",
                     "code_kept", "dates_total", "dates_right", "tags_total", "tags_kept", "authors_total",
                     "authors_right"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    return "\n".join([*rows, table([total]).splitlines()[-1]] if len(scores) > 1 else rows)


def write_benchmarks(text: str) -> None:
    content = BENCHMARKS.read_text(encoding="utf-8")
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    BENCHMARKS.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("/work/data/blogs"))
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    scores = []
    for gold_path in sorted(args.folder.glob("*.gold.yml")):
        name = gold_path.name.removesuffix(".gold.yml")
        blog = args.folder / name
        if not blog.is_dir() or (args.only and name not in args.only):
            continue
        result = score(name, yaml.safe_load(gold_path.read_text(encoding="utf-8")), build(blog))
        scores.append(result)
        if args.details:
            print(f"## {name}", *(f"- {line}" for line in result.details), sep="\n", file=sys.stderr)
    text = table(scores)
    print(text)
    if args.write:
        write_benchmarks(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
