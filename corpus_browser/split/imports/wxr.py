"""WordPress exports (WXR, `Tools > Export`): an RSS document whose items carry
WordPress's own fields (`wp:post_type`, `wp:status`, `wp:post_date`) and whose
channel lists the authors (`wp:author`, login and display name).

Read with defusedxml (`safe_xml`): a WXR file is XML anyone can write, and
Python's own parser would expand entities it declares. A published post is an
article; a draft, a private or scheduled post, a page, an attachment, a menu
item, a revision or a custom type is set aside and listed. Authors are display
names: Co-Authors Plus terms (`<category domain="author">`) where the post has
them, else its `dc:creator` logins mapped through the channel's authors.
Bodies are stored as WordPress's editor wrote them, blank lines between
paragraphs (`wordpress_paragraphs`) and shortcodes (`[caption]`) in the text.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

from corpus_browser.split.imports.fields import names, plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem
from corpus_browser.split.imports.safe_xml import child_text, children, local, parse, root_tag

#: What a WXR file's root element declares: the namespace of WordPress's fields.
_WXR_NAMESPACE = re.compile(r"xmlns:wp=[\"']https?://wordpress\.(?:org|com)/export/")
#: A published post's kind by its status; any other status names what it is.
_POST_STATUSES = {"publish": "post", "draft": "draft", "pending": "draft", "auto-draft": "draft",
                  "private": "private post", "future": "scheduled post", "trash": "trashed post"}
#: HTML elements that stand as blocks of their own: the editor wraps no paragraph round them.
_BLOCK_TAGS = ("address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|"
               "header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|dd|dt|iframe")
_OPENS_BLOCK = re.compile(rf"\s*</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
#: A source-code shortcode (`[code language="python"] … [/code]`): its content is code, as written.
_CODE_SHORTCODE = re.compile(r"\[(sourcecode|code)(?:\s+(?:language|lang)=[\"']?([\w+#.-]+)[\"']?)?[^\]]*\](.*?)\[/\1\]",
                             re.DOTALL | re.IGNORECASE)
#: A caption shortcode whose caption is an attribute (`[caption caption="Bell on a wharf"]<img …>[/caption]`).
_CAPTION_SHORTCODE = re.compile(r"\[caption\b[^\]]*?\bcaption=(\"[^\"]*\"|'[^']*')[^\]]*\](.*?)\[/caption\]",
                                re.DOTALL | re.IGNORECASE)
#: Any other shortcode tag: `[caption id="x" align="alignleft"]`, `[/caption]`, `[gallery ids="1,2"]`.
_SHORTCODE = re.compile(r"\[/?([a-z][\w-]*)(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]]*))*\s*/?\]")


def read_wxr(export: Export) -> Imported | None:
    if root_tag(export) != "rss" or not _WXR_NAMESPACE.search(export.head):
        return None
    document = parse(export)
    channel = next(iter(children(document.root, "channel")), None)
    if channel is None:
        raise export.error("a WordPress export with no <channel>")
    authors = _display_names(channel)
    items = tuple(_item(element, authors, document.lines(element)) for element in children(channel, "item"))
    return Imported("WordPress export (WXR)", items, document.notes)


def _display_names(channel: Element) -> dict[str, str]:
    """Each author's login, with the name they show."""
    found = {}
    for author in children(channel, "author"):
        login = child_text(author, "author_login").strip()
        found[login] = plain(child_text(author, "author_display_name")) or login
    return found


def _item(element: Element, authors: dict[str, str], lines: tuple[int, int]) -> ImportedItem:
    terms = [(term.get("domain") or "", plain(term.text)) for term in children(element, "category")]
    coauthors = names(name for domain, name in terms if domain == "author")
    creators = names(authors.get(login.strip(), login) for login in _texts(element, "creator"))
    post_date = stated_date(child_text(element, "post_date"))
    return ImportedItem(
        title=plain(child_text(element, "title")),
        body=wordpress_html(_encoded(element, "content")),
        first_line=lines[0], last_line=lines[1],
        authors=coauthors or creators,
        date=post_date or stated_date(child_text(element, "pubDate")),
        tags=names(name for domain, name in terms if domain in ("category", "post_tag")),
        summary=plain(_encoded(element, "excerpt")) or None,
        kind=item_kind(child_text(element, "post_type").strip(), child_text(element, "status").strip()),
        address=child_text(element, "link").strip() or None,
    )


def _texts(element: Element, name: str) -> list[str]:
    return [child.text or "" for child in children(element, name)]


def _encoded(element: Element, prefix: str) -> str:
    """`content:encoded` or `excerpt:encoded`: told apart by their namespaces, which share the local name."""
    for child in element:
        if local(child.tag) == "encoded" and f"/{prefix}" in child.tag.partition("}")[0]:
            return child.text or ""
    return ""


def item_kind(post_type: str, status: str) -> str:
    """What an item is: `post` for a published post, else what makes it none."""
    if post_type in ("post", ""):
        return _POST_STATUSES.get(status, f"{status} post")
    return post_type.replace("_", " ")


def wordpress_html(body: str) -> str:
    """A body as WordPress shows it: source-code shortcodes as code blocks, a caption
    given as an attribute as the caption, other shortcodes' tags dropped (their
    content kept), and paragraphs where the editor left blank lines (`wordpress_paragraphs`)."""
    body = _CODE_SHORTCODE.sub(lambda found: _code_block(found[3], found[2] or ""), body)
    body = _CAPTION_SHORTCODE.sub(lambda found: f"<figure>{found[2]}<figcaption>{found[1][1:-1]}</figcaption></figure>",
                                  body)
    return wordpress_paragraphs(_SHORTCODE.sub("", body))


def _code_block(code: str, language: str) -> str:
    escaped = html.escape(html.unescape(code.strip("\n")))
    return f'<pre><code class="language-{html.escape(language)}">{escaped}</code></pre>' if language \
        else f"<pre><code>{escaped}</code></pre>"


def wordpress_paragraphs(body: str) -> str:
    """The classic editor's text with its paragraphs marked, as WordPress's wpautop
    does: runs of text between blank lines become `<p>`, a single line break
    inside one a `<br>`; blocks of HTML, the block editor's blocks (each opened by
    its `<!-- wp:… -->` comment) and preformatted text (blank lines and all) stay
    as they are."""
    kept: list[str] = []

    def keep(found: re.Match[str]) -> str:
        kept.append(found[0])
        return f"\x00{len(kept) - 1}\x00"

    chunks = re.split(r"\n[ \t]*\n", _PRE.sub(keep, body.replace("\r\n", "\n")))
    wrapped = [chunk if not chunk.strip() or _OPENS_BLOCK.match(chunk) or chunk.strip().startswith(("\x00", "<!--"))
               else "<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>" for chunk in chunks]
    return re.sub(r"\x00(\d+)\x00", lambda found: kept[int(found[1])], "\n\n".join(wrapped))
