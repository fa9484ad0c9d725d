"""Read edge: decoding, line endings, and files that cannot be seeds."""

from __future__ import annotations

import codecs
import contextlib
import os
import socket
import threading
from pathlib import Path

import pytest

from corpus_browser.config import SplitRules
from corpus_browser.errors import SeedError, SidecarError
from corpus_browser.model import Format, Overrides
from corpus_browser.source.seeds import fetched, read_corpus, read_seed, scan_seeds
from corpus_browser.source.sidecar import match_sidecars
from corpus_browser.split.segment import prepare_seed

TEXT = "Café Title\n\nA “quoted” paragraph — with naïve déjà vu.\nSecond line.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252"),
        TEXT.replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252", "latin-1", "crlf", "cr"],
)
def test_read_seed_decodes_encodings_and_line_endings(tmp_path, data):
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    seed = read_seed(path, "seeds/seed.txt")
    assert seed.lines[0] == "Café Title"
    assert seed.lines[2].startswith("A ") and seed.lines[2].endswith("naïve déjà vu.")
    assert seed.lines[3] == "Second line."
    assert len(seed.lines) == 4


def test_read_seed_rejects_binary_with_file_name(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x81")
    with pytest.raises(SeedError, match=r"^seeds/photo.txt: looks like a binary file"):
        read_seed(path, "seeds/photo.txt")


def test_read_corpus_reports_problems_per_file_and_reads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\nSome text here.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02\xff")
    (tmp_path / "good.yml").write_text("split_at: [1]\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["good.txt"]
    assert corpus.seeds[0].overrides.split_at == frozenset({1})
    assert [str(error) for error in corpus.errors] == [f"{tmp_path}/binary.md: looks like a binary file (it holds NUL bytes), not text"]
    assert [str(warning).split(": ", 1)[0] for warning in corpus.warnings] == [f"{tmp_path}/empty.txt", f"{tmp_path}/notes.docx"]


def test_every_file_that_is_text_is_read_whatever_its_suffix(tmp_path):
    """A release history in RDoc, a file with no suffix, a Hugo page: read by their content."""
    (tmp_path / "History.rdoc").write_text("=== 1.0.0 / 2020-01-02\n\n* First release.\n", encoding="utf-8")
    (tmp_path / "NEWS").write_text("Version 2\n\nNew things.\n", encoding="utf-8")
    (tmp_path / "notes").write_text("é" * 40_000 + "\n\nTitle\n\nText.\n", encoding="utf-8")  # its first bytes cut a letter
    (tmp_path / "post.smd").write_text("# A post\n\nSee [the docs](https://example.org/docs).\n\n## One\n\n"
                                       "*Its* text.\n\n## Two\n\n- a\n- b\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["History.rdoc", "NEWS", "notes", "post.smd"]
    assert corpus.warnings == corpus.errors == ()
    assert [prepare_seed(item, SplitRules()).format for item in corpus.seeds][3] is Format.MARKDOWN


def test_a_file_that_is_not_text_is_skipped_by_name_with_the_reason(tmp_path):
    (tmp_path / "post.txt").write_text("Title\n\nSome text here.\n", encoding="utf-8")
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x81")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    (tmp_path / "talk.ogg").write_bytes(b"OggS\x00\x02" + bytes(range(256)) * 2_000)  # told from its first bytes
    (tmp_path / "letter.txt").write_bytes(b"{\\rtf1\\ansi Dear sir,\\par}")
    corpus = read_corpus(tmp_path)
    assert [item.seed.name for item in corpus.seeds] == ["post.txt"]
    assert [str(warning) for warning in corpus.warnings] == [
        f"{tmp_path}/cover.png: skipped: looks like a binary file (it holds NUL bytes), not text",
        f"{tmp_path}/paper.pdf: skipped: a PDF document, not text (save it as text to read it)",
        f"{tmp_path}/talk.ogg: skipped: looks like a binary file (it holds NUL bytes), not text",
    ]
    assert [str(error) for error in corpus.errors] == [
        f"{tmp_path}/letter.txt: an RTF document, not text (save it as text to read it)"]


def test_read_corpus_picks_format_by_suffix(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n", encoding="utf-8")
    seeds = read_corpus(tmp_path).seeds
    assert [prepare_seed(item, SplitRules()).format for item in seeds] == [Format.MARKDOWN, Format.TEXT]


def test_read_corpus_reports_broken_sidecar_with_line(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("split_at: [1\nno_split_at: 2\n", encoding="utf-8")
    (error,) = read_corpus(tmp_path).errors
    assert isinstance(error, SidecarError)
    assert str(error).startswith(f"{tmp_path}/a.yml:")


def test_missing_seeds_folder_is_an_error(tmp_path):
    with pytest.raises(SeedError, match="seeds folder not found"):
        read_corpus(tmp_path / "nope")


def test_match_sidecars_pairs_each_sidecar_with_exactly_one_seed():
    found = match_sidecars(["a.txt", "a.md", "b.txt", "c.md", "d.txt"],
                           ["a.yml", "a.md.yml", "b.yaml", "c.yml", "d.yml", "d.txt.yml", "e.yml"])
    assert found.sidecars == {"a.md": "a.md.yml", "b.txt": "b.yaml", "c.md": "c.yml"}
    assert [(c.sidecar, c.seeds) for c in found.conflicts] == [("a.yml", ("a.txt", "a.md")), ("d.yml", ("d.txt",))]
    assert found.orphans == ("e.yml",)


def test_read_corpus_names_seeds_readably_and_keeps_them_apart(tmp_path):
    for raw in (b"caf\xe9.txt", "caf\\xe9.txt".encode(), b"tab\there.txt"):
        (tmp_path / os.fsdecode(raw)).write_text("Title\n\nSome text here.\n", encoding="utf-8")
    names = [item.seed.name for item in read_corpus(tmp_path).seeds]
    assert sorted(names) == sorted(["caf\\xe9.txt", "caf\\\\xe9.txt", "tab\\there.txt"])


# --- issue 26, case 7: only regular files are read, and never by waiting --------------------


def read_within(seconds: float, read, *pipes: Path):
    """`read()`'s result, which must come within `seconds`: a reader left waiting on a
    named pipe fails the test (and is let go, by opening each pipe for writing)."""
    done: dict[str, object] = {}
    worker = threading.Thread(target=lambda: done.setdefault("result", read()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        for pipe in pipes:
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"still reading after {seconds}s: it waits on a named pipe")
    return done["result"]


def test_26_07_named_pipes_sockets_and_links_to_them_are_skipped_with_a_warning(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "alpha.txt").write_text("Alpha\n\nSome text here.\n", encoding="utf-8")
    (seeds / "beta.txt").write_text("Beta\n\nSome text here.\n", encoding="utf-8")
    pipes = [seeds / "pipe.txt", seeds / "alpha.yml", seeds / "target.md"]
    for pipe in pipes:
        os.mkfifo(pipe)
    (seeds / "linked.txt").symlink_to("target.md")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(seeds / "socket.txt"))
        corpus = read_within(10, lambda: read_corpus(seeds), *pipes)
    assert [item.seed.name for item in corpus.seeds] == ["alpha.txt", "beta.txt"]
    assert corpus.seeds[0].overrides == Overrides(), "the pipe is no sidecar"
    assert corpus.errors == ()
    assert sorted(str(warning) for warning in corpus.warnings) == [
        f"{seeds}/{name}: skipped: it is {kind}, not a regular file"
        for name, kind in (("alpha.yml", "a named pipe"), ("linked.txt", "a named pipe"), ("pipe.txt", "a named pipe"),
                           ("socket.txt", "a socket"), ("target.md", "a named pipe"))]


def test_26_07_a_pipe_put_where_a_file_was_listed_is_not_waited_on(tmp_path):
    (tmp_path / "alpha.txt").write_text("Alpha\n\nSome text here.\n", encoding="utf-8")
    scan = scan_seeds(tmp_path)
    (tmp_path / "alpha.txt").unlink()
    os.mkfifo(tmp_path / "alpha.txt")
    corpus = read_within(10, lambda: scan.collect(fetched(item) for item in scan.items), tmp_path / "alpha.txt")
    assert [str(error) for error in corpus.errors] == [
        f"{tmp_path}/alpha.txt: cannot read: it is a named pipe, not a regular file"]
