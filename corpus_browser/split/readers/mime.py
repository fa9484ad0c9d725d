"""A mail message's MIME body, decoded by the standard library's `email`
package: base64 and quoted-printable text is read as the text it encodes,
multipart messages give their text part (plain text, else HTML's text), and
what is not text (boundary lines, each part's headers, attachments, the HTML
twin of a plain-text part) is set aside as the message's metadata.

The decoded text keeps the place of the lines that encode it: its paragraphs
stand in order on the first of those lines, one line each, and the lines left
over are set aside as the encoding, so every line of the seed is still
accounted for, once.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email.message import Message

import lxml.html

from corpus_browser.lang.text import clean
from corpus_browser.model import Role

#: Transfer encodings whose lines are not the text they carry.
ENCODED = frozenset({"base64", "quoted-printable"})
#: Content types whose text a reader reads, most wanted first.
TEXT_TYPES = ("text/plain", "text/html")


@dataclass(frozen=True)
class Piece:
    """A unit of a decoded body: its text, its 1-based line span in the seed, its role."""

    text: str
    first: int
    last: int
    role: Role


def mime_body(lines: Sequence[str], message_start: int, body_start: int, end: int) -> list[Piece] | None:
    """The pieces of a message's body (its header fields at `[message_start,
    body_start)`, its body up to `end`, 0-based), or None when the body is plain
    text as written: a single part, neither base64 nor quoted-printable."""
    message = email.message_from_string("\n".join(lines[message_start:end]), policy=email.policy.compat32)
    if not message.is_multipart() and str(message.get("Content-Transfer-Encoding", "")).strip().lower() not in ENCODED:
        return None
    regions = list(_regions(lines, body_start, end, _boundaries(message)))
    leaves = [part for part in message.walk() if not part.is_multipart()]
    wanted = _read_parts(message)
    pieces: list[Piece] = []
    contents = iter(leaves)
    for first, last, is_content in regions:
        part = next(contents, None) if is_content else None
        if part is not None and id(part) in wanted:
            pieces += _decoded(part, lines, first, last)
        else:
            pieces += [Piece(clean(lines[i]), i + 1, i + 1, Role.HEADER) for i in range(first, last) if lines[i].strip()]
    return pieces


def _boundaries(message: Message) -> set[str]:
    """The lines that separate the parts of the message and of its nested multiparts."""
    found = set()
    for part in message.walk():
        boundary = part.get_boundary() if part.is_multipart() else None
        if boundary:
            found |= {f"--{boundary}", f"--{boundary}--"}
    return found


def _regions(lines: Sequence[str], start: int, end: int, boundaries: set[str]) -> Iterator[tuple[int, int, bool]]:
    """The body's runs of lines `[first, last)`, each marked whether it is a part's
    content (after a boundary and the part's headers) or MIME structure."""
    if not boundaries:
        yield start, end, True
        return
    i, in_part = start, False
    while i < end:
        if lines[i].rstrip() in boundaries:
            yield i, i + 1, False
            i += 1
            header_end = i
            while header_end < end and lines[header_end].strip():
                header_end += 1
            in_part = not lines[i - 1].rstrip().endswith("--")
            if in_part and header_end > i:
                yield i, header_end, False
            i = header_end
            continue
        run = i
        while run < end and lines[run].rstrip() not in boundaries:
            run += 1
        yield i, run, in_part  # before the first boundary (a preamble) and after the last: no part's content
        i = run


def _read_parts(message: Message) -> set[int]:
    """The parts a reader reads (by `id`): in each multipart/alternative only the
    most wanted text type; elsewhere every text part that is not an attachment."""
    wanted = set()
    for part in message.walk():
        if part.get_content_type() == "multipart/alternative":
            texts = [child for child in part.get_payload() if child.get_content_type() in TEXT_TYPES]
            if texts:
                best = min(texts, key=lambda child: TEXT_TYPES.index(child.get_content_type()))
                wanted.add(id(best))
    alternatives = {id(child) for part in message.walk() if part.get_content_type() == "multipart/alternative"
                    for child in part.get_payload()}
    for part in message.walk():
        if not part.is_multipart() and id(part) not in alternatives and part.get_content_type() in TEXT_TYPES \
                and part.get_content_disposition() != "attachment":
            wanted.add(id(part))
    return wanted


def _decoded(part: Message, lines: Sequence[str], first: int, last: int) -> list[Piece]:
    """A text part's paragraphs, in order on the first of the part's non-blank
    lines `[first, last)`, one line each; the lines left over are the encoding,
    set aside (a paragraph per line keeps every line counted once)."""
    payload = part.get_payload(decode=True) or b""
    text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    if part.get_content_type() == "text/html" and text.strip():
        text = lxml.html.fromstring(text).text_content()
    paragraphs = [clean(" ".join(block.split())) for block in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    filled = [i for i in range(first, last) if lines[i].strip()]
    if len(paragraphs) > len(filled):
        paragraphs[len(filled) - 1:] = [" ".join(paragraphs[len(filled) - 1:])] if filled else []
    pieces = [Piece(paragraph, i + 1, i + 1, Role.PROSE) for paragraph, i in zip(paragraphs, filled)]
    return pieces + [Piece(clean(lines[i]), i + 1, i + 1, Role.BOILERPLATE) for i in filled[len(paragraphs):]]
