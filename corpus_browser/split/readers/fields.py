"""Blocks of `Key: value` fields that open a document: mail headers, and the
header a document collection puts on each document (`PEP: 8` / `Title:` /
`Author:` / `Created:`, Pelican's `Title:` / `Date:`). Values are parsed by
the standard library's `email` package, which also unfolds continued lines.

Each field becomes a unit: the title (`Title`, `Subject`) a heading, the
author (`Author`, `From`) a byline with the names it gives, the date
(`Date`, `Created`, …) a date unit, any other field a header unit.
"""

from __future__ import annotations

import email.policy
import re
import email.utils
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.parser import HeaderParser

from corpus_browser.lang import rules
from corpus_browser.lang.recognise import compact_date, find_date, name_list, strip_honorifics
from corpus_browser.lang.rules import AUTHOR_KEYS, DATE_KEYS, TITLE_KEYS
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Stated, Unit
from corpus_browser.split.formats import field_blocks, key_of, titled
from corpus_browser.split.readers.paragraphs import UnitBuilder

#: An author field's value longer than this is no name, unless it is a list of names.
STATED_NAME_MAX_WORDS = 4
#: Sentence punctuation, which no name holds.
SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")
_PARSER = HeaderParser(policy=email.policy.compat32)
#: "et al.", which adds no one to a list of authors.
_ET_AL = re.compile(r"^et\.?\s+al\.?$", re.IGNORECASE)
#: A person's handle in brackets after their name: `Jane Doe (@jdoe)`.
_HANDLE_ASIDE = re.compile(rf"[ \t]?\(@{rules.HANDLE_CHARS}\)")
#: A name before a bare address, as some list archives write a sender: `Jane Doe jane@example.org`.
_BARE_ADDRESS = re.compile(r"^(?P<name>[^<>@()\",]+?)\s+(?P<address>[^\s<>@()\",]+@[^\s<>@()\",]+)$")
#: An affiliation in brackets after a name: `Jane Doe (Acme)`.
_AFFILIATION = re.compile(r"(?<=\w)\s*\([^()@]*\)")
#: A name's aside inside the comment that names the sender: `jd at example.org (Jane Doe (jd))`.
_NESTED_ASIDE = re.compile(r"\(([^()]*?)\s*\([^()@]*\)\s*\)")
#: A nickname in double quotes between a person's names (`Jane "JD" Doe`): no part of the name.
_NICKNAME = re.compile(r"\b(?P<first>[A-Z][\w'.-]*)\s+[\"“][^\"“”\n]{1,30}[\"”](?=\s+[A-Z])")
#: Whom the author writes for, after the name (`Jane Doe on behalf of the core team`): no name.
_ON_BEHALF = re.compile(r"(?<!\s)\s+on behalf of\s[^\n]*$", re.IGNORECASE)  # (one start in a run of spaces)


#: A document collection puts a titled header block on each of at least this many documents.
RECORDS_MIN = 2


def record_blocks(lines: Sequence[str]) -> dict[int, int]:
    """Header blocks that open the documents of a collection: `{start: end}`;
    none when the seed has fewer than `RECORDS_MIN` (one block at the top is
    the document's own header, read as a heading and metadata anyway)."""
    blocks = field_blocks(lines, titled, set_apart=False)
    return dict(blocks) if len(blocks) >= RECORDS_MIN else {}


def walk(lines: Sequence[str], builder: UnitBuilder, step: Callable[[int], int]) -> list[Unit]:
    """Feed a seed's lines to `builder` and return its units: the header blocks
    of a collection's documents become field units (`add_fields`); every
    other line is read by `step`, which adds it (with the lines that belong to
    it) and returns the index of the next line to read."""
    records = record_blocks(lines)
    i = 0
    while i < len(lines):
        if i in records:
            add_fields(builder, lines, i, records[i], opens_record=True)
            i = records[i]
        else:
            i = step(i)
    return builder.units()


def add_fields(builder: UnitBuilder, lines: Sequence[str], start: int, end: int, *, opens_record: bool,
               title_prefixes: tuple[str, ...] = ()) -> None:
    """The block's fields as units (see the module docstring); the first opens
    a record when `opens_record`. The one of `title_prefixes` (a mailing
    list's `[tag]`) the title opens with is dropped from it."""
    values = _PARSER.parsestr("\n".join(lines[start:end]))
    opens = opens_record
    seen: Counter[str] = Counter()  # a field given twice (`Author:` on two lines) has a value each time
    spans = _spans(lines, start, end)
    dating = min((DATE_KEYS.index(key) for first, _last in spans if (key := key_of(lines[first])) in DATE_KEYS
                  and _date(lines[first].split(":", 1)[-1])),
                 default=None)  # (the most telling of its date fields dates it: `Date:` over `Created_At:`)
    for first, last in spans:
        key = key_of(lines[first])
        name = lines[first].split(":", 1)[0].strip()
        given, nth = values.get_all(name) or [], seen[name.casefold()]  # (the parser folds a field's case)
        value = clean(" ".join(decoded(str(given[nth] if nth < len(given) else "")).split()))
        seen[name.casefold()] += 1
        text = clean(" ".join(lines[first:last]))
        fields: dict[str, object] = {"opens_record": opens}
        opens = False
        if key in TITLE_KEYS and value:
            prefix = next((prefix for prefix in title_prefixes if value.startswith(prefix)), "")
            value = value[len(prefix):].strip() or value
            builder.unit(value, first + 1, last, Role.HEADING, level=0, marker=lines[first].split(":", 1)[0] + ":",
                         **fields)
        elif key in AUTHOR_KEYS and (names := stated_names(value)):
            builder.unit(text, first + 1, last, Role.BYLINE, names=names, **fields)
        elif key in DATE_KEYS and DATE_KEYS.index(key) == dating and (date := _date(value)):
            builder.unit(text, first + 1, last, Role.DATE, date=date, **fields)
        else:
            builder.unit(text, first + 1, last, Role.HEADER, **fields)


def _spans(lines: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """Each field's lines: the field with its folded continuation lines."""
    spans: list[tuple[int, int]] = []
    for i in range(start, end):
        if lines[i][:1] in (" ", "\t") and spans:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def decoded(value: str) -> str:
    """A header's value with its encoded words decoded (RFC 2047:
    `=?iso-8859-1?q?K=FCpper?=` is `Küpper`), by the standard library's `email.header`."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return value


def stated_names(value: str) -> tuple[str, ...]:
    """The people an author field names: `Jane Doe <jane@example.org>` (or
    `Jane Doe jane@example.org`), `jane at example.org (Jane Doe)`, `(Jane Doe
    <jane@example.org>)`, `"Doe, Jane" <jane@example.org>` (as Jane Doe), a
    list of names (`Ada Byron, Grace Hopper`), or, since the field says it is
    the author, a short value as written (a handle such as `capu`). A name may
    be a Markdown link, and an affiliation in brackets may follow it (`[Jane
    Doe](https://…) (Acme)`), and so may the person's handle (`Jane Doe
    (@jdoe)`, as proposals name their authors). A nickname in quotes (`Jane
    "JD" Doe`) and whom the author writes for (`Jane Doe on behalf of the
    team`) are no part of a name."""
    value = _HANDLE_ASIDE.sub("", rules.MARKDOWN_LINK.sub(r"\1", value))
    value = _ON_BEHALF.sub("", _NICKNAME.sub(_without_nickname, value))
    bare = _BARE_ADDRESS.match(value.strip()) if len(value) <= rules.METADATA_LINE_MAX_CHARS else None
    if bare and name_list(bare["name"]):  # (not `Contact us at team@example.org`)
        value = f"{bare['name']} <{bare['address']}>"
    if not _with_address(value):
        value = _AFFILIATION.sub("", value).strip()
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    if _addressed(value):
        found = [clean(strip_honorifics(_first_last(name.strip("\"' ")))) for part in _people(value)
                 for name in _part_names(part)]
        return tuple(name for name in found if name and "@" not in name and " at " not in name
                     and not _ET_AL.match(name))
    return name_list(value) or _handles(value) or _as_written(value)


def _without_nickname(found: re.Match[str]) -> str:
    """The first name before a nickname, the nickname dropped; `The "Lanternd" Team` as it is."""
    return found[0] if found["first"].casefold() in rules.MINOR_WORDS else found["first"]


#: What joins handles in an author field: a comma, `&`, or `and` standing as a word (`salt-and-pepper` is one handle).
_HANDLE_JOINERS = re.compile(r"\s*(?:,|&|\s+and\s+)\s*")


def _handles(value: str) -> tuple[str, ...]:
    """Handles listed with commas or joined with `&` or `and`, each one word with a
    letter, half in lower case or more (`asterite,waj`, `dholbach & pjbgf`,
    `kingdon, SomtoAma`): one person each, as a blog's front matter names its
    authors (not a newsroom's `Staff and agencies`, nor a catalogue's `Dickens,
    Charles, 1812-1870`)."""
    parts = [part.strip() for part in _HANDLE_JOINERS.split(value)]
    lower = sum(1 for part in parts if part == part.lower())
    return tuple(parts) if len(parts) > 1 and lower * 2 >= len(parts) \
        and not any(part.casefold() in rules.SOURCE_WORDS for part in parts) \
        and all(len(part.split()) == 1 and any(char.isalpha() for char in part) for part in parts) else ()


def listed_name(value: str) -> str:
    """One name of a list of authors, without the role in brackets after it
    (`Jane Doe (editor)`, `rules.ROLE_ASIDE`)."""
    return clean(rules.ROLE_ASIDE.sub("", value))


def _with_address(text: str) -> bool:
    """Whether an author field gives an address (`jane@…`, `jane at …`, `<…>`) or a handle."""
    return any(mark in text for mark in ("@", " at ", "<"))


def _addressed(text: str) -> bool:
    """Whether an author field gives an address, a handle or a bracket beside a name."""
    return _with_address(text) or "(" in text


def _part_names(part: str) -> list[str]:
    """The names one person's part of an author field gives: by the mail parser when
    it holds an address, else as written; without an affiliation or a nickname
    in brackets (`Jane Doe (Acme)`) either way."""
    if _with_address(part):  # (the name's own aside dropped too: `… (Jane Doe (jd))`)
        part = _NESTED_ASIDE.sub(r"(\1)", part)
        return [_AFFILIATION.sub("", name).strip() for name, _address in email.utils.getaddresses([part])]
    return [_AFFILIATION.sub("", part).strip()]


def _people(value: str) -> list[str]:
    """An author field cut at its commas, but those inside quotes, `<…>` or `(…)`:
    one part per person, so a name with no address beside names with one stays
    whole (`Jane Doe <jane@…>, John Roe`)."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(value):
        if char == '"':
            quoted = not quoted
        elif char in "<(" and not quoted:
            depth += 1
        elif char in ">)" and not quoted:
            depth = max(0, depth - 1)
        elif char == "," and not quoted and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [part.strip() for part in parts if part.strip()]


def _as_written(value: str) -> tuple[str, ...]:
    """A short author field that is no list of names, as one name (`capu`, `the editors`)."""
    value = clean(value)
    return (value,) if 0 < len(value.split()) <= STATED_NAME_MAX_WORDS and not SENTENCE_END.search(value) else ()


def _first_last(name: str) -> str:
    """A name written `Last, First` (one comma, a word or two on either side) in the usual order."""
    last, comma, first = name.partition(",")
    if comma and 0 < len(last.split()) <= 2 and 0 < len(first.split()) <= 2 and "," not in first:
        return f"{first.strip()} {last.strip()}"
    return name


def _date(value: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return compact_date(value) or find_date(value)


def stated_facts(fields: Mapping[str, object]) -> Stated | None:
    """What a source's metadata states beside the title, authors and date
    (`fields` by lower-case key): its tags (`rules.TAG_KEYS`, a list or a
    comma-separated text), whether it is a draft (`rules.DRAFT_SIGNS`), its
    summary, its address (`rules.ADDRESS_KEYS`)."""
    tags = tuple(dict.fromkeys(tag for key in rules.TAG_KEYS for tag in _tag_values(fields.get(key), key)))
    draft = any(str(fields[key]).strip().casefold() in values for key, values in rules.DRAFT_SIGNS.items()
                if key in fields and fields[key] is not None)
    summary = next((clean(value) for key in rules.SUMMARY_KEYS
                    if isinstance(value := fields.get(key), str) and clean(value)), None)
    address = next((clean(value) for key in rules.ADDRESS_KEYS
                    if isinstance(value := fields.get(key), str) and clean(value)), None)
    return Stated(tags, draft, summary, address) if tags or draft or summary or address else None


def _tag_values(value: object, key: str = "") -> list[str]:
    """Tags as a source writes them: a list, a comma-separated text, or Org's
    `:one:two:` (Org's `#+filetags:` also `one two`: its tags hold no space)."""
    if isinstance(value, (list, tuple)):
        return [clean(str(item)) for item in value if isinstance(item, (str, int, float)) and clean(str(item))]
    if not isinstance(value, str):
        return []
    text = value.strip()
    if key in rules.SPACED_TAG_KEYS:
        parts = re.split(r"[\s:]+", text)
    elif text.startswith(":") and text.endswith(":"):
        parts = text.strip(":").split(":")
    else:
        parts = text.split(",")
    return [clean(part) for part in parts if clean(part)]
