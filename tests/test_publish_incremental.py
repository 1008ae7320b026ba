"""Publishing a rebuild costs what the build produced, and trusts nothing else:
carried-over files keep their published siblings and manifest entries only
while they are exactly the published files, the link check reads only the
pages it must and reports what a full check reports, and the compressed
siblings do not depend on the number of compressing processes."""
from __future__ import annotations

import os
import random
import shutil

from catalog_helpers import COUNTY, Tree, news_item, tree_bytes

from link_check.checker import check_site, published
from mirror_publish.manifest import verify

NEWS = 29
SIBLINGS = (".gz", ".br")


def inodes(folder) -> dict[str, int]:
    """Each file's inode: a file written again gets a new one, a carried-over link keeps it."""
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def siblings_of(files) -> set[str]:
    return {rel + suffix for rel in files for suffix in SIBLINGS}


def test_rebuilds_equal_a_clean_build_and_hand_edits_are_not_trusted(tmp_path):
    tree = Tree(tmp_path / "content").add_news(1, NEWS)
    output = tmp_path / "output"
    assert tree.build(output).returncode == 0
    first = inodes(output)
    assert tree.build(output).returncode == 0
    again = inodes(output)
    kept = {rel for rel in again if rel.endswith(SIBLINGS) or rel.startswith("manifest/")}
    assert kept and {rel for rel in kept if again[rel] != first.get(rel)} == set()  # nothing compressed again

    # By hand, in the published site: a page grows, and a sibling of another page keeps its size.
    page = output / "items" / COUNTY / "2024-00003.html"
    page.write_bytes(page.read_bytes() + b"<!-- by hand -->")
    tampered = f"items/{COUNTY}/2024-00005.html"
    sibling = output / f"{tampered}.gz"
    data = sibling.read_bytes()
    sibling.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    before = tree_bytes(output)
    tree.write("news/7.md", news_item(7, title="第7期政务公开工作简报（更正）"))
    result = tree.build(output)
    assert result.returncode == 0, result.stderr[-3000:]
    after, site = inodes(output), tree_bytes(output)
    changed = {rel for rel in site if not rel.endswith(SIBLINGS) and before.get(rel) != site[rel]}
    assert {f"items/{COUNTY}/2024-00003.html", f"items/{COUNTY}/2024-00007.html"} <= changed
    renewed = {rel for rel in after if rel.endswith(SIBLINGS) and after[rel] != again.get(rel)}
    # Compressed again: the siblings of changed files, and both of the page whose sibling was touched.
    assert renewed == (siblings_of(changed) | siblings_of([tampered])) & site.keys()

    clean = tmp_path / "clean"
    result = tree.build(clean, CATALOG_PAGE_CACHE="", CATALOG_READ_CACHE="")
    assert result.returncode == 0, result.stderr[-3000:]
    expected = tree_bytes(clean)
    assert site.keys() == expected.keys()
    assert [rel for rel in expected if site[rel] != expected[rel]] == []  # manifest and siblings included
    assert not any(verify(output, output / "manifest.json").values())


def test_compressed_output_does_not_depend_on_the_number_of_workers(tmp_path):
    tree = Tree(tmp_path / "content").add_news(1, 2 * NEWS)
    sites = []
    for workers in (1, 2):
        output = tmp_path / f"output-{workers}"
        result = tree.build(output, MIRROR_COMPRESS_WORKERS=workers, CATALOG_PAGE_CACHE="")
        assert result.returncode == 0, result.stderr[-3000:]
        produced = [rel for rel in inodes(output) if not rel.endswith(SIBLINGS) and not rel.startswith("manifest")]
        assert len(produced) >= 100  # work for two processes (files.produce: 50 files or more each)
        sites.append(tree_bytes(output))
    assert sites[0] == sites[1]


def write_pages(root, pages: dict[str, list[str]]) -> None:
    for page, links in pages.items():
        path = root / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f' <a href="{link}">x</a>' for link in links), encoding="utf-8")


def relative(page: str, target: str) -> str:
    depth = page.count("/")
    return "../" * depth + target


def outcome(report) -> tuple:
    return (sorted((b.page, b.target) for b in report.broken), report.pages, report.links, report.external)


def test_cached_link_check_reports_what_a_full_check_reports(tmp_path):
    """Pages come, go and change at random; a page kept as the very same file is
    only read again when a file it links to disappeared; the report always
    equals a check without cache."""
    rng = random.Random(13)
    site = tmp_path / "site"
    names = [f"p{n}.html" if n % 3 else f"d{n % 4}/p{n}.html" for n in range(40)] + ["img/a.png", "img/b.png"]

    def links_of(page):
        return [relative(page, rng.choice(names)) for _ in range(rng.randint(0, 4))] + \
            (["https://www.gov.cn/"] if rng.random() < 0.2 else [])

    present = {name: links_of(name) for name in names if name.endswith(".html")}
    write_pages(site, present)
    (site / "img").mkdir()
    for image in ("img/a.png", "img/b.png"):
        (site / image).write_bytes(b"png")
    cache: dict = {}
    for _ in range(12):
        # Keep most pages as they are (same files), delete some files, add or rewrite a few pages.
        for name in rng.sample(names, 3):
            path = site / name
            if path.exists():
                path.unlink()
                present.pop(name, None)
        for name in rng.sample([n for n in names if n.endswith(".html")], 3):
            present[name] = links_of(name)
            write_pages(site, {name: present[name]})
        if rng.random() < 0.5:
            (site / "img/a.png").write_bytes(b"png")
        assert outcome(check_site(site, cache)) == outcome(check_site(site))
    assert any(check_site(site).broken)  # the series did break links


def test_carried_page_whose_target_disappeared_is_reported(tmp_path):
    site = tmp_path / "site"
    write_pages(site, {"index.html": ["items/a.html", "items/b.html"], "items/a.html": ["../index.html"],
                       "items/b.html": []})
    cache: dict = {}
    assert check_site(site, cache).broken == []
    # A rebuild carries index.html over (the very same file) and no longer writes items/b.html.
    moved = tmp_path / "moved"
    shutil.move(site / "items" / "b.html", moved)
    for _ in range(2):  # and again while it stays missing
        report = check_site(site, cache)
        assert [(b.page, b.target) for b in report.broken] == [("index.html", "items/b.html")]
    # It comes back: the page is fine again, and stays so while nothing changes.
    shutil.move(moved, site / "items" / "b.html")
    assert check_site(site, cache).broken == []
    assert check_site(site, cache).broken == []


def test_pages_published_with_their_old_mtime_are_not_read_again(tmp_path):
    site = tmp_path / "site"
    write_pages(site, {"index.html": ["a.html"], "a.html": []})
    cache: dict = {}
    assert sorted(check_site(site, cache).read) == ["a.html", "index.html"]
    assert check_site(site, cache).read == []
    write_pages(site, {"a.html": []})  # rendered again, the same bytes
    report = check_site(site, cache)
    assert report.read == ["a.html"]
    os.utime(site / "a.html", ns=(0, 10**9))  # publishing gives it its old mtime back
    published(cache, str(site), report.read)
    assert check_site(site, cache).read == []
    (site / "a.html").write_text(' <a href="nowhere.html">x</a>', encoding="utf-8")  # by hand, later
    report = check_site(site, cache)
    assert report.read == ["a.html"] and [b.target for b in report.broken] == ["nowhere.html"]
