"""Debian's chromium for the tools and the browser tests: where it is, how to
start it quietly, the sample site's page types, and a loopback server."""
from __future__ import annotations

import contextlib
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium quiet on a closed network (no background fetches).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SUB_PATH = "gongkai"

# One page of each type in the built sample site (the theme's tests and
# `make screenshots` visit these).
PAGE_TYPES = {
    "home": "index.html",
    "section": "sections/policies/index.html",
    "organ": "organs/11130534000000019X/index.html",  # with its details from organs.yaml
    "item-policy": "items/11130534000000027Q/2025-00002.html",  # 政策文件 with a 政策解读
    "item-withdrawn": "items/111305340000000781/2025-00002.html",
    # browse pages (issue 10)
    "facet-index": "topics/index.html",
    "facet": "topics/02/index.html",  # 综合政务, with its second-level classes
    "library": "library/index.html",  # 政策文件库 with its filter
    "item-repealed": "items/11130534000000019X/2023-00001.html",  # lifecycle notice
    "item-interpretation": "items/111305340000000781/2024-00001.html",  # 图解 with its image, source on top
}
SEARCH_PAGE = "search.html"


def page_types() -> dict[str, str]:
    """PAGE_TYPES and the search page: every page type a reader meets."""
    return {**PAGE_TYPES, "search": SEARCH_PAGE}


# The three display modes every page is checked in: (text size, 长者模式).
DISPLAY_MODES = {"standard": ("standard", False), "senior": ("standard", True), "largest": ("largest", False)}


def set_display(page, size: str = "standard", senior: bool = False) -> None:
    """Choose a text size (standard/large/largest) and 长者模式 as a reader would."""
    page.locator(f"#gk-size-{size}").check()
    page.locator("#gk-senior").set_checked(senior)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def served(directory: Path):
    """Serve ``directory`` on a free loopback port; yields its base URL (with /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
