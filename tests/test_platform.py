"""The mandated platform (issue 11): pages validated like items, the 年报 data
file checked for the arithmetic its format implies and against the catalog,
and the four columns, 依申请公开 and the 年报 built from the sample content."""
from __future__ import annotations

import csv
import io
import re

from bs4 import BeautifulSoup

from catalog_helpers import COUNTY, ROOT, Tree, item

import disclosure_platform
import disclosure_platform.docs
from catalog_model.docs import with_tables
from catalog_model.content_tree import item_files
from catalog_validation.validate import validate_tree
from disclosure_platform.report_format import APPLICANTS, APPLICATION_ROWS
from disclosure_platform.statutory import KINDS

disclosure_platform.register_checks()

FIXTURE = ROOT / "tests" / "fixtures" / "platform" / "arithmetic-error.yaml"
GUIDE = """\
---
title: 清河县人民政府信息公开指南
kind: 公开指南
date: 2024-03-01
office: 县政务公开办公室
address: 人民路 1 号
hours: 工作日 8:30—17:30
phone: 0319-8123001
---

正文。
"""


def problems(tree: Tree) -> list[str]:
    return [str(p) for p in sorted(validate_tree(tree.settings())[1])]


def test_pages_are_not_items_and_every_page_problem_is_reported_with_its_line(tree):
    tree.write("policies/a.md", item())
    tree.write("pages/guide.md", GUIDE)
    tree.write("pages/broken.md", "---\ntitle: 指南\nkind: 公开制度表\norgan: 清河县政府\ndate: 2024/3/1\n---\n")
    tree.write("pages/guide-town.md", GUIDE.replace("phone: 0319-8123001\n", "").replace(
        "kind: 公开指南", "kind: 公开指南\norgan: 连庄镇人民政府"))
    tree.write("pages/guide-again.md", GUIDE)
    tree.write("pages/制度.md", "---\ntitle: 制度\nkind: 公开制度\ndate: 2024-03-01\n---\n")
    files = item_files(tree.settings())
    assert [p.relative_to(tree.root).as_posix() for p in files] == ["policies/a.md"]
    found = problems(tree)
    assert "pages/broken.md:3: 类型(kind): 应为以下之一：" in "\n".join(found)
    assert any(p.startswith("pages/broken.md:5: 发布日期(date): 应为 YYYY-MM-DD") for p in found)
    assert any(p.startswith("pages/guide-town.md:") and "联系电话(phone): 政府信息公开指南必须写明联系电话" in p
               for p in found)
    assert "pages/guide-again.md" in next(p for p in found if p.startswith("pages/guide.md:3: 类型(kind):"))
    assert any(p.startswith("pages/制度.md:1: ") and "小写字母" in p for p in found)
    # 清河县政府 is not in organs.yaml, but 2024/3/1 already made the page invalid: one message per mistake.
    assert not any("清河县政府" in p for p in found if p.startswith("pages/broken.md:4"))


def test_an_unknown_organ_on_a_page_is_answered_with_the_nearest_names(tree):
    tree.write("policies/a.md", item())
    tree.write("pages/guide.md", GUIDE.replace("kind: 公开指南", "kind: 公开指南\norgan: 连庄镇政府"))
    assert any(p.startswith("pages/guide.md:4: 所属机构(organ): 发布机构 '连庄镇政府' 不在机构名录")
               and "连庄镇人民政府" in p for p in problems(tree))


def test_the_deliberate_arithmetic_error_is_reported_with_row_column_and_both_numbers(tree):
    tree.write("policies/a.md", item())
    text = FIXTURE.read_text(encoding="utf-8")
    tree.write("report-data/2024/county.yaml", text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("new:"))
    counts = [int(x) for x in re.search(r"new: \[([^\]]*)\]", text).group(1).split(",")]
    assert sum(counts[:-1]) != counts[-1]  # the fixture's mistake
    found = problems(tree)
    assert found == [f"report-data/2024/county.yaml:{line}: 依申请公开·本年新收(applications.new): "
                     f"“{APPLICATION_ROWS[0].label}”行“{APPLICANTS[-1]}”列写的是 {counts[-1]}，"
                     f"按本行各列之和应为 {sum(counts[:-1])} (核对这一行和相关各行的数字)"]


def test_every_sample_data_file_adds_up(tmp_path):
    sample = Tree(tmp_path / "content")
    for path in (ROOT / "content" / "report-data").rglob("*.yaml"):
        sample.write(path.relative_to(ROOT / "content").as_posix(), path.read_text(encoding="utf-8"))
    sample.write("organs.yaml", (ROOT / "content" / "organs.yaml").read_text(encoding="utf-8"))
    assert problems(sample) == []


def test_balance_and_results_total_are_checked_per_column(tree):
    text = FIXTURE.read_text(encoding="utf-8").replace("1, 1, 9]", "1, 1, 8]")  # the fixture's mistake fixed

    def first_column_plus_one(row: str, source: str) -> str:
        match = re.search(rf"  {row}: \[(\d+), (.*)\]", source)
        rest = match.group(2).split(", ")
        return source.replace(match.group(0), f"  {row}: [{int(match.group(1)) + 1}, {', '.join(rest[:-1])}, "
                                              f"{int(rest[-1]) + 1}]")
    tree.write("report-data/2024/county.yaml", text)
    assert problems(tree) == []
    # One more 予以公开 than the 办理结果 总计 says, in the 自然人 column (and the row's own 总计).
    tree.write("report-data/2024/county.yaml", first_column_plus_one("granted", text))
    found = problems(tree)
    assert sorted(re.search(r"“[^”]*”行“[^”]*”列", p).group(0) for p in found) == sorted([
        "“（七）总计”行“自然人”列", "“（七）总计”行“总计”列"])
    assert all("按办理结果各行之和应为" in p for p in found)
    # One more 结转下年度 than 本年新收 + 上年结转 − 办理结果 leaves.
    tree.write("report-data/2024/county.yaml", first_column_plus_one("carried_out", text))
    found = problems(tree)
    assert sorted(re.search(r"“[^”]*”行“[^”]*”列", p).group(0) for p in found) == sorted([
        "“四、结转下年度继续办理”行“自然人”列", "“四、结转下年度继续办理”行“总计”列"])
    assert all("按本年新收加上年结转减去办理结果总计应为" in p for p in found)


def test_shape_mistakes_in_the_data_file_are_reported_together(tree):
    tree.write("report-data/2024/x.yaml", "organ: 清河县人民政府\nyear: 24\nlicensing: -1\nfees: 免费\n"
                                          "applications:\n  new: [1, 2]\n  结转: [0]\nreviw: [0, 0, 0, 0, 0]\n")
    found = "\n".join(problems(tree))
    for expected in ("x.yaml:2: 年度(year): 年度应为四位数字的年份", "x.yaml:3: 行政许可(licensing): 应为不小于 0 的整数",
                     "x.yaml:4: 行政事业性收费(fees): 应为不小于 0 的金额",
                     "x.yaml:6: 依申请公开·本年新收(applications.new): 应为 7 个",
                     "x.yaml:7: 依申请公开(applications): 未知字段 结转", "x.yaml:8: reviw: 未知字段 reviw (是否想写 review？)",
                     "x.yaml:1: 行政处罚(penalty): 缺少必填字段", "缺少\"四、结转下年度继续办理\"一行"):
        assert expected in found


def test_typed_figures_that_disagree_with_the_catalog_are_reported(tree):
    tree.write("policies/a.md", item(date="2024-03-12"))
    tree.write("policies/b.md", item(date="2024-05-01", index_no=f"{COUNTY}/2024-00002"))
    text = FIXTURE.read_text(encoding="utf-8").replace("1, 1, 9]", "1, 1, 8]")
    tree.write("report-data/2024/county.yaml", text + "normative: [2, 0, 1]\n")
    found = problems(tree)
    assert found == [f"report-data/2024/county.yaml:{len(text.splitlines()) + 1}: 行政规范性文件(normative): "
                     "“行政规范性文件”行“现行有效件数”列写的是 1，按目录中的信息计算为 2 "
                     "(核对目录中文件的体裁、有效性和废止依据，或改正此数字)"]


def test_readme_tables_cover_pages_and_report_data():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- page-model:start -->" in readme and "<!-- report-data:start -->" in readme
    assert with_tables(readme) == readme, "run: .venv/bin/python -m catalog_model.docs README.md disclosure_platform.docs"


# The sample site -------------------------------------------------------------

def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_home_links_the_four_columns_and_every_organ_guide_is_linked_from_its_organ_page(sample_site):
    nav = soup(sample_site, "index.html").find("nav", class_="gk-platform-nav")
    links = {a.get_text(): a["href"] for a in nav.find_all("a")}
    for name in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开工作年度报告", "依申请公开"):
        assert (sample_site / links[name]).is_file()
    guides = (ROOT / "content" / "pages").glob("guide-*.md")
    organs = [re.search(r"^organ: (.*)$", p.read_text(encoding="utf-8"), re.M) for p in guides]
    organs = [m.group(1) for m in organs if m]
    assert len(organs) >= 3
    organ_pages = {soup(sample_site, p.relative_to(sample_site).as_posix()).h1.get_text(): p
                   for p in (sample_site / "organs").glob("*/index.html")}
    for organ in organs:
        link = BeautifulSoup(organ_pages[organ].read_text(encoding="utf-8"), "html.parser").find(
            "p", class_="gk-guide-link").a
        assert (organ_pages[organ].parent / link["href"]).resolve().is_file()


def test_each_statutory_kind_shows_the_items_its_mapping_selects(sample_site):
    rows = soup(sample_site, "statutory/index.html").find("ol", class_="gk-statutory").find_all("li")
    titles = [li.get_text(strip=True).removesuffix(li.find(class_="gk-count").get_text(strip=True)) for li in rows]
    assert titles == list(KINDS)
    policies = len(list((ROOT / "content" / "policies").glob("*.md")))
    assert rows[0].find(class_="gk-count")["data-count"] == str(policies)  # kind 1 = 政策文件 by default
    for n, li in enumerate(rows, 1):
        count = int(li.find(class_="gk-count")["data-count"])
        assert (sample_site / f"statutory/{n}/index.html").exists() == bool(count)


def test_the_county_statistics_sum_the_organs_and_every_csv_opens_as_utf8(sample_site):
    year = max(int(p.name) for p in (sample_site / "reports").iterdir() if p.is_dir())
    folder = sample_site / "reports" / str(year)

    def applications(name: str) -> list[list[str]]:
        data = (folder / f"{name}-t6.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))

    organs = [p.stem for p in folder.glob("*.html") if p.stem != "index"]
    county = applications("index")
    assert county[0] == ["项目", *APPLICANTS]
    assert len(county) == 1 + len(APPLICATION_ROWS)
    for r in range(1, len(county)):
        assert [int(v) for v in county[r][1:]] == [sum(int(applications(o)[r][c]) for o in organs)
                                                  for c in range(1, len(APPLICANTS) + 1)]


def test_statistics_tables_name_their_headers_for_every_cell(sample_site):
    page = soup(sample_site, next((sample_site / "reports").glob("*/index.html")).relative_to(sample_site).as_posix())
    tables = page.find_all("table")
    assert len(tables) == 7
    for table in tables:
        ids = {th["id"] for th in table.find_all("th")}
        for td in table.find_all("td", class_="gk-num"):
            assert td.get("headers") and set(td["headers"]) <= ids and len(td["headers"]) >= 1
    applications = tables[5]
    assert len(applications.tbody.find_all("tr")) == len(APPLICATION_ROWS)
    assert len(tables[6].tbody.find("tr").find_all("td")) == 15


def test_application_pages_state_the_time_limits_and_link_the_forms(sample_site):
    page = soup(sample_site, "apply/index.html")
    text = page.get_text()
    assert "20 个工作日" in text and "第三十三条" in text
    for name in ("form.html", "form-fill.html"):
        link = page.find("a", href=re.compile(f"/{name}$"))
        assert (sample_site / "apply" / link["href"]).resolve() == (sample_site / "apply" / name).resolve()
    form = soup(sample_site, "apply/form-fill.html").find("form", class_="gk-form")
    for label in form.find_all("label"):
        if label.get("for"):
            assert form.find(id=label["for"])
    legends = [lg.get_text() for lg in form.find_all("legend")]
    for name in ("申请人信息", "自然人", "法人或其他组织", "所需信息描述", "获取方式"):
        assert name in legends


def test_a_build_stops_on_the_arithmetic_error_even_where_pelicanconf_forgets_the_pages_folder(tree, tmp_path):
    tree.write("policies/a.md", item())
    tree.write("pages/guide.md", GUIDE)
    tree.write("report-data/2024/county.yaml", FIXTURE.read_text(encoding="utf-8"))
    output = tmp_path / "output"
    result = tree.build(output, "EXTRA_SETTINGS=ARTICLE_EXCLUDES='[\"files\"]'")
    assert result.returncode != 0
    assert "report-data/2024/county.yaml:16: 依申请公开·本年新收(applications.new):" in result.stderr
    assert "pages/guide.md" not in result.stderr  # a page is never read as an item
    assert not output.exists()


def test_make_check_advises_about_unmapped_and_empty_statutory_kinds_and_missing_guides(tree):
    from catalog_validation.advisories import advisories
    tree.write("policies/a.md", item())
    settings = {**tree.settings(), "CATALOG_STATUTORY_MAP": {"1": {"sections": ["政策文件"]}, "3": {"sections": ["规划计划"]}}}
    catalog, _ = validate_tree(settings)
    advice = [str(p) for p in advisories(catalog, settings)]
    unmapped = [p for p in advice if "没有对应任何栏目" in p]
    empty = [p for p in advice if "还没有任何信息" in p]
    assert len(unmapped) == len(KINDS) - 2 and len(empty) == 1 and "第（三）项" in empty[0]
    assert any("本级政府还没有政府信息公开指南" in p for p in advice)
