"""Imports run one way along the pipeline: read, segment, extract, authors, tag,
relate, render, write; shared types live in `model.py`. A stage never imports
a later one, so each can be read, tested and replaced on its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "corpus_browser"

#: The package's modules in pipeline order; a module may import only modules of its own layer or earlier.
LAYERS = [
    {"errors", "rules", "config", "model", "progress", "manifest", "yaml_input"},
    {"text", "dates"},
    {"recognise", "formats", "overrides", "taxonomy"},
    {"read"},
    {"readers", "boilerplate", "structure", "template", "segment"},
    {"extract"},
    {"authors"},
    {"words"},
    {"tag", "discover"},
    {"relate"},
    {"memo"},
    {"listings", "feeds"},
    {"render", "report", "explain", "search"},
    {"write", "freshness", "cache", "pagefind_index"},
    {"seedwork"},
    {"build"},
    {"cli", "mkdocs_hook", "live"},
]
LAYER = {name: n for n, names in enumerate(LAYERS) for name in names}


def imported_modules(path: Path) -> set[str]:
    """The package modules a file imports (its first name after `corpus_browser.`)."""
    found = set()
    inside_readers = path.parent.name == "readers"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and inside_readers:
                continue  # a reader's own helpers
            if node.level:
                found.add((node.module or "").split(".")[0] or node.names[0].name)
            elif node.module and node.module.startswith("corpus_browser."):
                found.add(node.module.split(".")[1])
    return found


def test_every_module_has_a_place_in_the_pipeline():
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"} | {"readers"}
    assert modules == set(LAYER)


def test_imports_run_one_way_along_the_pipeline():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = "readers" if path.parent.name == "readers" else path.stem
        if module == "__init__":
            continue
        for imported in imported_modules(path):
            if LAYER[imported] > LAYER[module]:
                backwards.append(f"{path.relative_to(PACKAGE)} imports {imported}")
    assert backwards == []
