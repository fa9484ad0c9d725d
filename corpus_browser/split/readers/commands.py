"""Markup that writes its headings as commands (LaTeX, Texinfo, POD, Yodl): a
line that is one heading command (`\\section{Title}`, `@section Title`,
`=head1 Title`, `sect(Title)`, perhaps over two or three lines) is a heading
of the command's rank (`rules.HEADING_COMMANDS`), its inline commands read as
what they hold; every other line is text, its inline commands kept as
written. A collection's header blocks open its documents (see `fields.py`)."""

from __future__ import annotations

from corpus_browser.lang import rules
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import heading_command
from corpus_browser.split.readers.fields import walk
from corpus_browser.split.readers.paragraphs import text_builder


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)

    def step(i: int) -> int:
        for end in range(i + 1, min(i + 1 + CONTINUED_LINES_MAX, len(lines)) + 1):
            heading = heading_command(" ".join(line.strip().rstrip("\\").strip() for line in lines[i:end]))
            if heading:
                command, title = heading
                builder.unit(clean(_without_inline_commands(title)), i + 1, end, Role.HEADING,
                             level=rules.HEADING_COMMANDS[command], marker=command)
                return end
            if not _continued(lines[end - 1]):
                break
        builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)


#: A heading command goes on over at most this many more lines (`sect(A long \` over `question?)`).
CONTINUED_LINES_MAX = 2


def _continued(line: str) -> bool:
    """A heading command's line that the next goes on: it ends with a backslash or leaves a bracket open."""
    text = line.rstrip()
    return text.endswith("\\") or text.count("(") > text.count(")") or text.count("{") > text.count("}")


def _without_inline_commands(title: str) -> str:
    """A title with its inline commands replaced by what they hold (`\\emph{x}`, `@code{x}`, `C<x>`, `tt(x)`)."""
    for pattern in rules.INLINE_COMMANDS:
        title = pattern.sub(r"\g<text>", title)
    return title

