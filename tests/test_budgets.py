"""Byte budgets (township mirrors pay for every byte): an item page's HTML +
CSS + JS gzip-compressed ≤ 14 KB (the first TCP round trip), CSS ≤ 8 KB, and
no page loads a script it has no use for. Run with -s to see the figures."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from catalog_helpers import ROOT
from chromium import PAGE_TYPES  # tools/chromium.py: one page of each type

PAGE_BUDGET = 14 * 1024
CSS_BUDGET = 8 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
THEME_JS = ROOT / "theme" / "static" / "js"


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def assets(page: Path) -> list[Path]:
    return [(page.parent / href).resolve() for href in ASSET.findall(page.read_text(encoding="utf-8"))]


def test_css_is_within_budget(sample_site):
    size = gz(sample_site / "theme" / "css" / "gongkai.css")
    print(f"\ngongkai.css: {size} B gzip (budget {CSS_BUDGET})")
    assert size <= CSS_BUDGET


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_with_its_css_and_js_is_within_budget(sample_site, name):
    page = sample_site / PAGE_TYPES[name]
    parts = {str(p.relative_to(sample_site.resolve())): gz(p) for p in [page.resolve(), *assets(page)]}
    total = sum(parts.values())
    print(f"\n{name}: {total} B gzip total (budget {PAGE_BUDGET}): " + ", ".join(f"{k} {v}" for k, v in parts.items()))
    assert total <= PAGE_BUDGET


def test_no_external_fonts_or_images_in_the_theme():
    css = (ROOT / "theme" / "static" / "css" / "gongkai.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(" not in css and "@import" not in css
    binary = {".png", ".jpg", ".gif", ".svg", ".woff", ".woff2", ".ttf"}
    assert not [p for p in (ROOT / "theme" / "static").rglob("*") if p.suffix.lower() in binary]


def test_pages_load_only_the_theme_scripts_they_use(sample_site):
    """Each theme script names the data-module it enhances; a page loads it only if that module is on the page."""
    modules = {}
    for script in THEME_JS.glob("*.js"):  # theme/js/search/ belongs to the search page
        found = re.findall(r"""data-module="([\w-]+)\"""", script.read_text(encoding="utf-8"))
        assert found, f"{script.name} names no data-module"
        modules[script.name] = set(found)
    checked = 0
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for asset in assets(page):
            if asset.suffix == ".js" and asset.name in modules:
                assert any(f'data-module="{m}"' in html for m in modules[asset.name]), f"{page}: {asset.name} unused"
                checked += 1
        for name, mods in modules.items():
            if any(f'data-module="{m}"' in html for m in mods) and page.name != "search.html":
                assert any(a.name == name for a in assets(page)), f"{page}: {name} missing"
    assert checked
