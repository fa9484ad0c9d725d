"""Links between articles: a link an article's source wrote to a relative
address (`/blog/go1.5`, `../2019/other-post/`, `{filename}other.rst`'s target)
leads to the page made of the post it names, when one does; else, when the
site knows where the source was published (`source_url`), to that address
there; else it keeps its text alone, as a link to another scheme does.

A post is named by its file (`go1.5.md`, the folder of a page bundle's
`index.md`, a dated file's name without its date) and by the address its metadata states (a slug, a permalink, Org's
`EXPORT_FILE_NAME`), each compared by its last part without suffix, so that
`/blog/go1.5`, `go1.5.md` and `https://…/go1.5.html`'s path all find it. A
link that names no such post and no folder is then tried as a title, as Org's
links to a heading are written (`[[Switching to Colemak][…]]`,
`[[*Switching to Colemak]]`), compared by its words alone. A name or title two
posts share finds neither.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from corpus_browser.lang.markdown import RELATIVE_MARK, safe_url
from corpus_browser.model import PlacedArticle
from corpus_browser.site.listings import href

#: A link the converters marked for resolving: its text (no bracket unescaped in it) and its encoded address.
MARKED_LINK = re.compile(r"\[((?:\\.|[^\\\[\]])*)\]\(" + re.escape(RELATIVE_MARK) + r"([^)\s]*)\)")
#: Suffixes of a post's file or published page, dropped before names are compared.
_PAGE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".org", ".rst", ".txt", ".php")
#: The date a post's file name may open with (`2016-01-28-jekyll-3-1-released.md`), which its address leaves out.
_DATED_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-(?=.)")
#: The words a title is compared by.
_WORDS = re.compile(r"[^\W_]+")
#: File names that stand for their folder (a page bundle's `index.md`).
_INDEX_NAMES = frozenset({"index", "_index", "readme"})


@dataclass(frozen=True)
class LinkTargets:
    """The pages other articles' links may lead to, by the names that find them."""

    pages: Mapping[str, str]
    """Page path (below the docs folder) by post name (`post_name`)."""
    source_url: str = ""
    """Where the source was published, for addresses that name no page of the site."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Page path by title (`title_name`), for links that name a post by its title."""

    def resolve(self, target: str, from_path: str) -> str | None:
        """The address a link to `target` takes on the page `from_path`, or None to keep its text alone."""
        page = self.pages.get(post_name(target))
        if page is None and "/" not in target:
            page = self.titles.get(title_name(target))
        if page is not None:
            return href(page, from_path)
        if self.source_url and target.startswith("/") and not target.startswith("//"):
            return safe_url(urljoin(self.source_url, target))
        return None


def link_targets(articles: Sequence[PlacedArticle], source_url: str = "") -> LinkTargets:
    """Each article's page by the names its file and its stated address give it;
    a file of several articles names none by its file name."""
    per_source: dict[str, int] = {}
    for item in articles:
        per_source[item.article.source] = per_source.get(item.article.source, 0) + 1
    found: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}
    for item in articles:
        names = {post_name(item.article.address)} if item.article.address else set()
        if per_source[item.article.source] == 1:
            name = post_name(item.article.source)
            names |= {name, _DATED_NAME.sub("", name)}
        for name in names - {""}:
            found.setdefault(name, set()).add(item.path)
        if title := title_name(item.article.title):
            titled.setdefault(title, set()).add(item.path)
    return LinkTargets(_unique(found), source_url, _unique(titled))


def _unique(found: Mapping[str, set[str]]) -> dict[str, str]:
    """The names that find one page alone."""
    return {name: next(iter(paths)) for name, paths in found.items() if len(paths) == 1}


def title_name(title: str) -> str:
    """A title as a link to it is compared: its words, case folded, without an
    Org heading search's leading `*` or markup (`*NumPy and ~f2py~` -> `numpy and f2py`)."""
    return " ".join(_WORDS.findall(title.casefold()))


def post_name(address: str) -> str:
    """The name a path or address gives a post: its last part, case folded,
    without its suffix, query or anchor (`/blog/Go1.5.html#x` -> `go1.5`); a
    page bundle's `index.md` gives its folder's name."""
    path = unquote(urlsplit(address).path if "://" in address else address.split("#")[0].split("?")[0])
    parts = [part for part in PurePosixPath(path).parts if part not in ("/", ".", "..")]
    while parts:
        name = parts.pop()
        for suffix in _PAGE_SUFFIXES:
            if name.casefold().endswith(suffix):
                name = name[: -len(suffix)]
                break
        if name.casefold() not in _INDEX_NAMES:
            return name.casefold()
    return ""


def resolve_links(markdown: str, targets: LinkTargets, from_path: str) -> str:
    """The Markdown with each marked link leading where `targets` resolves it, or its text alone."""
    if RELATIVE_MARK not in markdown:
        return markdown

    def resolved(match: re.Match[str]) -> str:
        url = targets.resolve(unquote(match[2]), from_path)
        return f"[{match[1]}]({url})" if url else match[1]

    return MARKED_LINK.sub(resolved, markdown)


def marked_targets(markdown: str) -> list[str]:
    """The addresses of the marked links in the Markdown, as written."""
    return [unquote(match[2]) for match in MARKED_LINK.finditer(markdown)] if RELATIVE_MARK in markdown else []
