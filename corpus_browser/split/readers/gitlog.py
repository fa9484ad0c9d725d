"""`git log` output: each commit is an article. `commit <hash>` opens it, over
its header fields (`Author:` the author, `Date:` or `--format=fuller`'s
`AuthorDate:` the date; `Merge:`, `Commit:` and `CommitDate:` kept as
fields). The message under them, indented four spaces, gives the title (its
first line, made a title as any other is: capitals eased, a numbering and a
closing full stop dropped) and the text; what follows it (`--stat` lines, a
`-p` diff) is kept as verbatim lines, never a heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import FIELD, commit_lines
from corpus_browser.split.readers.fields import add_fields
from corpus_browser.split.readers.paragraphs import UnitBuilder, text_builder

#: How deep `git log` indents a commit's message.
MESSAGE_INDENT = "    "
#: The title's marker: a title as its source wrote it (see `extract._title`).
TITLE_MARKER = "commit:"


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    starts = commit_lines(lines)
    builder = text_builder([line.removeprefix(MESSAGE_INDENT) for line in lines])
    for number in range(1, (starts[0] if starts else len(lines)) + 1):
        builder.line(number, lines[number - 1])  # before the first commit (with none, every line): text
    for n, start in enumerate(starts):
        _add_commit(builder, lines, start, starts[n + 1] if n + 1 < len(starts) else len(lines))
    return builder.units()


def _add_commit(builder: UnitBuilder, lines: Sequence[str], start: int, end: int) -> None:
    """One commit: its `commit` line, its fields, its message, then its stat lines or diff."""
    builder.unit(clean(lines[start]), start + 1, start + 1, Role.HEADER, opens_record=True)
    fields_end = start + 1
    while fields_end < end and FIELD.match(lines[fields_end]):
        fields_end += 1
    add_fields(builder, lines, start + 1, fields_end, opens_record=False)
    message_end = fields_end
    while message_end < end and (lines[message_end].startswith(MESSAGE_INDENT) or not lines[message_end].strip()):
        message_end += 1
    titled = False
    for number in range(fields_end, message_end):
        text = lines[number].removeprefix(MESSAGE_INDENT)
        if not titled and text.strip():
            builder.unit(clean(text), number + 1, number + 1, Role.HEADING, level=0, marker=TITLE_MARKER)
            titled = True
        else:
            builder.line(number + 1, text)
    builder.end_paragraph()
    if message_end < end:
        builder.verbatim(lines, message_end, end - 1)
