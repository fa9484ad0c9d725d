"""A site built from a dump in another language declares it: Material's language and `<html lang>`,
an article in another language its own, the feed's language, and Pagefind's index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sites import hosted_build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"


def html_lang(page: Path) -> str:
    return re.search(r'<html lang="([^"]*)"', page.read_text(encoding="utf-8"))[1]


def test_a_russian_site_with_chinese_articles_declares_each_language(make_project):
    seeds = {name: (FIXTURES / name).read_text(encoding="utf-8")
             for name in ("angie-changes-ru.txt", "tidb-release-notes-zh.md")}
    seeds["angie-more-ru.txt"] = seeds["angie-changes-ru.txt"].replace("Angie 1.12", "Angie 1.13")
    project = make_project("languages", seeds)
    site = hosted_build(project)
    assert html_lang(site / "index.html") == "ru"
    assert "Перейти к содержанию" in (site / "index.html").read_text(encoding="utf-8")  # Material speaks Russian
    chinese = next(path for path in (site / "articles").rglob("*.html") if "tidb" in path.as_posix())
    assert html_lang(chinese) == "zh"
    assert 'xml:lang="ru"' in (site / "feed.xml").read_text(encoding="utf-8")
    languages = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    assert set(languages) == {"ru", "zh"}
