"""Score discovered themes against categories an editor assigned: the Python PEPs
by topic, and two blogs by the category their authors gave each post.

    python benchmarks/labelled_themes.py                     # the committed excerpts
    python benchmarks/labelled_themes.py --peps ~/src/peps   # full PEP texts from a python/peps checkout
    python benchmarks/labelled_themes.py --output BENCHMARKS.md
    python benchmarks/labelled_themes.py --peps ~/src/peps --write-excerpt benchmarks/data/pep-topics.jsonl
    python benchmarks/labelled_themes.py --blogs /work/data/blogs --write-blog-excerpts benchmarks/data

The corpus: every Python Enhancement Proposal whose `Topic:` header names
exactly one of the topics the PEP editors assign (Governance, Packaging,
Release, Typing), from https://github.com/python/peps (`peps/pep-*.rst`).
PEPs are placed in the public domain or under CC0-1.0-Universal (each says so
in its Copyright section; PEPs that do not are left out). The committed
excerpt, `benchmarks/data/pep-topics.jsonl`, holds each PEP's number, title,
topic and its first `EXCERPT_WORDS` words of text (the abstract, mostly).

Discovery runs as in a build (`corpus_browser.enrich.discover.discover_themes`,
default settings). Each article counts in its strongest discovered theme (or
in none). Printed: purity (the share of articles in a theme whose majority
topic is theirs), normalised mutual information between topics and themes
(scikit-learn's, arithmetic mean), and for each topic the theme that matches
it best (highest F1) with that theme's name and phrases, so a reader can judge
whether the name is a sensible label. A topic is *matched* when some theme has
it as its majority topic.

The blogs (`benchmarks/data/blog-*.jsonl`, made with `--write-blog-excerpts`
from a folder of blog snapshots with their gold files, each post split by
this project's own reader, as a build splits it):

- `scientific-python`: the Scientific Python blog (blog.scientific-python.org,
  CC-BY-4.0), each post under the project its folder names
  (`content/posts/<project>/…`), the projects with at least `MIN_CATEGORY`
  posts (Matplotlib, NetworkX, NumPy, Scientific Python);
- `bastibe`: Bastian Bechtold's blog (bastibe.de, CC-BY-SA-3.0), the posts
  with exactly one tag, under that tag, the tags at least `MIN_CATEGORY` posts
  carry alone (photography, programming, books, python, matlab, games).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import normalized_mutual_info_score

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from corpus_browser.enrich.discover import discover_themes  # noqa: E402
from corpus_browser.model import Article, Block, BlockKind  # noqa: E402

EXCERPT = REPO / "benchmarks" / "data" / "pep-topics.jsonl"
TOPICS = ("Governance", "Packaging", "Release", "Typing")
#: Words of each PEP kept in the committed excerpt.
EXCERPT_WORDS = 300
#: The target the issue sets.
TARGET_NMI = 0.6
BEGIN, END = "<!-- labelled-themes:begin -->", "<!-- labelled-themes:end -->"
_HEADER = re.compile(r"^([A-Za-z-]+):\s*(.*)$")
_LICENCE = re.compile(r"public domain|CC0", re.IGNORECASE)


@dataclass(frozen=True)
class Pep:
    number: int
    title: str
    topic: str
    text: str


def read_checkout(peps_dir: Path) -> list[Pep]:
    """The single-topic, public-domain PEPs of a python/peps checkout, by number."""
    peps = []
    for path in sorted((peps_dir / "peps").glob("pep-*.rst")):
        headers, body = _split_headers(path.read_text(encoding="utf-8"))
        topics = [topic.strip() for topic in headers.get("Topic", "").split(",") if topic.strip()]
        if len(topics) == 1 and topics[0] in TOPICS and _LICENCE.search(body[-2000:]):
            peps.append(Pep(int(headers["PEP"]), headers["Title"], topics[0], body))
    return peps


def _split_headers(text: str) -> tuple[dict[str, str], str]:
    headers: dict[str, str] = {}
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if not line.strip():
            return headers, "\n".join(lines[n:])
        match = _HEADER.match(line)
        if match:
            headers[match[1]] = match[2]
    return headers, ""


def read_excerpt(path: Path) -> list[Pep]:
    with path.open(encoding="utf-8") as lines:
        return [Pep(**json.loads(line)) for line in lines]


def write_excerpt(peps: list[Pep], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for pep in peps:
            text = " ".join(pep.text.split()[:EXCERPT_WORDS])
            out.write(json.dumps({"number": pep.number, "title": pep.title, "topic": pep.topic, "text": text},
                                 ensure_ascii=False) + "\n")


def as_article(pep: Pep) -> Article:
    paragraphs = tuple(part.strip() for part in re.split(r"\n\s*\n", pep.text) if part.strip())
    return Article(source="peps", title=pep.title, subtitle=None, authors=(), date=None, description="",
                   first_line=pep.number, last_line=pep.number, words=len(pep.text.split()),
                   body=tuple(Block(BlockKind.PARAGRAPH, (paragraph,)) for paragraph in paragraphs),
                   set_aside=(), prose_lines=len(paragraphs))


def score(peps: list[Pep], label: str = "PEPs", topic_names: tuple[str, ...] = TOPICS) -> list[str]:
    """Discover themes in the documents and score them against their topics: Markdown lines."""
    started = time.perf_counter()
    discovery = discover_themes([as_article(pep) for pep in peps])
    seconds = time.perf_counter() - started
    assigned = [shares[0][0] if shares else "(no theme)" for shares in discovery.shares]
    topics = [pep.topic for pep in peps]
    members: dict[str, Counter[str]] = {}
    for theme, topic in zip(assigned, topics):
        members.setdefault(theme, Counter())[topic] += 1
    purity = sum(max(counts.values()) for counts in members.values()) / len(peps)
    nmi = normalized_mutual_info_score(topics, assigned)
    majority = {theme: counts.most_common(1)[0][0] for theme, counts in members.items() if theme != "(no theme)"}
    phrases = {theme.name: theme.phrases for theme in discovery.themes}
    lines = [
        f"{len(peps)} {label} ({', '.join(f'{t} {n}' for t, n in sorted(Counter(topics).items()))}); "
        f"{len(discovery.themes)} themes discovered in {seconds:.2f} s.",
        "",
        "| Purity | NMI | Topics matched by a theme |",
        "| --- | --- | --- |",
        f"| {purity:.2f} | {nmi:.2f} (target {TARGET_NMI}) | "
        f"{sum(topic in majority.values() for topic in topic_names)} of {len(topic_names)} |",
        "",
        "| Topic | Best-matching theme (F1) | Its phrases | Themes with this majority topic |",
        "| --- | --- | --- | --- |",
    ]
    for topic in topic_names:
        size = topics.count(topic)
        best, best_f1 = "", 0.0
        for theme, counts in sorted(members.items()):
            if theme == "(no theme)" or not counts[topic]:
                continue
            f1 = 2 * counts[topic] / (size + sum(counts.values()))
            if f1 > best_f1:
                best, best_f1 = theme, f1
        majority_themes = ", ".join(sorted(t for t, m in majority.items() if m == topic)) or "none"
        lines.append(f"| {topic} | {best or 'none'} ({best_f1:.2f}) | {', '.join(phrases.get(best, ()))} "
                     f"| {majority_themes} |")
    lines += ["", f"| Theme | {label} by topic |", "| --- | --- |"]
    for theme in [t.name for t in discovery.themes] + (["(no theme)"] if "(no theme)" in members else []):
        counts = members.get(theme, Counter())
        lines.append(f"| {theme} | {', '.join(f'{t} {n}' for t, n in counts.most_common())} |")
    return lines


#: A blog's category is scored when at least this many posts carry it.
MIN_CATEGORY = 5
#: The blogs scored: name -> (folder in the snapshots, how a post's category is read from its gold item).
BLOGS = {
    "scientific-python": ("scientific-python-blog", lambda item: item["file"].split("/")[2]),
    "bastibe": ("bastibe-org", lambda item: item["tags"][0] if len(item.get("tags") or []) == 1 else None),
}
BLOG_TITLES = {"scientific-python": "Scientific Python blog posts", "bastibe": "bastibe.de posts"}


def write_blog_excerpts(blogs_dir: Path, out_dir: Path) -> None:
    """Each blog's posts with their category, split by this project's own reader, first `EXCERPT_WORDS` words."""
    import shutil
    import tempfile

    import yaml

    from corpus_browser.config import BuildConfig
    from corpus_browser.pipeline.build import gather

    for name, (folder, category_of) in BLOGS.items():
        gold = yaml.safe_load((blogs_dir / f"{folder}.gold.yml").read_text(encoding="utf-8"))
        labelled = {item["file"]: category_of(item) for item in gold["items"] if item.get("kind") == "post"}
        counts = Counter(label for label in labelled.values() if label)
        kept = {file: label for file, label in labelled.items() if label and counts[label] >= MIN_CATEGORY}
        with tempfile.TemporaryDirectory() as temp:
            seeds = Path(temp) / "seeds"
            seeds.mkdir()
            names = {}
            for n, file in enumerate(sorted(kept)):
                seed = f"{n:03d}{Path(file).suffix if Path(file).suffix != '.org' else '.org'}"
                shutil.copy(blogs_dir / folder / file, seeds / seed)
                names[seed] = file
            corpus = gather(BuildConfig(seeds_dir=seeds, docs_dir=Path(temp) / "docs",
                                        themes_file=Path(temp) / "none.yml"))
        seen = set()
        with (out_dir / f"blog-{name}.jsonl").open("w", encoding="utf-8") as out:
            for item in corpus.site.articles:
                article = item.article
                file = names[article.source]
                if file in seen:
                    continue  # a post the reader cut in two counts once, by its first piece
                seen.add(file)
                text = " ".join(article.body_text.split()[:EXCERPT_WORDS])
                out.write(json.dumps({"number": len(seen), "title": article.title, "topic": kept[file], "text": text,
                                      "file": file}, ensure_ascii=False) + "\n")


def read_blog(name: str) -> list[Pep]:
    path = REPO / "benchmarks" / "data" / f"blog-{name}.jsonl"
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return [Pep(record["number"], record["title"], record["topic"], record["text"]) for record in records]


def write_section(path: Path, lines: list[str], source: str) -> None:
    """Put the results between the section's markers in `path` (appending the section the first time)."""
    section = "\n".join([BEGIN, f"Source: {source}. Run `python benchmarks/labelled_themes.py`.", "", *lines, END])
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Discovered themes against editors' categories\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peps", type=Path, help="a python/peps checkout (default: the committed excerpt)")
    parser.add_argument("--write-excerpt", type=Path, help="write the excerpt of the --peps checkout here")
    parser.add_argument("--output", type=Path, help="update this Markdown file's section (e.g. BENCHMARKS.md)")
    parser.add_argument("--blogs", type=Path, help="a folder of blog snapshots with gold files (for --write-blog-excerpts)")
    parser.add_argument("--write-blog-excerpts", type=Path, help="write the blogs' excerpts into this folder")
    args = parser.parse_args()
    if args.write_blog_excerpts:
        write_blog_excerpts(args.blogs, args.write_blog_excerpts)
    peps = read_checkout(args.peps) if args.peps else read_excerpt(EXCERPT)
    if args.write_excerpt:
        write_excerpt(peps, args.write_excerpt)
        peps = read_excerpt(args.write_excerpt)
    source = ("full texts of a python/peps checkout" if args.peps and not args.write_excerpt
              else f"`{EXCERPT.relative_to(REPO)}`, the first {EXCERPT_WORDS} words of each PEP")
    source += ", and `benchmarks/data/blog-*.jsonl`"
    lines = score(peps)
    for name in BLOGS:
        blog = read_blog(name)
        lines += ["", f"### {BLOG_TITLES[name]}", "",
                  *score(blog, BLOG_TITLES[name].split()[-1], tuple(sorted({post.topic for post in blog})))]
    print("\n".join(lines))
    if args.output:
        write_section(args.output, lines, source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
