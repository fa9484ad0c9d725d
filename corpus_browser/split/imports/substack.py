"""Substack exports (`Settings > Exports`): a zip (or the folder it unpacks
to) holding `posts.csv`, a row per post (`post_id`, `post_date`,
`is_published`, `type`, `title`, `subtitle`), and each post's body as
`posts/<post_id>.html`. Substack states no author per post: the sidecar's
`author:` names one. A post not published is a draft; a page is set aside;
newsletters, podcasts and threads are posts.
"""

from __future__ import annotations

import csv
import io
import posixpath

from corpus_browser.split.imports.fields import plain, stated_date
from corpus_browser.split.imports.items import Export, Imported, ImportedItem, decoded

#: The table of posts, and the columns every Substack export's table has.
_TABLE = "posts.csv"
_COLUMNS = {"post_id", "title"}


def read_substack(export: Export) -> Imported | None:
    table = min((name for name in export.members if posixpath.basename(name) == _TABLE),
                key=lambda name: (name.count("/"), name), default=None)
    if table is None:
        return None
    rows = list(csv.DictReader(io.StringIO(decoded(export.member(table)))))
    if not rows or not _COLUMNS <= set(rows[0]):
        return None
    folder = posixpath.dirname(table)
    return Imported("Substack export", tuple(_post(export, row, folder, export.members[table]) for row in rows))


def _post(export: Export, row: dict[str, str], folder: str, table_line: int) -> ImportedItem:
    body_name = posixpath.join(folder, "posts", f"{row.get('post_id', '')}.html")
    line = export.members.get(body_name)
    published = (row.get("is_published") or "true").strip().lower() == "true"
    kind = (row.get("type") or "post").strip().lower() or "post"
    return ImportedItem(
        title=plain(row.get("title")), body=decoded(export.member(body_name)) if line else "",
        first_line=line or table_line, last_line=line or table_line,
        date=stated_date(row.get("post_date")), subtitle=plain(row.get("subtitle")) or None,
        kind=kind if published else "draft")
