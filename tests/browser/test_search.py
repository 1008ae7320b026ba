"""The search page in a real browser (Debian chromium), on the built sample
site served from a sub-path: typing into the box, ?q= on load, the no-result
message and its OR offer, filters, pages, keyboard use, and without JavaScript."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from browser_helpers import axe_violations

STATUS = "#search-status"
RESULTS = "#search-results > li"


def search(page, site_url, q: str):
    page.goto(site_url + "search.html?q=" + quote(q))
    expect(page.locator(STATUS)).not_to_have_text("")
    expect(page.locator(STATUS)).not_to_contain_text("正在检索")


def titles(page) -> list[str]:
    return page.locator(RESULTS + " .gk-search-result__title").all_inner_texts()


def test_query_in_the_url_runs_on_load(page, site_url):
    search(page, site_url, "老旧小区改造")
    expect(page.locator(STATUS)).to_contain_text("找到 4 条结果")
    assert titles(page)[0] == "清河县2025年城镇老旧小区改造计划"
    assert page.locator(RESULTS + " mark").first.inner_text() in {"老旧", "老旧小区改造"}
    assert page.input_value("#search-q") == "老旧小区改造"
    page.locator(RESULTS + " a").first.click()
    assert "/gongkai/items/" in page.url


def test_typing_in_the_search_box_and_pressing_enter(page, site_url):
    page.goto(site_url + "search.html")
    page.locator("#search-q").fill("城乡低保")
    page.locator("#search-q").press("Enter")
    expect(page.locator(STATUS)).to_contain_text("找到")
    assert "q=%E5%9F%8E%E4%B9%A1%E4%BD%8E%E4%BF%9D" in page.url  # bookmarkable
    assert any("城乡低保" in t for t in titles(page))


def test_the_header_search_box_on_every_page_leads_here(page, site_url):
    page.goto(site_url + "index.html")
    page.locator("#gk-search-q").fill("低保")
    page.locator("#gk-search-q").press("Enter")
    expect(page.locator(STATUS)).to_contain_text("找到 12 条结果")
    assert "/gongkai/search.html?q=" in page.url


@pytest.mark.parametrize("q, first", [
    ("清政办〔2025〕3号", "文号：清政办〔2025〕3号"),
    ("清政办[2025]3号", "文号：清政办〔2025〕3号"),
    ("11130534000000094N/2025-00001", "清河县2025年城镇老旧小区改造计划"),
])
def test_an_exact_doc_or_index_number_finds_its_item_first(page, site_url, q, first):
    search(page, site_url, q)
    assert first in page.locator(RESULTS).first.inner_text()


def test_no_item_with_every_term_says_so_and_offers_any_term(page, site_url):
    search(page, site_url, "老旧小区 鑫淼焱垚")
    expect(page.locator(STATUS)).to_have_text("没有找到同时包含全部检索词的信息。")
    assert page.locator(RESULTS).count() == 0
    offer = page.locator("[data-search-or] button")
    expect(offer).to_be_visible()
    offer.focus()
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_contain_text("以下是包含任一检索词的结果")
    assert page.locator(RESULTS).count() > 0
    expect(page.locator("#search-results-heading")).to_be_focused()


def test_nothing_at_all(page, site_url):
    search(page, site_url, "鑫淼焱垚")
    expect(page.locator(STATUS)).to_have_text("没有找到相关信息。请换用其他词语，或按信息类别浏览。")
    expect(page.locator("[data-search-or]")).to_be_hidden()


def test_filters_by_category_and_year(page, site_url):
    search(page, site_url, "低保")
    expect(page.locator(STATUS)).to_contain_text("找到 12 条结果")
    page.select_option("#search-category", "政策文件")
    expect(page.locator(STATUS)).not_to_contain_text("找到 12 条结果")
    metas = page.locator(RESULTS + " .gk-search-result__meta").all_inner_texts()
    assert metas and all("信息类别：政策文件" in m for m in metas)
    page.select_option("#search-category", "")
    page.select_option("#search-year", "2024")
    expect(page.locator(STATUS)).not_to_contain_text("找到 12 条结果")
    metas = page.locator(RESULTS + " .gk-search-result__meta").all_inner_texts()
    assert metas and all("发布日期：2024年" in m for m in metas)  # dates read the same everywhere
    assert "year=2024" in page.url


def test_with_javascript_the_explanation_is_hidden(page, site_url):
    search(page, site_url, "低保")
    expect(page.locator("[data-search-nojs]")).to_be_hidden()


def test_pages_and_keyboard(page, site_url):
    search(page, site_url, "低保")
    first_page = titles(page)
    assert len(first_page) == 10
    nxt = page.locator("[data-search-next]")
    nxt.focus()
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_contain_text("第 2/2 页")
    expect(page.locator("#search-results-heading")).to_be_focused()
    assert len(titles(page)) == 2 and not set(titles(page)) & set(first_page)
    page.keyboard.press("Tab")  # from the results heading, Tab reaches the first result
    expect(page.locator("#search-results a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/gongkai/items/"))


def test_results_page_passes_axe_and_announces_counts(browser, site_url):
    context = browser.new_context(locale="zh-CN", bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    search(page, site_url, "低保")
    assert page.get_attribute(STATUS, "role") == "status"
    assert page.get_attribute(STATUS, "aria-live") == "polite"
    assert [v["id"] for v in axe_violations(page)] == []
    context.close()


def test_without_javascript_the_page_explains_and_links_to_browse_pages(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "search.html?q=低保")
    expect(page.locator("[data-search-nojs]")).to_have_text("全文检索需要在浏览器中启用 JavaScript。不使用 JavaScript 时，可以按信息类别或发布机构浏览全部信息。")
    assert page.locator("#search-browse + ul a").count() >= 5
    page.locator("#search-browse + ul a").first.click()
    assert "/gongkai/sections/" in page.url
    context.close()
