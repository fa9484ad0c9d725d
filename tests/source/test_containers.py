"""Read edge for exports: seeds in subfolders, zips read in memory within
limits, and a folder that is one export read as the zip it came in."""

from __future__ import annotations

import io
import os
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import article

from corpus_browser.config import BuildConfig
from corpus_browser.errors import SeedError
from corpus_browser.site.render import place_articles
from corpus_browser.source.containers import ZipLimits, packed_folder, zip_names
from corpus_browser.source.seeds import read_corpus
from corpus_browser.store.freshness import input_digest


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_seeds_in_subfolders_are_named_by_their_path_and_take_their_sidecar_from_beside_them(tmp_path):
    (tmp_path / "blog" / "2019").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "blog" / "2019" / "post.md").write_text("# Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "blog" / "2019" / "post.yml").write_text("author: Ada Lovelace\n", encoding="utf-8")
    (tmp_path / "blog" / "post.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text("not a seed\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["a.txt", "blog/2019/post.md", "blog/post.md"]
    assert corpus.seeds[1].overrides.authors == ("Ada Lovelace",)
    assert corpus.seeds[2].overrides.authors == ()
    assert not corpus.errors and not corpus.warnings


def test_a_page_saved_complete_is_read_without_its_resources(tmp_path):
    (tmp_path / "Rivers_files").mkdir()
    (tmp_path / "Rivers.html").write_text("<!doctype html><html><body><p>Rivers</p></body></html>", encoding="utf-8")
    (tmp_path / "Rivers_files" / "style.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "Rivers_files" / "frame.html").write_text("<p>an advert</p>", encoding="utf-8")
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: an ordinary folder
    (tmp_path / "notes_files" / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["Rivers.html", "notes_files/a.txt"]
    assert not corpus.warnings


def test_pages_of_seeds_named_alike_in_different_folders_never_meet():
    names = ("a/index.html", "b/index.html", "a-index.html", "a/index-html")
    placed = place_articles([replace(article("Same Title", "Text."), source=name) for name in names], "articles")
    assert len({item.path for item in placed}) == len(names)
    assert placed == place_articles([replace(article("Same Title", "Text."), source=name) for name in names],
                                    "articles")


def test_a_change_in_a_subfolder_changes_the_input_digest(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "blog").mkdir(parents=True)
    post = seeds / "blog" / "post.md"
    post.write_text("# Title\n\nText.\n", encoding="utf-8")
    config = BuildConfig(seeds_dir=seeds, docs_dir=tmp_path / "docs", themes_file=tmp_path / "themes.yml")
    before = input_digest(config)
    post.write_text("# Title\n\nOther text.\n", encoding="utf-8")
    assert input_digest(config) != before


def test_a_zip_is_read_in_memory_with_its_member_names_for_lines(tmp_path):
    data = zipped({"posts.csv": b"post_id,title\n", "posts/1.html": b"<p>x</p>"})
    (tmp_path / "export.zip").write_bytes(data)
    (tmp_path / "also-a-zip.json").write_bytes(data)  # told by its bytes, not its name
    seeds = read_corpus(tmp_path).seeds
    assert [(item.seed.name, item.seed.lines, item.seed.data == data) for item in seeds] == [
        ("also-a-zip.json", ("posts.csv", "posts/1.html"), True), ("export.zip", ("posts.csv", "posts/1.html"), True)]


def test_a_zip_bomb_is_refused_with_the_files_name(tmp_path):
    (tmp_path / "bomb.zip").write_bytes(zipped({"zeros.html": b"\0" * (20 * 1024 * 1024)}))
    (tmp_path / "good.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["good.txt"]
    (error,) = corpus.errors
    assert str(error).startswith(f"{tmp_path}/bomb.zip: zip member 'zeros.html' unpacks to 20,971,520 bytes")
    assert "zip bomb" in str(error)


def test_zip_limits_on_members_and_unpacked_bytes():
    data = zipped({f"{n}.html": b"<p>text</p>" * 10 for n in range(5)}, zipfile.ZIP_STORED)
    assert len(zip_names(data, "x.zip")) == 5
    with pytest.raises(SeedError, match=r"^x\.zip: zip holds 5 files, more than the 4"):
        zip_names(data, "x.zip", ZipLimits(members=4))
    with pytest.raises(SeedError, match=r"^x\.zip: zip unpacks to 550 bytes, more than the 500"):
        zip_names(data, "x.zip", ZipLimits(unpacked_bytes=500))
    with pytest.raises(SeedError, match=r"^x\.zip: not a readable zip"):
        zip_names(data[: len(data) // 2], "x.zip")


def test_an_export_folder_is_one_seed_packed_the_same_whatever_its_files_times(tmp_path):
    folder = tmp_path / "substack"
    (folder / "posts").mkdir(parents=True)
    (folder / "posts.csv").write_text("post_id,title\n1,One\n", encoding="utf-8")
    (folder / "posts" / "1.html").write_text("<p>One</p>", encoding="utf-8")
    first = packed_folder(folder, "substack")
    os.utime(folder / "posts.csv", (time.time() - 86400, time.time() - 86400))
    assert packed_folder(folder, "substack") == first
    assert zipfile.ZipFile(io.BytesIO(first)).namelist() == ["posts.csv", "posts/1.html"]
    (seed,) = read_corpus(tmp_path).seeds
    assert (seed.seed.name, seed.seed.lines) == ("substack", ("posts.csv", "posts/1.html"))


def test_nothing_in_a_zip_is_written_anywhere(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "slip.zip").write_bytes(zipped({"../../escaped.html": b"<html><body><p>x</p></body></html>",
                                             "/tmp/absolute-escape.html": b"<p>x</p>"}))
    before = sorted(path for path in tmp_path.rglob("*"))
    read_corpus(seeds)
    assert sorted(path for path in tmp_path.rglob("*")) == before
    assert not Path("/tmp/absolute-escape.html").exists()
