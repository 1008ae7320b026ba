"""Exact incremental builds: after each edit of a series, the rebuilt site
(which carries over every page whose inputs did not change) is byte for byte
a clean full build of the same content, it touches exactly the files whose
bytes changed, and it renders again only pages that show what was edited."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from catalog_helpers import ROOT, build, tree_bytes

# Organs of the sample's organs.yaml that the generated items publish under.
PUBLISHERS = {"清河县教育局": "11130534000000043E", "谢炉镇人民政府": "111305340000002388",
              "清河县民政局": None}
SECTIONS = ["工作动态", "公示公告", "财政信息", "重点领域信息", "行政执法公示"]
GENERATED = 160
ALWAYS_RENDERED = {"index.html", "search.html"}  # pages without a fingerprint


def organ_codes(content: Path) -> dict[str, str]:
    text = (content / "organs.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r'- name: "([^"]+)"\n  code: "([^"]+)"', text))


def generate(content: Path) -> None:
    """The sample catalog plus generated items spread over organs, sections and years."""
    shutil.copytree(ROOT / "content", content)
    codes = organ_codes(content)
    names = sorted(PUBLISHERS)
    for n in range(GENERATED):
        publisher = names[n % len(names)]
        year = 2021 + n % 4
        write_item(content, f"generated/{n:03d}.md", title=f"{publisher}第{n}号工作信息",
                   index_no=f"{codes[publisher]}/{year}-{9000 + n:05d}", publisher=publisher,
                   date=f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}", category=SECTIONS[n % len(SECTIONS)],
                   body=f"本条信息第{n}号，介绍{publisher}的工作情况。\n")


def write_item(content: Path, rel: str, body: str, **meta) -> Path:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "".join(f"{key}: {value}\n" for key, value in meta.items())
    path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")
    return path


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's (inode, mtime): a new inode means the build produced it again."""
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            out[path.relative_to(folder).as_posix()] = (stat.st_ino, stat.st_mtime_ns)
    return out


def pages_showing(site: dict[str, bytes], url: str) -> set[str]:
    """The pages of ``site`` that link to ``url`` (an output path), and that page itself."""
    name = url.rsplit("/", 1)[-1]
    return {page for page, data in site.items() if page.endswith(".html")
            and (page == url or (name.encode() in data and _links_to(page, data, url)))}


def _links_to(page: str, data: bytes, url: str) -> bool:
    folder = os.path.dirname(page)
    return any(os.path.normpath(os.path.join(folder, href.decode())) == url
               for href in re.findall(rb'href="([^"#?]+)', data))


def item_url(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return "items/" + re.search(r"^index_no: (\S+)", text, re.M).group(1) + ".html"


class Site:
    """One content tree built incrementally, step after step, and checked
    against a clean build after each step."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.content = tmp / "content"
        self.theme = tmp / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        generate(self.content)
        self.output = tmp / "incremental"
        self.settings = {"THEME": str(self.theme)}
        self.step = 0
        self.always: set[str] = set(ALWAYS_RENDERED)  # pages without a fingerprint (first step)
        self.site = self.build_incremental()
        assert self.site == self.clean()

    def build_incremental(self) -> dict[str, bytes]:
        result = self.last = build(self.content, self.output, **self.settings)
        assert result.returncode == 0, result.stderr[-3000:]
        return tree_bytes(self.output)

    def clean(self) -> dict[str, bytes]:
        self.step += 1
        output = self.tmp / f"clean-{self.step}"
        result = build(self.content, output, CATALOG_PAGE_CACHE="", CATALOG_READ_CACHE="", **self.settings)
        assert result.returncode == 0, result.stderr[-3000:]
        site = tree_bytes(output)
        shutil.rmtree(output)
        return site

    def edit(self, change) -> tuple[dict, set[str], set[str]]:
        """Apply ``change``, rebuild; returns (new site, files touched, pages rendered again)."""
        before, old = snapshot(self.output), self.site
        change()
        self.site = self.build_incremental()
        clean = self.clean()
        assert self.site.keys() == clean.keys()
        assert [name for name in clean if clean[name] != self.site[name]] == []
        after = snapshot(self.output)
        touched = {name for name in after if before.get(name, (None, None))[1] != after[name][1]}
        changed = {name for name in self.site if old.get(name) != self.site[name]}
        assert touched == changed, "unchanged files keep their mtime; changed ones get a new one"
        rendered = {name for name in after if name.endswith(".html")
                    and before.get(name, (None, None))[0] != after[name][0]}
        return old, touched, rendered


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return Site(tmp_path_factory.mktemp("incremental"))


def test_no_change_builds_nothing(site):
    """Every input as when the site was published: the build stops before reading anything."""
    _, touched, rendered = site.edit(lambda: None)
    assert touched == set() and rendered == set()
    assert "没有变化" in site.last.stdout


def test_a_file_no_page_reads_renders_only_pages_without_a_fingerprint(site):
    # The content tree changed (so the build runs), but no page shows the new file.
    _, touched, rendered = site.edit(lambda: (site.content / "备忘.txt").write_text("编辑的备忘\n", encoding="utf-8"))
    assert "没有变化" not in site.last.stdout
    assert touched == set()
    assert ALWAYS_RENDERED <= rendered
    # Item pages and every listing (sections, organs, facet values, the library) declare their
    # inputs; what is rendered again is only the page families that declare none (the home and
    # search pages, facet indexes, the platform's columns): later steps allow for them.
    assert not {name for name in rendered if name.startswith(("items/", "sections/", "organs/", "library/"))
                or name.count("/") > 1 and name.startswith(("topics/", "genres/", "years/", "validity/"))}
    site.always = rendered


@pytest.mark.parametrize("how", ["edited", "deleted"])
def test_a_published_file_changed_by_hand_is_restored(site, how):
    """The published folder is an output: a page edited or deleted there by hand is not
    trusted (its size and mtime differ from the record), and the next build restores it."""
    page = next(p for p in sorted(site.site) if p.startswith("items/") and p.endswith(".html"))
    published = site.output / page
    if how == "edited":
        edited = site.site[page].replace(b"<main", b"<main data-edited", 1)
        assert edited != site.site[page]
        published.write_bytes(edited)
    else:
        published.unlink()
    assert site.build_incremental() == site.site
    assert "没有变化" not in site.last.stdout


def test_add_an_item(site):
    path = site.content / "generated" / "new.md"
    code = organ_codes(site.content)["清河县教育局"]
    _, touched, rendered = site.edit(lambda: write_item(
        site.content, "generated/new.md", title="清河县教育局新增信息", index_no=f"{code}/2025-09999",
        publisher="清河县教育局", date="2025-12-30", category="工作动态", body="新增的一条信息。\n"))
    url = item_url(path)
    assert url in touched and "index.html" in touched
    assert rendered - site.always <= pages_showing(site.site, url) | _neighbours(site.site, url)


def _neighbours(site: dict[str, bytes], url: str) -> set[str]:
    """Listing pages next to one that shows ``url`` (their older/newer links and totals change too):
    the pages of every listing (section, organ, facet value, library) that shows it."""
    showing = pages_showing(site, url)
    return {page for page in site if page.endswith(".html") and page.split("/")[:2] in
            [p.split("/")[:2] for p in showing if "/" in p and not p.startswith("items/")]}


@pytest.mark.parametrize("what", ["title", "body"])
def test_change_one_item(site, what):
    path = site.content / "generated" / "007.md"
    url = item_url(path)
    old, touched, rendered = site.edit(lambda: replace(path, "第7号工作信息", "第7号工作信息（更正）") if what == "title"
                                       else replace(path, "介绍", "简要介绍"))
    showing = pages_showing(site.site, url)
    assert url in touched
    assert {p for p in touched if p.endswith(".html")} <= showing
    assert rendered - site.always <= showing
    if what == "body":
        assert {p for p in touched if p.endswith(".html")} == {url}


def test_change_a_publisher(site):
    path = site.content / "generated" / "010.md"
    url = item_url(path)
    text = path.read_text(encoding="utf-8")
    publisher = re.search(r"^publisher: (.+)$", text, re.M).group(1)
    codes = organ_codes(site.content)
    other = next(name for name in sorted(PUBLISHERS) if name != publisher)
    # A new publisher brings a new 索引号 (it starts with the publisher's code).
    new_text = text.replace(f"publisher: {publisher}", f"publisher: {other}").replace(codes[publisher], codes[other])
    old, touched, rendered = site.edit(lambda: path.write_text(new_text, encoding="utf-8"))
    new_url = item_url(path)
    assert url not in site.site and new_url in site.site
    allowed = pages_showing(old, url) | _neighbours(old, url) | pages_showing(site.site, new_url) \
        | _neighbours(site.site, new_url)
    assert rendered - site.always <= allowed
    assert any(p.startswith(f"organs/{codes[other]}/") for p in touched)


def test_withdraw_an_item(site):
    path = site.content / "generated" / "020.md"
    url = item_url(path)
    withdrawn = "\nstatus: withdrawn\nwithdrawn_reason: 内容有误\n---\n\n"
    old, touched, rendered = site.edit(lambda: replace(path, "\n---\n\n", withdrawn))
    assert "撤回" in site.site[url].decode() or url in touched
    assert rendered - site.always <= pages_showing(old, url) | _neighbours(old, url)


def test_delete_an_item(site):
    path = site.content / "generated" / "030.md"
    url = item_url(path)
    old, touched, rendered = site.edit(lambda: path.unlink())
    assert url not in site.site
    assert rendered - site.always <= pages_showing(old, url) | _neighbours(old, url)


def test_rename_an_organ(site):
    organs = site.content / "organs.yaml"
    items = [p for p in site.content.rglob("*.md") if "publisher: 谢炉镇人民政府" in p.read_text("utf-8")]

    def rename():
        replace(organs, '"谢炉镇人民政府"', '"谢炉镇人民政府（新）"')
        for p in items:
            replace(p, "publisher: 谢炉镇人民政府", "publisher: 谢炉镇人民政府（新）")
    _, touched, rendered = site.edit(rename)
    assert {item_url(p) for p in items} <= touched
    code = PUBLISHERS["谢炉镇人民政府"]
    assert "index.html" in touched and any(p.startswith(f"organs/{code}/") for p in touched)


def test_change_a_template(site):
    template = site.theme / "templates" / "item.html"
    _, touched, rendered = site.edit(lambda: replace(template, "{% block content %}",
                                                     "{% block content %}<!-- 模板已修改 -->"))
    items = {p for p in site.site if p.startswith("items/")}
    assert items <= touched
    assert not any(p.startswith(("sections/", "organs/")) for p in touched)


def test_change_a_setting(site):
    site.settings["CATALOG_PAGE_SIZE"] = 15
    _, touched, _ = site.edit(lambda: None)
    assert any(p.startswith("sections/") for p in touched)
    assert not any(p.startswith("items/") for p in touched)


def test_reference_date_past_an_expiry(site):
    policy = site.content / "policies" / "2025-00002-employment-measures.md"
    assert "expires: 2027-12-31" in policy.read_text(encoding="utf-8")
    url = item_url(policy)
    assert "有效（有效期至2027年12月31日）" in site.site[url].decode()

    def later():
        site.settings["CATALOG_REFERENCE_DATE"] = "2028-01-01"
    old, touched, _ = site.edit(later)
    assert "失效" in site.site[url].decode()
    assert url in touched
    pages = {p for p in touched if p.startswith("items/") and p.endswith(".html")}  # not their .gz/.br
    assert pages <= {url} | {p for p in pages if "有效期至" in old[p].decode()}
