"""reStructuredText: a title is a line underlined (perhaps also overlined)
with a run of one punctuation mark. As in reStructuredText itself, ranks
follow the order in which the styles first occur: the first style seen is
rank 1, the next new one rank 2. A collection's header blocks open its
documents (see `fields.py`).

What a post states of itself is metadata: a field list right under its title
(`:date:`, `:author:`, `:tags:`, `:category:`, `:summary:`, `:status: draft`, as
Pelican writes them), the `.. key: value` comments a file opens with
(Nikola's `.. title:`, `.. date:`, `.. tags:`), and ABlog's `.. post:: DATE`
directive under a title with its `:author:`, `:tags:` and `:category:`
options, or a Sphinx page's field list over its title (`:blogpost: true`,
`:date:`, `:author:`); where two or more posts state theirs so, each opens
a post, whatever the headings of the posts' own sections, and so does a
title underlined as theirs are with no metadata. Explicit markup (a directive
with its options and content, a comment, a link target) and literal blocks
are verbatim units: never metadata, never boilerplate, so that a
`.. code-block::` line many posts share stays with its code."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from corpus_browser.lang.recognise import find_date
from corpus_browser.lang.rules import AUTHOR_KEYS, DATE_KEYS
from corpus_browser.lang.text import clean
from corpus_browser.model import Role, Seed, Unit
from corpus_browser.split.formats import UNDERLINE, underlines
from corpus_browser.split.readers.fields import RECORDS_MIN, stated_facts, stated_names, walk
from corpus_browser.split.readers.paragraphs import UnitBuilder, text_builder

#: A field of a field list: `:Author: Jane Doe`.
FIELD = re.compile(r"^:(?P<key>[\w -]+):(?:\s+(?P<value>.*)|$)")
#: The start of explicit markup: a directive, a comment, a link target, a footnote.
EXPLICIT_MARKUP = re.compile(r"^[ \t]*\.\.(?:[ \t]|$)")
#: ABlog's directive that makes a page a post: `.. post:: 27 November 2012`, its options indented under it.
POST_DIRECTIVE = re.compile(r"^\.\. post::(?:[ \t]+(?P<date>.*?))?[ \t]*$")
#: Where posts state their metadata, a title underlined as this share of theirs are is a post too,
#: when such titles are at most this share of the posts: a few pages without metadata, not every post's sections.
POST_MARK_SHARE, BARE_POSTS_SHARE = 0.9, 0.25
#: Keys that state a post's own metadata: a field list over a title holding one is the post's.
_STATING_KEYS = frozenset((*DATE_KEYS, *AUTHOR_KEYS))
#: A metadata comment at the top of a file: `.. title: A Post`.
COMMENT_FIELD = re.compile(r"^\.\. (?P<key>[a-z_]+):(?:\s+(?P<value>.*)|$)")


def read(seed: Seed) -> list[Unit]:
    lines = seed.lines
    builder = text_builder(lines)
    ranks: dict[tuple[str, bool], int] = {}
    after_title = [0]  # where a field list states the post's metadata: the file's start, or right under a title
    posts, heads = _posts(lines)

    def step(i: int) -> int:
        if i in heads:
            return _metadata(builder, lines, i, opens_record=True)
        if i == after_title[0] and (COMMENT_FIELD.match(lines[i]) or FIELD.match(lines[i])):
            return _metadata(builder, lines, i)
        if i >= after_title[0] and POST_DIRECTIVE.match(lines[i]):
            return _post(builder, lines, i)
        overlined = i + 2 < len(lines) and bool(UNDERLINE.match(lines[i])) and bool(lines[i + 1].strip()) \
            and lines[i].rstrip() == lines[i + 2].rstrip() and len(lines[i].rstrip()) >= len(lines[i + 1].rstrip())
        title = i + 1 if overlined else i
        underlined = overlined or (title + 1 < len(lines)
                                   and (underlines(lines[title], lines[title + 1]) or _short_underline(lines, title, ranks))
                                   and (_set_apart(lines, title, ranks) or title in posts))
        if underlined:
            style = (lines[title + 1].strip()[0], overlined)
            rank = ranks.setdefault(style, len(ranks) + 1)
            builder.unit(clean(lines[title]), i + 1, title + 2, Role.HEADING, level=rank, marker=style[0],
                         opens_record=title in posts)
            after_title[0] = title + 2
            return title + 2
        if _wrapped_title(lines, i, ranks):
            mark = lines[i + 2].strip()[0]
            builder.unit(clean(f"{lines[i]} {lines[i + 1]}"), i + 1, i + 3, Role.HEADING, level=ranks[mark, False],
                         marker=mark)
            after_title[0] = i + 3
            return i + 3
        if EXPLICIT_MARKUP.match(lines[i]) or _opens_literal_block(lines, i):
            return _verbatim(builder, lines, i)
        if FIELD.match(lines[i]):
            builder.unit(clean(lines[i]), i + 1, i + 1)  # a field of a field list stands alone
        else:
            builder.line(i + 1, lines[i])
        return i + 1

    return walk(lines, builder, step)


def _wrapped_title(lines: Sequence[str], i: int, ranks: dict[tuple[str, bool], int]) -> bool:
    """A title run over two lines, the underline as long as the first (`12. How
    do I …?` over ` or how do I …?` over dashes): reST takes it for text, a
    reader for a title, where the seed already underlines titles with that
    mark and it stands after a blank line."""
    if i + 2 >= len(lines) or (i and lines[i - 1].strip()) or not lines[i + 1].strip():
        return False
    mark = lines[i + 2].rstrip()
    return underlines(lines[i], mark) and not UNDERLINE.match(lines[i + 1].strip()) \
        and len(mark) >= len(lines[i + 1].rstrip()) and (mark[:1], False) in ranks


def _short_underline(lines: Sequence[str], title: int, ranks: dict[tuple[str, bool], int]) -> bool:
    """A run of two or more marks under a line, shorter than it (`==` under
    `D-Bus 1.11.20 (2017-10-03)`): reST takes it for text, a reader for a title.
    It counts where the seed already underlines titles in full with that mark."""
    mark = lines[title + 1].rstrip()
    text = lines[title].strip()
    return len(mark) >= 2 and len(set(mark)) == 1 and (mark[0], False) in ranks and bool(text) \
        and not UNDERLINE.match(text) and not lines[title][:1].isspace()


def _set_apart(lines: Sequence[str], title: int, ranks: dict[tuple[str, bool], int]) -> bool:
    """An underlined title stands after a blank line, as reST asks; or, where files
    were joined with none between, right under the last line of explicit markup
    (a link target), or underlined as the seed's first rank is."""
    above = lines[title - 1] if title else ""
    return not above.strip() or bool(EXPLICIT_MARKUP.match(above)) \
        or ranks.get((lines[title + 1].strip()[0], False)) == 1


def _metadata(builder: UnitBuilder, lines: Sequence[str], start: int, opens_record: bool = False) -> int:
    """A block of fields that states a post's metadata: a title, a date line, a
    byline and header fields, each carrying what it states, the first opening
    the post when `opens_record`; returns where it ends."""
    end = start
    while end < len(lines) and (COMMENT_FIELD.match(lines[end]) or FIELD.match(lines[end])):
        end += 1
    found = [(number, COMMENT_FIELD.match(lines[number]) or FIELD.match(lines[number])) for number in range(start, end)]
    fields = {match["key"].strip().casefold(): (match["value"] or "").strip() for _number, match in found}
    stated = stated_facts(fields)
    for number, match in found:
        key, value = match["key"].strip().casefold(), (match["value"] or "").strip()
        opens = opens_record and number == start
        if key == "title" and clean(value):
            builder.unit(clean(value), number + 1, number + 1, Role.HEADING, level=0, marker=".. title:",
                         opens_record=opens)
        elif key in DATE_KEYS and (date := find_date(value)):
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.DATE, date=date, opens_record=opens)
        elif key in AUTHOR_KEYS and (names := stated_names(value)):
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.BYLINE, names=names, opens_record=opens)
        else:
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.HEADER, stated=stated, opens_record=opens)
            stated = None  # stated once, on the block's first other field
    return end


def _posts(lines: Sequence[str]) -> tuple[set[int], set[int]]:
    """Where the posts of blog pages joined into one open, when at least two
    state their metadata: the titles over an ABlog `.. post::` directive
    (blank lines between only), and the field lists of two fields or more, a
    date or an author among them, right over a title and under none
    (`:blogpost: true`, `:date:` and `:author:` as a page's first lines, the
    title under them; not a function's `:param path:` over the next
    function's section), which open their post; then every other title
    underlined as nearly all those are (`POST_MARK_SHARE`), a page with no
    metadata, where such pages are few (`BARE_POSTS_SHARE`). (A directive may
    also stand at a page's end: one under a title it does not follow could be
    either post's, and is left to the layout.)"""
    titles, heads = set(), {}
    for i, line in enumerate(lines):
        if POST_DIRECTIVE.match(line):
            above = _nonblank_above(lines, i)
            if above >= 1 and underlines(lines[above - 1], lines[above]):
                titles.add(above - 1)
        elif FIELD.match(line) and (i == 0 or not lines[i - 1].strip()) and not _under_title(lines, i):
            keys = _field_keys(lines, i)
            title = _nonblank_below(lines, i + len(keys))
            if len(keys) > 1 and _STATING_KEYS.intersection(keys) and title + 1 < len(lines) \
                    and underlines(lines[title], lines[title + 1]):
                heads[i] = title
    if len(titles) + len(heads) < RECORDS_MIN:
        return set(), set()
    taken = titles | set(heads.values())
    mark, count = Counter(lines[t + 1].strip()[0] for t in taken).most_common(1)[0]
    if count >= POST_MARK_SHARE * len(taken):
        bare = {t for t in range(1, len(lines) - 1) if t not in taken and not lines[t - 1].strip()
                and underlines(lines[t], lines[t + 1]) and lines[t + 1].strip()[0] == mark}
        if len(bare) <= BARE_POSTS_SHARE * len(taken):  # (more would be the posts' sections)
            titles |= bare
    return titles, set(heads)


def _field_keys(lines: Sequence[str], start: int) -> list[str]:
    """The keys of the field list that starts at line `start`, one per line, case folded."""
    keys = []
    while start + len(keys) < len(lines) and (field := FIELD.match(lines[start + len(keys)])):
        keys.append(field["key"].strip().casefold())
    return keys


def _under_title(lines: Sequence[str], i: int) -> bool:
    """Line `i` stands under a title, blank lines between at most: it is that title's (a Pelican post's fields)."""
    above = _nonblank_above(lines, i)
    return above >= 1 and underlines(lines[above - 1], lines[above])


def _nonblank_above(lines: Sequence[str], i: int) -> int:
    """The last line above line `i` that is not blank (-1 when none is)."""
    i -= 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i


def _nonblank_below(lines: Sequence[str], i: int) -> int:
    """The first line from line `i` on that is not blank (the number of lines when none is)."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _post(builder: UnitBuilder, lines: Sequence[str], start: int) -> int:
    """ABlog's `.. post:: DATE` and its options: the date a date line, `:author:`
    a byline, the tags and category header fields stating them; returns where it ends."""
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
        end += 1
    options = {found["key"].strip().casefold(): (found["value"] or "").strip()
               for line in lines[start + 1:end] if (found := FIELD.match(line.strip()))}
    date = find_date(POST_DIRECTIVE.match(lines[start])["date"] or "")
    builder.unit(clean(lines[start]), start + 1, start + 1, Role.DATE if date else Role.HEADER, date=date,
                 stated=stated_facts({"tags": options.get("tags", ""), "category": options.get("category", "")}))
    for number in range(start + 1, end):
        option = FIELD.match(lines[number].strip())
        key = option["key"].strip().casefold() if option else ""
        if key in AUTHOR_KEYS and (names := stated_names((option["value"] or "").strip())):
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.BYLINE, names=names)
        else:
            builder.unit(clean(lines[number]), number + 1, number + 1, Role.HEADER)
    return end


def _opens_literal_block(lines: Sequence[str], i: int) -> bool:
    """Whether line `i` starts a literal block: indented, after a blank line
    after a paragraph that ends with `::`."""
    if i < 2 or lines[i - 1].strip() or not lines[i][:1].isspace() or not lines[i].strip():
        return False
    above = next((line for line in reversed(lines[:i - 1]) if line.strip()), "")
    return above.rstrip().endswith("::") and _indent(above) < _indent(lines[i])


def _verbatim(builder: UnitBuilder, lines: Sequence[str], start: int) -> int:
    """A block of explicit markup or a literal block, from `start` to its last
    line indented deeper than its first: each line a verbatim unit. Returns where it ends."""
    base = _indent(lines[start]) if EXPLICIT_MARKUP.match(lines[start]) else _indent(lines[start]) - 1
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    builder.verbatim(lines, start, end - 1)
    return end


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
