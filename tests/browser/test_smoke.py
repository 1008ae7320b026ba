"""The sample site opens in a real browser from a sub-path, and its links work there."""
from catalog_model.text import ui_text


def test_home_opens_from_a_sub_path_and_links_to_items(page, site_url):
    ui = ui_text()
    page.goto(site_url + "index.html")
    assert page.locator("h1").inner_text() == ui["catalog"]
    link = page.locator("table.gk-item-list a").first
    title = link.inner_text()
    link.click()
    assert "/gongkai/items/" in page.url
    assert page.locator("main h1").inner_text() == title
    assert page.locator("table.gk-metadata caption").inner_text() == ui["metadata_caption"]
