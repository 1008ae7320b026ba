"""Browsing the sample catalog as a citizen (issue 10): facets, organ pages,
the 政策文件库, lifecycle notices, consultations, feeds, sitemap, open data,
JSON-LD and the site identity. Expectations come from the content files."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

import feedparser
import jsonschema
import pytest
import yaml
from lxml import etree

from catalog_helpers import REFERENCE_DATE, ROOT
from test_sample_site import BUILT, BY_INDEX, CONTENT, LISTED, _as_list, cn, item_page, page

from catalog_model.schema import FIELDS
from catalog_model.vocabulary import GENRES, TOPICS
from catalog_pages.facets import VALIDITY_SLUGS, short_hash

SITE_URL = "https://www.qinghe.gov.cn/xxgk"
REF = dt.date.fromisoformat(REFERENCE_DATE)
WITHDRAWN = [m for m in BUILT if m.get("status") == "withdrawn"]
ORGANS = yaml.safe_load((CONTENT / "organs.yaml").read_text(encoding="utf-8"))
CODE = {o["name"]: o["code"] for o in ORGANS}


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def validity(meta) -> str | None:
    if meta.get("validity") == "有效" and meta.get("expires") and as_date(meta["expires"]) < REF:
        return "失效"
    return meta.get("validity")


def listed_hrefs(site: Path, folder: str) -> list[str]:
    """Item pages linked from every page of one listing (landing and numbered)."""
    found = []
    for path in sorted((site / folder).glob("*.html")):
        for a in page(site, str(path.relative_to(site))).select("table.gk-item-list td.gk-item-list__title a"):
            found.append(a["href"].rsplit("items/", 1)[1])
    return found


def index_of(hrefs) -> Counter:
    return Counter(h.removesuffix(".html") for h in hrefs)


def expect_listing(site: Path, folder: str, metas) -> None:
    """The listing under ``folder`` holds exactly these items (each once, across its pages)."""
    assert index_of(set(listed_hrefs(site, folder))) == Counter(m["index_no"] for m in metas), folder


# -- facets --------------------------------------------------------------------

def test_every_topic_value_and_second_level_lists_its_items(sample_site):
    by_first, by_second = defaultdict(list), defaultdict(list)
    for m in LISTED:
        if m.get("topic"):
            first, _, second = m["topic"].partition("\\")
            by_first[first].append(m)
            if second:
                by_second[(first, second)].append(m)
    assert by_second, "the sample should use second-level topics"
    for first, metas in by_first.items():
        expect_listing(sample_site, f"topics/{TOPICS.index(first) + 1:02d}", metas)
    for (first, second), metas in by_second.items():
        expect_listing(sample_site, f"topics/{TOPICS.index(first) + 1:02d}/{short_hash(second)}", metas)
    index = page(sample_site, "topics/index.html")
    counts = {a.get_text(strip=True): int(a.find_next(class_="gk-count")["data-count"]) for a in index.select("main li > a")}
    assert counts == {**{k: len(v) for k, v in by_first.items()},
                      **{f"{f} › {s}": len(v) for (f, s), v in by_second.items()}}


@pytest.mark.parametrize("key,folder,slug", [
    ("genre", "genres", lambda v: f"{GENRES.index(v) + 1:02d}"),
    ("year", "years", str),
    ("validity", "validity", VALIDITY_SLUGS.get),
])
def test_genre_year_and_validity_facets_list_their_items(sample_site, key, folder, slug):
    values = defaultdict(list)
    for m in LISTED:
        value = {"genre": m.get("genre"), "year": as_date(m["date"]).year, "validity": validity(m)}[key]
        if value:
            values[value].append(m)
    assert len(values) >= 3
    for value, metas in values.items():
        expect_listing(sample_site, f"{folder}/{slug(value)}", metas)
    index = page(sample_site, f"{folder}/index.html")
    shown = [int(s["data-count"]) for s in index.select("main .gk-count")]
    assert sorted(shown) == sorted(len(v) for v in values.values())
    assert len(index.select("main a[href]")) == len(values)  # a value without items gets no link


def test_home_links_every_facet_and_the_library(sample_site):
    home = page(sample_site, "index.html")
    hrefs = {a["href"] for a in home.select("main a[href]")}
    for target in ("topics/index.html", "genres/index.html", "years/index.html", "validity/index.html",
                   "library/index.html"):
        assert f"./{target}" in hrefs or target in hrefs, target


def test_organ_pages_are_small_catalogs(sample_site):
    for organ in ORGANS:
        metas = [m for m in LISTED if m["publisher"] == organ["name"]]
        assert metas, f"every organ of the sample has items: {organ['name']}"
        soup = page(sample_site, f"organs/{organ['code']}/index.html")
        sections = Counter(m["category"] for m in metas)
        shown = {li.a.get_text(strip=True).split("：", 1)[1]: int(li.find(class_="gk-count")["data-count"])
                 for li in soup.select("[aria-labelledby=gk-children] li")}
        assert shown == dict(sections)
        details = {dt_.get_text(strip=True): dd.get_text(strip=True)
                   for dt_, dd in zip(soup.select(".gk-organ__details dt"), soup.select(".gk-organ__details dd"), strict=False)}
        labels = {"duty": "机构职能", "head": "负责人", "address": "办公地址", "hours": "办公时间",
                  "phone": "联系电话", "postcode": "邮政编码"}
        assert details == {label: str(organ[key]) for key, label in labels.items() if organ.get(key)}
    assert any(o.get("duty") for o in ORGANS)


def test_listings_show_publisher_and_doc_no_and_link_their_feed(sample_site):
    for rel in ["sections/policies/index.html", f"organs/{ORGANS[0]['code']}/index.html"]:
        soup = page(sample_site, rel)
        feed = soup.find("link", rel="alternate", type="application/atom+xml", title=lambda t: "最新公开" not in t)
        assert feed and (sample_site / rel).parent.joinpath(feed["href"]).resolve().is_file()
        assert soup.select_one(".gk-feed__link")["href"] == feed["href"]
        for tr in soup.select("table.gk-item-list tbody tr"):
            meta = BY_INDEX[tr.a["href"].rsplit("items/", 1)[1].removesuffix(".html")]
            cells = tr.find_all("td")
            assert cells[1].get_text(strip=True) == meta["publisher"]
            assert cells[2].get_text(strip=True) == meta.get("doc_no", "")


# -- 政策文件库 ------------------------------------------------------------------

def test_policy_library_holds_the_normative_documents_with_static_filters(sample_site):
    documents = [m for m in LISTED if m["category"] == "政策文件" and m.get("doc_no")]
    expect_listing(sample_site, "library", documents)
    by_validity, by_year = defaultdict(list), defaultdict(list)
    for m in documents:
        by_validity[validity(m)].append(m)
        by_year[as_date(m["date"]).year].append(m)
    assert len(by_validity) >= 2
    for value, metas in by_validity.items():
        expect_listing(sample_site, f"library/{VALIDITY_SLUGS[value]}", metas)
    for year, metas in by_year.items():
        expect_listing(sample_site, f"library/{year}", metas)
    rows = json.loads((sample_site / "library/documents.json").read_text(encoding="utf-8"))
    assert sorted(r[1] for r in rows) == sorted(m["doc_no"] for m in documents)
    assert all((sample_site / r[5]).is_file() for r in rows)


# -- lifecycle -------------------------------------------------------------------

def notice(site, meta):
    soup = item_page(site, meta)
    box = soup.find(class_="gk-notice")
    if box is not None:  # said before the metadata table and the text
        assert box.find_next("table", class_="gk-metadata") is not None
    return box


def test_repealed_expired_and_amended_documents_say_so_at_the_top(sample_site):
    seen = set()
    for meta in (m for m in LISTED if m.get("validity")):
        box, value = notice(sample_site, meta), validity(meta)
        if value == "有效":
            assert box is None, meta["index_no"]
            continue
        seen.add(value)
        text = box.get_text(" ", strip=True)
        if value == "废止" and meta.get("repealed_by"):
            by = [BY_INDEX[i] for i in _as_list(meta["repealed_by"])]
            assert f"本文件已于{cn(min(as_date(b['date']) for b in by))}废止" in text
            assert all(f"items/{b['index_no']}.html" in str(box) for b in by)
        elif value == "失效" and meta.get("expires"):
            assert f"本文件有效期至{cn(meta['expires'])}，现已失效" in text
        elif value == "已修改":
            assert "本文件已修改" in text
    assert {"废止", "失效", "已修改"} <= seen


def test_withdrawn_item_keeps_its_url_as_a_tombstone_and_leaves_everything_else(sample_site):
    assert WITHDRAWN
    for meta in WITHDRAWN:
        soup = item_page(sample_site, meta)
        box = soup.find(class_="gk-withdrawn")
        if meta.get("withdrawn_date"):
            assert f"撤回日期：{cn(meta['withdrawn_date'])}" in box.get_text()
        if meta.get("corrected_by"):
            assert box.find("a", href=f"../../items/{meta['corrected_by']}.html")
        # Only related item pages (the correcting item) still link it: no listing, facet, feed,
        # sitemap, data file or search file does.
        tail = f"{meta['index_no']}.html".encode()
        for path in sample_site.rglob("*"):
            rel = path.relative_to(sample_site).as_posix()
            listed_files = path.suffix in (".html", ".xml", ".json", ".jsonl")
            if path.is_file() and listed_files and not rel.startswith(("items/", "manifest/")):
                assert tail not in path.read_bytes(), rel
    assert any(m.get("corrected_by") and m.get("withdrawn_date") for m in WITHDRAWN)


def test_interpretations_and_sources_show_each_other_near_the_top(sample_site):
    pairs = [(m, BY_INDEX[t]) for m in BUILT for t in _as_list(m.get("interprets"))]
    for interpretation, source in pairs:
        top = item_page(sample_site, interpretation).select_one("section.gk-source [data-relation=interprets]")
        entry = top.find("a", href=f"../../items/{source['index_no']}.html").parent.get_text()
        assert source["title"] in entry and source.get("doc_no", "") in entry
        if validity(source):
            assert f"有效性：{validity(source)}" in entry
        src = item_page(sample_site, source)
        listed = src.select_one("section.gk-source [data-relation=interpreted_by]")
        assert listed.find_next(class_="gk-body") is not None  # next to the metadata, before the text
        entry = listed.find("a", href=f"../../items/{interpretation['index_no']}.html").parent.get_text()
        if interpretation.get("interpretation_form"):
            assert f"解读形式：{interpretation['interpretation_form']}" in entry
    assert {m.get("interpretation_form") for m in BUILT} >= {"文字解读", "图解", "问答"}


def test_consultations_show_their_state_and_link_their_feedback_both_ways(sample_site):
    consultations = [m for m in LISTED if m.get("consultation_deadline")]
    assert consultations
    listing = page(sample_site, "sections/consultations/index.html")
    for meta in consultations:
        state = "征集中" if REF <= as_date(meta["consultation_deadline"]) else "已结束"
        row = listing.find("a", href=f"../../items/{meta['index_no']}.html").find_parent("tr")
        assert row.find(attrs={"data-consultation": state})
        assert f"{cn(meta['consultation_deadline'])}（{state}）" in item_page(sample_site, meta).get_text()
    feedback = [m for m in LISTED if m.get("feedback_for")]
    assert feedback
    for meta in feedback:
        for target in _as_list(meta["feedback_for"]):
            mine = item_page(sample_site, meta).select_one("[data-relation=feedback_for]")
            assert mine.find("a", href=f"../../items/{target}.html")
            theirs = item_page(sample_site, BY_INDEX[target]).select_one("[data-relation=feedback]")
            assert theirs.find("a", href=f"../../items/{meta['index_no']}.html")


def test_metadata_table_writes_topics_with_a_chevron(sample_site):
    meta = next(m for m in BUILT if "\\" in (m.get("topic") or ""))
    rows = {tr.th.get_text(strip=True): tr.td for tr in item_page(sample_site, meta).select("table.gk-metadata tr")}
    assert rows["主题分类"].get_text(strip=True) == meta["topic"].replace("\\", " › ")
    assert rows["索引号"].find("wbr") is not None  # breaks after "/", not inside the digits
    if meta.get("doc_no"):
        assert rows["文号"].select_one(".gk-nowrap").get_text().endswith("号")


# -- images ----------------------------------------------------------------------

def test_body_images_are_published_sized_lazy_and_weighed(sample_site):
    metas = [m for m in BUILT if "](files/" in (CONTENT / find_source(m)).read_text(encoding="utf-8")]
    assert metas
    for meta in metas:
        for img in item_page(sample_site, meta).select(".gk-body img"):
            assert img["loading"] == "lazy" and int(img["width"]) > 0 and int(img["height"]) > 0
            published = (sample_site / "items" / meta["index_no"]).parent.joinpath(img["src"]).resolve()
            assert published.is_file()
            assert "KB" in img.find_next_sibling(class_="gk-image-size").get_text() or \
                " B）" in img.find_next_sibling(class_="gk-image-size").get_text()
    alts = [img["alt"] for m in metas for img in item_page(sample_site, m).select(".gk-body img")]
    assert "" in alts and any(alts)  # a decorative image, and one that describes itself


def find_source(meta) -> str:
    for path in CONTENT.rglob("*.md"):
        if f"{meta['index_no']}" in path.read_text(encoding="utf-8"):
            return str(path.relative_to(CONTENT))
    raise AssertionError(meta["index_no"])


# -- feeds, sitemap, open data, JSON-LD, identity --------------------------------

def test_atom_feeds_parse_and_hold_the_newest_items(sample_site):
    feeds = sorted((sample_site / "feeds").rglob("*.atom.xml"))
    sections = {p.stem.removesuffix(".atom") for p in (sample_site / "feeds/section").glob("*.xml")}
    organs = {p.stem.removesuffix(".atom") for p in (sample_site / "feeds/organ").glob("*.xml")}
    assert organs == {o["code"] for o in ORGANS}
    assert len(sections) == len({m["category"] for m in LISTED})
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        kind = path.parent.name
        metas = [m for m in LISTED if kind == "feeds"
                 or (kind == "organ" and CODE[m["publisher"]] == path.name.split(".")[0])
                 or (kind == "section" and m["category"] in parsed.feed.title)]
        newest = sorted(metas, key=lambda m: (as_date(m["date"]), m["index_no"]), reverse=True)[:50]
        assert [e.link for e in parsed.entries] == [f"{SITE_URL}/items/{m['index_no']}.html" for m in newest]
        for entry, meta in zip(parsed.entries, newest, strict=False):
            assert entry.title == meta["title"]
            assert entry.published.startswith(str(meta["date"]))
            assert entry.author == meta["publisher"]
            assert entry["gk_index_no"] == meta["index_no"]


def test_sitemap_is_valid_and_lists_every_page_and_item(sample_site):
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests/data/sitemap.xsd")))
    document = etree.parse(str(sample_site / "sitemap.xml"))
    schema.assertValid(document)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in document.findall(".//s:loc", ns)]
    assert len(urls) == len(set(urls))
    assert all((sample_site / u.removeprefix(SITE_URL + "/")).is_file() for u in urls)
    items = {u for u in urls if "/items/" in u}
    assert items == {f"{SITE_URL}/items/{m['index_no']}.html" for m in LISTED}
    pages = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html")
             if not p.relative_to(sample_site).as_posix().startswith(("items/", "search"))}
    assert {u.removeprefix(SITE_URL + "/") for u in urls} - {u.removeprefix(SITE_URL + "/") for u in items} == pages
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots.splitlines()


def test_open_data_lines_follow_the_generated_schema(sample_site):
    schema = json.loads((sample_site / "data/catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert set(schema["properties"]) >= {k for k in FIELDS if k not in ("status", "withdrawn_reason",
                                                                          "withdrawn_date", "corrected_by",
                                                                          "privacy_allow")}
    index = json.loads((sample_site / "data/index.json").read_text(encoding="utf-8"))
    records = []
    for entry in index["files"]:
        lines = (sample_site / "data" / entry["file"]).read_text(encoding="utf-8").splitlines()
        assert len(lines) == entry["items"]
        for line in lines:
            record = json.loads(line)
            validator.validate(record)
            assert as_date(record["date"]).year == entry["year"]
            records.append(record)
    assert sorted(r["index_no"] for r in records) == sorted(m["index_no"] for m in LISTED)
    for record in records:
        meta = BY_INDEX[record["index_no"]]
        assert record["title"] == meta["title"] and record["effective_validity"] == validity(meta)
        assert (sample_site / record["url"]).is_file()
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**records[0], "date": 20250101})


def test_item_pages_carry_json_ld(sample_site):
    for meta in LISTED:
        script = item_page(sample_site, meta).find("script", type="application/ld+json")
        data = json.loads(script.string)
        assert data["@type"] == "DigitalDocument" and data["name"] == meta["title"]
        assert data["datePublished"] == str(meta["date"])
        assert data["publisher"]["name"] == meta["publisher"]
        assert {"@type": "PropertyValue", "name": "索引号", "value": meta["index_no"]} in data["identifier"]
        assert data["url"] == f"{SITE_URL}/items/{meta['index_no']}.html"


def test_footer_and_head_carry_the_site_identity(sample_site):
    settings = {}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), {"__file__": str(ROOT / "pelicanconf.py")}, settings)
    for rel in ["index.html", "sections/policies/index.html", f"items/{LISTED[0]['index_no']}.html"]:
        soup = page(sample_site, rel)
        assert soup.find("meta", attrs={"name": "SiteIDCode"})["content"] == settings["CATALOG_SITE_ID"]
        footer = soup.find("footer").get_text(" ", strip=True)
        for name in ("CATALOG_SPONSOR", "CATALOG_SITE_ID", "CATALOG_ICP", "CATALOG_PSB", "CATALOG_CONTACT"):
            assert settings[name] in footer
        links = {a.get_text(strip=True): a["href"] for a in soup.find("footer").find_all("a")}
        assert links[settings["CATALOG_ICP"]].startswith("https://beian.miit.gov.cn")
        assert links[settings["CATALOG_PSB"]].startswith("https://beian.mps.gov.cn")
