"""Which format a seed is written in, judged by its content; the suffix is only a hint.

Each format leaves traces a plain text does not: mail archives their envelope
and header lines, Markdown `#` headings and front-matter blocks,
reStructuredText underlined titles and directives, wiki markup `= Title =`
lines. The format with the strongest traces wins; with none, the suffix
decides, and plain text is the default. The evidence is kept for the report
and `build_docs.py explain`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Format

#: The first line of a message in an mbox archive: `From sender  Tue Jul  5 12:07:30 2005`.
MBOX_ENVELOPE = re.compile(
    r"^From \S+(?: at \S+)?\s+(?:[A-Z][a-z]{2} ){1,2}\s*\d{1,2} \d{1,2}:\d\d(?::\d\d)? (?:\S+ )?\d{4}\s*$"
)
#: Header fields every mail carries; a block of them opens a message.
MAIL_HEADER = re.compile(r"^(?:From|To|Cc|Subject|Date|Message-ID|Received|Return-Path|In-Reply-To|MIME-Version):\s",
                         re.IGNORECASE)
ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
FRONT_MATTER_FIELD = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")
WIKI_HEADING = re.compile(r"^(?P<marks>={1,6})[ \t]*(?P<text>[^=\s](?:.*?[^=\s])?)[ \t]*(?P=marks)[ \t]*$")
#: An underline (or overline) of a reStructuredText or setext title.
UNDERLINE = re.compile(r"^(?P<char>[=\-~^\"'`#*+:.<>_])(?P=char){2,}[ \t]*$")
RST_MARKUP = re.compile(r"^\.\. [\w:-]+::|^\.\. _[^:]+:|:[a-z]+(?::[a-z]+)?:`[^`]+`|``[^`]+``")
MARKDOWN_MARKUP = re.compile(r"\[[^\]]+\]\([^)\s]+\)|^```|^ {0,3}>\s|\*\*[^*]+\*\*")

#: Any header field: `Name: value`.
HEADER_FIELD = re.compile(r"^[A-Za-z][\w-]*:\s")
#: A block of mail header fields opens a message when it has this many fields ...
HEADER_BLOCK_FIELDS = 3
#: ... two of them these.
_MESSAGE_FIELDS = {"from", "subject", "date", "to"}
#: A suffix's format, when the content shows none.
SUFFIX_FORMATS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".rst": Format.RST,
    ".wiki": Format.WIKI,
    ".mediawiki": Format.WIKI,
    ".eml": Format.MAIL,
    ".mbox": Format.MAIL,
}
#: Least number of traces that make a format: two, as one `# comment` or one
#: underline can happen in any text.
MIN_TRACES = 2


@dataclass(frozen=True)
class Sniffed:
    """A seed's format and the evidence for it."""

    format: Format
    evidence: str


def sniff(lines: Sequence[str], suffix: str) -> Sniffed:
    """The format of a seed's lines; `suffix` (e.g. `.txt`) breaks ties."""
    hinted = SUFFIX_FORMATS.get(suffix.lower(), Format.TEXT)
    mail = _mail_traces(lines)
    if mail:
        return Sniffed(Format.MAIL, mail)
    traces = {
        Format.MARKDOWN: _markdown_traces(lines),
        Format.RST: _rst_traces(lines),
        Format.WIKI: _wiki_traces(lines),
    }
    counts = {fmt: count for fmt, (count, _) in traces.items() if count >= MIN_TRACES}
    if not counts:
        return Sniffed(hinted, f"no markup found; read as {hinted.value} by its suffix {suffix or '(none)'}")
    best = max(counts, key=lambda fmt: (counts[fmt], fmt is hinted))
    return Sniffed(best, traces[best][1])


def _mail_traces(lines: Sequence[str]) -> str:
    envelopes = sum(1 for line in lines if line.startswith("From ") and MBOX_ENVELOPE.match(line))
    if envelopes:
        return f"{envelopes} mbox envelope lines (`From sender date`)"
    blocks = header_blocks(lines)
    if blocks and (len(blocks) >= MIN_TRACES or blocks[0] == 0):
        return f"{len(blocks)} blocks of mail header fields (From:, Subject:, Date: …)"
    return ""


def header_blocks(lines: Sequence[str]) -> list[int]:
    """Where blocks of mail header fields open messages: at least
    `HEADER_BLOCK_FIELDS` header lines in a row, two of them From, Subject,
    Date or To, after a blank line or a rule and before a blank line."""
    found = []
    i = 0
    while i < len(lines):
        if MAIL_HEADER.match(lines[i]) and (i == 0 or not lines[i - 1].strip() or UNDERLINE.match(lines[i - 1])):
            j = i
            while j < len(lines) and (MAIL_HEADER.match(lines[j]) or HEADER_FIELD.match(lines[j])
                                      or (j > i and lines[j][:1] in " \t" and lines[j].strip())):
                j += 1
            names = {lines[k].split(":", 1)[0].strip().casefold() for k in range(i, j)}
            if j - i >= HEADER_BLOCK_FIELDS and len(names & _MESSAGE_FIELDS) >= 2 \
                    and (j == len(lines) or not lines[j].strip()):
                found.append(i)
                i = j
                continue
        i += 1
    return found


def _markdown_traces(lines: Sequence[str]) -> tuple[int, str]:
    fenced = False
    headings = front_matter = markup = 0
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
            markup += 1
            continue
        if fenced:
            continue
        if ATX_HEADING.match(line) and line.lstrip("# ").strip():
            headings += 1
        elif FRONT_MATTER_FENCE.match(line) and i + 1 < len(lines) and FRONT_MATTER_FIELD.match(lines[i + 1]) \
                and (i == 0 or not lines[i - 1].strip() or not FRONT_MATTER_FIELD.match(lines[i - 1])):
            front_matter += 1
        elif MARKDOWN_MARKUP.search(line):
            markup += 1
    marked_up = headings >= MIN_TRACES or front_matter
    count = (headings + 3 * front_matter + markup) if marked_up else 0
    return count, f"{headings} `#` headings, {front_matter} front-matter blocks, {markup} other Markdown marks"


def _rst_traces(lines: Sequence[str]) -> tuple[int, str]:
    underlined = sum(1 for above, line in zip(lines, lines[1:]) if underlines(above, line))
    markup = sum(1 for line in lines if RST_MARKUP.search(line))
    return underlined + (markup if underlined else 0), f"{underlined} underlined titles, {markup} reST directives or roles"


def underlines(above: str, line: str) -> bool:
    """`line` underlines the text `above` it: a run of one punctuation mark at least as long."""
    text = above.strip()
    return bool(text) and not UNDERLINE.match(text) and bool(UNDERLINE.match(line)) \
        and len(line.rstrip()) >= len(above.rstrip()) and not above[:1].isspace()


def _wiki_traces(lines: Sequence[str]) -> tuple[int, str]:
    headings = sum(1 for line in lines if WIKI_HEADING.match(line))
    return headings, f"{headings} `= Title =` headings"
