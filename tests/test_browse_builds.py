"""Browse pages on small built trees: facet pages that stay put as items are
added, bounded feeds, split sitemaps, empty organs, consultation states at the
reference date, image rules, and the advice ``make check`` gives."""
from __future__ import annotations

import datetime as dt

import feedparser
from lxml import etree

from catalog_helpers import COUNTY, REFERENCE_DATE, ROOT, TOWN, Tree, item
from test_build import snapshot
from test_sample_site import page

from catalog_model.text import message
from catalog_validation.advisories import advisories, empty_columns
from catalog_validation.validate import validate_tree

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def news(n: int, day: dt.date, **fields) -> str:
    return item(index_no=f"{COUNTY}/{day.year}-{n:05d}", category="工作动态", validity=None,
                title=f"第{n}期政务公开工作简报", date=day.isoformat(), topic="综合政务\\政务公开", genre="通报",
                **fields)


def test_facet_pages_stay_put_feeds_stay_bounded_and_sitemaps_split(tmp_path):
    tree, output = Tree(tmp_path / "content"), tmp_path / "output"
    start = dt.date(2024, 1, 1)
    for n in range(1, 61):
        tree.write(f"news/{n}.md", news(n, start + dt.timedelta(days=5 * n)))
    assert tree.build(output, CATALOG_FEED_ENTRIES=5, CATALOG_SITEMAP_MAX_URLS=10).returncode == 0
    before = snapshot(output)
    tree.write("news/61.md", news(61, dt.date(2024, 12, 30)))
    result = tree.build(output, CATALOG_FEED_ENTRIES=5, CATALOG_SITEMAP_MAX_URLS=10)
    assert result.returncode == 0, result.stderr
    after = snapshot(output)
    # 61 items, 20 a page: numbered pages 1 and 2 hold the 40 oldest, unchanged (page 3 only
    # gains its link to the new page 4).
    for folder in ("topics/02", "genres/09", "years/2024", "sections/news", f"organs/{COUNTY}"):
        assert after[f"{folder}/1.html"][0] == before[f"{folder}/1.html"][0], folder
        assert after[f"{folder}/2.html"][0] == before[f"{folder}/2.html"][0], folder
        assert f"{folder}/4.html" in after and f"{folder}/4.html" not in before
    parsed = feedparser.parse(after["feeds/all.atom.xml"][0])
    assert [e.title for e in parsed.entries] == [f"第{n}期政务公开工作简报" for n in range(61, 56, -1)]
    # past 10 URLs: an index of parts, each valid, together every page once
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests/data/sitemap.xsd")))
    index = etree.fromstring(after["sitemap.xml"][0])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    schema.assertValid(index)
    urls = []
    for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        part = etree.fromstring(after[loc.text.split("/xxgk/", 1)[1]][0])
        schema.assertValid(part)
        found = part.findall("s:url/s:loc", SITEMAP_NS)
        assert 0 < len(found) <= 10
        urls += [u.text for u in found]
    assert len(urls) == len(set(urls))
    pages = {name for name in after if name.endswith(".html")}
    assert {u.split("/xxgk/", 1)[1] for u in urls} <= pages  # every URL a page of the site
    assert {name for name in pages if name.startswith(("items/", "topics/", "sections/", "organs/"))} <= \
        {u.split("/xxgk/", 1)[1] for u in urls}  # every item and listing page in it


def test_empty_organ_is_shown_without_a_link_and_advised(tmp_path):
    tree, output = Tree(tmp_path / "content"), tmp_path / "output"
    tree.write("a.md", item())
    assert tree.build(output).returncode == 0
    home = page(output, "index.html")
    town = next(li for li in home.select("ul.gk-organs li") if "连庄镇人民政府" in li.get_text())
    assert town.a is None and "暂无" in town.get_text()
    assert not (output / "organs" / TOWN).exists()
    assert all(li.a is None for li in home.select("ul.gk-sections li") if "暂无" in li.get_text())
    catalog, _ = validate_tree(tree.settings())
    advice = [str(p) for p in empty_columns(catalog, "organs.yaml", "pelicanconf.py")]
    assert any("连庄镇人民政府" in a and "organs.yaml" in a for a in advice)
    assert sum("栏目" in a for a in advice) == 10  # every section but 政策文件


def test_consultation_state_at_the_reference_date_and_feedback_advice(tmp_path):
    tree, output = Tree(tmp_path / "content"), tmp_path / "output"
    reference = dt.date.fromisoformat(REFERENCE_DATE)
    deadlines = {1: reference + dt.timedelta(days=1), 2: reference, 3: reference - dt.timedelta(days=1),
                 4: reference - dt.timedelta(days=31)}
    for n, deadline in deadlines.items():
        tree.write(f"c{n}.md", item(index_no=f"{COUNTY}/2025-{n:05d}", category="意见征集", validity=None,
                                    title=f"关于公开征求第{n}项意见的公告", consultation_deadline=deadline.isoformat()))
    assert tree.build(output).returncode == 0
    listing = page(output, "sections/consultations/index.html")
    states = {tr.a.get_text(): tr.find(attrs={"data-consultation": True})["data-consultation"]
              for tr in listing.select("tbody tr")}
    assert states == {"关于公开征求第1项意见的公告": "征集中", "关于公开征求第2项意见的公告": "征集中",
                      "关于公开征求第3项意见的公告": "已结束", "关于公开征求第4项意见的公告": "已结束"}
    catalog, _ = validate_tree(tree.settings())
    due = [p for p in advisories(catalog) if "意见反馈" in p.text]
    assert [p.path for p in due] == ["c4.md"]  # closed 31 days ago; c3 closed only yesterday
    tree.write("f.md", item(index_no=f"{COUNTY}/2025-00009", category="意见征集", validity=None,
                            title="第4项意见采纳情况的反馈", feedback_for=f"{COUNTY}/2025-00004"))
    catalog, _ = validate_tree(tree.settings())
    assert not [p for p in advisories(catalog) if "意见反馈" in p.text]


def test_images_need_alt_text_an_existing_file_and_a_graphic_needs_text(tree):
    tree.write("files/chart.png", (ROOT / "content/files/divider.png").read_bytes())
    a = tree.write("a.md", item() + "\n![](files/chart.png)\n\n![装饰](files/chart.png)\n\n<img src=\"files/chart.png\">\n"
                   "\n![图表](files/missing.png)\n").read_text(encoding="utf-8").split("\n")
    line = {text: a.index(text) + 1 for text in a}
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", category="政策解读", validity=None,
                            interpretation_form="图解").split("\n---\n")[0] + "\n---\n\n![图解](files/chart.png)\n")
    problems = [str(p) for p in sorted(validate_tree(tree.settings(), bodies=True)[1])]
    text = message("image_alt_missing", src="files/chart.png")
    assert f"a.md:{line['![](files/chart.png)']}: 正文(body): {text}" in "\n".join(problems)
    html_img = line['<img src="files/chart.png">']
    assert f"a.md:{html_img}: 正文(body): {text}" in "\n".join(problems)
    assert not any(f"a.md:{line['![装饰](files/chart.png)']}:" in p for p in problems)  # decorative is fine
    assert any(p.startswith(f"a.md:{line['![图表](files/missing.png)']}:") and "files/missing.png" in p
               for p in problems)
    assert any(p.startswith("b.md:") and "解读形式(interpretation_form)" in p and "文字版" in p for p in problems)
    assert all("(" in p.split(": ", 2)[-1] for p in problems if "图片" in p)  # each with its fix


def test_large_images_are_advised(tree):
    tree.write("files/big.png", (ROOT / "content/files/divider.png").read_bytes() + b"\0" * 210 * 1024)
    tree.write("a.md", item() + "\n![示意图](files/big.png)\n")
    catalog, problems = validate_tree(tree.settings(), bodies=True)
    assert not [p for p in problems if p.severity == "error"]
    advice = [str(p) for p in advisories(catalog, tree.settings())]
    assert any("files/big.png" in a and "200 KB" in a for a in advice)


def test_without_a_site_url_no_sitemap_and_relative_feeds(tmp_path):
    tree, output = Tree(tmp_path / "content"), tmp_path / "output"
    tree.write("a.md", item())
    assert tree.build(output, CATALOG_SITE_URL="", CATALOG_SITE_ID="").returncode == 0
    assert not (output / "sitemap.xml").exists()
    assert "Sitemap" not in (output / "robots.txt").read_text(encoding="utf-8")
    parsed = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    assert not parsed.bozo and parsed.entries[0].link == f"../items/{COUNTY}/2025-00001.html"
    assert page(output, "index.html").find("meta", attrs={"name": "SiteIDCode"}) is None


def test_organ_details_are_validated_with_their_line(tree):
    from catalog_helpers import ORGANS
    tree.write("organs.yaml", ORGANS.replace("  short: 清政\n", "  short: 清政\n  phone: 0319-8123456\n  postcode: 05480\n"))
    tree.write("a.md", item())
    problems = tree.problems()
    line = ORGANS.split("\n").index("  short: 清政") + 3  # the postcode line
    assert [p for p in problems if "邮政编码" in p] == [p for p in problems if p.startswith(f"organs.yaml:{line}:")]
    assert len([p for p in problems if "邮政编码应为 6 位数字" in p]) == 1
    assert not any("联系电话" in p for p in problems)
