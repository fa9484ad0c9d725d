"""The names of the themes discovered in each development corpus, built alone.

    python benchmarks/theme_names.py [DIR]      # default ../shared/corpora

For every `NAME.gold.yml` in DIR beside its dump, the dump is built alone (as
`benchmarks/accuracy.py` builds it, with no taxonomy: themes are discovered),
and each discovered theme is printed with its number of articles, and why a
name was refused if one of the rules of `corpus_browser/enrich/naming.py`
would refuse it (which a discovered name never should).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_browser.config import BuildConfig  # noqa: E402
from corpus_browser.enrich.discover import DISCOVERY_STOPWORDS  # noqa: E402
from corpus_browser.enrich.naming import NameRules  # noqa: E402
from corpus_browser.pipeline.build import gather  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "corpora"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT_DIR
    for gold in sorted(folder.glob("*.gold.yml")):
        name = gold.name.removesuffix(".gold.yml")
        dump = next(path for path in folder.iterdir() if path.stem == name and path != gold)
        with tempfile.TemporaryDirectory() as temp:
            seeds = Path(temp) / "seeds"
            seeds.mkdir()
            shutil.copy(dump, seeds / dump.name)
            corpus = gather(BuildConfig(seeds_dir=seeds, docs_dir=Path(temp) / "docs",
                                        themes_file=Path(temp) / "none.yml"))
        articles = [item.article for item in corpus.site.articles]
        rules = NameRules.of(articles, DISCOVERY_STOPWORDS)
        shown = []
        for theme in corpus.themes.discovery.themes:
            refused = rules.why_not(theme.name.casefold())
            shown.append(f"{theme.name} {len(theme.articles)}" + (f" (REFUSED: {refused})" if refused else ""))
        print(f"{name} ({len(articles)} articles): " + "; ".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
