"""Markdown: `#` headings (rank = number of marks), setext headings (text
underlined with `===`, rank 1, or `---`, rank 2), headings written in HTML
(`<h3 id="config">`, the question, `</h3>`: rank 3), the `<summary>` of each
of a file's collapsed `<details>` blocks when at least `DETAILS_MIN_BLOCKS`
of them hold headings of their own (a meeting's notes: a rank above those), and YAML (`---`) or TOML (`+++`) front-matter blocks,
which a blog export puts at the head of every post, so each one opens an
article wherever it stands in the file. Lines in fenced code are never
headings. The lines right under a heading, up to the first blank line,
code fence, quotation or comment, are each a unit of their own: exports stack metadata there (a
date, `Tags: …`).
Lines of code and of quotations are verbatim units: never metadata, never a
heading (a date in a quoted letter does not date the post)."""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Collection, Sequence

import yaml

from corpus_browser.lang.recognise import compact_date, find_date
from corpus_browser.lang.rules import ADDRESS_KEYS, AUTHOR_KEYS, DATE_KEYS, FRONT_MATTER_TABLES, TITLE_KEYS
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.imports.fields import plain as html_text
from corpus_browser.split.formats import (
    ATX_HEADING,
    FRONT_MATTER_FENCE,
    FRONT_MATTER_FIELD,
    UNFENCED_FIELD,
    setext_heading,
)
from corpus_browser.split.readers.fields import add_fields, listed_name, record_blocks, stated_facts, stated_names
from corpus_browser.split.readers.paragraphs import UnitBuilder

#: A front-matter block longer than this many lines is not one (a podcast's, with its
#: hosts, guests and show notes, runs to a hundred or more).
FRONT_MATTER_MAX_LINES = 400
#: A YAML comment line.
_YAML_COMMENT = re.compile(r"^#(?:\s|$)")
_SETEXT = {"=": 1, "-": 2}
#: A line of a block quotation: markup, read as it is (as is a link's or footnote's definition, `_DEFINITION`).
_QUOTE = re.compile(r"^ {0,3}>")
#: A line that closes fenced code: backticks alone (one with an info string, ```` ``` kotlin ````, opens a block).
_CLOSING_FENCE = re.compile(r"^\s*`{3,}\s*$")
class _YAML(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (front-matter blocks come by the
    thousand), else the pure-Python one; a timestamp that is no day of the
    calendar (`date: 2017-02-29`) is kept as its text, not the end of the reading."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_YAML.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
#: Inline Markdown in a title, replaced by its text: links (a `[label]` alone is one only where
#: the file defines the label, as Markdown reads it: `## [1.0.0] - 2017-06-20`), emphasis, code.
_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\](\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,300}\])?")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1")
#: A heading written in HTML, opening its line: `<h3 name="config">`, its text on the line or the lines below.
_HTML_HEADING = re.compile(r"^ {0,3}<h(?P<rank>[1-6])(?:\s[^<>]*)?>(?P<rest>.*)$", re.IGNORECASE)
#: A heading in HTML is closed within this many lines, or it is none.
_HTML_HEADING_MAX_LINES = 4
#: A `<details>` block's opening and closing lines, and its `<summary>` line.
_DETAILS_OPEN = re.compile(r"^\s{0,3}<details\b[^>]*>", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details>\s*$", re.IGNORECASE)
_SUMMARY = re.compile(r"^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(?P<text>.+?)</summary>\s*$", re.IGNORECASE)
#: A file's `<details>` blocks title its entries when at least this many hold headings of their own.
DETAILS_MIN_BLOCKS = 3
#: A link's or footnote's reference definition: `[label]: https://…`.
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*\S")


def plain(text: str, labels: Collection[str] = frozenset()) -> str:
    """A heading's text without its inline Markdown: `[2.1.0][v2] **now**` -> `2.1.0 now`,
    `[1.0.0] - 2017-06-20` -> `1.0.0 - 2017-06-20` where the file defines the link
    label `1.0.0` (`labels`, folded), `3.7.6 [maintenance release]` as it is where it
    does not; the text as it is written when nothing would be left (`[]`,
    `![](x)`): a heading is never empty."""
    bare = _LINK.sub(lambda link: link[1] if link[2] or link[1].casefold() in labels else link[0], text)
    bare = _EMPHASIS.sub(r"\2", bare)
    return clean(bare) or clean(text)


def link_labels(lines: Sequence[str]) -> frozenset[str]:
    """The labels the file's link reference definitions define, folded."""
    return frozenset(found[1].casefold() for line in lines if line.lstrip().startswith("[")
                     and (found := _DEFINITION.match(line)))


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = UnitBuilder(join_wrapped=True)
    fenced = head_block = False
    records = record_blocks(lines)
    front = _front_matter_blocks(lines)
    labels = link_labels(lines)
    summaries = _summary_headings(lines)
    i = 0
    while i < len(lines):
        raw = lines[i]
        if i in records and not fenced:
            add_fields(builder, lines, i, records[i], opens_record=True)
            i = records[i]
            continue
        if head_block and raw.strip() and not ATX_HEADING.match(raw) and i not in front \
                and not raw.lstrip().startswith(("```", "<!--")) and not _QUOTE.match(raw):
            builder.unit(clean(raw), i + 1, i + 1)
            i += 1
            continue
        head_block = False
        if not fenced and raw.lstrip().startswith("<!--"):
            i = _comment(builder, lines, i)
            continue
        if raw.lstrip().startswith("```") and (not fenced or _CLOSING_FENCE.match(raw)):
            fenced = not fenced
        if fenced or raw.lstrip().startswith("```") or _QUOTE.match(raw) or _DEFINITION.match(raw):
            if raw.strip():
                builder.unit(clean(raw), i + 1, i + 1, Role.VERBATIM)  # a line of code or of a quotation
            else:
                builder.line(i + 1, raw)
            i += 1
            continue
        if i in front:
            end, fields, has_fences = front[i]
            _add_front_matter(builder, lines, i, end, fields, has_fences)
            i = end + 1
            continue
        if i in summaries:
            rank, text = summaries[i]
            builder.unit(plain(text, labels), i + 1, i + 1, Role.HEADING, level=rank, marker="<summary>")
            i += 1
            head_block = True
            continue
        tagged = _html_heading(lines, i)
        if tagged:
            rank, text, last = tagged
            builder.unit(plain(text, labels), i + 1, last + 1, Role.HEADING, level=rank, marker=f"<h{rank}>")
            i = last + 1
            head_block = True
            continue
        heading = ATX_HEADING.match(raw)
        if heading and not clean(heading["text"] or ""):
            builder.unit(clean(raw), i + 1, i + 1, Role.SEPARATOR)  # an empty heading only rules off
            i += 1
            continue
        if heading:
            builder.unit(plain(heading["text"], labels), i + 1, i + 1, Role.HEADING, level=len(heading["marks"]),
                         marker=heading["marks"])
            i += 1
            head_block = True
            continue
        if setext_heading(lines, i) and i + 1 not in front:  # a `---` under text may open the next post
            char = lines[i + 1].strip()[0]
            builder.unit(plain(raw, labels), i + 1, i + 2, Role.HEADING, level=_SETEXT[char], marker=char)
            i += 2
            head_block = True
            continue
        builder.line(i + 1, raw)
        i += 1
    return builder.units()


def _summary_headings(lines: Sequence[str]) -> dict[int, tuple[int, str]]:
    """The `<summary>` lines (0-based) that title the file's `<details>` blocks,
    each with its rank and its text: one above the top rank of the `#` headings inside the
    blocks; none unless `DETAILS_MIN_BLOCKS` blocks hold such headings (a
    collapsed example or spoiler in a post holds none, and stays text), nor
    when those headings are of the top rank, with none above it."""
    blocks: list[tuple[int, str, int]] = []  # (summary line, its text, top rank of the headings inside)
    summary, top, fenced = None, None, False
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```") and (not fenced or _CLOSING_FENCE.match(line)):
            fenced = not fenced
            continue
        if fenced:
            continue
        if _DETAILS_OPEN.match(line):
            summary, top = None, None
        if summary is None and (found := _SUMMARY.match(line)):
            summary, text = i, html_text(found["text"])
        elif (heading := ATX_HEADING.match(line)) and summary is not None:
            top = min(top or 6, len(heading["marks"]))
        if _DETAILS_CLOSE.search(line) and summary is not None:
            if top is not None:
                blocks.append((summary, text, top))
            summary = None
    rank = min((top for _summary, _text, top in blocks), default=1) - 1
    if len(blocks) < DETAILS_MIN_BLOCKS or rank < 1:
        return {}  # (blocks holding `#` headings leave no rank above them)
    return {summary: (rank, text) for summary, text, _top in blocks}


def _html_heading(lines: Sequence[str], i: int) -> tuple[int, str, int] | None:
    """The rank, the text and the last line (0-based) of a heading in HTML
    opening line `i` and closed alone within `_HTML_HEADING_MAX_LINES`
    lines, with text in it; else None."""
    opened = _HTML_HEADING.match(lines[i]) if "<" in lines[i][:4] else None
    if opened is None:
        return None
    closing = re.compile(rf"</h{opened['rank']}\s*>", re.IGNORECASE)
    held = []
    for j in range(i, min(i + _HTML_HEADING_MAX_LINES, len(lines))):
        part = opened["rest"] if j == i else lines[j]
        closed = closing.search(part)
        if closed is None and (j == i or part.strip()):
            held.append(part)
            continue
        if closed is None or part[closed.end():].strip():
            return None  # a blank line before the end tag, or more after it: no heading alone
        text = html_text(" ".join([*held, part[:closed.start()]]))
        return (int(opened["rank"]), text, j) if text else None
    return None


def _front_matter_blocks(lines: Sequence[str]) -> dict[int, tuple[int, dict, bool]]:
    """Each front-matter block: the index of its first line mapped to that of its
    last, its fields, and whether it is fenced (`---` around YAML, `+++` around
    TOML) or a run of Franklin's `@def key = value` lines."""
    found = {}
    i = 0
    while i + 1 < len(lines):
        if FRONT_MATTER_FENCE.match(lines[i]) and FRONT_MATTER_FIELD.match(_first_field_line(lines, i + 1)):
            fence = lines[i].strip()
            end = next((j for j in range(i + 1, min(len(lines), i + FRONT_MATTER_MAX_LINES))
                        if lines[j].strip() == fence), None)
            fields = _fields(fence, lines[i + 1:end]) if end is not None else None
            if fields is not None:
                found[i] = (end, fields, True)
                i = end + 1
                continue
        elif UNFENCED_FIELD.match(lines[i]) and UNFENCED_FIELD.match(lines[i + 1]):
            end = next((j for j in range(i, len(lines)) if not UNFENCED_FIELD.match(lines[j])), len(lines)) - 1
            fields = _fields("+++", [UNFENCED_FIELD.sub("", line) for line in lines[i:end + 1]])
            if fields is not None:
                found[i] = (end, fields, False)
                i = end + 1
                continue
        i += 1
    return found


def _first_field_line(lines: Sequence[str], start: int) -> str:
    """The first line from `start` that is no YAML comment (a block may open with
    notes to its editors, `# TODO: …`)."""
    return next((line for line in lines[start:start + FRONT_MATTER_MAX_LINES] if not _YAML_COMMENT.match(line)), "")


def _fields(fence: str, block: Sequence[str]) -> dict | None:
    """The fields of a block's lines, or None when they are not a YAML (`---`)
    or TOML (`+++`) mapping. A block that does not parse whole is read field
    by field (`_fields_by_key`). YAML anchors and aliases are refused: a block
    of a few lines must not expand into megabytes."""
    text = "\n".join(block)
    if fence == "---" and _aliased(text):
        return None
    fields = _mapping(fence, text)
    return fields if fields is not None else _fields_by_key(fence, block)


def _aliased(text: str) -> bool:
    """Whether YAML `text` holds an anchor or an alias (before any error that ends its reading)."""
    try:
        for token in yaml.scan(text, Loader=_YAML):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return True
    except yaml.YAMLError:
        pass
    return False


def _mapping(fence: str, text: str) -> dict | None:
    """The mapping `text` holds, or None: TOML within `+++`; YAML within `---`,
    or TOML there too, as some sites' generators write it (`title = "A Post"`)."""
    for language in (["toml"] if fence == "+++" else ["yaml", "toml"]):
        try:
            data = tomllib.loads(text) if language == "toml" else yaml.load(text, Loader=_YAML)
        except (yaml.YAMLError, tomllib.TOMLDecodeError):
            continue
        if isinstance(data, dict):
            return data
    return None


def _fields_by_key(fence: str, block: Sequence[str]) -> dict | None:
    """The fields of a block that does not parse whole (a title left unquoted
    around a colon, `title: Python: a tour`; a value in a site generator's own
    language, `rss_pubdate = Date(2025, 1, 3)`): each top-level field with its
    indented lines parsed alone, and one that still does not parse taken as
    the text after its key. None when a line is neither a field nor indented
    under one: that is no front matter."""
    chunks: list[list[str]] = []
    for line in block:
        if FRONT_MATTER_FIELD.match(line):
            chunks.append([line])
        elif line.strip() and (not chunks or not line[:1].isspace() and not line.startswith("- ")):
            return None
        elif chunks:
            chunks[-1].append(line)
    fields: dict = {}
    for chunk in chunks:
        parsed = _mapping(fence, "\n".join(chunk))
        if parsed is None:
            key, _, value = re.split(r"(\s*[:=]\s*)", chunk[0], maxsplit=1)
            parsed = {key: value.strip().strip("\"'")}
        fields.update(parsed)
    return fields or None


def _add_front_matter(builder: UnitBuilder, lines: Sequence[str], start: int, end: int, block: dict,
                      fenced: bool) -> None:
    """The block as units: the `title:` line as a heading, and the other lines as
    header fields carrying the authors and the date. Its first unit (the opening
    fence, if it has one) opens an article."""
    fields = _flattened(block)
    inside = range(start + 1, end) if fenced else range(start, end + 1)
    title_line = next((j for j in inside if _key(lines[j]) in TITLE_KEYS
                       and isinstance(fields.get(_key(lines[j])), str)), None)
    if fenced:
        builder.unit(clean(lines[start]), start + 1, start + 1, Role.HEADER, opens_record=True)
    facts = {"names": _names(fields), "date": _date(fields), "stated": stated_facts(fields)}
    rest = [j for j in range(inside.start, end + 1) if j != title_line]
    opens = {"opens_record": not fenced}
    if title_line is not None:
        before = [j for j in rest if j < title_line]
        _add_header_lines(builder, lines, before, **opens)
        title = clean(str(fields[_key(lines[title_line])]))
        builder.unit(title, title_line + 1, title_line + 1, Role.HEADING, level=0, marker="title:",
                     opens_record=not fenced and not before)
        rest = [j for j in rest if j > title_line]
        opens = {}
    _add_header_lines(builder, lines, rest, **opens, **facts)


def _by_lower_key(mapping: dict) -> dict:
    return {str(key).casefold(): value for key, value in mapping.items()}


def _flattened(block: dict) -> dict:
    """The block's fields by lower-case key, with those of a site generator's
    table of the post's own fields (`[extra]`, `[params]`) it does not state
    itself; where it states no title of its own but nests its fields in one
    mapping that does (`data:` over `title:` and `date:`), those fields."""
    fields = _by_lower_key(block)
    for table in FRONT_MATTER_TABLES:
        if isinstance(fields.get(table), dict):
            fields = {**_by_lower_key(fields[table]), **fields}
    if any(key in fields for key in TITLE_KEYS):
        return fields
    nested = [value for value in fields.values() if isinstance(value, dict)
              and any(str(key).casefold() in TITLE_KEYS for key in value)]
    if len(nested) != 1:
        return fields
    return {**fields, **_by_lower_key(nested[0])}


def _add_header_lines(builder: UnitBuilder, lines: Sequence[str], numbers: Sequence[int], **facts: object) -> None:
    """Lines of a front-matter block as header units, one per run of non-blank
    lines; the first carries what the block states (`facts`)."""
    run: list[int] = []
    for j in [*numbers, None]:
        if j is not None and lines[j].strip() and (not run or j == run[-1] + 1):
            run.append(j)
            continue
        if run:
            builder.unit(_text(lines, run), run[0] + 1, run[-1] + 1, Role.HEADER, **facts)
            facts = {}
        run = [j] if j is not None and lines[j].strip() else []


def _key(line: str) -> str:
    """The key of a YAML (`title: …`) or TOML (`title = …`, `@def title = …`) line."""
    return re.split(r"[:=]", UNFENCED_FIELD.sub("", line), maxsplit=1)[0].strip().casefold()


def _text(lines: Sequence[str], numbers: Sequence[int]) -> str:
    return " ".join(clean(lines[j]) for j in numbers if lines[j].strip())


#: A theme's own key for a post's authors (not a quotation's, a picture's or a reviewed book's).
_OWN_AUTHOR_KEY = re.compile(r"^(?:post|page|article|entry|blog|guest|co)[_-]?authors?$")


def _names(fields: dict) -> tuple[str, ...]:
    """The authors the fields name: a string, a list of names, a person with a
    `name` (`author:` over `name: Jane Doe` and her `position:`), or a list of
    them (`authors:` over `- name: Jane Doe` and her `url:`), each without a
    role in brackets after it (`Jane Doe (editor)`)."""
    own = sorted(key for key in fields if isinstance(key, str) and _OWN_AUTHOR_KEY.match(key))
    for key in (*AUTHOR_KEYS, *own):  # (a theme's own key for them: `postauthors:`, `guest_author:`)
        value = fields.get(key)
        if isinstance(value, str) and clean(value):
            return stated_names(value)
        if isinstance(value, (list, dict)):
            people = value if isinstance(value, list) else [value]
            names = [_by_lower_key(person).get("name") if isinstance(person, dict) else person for person in people]
            return tuple(listed_name(name) for name in names if isinstance(name, str) and listed_name(name))
    return ()


def _date(fields: dict) -> str | None:
    """The date the fields state, the most telling key first; a date given as a
    mapping (`date:` over `created:` and `updated:`, as Material's blog writes
    it) by its own keys in the same order, so the post's first date."""
    for key in (*DATE_KEYS, *ADDRESS_KEYS):
        value = fields.get(key)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()[:10]
        if isinstance(value, dict) and (found := _date(_by_lower_key(value))):
            return found
        if key in DATE_KEYS and isinstance(value, int) and not isinstance(value, bool) \
                and (found := compact_date(str(value)) or _epoch_date(value)):
            return found
        if value is not None:
            found = find_date(str(value))
            if found:
                return found
    return None


#: A date given as a Unix time, in seconds or (as JavaScript writes it) milliseconds: from 1973 on.
EPOCH_SECONDS_MIN, EPOCH_MILLISECONDS_MIN = 10**8, 10**11


def _epoch_date(value: int) -> str | None:
    """The UTC day of a Unix time (`date: 1499256000000` is 2017-07-05), in seconds or milliseconds."""
    seconds = value / 1000 if value >= EPOCH_MILLISECONDS_MIN else value
    if seconds < EPOCH_SECONDS_MIN:
        return None
    try:
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _comment(builder: UnitBuilder, lines: Sequence[str], start: int) -> int:
    """An HTML comment from line `start` to the line that closes it: verbatim
    units (a heading in it opens nothing; the page shows none of it). Returns the next line."""
    end = next((i for i in range(start, len(lines)) if "-->" in lines[i]), len(lines) - 1)
    builder.verbatim(lines, start, end)
    return end + 1
