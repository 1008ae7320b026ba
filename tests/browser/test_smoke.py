"""The sample site opens in a real browser from a sub-path, and its links work there."""
from browser_helpers import axe_violations  # noqa: F401


def test_home_opens_from_a_sub_path_and_links_to_items(page, site_url):
    page.goto(site_url + "index.html")
    assert page.locator("h1").inner_text() == "政府信息公开目录"
    page.locator("table.gk-item-list a").first.click()
    assert "/gongkai/items/" in page.url
    assert page.locator("table.gk-metadata caption").inner_text() == "信息索引"
