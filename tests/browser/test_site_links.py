"""The site works from a sub-path and from file://: every link from the home
page resolves, stays under the sub-path, and the CSP blocks nothing of ours."""
from __future__ import annotations

import urllib.request
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

import pytest

from browser_helpers import PAGE_TYPES


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_link_from_home_resolves_under_the_sub_path(site_url):
    """A crawl of the whole site over HTTP at /gongkai/: relative links only."""
    seen, queue, pages = set(), deque([site_url + "index.html"]), 0
    while queue:
        url = queue.popleft()
        with urllib.request.urlopen(url, timeout=10) as response:  # raises on 404
            assert response.status == 200, url
            body = response.read()
            kind = response.headers.get_content_type()
        if kind != "text/html":
            continue
        pages += 1
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            if link.startswith(("data:", "mailto:", "tel:")):
                continue  # names no file (the empty favicon is data:,)
            target = urldefrag(urljoin(url, link)).url
            if target.startswith(("http://", "https://")) and not target.startswith(site_url.split("/gongkai/")[0]):
                continue  # an external link written in an item's body: never fetched
            assert target.startswith(site_url), f"{url}: {link} leaves the sub-path"
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert pages > 40


def test_opens_from_file_and_follows_links(browser, sample_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto((sample_site / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "18px"  # the CSS loaded
    page.locator("#gk-size-large").check()
    with page.expect_navigation():  # waits for the new page to load
        page.locator(".gk-sections a").first.click()
    assert page.url.startswith("file://") and "/sections/" in page.url
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "24px"  # gongkai.js ran and remembered
    with page.expect_navigation():  # waits for the new page to load
        page.locator(".gk-item-list a").first.click()
    assert "/items/" in page.url
    page.goto((sample_site / PAGE_TYPES["item-policy"]).as_uri())
    assert page.locator("[data-module=gk-read-aloud]").is_visible()  # read-aloud.js ran under the CSP
    with page.expect_navigation():  # waits for the new page to load
        page.locator("a", has_text="首页").first.click()
    assert page.url.endswith("/index.html")
    assert errors == []
    context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_pages_load_without_errors_or_csp_violations(page, site_url, name):
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("load")
    assert problems == []
    assert all(r.startswith(site_url) for r in requests), requests  # no external requests of any kind
