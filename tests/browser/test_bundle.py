"""`make bundle`: the offline copy, unzipped and opened from file:// in Debian's
chromium, searches with no server (tools/bundle.py, theme/static/js/search/load.js)."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser_helpers import ROOT

STATUS, RESULT_TITLES = "#search-status", "#search-results > li .gk-search-result__title"


@pytest.fixture(scope="module")
def bundle(sample_site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), str(sample_site), str(tmp / "县网站.zip")],
                   check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp / "县网站.zip") as zf:
        names = zf.namelist()
        zf.extractall(tmp / "usb")
    return tmp / "usb" / "县网站", names


def item_titles(site, count: int) -> list[str]:
    pages = sorted((site / "items").rglob("*.html"))
    step = max(1, len(pages) // count)
    return [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").h1.get_text(strip=True) for p in pages[::step]]


def test_bundle_holds_the_site_and_script_forms_of_the_search_json_only(bundle, sample_site):
    site, names = bundle
    assert all(name.startswith("县网站/") for name in names)
    json_files = [p.relative_to(sample_site / "search").as_posix() for p in (sample_site / "search").rglob("*.json")]
    assert json_files and all(f"县网站/search/{rel}.js" in names for rel in json_files)
    assert not any(name.endswith((".gz", ".br")) or "/manifest/" in name for name in names)
    # The served site is not heavier: the wrappers exist only in the bundle.
    assert not list(sample_site.rglob("*.json.js"))


def test_search_works_from_file_urls(bundle, page):
    site, _ = bundle
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for title in item_titles(site, 4):
        page.goto((site / "search.html").as_uri() + "?q=" + quote(title))
        expect(page.locator(STATUS)).not_to_have_text("")
        expect(page.locator(STATUS)).not_to_contain_text("正在检索")
        expect(page.locator(STATUS)).to_contain_text(re.compile(r"找到 \d+ 条结果"))
        assert title in page.locator(RESULT_TITLES).all_inner_texts()
    assert errors == []
    # From the home page's search box, as someone with the USB stick would.
    page.goto((site / "index.html").as_uri())
    query = item_titles(site, 1)[0][:6]
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_contain_text(re.compile(r"找到 \d+ 条结果"))
    assert page.url.startswith("file://")
