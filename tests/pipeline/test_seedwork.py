"""Per-seed work remembered between builds: an incremental build is the full build.

Random edits to a corpus (a paragraph appended, removed or changed, a footer
pasted under several seeds so that it becomes boilerplate and stops being it,
a sidecar written, a seed added, renamed or deleted) are built on top of the
previous build, reusing what it remembered, and from scratch in a fresh docs
folder; the two must be byte for byte the same, and so must builds with and
without worker processes.
"""

from __future__ import annotations

import io
import os
import pickle
import random
import shutil
from pathlib import Path

import pytest
from helpers import paragraph

from corpus_browser.config import BuildConfig
from corpus_browser.errors import OutputError
from corpus_browser.pipeline.build import BuildMemory, build
from corpus_browser.pipeline.models import MODELS_KIND
from corpus_browser.store.cache import SeedCache
from corpus_browser.store.manifest import CACHE_NAME, PRIVATE_NAMES

ROOT = Path(__file__).resolve().parents[2]
FOOTER = "Subscribe to The Change Letter and get every new article in your inbox each Friday morning."


def built(folder: Path) -> dict[str, object]:
    """What a build left in `folder`: every page byte for byte, the names of its cache
    entries, and the remembered pages as text by key (their pickles may share equal
    objects differently)."""
    found: dict[str, object] = {}
    for path, data in tree(folder).items():
        if path.endswith(".pages"):  # the pickle, after the digest of its name and content
            found[path] = pickle.loads(SeedCache(folder).get(Path(path).name))
        else:
            found[path] = data if not _private(path) or path.endswith(".json") else "an entry"
    return found


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def corpus(folder: Path) -> Path:
    """The shipped seeds and three small ones of our own, with a byline and a date."""
    seeds = folder / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for n in range(3):
        articles = [f"Notes on Topic {n}{k}\n\nBy Ada Quinn\n\nMay {k + 1}, 2021\n\n{paragraph(60)}\n\n{paragraph(40)}"
                    for k in range(3)]
        (seeds / f"notes-{n}.txt").write_text("\n\n\n\n".join(articles) + "\n", encoding="utf-8")
    shutil.copy(ROOT / "themes.yml", folder / "themes.yml")
    return seeds


def config(folder: Path, docs: str, **settings) -> BuildConfig:
    return BuildConfig(seeds_dir=folder / "seeds", docs_dir=folder / docs, themes_file=folder / "themes.yml",
                       report_file=folder / f"{docs}-report.md", **settings)


def edit(seeds: Path, rng: random.Random) -> str:
    """One random edit of the seeds folder; says what it did."""
    names = sorted(path.name for path in seeds.iterdir() if path.suffix == ".txt")
    name = rng.choice(names)
    path = seeds / name
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    kind = rng.choice(["append", "remove", "change", "footer", "unfooter", "sidecar", "add", "rename", "delete"])
    if kind == "append":
        paragraphs.append(paragraph(rng.randint(5, 80)))
    elif kind == "remove" and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif kind == "change":
        i = rng.randrange(len(paragraphs))
        paragraphs[i] = paragraphs[i].replace("e", "E", 1) + " Indeed."
    elif kind == "footer":  # pasted under a paragraph of three seeds: boilerplate from now on
        for other in rng.sample(names, min(3, len(names))):
            text = (seeds / other).read_text(encoding="utf-8").split("\n\n")
            text.insert(rng.randrange(1, len(text) + 1), FOOTER)
            (seeds / other).write_text("\n\n".join(text), encoding="utf-8")
        return f"footer under three seeds, {name} among them"
    elif kind == "unfooter":
        paragraphs = [p for p in paragraphs if p != FOOTER]
    elif kind == "sidecar":
        lines = len(path.read_text(encoding="utf-8").splitlines())
        (seeds / f"{path.stem}.yml").write_text(f"boilerplate: [{rng.randint(1, lines)}]\n"
                                                f"split_at: [{rng.randint(1, lines)}]\n", encoding="utf-8")
        return f"sidecar for {name}"
    elif kind == "add":
        (seeds / f"new-{rng.randrange(10**6)}.txt").write_text(
            f"A New Piece\n\nBy Ada Quinn\n\n{paragraph(70)}\n\n{FOOTER}\n", encoding="utf-8")
        return "a new seed"
    elif kind == "rename":
        path.rename(seeds / f"renamed-{name}")
        sidecar = seeds / f"{path.stem}.yml"
        if sidecar.exists():
            sidecar.rename(seeds / f"renamed-{path.stem}.yml")
        return f"{name} renamed"
    elif kind == "delete" and len(names) > 2:
        path.unlink()
        (seeds / f"{path.stem}.yml").unlink(missing_ok=True)
        return f"{name} deleted"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return f"{kind} in {name}"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_builds_equal_full_builds_after_random_edits(tmp_path, seed):
    rng = random.Random(seed)
    seeds = corpus(tmp_path)
    live = config(tmp_path, "docs")
    memory = BuildMemory()
    build(live, memory=memory)
    fewer = []
    for round in range(6):
        done = [edit(seeds, rng) for _ in range(rng.randint(1, 3))]
        if round == 3:
            memory = BuildMemory()  # as a new process: from the cache folder alone
        before = tree(tmp_path / "docs")
        incremental = build(live, memory=memory)
        after = tree(tmp_path / "docs")
        fresh = f"fresh-{round}"
        with_models(tmp_path / "docs", tmp_path / fresh)
        full = build(config(tmp_path, fresh))
        assert built(tmp_path / "docs") == built(tmp_path / fresh), done
        assert (tmp_path / "docs-report.md").read_bytes() == (tmp_path / f"{fresh}-report.md").read_bytes(), done
        assert incremental.corpus.errors == full.corpus.errors and incremental.corpus.warnings == full.corpus.warnings
        changed = {path for path, data in after.items() if before.get(path) != data and not _private(path)}
        assert set(incremental.written.written) == changed, "exactly the pages whose text changed are rewritten"
        fewer.append(len(changed) < len(full.written.written))
    assert any(fewer), "some edits rewrite only some pages"


def with_models(docs: Path, fresh: Path) -> None:
    """Give the fresh docs folder the corpus-wide models of `docs` (and nothing else of
    its cache): a full build from the same models."""
    (fresh / CACHE_NAME).mkdir(parents=True)
    for entry in (docs / CACHE_NAME).glob(f"*.{MODELS_KIND}"):
        shutil.copy(entry, fresh / CACHE_NAME / entry.name)


def _private(path: str) -> bool:
    return path.split(os.sep, 1)[0] in PRIVATE_NAMES


def test_worker_processes_change_nothing(tmp_path):
    corpus(tmp_path)
    build(config(tmp_path, "alone", workers=0))
    build(config(tmp_path, "shared", workers=2))
    assert tree(tmp_path / "alone") == tree(tmp_path / "shared")
    assert (tmp_path / "alone-report.md").read_bytes() == (tmp_path / "shared-report.md").read_bytes()


def test_an_unreadable_cache_entry_is_made_again(tmp_path):
    corpus(tmp_path)
    build(config(tmp_path, "docs"))
    before = tree(tmp_path / "docs")
    entries = sorted((tmp_path / "docs" / CACHE_NAME).iterdir())
    store = SeedCache(tmp_path / "docs")  # entries that hold the digest of their name and content
    store.put(entries[0].name, b"not a pickle")
    store.put(entries[1].name, pickle.dumps(os.system))  # would run a command if it were loaded
    build(config(tmp_path, "docs"))
    assert tree(tmp_path / "docs") == before


def test_the_cache_folder_follows_the_output_folder_rules(tmp_path):
    corpus(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / CACHE_NAME).symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutputError, match="is not the build's cache folder"):
        build(config(tmp_path, "docs"))
    assert list(outside.iterdir()) == []


#: The cache's own module, which imports `io`: a forged entry names `io.FileIO` through it.
MODULE = b"corpus_browser.store.cache"


def test_a_cache_entry_holding_anything_but_the_builds_own_values_is_made_again(tmp_path):
    """Classes the package's modules import (a file object, a path) are not its
    values, however the entry names them; nor is a value of another kind."""
    corpus(tmp_path)
    build(config(tmp_path, "docs"))
    before = tree(tmp_path / "docs")
    victim = tmp_path / "victim.txt"
    victim.write_text("kept\n", encoding="utf-8")
    opens_a_file = pickle.dumps(io.FileIO(os.devnull, "r").__class__, protocol=4).replace(
        b"\x8c\x03_io\x94\x8c\x06FileIO", b"\x8c" + bytes([len(MODULE)]) + MODULE + b"\x94\x8c\tio.FileIO")
    forged = opens_a_file[:-1] + pickle.dumps((str(victim), "w"), protocol=4)[2:-1] + b"R."
    entries = sorted((tmp_path / "docs" / CACHE_NAME).iterdir())
    store = SeedCache(tmp_path / "docs")  # entries that hold the digest of their name and content
    store.put(entries[0].name, forged)
    store.put(entries[1].name, pickle.dumps(Path(victim)))
    store.put(entries[2].name, pickle.dumps({"not": "a seed"}))
    build(config(tmp_path, "docs"))
    assert victim.read_text(encoding="utf-8") == "kept\n"
    assert tree(tmp_path / "docs") == before


def test_26_08_an_entry_edited_by_hand_or_swapped_with_another_is_made_again(tmp_path):
    corpus(tmp_path)
    build(config(tmp_path, "docs"))
    cache = tmp_path / "docs" / CACHE_NAME
    (pages,) = cache.glob("*.pages")
    assert b"Notes on Topic 00" in pages.read_bytes()
    pages.write_bytes(pages.read_bytes().replace(b"Notes on Topic 00", b"Notes on TAMPERED"))
    first, second = sorted(cache.glob("*.split"))[:2]
    first_data, second_data = first.read_bytes(), second.read_bytes()
    first.write_bytes(second_data)
    second.write_bytes(first_data)

    build(config(tmp_path, "docs"))
    build(config(tmp_path, "fresh"))
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")


def pages(folder: Path) -> dict[str, bytes]:
    """The docs folder's pages, feeds and records: not the build's private files."""
    return {path: data for path, data in tree(folder).items() if not _private(path)}


FAILURES = {
    "bad sidecar": lambda seed: seed.with_suffix(".yml").write_text("split_at: [nine]\n", encoding="utf-8"),
    "not text": lambda seed: seed.write_bytes(b"\x00\x01\x02\xff" * 40),
    "gone from under its link": lambda seed: (seed.unlink(), seed.symlink_to("missing.txt")),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_26_05_a_seed_that_cannot_be_used_keeps_its_last_good_pages(tmp_path, failure):
    seeds = corpus(tmp_path)
    build(config(tmp_path, "docs"))
    published = pages(tmp_path / "docs")
    seed = seeds / "notes-1.txt"
    FAILURES[failure](seed)
    for _ in range(2):  # and for as long as it stays so
        report = build(config(tmp_path, "docs"))
        assert [error.path for error in report.corpus.errors] in ([str(seed)], [str(seed.with_suffix(".yml"))])
        assert [str(warning) for warning in report.corpus.warnings] == [
            f"{seed}: its last good pages are kept until it can be read again"]
        assert pages(tmp_path / "docs") == published

    seed.unlink()
    seed.with_suffix(".yml").unlink(missing_ok=True)
    report = build(config(tmp_path, "docs"))
    assert not report.corpus.errors and not report.corpus.warnings
    assert not any(path.startswith("articles/notes-1/") for path in pages(tmp_path / "docs")), \
        "a seed taken out of the folder takes its pages with it"


def test_26_05_a_seed_in_a_subfolder_that_cannot_be_used_keeps_its_last_good_pages(tmp_path):
    seeds = corpus(tmp_path)
    (seeds / "blog").mkdir()
    seed = seeds / "blog" / "notes-1.txt"
    (seeds / "notes-1.txt").rename(seed)  # and another seed of that file name stays at the top
    (seeds / "notes-2.txt").rename(seeds / "notes-1.txt")
    build(config(tmp_path, "docs"))
    published = pages(tmp_path / "docs")
    seed.write_bytes(b"\x00\x01\x02\xff" * 40)
    report = build(config(tmp_path, "docs"))
    assert [error.path for error in report.corpus.errors] == [str(seed)]
    assert [str(warning) for warning in report.corpus.warnings] == [
        f"{seed}: its last good pages are kept until it can be read again"]
    assert pages(tmp_path / "docs") == published


def test_a_value_pickled_straight_into_its_entry_is_the_entry_its_pickle_makes(tmp_path):
    """`put_value` (the render memo's entry, never held whole as a pickle) writes
    what `put` of the same pickle does, and it reads back as the value."""
    value = {"articles/a.md": ("digest", "# A page\n" * 1000), "index.md": ("other", "Home\n")}
    for docs in ("streamed", "whole"):
        (tmp_path / docs).mkdir()
    streamed, whole = SeedCache(tmp_path / "streamed"), SeedCache(tmp_path / "whole")
    name = "0" * 64 + ".pages"
    streamed.put_value(name, value)
    whole.put(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    entry = CACHE_NAME + "/" + name
    assert (tmp_path / "streamed" / entry).read_bytes() == (tmp_path / "whole" / entry).read_bytes()
    assert streamed.value(name, dict) == value
