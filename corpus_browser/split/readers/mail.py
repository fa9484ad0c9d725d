"""Mail: an mbox archive (messages after `From sender date` envelope lines),
messages run together (each opening with a block of header fields), a digest
(parts under lines of thirty hyphens, each with its `Subject:`), or a single
message. Each message is an article: its Subject is the title,
From the author, Date the date. Headers are parsed by the standard library's
`email` package (see `fields.py`), and so are MIME bodies: base64 and
quoted-printable text decoded, a multipart message's text part read, its
structure and attachments set aside (`mime.py`); forwarded messages and quoted
replies stay in the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence

from corpus_browser.lang.rules import TITLE_KEYS
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import MBOX_ENVELOPE, UNDERLINE, digest_parts, field_blocks, key_of, mail_like
from corpus_browser.split.readers.fields import RECORDS_MIN, add_fields
from corpus_browser.split.readers.mime import mime_body
from corpus_browser.split.readers.paragraphs import UnitBuilder, text_builder

#: A tag a mailing list puts before every subject: `[list-name]`.
_LIST_TAG = re.compile(r"^\s*(\[[^\]]{1,40}\])\s*")
#: Tags of several lists together stand before at least this share of the subjects.
LIST_TAGS_SHARE = 0.9


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    envelopes = [i for i, line in enumerate(lines) if line.startswith("From ") and MBOX_ENVELOPE.match(line)]
    if envelopes:
        starts = [(i, _header_end(lines, i + 1)) for i in envelopes]
        starts = sorted(starts + _ruled_messages(lines, starts))
    else:
        starts = field_blocks(lines, mail_like) or [(0, _header_end(lines, 0))]
    opened = {start for start, _end in starts}
    starts = sorted(starts + [part for part in digest_parts(lines) if part[0] not in opened])
    tags = _list_tags(lines, starts)
    builder = text_builder(lines)
    for number in range(1, starts[0][0] + 1):
        builder.line(number, lines[number - 1])
    for n, (start, header_end) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        _add_message(builder, lines, start, header_end, end, tags)
    return builder.units()


def _ruled_messages(lines: Sequence[str], envelopes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Messages with no envelope among those with one, each under a rule over its
    whole header (`========` over Subject:, From:, Date:): messages a mail client
    saved one after another, two or more of them. A header quoted in a
    message's body under no rule, or anywhere in a multipart message (its
    parts', its attachments'), stays in the body."""
    opens = [start for start, _end in envelopes]
    multipart = {n for n, (start, end) in enumerate(envelopes)
                 if any(key_of(line) == "content-type" and "multipart" in line.casefold() for line in lines[start:end])}
    found = [(start, end) for start, end in field_blocks(lines, _whole_header)
             if start > 0 and UNDERLINE.match(lines[start - 1]) and bisect_right(opens, start) - 1 not in multipart]
    return found if len(found) >= RECORDS_MIN else []


def _whole_header(keys: Collection[str]) -> bool:
    """A message's own header: From, Subject and Date together."""
    return {"from", "subject", "date"} <= set(keys)


def _header_end(lines: Sequence[str], start: int) -> int:
    """Where a header block starting at `start` ends: at its first blank line."""
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return end


def _list_tags(lines: Sequence[str], starts: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """The `[tag]`s mailing lists put before the subjects: one before half of
    them at least, or those before two subjects or more that together stand
    before nearly all (`LIST_TAGS_SHARE`: an archive of two lists, `[weekly]`
    and `[monthly]`; not a list's topics, `[PATCH]` and `[RFC]`)."""
    tags = Counter()
    for start, end in starts:
        for line in lines[start:end]:
            if key_of(line) in TITLE_KEYS:
                match = _LIST_TAG.match(line.split(":", 1)[1])
                if match:
                    tags[match[1]] += 1
    common = {tag: count for tag, count in tags.items() if count >= 2}
    if sum(common.values()) >= LIST_TAGS_SHARE * len(starts):
        return tuple(sorted(common))
    return tuple(tag for tag, count in tags.most_common(1) if count * 2 >= len(starts))


def _add_message(builder: UnitBuilder, lines: Sequence[str], start: int, header_end: int, end: int,
                 tags: tuple[str, ...]) -> None:
    """One message: its envelope, its header fields, then its body's paragraphs."""
    first_field = start
    if MBOX_ENVELOPE.match(lines[start]):
        builder.unit(clean(lines[start]), start + 1, start + 1, Role.HEADER, opens_record=True)
        first_field = start + 1
    add_fields(builder, lines, first_field, header_end, opens_record=first_field == start, title_prefixes=tags)
    decoded = mime_body(lines, first_field, header_end, end)
    if decoded is None:
        for number in range(header_end + 1, end + 1):
            builder.line(number, lines[number - 1])
    else:
        for piece in decoded:
            builder.unit(piece.text, piece.first, piece.last, piece.role)
    builder.end_paragraph()
