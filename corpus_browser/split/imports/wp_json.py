"""WordPress posts as its REST API gives them (`/wp-json/wp/v2/posts`, saved by
a script or a backup plugin): a JSON array of posts (or one post) whose
`title`, `content` and `excerpt` are objects holding their `rendered` HTML.

Authors and terms are names only where the API embedded them (`?_embed`):
Co-Authors Plus's `author` terms, else the embedded users; categories and
tags from the embedded terms. A post's kind and status read as in a WXR file
(`wxr.item_kind`): only a published post is an article.
"""

from __future__ import annotations

from collections.abc import Mapping

from corpus_browser.split.imports.fields import names, plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem, listed
from corpus_browser.split.imports.jsontext import array_spans
from corpus_browser.split.imports.wxr import item_kind

#: The taxonomies of the embedded terms that are the post's tags and categories.
_TAG_TAXONOMIES = ("category", "post_tag")


def read_wp_json(export: Export) -> Imported | None:
    found = export.json
    posts = found if isinstance(found, list) else [found]
    if not posts or not all(_is_post(post) for post in posts):
        return None
    spans = array_spans(export.text, ()) if isinstance(found, list) else []
    if len(spans) != len(posts):
        spans = [(1, len(export.seed.lines))] * len(posts)
    return Imported("WordPress posts (REST API JSON)", tuple(_post(post, span) for post, span in zip(posts, spans)))


def _is_post(post: object) -> bool:
    return isinstance(post, Mapping) and isinstance(post.get("title"), Mapping) \
        and isinstance(post.get("content"), Mapping) and "rendered" in post["content"]


def _rendered(post: Mapping, field: str) -> str:
    value = post.get(field)
    return str(value.get("rendered") or "") if isinstance(value, Mapping) else ""


def _post(post: Mapping, span: tuple[int, int]) -> ImportedItem:
    embedded = post.get("_embedded") if isinstance(post.get("_embedded"), Mapping) else {}
    terms = [term for group in listed(embedded, "wp:term") if isinstance(group, list)
             for term in group if isinstance(term, Mapping)]
    coauthors = names(term.get("name") for term in terms if term.get("taxonomy") == "author")
    users = names(user.get("name") for user in listed(embedded, "author") if isinstance(user, Mapping))
    link = post.get("link")
    return ImportedItem(
        title=plain(_rendered(post, "title")), body=_rendered(post, "content"), first_line=span[0],
        last_line=span[1], authors=coauthors or users, date=stated_date(post.get("date") or post.get("date_gmt")),
        tags=names(term.get("name") for term in terms if term.get("taxonomy") in _TAG_TAXONOMIES),
        summary=plain(_rendered(post, "excerpt")) or None,
        kind=item_kind(str(post.get("type") or "post"), str(post.get("status") or "publish")),
        address=link if isinstance(link, str) and link.startswith(("http://", "https://")) else None)
