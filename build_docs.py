"""Build the article pages from `seeds/` into `docs/`. See `python build_docs.py --help`."""

import sys

from corpus_browser.adapters.cli import main

if __name__ == "__main__":
    sys.exit(main())
