"""Real-browser fixtures: Debian's chromium driven by Playwright, the sample
site served over HTTP under a sub-path (as a township mirror would serve it).
"""
from __future__ import annotations

import pytest

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, SUB_PATH, served


@pytest.fixture(scope="session")
def site_url(sample_site, tmp_path_factory) -> str:
    """The sample site at http://127.0.0.1:PORT/gongkai/ (a sub-path, never the root)."""
    www = tmp_path_factory.mktemp("www")
    (www / SUB_PATH).symlink_to(sample_site, target_is_directory=True)
    with served(www) as base:
        yield f"{base}{SUB_PATH}/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()
