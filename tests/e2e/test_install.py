"""Install anywhere (issue 19): the wheel `pip install .` makes holds the whole
package, and installed on its own (not editable) in a fresh virtual environment
it builds the repository's own site, hosted as the deploy workflow builds it,
and a brand-new folder made by `corpus-browser new`, from nothing but its
seeds, an empty docs/ and the plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
#: Files of the repository a site build reads.
PROJECT_FILES = ("mkdocs.yml", "themes.yml", "seeds")

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds from a copy of the repository's files."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                    str(source)], check=True, capture_output=True)
    return next(out.glob("corpus_browser-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (not editable); its bin folder."""
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True)
    bin_dir = environment / "bin"
    subprocess.run([str(bin_dir / "pip"), "install", "-q", str(wheel)], check=True, capture_output=True,
                   timeout=900, env=_outside_checkout())
    return bin_dir


def _outside_checkout() -> dict[str, str]:
    """The environment without a PYTHONPATH that could put a checkout's package beside the installed one."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def run(bin_dir: Path, *command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A command of the virtual environment, with none of this checkout on its path."""
    environ = _outside_checkout() | env
    return subprocess.run([str(bin_dir / command[0]), *command[1:]], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=environ)


def test_the_wheel_holds_every_module_template_and_asset(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "corpus_browser"
    shipped = {path.relative_to(REPO).as_posix() for path in package.rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    assert shipped <= names, sorted(shipped - names)
    assert any(name.endswith("entry_points.txt") and "corpus-browser" in zipfile.ZipFile(wheel).read(name).decode()
               for name in names)


def test_the_installed_wheel_builds_the_repository_site_as_the_deploy_workflow_does(installed: Path,
                                                                                    tmp_path: Path):
    for name in PROJECT_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tmp_path / name)
    (tmp_path / "docs").mkdir()
    result = run(installed, "mkdocs", "build", "--strict", cwd=tmp_path, MATERIAL_SEARCH="false")
    assert result.returncode == 0, result.stderr
    assert str(installed.parent) in run(installed, "python", "-c", "import corpus_browser; print(corpus_browser.__file__)",
                                        cwd=tmp_path).stdout
    site = tmp_path / "site"
    assert len(list((site / "articles").rglob("*.html"))) == 23
    assert (site / "pagefind" / "pagefind.js").is_file(), "the hosted build indexes with Pagefind"
    assert (site / "assets" / "stylesheets" / "corpus.css").is_file()


def test_a_new_folder_with_only_its_dump_builds_the_whole_archive(installed: Path, tmp_path: Path):
    made = run(installed, "corpus-browser", "new", "my-archive", *map(str, SEEDS), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "my-archive"
    assert sorted(path.name for path in (folder / "seeds").iterdir()) == [path.name for path in SEEDS]
    assert (folder / ".github" / "workflows" / "deploy.yml").is_file() and (folder / ".gitignore").is_file()
    assert [path.name for path in (folder / "docs").iterdir()] == [".gitkeep"]
    result = run(installed, "mkdocs", "build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    site = folder / "site"
    for page in ("index.html", "archive.html", "themes.html", "authors.html", "feed.xml"):
        assert (site / page).is_file(), page
    articles = list((site / "articles").rglob("*.html"))
    assert len(articles) == 23
    html = articles[0].read_text(encoding="utf-8")
    assert "md-tag" in html and "corpus.css" in html, "chips and the plugin's stylesheet"
    assert (site / "search" / "search_index.js").is_file() or (site / "search" / "search_index.json").is_file()
    assert list((site / "themes").glob("*.html")) and list((site / "authors").glob("*.html"))
    again = run(installed, "corpus-browser", "new", "my-archive", cwd=tmp_path)
    assert again.returncode == 1 and "not an empty folder" in again.stderr, "an existing folder is never overwritten"
