"""The theme in a real browser: WCAG 2.2 AA (axe-core) on every page type in
every display mode, the AAA criteria older readers need, keyboard use, the
text-size and 长者模式 switches (with and without JavaScript), 朗读, reflow.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser_helpers import AXE, DISPLAY_MODES, PAGE_TYPES, axe_violations, page_types, set_display
from catalog_helpers import ROOT, listed_items

from catalog_model.text import ui_text

PAGES = list(page_types())
YELLOW = "rgb(255, 221, 0)"


def open_page(page, site_url, sample_site, name):
    path = page_types()[name]
    assert (sample_site / path).is_file(), f"the build wrote no {path}"
    page.goto(site_url + path)


def rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def luminance(color: tuple[float, ...]) -> float:
    c = [v / 255 for v in color]
    c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture
def axe_page(browser):
    """A page that lets axe-core be injected in spite of the site's CSP (no inline script)."""
    context = browser.new_context(locale="zh-CN", bypass_csp=True)
    yield context.new_page()
    context.close()


def style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e)[{prop!r}]")


def summary(violations: list[dict]) -> list[str]:
    return [f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in violations]


def page_in_mode(page, site_url, sample_site, name, mode):
    open_page(page, site_url, sample_site, name)
    set_display(page, *DISPLAY_MODES[mode])
    return page


@pytest.mark.parametrize("mode", DISPLAY_MODES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violations(axe_page, site_url, sample_site, name, mode):
    page = page_in_mode(axe_page, site_url, sample_site, name, mode)
    assert summary(axe_violations(page)) == []


@pytest.mark.parametrize("mode", DISPLAY_MODES)
@pytest.mark.parametrize("name", PAGES)
def test_text_contrast_is_at_least_7_to_1(axe_page, site_url, sample_site, name, mode):
    """WCAG 1.4.6 (AAA), checked by axe's color-contrast-enhanced rule."""
    page = page_in_mode(axe_page, site_url, sample_site, name, mode)
    assert summary(axe_violations(page, rules=["color-contrast-enhanced"])) == []


@pytest.mark.parametrize("name", PAGES)
def test_targets_are_at_least_44_px_and_text_is_readable(page, site_url, sample_site, name):
    """WCAG 2.5.5 (AAA) for every control outside running text; 1.4.8 (AAA):
    line height ≥ 1.5, not justified, lines ≤ 40 CJK characters; body ≥ 18px."""
    open_page(page, site_url, sample_site, name)
    small = page.evaluate("""() => [...document.querySelectorAll(
        'a[href]:not(.gk-skip-link), button, input:not([type=radio]):not([type=checkbox]), label.gk-choice')]
      .filter(e => !e.closest('.gk-body p, .gk-body li, .gk-body td') && e.offsetParent !== null)
      .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
      .filter(([, r]) => r.width < 44 || r.height < 44)
      .map(([t, r]) => `${t}: ${Math.round(r.width)}×${Math.round(r.height)}`)""")
    assert small == []
    assert float(style(page, "body", "fontSize")[:-2]) >= 18
    for selector in ["main p", "main td"]:
        if page.locator(selector).count():
            size = float(style(page, selector, "fontSize")[:-2])
            assert float(style(page, selector, "lineHeight")[:-2]) >= 1.5 * size
            assert style(page, selector, "textAlign") != "justify"
    main_width = page.evaluate("""() => { const m = document.querySelector('main'); const s = getComputedStyle(m);
        return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }""")
    assert main_width <= 40 * float(style(page, "body", "fontSize")[:-2]) + 0.5


def focus_order(page) -> list[str]:
    """The focusable elements in document order, a radio group counted once (its checked radio)."""
    return page.evaluate("""() => {
      const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter(e => !e.disabled && (e.offsetParent !== null || e.classList.contains('gk-skip-link')))
        .filter(e => e.type !== 'radio' || e.checked);
      all.forEach((e, i) => e.dataset.testFocus = i);
      return all.map(e => e.textContent.trim() || e.id || e.name);
    }""")


@pytest.mark.parametrize("name", ["home", "item-policy", "section"])
def test_keyboard_reaches_skip_link_first_then_every_control_with_a_visible_focus_ring(page, site_url, name):
    page.goto(site_url + PAGE_TYPES[name])
    expected = focus_order(page)
    assert expected[0] == "跳到正文"
    for index, label in enumerate(expected):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
          const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
          return {index: e.dataset.testFocus, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                  outlineColor: s.outlineColor, background: s.backgroundColor, shadow: s.boxShadow,
                  visible: r.width > 0 && r.height > 0}; }""")
        assert focused["index"] == str(index), f"Tab {index + 1} should reach {label!r}"
        assert focused["visible"], label
        # GOV.UK focus style: thick yellow (outline or background) with a dark edge (box-shadow).
        yellow_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 3 and focused["outlineColor"] == YELLOW
        yellow_background = focused["background"] == YELLOW
        assert yellow_outline or yellow_background, (label, focused)
        assert "rgb(11, 12, 12)" in focused["shadow"], (label, focused)


def test_skip_link_moves_focus_to_the_main_content(page, site_url):
    page.goto(site_url + PAGE_TYPES["item-policy"])
    page.keyboard.press("Tab")
    box = page.locator(".gk-skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] >= 24
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_radio_group_and_switch_work_from_the_keyboard(page, site_url):
    page.goto(site_url + "index.html")
    page.locator("#gk-size-standard").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert style(page, "html", "fontSize") == "30px"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.locator("#gk-senior").is_checked()


def test_text_size_changes_computed_size_and_survives_a_reload(page, site_url):
    page.goto(site_url + "index.html")
    assert style(page, "body", "fontSize") == "18px"  # MIIT: body text ≥ 18px by default
    set_display(page, "large")
    assert style(page, "body", "fontSize") == "24px"
    set_display(page, "largest")
    assert style(page, "body", "fontSize") == "30px"  # MIIT: the largest ≥ 30px
    assert style(page, "h1", "fontSize") == "48px"
    page.reload()
    assert page.locator("#gk-size-largest").is_checked()
    assert style(page, "body", "fontSize") == "30px"
    with page.expect_navigation():  # waits for the new page to load
        page.locator("a[href$='sections/policies/index.html']").first.click()
    assert style(page, "body", "fontSize") == "30px"  # and on the next page


def test_senior_mode_raises_contrast_and_survives_a_reload(page, site_url):
    page.goto(site_url + PAGE_TYPES["item-policy"])
    before = (style(page, "body", "color"), style(page, "body", "backgroundColor"))
    link_before = style(page, "main a", "color")
    set_display(page, senior=True)
    after = (style(page, "body", "color"), style(page, "body", "backgroundColor"))
    assert after != before
    assert after == ("rgb(255, 255, 255)", "rgb(0, 0, 0)")
    assert contrast(*after) >= 20
    assert style(page, "main a", "color") != link_before
    assert contrast(style(page, "main a", "color"), after[1]) >= 7
    page.reload()
    assert page.locator("#gk-senior").is_checked()
    assert style(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
    set_display(page, senior=False)
    page.reload()
    assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"


def test_high_contrast_preference_is_respected(browser, site_url):
    context = browser.new_context(locale="zh-CN", contrast="more")
    page = context.new_page()
    page.goto(site_url + "index.html")
    assert style(page, "body", "color") == "rgb(0, 0, 0)"
    context.close()


@pytest.mark.parametrize("name", ["home", "item-policy"])
def test_dark_color_scheme_keeps_7_to_1_contrast(browser, site_url, name):
    context = browser.new_context(locale="zh-CN", color_scheme="dark", bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    assert style(page, "body", "backgroundColor") == "rgb(18, 18, 18)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast', 'color-contrast-enhanced']}})")
    assert summary(result["violations"]) == []
    context.close()


def test_settings_also_apply_where_has_is_unsupported(page, site_url):
    """gongkai.js mirrors the choice on <html> for browsers without :has()."""
    page.goto(site_url + "index.html")
    set_display(page, "large", senior=True)
    dataset = "[document.documentElement.dataset.gkSize, 'gkSenior' in document.documentElement.dataset]"
    assert page.evaluate(dataset) == ["large", True]
    set_display(page, "standard", senior=False)
    assert page.evaluate("Object.keys(document.documentElement.dataset)") == []


def test_without_javascript_pages_render_navigate_and_text_size_works(browser, site_url):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "index.html")
    assert page.locator("h1").inner_text() == "政府信息公开目录"
    assert style(page, "body", "fontSize") == "18px"
    set_display(page, "largest", senior=True)  # CSS alone reads the checked inputs
    assert style(page, "body", "fontSize") == "30px"
    assert style(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
    with page.expect_navigation():  # waits for the new page to load
        page.locator(".gk-sections a").first.click()
    assert "/sections/" in page.url
    with page.expect_navigation():  # waits for the new page to load
        page.locator(".gk-item-list a").first.click()
    assert "/items/" in page.url
    assert page.locator(".gk-metadata").is_visible()
    assert page.locator("[data-module=gk-read-aloud]").is_hidden()  # no dead buttons without JS
    context.close()


SPEECH_STUB = Path(__file__).parent / "stubs" / "speech_synthesis.js"


def speech_calls(page) -> list[dict]:
    return page.evaluate("window.__speech.calls.splice(0)")  # the calls since the last look


def test_read_aloud_speaks_the_item_and_follows_the_reader(page, site_url):
    """朗读 drives the browser's speech synthesis (a recording test double: no timing,
    no voices installed on the machine) with the page's own script."""
    ui = ui_text()
    item = next(m for m in listed_items(ROOT / "content") if PAGE_TYPES["item-policy"] == f"items/{m['index_no']}.html")
    page.add_init_script(path=str(SPEECH_STUB))
    page.goto(site_url + PAGE_TYPES["item-policy"])
    control = page.locator("[data-module=gk-read-aloud]")
    assert control.is_visible()
    labels = [ui["read_aloud_start"], ui["read_aloud_pause"], ui["read_aloud_stop"]]
    assert control.get_by_role("button").all_inner_texts() == labels
    status = control.get_by_role("status")

    control.get_by_role("button", name=ui["read_aloud_start"]).click()
    assert status.inner_text() == ui["read_aloud_playing"]
    calls = speech_calls(page)
    assert calls[0] == {"call": "cancel"}  # whatever was being read stops first
    spoken = [c for c in calls[1:] if c["call"] == "speak"]
    assert len(spoken) == len(calls) - 1 > 1  # sentence by sentence
    assert {(c["lang"], c["voice"]) for c in spoken} == {("zh-CN", "stub-zh")}  # the Chinese voice
    assert spoken[0]["text"] == item["title"]
    first_paragraph = next(line for line in item["body"].splitlines() if line.strip())
    assert first_paragraph in [c["text"] for c in spoken]

    control.get_by_role("button", name=ui["read_aloud_pause"]).click()
    assert status.inner_text() == ui["read_aloud_paused"]
    assert speech_calls(page) == [{"call": "pause"}]
    control.get_by_role("button", name=ui["read_aloud_resume"]).click()
    assert status.inner_text() == ui["read_aloud_playing"]
    assert speech_calls(page) == [{"call": "resume"}]

    page.evaluate("window.__speech.finish()")  # the browser has read every sentence
    assert status.inner_text() == ui["read_aloud_stopped"]
    assert control.get_by_role("button", name=ui["read_aloud_pause"]).is_visible()

    control.get_by_role("button", name=ui["read_aloud_start"]).click()
    assert status.inner_text() == ui["read_aloud_playing"]
    speech_calls(page)
    control.get_by_role("button", name=ui["read_aloud_stop"]).click()
    assert status.inner_text() == ui["read_aloud_stopped"]
    assert speech_calls(page) == [{"call": "cancel"}]
    page.evaluate("window.__speech.finish()")  # a cancelled reading ends nothing further
    assert status.inner_text() == ui["read_aloud_stopped"]


def test_read_aloud_is_hidden_without_speech_synthesis(page, site_url):
    page.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page.goto(site_url + PAGE_TYPES["item-policy"])
    assert page.evaluate("typeof window.speechSynthesis") == "undefined"
    assert page.locator("[data-module=gk-read-aloud]").is_hidden()


def test_read_aloud_is_only_on_published_item_pages(page, site_url):
    for name in ["home", "section", "item-withdrawn"]:
        page.goto(site_url + PAGE_TYPES[name])
        assert page.locator("[data-module=gk-read-aloud]").count() == 0, name


@pytest.mark.parametrize("mode", ["standard", "largest", "senior"])
@pytest.mark.parametrize("name", PAGES)
def test_reflows_at_320_px_without_horizontal_scrolling(browser, site_url, sample_site, name, mode):
    """WCAG 1.4.10: 320 CSS px is also 1280 px at 400% zoom."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_page(page, site_url, sample_site, name)
    set_display(page, *DISPLAY_MODES[mode])
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_usable_at_200_percent_zoom(browser, site_url):
    """200% zoom of a 1280 px window is a 640 px viewport at device scale 2."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
    context.close()


def test_print_shows_the_document_without_navigation(page, site_url):
    page.goto(site_url + PAGE_TYPES["item-policy"])
    set_display(page, "largest", senior=True)  # the screen settings do not carry into print
    page.emulate_media(media="print")
    assert style(page, "html", "fontSize") == "16px"  # 12pt
    assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"
    for hidden in [".gk-header", ".gk-breadcrumbs", ".gk-footer", "[data-module=gk-read-aloud]", ".gk-skip-link"]:
        assert page.locator(hidden).is_hidden(), hidden
    for shown in [".gk-metadata", ".gk-body", ".gk-attachments"]:
        assert page.locator(shown).is_visible(), shown
    assert re.search(r"（PDF，[\d.]+ [KM]B）", page.locator(".gk-attachments").inner_text())
