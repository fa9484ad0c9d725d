"""Mail: an mbox archive (messages after `From sender date` envelope lines),
messages run together (each opening with a block of header fields), or a
single message. Each message is an article: its Subject is the title,
From the author, Date the date. Headers are parsed by the standard library's
`email` package; forwarded messages and quoted replies stay in the body.
"""

from __future__ import annotations

import email.policy
import email.utils
import re
from collections import Counter
from collections.abc import Sequence
from email.parser import HeaderParser

from ..formats import MBOX_ENVELOPE, header_blocks
from ..model import Role, Seed, Unit
from ..recognise import find_date, strip_honorifics
from ..text import clean
from .paragraphs import UnitBuilder, text_builder

#: A header line, or the folded continuation of one.
_HEADER_LINE = re.compile(r"^[!-9;-~]+:|^[ \t]+\S")
#: A tag a mailing list puts before every subject: `[list-name]`.
_LIST_TAG = re.compile(r"^\s*(\[[^\]]{1,40}\])\s*")
_PARSER = HeaderParser(policy=email.policy.compat32)


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    starts = [i for i, line in enumerate(lines) if line.startswith("From ") and MBOX_ENVELOPE.match(line)] \
        or header_blocks(lines) or [0]
    tags = Counter(tag for i in starts for tag in [_list_tag(_header_block(lines, i)[1])] if tag)
    common_tag = next((tag for tag, count in tags.items() if count * 2 >= len(starts)), None)
    builder = text_builder(lines)
    for number in range(1, starts[0] + 1):
        builder.line(number, lines[number - 1])
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        _add_message(builder, lines, start, end, common_tag)
    return builder.units()


def _header_block(lines: Sequence[str], start: int) -> tuple[int, str]:
    """Where the message's header block ends (its first blank line), and the block's text."""
    i = start + 1 if MBOX_ENVELOPE.match(lines[start]) else start
    while i < len(lines) and lines[i].strip() and _HEADER_LINE.match(lines[i]):
        i += 1
    return i, "\n".join(lines[start:i])


def _list_tag(block: str) -> str | None:
    subject = _PARSER.parsestr(_without_envelope(block)).get("Subject") or ""
    match = _LIST_TAG.match(str(subject))
    return match[1] if match else None


def _without_envelope(block: str) -> str:
    first, _, rest = block.partition("\n")
    return rest if MBOX_ENVELOPE.match(first) else block


def _add_message(builder: UnitBuilder, lines: Sequence[str], start: int, end: int, list_tag: str | None) -> None:
    """One message: each header field a unit (Subject a heading, From a byline,
    Date a date), then the body's paragraphs."""
    header_end, block = _header_block(lines, start)
    headers = _PARSER.parsestr(_without_envelope(block))
    if MBOX_ENVELOPE.match(lines[start]):
        builder.unit(clean(lines[start]), start + 1, start + 1, Role.HEADER, opens_record=True)
        first_field = start + 1
    else:
        first_field = start
    opens = first_field == start
    for field_start, field_end in _fields(lines, first_field, header_end):
        name = lines[field_start].split(":", 1)[0].strip().casefold()
        text = clean(" ".join(lines[field_start:field_end]))
        value = headers.get(lines[field_start].split(":", 1)[0].strip())
        fields: dict[str, object] = {"opens_record": opens}
        opens = False
        if name == "subject" and value:
            title = clean(" ".join(str(value).split()))
            if list_tag and title.startswith(list_tag):
                title = title[len(list_tag):].strip() or title
            builder.unit(title, field_start + 1, field_end, Role.HEADING, level=0, marker="Subject:", **fields)
        elif name == "from" and value:
            sender = _sender(str(value))
            builder.unit(text, field_start + 1, field_end, Role.BYLINE if sender else Role.HEADER,
                         names=(sender,) if sender else (), **fields)
        elif name == "date" and value:
            builder.unit(text, field_start + 1, field_end, Role.DATE, date=_date(str(value)), **fields)
        else:
            builder.unit(text, field_start + 1, field_end, Role.HEADER, **fields)
    for number in range(header_end + 1, end + 1):
        builder.line(number, lines[number - 1])
    builder.end_paragraph()


def _fields(lines: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """Each header field's lines (a field with its folded continuation lines)."""
    spans: list[tuple[int, int]] = []
    for i in range(start, end):
        if lines[i][:1] in (" ", "\t") and spans:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _sender(value: str) -> str | None:
    """The sender's name from a From field (`Jane Doe <jane@example.org>`,
    `jane at example.org (Jane Doe)`); None when it gives only an address."""
    name, _address = email.utils.parseaddr(value)
    name = clean(strip_honorifics(name.strip("\"' ")))
    return name if name and "@" not in name and " at " not in name else None


def _date(value: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return find_date(value)
