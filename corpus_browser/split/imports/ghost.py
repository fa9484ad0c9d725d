"""Ghost exports (`Settings > Labs > Export`): JSON holding the site's tables,
`db[0].data` (or, in some tools' output, `data` at the top): `posts`, `users`,
`tags`, and the tables that join them, `posts_authors` and `posts_tags`, in
their `sort_order`.

A published post (or one only sent by e-mail) is an article; a page, a draft
or a scheduled post is set aside. Tags Ghost keeps to itself (`#internal`) are
not the post's. A post's body is its `html`; a post saved without it is
rendered from the editor's document (`lexical`, `mobiledoc`), else its `plaintext`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence

from markdown_it import MarkdownIt

from corpus_browser.split.imports.fields import names, plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem, listed
from corpus_browser.split.imports.jsontext import array_spans

#: A post's kind by its status: those Ghost shows readers are posts.
_STATUSES = {"published": "post", "sent": "post", "draft": "draft", "scheduled": "scheduled post"}


def read_ghost(export: Export) -> Imported | None:
    data, path = _tables(export.json)
    if data is None:
        return None
    users = {user.get("id"): plain(user.get("name")) for user in _rows(data, "users")}
    tags = {tag.get("id"): plain(tag.get("name")) for tag in _rows(data, "tags")}
    authors = _joined(_rows(data, "posts_authors"), "author_id", users)
    tagged = _joined(_rows(data, "posts_tags"), "tag_id", tags)
    posts = listed(data, "posts")
    spans = array_spans(export.text, path)
    if len(spans) != len(posts):
        spans = [(1, len(export.seed.lines))] * len(posts)
    items = tuple(_post(post, span, authors.get(post.get("id")) or [users.get(post.get("author_id"), "")],
                        tagged.get(post.get("id"), []))
                  for post, span in zip(posts, spans) if isinstance(post, Mapping))
    return Imported("Ghost export", items)


def _tables(found: object) -> tuple[Mapping | None, tuple[str | int, ...]]:
    """The export's tables and where its posts are: `db[0].data.posts`, or `data.posts`."""
    if isinstance(found, Mapping) and isinstance(found.get("db"), list) and found["db"]:
        return _tables(found["db"][0])[0], ("db", 0, "data", "posts")
    data = found.get("data") if isinstance(found, Mapping) else None
    if isinstance(data, Mapping) and isinstance(data.get("posts"), list) and "meta" in found:
        return data, ("data", "posts")
    return None, ()


def _rows(data: Mapping, table: str) -> list[Mapping]:
    return [row for row in listed(data, table) if isinstance(row, Mapping)]


def _joined(rows: Sequence[Mapping], key: str, names_by_id: Mapping[object, str]) -> dict[object, list[str]]:
    """Each post's names through a joining table, in its `sort_order`."""
    found: dict[object, list[str]] = {}
    for row in sorted(rows, key=lambda row: row.get("sort_order") if isinstance(row.get("sort_order"), int) else 0):
        found.setdefault(row.get("post_id"), []).append(names_by_id.get(row.get(key), ""))
    return found


def _post(post: Mapping, span: tuple[int, int], authors: Sequence[str], tags: Sequence[str]) -> ImportedItem:
    body, markup = _body(post)
    kind = "page" if post.get("type") == "page" or post.get("page") is True else \
        _STATUSES.get(str(post.get("status")), f"{post.get('status')} post")
    return ImportedItem(
        title=plain(post.get("title")), body=body, first_line=span[0], last_line=span[1], authors=names(authors),
        date=stated_date(post.get("published_at") or post.get("created_at")),
        tags=names(tag for tag in tags if not tag.startswith("#")),
        summary=plain(post.get("custom_excerpt")) or None, kind=kind, markup=markup)


def _body(post: Mapping) -> tuple[str, str]:
    """The post's HTML, or HTML rendered from its editor's document, or its plain text."""
    if isinstance(post.get("html"), str) and post["html"].strip():
        return post["html"], "html"
    for field, render in (("lexical", _lexical), ("mobiledoc", _mobiledoc)):
        try:
            document = json.loads(post[field]) if isinstance(post.get(field), str) else None
        except ValueError:
            document = None
        if isinstance(document, Mapping):
            return render(document), "html"
    return str(post.get("plaintext") or ""), "text"


# --- the editors' documents -------------------------------------------------------------

#: Markdown written in a card, as HTML (raw HTML in it stays text).
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
#: Fields of the other cards (callouts, toggles, headers, embeds) that hold their text, as HTML.
_CARD_TEXT = ("header", "heading", "subheader", "calloutText", "content", "html", "caption")
#: Lexical's block nodes, by the HTML element they are.
_LEXICAL_BLOCKS = {"paragraph": "p", "quote": "blockquote", "aside": "blockquote", "listitem": "li"}
#: Lexical's text format bits, and the element each one is.
_LEXICAL_FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (16, "code"))


def _lexical(document: Mapping) -> str:
    return _lexical_node(document.get("root") or {})


def _lexical_node(node: Mapping) -> str:
    kind = str(node.get("type") or "").removeprefix("extended-")  # Ghost's own text and heading nodes
    inner = "".join(_lexical_node(child) for child in listed(node, "children") if isinstance(child, Mapping))
    if kind == "text":
        text = html.escape(str(node.get("text", "")))
        for bit, tag in _LEXICAL_FORMATS:
            if int(node.get("format") or 0) & bit:
                text = f"<{tag}>{text}</{tag}>"
        return text
    if kind in ("link", "autolink"):
        return f'<a href="{html.escape(str(node.get("url", "")))}">{inner}</a>'
    if kind == "heading":
        tag = str(node.get("tag", "h2"))
        return f"<{tag}>{inner}</{tag}>" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else f"<p>{inner}</p>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind in _LEXICAL_BLOCKS:
        return f"<{_LEXICAL_BLOCKS[kind]}>{inner}</{_LEXICAL_BLOCKS[kind]}>"
    return _card(kind, node) if kind not in ("root", "") and not inner else inner


def _card(kind: object, card: Mapping) -> str:
    """A card of either editor (an image, code, a divider, HTML or Markdown written in it)."""
    if kind == "image":
        image = f'<img src="{html.escape(str(card.get("src", "")))}" alt="{html.escape(str(card.get("alt") or ""))}">'
        return f"<figure>{image}<figcaption>{card.get('caption') or ''}</figcaption></figure>"
    if kind in ("code", "codeblock"):
        language = html.escape(str(card.get("language") or ""))
        return f'<pre><code class="language-{language}">{html.escape(str(card.get("code", "")))}</code></pre>'
    if kind in ("horizontalrule", "hr"):
        return "<hr>"
    if kind == "linebreak":
        return "<br>"
    if kind == "html":
        return str(card.get("html", ""))
    if kind in ("markdown", "card-markdown"):
        return _MARKDOWN.render(str(card.get("markdown", "")))
    if kind == "bookmark":
        title = (card.get("metadata") or {}).get("title") if isinstance(card.get("metadata"), Mapping) else None
        return f'<p><a href="{html.escape(str(card.get("url", "")))}">{html.escape(str(title or card.get("url", "")))}</a></p>'
    return "".join(f"<div>{card[field]}</div>" for field in _CARD_TEXT if isinstance(card.get(field), str)) \
        or html.escape(str(card.get("text", "")))


def _mobiledoc(document: Mapping) -> str:
    """Mobiledoc: sections of markers (text with markups opened and closed) and cards."""
    markups = [markup for markup in listed(document, "markups") if isinstance(markup, list) and markup]
    cards = [card for card in listed(document, "cards") if isinstance(card, list) and len(card) == 2]
    parts = []
    for section in listed(document, "sections"):
        if not isinstance(section, list) or not section:
            continue
        if section[0] == 10 and len(section) > 1 and isinstance(section[1], int) and section[1] < len(cards):
            name, payload = cards[section[1]]
            parts.append(_card(name, payload) if isinstance(payload, Mapping) else "")
        elif section[0] == 1 and len(section) > 2:
            tag = str(section[1]).lower()
            tag = tag if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "p"
            parts.append(f"<{tag}>{_markers(section[2], markups)}</{tag}>")
        elif section[0] == 3 and len(section) > 2:
            tag = "ol" if str(section[1]).lower() == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups)}</li>" for item in section[2] if isinstance(item, list))
            parts.append(f"<{tag}>{items}</{tag}>")
    return "".join(parts)


def _markers(markers: object, markups: Sequence[list]) -> str:
    """A section's text: each marker's markups opened before it and as many as it says closed after."""
    out, opened = [], []
    for marker in markers if isinstance(markers, list) else []:
        if not isinstance(marker, list) or len(marker) < 4:
            continue
        for index in marker[1] if isinstance(marker[1], list) else []:
            if isinstance(index, int) and index < len(markups):
                tag = str(markups[index][0]).lower()
                attributes = markups[index][1] if len(markups[index]) > 1 and isinstance(markups[index][1], list) \
                    else []
                href = attributes[attributes.index("href") + 1] if "href" in attributes[:-1] else None
                out.append(f'<a href="{html.escape(str(href))}">' if tag == "a" and href else f"<{tag}>")
                opened.append(tag)
        out.append(html.escape(str(marker[3])) if marker[0] == 0 else "")
        for _ in range(min(int(marker[2]) if isinstance(marker[2], int) else 0, len(opened))):
            out.append(f"</{opened.pop()}>")
    out += [f"</{tag}>" for tag in reversed(opened)]
    return "".join(out)
