"""AsciiDoc, as the Asciidoctor user manual defines it ("Document header",
"Sections", "Delimited blocks"):

- a document header opens each document: its `= Title`, then (no blank line
  between) an author line (`Dan Allen <dan@example.org>; Sarah White`), a
  revision line (`v1.0, 2013-04-08: Remark`) and `:name: value` attribute
  entries; the title is a heading, the authors a byline, the revision date a
  date, and `:author:`, `:revdate:`, `:tags:` or `:page-tags:` (jekyll-asciidoc
  and Antora hand `page-` attributes to the page) state the same, and are
  read like any source's metadata. Where posts' files were joined into one,
  each header opens a post, even with no blank line above it;
- `== Section` headings, their rank the number of marks;
- the lines of a listing, literal, passthrough or comment block (between two
  equal lines of `----`, `....`, `++++` or `////`) and of a table (`|===`)
  are verbatim: never headings nor metadata, so an example document's own
  `= Title` inside a listing opens nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus_browser.lang.recognise import find_date
from corpus_browser.lang.rules import AUTHOR_KEYS, DATE_KEYS, TITLE_KEYS
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import (
    ASCIIDOC_ATTRIBUTE,
    ASCIIDOC_COMMENT,
    ASCIIDOC_HEADING,
    ASCIIDOC_MARKUP,
    ASCIIDOC_VERBATIM,
    asciidoc_block_end,
)
from corpus_browser.split.readers.fields import RECORDS_MIN, stated_facts, stated_names
from corpus_browser.split.readers.paragraphs import UnitBuilder, text_builder

#: A header's comment lines and preprocessor directives (`ifndef::imagesdir[:imagesdir: ../images]`, `include::`).
_HEADER_DIRECTIVE = re.compile(r"^(?://(?!/)|(?:ifn?def|ifeval|endif|include)::)")
#: The prefix of the attributes a site generator hands to the page (`:page-tags:`).
_PAGE_PREFIX = "page-"
#: The attributes that state a document's date, beside the rules' date keys.
_DATE_ATTRIBUTES = frozenset({"revdate", *DATE_KEYS})
#: An author line's authors are separated by semicolons.
_AUTHOR_SEPARATOR = ";"


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    headers = document_headers(lines)
    opens_record = len(headers) >= RECORDS_MIN
    i = 0
    while i < len(lines):
        raw = lines[i]
        if ASCIIDOC_VERBATIM.match(raw):
            i = _verbatim(builder, lines, i)
        elif i in headers:
            _header(builder, lines, i, headers[i], opens_record)
            i = headers[i]
        elif (heading := ASCIIDOC_HEADING.match(raw)) and _set_apart(lines, i):
            builder.unit(clean(heading["text"]), i + 1, i + 1, Role.HEADING, level=len(heading["marks"]),
                         marker=heading["marks"])
            i += 1
        elif ASCIIDOC_ATTRIBUTE.match(raw) or ASCIIDOC_COMMENT.match(raw):
            builder.unit(clean(raw), i + 1, i + 1, Role.HEADER)
            i += 1
        else:
            builder.line(i + 1, raw)
            i += 1
    return builder.units()


def _set_apart(lines: Sequence[str], i: int) -> bool:
    """A section's title stands after a blank line, or under a comment, an anchor or
    a block attribute list (`// tag::compact[]`, `[#install]`) that stands after one."""
    above = i - 1
    while above >= 0 and (_HEADER_DIRECTIVE.match(lines[above]) or ASCIIDOC_MARKUP.match(lines[above])):
        above -= 1
    return above < 0 or not lines[above].strip()


def document_headers(lines: Sequence[str]) -> dict[int, int]:
    """Each document header, `{its first line: the line after the header}`: a `=
    Title` line over at most two lines (author, revision) and attribute entries,
    up to a blank line; standing after a blank line, or stating at least one
    attribute (a post's header joined right under the post before), outside any
    verbatim block. Or, as some sites write their posts, attribute entries alone,
    one of them the title (`:title: A Post` over `:date:` and `:author:`), after a
    blank line or right under the post before."""
    found: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if ASCIIDOC_VERBATIM.match(lines[i]):
            i = asciidoc_block_end(lines, i) + 1
            continue
        if _titled_attributes(lines, i) and (end := _attributes_end(lines, i)) > i:
            found[i] = end
            i = end
            continue
        i += 1
        heading = ASCIIDOC_HEADING.match(lines[i - 1])
        if heading is None or len(heading["marks"]) != 1:
            continue
        found.update(_header_end(lines, i - 1))
    return found


def _titled_attributes(lines: Sequence[str], i: int) -> bool:
    """Line `i` opens a run of attribute entries, one of which states a title."""
    if not ASCIIDOC_ATTRIBUTE.match(lines[i]) or (i and ASCIIDOC_ATTRIBUTE.match(lines[i - 1])):
        return False
    end = _attributes_end(lines, i)
    return any(_attribute_name(lines[k]) in TITLE_KEYS for k in range(i, end))


def _attributes_end(lines: Sequence[str], i: int) -> int:
    """The line after the run of attribute entries starting on line `i`."""
    end = i
    while end < len(lines) and ASCIIDOC_ATTRIBUTE.match(lines[end]):
        end += 1
    return end


def _attribute_name(line: str) -> str:
    found = ASCIIDOC_ATTRIBUTE.match(line)
    return found["name"].casefold().removeprefix(_PAGE_PREFIX) if found else ""


def _header_end(lines: Sequence[str], i: int) -> dict[int, int]:
    """`{i: the line after its header}` when the `= Title` on line `i` opens a
    document header (`document_headers`), else nothing."""
    end = i + 1
    while end < len(lines) and lines[end].strip() and not ASCIIDOC_VERBATIM.match(lines[end]):
        end += 1
    below = list(lines[i + 1:end])
    stated = _stated_lines(below)
    unstated = len(below) - sum(stated)
    if unstated <= 2 and all(stated[unstated:]) and (any(stated) or i == 0 or not lines[i - 1].strip()):
        return {i: end}
    return {}


def _stated_lines(block: Sequence[str]) -> list[bool]:
    """For each line of a header, whether it states an attribute (or a header
    directive), or goes on with the value of the one above, whose line ends
    with ` \\` (`:description: This post looks at … \\` over `using …`)."""
    stated: list[bool] = []
    for n, text in enumerate(block):
        continued = n > 0 and stated[-1] and block[n - 1].rstrip().endswith("\\")
        stated.append(continued or bool(ASCIIDOC_ATTRIBUTE.match(text) or _HEADER_DIRECTIVE.match(text)))
    return stated


def _verbatim(builder: UnitBuilder, lines: Sequence[str], start: int) -> int:
    """A delimited block's lines, its delimiters with them, as verbatim units; returns the line after it."""
    end = asciidoc_block_end(lines, start)
    builder.verbatim(lines, start, end)
    return end + 1


def _header(builder: UnitBuilder, lines: Sequence[str], start: int, end: int, opens_record: bool) -> None:
    """A document header's lines as units: the title (a `= Title` line, or a title
    attribute's value), the author and revision lines, the attributes."""
    attributes = {found["name"].casefold().removeprefix(_PAGE_PREFIX): _value(found["value"] or "")
                  for line in lines[start:end] if (found := ASCIIDOC_ATTRIBUTE.match(line))}
    heading = ASCIIDOC_HEADING.match(lines[start])
    title_line = start if heading else next(n for n in range(start, end) if _attribute_name(lines[n]) in TITLE_KEYS)
    for number in range(start, end):
        text = clean(lines[number])
        if number == title_line:
            title = heading["text"] if heading else ASCIIDOC_ATTRIBUTE.match(lines[number])["value"] or ""
            builder.unit(clean(title), number + 1, number + 1, Role.HEADING, level=1,
                         marker="=" if heading else ":title:", opens_record=opens_record,
                         stated=stated_facts(attributes))
            continue
        attribute = ASCIIDOC_ATTRIBUTE.match(lines[number])
        key = attribute["name"].casefold().removeprefix(_PAGE_PREFIX) if attribute else ""
        value = attribute["value"] or "" if attribute else text
        if attribute is None and lines[number - 1].rstrip().endswith("\\") and number > start + 1:
            builder.unit(text, number + 1, number + 1, Role.HEADER)  # (an attribute's value going on)
        elif attribute is None and number == start + 1 and (names := _author_line(text)):
            builder.unit(text, number + 1, number + 1, Role.BYLINE, names=names)
        elif (attribute is None or key in _DATE_ATTRIBUTES) and (date := find_date(value)):
            builder.unit(text, number + 1, number + 1, Role.DATE, date=date)
        elif key in AUTHOR_KEYS and (names := stated_names(value)):
            builder.unit(text, number + 1, number + 1, Role.BYLINE, names=names)
        else:
            builder.unit(text, number + 1, number + 1, Role.HEADER)


def _value(text: str) -> str | list[str]:
    """An attribute's value: a list where it is written as one (`[release, core]`), else its text."""
    if text.startswith("[") and text.endswith("]"):
        return [item.strip().strip("'\"") for item in text[1:-1].split(",") if item.strip()]
    return text


def _author_line(text: str) -> tuple[str, ...]:
    """The authors of a header's author line: names, each perhaps with an address, separated by semicolons."""
    if find_date(text):
        return ()
    return tuple(name for part in text.split(_AUTHOR_SEPARATOR) for name in stated_names(part.strip()))
