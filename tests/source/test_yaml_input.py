"""Bounded YAML (yaml_input.py): limits, duplicate keys, dates as text, line numbers."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from corpus_browser import errors
from corpus_browser.errors import SidecarError
from corpus_browser.lang import text
from corpus_browser.source import sidecar as overrides
from corpus_browser.source.yaml_input import MAX_BYTES, line_of, load_yaml


def load(tmp_path: Path, source: str | bytes, lenient: bool = False):
    path = tmp_path / "a.yml"
    path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    return load_yaml(path, "seeds/a.yml", SidecarError, lenient=lenient)


@pytest.mark.parametrize(("source", "message"), [
    ("a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + "".join(
        f"c{i}: &c{i} [{', '.join([f'*c{i - 1}' if i else '*b'] * 10)}]\n" for i in range(5)),
     "seeds/a.yml:6: more than 200,000 values once aliases are expanded"),
    ("a: &a [1]\nb: [" + ", ".join(["*a"] * 1001) + "]\n", "seeds/a.yml:2: more than 1000 aliases"),
    ("a: &a [*a]\n", "seeds/a.yml:1: an alias refers to the value that holds it"),
    ("a: " + "[" * 41 + "]" * 41 + "\n", "seeds/a.yml:1: nested deeper than 40 levels"),
    ("".join("  " * i + f"k{i}:\n" for i in range(45)), "seeds/a.yml:40: nested deeper than 40 levels"),
    ("a: 1\nb: 2\na: 3\n", "seeds/a.yml:3: duplicate key 'a'"),
    ("? [1, 2]\n: x\n", "seeds/a.yml:1: a key must be a single value, not [1, 2]"),
    ("a: [1\n", "seeds/a.yml:2: not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("a: !ENV X\n", "seeds/a.yml:1: not valid YAML: could not determine a constructor for the tag '!ENV'"),
    (b"a: \xff\n", "seeds/a.yml: not UTF-8 text (byte 4); save it as UTF-8"),
    ("a: " + "9" * 5000 + "\n", "seeds/a.yml: a value cannot be read: 'Exceeds the limit (4300 digits)"),
])
def test_bad_or_hostile_yaml_is_one_short_line(tmp_path, source, message):
    with pytest.raises(SidecarError) as caught:
        load(tmp_path, source)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value) and len(str(caught.value)) <= 200


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    with pytest.raises(SidecarError, match=r"larger than 1,000,000 bytes"):
        load(tmp_path, "# " + "x" * MAX_BYTES)


def test_dates_stay_text_and_merges_keep_their_own_keys(tmp_path):
    data = load(tmp_path, "date: 2016-02-30\nwhen: 2016-08-23 10:00:00\nbase: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n")
    assert data == {"date": "2016-02-30", "when": "2016-08-23 10:00:00", "base": {"x": 1, "y": 2}, "d": {"x": 3, "y": 2}}


def test_every_entry_knows_its_line(tmp_path):
    data = load(tmp_path, "articles:\n  120:\n    title: X\n    date: 2016\nlist:\n  - a\n  - b\n")
    assert line_of(data) == 1 and line_of(data, "articles") == 1 and line_of(data["articles"], 120) == 2
    assert line_of(data["articles"][120], "date") == 4 and line_of(data["list"], 1) == 7
    assert line_of(data, "missing") is None and line_of("plain", "x") is None


def test_lenient_loading_reads_unknown_tags_as_nothing(tmp_path):
    assert load(tmp_path, "site_name: S\nenabled: !ENV [X, true]\nf: !!python/name:x.y\n", lenient=True) == {
        "site_name": "S", "enabled": None, "f": None}


def test_doctests_of_the_input_helpers():
    for module in (errors, overrides, text):
        assert doctest.testmod(module).failed == 0, module.__name__
