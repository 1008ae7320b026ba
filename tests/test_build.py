"""Real builds with the README's command: failed builds publish nothing,
rebuilds keep unchanged files untouched for mirrors."""
import re
from pathlib import Path

from catalog_helpers import COUNTY, Tree, item


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def small_tree(tmp_path) -> Tree:
    tree = Tree(tmp_path / "content")
    tree.write("policies/a.md", item())
    tree.write("news/b.md", item(index_no=f"{COUNTY}/2025-00002", category="工作动态", validity=None,
                                 title="县政府召开政务公开工作推进会", date="2025-04-01"))
    return tree


def test_failed_build_leaves_existing_output_byte_identical(tmp_path):
    tree, output = small_tree(tmp_path), tmp_path / "output"
    assert tree.build(output).returncode == 0
    before = snapshot(output)
    tree.write("news/bad.md", item(index_no=f"{COUNTY}/2025-00003", date="2025/4/1", tittle="x"))
    result = tree.build(output)
    assert result.returncode != 0
    assert snapshot(output) == before
    assert "news/bad.md:5: 发布日期(date): 应为 YYYY-MM-DD" in result.stderr
    assert "news/bad.md:8: tittle: 未知字段 tittle (是否想写 title？)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_build_without_previous_output_creates_nothing_on_failure(tmp_path):
    tree, output = small_tree(tmp_path), tmp_path / "output"
    tree.write("bad.md", "no front matter\n")
    assert tree.build(output).returncode != 0
    assert not output.exists()


def test_rebuild_keeps_unchanged_files_untouched(tmp_path):
    tree, output = small_tree(tmp_path), tmp_path / "output"
    assert tree.build(output).returncode == 0
    before = snapshot(output)
    assert tree.build(output).returncode == 0
    assert snapshot(output) == before  # same bytes and same mtimes: rsync copies nothing


def test_editing_one_item_changes_only_a_few_files(tmp_path):
    tree, output = small_tree(tmp_path), tmp_path / "output"
    for n in range(3, 60):  # enough items for several listing pages
        tree.write(f"news/{n}.md", item(index_no=f"{COUNTY}/2024-{n:05d}", category="工作动态", validity=None,
                                        title=f"第{n}期政务公开工作简报", date=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"))
    assert tree.build(output).returncode == 0
    before = snapshot(output)
    tree.write("news/30.md", item(index_no=f"{COUNTY}/2024-00030", category="工作动态", validity=None,
                                  title="第30期政务公开工作简报（更正）", date="2024-07-03"))
    assert tree.build(output).returncode == 0
    after = snapshot(output)
    changed = sorted(name for name in after if before.get(name, (None,))[0] != after[name][0])
    # Precompressed siblings and the manifest follow the files (tests/test_mirror_output.py).
    changed = [name for name in changed if not name.endswith((".gz", ".br")) and not name.startswith("manifest")]
    pages = [name for name in changed if name.endswith(".html")]
    item_page = f"items/{COUNTY}/2024-00030.html"
    # The item, and in each listing that holds it (section, organ, the organ's
    # section, its year) the one numbered page it is on; no landing page.
    listing_pages = sorted(name for name, (data, _) in after.items()
                           if name.endswith(".html") and b"2024-00030.html" in data and name != item_page)
    assert sorted(pages) == sorted([item_page, *listing_pages])
    assert {"sections/news/2.html", f"organs/{COUNTY}/2.html"} <= set(listing_pages)
    assert all(re.search(r"/\d+\.html$", name) for name in listing_pages), listing_pages
    others = [name for name in changed if name not in pages]
    search = [name for name in others if name.startswith("search/")]
    assert len(search) <= 4, changed  # the search index files that hold the changed terms
    # the year's open-data file, and the feeds whose newest entries hold the item
    assert sorted(set(others) - set(search)) == sorted(
        ["data/catalog-2024.jsonl", "feeds/all.atom.xml", "feeds/section/news.atom.xml",
         f"feeds/organ/{COUNTY}.atom.xml"]), changed
    assert len(after) > 60


def test_output_opens_from_file_urls_with_relative_links(tmp_path):
    tree, output = small_tree(tmp_path), tmp_path / "output"
    assert tree.build(output).returncode == 0
    html = (output / "items" / COUNTY / "2025-00001.html").read_text(encoding="utf-8")
    assert 'href="../../index.html"' in html
    assert "http://" not in html.replace("http://www.w3.org", "")
