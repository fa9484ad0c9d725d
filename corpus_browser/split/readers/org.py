"""Org mode (and Emacs outlines, as GNU NEWS files are): a line of stars and
a title is a heading, its rank the number of stars; a TODO keyword, a priority
and tags are not part of the title. What Org states about a post is read as
metadata:

- a heading's tags (`:@category:tag:`), its property drawer (`:EXPORT_DATE:`,
  `:DATE:`, `:EXPORT_AUTHOR:`, `:EXPORT_DESCRIPTION:`, …) and its planning line
  (`CLOSED: [2020-01-02 Thu]`): the tags, authors, summary and date of the post
  it opens; a heading with an `:EXPORT_FILE_NAME:` is a post of its own, as
  ox-hugo exports it (it opens a record);
- the file's keywords (`#+title:`, `#+date:`, `#+author:`, `#+filetags:`,
  `#+description:`): those of the file's one post; where posts' files were
  joined into one, each run of keywords holding a `#+title:` opens a post;
- a `COMMENT` heading or one tagged `:noexport:` is never published; in a file
  that exports posts (ox-hugo), neither is a `TODO` or `DRAFT` one: drafts.

Comment lines (`# …`), which Org never exports, are set aside. The lines of
a `#+begin_` ... `#+end_` block (code, an example, a quotation)
are verbatim units, never headings nor metadata: a date in a quoted mail does
not date the post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus_browser.lang.recognise import find_date
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Stated, Unit
from corpus_browser.split.formats import ORG_HEADING
from corpus_browser.split.readers.fields import stated_facts, stated_names
from corpus_browser.split.readers.paragraphs import text_builder

#: Org's metadata lines: `#+keyword: value`, and a drawer's `:NAME:` lines.
_META = re.compile(r"^[ \t]*(?:#\+\w+:|:[\w-]+:)")
_BLOCK = re.compile(r"^[ \t]*#\+(begin|end)_", re.IGNORECASE)
#: A comment line, which Org never exports: `# a note to the file's editors`.
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_KEYWORD = re.compile(r"^[ \t]*#\+(\w+):[ \t]*(.*)$")
_PROPERTY = re.compile(r"^[ \t]*:([\w-]+):[ \t]*(.*)$")
_PLANNING = re.compile(r"^[ \t]*(?:CLOSED|SCHEDULED|DEADLINE):")
_CLOSED = re.compile(r"CLOSED:[ \t]*\[([^\]]+)\]")
#: A heading's TODO keyword, priority and tags, around its title.
_HEADING_PARTS = re.compile(r"^(?P<todo>[A-Z]{2,}\s+)?(?:\[#[A-Z0-9]\]\s+)?(?P<title>.*?)(?:\s+(?P<tags>:[\w@#%:]+:))?\s*$")
#: TODO keywords of a post that is not published yet, in a file that exports posts.
_UNPUBLISHED = frozenset({"TODO", "DRAFT", "WAIT", "HOLD"})
#: Properties that hold a post's date, most telling first; its authors; its summary.
_DATE_PROPERTIES = ("export_date", "date", "pubdate", "export_hugo_publishdate")
_AUTHOR_PROPERTIES = ("export_author", "author", "export_hugo_authors")
_SUMMARY_PROPERTIES = ("export_description", "export_hugo_description", "description")
#: A file whose posts Org exports one by one (ox-hugo, org-static-blog).
_EXPORTS_POSTS = re.compile(r"^[ \t]*(?::EXPORT_FILE_NAME:|#\+hugo_)", re.IGNORECASE | re.MULTILINE)


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    exports = any(_EXPORTS_POSTS.match(line) for line in lines)
    file_authors = _file_authors(lines) if exports else ()
    posts = _titled_keyword_runs(lines)
    in_block = False
    i = 0
    while i < len(lines):
        raw = lines[i]
        block = _BLOCK.match(raw)
        if block or (in_block and raw.strip()):
            in_block = block[1].casefold() == "begin" if block else in_block
            builder.unit(clean(raw), i + 1, i + 1, Role.VERBATIM)  # a block's lines stay lines, and body
            i += 1
            continue
        heading = None if in_block else ORG_HEADING.match(raw)
        if heading and clean(heading["text"]):
            i = _heading(builder, lines, i, heading, exports, file_authors)
            continue
        keyword = _KEYWORD.match(raw)
        if keyword and not in_block:
            _keyword(builder, i, raw, keyword[1].casefold(), keyword[2], opens_record=i in posts)
        elif not in_block and _META.match(raw):
            builder.unit(clean(raw), i + 1, i + 1, Role.HEADER)
        elif not in_block and _COMMENT.match(raw):
            builder.unit(clean(raw), i + 1, i + 1, Role.BOILERPLATE)
        else:
            builder.line(i + 1, raw)
        i += 1
    return builder.units()


def _titled_keyword_runs(lines: Sequence[str]) -> set[int]:
    """The first lines of the runs of `#+keyword:` lines that hold a `#+title:`,
    when there are two or more: the heads of posts' files joined into one."""
    runs, start = [], None
    for i, line in enumerate([*lines, ""]):
        keyword = _KEYWORD.match(line)
        if keyword and start is None:
            start, titled = i, False
        if keyword:
            titled = titled or keyword[1].casefold() == "title"
        elif start is not None:
            if titled:
                runs.append(start)
            start = None
    return set(runs) if len(runs) >= 2 else set()


def _file_authors(lines: Sequence[str]) -> tuple[str, ...]:
    """The authors the file's `#+author:` names before its first heading: those of each post it exports."""
    for line in lines:
        if ORG_HEADING.match(line):
            return ()
        keyword = _KEYWORD.match(line)
        if keyword and keyword[1].casefold() == "author":
            return stated_names(keyword[2])
    return ()


def _heading(builder, lines: Sequence[str], i: int, match: re.Match[str], exports: bool,
             file_authors: tuple[str, ...] = ()) -> int:
    """A heading with its planning line and property drawer; returns the index of the line after them.
    A post the file exports is by the file's authors unless its properties name others."""
    parts = _HEADING_PARTS.match(match.group(0).lstrip("*").strip())
    todo = (parts["todo"] or "").strip()
    title = clean(parts["title"]) or clean(match["text"])
    tags = tuple(tag.lstrip("@") for tag in (parts["tags"] or "").strip(":").split(":") if tag)
    draft = todo == "COMMENT" or title.startswith("COMMENT ") or "noexport" in tags \
        or (exports and todo in _UNPUBLISHED)
    end, planning, properties = _drawers(lines, i + 1)
    closed = next((found[1] for number in planning if (found := _CLOSED.search(lines[number]))), None)
    date = next((found for key in _DATE_PROPERTIES if (found := find_date(properties.get(key, "")))), None) \
        or (find_date(closed) if closed else None)
    names = next((found for key in _AUTHOR_PROPERTIES if (found := stated_names(properties.get(key, "")))), ()) \
        or (file_authors if "export_file_name" in properties else ())
    summary = next((clean(properties[key]) for key in _SUMMARY_PROPERTIES if clean(properties.get(key, ""))), None)
    address = clean(properties.get("export_file_name", "")) or None
    stated = Stated(tuple(tag for tag in tags if tag != "noexport"), draft, summary, address) \
        if tags or draft or summary or address else None
    builder.unit(title, i + 1, i + 1, Role.HEADING, level=len(match["marks"]), marker=match["marks"],
                 opens_record="export_file_name" in properties, date=date, names=names, stated=stated)
    for number in range(i + 1, end):
        if lines[number].strip():
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.HEADER)
    return end


def _drawers(lines: Sequence[str], start: int) -> tuple[int, list[int], dict[str, str]]:
    """The planning lines and property drawer right under a heading: where they
    end, the planning lines, and the properties (by lower-case name)."""
    i, planning, properties = start, [], {}
    while i < len(lines) and _PLANNING.match(lines[i]):
        planning.append(i)
        i += 1
    if i < len(lines) and lines[i].strip().casefold() == ":properties:":
        i += 1
        while i < len(lines) and lines[i].strip().casefold() != ":end:":
            found = _PROPERTY.match(lines[i])
            if found:
                properties[found[1].casefold()] = found[2].strip()
            i += 1
        i += 1
    return min(i, len(lines)), planning, properties


def _keyword(builder, i: int, raw: str, key: str, value: str, opens_record: bool = False) -> None:
    """A `#+keyword:` line: the title a heading, the date a date line, the author a
    byline, tags and a description header fields stating them, any other a header
    field; `opens_record` when it opens a post (`_titled_keyword_runs`)."""
    if key == "title" and clean(value):
        builder.unit(clean(value), i + 1, i + 1, Role.HEADING, level=0, marker="#+title:", opens_record=opens_record)
    elif key == "date" and (date := find_date(value)):
        builder.unit(clean(raw), i + 1, i + 1, Role.DATE, date=date, opens_record=opens_record)
    elif key == "author" and (names := stated_names(value)):
        builder.unit(clean(raw), i + 1, i + 1, Role.BYLINE, names=names, opens_record=opens_record)
    else:
        builder.unit(clean(raw), i + 1, i + 1, Role.HEADER, stated=stated_facts({key: value}),
                     opens_record=opens_record)
