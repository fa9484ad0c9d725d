"""Tables of articles: CSV or TSV with a header row, JSON Lines (an object per
line), or a JSON array of objects, one article per row.

Which column holds what is read from the column names (`COLUMN_WORDS`): a
name holding a word of a field's list is that field's, the last such word
deciding (`content_tags` is tags, `Published Date` a date), so `web_title`,
`content_html` and `Plain Content` map as `title`, `content` and `text` do.
Where several columns could be a field, an exact name beats one word of
several, a word earlier in the list a later one, and a body written in HTML
one in Markdown or plain text. A column of JSON objects is never a body (an
editor's rich-text document). Every column that holds tags or categories is
read. The sidecar maps the columns when the names do not say
(`columns: {title: headline, body: story}`, `body_format: markdown`).

A row whose status says it is not published (`status: draft`,
`is_published: false`), or which has no publication date where the others
have one, is set aside.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpus_browser.split.imports.fields import plain, split_list, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem

#: The words a column's name holds for each field, the most telling first.
COLUMN_WORDS = {
    "title": ("title", "headline", "subject", "heading"),
    "authors": ("author", "authors", "byline", "creator", "writer", "by"),
    "date": ("date", "published", "pubdate", "created", "posted", "time", "timestamp", "day"),
    "body": ("content", "body", "text", "html", "markdown", "article", "story"),
    "tags": ("tags", "tag", "categories", "category", "keywords", "labels", "topics", "topic"),
    "summary": ("summary", "excerpt", "description", "abstract"),
    "subtitle": ("subtitle", "dek", "standfirst"),
    "status": ("status", "state", "published", "draft", "visibility"),
    "address": ("url", "link", "permalink", "canonical_url"),
}
#: Fields a column holds only when its whole name is a word of their list (`thumbnail_url` is no page's address).
WHOLE_NAME_FIELDS = frozenset({"address"})
#: Words in a body column's name that say how it is written.
MARKUP_WORDS = {"html": "html", "markdown": "markdown", "md": "markdown", "text": "text", "plain": "text",
                "txt": "text"}
#: Status values (lower case) of rows that are not published, with what they are.
UNPUBLISHED = {"draft": "draft", "drafts": "draft", "unpublished": "draft", "pending": "draft",
               "scheduled": "scheduled post", "future": "scheduled post", "private": "private post",
               "archived": "archived post", "deleted": "deleted post", "trash": "deleted post",
               "false": "draft", "no": "draft", "0": "draft"}
#: Markup that says a body is HTML.
_HTML = re.compile(r"</?(?:p|br|div|a|em|strong|h[1-6]|ul|ol|li|img|table|span|blockquote|pre)\b", re.IGNORECASE)
#: The longest column name a header holds.
HEADER_MAX_CHARS = 60
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: The longest cell read: an article's HTML in one cell runs past the csv module's default (128 KiB).
CELL_MAX_CHARS = 64 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CELL_MAX_CHARS))


@dataclass(frozen=True)
class Columns:
    """Which column holds each field, and how bodies are written (None: told by their content)."""

    fields: Mapping[str, str]
    tags: tuple[str, ...]
    markup: str | None


def read_table(export: Export) -> Imported | None:
    rows = _json_rows(export)
    kind = "JSON" if isinstance(export.json, list) else "JSON Lines"
    if not rows:
        rows = _csv_rows(export)
        kind = "table (TSV)" if rows and _delimiter(export.seed.lines[0], export.suffix) == "\t" else "table (CSV)"
    if not rows:
        return None
    header = list(dict.fromkeys(key for _span, row in rows for key in row))
    columns = map_columns(header, rows, export)
    if columns is None:
        return None
    dated = _publication_dated(columns, rows)
    return Imported(f"{kind} of articles", tuple(_item(span, row, columns, dated) for span, row in rows))


# --- rows --------------------------------------------------------------------------------


Row = tuple[tuple[int, int], Mapping[str, object]]


def _json_rows(export: Export) -> list[Row]:
    """A JSON array of objects, or JSON Lines (every line that holds anything an object)."""
    found = export.json
    if isinstance(found, list):
        return [((1, len(export.seed.lines)), row) for row in found if isinstance(row, Mapping)] \
            if found and all(isinstance(row, Mapping) for row in found) else []
    if not export.head.startswith("{") or found is not None:
        return []
    rows = []
    for number, line in enumerate(export.seed.lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            if rows:
                raise export.error("not a JSON object (JSON Lines hold one object per line)", number) from None
            return []
        if not isinstance(row, Mapping):
            raise export.error("not a JSON object (JSON Lines hold one object per line)", number)
        rows.append(((number, number), row))
    return rows


def _csv_rows(export: Export) -> list[Row]:
    """The rows of a CSV or TSV file under its header, each with its lines; none when
    the text is not a table (its first line no header, its rows not of its width)."""
    lines = export.seed.lines
    if not lines or not lines[0].strip():
        return []
    delimiter = _delimiter(lines[0], export.suffix)
    reader = csv.reader(io.StringIO(export.text), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader)]
        if not _is_header(header):
            return []
        rows, first = [], reader.line_num + 1
        for cells in reader:
            if cells and any(cell.strip() for cell in cells):
                if len(cells) != len(header) and not rows:
                    return []  # no table: its first row is not of its header's width
                if len(cells) != len(header):
                    raise export.error(f"a row of {len(cells)} cells under a header of {len(header)}", first)
                rows.append(((first, reader.line_num), dict(zip(header, cells))))
            first = reader.line_num + 1
    except csv.Error as error:
        raise export.error(f"not a readable table: {error}", reader.line_num) from None
    return rows


def _delimiter(line: str, suffix: str) -> str:
    if suffix == ".tsv" or (line.count("\t") and not line.count(",")):
        return "\t"
    return ";" if line.count(";") > line.count(",") else ","


def _is_header(cells: Sequence[str]) -> bool:
    """Column names: at least two, all different, none empty or long, none a sentence."""
    return len(cells) >= 2 and len(set(cells)) == len(cells) and all(
        cell and len(cell) <= HEADER_MAX_CHARS and not re.search(r"[.!?]\s", cell) for cell in cells)


# --- columns ---------------------------------------------------------------------------


def map_columns(header: Sequence[str], rows: Sequence[Row], export: Export) -> Columns | None:
    """Which column holds each field: the sidecar's word first (`Overrides.columns`),
    then the names (`COLUMN_WORDS`); None when no column holds a body."""
    given = dict(export.overrides.columns)
    missing = [column for column in given.values() if column not in header]
    if missing:
        raise export.error(f"the sidecar maps a column {missing[0]!r} the table does not have "
                           f"(its columns: {', '.join(header)})")
    candidates: dict[str, list[tuple[tuple, str]]] = {}
    for position, column in enumerate(header):
        named = _field_of(column, rows)
        if named is not None and column not in given.values():
            field, rank = named
            if field == "body" and _mostly_objects(column, rows):
                continue
            exact = column.strip().lower() in COLUMN_WORDS[field]
            markup = ("html", "markdown", "text").index(_markup_of(column) or "text")
            candidates.setdefault(field, []).append(((not exact, rank, markup, len(_words(column)), position), column))
    fields = {field: min(found)[1] for field, found in candidates.items()}
    fields.update(given)
    if "body" not in fields:
        return None
    tags = tuple(column for _key, column in sorted(candidates.get("tags", []), key=lambda found: found[0][-1]))
    tags = (given["tags"],) if "tags" in given else tags
    return Columns(fields, tags, export.overrides.body_format or _markup_of(fields["body"]))


def _words(column: str) -> list[str]:
    """A column name's words, in lower case: `content_html` and `contentHtml` -> content, html."""
    return [word.lower() for word in _NAME_WORDS.findall(column)]


def _field_of(column: str, rows: Sequence[Row]) -> tuple[str, int] | None:
    """The field a column's name says it holds, and how telling the name is (the
    index of its best word in the field's list): the last word of the name that
    some field's list holds decides; a word of two fields (`published`) is a status
    where the column holds yes and no, else the other field's."""
    words = _words(column)
    whole = column.strip().lower()
    for field in WHOLE_NAME_FIELDS:
        if whole in COLUMN_WORDS[field]:
            return field, COLUMN_WORDS[field].index(whole)
    for word in reversed(words):
        fields = [field for field, known in COLUMN_WORDS.items() if word in known and field not in WHOLE_NAME_FIELDS]
        if len(fields) > 1:
            fields = ["status"] if _mostly_flags(column, rows) else [field for field in fields if field != "status"]
        if fields:
            known = COLUMN_WORDS[fields[0]]
            return fields[0], min(known.index(word) for word in words if word in known)
    return None


def _mostly_flags(column: str, rows: Sequence[Row]) -> bool:
    values = {plain(row.get(column)).lower() for _span, row in rows} - {""}
    return bool(values) and values <= {"true", "false", "yes", "no", "0", "1"}


def _markup_of(column: str) -> str | None:
    return next((MARKUP_WORDS[word] for word in _words(column) if word in MARKUP_WORDS), None)


def _mostly_objects(column: str, rows: Sequence[Row]) -> bool:
    """Whether a column holds JSON objects (a rich-text editor's document), not text."""
    values = [str(row.get(column) or "").strip() for _span, row in rows]
    values = [value for value in values if value]
    return bool(values) and sum(value.startswith("{") for value in values) * 2 > len(values)


# --- items ---------------------------------------------------------------------------------


def _publication_dated(columns: Columns, rows: Sequence[Row]) -> bool:
    """Whether the date column is a publication date most rows fill (an empty one then marks a row unpublished)."""
    column = columns.fields.get("date")
    if column is None or "published" not in _words(column):
        return False
    return sum(1 for _span, row in rows if str(row.get(column) or "").strip()) * 2 >= len(rows)


def _item(span: tuple[int, int], row: Mapping[str, object], columns: Columns, dated: bool) -> ImportedItem:
    fields = columns.fields

    def value(field: str) -> object:
        return row.get(fields[field]) if field in fields else None

    body = value("body")
    body = body if isinstance(body, str) else "" if body is None else json.dumps(body, ensure_ascii=False)
    date = stated_date(value("date"))
    return ImportedItem(
        title=plain(value("title")), body=body, first_line=span[0], last_line=span[1],
        authors=split_list(value("authors")), date=date,
        tags=tuple(dict.fromkeys(tag for column in columns.tags for tag in split_list(row.get(column)))),
        summary=plain(value("summary")) or None, subtitle=plain(value("subtitle")) or None,
        kind=_kind(value("status"), fields.get("status", ""), dated and not date),
        markup=columns.markup or ("html" if _HTML.search(body) else "text"), address=_address(value("address")))


def _address(value: object) -> str | None:
    """A row's own address, for its relative links."""
    text = plain(value)
    return text if text.startswith(("http://", "https://")) else None


def _kind(status: object, column: str, undated: bool) -> str:
    """A row's kind: a post, unless its status (or a missing publication date) says otherwise."""
    text = plain(status).lower()
    if "draft" in _words(column) and text in ("true", "yes", "1"):
        return "draft"
    if text in UNPUBLISHED:
        return UNPUBLISHED[text]
    return "unpublished post" if undated else "post"
