"""Ugly input the build must take in its stride, and interrupted builds."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest

from corpus_browser.config import BuildConfig, SplitRules
from corpus_browser.pipeline.build import build
from corpus_browser.source.seeds import read_corpus
from corpus_browser.split import segment_corpus
from corpus_browser.split.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SEED = "004_1de00e39fff9dc3a.txt"  # no-break-space separators, curly quotes, dashes

VARIATIONS = {
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16": lambda text: text.encode("utf-16"),
    "cp1252": lambda text: text.encode("cp1252"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "trailing-spaces-and-tabs": lambda text: text.replace("\n", " \t \n").encode("utf-8"),
    "zero-width-and-form-feeds": lambda text: text.replace(" the ", " the\u200b ").replace(". ", ".\x0c ").encode("utf-8"),
    "indented-with-tabs": lambda text: "\n".join("\t" + line for line in text.split("\n")).encode("utf-8"),
}


def articles_in(folder: Path):
    corpus = read_corpus(folder)
    assert not corpus.errors
    return [
        (article.title, article.authors, article.date, article.first_line, article.last_line,
         [block.texts for block in article.body])
        for item in segment_corpus(corpus.seeds, SplitRules())
        for article in (extract(segment, item.overrides) for segment in item.segments)
    ]


@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_same_seed_saved_differently_gives_the_same_articles(tmp_path, variation):
    text = (ROOT / "seeds" / SEED).read_text(encoding="utf-8")
    original, varied = tmp_path / "original", tmp_path / "varied"
    original.mkdir()
    varied.mkdir()
    (original / SEED).write_text(text, encoding="utf-8")
    (varied / SEED).write_bytes(VARIATIONS[variation](text))
    assert articles_in(varied) == articles_in(original)


def test_a_one_megabyte_line_is_one_paragraph(tmp_path):
    (tmp_path / "big.txt").write_text("Big Title\n\n" + "word " * 200_000 + "\n", encoding="utf-8")
    ((title, _, _, _, _, body),) = articles_in(tmp_path)
    assert title == "Big Title" and len(body) == 1 and len(body[0][0].split()) == 200_000


def test_unreadable_seed_is_reported_and_the_rest_built(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("Good Title\n\nSome words here.\n", encoding="utf-8")
    (seeds / "gone.txt").symlink_to(seeds / "missing-target.txt")
    report = build(BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs"))
    assert [str(error) for error in report.corpus.errors] == [f"{seeds}/gone.txt: cannot read: No such file or directory"]
    assert [item.article.title for item in report.corpus.articles] == ["Good Title"]


def test_interrupted_build_leaves_readable_pages_and_the_next_build_recovers(tmp_path, monkeypatch):
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", seeds)
    config = BuildConfig(seeds_dir=seeds, docs_dir=docs)
    build(config)
    before = {path: path.read_bytes() for path in docs.rglob("*.md")}
    for name in os.listdir(seeds):
        path = seeds / name
        path.write_text(path.read_text(encoding="utf-8").replace("trust", "confidence"), encoding="utf-8")

    real_replace, calls = os.replace, []

    def replace_then_die(source, target):
        calls.append(target)
        if len(calls) == 5:
            raise KeyboardInterrupt("killed midway")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.setattr(os, "replace", real_replace)

    assert not [p for p in docs.rglob("*") if p.name.endswith(".tmp")]
    for path, old in before.items():
        current = path.read_bytes()
        assert current == old or b"confidence" in current, f"{path} is neither old nor new"
    assert not build(config).corpus.errors
    fresh = tmp_path / "fresh"
    build(BuildConfig(seeds_dir=seeds, docs_dir=fresh))
    assert tree(docs) == tree(fresh)
    rebuilt = build(config)
    assert rebuilt.written.written == () and rebuilt.written.removed == ()


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
