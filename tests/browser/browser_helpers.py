"""Helpers for the browser tests: where chromium is, how to start it, axe-core."""
from __future__ import annotations

import contextlib
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium quiet on a closed network (no background fetches).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SUB_PATH = "gongkai"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """Run axe-core on the page: the WCAG 2.0/2.1/2.2 A and AA rules, or only
    ``rules`` by id; returns its violations."""
    page.add_script_tag(path=str(AXE))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    return page.evaluate("only => axe.run(document, {runOnly: only})", run_only)["violations"]

# One page of each type in the built sample site (the theme's tests and
# `make screenshots` visit these). search.html is added when the site has one.
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


def page_types(site: Path) -> dict[str, str]:
    """PAGE_TYPES, plus the search page when the built site has one."""
    pages = dict(PAGE_TYPES)
    if (site / "search.html").exists():
        pages["search"] = "search.html"
    return pages


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
