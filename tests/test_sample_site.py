"""The sample catalog, built with `make html` and read back with a real HTML parser.

Expected values come from the content files themselves (plain yaml.safe_load),
so the tests follow the sample content as editors change it.
"""
import datetime as dt
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from catalog_helpers import REFERENCE_DATE, ROOT, front_matter

from catalog_model.content_tree import item_files
from catalog_model.pelican_defaults import ARTICLE_EXCLUDES


CONTENT = ROOT / "content"


ITEMS = [front_matter(p) for p in item_files({"PATH": str(CONTENT), "ARTICLE_EXCLUDES": ARTICLE_EXCLUDES})]
BUILT = [m for m in ITEMS if m.get("status", "published") != "draft"]
LISTED = [m for m in BUILT if m.get("status", "published") == "published"]
BY_INDEX = {m["index_no"]: m for m in BUILT}


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html5lib")


def item_page(site, meta) -> BeautifulSoup:
    return page(site, f"items/{meta['index_no']}.html")


def cn(d) -> str:
    d = d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))
    return f"{d.year}年{d.month}月{d.day}日"


def links(soup) -> set[str]:
    return {a["href"] for a in soup.find_all("a", href=True)}


def target_href(meta) -> str:
    return f"../../items/{meta['index_no']}.html"


def test_sample_content_is_rich_enough():
    categories = Counter(m["category"] for m in LISTED)
    assert len(ITEMS) >= 40 and len(categories) == 11
    assert any(m.get("status") == "withdrawn" for m in ITEMS)
    assert any(m.get("status") == "draft" for m in ITEMS)
    assert any(m.get("validity") == "废止" for m in ITEMS)
    assert any(m.get("expires") and str(m["expires"]) < REFERENCE_DATE and m.get("validity") == "有效" for m in ITEMS)
    assert sum(1 for m in ITEMS if m.get("interprets")) >= 3
    assert sum(1 for m in ITEMS if m.get("attachments")) >= 3


def test_every_built_item_has_its_page_and_drafts_have_none(sample_site):
    for meta in ITEMS:
        exists = (sample_site / f"items/{meta['index_no']}.html").is_file()
        assert exists == (meta in BUILT), meta["index_no"]


def test_metadata_table_holds_the_values_in_policy_library_order(sample_site):
    for meta in BUILT:
        table = item_page(sample_site, meta).find("table", class_="gk-metadata")
        assert table.caption.get_text(strip=True) == "信息索引"
        rows = [(tr.th.get_text(strip=True), tr.td.get_text(strip=True)) for tr in table.find_all("tr")]
        optional = [label for key, label in (("genre", "体裁"), ("keywords", "主题词")) if meta.get(key)]
        after = [label for key, label in (("interpretation_form", "解读形式"),
                                          ("consultation_deadline", "征集截止日期")) if meta.get(key)]
        assert [r[0] for r in rows] == ["索引号", "主题分类", "发布机构", "成文日期", "标题", "文号", "发布日期",
                                        *optional, "有效性", *after]
        assert all(tr.th["scope"] == "row" for tr in table.find_all("tr"))
        values = dict(rows)
        assert values["索引号"] == meta["index_no"]
        assert values["标题"] == meta["title"]
        assert values["发布机构"] == meta["publisher"]
        assert values["发布日期"] == cn(meta["date"])
        assert values["文号"] == meta.get("doc_no", "无")
        assert values["主题分类"] == " › ".join(meta["topic"].split("\\")) if meta.get("topic") else "无"
        if meta.get("genre"):
            assert values["体裁"] == meta["genre"]
        if meta.get("keywords"):
            assert values["主题词"] == "，".join(_as_list(meta["keywords"]))
        if meta.get("written"):
            assert values["成文日期"] == cn(meta["written"])
        if meta.get("validity") and not meta.get("expires"):
            assert values["有效性"] == meta["validity"]


def test_expired_document_shows_as_expired(sample_site):
    expired = [m for m in BUILT if m.get("expires") and str(m["expires"]) < REFERENCE_DATE]
    assert expired
    for meta in expired:
        rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
                for tr in item_page(sample_site, meta).find("table", class_="gk-metadata").find_all("tr")}
        assert rows["有效性"].startswith("失效（有效期至")


@pytest.mark.parametrize("forward,backward", [("interprets", "interpreted_by"), ("replaces", "replaced_by"),
                                              ("repealed_by", "repeals")])
def test_relations_link_both_ways(sample_site, forward, backward):
    pairs = [(m, BY_INDEX[t]) for m in BUILT for t in _as_list(m.get(forward))]
    if forward == "interprets":
        assert len(pairs) >= 4
    for source, target in pairs:
        src, dst = item_page(sample_site, source), item_page(sample_site, target)
        assert target_href(target) in links(src.find("ul", attrs={"data-relation": forward}))
        assert target_href(source) in links(dst.find("ul", attrs={"data-relation": backward}))


def _as_list(value):
    return [] if value is None else value if isinstance(value, list) else [value]


def test_home_page_counts_match_the_content(sample_site):
    home = page(sample_site, "index.html")
    counts = Counter(m["category"] for m in LISTED)
    shown = {li.a.get_text(strip=True): int(li.find(class_="gk-count")["data-count"])
             for li in home.find("ul", class_="gk-sections").find_all("li")}
    assert shown == dict(counts)
    organ_counts = Counter(m["publisher"] for m in LISTED)
    for li in home.select("ul.gk-organs li"):
        count = int(li.find(class_="gk-count")["data-count"])
        if li.a is None:  # an organ without items is never a link to an empty page
            assert count == 0 and "暂无" in li.get_text()
        else:
            assert count == organ_counts[li.a.get_text(strip=True)] > 0


def test_section_listing_is_newest_first_with_the_five_columns(sample_site):
    listing = page(sample_site, "sections/policies/index.html")
    table = listing.find("table", class_="gk-item-list")
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == ["标题", "发布机构", "文号", "发布日期",
                                                                              "有效性"]
    dates = [tr.find("time")["datetime"] for tr in table.tbody.find_all("tr")]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == sum(1 for m in LISTED if m["category"] == "政策文件")


def test_withdrawn_item_is_a_tombstone_and_not_listed(sample_site):
    for meta in (m for m in BUILT if m.get("status") == "withdrawn"):
        soup = item_page(sample_site, meta)
        assert meta["withdrawn_reason"] in soup.find(class_="gk-withdrawn").get_text()
        assert soup.find(class_="gk-body") is None
        assert soup.find("table", class_="gk-metadata") is not None
        href_tail = f"items/{meta['index_no']}.html"
        for listing in sample_site.glob("sections/*/index.html"):
            assert href_tail not in listing.read_text(encoding="utf-8")


def test_item_pages_carry_the_government_website_meta_tags(sample_site):
    for meta in BUILT:
        soup = item_page(sample_site, meta)
        tags = {m["name"]: m["content"] for m in soup.find_all("meta", attrs={"name": True})}
        assert tags["ArticleTitle"] == meta["title"]
        assert tags["ColumnName"] == meta["category"]
        assert tags["ContentSource"] == meta["publisher"]
        assert tags["PubDate"] == str(meta["date"])
        assert tags["SiteName"] and tags["Description"]
        assert tags["Url"].endswith(f"/items/{meta['index_no']}.html")
        if meta.get("keywords"):
            assert tags["Keywords"].split(",") == _as_list(meta["keywords"])


def test_every_page_has_lang_breadcrumbs_and_one_main(sample_site):
    for path in sample_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        assert soup.html["lang"] == "zh-CN"
        assert len(soup.find_all("main")) == 1
        crumbs = soup.find("nav", attrs={"aria-label": "当前位置"})
        assert crumbs is not None and crumbs.find(attrs={"aria-current": "page"}), path


def test_every_internal_link_resolves(sample_site):
    for path in sample_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                url = urlsplit(el[attr])
                if url.scheme or url.netloc or not url.path:
                    continue
                assert (path.parent / unquote(url.path)).resolve().is_file(), (path, el[attr])


def test_attachments_are_published_with_type_and_size(sample_site):
    for meta in (m for m in BUILT if m.get("attachments")):
        items = item_page(sample_site, meta).select("ul.gk-attachments li")
        assert len(items) == len(meta["attachments"])
        for li, attachment in zip(items, meta["attachments"], strict=True):
            assert (sample_site / "attachments" / attachment["file"]).read_bytes() == \
                (CONTENT / attachment["file"]).read_bytes()
            assert re.search(r"（[A-Z]+，[\d.]+ (B|KB|MB)）", li.get_text()), li.get_text()


def test_no_pelican_blog_pages_are_written(sample_site):
    for name in ("archives.html", "categories.html", "tags.html", "authors.html", "drafts", "category"):
        assert not (sample_site / name).exists()
