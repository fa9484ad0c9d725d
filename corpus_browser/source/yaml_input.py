"""Bounded YAML for the files an editor writes: sidecars, the theme taxonomy,
and the few settings the command line reads from mkdocs.yml.

A YAML file is input like any other, so it is read within limits: its size,
how deep it nests, how many aliases it uses and how large it grows once they
are expanded (a 400-byte "billion laughs" file would otherwise grow to
gigabytes). Duplicate keys are refused instead of the last one silently
winning; dates stay text (the validators decide what a valid date is), so no
impossible date can fail inside the parser. Mappings and sequences come back
as `YamlMap` and `YamlList`: a dict and a list that also know the line of
each entry, so a validator can name the line of a bad value (`line_of`).
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

import yaml

from corpus_browser.errors import CorpusError, excerpt
from corpus_browser.source.files import read_regular

#: Largest YAML file read, in bytes.
MAX_BYTES = 1_000_000
#: Deepest nesting of mappings and sequences, aliases expanded.
MAX_DEPTH = 40
#: Most aliases (`*name`) in one file.
MAX_ALIASES = 1_000
#: Most values (scalars, mappings, sequences) once aliases are expanded.
MAX_NODES = 200_000

_MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlMap(dict):
    """A YAML mapping: a dict that also knows its line and the line of each key."""

    line: int | None = None
    key_lines: dict


class YamlList(list):
    """A YAML sequence: a list that also knows its line and the line of each item."""

    line: int | None = None
    item_lines: list


def line_of(container: object, *key: object) -> int | None:
    """The 1-based line of `container[key]` (of `container` itself when no key
    is given) in the YAML file it was read from; None when that is not known."""
    if not key:
        return getattr(container, "line", None)
    (key,) = key
    if isinstance(container, YamlMap):
        return container.key_lines.get(key) if isinstance(key, Hashable) else None
    if isinstance(container, YamlList) and isinstance(key, int) and 0 <= key < len(container.item_lines):
        return container.item_lines[key]
    return None


class _Refused(Exception):
    """A limit was exceeded or a rule broken; carries the 0-based line."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the limits above, duplicate keys refused,
    timestamps kept as text, and line-aware containers."""

    # Timestamps are resolved as plain text: drop the implicit timestamp resolver.
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def fetch_flow_collection_start(self, token_class):
        # Checked here, while scanning: PyYAML's scanner slows down with every
        # open bracket, long before the composer would see the nesting.
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(f"nested deeper than {MAX_DEPTH} levels", self.get_mark().line)
        super().fetch_flow_collection_start(token_class)

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(f"more than {MAX_ALIASES} aliases", self.peek_event().start_mark.line)
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark.line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        _check_expanded_size(node)
        return self.construct_document(node)


class _LenientLoader(_BoundedLoader):
    """The bounded loader that reads values with unknown tags (mkdocs.yml's
    `!ENV`, `!!python/name:`) as None instead of refusing the file."""


def _construct_map(loader: _BoundedLoader, node: yaml.MappingNode):
    data = YamlMap()
    data.line, data.key_lines = node.start_mark.line + 1, {}
    yield data
    written = set()
    for key_node in [key for key, _ in node.value if key.tag != _MERGE_TAG]:
        key = _key(loader, key_node)
        if key in written:
            raise _Refused(f"duplicate key {excerpt(key)}", key_node.start_mark.line)
        written.add(key)
    loader.flatten_mapping(node)  # merged (`<<:`) entries first, so the mapping's own win
    for key_node, value_node in node.value:
        key = _key(loader, key_node)
        data[key] = loader.construct_object(value_node, deep=False)
        data.key_lines[key] = key_node.start_mark.line + 1


def _key(loader: _BoundedLoader, node: yaml.Node) -> Hashable:
    key = loader.construct_object(node, deep=True)
    if not isinstance(key, Hashable):
        raise _Refused(f"a key must be a single value, not {excerpt(key)}", node.start_mark.line)
    return key


def _construct_list(loader: _BoundedLoader, node: yaml.SequenceNode):
    data = YamlList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=False) for child in node.value)


_BoundedLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_BoundedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_LenientLoader.add_constructor(None, lambda loader, node: None)


def _check_expanded_size(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand it beyond `MAX_NODES` values or
    `MAX_DEPTH` levels, or that refers to itself; each node is visited once."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _Refused(f"nested deeper than {MAX_DEPTH} levels once aliases are expanded", node.start_mark.line)
        known = sizes.get(id(node))
        if known is not None:
            if known < 0:
                raise _Refused("an alias refers to the value that holds it", node.start_mark.line)
            return known
        sizes[id(node)] = -1
        children = node.value if isinstance(node, yaml.SequenceNode) else (
            [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
        total = 1 + sum(size(child, depth + 1) for child in children)
        if total > MAX_NODES:
            raise _Refused(f"more than {MAX_NODES:,} values once aliases are expanded", node.start_mark.line)
        sizes[id(node)] = total
        return total

    size(root, 0)


def load_yaml(path: Path, shown: str, error: type[CorpusError], lenient: bool = False) -> object:
    """Read and parse one YAML file within the limits above.

    `shown` names the file in messages; a file that cannot be read, is too
    large, is not UTF-8, is not valid YAML or breaks a limit raises `error`
    (one line, with the line number where it is known). With `lenient`,
    values with tags this loader does not know are read as None.
    """
    return parse_yaml(read_yaml_bytes(path, shown, error), shown, error, lenient)


def read_yaml_bytes(path: Path, shown: str, error: type[CorpusError]) -> bytes:
    """A YAML file's bytes, up to one byte more than `MAX_BYTES` (so `parse_yaml` can tell it is too large)."""
    try:
        return read_regular(path, MAX_BYTES + 1)
    except OSError as problem:
        raise error(shown, f"cannot read: {problem.strerror or problem}") from None


def parse_yaml(data: bytes, shown: str, error: type[CorpusError], lenient: bool = False) -> object:
    """Parse a YAML file's bytes (as `read_yaml_bytes` gives them) within the limits above; see `load_yaml`."""
    if len(data) > MAX_BYTES:
        raise error(shown, f"larger than {MAX_BYTES:,} bytes; is this the right file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(shown, f"not UTF-8 text (byte {problem.start + 1}); save it as UTF-8") from None
    try:
        return _parse(text, _LenientLoader if lenient else _BoundedLoader)
    except _Refused as problem:
        raise error(shown, str(problem), None if problem.line is None else problem.line + 1) from None
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        message = problem.problem or problem.context or type(problem).__name__
        raise error(shown, f"not valid YAML: {message}", None if mark is None else mark.line + 1) from None
    except yaml.YAMLError as problem:
        raise error(shown, f"not valid YAML: {str(problem).splitlines()[0]}") from None
    except (ValueError, OverflowError) as problem:  # e.g. an integer of 5,000 digits
        raise error(shown, f"a value cannot be read: {excerpt(str(problem).splitlines()[0], 80)}") from None


def _parse(text: str, loader_class: type[_BoundedLoader]) -> object:
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
