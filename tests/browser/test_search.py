"""The search page in a real browser (Debian chromium), on the built sample
site served from a sub-path: typing into the box, ?q= on load, the no-result
message and its OR offer, filters, pages, keyboard use, and without JavaScript."""
from __future__ import annotations

import base64
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from browser_helpers import DISPLAY_MODES, axe_violations, set_display
from catalog_helpers import ROOT, listed_items

from catalog_model.text import ui_text

STATUS = "#search-status"
RESULTS = "#search-results > li"
PAGE_SIZE = 10
# Expected results are derived from the sample content: an item is found when each of
# the query's bigrams is in one of its searched fields (every term is required).
ITEMS = listed_items(ROOT / "content")
FIELDS = ("title", "doc_no", "index_no", "keywords", "body")


def bigrams(q: str) -> set[str]:
    return {q[i:i + 2] for i in range(len(q) - 1)} or {q}


IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # an image's alt text is not body text (it is not indexed)


def holding(q: str, fields=FIELDS, items=ITEMS) -> list[dict]:
    def text(m):
        return IMAGE.sub("", "\n".join(" ".join(v) if isinstance(v, list) else str(v or "")
                                       for v in (m.get(f) for f in fields)))
    return [m for m in items if all(b in text(m) for b in bigrams(q))]


def count_text(count: int, page: int = 1) -> str:
    return ui_text()["search_count"].format(count=count, page=page, pages=-(-count // PAGE_SIZE))


def search(page, site_url, q: str):
    page.goto(site_url + "search.html?q=" + quote(q))
    expect(page.locator(STATUS)).not_to_have_text("")
    expect(page.locator(STATUS)).not_to_contain_text("正在检索")


def titles(page) -> list[str]:
    return page.locator(RESULTS + " .gk-search-result__title").all_inner_texts()


def test_query_in_the_url_runs_on_load(page, site_url):
    search(page, site_url, "老旧小区改造")
    found, in_title = holding("老旧小区改造"), holding("老旧小区改造", ("title", "doc_no", "index_no"))
    assert len(found) > len(in_title) > 0  # the sample has both kinds
    expect(page.locator(STATUS)).to_have_text(count_text(len(found)))
    # items holding every term in the title come first, then the rest
    assert set(titles(page)[:len(in_title)]) == {m["title"] for m in in_title}
    assert set(titles(page)) == {m["title"] for m in found}
    assert page.locator(RESULTS + " mark").first.inner_text() in {"老旧", "老旧小区改造"}
    assert page.input_value("#search-q") == "老旧小区改造"
    page.locator(RESULTS + " a").first.click()
    assert "/gongkai/items/" in page.url


def test_typing_in_the_search_box_and_pressing_enter(page, site_url):
    page.goto(site_url + "search.html")
    page.locator("#search-q").fill("城乡低保")
    page.locator("#search-q").press("Enter")
    found = holding("城乡低保")
    expect(page.locator(STATUS)).to_have_text(count_text(len(found)))
    assert "q=%E5%9F%8E%E4%B9%A1%E4%BD%8E%E4%BF%9D" in page.url  # bookmarkable
    assert set(titles(page)) <= {m["title"] for m in found}


def test_the_header_search_box_on_every_page_leads_here(page, site_url):
    page.goto(site_url + "index.html")
    page.locator("#gk-search-q").fill("低保")
    page.locator("#gk-search-q").press("Enter")
    expect(page.locator(STATUS)).to_have_text(count_text(len(holding("低保"))))
    assert "/gongkai/search.html?q=" in page.url


POLICY = next(m for m in ITEMS if m.get("doc_no") == "清政办〔2025〕3号")


@pytest.mark.parametrize("q", [POLICY["doc_no"], POLICY["doc_no"].replace("〔", "[").replace("〕", "]"),
                               POLICY["index_no"]])
def test_an_exact_doc_or_index_number_finds_its_item_first(page, site_url, q):
    search(page, site_url, q)
    assert titles(page)[0] == POLICY["title"]


def test_no_item_with_every_term_says_so_and_offers_any_term(page, site_url):
    search(page, site_url, "老旧小区 鑫淼焱垚")
    expect(page.locator(STATUS)).to_have_text("没有找到同时包含全部检索词的信息。")
    assert page.locator(RESULTS).count() == 0
    offer = page.locator("[data-search-or] button")
    expect(offer).to_be_visible()
    offer.focus()
    page.keyboard.press("Enter")
    terms = bigrams("老旧小区") | bigrams("鑫淼焱垚")
    any_term = [m for m in ITEMS if any(holding(term, items=[m]) for term in terms)]
    pages = -(-len(any_term) // PAGE_SIZE)
    expect(page.locator(STATUS)).to_have_text(ui_text()["search_or_showing"].format(count=len(any_term), page=1,
                                                                                    pages=pages))
    assert page.locator(RESULTS).count() == min(PAGE_SIZE, len(any_term))
    expect(page.locator("#search-results-heading")).to_be_focused()


def test_nothing_at_all(page, site_url):
    search(page, site_url, "鑫淼焱垚")
    expect(page.locator(STATUS)).to_have_text("没有找到相关信息。请换用其他词语，或按信息类别浏览。")
    expect(page.locator("[data-search-or]")).to_be_hidden()


def test_filters_by_category_and_year(page, site_url):
    found = holding("低保")
    policies = [m for m in found if m["category"] == "政策文件"]
    of_2024 = [m for m in found if str(m["date"]).startswith("2024-")]
    assert 0 < len(policies) < len(found) and 0 < len(of_2024) < len(found)
    search(page, site_url, "低保")
    expect(page.locator(STATUS)).to_have_text(count_text(len(found)))
    page.select_option("#search-category", "政策文件")
    expect(page.locator(STATUS)).to_have_text(count_text(len(policies)))
    assert set(titles(page)) == {m["title"] for m in policies}
    metas = page.locator(RESULTS + " .gk-search-result__meta").all_inner_texts()
    assert all("信息类别：政策文件" in m for m in metas)
    page.select_option("#search-category", "")
    page.select_option("#search-year", "2024")
    expect(page.locator(STATUS)).to_have_text(count_text(len(of_2024)))
    assert set(titles(page)) == {m["title"] for m in of_2024}
    metas = page.locator(RESULTS + " .gk-search-result__meta").all_inner_texts()
    assert metas and all("发布日期：2024年" in m for m in metas)  # dates read the same everywhere
    assert "year=2024" in page.url


def test_with_javascript_the_explanation_is_hidden(page, site_url):
    search(page, site_url, "低保")
    expect(page.locator("[data-search-nojs]")).to_be_hidden()


def test_pages_and_keyboard(page, site_url):
    found = holding("低保")
    assert PAGE_SIZE < len(found) <= 2 * PAGE_SIZE  # the sample gives this query two pages
    search(page, site_url, "低保")
    first_page = titles(page)
    assert len(first_page) == PAGE_SIZE
    nxt = page.locator("[data-search-next]")
    nxt.focus()
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text(count_text(len(found), page=2))
    expect(page.locator("#search-results-heading")).to_be_focused()
    assert len(titles(page)) == len(found) - PAGE_SIZE and not set(titles(page)) & set(first_page)
    assert set(first_page + titles(page)) == {m["title"] for m in found}
    page.keyboard.press("Tab")  # from the results heading, Tab reaches the first result
    expect(page.locator("#search-results a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/gongkai/items/"))


@pytest.mark.parametrize("mode", DISPLAY_MODES)
def test_results_page_passes_axe_and_announces_counts(browser, site_url, mode):
    context = browser.new_context(locale="zh-CN", bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    search(page, site_url, "低保")
    set_display(page, *DISPLAY_MODES[mode])
    assert page.get_attribute(STATUS, "role") == "status"
    assert page.get_attribute(STATUS, "aria-live") == "polite"
    assert [v["id"] for v in axe_violations(page)] == []
    context.close()


def test_without_javascript_the_page_explains_and_links_to_browse_pages(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "search.html?q=低保")
    expect(page.locator("[data-search-nojs]")).to_have_text(ui_text()["search_noscript"])
    assert page.locator("#search-browse + ul a").count() >= 5
    page.locator("#search-browse + ul a").first.click()
    assert "/gongkai/sections/" in page.url
    context.close()


# The item with the longest title that has a 文号: searching its 文号 puts it first.
LONG_TITLE = max((m for m in ITEMS if m.get("doc_no")), key=lambda m: len(m["title"]))

# Where the first result's list number is drawn (its ink, from a screenshot: a ::marker has
# no box in the DOM) and where the lines of its title are (their text's client rects).
TITLE_LINES = """() => {
  const li = document.querySelector('#search-results > li');
  const link = li.querySelector('.gk-search-result__title a');
  const texts = [], walk = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) texts.push(walk.currentNode);
  const range = document.createRange();
  range.setStart(texts[0], 0);
  range.setEnd(texts[texts.length - 1], texts[texts.length - 1].length);
  const lines = [...range.getClientRects()].filter(r => r.width > 0)
    .map(r => ({top: r.top + scrollY, bottom: r.bottom + scrollY}));
  // A line of text's rect spans its font's ascent and descent: the baseline is an ascent down.
  const context = document.createElement('canvas').getContext('2d');
  context.font = getComputedStyle(texts[0].parentElement).font;
  const baseline = lines[0].top + context.measureText(texts[0].data).fontBoundingBoxAscent;
  const gutter = li.parentElement.getBoundingClientRect(), item = li.getBoundingClientRect();
  const target = link.getBoundingClientRect();
  return {lines, baseline, target: [target.width, target.height], gutter: {x: gutter.left + scrollX, y: item.top + scrollY,
                                    width: item.left - gutter.left, height: item.height}};
}"""
# The rows of a PNG (base64) holding ink: pixels far from the colour of its first pixel.
INK_ROWS = """async png => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data, rows = [];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const at = 4 * (y * image.width + x);
      if (Math.max(...[0, 1, 2].map(c => Math.abs(data[at + c] - data[c]))) > 96) { rows.push(y); break; }
    }
  return rows;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("mode", DISPLAY_MODES)
def test_the_result_number_sits_on_the_first_line_of_its_title(browser, site_url, mode, width):
    """A long title wraps (on a phone, at 特大, in 长者模式): its number stays beside its
    first line, on that line's baseline, not beside its last."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 844})
    page = context.new_page()
    search(page, site_url, LONG_TITLE["doc_no"])
    set_display(page, *DISPLAY_MODES[mode])
    assert titles(page)[0] == LONG_TITLE["title"]
    found = page.evaluate(TITLE_LINES)
    lines = found["lines"]
    assert len({round(line["top"]) for line in lines}) >= 2, "the title should wrap for this test to mean anything"
    png = page.screenshot(full_page=True, clip=found["gutter"])
    ink = [found["gutter"]["y"] + row for row in page.evaluate(INK_ROWS, base64.b64encode(png).decode())]
    assert ink, "no list number drawn beside the first result"
    assert min(found["target"]) >= 44  # WCAG 2.5.5 (AAA)
    first, last = lines[0], lines[-1]
    assert first["top"] - 1 <= ink[0] and ink[-1] <= first["bottom"] + 1, \
        f"number drawn at y {ink[0]}–{ink[-1]}: title lines at {first['top']}–{first['bottom']} … {last['top']}–{last['bottom']}"
    assert abs(ink[-1] + 1 - found["baseline"]) <= 2  # a digit stands on the baseline
    context.close()


# For each highlighted word in the results' titles that follows text: is it on the line
# where that text ends (or at the start of the next line)? Not in a box of its own.
MARKS_IN_LINE = """() => [...document.querySelectorAll('.gk-search-result__title mark')]
  .filter(mark => mark.previousSibling && mark.previousSibling.nodeType === Node.TEXT_NODE)
  .map(mark => {
    const before = document.createRange();
    before.selectNodeContents(mark.previousSibling);
    const end = [...before.getClientRects()].pop(), start = mark.getClientRects()[0];
    const left = mark.closest('a').getBoundingClientRect().left;
    return Math.abs(start.top - end.top) < 1 || Math.abs(start.left - left) < 1;
  })"""


def test_highlighted_words_flow_with_the_title_text(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    search(page, site_url, "城乡居民")
    set_display(page, "largest")
    in_line = page.evaluate(MARKS_IN_LINE)
    assert in_line and all(in_line)
