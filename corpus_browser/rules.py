"""Rule tables for recognising lines: bylines, dates, list markers, widget debris.

These are data, not code paths: add a pattern here to teach the splitter a new
dump style. Nothing in this file names a particular seed, site or author.
"""

from __future__ import annotations

import re

#: Bylines at the start of a line. Each pattern captures the name list in
#: `names`; whether that really is a list of names is checked by the extractor.
BYLINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:a )?guest post (?:from|by)\s*:?\s+(?P<names>.+?)\s*$",
        r"^(?:published|posted|written|authored|contributed)(?: by)?\s*:?\s+(?P<names>.+?)"
        r"(?:\s+(?:in|on|at|under)\s+.*)?$",
        r"^(?:by|authors?|words by|story by)\s*:?\s+(?P<names>.+?)\s*$",
    )
)

#: Bylines and date lines are short; longer lines are never checked for them.
METADATA_LINE_MAX_CHARS = 200

#: Lower-case words allowed inside a person's name ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset("van von de da der den del della di du la le st bin ibn al y".split())
#: Words that join several names in one byline.
NAME_JOINERS = re.compile(r"\s*(?:,|&|\band\b|\bwith\b)\s*", re.IGNORECASE)
#: One word of a person's name: letters, with dots, hyphens and apostrophes.
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'’\-]*(?:[.'’\-][^\W\d_]*)*\.?$")
#: The most words one person's name may have.
NAME_MAX_WORDS = 5

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

#: Full dates in the forms dumps use; each names `year`, `month` and `day`.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b",
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
    )
)

#: A date line may carry a few words beside the date ("Posted on", "No Comments!").
DATE_LINE_MAX_OTHER_WORDS = 4
WORD_IN_DATE_LINE = re.compile(r"\w+")

#: Lines left by blog platforms' widgets and media captions: boilerplate
#: wherever they appear, even once.
WIDGET_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^leave a (?:reply|comment)\W*$",
        r"^(?:\d+|no|one) (?:comments?|responses?|replies)\W*$",
        r"^comments? (?:are )?closed\W*$",
        r"^(?:share|like) this\W*$",
        r"^like loading\W*$",
        r"^(?:\W\s*)?(?:image|photo|photograph|picture|illustration|header image)s?"
        r"(?: credits?| source| by)?\s*:.*$",
    )
)

#: Bullets that start an unordered list item when two or more items share one.
BULLETS = "-*+•·‣◦▪●○■□➢➤►"
BULLET_ITEM = re.compile(rf"^(?P<marker>[{re.escape(BULLETS)}])\s+(?P<text>\S.*)$")
#: A numbered list item: `3. text` or `3) text`.
NUMBERED_ITEM = re.compile(r"^(?P<number>\d{1,4})[.)]\s+(?P<text>\S.*)$")

#: Lines that only separate articles: rules of dashes, stars, underscores, equals.
SEPARATOR_LINE = re.compile(r"^(?:([-*_=~#•·])\s*)\1(?:\s*\1)+$")

#: A subtitle (a title's dek) is one sentence of at most this many words.
SUBTITLE_MAX_WORDS = 25

#: Small words that stay lower case in a Title Case heading.
MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per so than the to "
    "up via vs with yet is are be was".split()
)
