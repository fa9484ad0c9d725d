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
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from corpus_browser.lang import rules
from corpus_browser.lang.rules import AUTHOR_KEYS, DATE_KEYS, TITLE_KEYS
from corpus_browser.model import SUFFIX_FORMATS, Format

#: The first line of a message in an mbox archive: `From sender  Tue Jul  5 12:07:30 2005`, or with
#: the date as a mail header writes it after an address (`From a@example.org Sat, 12 Jun 1999 02:55:14 -0400 (EDT)`;
#: not a booking's `From LHR 12 Jun 2019 08:25`).
MBOX_ENVELOPE = re.compile(
    r"^From (?:\S+(?: at \S+)?\s+(?:[A-Z][a-z]{2} ){1,2}\s*\d{1,2} \d{1,2}:\d\d(?::\d\d)? (?:\S+ )?\d{4}"
    r"|(?:\S*@\S+|\S+ at \S+)\s+(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d\d(?::\d\d)?"
    r"(?: [+-]\d{4})?(?: \(?[A-Z]{1,5}\)?)?)\s*$"
)
#: The line between the messages of a digest (RFC 1153): thirty hyphens.
DIGEST_SEPARATOR = re.compile(r"^-{30}[ \t]*$")
#: An ATX heading, `## Title` or `## Title ##`. Its text ends at a character
#: that is not white space (`(?:.*?[^ \t])??`): it never does otherwise, and a
#: text that may end anywhere makes the closing marks be looked for at each
#: space of a long run of them (quadratic time, issue 26).
ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>(?:.*?[^ \t])??))?(?:[ \t]+#+)?[ \t]*$")
FRONT_MATTER_FENCE = re.compile(r"^(?:---|\+\+\+)[ \t]*$")
FRONT_MATTER_FIELD = re.compile(r"^[A-Za-z_][\w-]*(?:[ \t]*:(?:\s|$)|\s*=\s*\S)")
#: A front-matter field with no fences around its block, as Franklin writes them: `@def title = "…"`.
UNFENCED_FIELD = re.compile(r"^@def\s+(?=[A-Za-z_][\w-]*\s*=\s*\S)")
#: The marks that open a wiki or AsciiDoc heading: one to six `=`, spaced as tokenised dumps write
#: them (`= = Section = =`), after at most one space.
_WIKI_MARKS = re.compile(r"^ ?(=(?: ?=){0,5})(?!=)")
#: `=Text=`, one mark each side and no space inside: how plain-text books mark bold
#: (`=5. RECITATION.=`), not a trace of wiki text, whose first-rank headings are spaced.
_TIGHT_SINGLE = re.compile(r"^ ?=[^\s=](?:.*[^\s=])?=\s*$")
#: An Org mode heading: stars, then the title, perhaps a TODO keyword before it
#: and tags after; the title ends at a character that is not white space, as
#: an ATX heading's does.
ORG_HEADING = re.compile(r"^(?P<marks>\*+)[ \t]+(?:(?:TODO|DONE)[ \t]+)?(?P<text>(?:.*?[^ \t])??)"
                         r"(?:[ \t]+:[\w@#%:]+:)?[ \t]*$")
ORG_MARKUP = re.compile(r"^[ \t]*(?:#\+\w+:|:PROPERTIES:$|#\+begin_)", re.IGNORECASE)
#: AsciiDoc's own marks, which no other markup writes at a line's start: an
#: attribute entry (`:page-tags: [news]`, `:toc:`), a block's attribute list
#: (`[source,ruby]`, `[NOTE]`, `[quote, Author]`, `[.lead]`, `[#install]`: not an INI file's
#: `[section]`), a block macro (`image::dawn.jpg[]`).
ASCIIDOC_MARKUP = re.compile(
    r"^(?::!?[A-Za-z0-9_][\w-]*!?:(?:[ \t]|$)"
    r"|\[(?:(?:source|listing|literal|quote|verse|NOTE|TIP|IMPORTANT|WARNING|CAUTION|sidebar|example|abstract"
    r"|partintro|appendix|preface|colophon|bibliography|glossary|index|synopsis"
    r"|discrete|cols|options|role|subs)\b|[.#%][\w-])[^\[\]]*\][ \t]*$"
    r"|(?:image|include|video|audio|toc)::\S*\[)")
#: An AsciiDoc heading: `=` marks (one for the document's title), a space, the text; no closing marks.
ASCIIDOC_HEADING = re.compile(r"^(?P<marks>={1,6})[ \t]+(?P<text>\S(?:.*\S)?)[ \t]*$")
#: A block whose lines are taken as they are: listing, literal, passthrough, comment; a table;
#: and a fenced listing, as Markdown writes it (`` ```ruby ``, closed by `` ``` ``).
ASCIIDOC_VERBATIM = re.compile(r"^(?:-{4,}|\.{4,}|\+{4,}|/{4,}|\|={3,}|```[\w+#.-]*)[ \t]*$")
#: An AsciiDoc comment line (`// tag::compact[]`; four slashes open a comment block).
ASCIIDOC_COMMENT = re.compile(r"^//(?!/)")
#: An AsciiDoc attribute entry: `:name: value` (`:name!:` unsets it).
ASCIIDOC_ATTRIBUTE = re.compile(r"^:(?P<name>!?[A-Za-z0-9_][\w-]*!?):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
#: The first or last line of an Org block (`#+begin_src`, `#+end_example`), whose lines are code or quotation.
ORG_BLOCK = re.compile(r"^[ \t]*#\+(begin|end)_", re.IGNORECASE)
#: An underline (or overline) of a reStructuredText or setext title.
UNDERLINE = re.compile(r"^(?P<char>[=\-~^\"'`#*+:.<>_])(?P=char){2,}[ \t]*$")
RST_MARKUP = re.compile(r"^\.\. [\w:-]+::|^\.\. _[^:]+:|:[a-z]+(?::[a-z]+)?:`[^`]+`|``[^`]+``|`[^`<]+<[^`>]+>`__?")
#: A metadata comment opening a reStructuredText file (Nikola's `.. title: A Post`).
RST_COMMENT_FIELD = re.compile(r"^\.\. [a-z_]+: ")
#: reStructuredText markup without any underlined title: as many constructs make a file reStructuredText.
RST_MIN_MARKUP = 3
#: Markdown marks but links (`markdown_link`): a code fence, a quotation, bold text.
MARKDOWN_MARKUP = re.compile(r"^```|^ {0,3}>\s|\*\*[^*]+\*\*")
#: A link's target, up to the `)` that closes it (or the white space that shows it is none).
_LINK_TARGET = re.compile(r"[^)\s]*")

#: A field: `Key: value`, the key one to three words.
FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}):(?:[ \t]+\S|[ \t]*$)")
#: A block needs at least this many fields.
BLOCK_MIN_FIELDS = 3
#: Fields that every mail carries.
MAIL_KEYS = frozenset({"from", "subject", "date", "to"})
#: The line that opens a commit in `git log` output (`commit 18b845e6… (tag: v5.4.1)`).
COMMIT_LINE = re.compile(r"^commit [0-9a-f]{7,64}\b")
#: A commit's author field stands within this many lines under its `commit` line (after `Merge:`).
_COMMIT_AUTHOR_REACH = 3
#: Least number of traces that make a format: two, as one `# comment` or one
#: underline can happen in any text.
MIN_TRACES = 2


@dataclass(frozen=True)
class Sniffed:
    """A seed's format and the evidence for it, and the other formats its content shows traces of."""

    format: Format
    evidence: str
    alternatives: tuple[Format, ...] = ()
    """The other readings worth weighing when this one splits the seed implausibly,
    the most telling first; plain text last."""


def sniff(lines: Sequence[str], suffix: str) -> Sniffed:
    """The format of a seed's lines: the one its suffix names (`.adoc`) when its
    content shows that one too, else the one it shows most (`suffix` breaking ties)."""
    hinted = SUFFIX_FORMATS.get(suffix.lower(), Format.TEXT)
    traces = {
        Format.MARKDOWN: _markdown_traces(lines, setext=hinted is Format.MARKDOWN),
        Format.RST: _rst_traces(lines),
        Format.WIKI: _wiki_traces(lines),
        Format.ASCIIDOC: _asciidoc_traces(lines),
        Format.ORG: _org_traces(lines),
        Format.COMMANDS: _command_traces(lines),
    }
    counts = {fmt: count for fmt, (count, _) in traces.items() if count >= MIN_TRACES}
    # the format the file's name gives, when its content shows it, before any other (`* item` in AsciiDoc is no Org heading)
    ranked = sorted(counts, key=lambda fmt: (fmt is not hinted, -counts[fmt], fmt.value))
    commits = commit_lines(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and commits[:1] == [first]:
        return Sniffed(Format.GIT_LOG, f"{len(commits)} commits (`commit <hash>` over `Author:`)",
                       (*ranked, Format.TEXT))
    mail = _mail_traces(lines)
    if mail:
        return Sniffed(Format.MAIL, mail, (*ranked, Format.TEXT))
    if not counts:
        return Sniffed(hinted, f"no markup found; read as {hinted.value} by its suffix {suffix or '(none)'}",
                       () if hinted is Format.TEXT else (Format.TEXT,))
    return Sniffed(ranked[0], traces[ranked[0]][1], (*ranked[1:], Format.TEXT))


def commit_lines(lines: Sequence[str]) -> list[int]:
    """The lines that open the commits of `git log` output: `commit <hash>` with
    an `Author:` field under it. (A seed is `git log` output when its first line
    is one: a post or a mail quoting a log is not.)"""
    return [i for i, line in enumerate(lines) if line.startswith("commit ") and COMMIT_LINE.match(line)
            and any(key_of(below) == "author" for below in lines[i + 1:i + 1 + _COMMIT_AUTHOR_REACH])]


def _mail_traces(lines: Sequence[str]) -> str:
    envelopes = sum(1 for line in lines if line.startswith("From ") and MBOX_ENVELOPE.match(line))
    if envelopes:
        return f"{envelopes} mbox envelope lines (`From sender date`)"
    parts = digest_parts(lines)
    if parts:
        return f"{len(parts)} parts of a digest (a `Subject:` under a line of thirty hyphens)"
    blocks = field_blocks(lines, mail_like)
    if blocks and (len(blocks) >= MIN_TRACES or blocks[0][0] == 0):
        return f"{len(blocks)} blocks of mail header fields (From:, Subject:, Date: …)"
    return ""


def digest_parts(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The parts of a digest, as RFC 1153 has list servers and FAQ postings write
    them: each a header block holding a `Subject:` (perhaps alone) after a line
    of thirty hyphens and a blank line, `[start, end)`; two parts or more."""
    found = []
    for i, line in enumerate(lines):
        if not (line.startswith("---") and DIGEST_SEPARATOR.match(line)):
            continue
        start = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
        if start is None or start == i + 1:
            continue
        end = _block_end(lines, start)
        closed = end == len(lines) or not lines[end].strip()
        if closed and any(key_of(lines[k]) == "subject" for k in range(start, end)):
            found.append((start, end))
    return found if len(found) >= MIN_TRACES else []


def _markdown_traces(lines: Sequence[str], setext: bool = False) -> tuple[int, str]:
    """`#` headings, front-matter blocks and other marks; with `setext` (the file is
    named as Markdown), titles underlined with `=` or `-` too, of any length, as
    Markdown reads them (reStructuredText wants the underline as long as the title)."""
    fenced = in_org_block = False
    headings = underlined = front_matter = markup = 0
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
            markup += 1
            continue
        if (org_block := ORG_BLOCK.match(line)) is not None:
            in_org_block = org_block[1].casefold() == "begin"  # a `# comment` in Org's code is no heading
        if fenced or in_org_block:
            continue
        if ATX_HEADING.match(line) and line.lstrip("# ").strip() and (setext or line.startswith("#")):
            headings += 1  # (in a file not named as Markdown, an indented `# …` is a shell's root prompt)
        elif setext and setext_heading(lines, i) and not FRONT_MATTER_FIELD.match(line):
            underlined += 1  # (not a front-matter block's last field over its closing `---`)
        elif FRONT_MATTER_FENCE.match(line) and i + 1 < len(lines) and FRONT_MATTER_FIELD.match(lines[i + 1]) \
                and (i == 0 or not lines[i - 1].strip() or not FRONT_MATTER_FIELD.match(lines[i - 1])):
            front_matter += 1
        elif MARKDOWN_MARKUP.search(line) or markdown_link(line):
            markup += 1
    marked_up = headings + underlined >= MIN_TRACES or front_matter
    count = (headings + underlined + 3 * front_matter + markup) if marked_up else 0
    return count, (f"{headings} `#` headings, " + (f"{underlined} underlined titles, " if underlined else "")
                   + f"{front_matter} front-matter blocks, {markup} other Markdown marks")


def setext_heading(lines: Sequence[str], i: int) -> bool:
    """Line `i` is a setext heading: one line of text, after a blank, underlined with
    `===` or `---` (three marks or more); a list item is none."""
    if i + 1 >= len(lines) or (i and lines[i - 1].strip()):
        return False
    text, under = lines[i].strip(), lines[i + 1].strip()
    return bool(text) and not (rules.BULLET_ITEM.match(text) or rules.NUMBERED_ITEM.match(text)) \
        and len(under) >= 3 and under[0] in "=-" and under == under[0] * len(under)


def markdown_link(line: str) -> bool:
    """Whether `line` holds a Markdown link `[text](target)`, a text without `]`
    and a target without `)` or white space, neither empty: what the pattern
    `\\[[^\\]]+\\]\\([^)\\s]+\\)` finds, in one pass over the line (the pattern
    reads the rest of the line again from every `[` of a long run of them, or
    of `[x](`: quadratic time, issue 26).

    >>> markdown_link("see [the docs](https://example.org)"), markdown_link("[" * 9), markdown_link("[](x)")
    (True, False, False)
    """
    target_end = -1
    middle = line.find("](")
    while middle != -1:
        target = middle + 2
        if target >= target_end:  # else the target runs on to the end of the one before
            target_end = _LINK_TARGET.match(line, target).end()
        text = line.rfind("]", 0, middle) + 1  # the link text opens with a `[` after the last `]` before
        if target_end > target and line.startswith(")", target_end) \
                and line.find("[", text, max(text, middle - 1)) != -1:
            return True
        middle = line.find("](", middle + 1)
    return False


def _rst_traces(lines: Sequence[str]) -> tuple[int, str]:
    """Underlined titles, and directives, roles, literals and links where the file has
    titles, opens with metadata comments, or has many of them."""
    underlined = sum(1 for above, line in zip(lines, lines[1:]) if underlines(above, line))
    markup = sum(1 for line in lines if RST_MARKUP.search(line))
    commented = bool(lines) and bool(RST_COMMENT_FIELD.match(lines[0]))
    counted = markup if underlined or commented or markup >= RST_MIN_MARKUP else 0
    return underlined + counted + 2 * commented, (f"{underlined} underlined titles, {markup} reST directives, roles "
                                                  f"or links" + (", metadata comments" if commented else ""))


#: A line opening a block of wiki code, and its language: `<syntaxhighlight lang="python">`, `<pre>`.
WIKI_CODE_OPEN = re.compile(r"^\s*<(pre|syntaxhighlight|source)\b([^>]*)>(.*)$", re.IGNORECASE)


def wiki_code_end(lines: Sequence[str], start: int, opening: re.Match[str]) -> int:
    """The line that closes the block of code `opening` (line `start`) opens: the
    first with its closing tag, else the last line."""
    closing = re.compile(rf"</{opening[1]}\s*>", re.IGNORECASE)
    if closing.search(opening[3]):
        return start
    return next((end for end in range(start + 1, len(lines)) if closing.search(lines[end])), len(lines) - 1)


def wiki_heading(line: str) -> tuple[int, str] | None:
    """A wiki heading's rank and text: `== Title ==` (MediaWiki, also tight: `==Title==`,
    or spaced: `= = Title = =`) or `== Title` (AsciiDoc, the closing marks left out)."""
    opening = _WIKI_MARKS.match(line)
    if opening is None:
        return None
    marks, rest = opening[1], line[opening.end():]
    text = rest.strip()
    if text.endswith(marks):
        text = text[: -len(marks)].strip()
    elif not rest[:1].isspace():
        return None  # `==x` opens nothing unless it closes
    if not text or text[0] == "=" or text[-1] == "=":
        return None
    return marks.count("="), text


def underlines(above: str, line: str) -> bool:
    """`line` underlines the text `above` it: a run of one punctuation mark at least as long."""
    text = above.strip()
    return bool(text) and not UNDERLINE.match(text) and bool(UNDERLINE.match(line)) \
        and len(line.rstrip()) >= len(above.rstrip()) and not above[:1].isspace()


def _org_traces(lines: Sequence[str]) -> tuple[int, str]:
    """Org mode: `**` subheadings (a Markdown list never starts a line so) or
    Org's own keywords and drawers, beside `*` headings."""
    nested = sum(1 for line in lines if line.startswith("** ") and ORG_HEADING.match(line))
    markup = sum(1 for line in lines if ORG_MARKUP.match(line))
    headings = sum(1 for line in lines if line.startswith("*") and ORG_HEADING.match(line))
    return (headings + markup if nested or markup else 0), f"{headings} `*` headings, {markup} Org keywords or drawers"


def _wiki_traces(lines: Sequence[str]) -> tuple[int, str]:
    headings = sum(1 for line in lines if line.lstrip(" ")[:1] == "=" and wiki_heading(line)
                   and not _TIGHT_SINGLE.match(line))
    return headings, f"{headings} `= Title =` or `== Title` headings"


def _command_traces(lines: Sequence[str]) -> tuple[int, str]:
    """Heading commands of one markup after the line that declares a document of it
    (`rules.COMMAND_MARKUPS`), each set apart, a blank line (or a Texinfo `@node`
    line) beside it, outside Markdown's code fences: not a few examples a text or
    a post shows, nor a call in a program's lines that looks like one (`part(x)`)."""
    counts = Counter()
    declared: set[int] = set()
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced or line[:1] not in _COMMAND_STARTS:
            continue
        for markup, (heading, declaration) in enumerate(rules.COMMAND_MARKUPS):
            if declaration.match(line):
                declared.add(markup)
            if markup in declared and _command(heading, line) and _apart(lines, i):
                counts[markup] += 1
    headings = max(counts.values(), default=0)
    return headings, f"{headings} heading commands (`\\section{{…}}`, `@section …`, `=head1 …`, `sect(…)`)"


def heading_command(line: str) -> tuple[str, str] | None:
    """The command and the title of a line that is one heading command, or None."""
    if line[:1] not in _COMMAND_STARTS:
        return None
    return next((found for heading, _declaration in rules.COMMAND_MARKUPS if (found := _command(heading, line))), None)


#: The characters a heading command or a declaration starts with.
_COMMAND_STARTS = frozenset("\\@=abcdefghijklmnopqrstuvwxyzCDIM")


def _command(heading: re.Pattern[str], line: str) -> tuple[str, str] | None:
    found = heading.match(line)
    if found and found["command"] in rules.HEADING_COMMANDS and found["title"].strip():
        return found["command"], found["title"].strip()
    return None


def _apart(lines: Sequence[str], i: int) -> bool:
    """Line `i` has a blank line, the seed's edge or a Texinfo `@node` line beside it."""
    above = lines[i - 1] if i else ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    return not above.strip() or not below.strip() or above.startswith("@node")


def _asciidoc_traces(lines: Sequence[str]) -> tuple[int, str]:
    """AsciiDoc: its headings (closing marks left out) beside marks of its own
    (`ASCIIDOC_MARKUP`); headings alone may be a wiki's, and `*` lists an Org outline's."""
    headings = sum(1 for line in lines if line[:1] == "=" and (found := ASCIIDOC_HEADING.match(line))
                   and not found["text"].endswith("="))
    markup = sum(1 for line in lines if line[:1] in ":[itva" and ASCIIDOC_MARKUP.match(line))
    return (headings + markup if headings and markup >= MIN_TRACES else 0), \
        f"{headings} `= Title` headings, {markup} attribute entries, block attributes or block macros"


def asciidoc_block_end(lines: Sequence[str], start: int) -> int:
    """The line that closes the delimited block opened on line `start`: the same
    delimiter again, or `` ``` `` for a fence with a language. A delimiter that
    nothing closes opens no block (a title's underline, as Markdown writes one,
    `Conclusion` over `----------`): `start` itself, not the rest of the seed."""
    closing = "```" if lines[start].startswith("```") else lines[start].rstrip()
    return next((j for j in range(start + 1, len(lines)) if lines[j].rstrip() == closing), start)


def field_blocks(lines: Sequence[str], wanted: Callable[[Collection[str]], bool],
                 set_apart: bool = True) -> list[tuple[int, int]]:
    """Blocks `[start, end)` of at least `BLOCK_MIN_FIELDS` fields (with their
    folded continuation lines) before a blank line or the end, or of a title
    and an author or date before anything (`_states_a_document`), whose keys
    (case folded) `wanted` accepts; if `set_apart`, only after the seed's
    start, a blank line or a rule (files joined without a blank line between
    put a document's header right under the last line of the one before).

    `wanted` must also accept any larger set of keys than one it accepts (as
    `titled` and `mail_like` do): a block that starts lower in a run of fields
    ends where the run ends and holds fewer of its fields and keys, so when the
    run's first field opens no block, none of the others does either, and the
    run is read once (a chat log of thousands of `Name: text` lines is one run)."""
    found = []
    i = 0
    while i < len(lines):
        apart = i == 0 or not lines[i - 1].strip() or UNDERLINE.match(lines[i - 1])
        if FIELD.match(lines[i]) and (apart or not set_apart):
            end = _block_end(lines, i)
            keys = {key_of(lines[k]) for k in range(i, end) if FIELD.match(lines[k])}
            fields = sum(1 for k in range(i, end) if FIELD.match(lines[k]))
            stated = _states_a_document(keys)
            if (fields >= BLOCK_MIN_FIELDS or stated) and wanted(keys) \
                    and (end == len(lines) or not lines[end].strip() or stated):
                found.append((i, end))
            i = end
            continue
        i += 1
    return found


def _states_a_document(keys: Collection[str]) -> bool:
    """Keys that state a document's title and its author or date (`title:` over
    `author:`): a header however short, though the text follows it at once. (A
    `Subject:` under a `From:` is a message quoted in a body; a mail's own header
    holds three fields.)"""
    return "title" in keys and any(key in keys for key in (*AUTHOR_KEYS, *DATE_KEYS))


def titled(keys: Collection[str]) -> bool:
    """A document's header: it has a title."""
    return any(key in keys for key in TITLE_KEYS)


def mail_like(keys: Collection[str]) -> bool:
    """A message's header: two of From, Subject, Date, To."""
    return len(MAIL_KEYS.intersection(keys)) >= 2


def key_of(line: str) -> str:
    return line.split(":", 1)[0].strip().casefold()


def _block_end(lines: Sequence[str], start: int) -> int:
    end = start
    while end < len(lines) and (FIELD.match(lines[end]) or (end > start and lines[end][:1] in " \t"
                                                               and lines[end].strip())):
        end += 1
    return end
