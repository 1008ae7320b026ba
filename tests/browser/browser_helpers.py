"""Helpers for the browser tests: where chromium is, how to start it, axe-core."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from chromium import CHROMIUM, CHROMIUM_ARGS, DISPLAY_MODES, PAGE_TYPES, SUB_PATH, page_types, served, set_display  # noqa: E402

__all__ = ["AXE", "CHROMIUM", "CHROMIUM_ARGS", "DISPLAY_MODES", "PAGE_TYPES", "SUB_PATH", "axe_violations", "page_types",
           "served", "set_display"]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """Run axe-core on the page: the WCAG 2.0/2.1/2.2 A and AA rules, or only
    ``rules`` by id; returns its violations."""
    page.add_script_tag(path=str(AXE))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    return page.evaluate("only => axe.run(document, {runOnly: only})", run_only)["violations"]
