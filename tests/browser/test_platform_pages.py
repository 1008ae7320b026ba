"""The platform's pages in Debian's chromium: axe-core finds no WCAG 2.2 A/AA
violation on any of them in any display mode; the application form prints
on one A4 sheet (blank and filled in) and the 年报 statistics print on A4,
counted in the PDF Chromium's print produces (pypdf)."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from browser_helpers import DISPLAY_MODES, axe_violations, set_display

A4_POINTS = (595, 842)  # 210 × 297 mm


def platform_pages(site) -> list[str]:
    """One page of each new template, found in the built sample site (an organ's
    guide and a 制度 page share a template, as do the county's and an organ's statistics)."""
    organ_guide = sorted(p for p in (site / "guide").glob("*.html") if p.name != "index.html")[0]
    kind = sorted((site / "statutory").glob("*/index.html"))[0]
    county_stats = sorted((site / "reports").glob("*/index.html"))[-1]
    return ["guide/index.html", organ_guide.relative_to(site).as_posix(), "rules/index.html",
            "statutory/index.html", kind.relative_to(site).as_posix(), "reports/index.html",
            county_stats.relative_to(site).as_posix(), "apply/index.html", "apply/form.html", "apply/form-fill.html"]


@pytest.fixture(scope="module")
def axe_context(browser):
    context = browser.new_context(locale="zh-CN", bypass_csp=True)
    yield context
    context.close()


@pytest.mark.parametrize("mode", DISPLAY_MODES)
def test_axe_finds_no_violations_on_any_platform_page(axe_context, site_url, sample_site, mode):
    page = axe_context.new_page()
    found = {}
    for path in platform_pages(sample_site):
        page.goto(site_url + path)
        set_display(page, *DISPLAY_MODES[mode])
        violations = axe_violations(page)
        if violations:
            found[path] = [f"{v['id']}: {v['help']} ({v['nodes'][0]['target'][0]})" for v in violations]
    page.close()
    assert found == {}


def pdf_pages(page) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


@pytest.mark.parametrize("path", ["apply/form.html", "apply/form-fill.html"])
def test_the_application_form_prints_on_one_a4_sheet(page, site_url, path):
    page.goto(site_url + path)
    if path.endswith("fill.html"):  # filled in as an applicant would, long description included
        page.get_by_label("姓名", exact=True).fill("张三")
        page.get_by_label("所需信息的内容描述").fill("2024年度本县城乡居民最低生活保障资金发放情况。" * 6)
        page.get_by_label("邮寄").check()
    assert pdf_pages(page) == [A4_POINTS]


def test_the_form_sends_nothing(page, site_url):
    """No action, no submit button: Enter in a field does not navigate."""
    page.goto(site_url + "apply/form-fill.html")
    form = page.locator("form.gk-form")
    assert form.get_attribute("action") is None
    assert form.locator("button, input[type=submit], input[type=image]").count() == 0
    url = page.url
    page.get_by_label("姓名", exact=True).fill("张三")
    page.get_by_label("姓名", exact=True).press("Enter")
    page.wait_for_timeout(200)
    assert page.url == url
    assert page.get_by_label("姓名", exact=True).input_value() == "张三"


def test_the_statistics_print_on_a4_with_every_table(page, site_url, sample_site):
    path = sorted((sample_site / "reports").glob("*/index.html"))[-1].relative_to(sample_site).as_posix()
    page.goto(site_url + path)
    sizes = pdf_pages(page)
    assert sizes and set(sizes) == {A4_POINTS}
    page.emulate_media(media="print")
    tables = page.locator(".gk-data-table")
    # Printed, no table is cut off at the right edge: it fits the page width.
    for i in range(tables.count()):
        box = tables.nth(i).evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert box[0] <= box[1], f"table {i} is wider than the printed page"
