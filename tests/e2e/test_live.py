"""Live editing under `mkdocs serve`, on the real server: one save, one build,
one reload; MkDocs renders only the changed pages when that gives the site a
full build would, and the site is then byte for byte what a full build makes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from serving import BUILDING, DIRTY, RELOADING, serving
from sites import ProjectFactory

#: What the hook logs when the article build finds nothing changed.
UP_TO_DATE = "corpus: up to date, nothing changed since the last build"


def with_tags_plugin(project: Path) -> None:
    """The project's mkdocs.yml with Material's tags plugin, as an editor might add
    it: its listings gather every page, so every build with it renders every page."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nplugins:\n", "\nplugins:\n  - tags\n", 1), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def append_paragraph(project: Path) -> None:
    seed = sorted((project / "seeds").glob("*.txt"))[1]
    with seed.open("a", encoding="utf-8") as file:
        file.write("\n\nA paragraph appended while the site is served, to see it appear at once.\n")


def test_a_save_builds_once_renders_only_the_changed_pages_and_equals_a_full_build(make_project: ProjectFactory,
                                                                                 tmp_path: Path):
    project = make_project("live")
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: append_paragraph(project))
        assert log.count(BUILDING) == 1 and log.count(RELOADING) == 1, log
        assert DIRTY in log, log
        after_dirty_build = tree(server.site())
        assert b"A paragraph appended while the site is served" in b"".join(after_dirty_build.values())
        # A change to mkdocs.yml (a comment) makes the next build a full one, into a cleaned site folder.
        config = project / "mkdocs.yml"
        log = server.after_change(lambda: config.write_text(config.read_text() + "\n# touched\n"))
        assert log.count(BUILDING) == 1 and DIRTY not in log, log
        assert tree(server.site()) == after_dirty_build


def test_with_the_tags_plugins_a_save_still_builds_once(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-tags")
    with_tags_plugin(project)
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: append_paragraph(project))
        assert log.count(BUILDING) == 1 and log.count(RELOADING) == 1, log
        assert DIRTY not in log, "the tags plugins list every page: every build is a full one"


def test_a_hand_edit_in_the_docs_folder_is_still_seen(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-hand")
    stylesheet = project / "docs" / "assets" / "extra.css"
    stylesheet.write_text("/* the editor's own */\n", encoding="utf-8")
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: stylesheet.write_text(stylesheet.read_text() + "\n/* edited */\n"))
        assert log.count(BUILDING) == 1, log
        assert (server.site() / "assets" / "extra.css").read_text().endswith("/* edited */\n")
        # A generated page edited by hand is rebuilt, and so restored.
        page = next((project / "docs" / "articles").rglob("*.md"))
        original = page.read_text(encoding="utf-8")
        log = server.after_change(lambda: page.write_text(original + "\nEdited by hand.\n", encoding="utf-8"))
        assert log.count(BUILDING) == 1, log
        assert page.read_text(encoding="utf-8") == original


def test_a_seed_added_or_removed_builds_once(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-seeds")
    seed = project / "seeds" / "zz-new.txt"
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: seed.write_text("A Seed of Its Own\n\n" + "Words in a row. " * 40 + "\n",
                                                          encoding="utf-8"))
        assert log.count(BUILDING) == 1, log
        assert list((project / "docs" / "articles" / "zz-new").glob("*.md"))
        log = server.after_change(seed.unlink)
        assert log.count(BUILDING) == 1, log
        assert not (project / "docs" / "articles" / "zz-new").exists()


def test_without_a_taxonomy_the_site_serves_and_a_save_rebuilds(make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-no-themes")
    (project / "themes.yml").unlink()  # themes are then discovered in the corpus
    with serving(project, tmp_path) as server:
        log = server.after_change(lambda: append_paragraph(project))
        assert log.count(BUILDING) == 1, log
        assert "A paragraph appended while the site is served" in "".join(
            path.read_text(encoding="utf-8") for path in server.site().rglob("*.html"))


def test_serving_a_built_project_builds_no_article_again_and_keeps_the_published_address(
        make_project: ProjectFactory, tmp_path: Path):
    project = make_project("live-start")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Corpus Browser\n", "site_name: Corpus Browser\nsite_url: https://archive.example.org\n", 1),
        encoding="utf-8")
    subprocess.run([sys.executable, "build_docs.py"], cwd=project, check=True, capture_output=True)
    before = tree(project / "docs")
    assert b"https://archive.example.org/articles/" in before["feed.xml"]
    with serving(project, tmp_path) as server:
        server.wait_for(UP_TO_DATE, 1)  # MkDocs serves its own address, but the feeds keep the site's
    assert tree(project / "docs") == before
