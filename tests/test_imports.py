"""Imports run one way along the pipeline: read, segment, extract, authors, tag,
relate, render, write; shared types live in `model.py`. A stage never imports
a later one, so each can be read, tested and replaced on its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "corpus_browser"

#: The package's modules in pipeline order; a module may import only modules of its own layer or earlier.
LAYERS = [
    {"errors", "config", "model"},
    {"lang"},
    {"source"},
    {"split"},
    {"enrich"},
    {"site"},
    {"store"},
    {"pipeline"},
    {"adapters"},
]
LAYER = {name: n for n, names in enumerate(LAYERS) for name in names}


def imported_modules(path: Path) -> set[str]:
    """The package modules a file imports (its first name after `corpus_browser.`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "corpus_browser":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corpus_browser."):
            found.add(node.module.split(".")[1])
    return found - {unit_of(path)}


def unit_of(path: Path) -> str:
    """The subpackage a file belongs to, or the module it is."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def test_every_module_has_a_place_in_the_pipeline():
    units = {unit_of(path) for path in PACKAGE.rglob("*.py")} - {"__init__"}
    assert units == set(LAYER)


def test_imports_run_one_way_along_the_pipeline():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = unit_of(path)
        if module == "__init__":
            continue
        for imported in imported_modules(path):
            if LAYER[imported] > LAYER[module]:
                backwards.append(f"{path.relative_to(PACKAGE)} imports {imported}")
    assert backwards == []
