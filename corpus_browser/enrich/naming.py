"""What may name a discovered theme: the words of the corpus that an editor
would never put in a theme's name, found in the articles' own text.

A theme is named by a phrase its articles share (`discover._name_themes`).
Some phrases are shared for reasons that say nothing of the subject:

- **people**: the corpus's authors, names the text gives people ("Patch by
  Jane Doe", "Mrs. Fox": a capitalised name after `by` or an honorific), the
  honorifics themselves, and phrases whose every word the text only ever
  writes capitalised ("Charles Evans Hughes");
- **URL, e-mail and code tokens**: words that occur mostly inside addresses
  (`https://github.com/…`, `www.example.org`, `jane@example.org`), inline code
  (`` `import numpy` ``) or lines of code (`(add-hook 'text-mode-hook …)`);
- **markup and link text**: words that occur mostly as markup (a field's key
  such as `tags:`, `#+title:` or `[Subtitle: …]`, a tag `<div …>`, a template directive
  `{{< figure >}}`) or as the text of a link (`[Muse Amuse](https://…)`), which
  names a site, not a subject;
- **days and months** ("Tuesday", in a German corpus "Oktober"): when
  something happened, not what;
- **phrases built around stopwords**: a name's words are all content words,
  none a stopword or a contraction ("Don't Think", "Open the Door");
- **vague words**: a name made only of words of quantity, time or judgement
  ("Long Time", "Great Deal") says how much or how good, not what about.

Each word's occurrences are counted once over the corpus; a word is
technical, markup or link text when at least `MOSTLY` of them are. All rules
are read from the text, never from a list of any corpus's names.

The source's own tags, where a reader gives them (front-matter `tags:`,
Org's `#+filetags:`), are what an editor chose: discovery names a theme by the
tag most of its articles carry first (`source_tags`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from corpus_browser.enrich.source_tags import tag_key, tag_names
from corpus_browser.lang import rules
from corpus_browser.lang.recognise import is_name
from corpus_browser.lang.text import WORD, folded
from corpus_browser.model import Article

#: A word is technical, markup or link text when at least this share of its occurrences is.
MOSTLY = 0.5
#: Articles read at most to learn the words' habits (a larger corpus is sampled evenly).
ARTICLES_READ = 1_000
#: Kinds of body blocks that hold code, where a reader marks them so.
CODE_BLOCKS = frozenset({"code", "preformatted", "literal"})
#: Words of ASCII text as names and features are made of (as `words.py` reads them; `text.WORD` elsewhere).
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
#: The marks of an address or e-mail address: a scheme's `://`, `www.`, `@`, a top-level domain.
_ADDRESS_MARKS = (re.compile("://"), re.compile(r"www\."), re.compile("@"),
                  re.compile(r"\.(?:com|org|net|io|edu|gov|dev|app|info|co|de|uk|fr|in|me|ly|to|xyz)\b"))
#: Inline code and fenced code: `code`, ``code``, ```…```.
_INLINE_CODE = re.compile(r"(`{1,3})(?!\s)(.+?)\1", re.DOTALL)
#: Markup: tags, template directives, a field's key at the start of a line, a block's directive.
_MARKUP = re.compile(
    r"<[/!]?[a-z][^<>\n]{0,200}>"  # <div class="…">, </ins>
    r"|\{[{%][^\n]{0,200}?[%}]\}"  # {{< figure >}}, {% highlight %}
    r"|(?m:(?:^|[\[(])[ \t]*(?:#\+|:|\.\.[ \t]+)?[\w-]+:(?=[ \t]|$))"  # tags:, #+title:, :date:, [Subtitle:
    r"|#\+\w+",  # #+begin_src
    re.IGNORECASE)
#: Link text: [text](url), [text][ref], [[url][text]], `text <url>`_, <a href="…">text</a>.
_LINK_TEXT = re.compile(  # (bounded, and no bracket inside brackets: linear on any run of them)
    r"\[\[[^\[\]\n]{0,2000}\]\[([^\[\]\n]{1,300})\]\]"
    r"|\[([^\[\]\n]{1,300})\]\([^()\s]{0,2000}\)"
    r"|\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,300}\]"
    r"|`([^`<\n]{1,300}?)\s*<[^<>\n]{1,2000}>`__?"
    r"|<a\s[^<>]{0,2000}>([^<]{1,300})</a>",
    re.IGNORECASE)
#: A line of code: punctuation prose does not use, or a keyword opening a statement (the whole line).
_CODE_LINE = re.compile(
    r"^(?:(?:\s{4,}|\t)\S.*"  # indented as a code block
    r"|.*[{};]\s*"  # ending with a brace or a semicolon
    r"|\s*\(\w[\w-]*\s.*"  # (add-hook …
    r"|\s*(?:import|from|def|class|return|let|const|var|func|package|#include|fn)\b[^.!?\n]*"
    r"|.*\w\([^)\n]*\)\s*[:{;]?\s*"  # call(...) at the end of a line
    r"|.*\s(?:=|==|!=|:=|->|=>|\+=)\s.*)$",
    re.MULTILINE)
#: A person's name in the text: two to four capitalised words after `by` ("Patch by
#: Jane Doe"), or a name after an honorific ("Mrs. Fox").
_BY_NAME = re.compile(r"\b[Bb]y\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)")
_TITLED_NAME = re.compile(r"\b([A-Z][a-z]{1,11})\.?\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)")
_HONORIFICS = frozenset(rules.HONORIFICS)
#: A word written capitalised ("Hughes", "Bénédikt"); one always written so is a name.
_CAPITALISED = regex.compile(r"\b\p{Lu}\p{Ll}+\b")
#: Lines longer than this are prose, whatever punctuation they hold; shorter ones may be code.
_CODE_LINE_MAX_CHARS = 100
#: Why a phrase built around stopwords may not name a theme (it may still signal one).
_STOPWORDS = "built around stopwords"
#: Contractions and possessives: never in a name ("Don't Think").
_APOSTROPHE = re.compile(r"['’]")


@dataclass(frozen=True)
class NameRules:
    """What the corpus's text says about its words, for naming its themes."""

    people: frozenset[str]
    """Words that alone name a person: the authors' names' words, the surnames the text
    gives people, and honorifics."""
    authors: frozenset[str]
    """The words of the authors' names."""
    full_names: frozenset[str]
    """People's names of two words or more, as lower-case words joined by spaces."""
    technical: frozenset[str]
    """Words mostly in addresses, e-mail addresses or code."""
    markup: frozenset[str]
    """Words mostly in markup or link text."""
    stopwords: frozenset[str]
    address_words: frozenset[str] = frozenset()
    """Words mostly in addresses and e-mail addresses."""
    proper: frozenset[str] = frozenset()
    """Words the corpus only ever writes capitalised: a phrase made of them is a name
    ("Charles Evans Hughes"), whoever or wherever it names."""
    titles: tuple[str, ...] = ()
    """Each article's title as lower-case words, spaced at both ends (" the golden goose ")."""
    calendar: frozenset[str] = rules.CALENDAR_WORDS
    """Names of days and months, in English and in the articles' languages ("oktober")."""

    def title_share(self, phrase: str, articles: Sequence[int]) -> float:
        """The share of `articles` whose title holds `phrase`: what their titles say they are about."""
        if not articles or not self.titles:
            return 0.0
        padded = f" {phrase} "
        return sum(padded in self.titles[i] for i in articles) / len(articles)

    @classmethod
    def of(cls, articles: Sequence[Article], stopwords: Iterable[str] = ()) -> NameRules:
        """What the articles' text says of its words. A corpus of more than
        `ARTICLES_READ` articles is read in a sample of that many, evenly spread
        (its authors all): a word's habits show in any large part of it."""
        total: Counter[str] = Counter()
        technical: Counter[str] = Counter()
        addresses: Counter[str] = Counter()
        markup: Counter[str] = Counter()
        names: set[str] = set()
        capitalised: Counter[str] = Counter()
        step = max(1, -(-len(articles) // ARTICLES_READ))
        for article in articles[::step]:
            text = article.title + "\n" + article.body_text
            total.update(_words(text))
            found = _addresses(text)
            addresses.update(_words(" ".join(found)))
            code = [match[2] for match in _INLINE_CODE.finditer(text)] if "`" in text else []
            code += [line for line in _CODE_LINE.findall(text) if len(line) <= _CODE_LINE_MAX_CHARS]
            code += [text for block in article.body if block.kind.value in CODE_BLOCKS for text in block.texts]
            technical.update(_words(" ".join(found + code)))
            markup.update(_words(" ".join(_markup_spans(text))))
            caps = _CAPITALISED.findall(text)
            capitalised.update(word.casefold() for word in caps)
            names.update(" ".join(_words(name)) for name in _cued_names(text, set(caps)))
        authors = {" ".join(_words(name)) for article in articles for name in article.authors}
        author_words = {word for name in authors for word in name.split()}
        surnames = {name.split()[-1] for name in names if name}
        honorifics = {word.casefold().rstrip(".") for word in rules.HONORIFICS}
        return cls(
            people=frozenset(author_words | surnames | honorifics),
            authors=frozenset(author_words),
            full_names=frozenset(name for name in authors | names if " " in name),
            proper=frozenset(word for word, n in capitalised.items() if n >= total[word]),
            technical=frozenset(word for word, n in technical.items() if n >= MOSTLY * total[word]),
            markup=frozenset(word for word, n in markup.items() if n >= MOSTLY * total[word]),
            address_words=frozenset(word for word, n in addresses.items() if n >= MOSTLY * total[word]),
            stopwords=frozenset(stopwords),
            titles=tuple(f" {' '.join(_words(article.title))} " for article in articles),
            calendar=rules.CALENDAR_WORDS.union(*(rules.MONTHS_BY_LANGUAGE.get(language, ()) for language in
                                                  {article.language for article in articles})),
        )

    @property
    def full_name_words(self) -> frozenset[str]:
        """The words of people's full names."""
        return frozenset(word for name in self.full_names for word in name.split())

    @property
    def noise(self) -> frozenset[str]:
        """Words that describe no article: those of addresses and markup (code is kept:
        in a technical corpus, its words are the subject)."""
        return self.markup | frozenset(word for word in self.technical if word in self.address_words)

    def signals(self, phrase: str) -> bool:
        """Whether `phrase` may stand among a theme's phrases: it names no person,
        and is no address, code or markup (a stopword inside is fine there)."""
        reason = self.why_not(phrase)
        return reason is None or reason == _STOPWORDS

    def why_not(self, phrase: str) -> str | None:
        """Why `phrase` (lower-case words, as discovery's features) may not name a
        theme, or None when it may."""
        words = phrase.split()
        if any(_APOSTROPHE.search(word) or word in self.stopwords or word.isdigit() for word in words):
            return _STOPWORDS
        if any(f" {full} " in f" {phrase} " or (len(words) > 1 and f" {phrase} " in f" {full} ")
               for full in self.full_names) or \
                (len(words) == 1 and words[0] in self.people) or all(word in self.authors for word in words):
            return "a person"
        if len(words) > 1 and all(word in self.proper for word in words):
            return "a person's (or a place's) name"
        if any(word in self.calendar for word in words):
            return "a day or a month"
        if all(word in rules.VAGUE_WORDS for word in words):
            return "vague words, no subject"
        if any(word in self.technical for word in words):
            return "a URL, e-mail or code token"
        if any(word in self.markup for word in words):
            return "markup or link text"
        return None


def source_tags(articles: Sequence[Article]) -> dict[str, tuple[int, ...]] | None:
    """The source's own tags (a front-matter's `tags:`, Org's `#+filetags:`), each
    with its articles (spellings of one tag as one, `source_tags.tag_names`): what
    an editor chose, to name themes by first. None when no article carries any;
    discovery then names each theme by the tag most of its articles carry."""
    if not any(article.source_tags for article in articles):
        return None
    shown = tag_names(tag for article in articles for tag in article.source_tags)
    found: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        for tag in dict.fromkeys(shown[tag_key(tag)] for tag in article.source_tags if tag_key(tag)):
            found.setdefault(tag, []).append(i)
    return {tag: tuple(indexes) for tag, indexes in sorted(found.items())}


def _words(text: str) -> list[str]:
    """The words of `text` as discovery's features spell them (`text.folded`), in any script."""
    text = folded(text)
    return _WORD.findall(text) if text.isascii() else WORD.findall(text)


def _addresses(text: str) -> list[str]:
    """The addresses and e-mail addresses in `text`: each word (run of non-space)
    holding `://`, `www.`, `@` or a dot before a top-level domain. Each mark is
    searched for as it is (fast), then widened to its word."""
    found = {}
    for marker in _ADDRESS_MARKS:
        for match in marker.finditer(text):
            start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            end = min((at for at in (text.find(" ", match.end()), text.find("\n", match.end())) if at >= 0),
                      default=len(text))
            found[start] = text[start:end]
    return list(found.values())


def _cued_names(text: str, capitalised: Iterable[str]) -> Iterable[str]:
    """Names the text gives people: capitalised words after `by`, or after an
    honorific (looked for only where the text has one of its `capitalised` words)."""
    if "by " in text or "By " in text:
        yield from (name for name in _BY_NAME.findall(text) if is_name(name))
    if any(word.casefold() in _HONORIFICS for word in capitalised):
        for title, name in _TITLED_NAME.findall(text):
            if title.casefold() in _HONORIFICS and is_name(name):
                yield name


def _markup_spans(text: str) -> Iterable[str]:
    """The pieces of `text` that are markup or the text of a link."""
    yield from (match[0] for match in _MARKUP.finditer(text))
    yield from (next(group for group in match.groups() if group) for match in _LINK_TEXT.finditer(text))


