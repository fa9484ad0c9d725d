"""`corpus-browser new DIR [DUMP...]`: a ready site folder for someone's own dump.

It makes DIR (which must not exist, or be empty) with:

- `mkdocs.yml`: Material for MkDocs with the `corpus-browser` plugin, Material's
  search (works from disk and under `mkdocs serve`; a hosted build switches to
  Pagefind with `MATERIAL_SEARCH=false`), and the site named after the folder;
- `seeds/`, holding a copy of each DUMP (a file, or a folder's files);
- `docs/`, empty: the build writes the pages there;
- `.gitignore` for what the build generates, `requirements.txt` pinning this
  version, and `.github/workflows/deploy.yml`, which publishes the site with
  GitHub Pages on every push to main.

Nothing outside DIR is written, and nothing in it is overwritten.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from corpus_browser.errors import ConfigError

MKDOCS_YML = """\
site_name: {site_name}
site_description: Articles to browse and search by author, theme and date.

theme:
  name: material
  font: false            # system fonts: no request to a font CDN
  features:
    - search.highlight
    - navigation.top

plugins:
  # Material's search, which works under `mkdocs serve` and opened from disk; for a
  # hosted site of thousands of articles, build with MATERIAL_SEARCH=false and the
  # articles are indexed with Pagefind instead.
  - search:
      enabled: !ENV [MATERIAL_SEARCH, true]
      fields:
        authors: {{ boost: 1000 }}
  - offline:
      enabled: !ENV [MATERIAL_SEARCH, true]
  # Splits every file in seeds/ into articles and builds the archive's pages.
  - corpus-browser:
      seeds_dir: seeds
      themes_file: themes.yml   # optional: your own themes (see `corpus-browser themes --propose`)
"""

GITIGNORE = """\
# Written by the corpus-browser plugin (listed in docs/.corpus-browser.json)
docs/*
!docs/.gitkeep
corpus-report.md
# MkDocs output
/site/
"""

WORKFLOW = """\
# Build the site and publish it with GitHub Pages on every push to main.
# In the repository settings, set Pages > Source to "GitHub Actions".
name: Deploy site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: true

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install -r requirements.txt
      # Hosted: Pagefind's search, indexed in the same build.
      - run: MATERIAL_SEARCH=false mkdocs build --strict
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


REQUIREMENTS = """\
# What the deploy workflow installs: the corpus-browser this site was made with.
# Where it is not on your package index, name a wheel committed beside this file
# (./corpus_browser-{version}-py3-none-any.whl) or the repository it comes from
# (corpus-browser @ git+https://github.com/OWNER/REPO).
corpus-browser=={version}
"""


def new_site(folder: Path, dumps: Sequence[Path]) -> list[Path]:
    """Make the site folder (see the module docstring); returns the seeds copied.
    Raises `ConfigError` when the folder is in use or a dump cannot be read."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError(str(folder), "exists and is not an empty folder; choose a new one")
    for dump in dumps:
        if not dump.exists():
            raise ConfigError(str(dump), "no such file or folder")
    try:
        (folder / "seeds").mkdir(parents=True, exist_ok=True)
        (folder / "docs").mkdir()
        (folder / "docs" / ".gitkeep").touch()
        (folder / ".github" / "workflows").mkdir(parents=True)
        (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(site_name=json.dumps(_site_name(folder))),
                                           encoding="utf-8")
        (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        (folder / ".github" / "workflows" / "deploy.yml").write_text(WORKFLOW, encoding="utf-8")
        (folder / "requirements.txt").write_text(REQUIREMENTS.format(version=_version()), encoding="utf-8")
        return [_copy(dump, folder / "seeds") for dump in dumps]
    except OSError as error:
        raise ConfigError(str(folder), f"cannot write: {error.strerror or error}") from None


def _site_name(folder: Path) -> str:
    """The folder's name as a title: `my-blog_2016` -> `My Blog 2016`."""
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or "Corpus Browser"


def _copy(dump: Path, seeds: Path) -> Path:
    """A copy of a dump in the seeds folder, under its own name (`-2` if it is taken)."""
    target, n = seeds / dump.name, 1
    while target.exists():
        n += 1
        target = seeds / f"{dump.stem}-{n}{dump.suffix}"
    if dump.is_dir():
        shutil.copytree(dump, target, symlinks=True)
    else:
        shutil.copyfile(dump, target)
    return target


def _version() -> str:
    try:
        return metadata.version("corpus-browser")
    except metadata.PackageNotFoundError:
        return "0.1.0"
