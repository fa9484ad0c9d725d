"""The package's layout is its pipeline, and each boundary has a rule checked here.

- `model`, `config`, `errors` and `lang/` are the core: they import no stage.
- The stages (`source/`, `split/`, `enrich/`, `site/`, `store/`) import only the
  core: they hand each other `model` types through `pipeline/`, never call
  each other, and never import one another for a type.
- `pipeline/` runs the stages; `adapters/` (the command line, the MkDocs
  plugin, live reload, Pagefind) sit on top and may import anything.
- `split/`, `enrich/` and `site/` are pure: no file system, no processes.
  Only `source/` reads input files and only `store/` (and the adapters, for
  the tools they drive) writes.
- Only `pipeline/` starts worker processes; only `adapters/` know argparse,
  MkDocs, watchdog and Pagefind.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "corpus_browser"

CORE = {"model", "config", "errors", "lang"}
STAGES = ("source", "split", "enrich", "site", "store")
#: What each part of the package may import of the package, besides itself.
MAY_IMPORT = {
    "errors": set(),
    "lang": set(),
    "model": {"errors"},
    "config": {"errors"},
    **{stage: CORE for stage in STAGES},
    "pipeline": CORE | set(STAGES),
    "adapters": CORE | set(STAGES) | {"pipeline"},
}
PURE = ("split", "enrich", "site")
#: Standard modules that reach the file system or start processes: not for pure stages.
IMPURE_MODULES = {"os", "shutil", "tempfile", "subprocess", "fcntl", "glob", "multiprocessing", "concurrent"}
#: Modules only one part of the package may import.
OWNED_MODULES = {
    "argparse": "adapters", "mkdocs": "adapters", "watchdog": "adapters", "pagefind": "adapters",
    "multiprocessing": "pipeline", "concurrent": "pipeline",
}
#: Calls that write to the file system.
WRITING_CALLS = {"write_text", "write_bytes", "mkdir", "unlink", "rmdir", "replace", "rename", "rmtree", "symlink_to"}


def part_of(path: Path) -> str:
    """The subpackage a file belongs to, or the top-level module it is."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def package_imports(tree: ast.AST) -> set[str]:
    """The parts of the package a module imports (the first name after `corpus_browser.`)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "corpus_browser":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corpus_browser."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("corpus_browser."))
    return found


def outside_imports(tree: ast.AST) -> set[str]:
    """The top-level names of the modules outside the package that a module imports."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found - {"corpus_browser"}


def modules() -> list[tuple[Path, str, ast.AST]]:
    return [(path, part_of(path), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if path != PACKAGE / "__init__.py"]


def test_every_part_of_the_package_has_a_place():
    assert {part for _path, part, _tree in modules()} == set(MAY_IMPORT)


def test_imports_run_one_way_along_the_pipeline():
    wrong = [f"{path.relative_to(PACKAGE)} imports {imported}"
             for path, part, tree in modules() for imported in sorted(package_imports(tree) - {part})
             if imported not in MAY_IMPORT[part]]
    assert wrong == []


def test_pure_stages_touch_no_files_and_start_no_processes():
    wrong = []
    for path, part, tree in modules():
        if part not in PURE:
            continue
        wrong += [f"{path.relative_to(PACKAGE)} imports {name}" for name in sorted(outside_imports(tree) & IMPURE_MODULES)]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "pathlib":
                wrong += [f"{path.relative_to(PACKAGE)} imports pathlib.{alias.name}" for alias in node.names
                          if not alias.name.startswith("Pure")]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
                wrong.append(f"{path.relative_to(PACKAGE)}:{node.lineno} opens a file")
    assert wrong == []


def test_only_the_store_and_the_adapters_write():
    wrong = [f"{path.relative_to(PACKAGE)}:{node.lineno} calls {node.func.attr}"
             for path, part, tree in modules() if part not in ("store", "adapters")
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITING_CALLS
             and not _is_text_replace(node)]
    assert wrong == []


def _is_text_replace(node: ast.Call) -> bool:
    """`text.replace(old, new)` (two arguments) is not `os.replace` / `Path.replace`."""
    return node.func.attr == "replace" and len(node.args) >= 2


def test_tools_are_known_only_where_they_are_driven():
    wrong = [f"{path.relative_to(PACKAGE)} imports {name}"
             for path, part, tree in modules() for name in sorted(outside_imports(tree))
             if OWNED_MODULES.get(name, part) != part]
    assert wrong == []
