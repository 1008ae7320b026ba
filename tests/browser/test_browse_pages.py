"""Browse pages in Debian's chromium: the 政策文件库 filter, 朗读's states and
voices, 长者模式's text size, the stacked metadata table at 特大, A4 print."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from browser_helpers import PAGE_TYPES, set_display


def documents(sample_site) -> list[list[str]]:
    return json.loads((sample_site / "library/documents.json").read_text(encoding="utf-8"))


def test_library_filter_narrows_by_validity_year_organ_and_words(page, site_url, sample_site):
    rows = documents(sample_site)
    page.goto(site_url + PAGE_TYPES["library"])
    filter_box = page.locator("[data-module=gk-library]")
    expect(filter_box).to_be_visible()
    status = filter_box.get_by_role("status")
    validity = rows[0][4]
    page.select_option("#library-validity", validity)
    expected = [r for r in rows if r[4] == validity]
    expect(status).to_have_text(f"符合条件的政策文件共 {len(expected)} 件。")
    assert filter_box.locator("tbody tr td:first-child a").all_inner_texts() == [r[0] for r in expected]
    year = rows[-1][3][:4]
    page.select_option("#library-year", year)
    expected = [r for r in expected if r[3].startswith(year)]
    expect(status).to_have_text(f"符合条件的政策文件共 {len(expected)} 件。" if expected else "没有符合条件的政策文件。")
    page.select_option("#library-year", "")
    page.select_option("#library-validity", "")
    page.select_option("#library-organ", rows[0][2])
    word = rows[0][1][:3]  # the 文号's prefix, e.g. 清政办
    page.fill("#library-text", word)
    page.get_by_role("button", name="筛选").click()
    expected = [r for r in rows if r[2] == rows[0][2] and (word in r[0] or word in r[1])]
    expect(status).to_have_text(f"符合条件的政策文件共 {len(expected)} 件。")
    links = filter_box.locator("tbody a")
    assert links.count() == len(expected)
    href = links.first.get_attribute("href")
    assert (sample_site / href.removeprefix("./")).is_file() or href.endswith(expected[0][5])


def test_library_works_without_javascript(browser, site_url):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES["library"])
    assert page.locator("[data-module=gk-library]").is_hidden()
    links = page.locator("[aria-labelledby=gk-children] a")
    assert links.count() >= 2
    with page.expect_navigation():
        links.first.click()
    assert "/library/" in page.url and page.locator("table.gk-item-list tbody tr").count() > 0
    context.close()


def test_library_prints_on_a4_without_controls(page, site_url):
    page.goto(site_url + PAGE_TYPES["library"])
    page.emulate_media(media="print")
    assert page.locator("[data-module=gk-library]").is_hidden()
    assert page.locator("table.gk-item-list").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes)  # A4 in points


def test_read_aloud_pause_and_stop_are_disabled_until_reading_starts(page, site_url):
    page.goto(site_url + PAGE_TYPES["item-policy"])
    control = page.locator("[data-module=gk-read-aloud]")
    expect(control).to_be_visible()
    assert control.get_by_role("button", name="暂停").is_disabled()
    assert control.get_by_role("button", name="停止").is_disabled()
    control.get_by_role("button", name="朗读全文").click()
    assert control.get_by_role("button", name="暂停").is_enabled()
    control.get_by_role("button", name="停止").click()
    assert control.get_by_role("button", name="暂停").is_disabled()


def test_read_aloud_says_so_when_there_is_no_chinese_voice(page, site_url):
    page.add_init_script("""window.speechSynthesis.getVoices = () => [{lang: 'en-US', name: 'English'}];""")
    page.goto(site_url + PAGE_TYPES["item-policy"])
    control = page.locator("[data-module=gk-read-aloud]")
    expect(control.get_by_role("status")).to_contain_text("没有中文（zh-CN）语音")
    assert control.get_by_role("button").count() == 0 and control.locator("button[hidden]").count() == 3


def test_senior_mode_also_enlarges_the_text(page, site_url):
    page.goto(site_url + "index.html")
    body = lambda: page.evaluate("getComputedStyle(document.body).fontSize")  # noqa: E731
    standard = float(body()[:-2])
    set_display(page, "standard", senior=True)
    assert float(body()[:-2]) > standard
    set_display(page, "largest", senior=True)
    assert body() == "30px"


def test_metadata_table_stacks_at_the_largest_size_on_a_phone(browser, site_url):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES["item-policy"])
    set_display(page, "largest")
    th = page.locator("table.gk-metadata tr").first.locator("th").bounding_box()
    td = page.locator("table.gk-metadata tr").first.locator("td").bounding_box()
    assert td["y"] >= th["y"] + th["height"] - 1  # label above value, not beside it
    lines = page.evaluate("""() => { const td = document.querySelector('table.gk-metadata td');
        return Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight)); }""")
    assert lines <= 2  # the 索引号 in at most two lines (split after its "/")
    context.close()
