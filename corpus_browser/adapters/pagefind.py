"""Write edge: the hosted site's search index, made with Pagefind's Python API
from the build's own article records (`render.search_records`), in the same
`mkdocs build` (the hook calls `write_search_index` after MkDocs has written
the site).

Each article is given to Pagefind as a small HTML document of our own making,
never the rendered page, so results hold no page furniture: the title (h1),
the authors (weighted most, so an author's name finds their own articles
first), the text, and out of the index but read by Pagefind, the author
(`Unattributed` for an article that names none), theme and year filters, the
date sort key and the metadata results show (authors, date as a reader writes
it, themes, and what tells apart articles of the same title). The search panel
makes its excerpts from the text alone, past the title and authors. The documents are written to a private
folder in the site, indexed by Pagefind's own program (`pagefind --site`,
the binary its Python package ships), and removed. Pagefind's Python service
is not used: it reads one answer per tenth of a second (a request per article
would cost 17 minutes at 10,000 articles), and when the program dies (out of
memory, at 100,000 articles on 24 GiB) it waits for an answer forever; the
program run on its own ends with an exit status. A corpus larger than
`search_shard_size` articles is indexed in several indexes of that many
(Pagefind's memory grows with the articles of one index: more than 22 GB at
100,000), the first in `pagefind/`, the others in `pagefind-shards/N/`, listed in
`pagefind/shards.json`. Articles are shared out newest first, so each index
holds a span of dates, and the search panel searches the indexes as one, each
with its own Pagefind module (`search-panel.js`). Each document declares its
article's language in `<html lang>`: Pagefind indexes each language apart,
with its own stemming (and word segmentation for Chinese and Japanese), and
a page's search reads the index of the page's language. Every value is escaped with
`html.escape`; Pagefind reads each back as text, and the search panel shows
it as text.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from corpus_browser.errors import OutputError
from corpus_browser.lang.dates import reader_date, year_of
from corpus_browser.site.listings import UNATTRIBUTED

#: Pagefind's folder in the site.
BUNDLE_DIR = "pagefind"
#: The folder of the further indexes of a corpus indexed in several, each in a numbered folder.
SHARDS_DIR = "pagefind-shards"
#: The list of the further indexes, in the first one's folder: `{"shards": ["../pagefind-shards/1/", …]}`.
SHARDS_FILE = "shards.json"
#: Articles per index, unless the configuration says otherwise (`search_shard_size`).
SHARD_ARTICLES = 20_000
#: Weight of the authors' names (Pagefind's highest): an author's name finds their articles first.
AUTHOR_WEIGHT = 10
#: What every search record holds (`render.search_records`).
_FIELDS = {"url", "title", "authors", "themes", "date", "text"}
#: The sort key of undated articles: after every dated one, newest first.
UNDATED_SORT_KEY = "0000"


def record_html(record: dict) -> str:
    """The document Pagefind indexes for one article record."""
    e = html.escape
    title, authors, themes, date = record["title"], record["authors"], record["themes"], record["date"]
    language = record.get("language") or "en"
    parts = [f'<!DOCTYPE html><html lang="{e(language)}"><head><meta charset="utf-8"></head><body>',
             f"<h1>{e(title)}</h1>"]
    if authors:
        parts.append(f'<p data-pagefind-weight="{AUTHOR_WEIGHT}">{e(_joined(authors))}</p>')
    parts += [f"<p>{e(line)}</p>" for line in record["text"].split("\n") if line]
    hidden = [f'<span data-pagefind-filter="author">{e(name)}</span>' for name in authors or [UNATTRIBUTED]]
    hidden += [f'<span data-pagefind-filter="theme">{e(name)}</span>' for name in themes]
    if authors:
        hidden.append(f'<span data-pagefind-meta="authors">{e(_joined(authors))}</span>')
    if record.get("hint"):
        hidden.append(f'<span data-pagefind-meta="hint">{e(record["hint"])}</span>')
    if themes:
        hidden.append(f'<span data-pagefind-meta="themes">{e(json.dumps(themes, ensure_ascii=False))}</span>')
    if date:
        hidden += [f'<span data-pagefind-filter="year">{year_of(date)}</span>',
                   f'<span data-pagefind-meta="date">{e(reader_date(date))}</span>',
                   f'<span data-pagefind-meta="datetime">{e(date)}</span>',
                   f'<span data-pagefind-sort="date">{e(date)}</span>']
    else:
        hidden.append(f'<span data-pagefind-sort="date">{UNDATED_SORT_KEY}</span>')
    parts.append(f'<div data-pagefind-ignore>{"".join(hidden)}</div></body></html>')
    return "".join(parts)


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def write_search_index(records_file: Path, site_dir: Path, shard_articles: int = SHARD_ARTICLES) -> int:
    """Index the records in `records_file` into `site_dir/pagefind` (and
    `site_dir/pagefind-shards/N`, `shard_articles` to an index); returns how many.
    Raises `OutputError` when the records cannot be read or Pagefind fails."""
    try:
        records = json.loads(records_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(str(records_file), f"cannot read the search records: {error}") from None
    if not isinstance(records, list) or not all(isinstance(record, dict) and _FIELDS <= record.keys()
                                                  for record in records):
        raise OutputError(str(records_file), "the search records are not the build's: build again")
    shards = _shards(records, shard_articles)
    outputs = [site_dir / BUNDLE_DIR, *(site_dir / SHARDS_DIR / str(n) for n in range(1, len(shards)))]
    shutil.rmtree(site_dir / SHARDS_DIR, ignore_errors=True)
    for shard, output in zip(shards, outputs):
        with tempfile.TemporaryDirectory(prefix=".corpus-search-", dir=site_dir) as documents:
            _write_documents(shard, Path(documents), records_file)
            _index(Path(documents), output)
    further = [f"../{SHARDS_DIR}/{n}/" for n in range(1, len(shards))]
    (site_dir / BUNDLE_DIR / SHARDS_FILE).write_text(json.dumps({"shards": further}), encoding="utf-8")
    return len(records)


def _shards(records: Sequence[dict], size: int) -> list[Sequence[dict]]:
    """The records in indexes of at most `size`, newest first (undated last), or one index of them all."""
    if len(records) <= size:
        return [records]
    newest_first = sorted(records, key=lambda record: record["date"] or "", reverse=True)
    return [newest_first[start:start + size] for start in range(0, len(newest_first), size)]


def _write_documents(records: Sequence[dict], folder: Path, records_file: Path) -> None:
    """Each record's document, at its page's URL under `folder` (the URL Pagefind gives the result)."""
    for record in records:
        url = PurePosixPath(str(record["url"]))
        if url.is_absolute() or ".." in url.parts or url.suffix != ".html":
            raise OutputError(str(records_file), f"a search record's URL is not a page of the site: {url}")
        path = folder.joinpath(*url.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_html(record), encoding="utf-8")


def _index(documents: Path, output: Path) -> None:
    """Index the documents into `output` with the `pagefind` program; raises `OutputError` when it fails."""
    from pagefind.service import get_executable

    program = get_executable()
    if program is None:
        raise OutputError(str(output), "Pagefind is not installed: pip install 'pagefind[bin]'")
    try:
        done = subprocess.run([str(program), "--site", str(documents), "--output-path", str(output),
                               "--quiet"], capture_output=True, text=True, check=False)
    except OSError as error:
        raise OutputError(str(output), f"cannot run Pagefind: {error.strerror or error}") from None
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())[-300:]
        why = f"stopped by signal {-done.returncode} (out of memory?)" if done.returncode < 0 else \
            f"exit status {done.returncode}"
        raise OutputError(str(output), f"Pagefind could not index the site: {why}" + (f": {said}" if said else ""))
