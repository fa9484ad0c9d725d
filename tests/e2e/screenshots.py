"""Take the README's screenshots of the shipped site with headless Chromium.

    python tests/e2e/screenshots.py [OUT]     # default docs/assets/screenshots

Builds copies of the project as the tests do (`sites.py`): one with Material's
search, one for hosting (searched with Pagefind), serves each on loopback,
and shoots the home page, an article, the archive, a theme page and the
search panel, on a desktop (1280x800) and a phone (390x844): `NAME.png` and
`NAME-phone.png`.
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from sites import CHROMIUM, CHROMIUM_ARGS, REPO, copy_project, hosted_build, mkdocs_build

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: An article with a date, an author and themes.
ARTICLE = "articles/002_66e482983315ec50/your-day-job-get-out-of-the-building-and-talk-to-customers.html"
#: Name -> (page, search typed there or "").
SHOTS = {
    "home": ("index.html", ""),
    "article": (ARTICLE, ""),
    "archive": ("archive.html", ""),
    "theme": ("themes/trust.html", ""),
}
SEARCHES = {"search": ("index.html", "hyken")}
PHONE_SEARCHES = {"search-phone": ("index.html", "trust")}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def shoot(page: Page, url: str, typed: str, path: Path, phone: bool) -> None:
    page.goto(url)
    if typed:
        if phone:
            page.locator(".cb-search__open").click()
        else:
            page.locator("input.cb-search__input").click()
        page.keyboard.type(typed)
        page.locator(".cb-result__title").first.wait_for()
        page.wait_for_timeout(800)  # the filters' counts
    page.screenshot(path=str(path))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else REPO / "docs" / "assets" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folders = {name: Path(temp) / name for name in ("material", "hosted")}
        for folder in folders.values():
            folder.mkdir()
        material = mkdocs_build(copy_project(folders["material"]))
        hosted = hosted_build(copy_project(folders["hosted"]))
        servers = [serve(material), serve(hosted)]
        (_, material_url), (_, hosted_url) = servers
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for phone, viewport in ((False, DESKTOP), (True, PHONE)):
                context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
                page = context.new_page()
                suffix = "-phone" if phone else ""
                for name, (url, typed) in SHOTS.items():
                    shoot(page, material_url + url, typed, out / f"{name}{suffix}.png", phone)
                for name, (url, typed) in (PHONE_SEARCHES if phone else SEARCHES).items():
                    shoot(page, hosted_url + url, typed, out / f"{name}.png", phone)
                context.close()
            browser.close()
        for server, _ in servers:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
