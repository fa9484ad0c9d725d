"""What every test shares: marks by what a test runs, so that the stage tests
can run alone (`pytest -m "not browser and not site and not cli"`), in seconds.

The fixtures that build real sites and drive Chromium live in `e2e/conftest.py`;
tests/ is on the import path for the shared builders (`helpers.py`).
"""

from __future__ import annotations

import pytest

# --- markers ---------------------------------------------------------------------

#: Fixtures that start headless Chromium, and those that run MkDocs.
_BROWSER_FIXTURES = {"browser", "context", "page"}
_SITE_FIXTURES = {"site", "hosted_site", "build_site", "make_project", "project", "site_url", "manifest"}


#: Test modules that run the real command line (`build_docs.py`) in a subprocess.
_CLI_MODULES = {"test_cli", "test_trust_boundaries", "test_fuzz"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by what it runs: `browser` (Chromium) and `site` (a real
    MkDocs build), from the fixtures it uses; `cli` (the command line in a
    subprocess), from its module. `pytest -m "not browser and not site and not
    cli"` runs the stage tests alone, in seconds."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & _SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if item.module is not None and item.module.__name__ in _CLI_MODULES:
            item.add_marker(pytest.mark.cli)
