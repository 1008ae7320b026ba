"""The read cache: a rebuild reads only changed files, and never serves stale results."""
import pickle
import shutil

from catalog_helpers import COUNTY, ROOT, item
from catalog_reader.read_cache import fingerprint


def cache_files(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file())


def cached(folder) -> dict:
    """Source path -> (digest, item) of every entry of the cache's shards."""
    entries = {}
    for shard in cache_files(folder):
        entries.update(pickle.loads(shard.read_bytes()))
    return entries


def test_rebuild_reuses_results_and_sees_edits(tree, tmp_path):
    cache = tmp_path / "cache"
    tree.write("a.md", item())
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", title="县政府关于开展安全生产检查的通知"))
    output = tmp_path / "output"
    assert tree.build(output, CATALOG_READ_CACHE=str(cache)).returncode == 0
    first = cached(cache)
    assert sorted(first) == ["a.md", "b.md"]
    # Mark a.md's cached result: a page that shows the mark was served from the cache, not read again.
    for shard in cache_files(cache):
        entries = pickle.loads(shard.read_bytes())
        if "a.md" in entries:
            entries["a.md"][1].summary = "缓存中的摘要"
            shard.write_bytes(pickle.dumps(entries))

    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", title="县政府关于开展安全生产大检查的通知"))
    # Every page rendered (no page cache), so that a.md's page shows what reading gave this build.
    assert tree.build(output, CATALOG_READ_CACHE=str(cache), CATALOG_PAGE_CACHE="").returncode == 0
    page = (output / "items" / COUNTY / "2025-00002.html").read_text(encoding="utf-8")
    assert "安全生产大检查" in page
    assert "缓存中的摘要" in (output / "items" / COUNTY / "2025-00001.html").read_text(encoding="utf-8")
    after = cached(cache)
    assert sorted(after) == ["a.md", "b.md"]
    assert after["a.md"][0] == first["a.md"][0] and after["b.md"][0] != first["b.md"][0]
    assert after["b.md"][1].meta.title == "县政府关于开展安全生产大检查的通知"

    (tree.root / "a.md").unlink()  # a deleted file's result is forgotten
    tree.write("c.md", item(index_no=f"{COUNTY}/2025-00003"))
    assert tree.build(output, CATALOG_READ_CACHE=str(cache)).returncode == 0
    assert sorted(cached(cache)) == ["b.md", "c.md"]


def test_problems_are_reported_from_the_cache_too(tree, tmp_path):
    cache = tmp_path / "cache"
    tree.write("a.md", item(date="2025/3/12"))
    for _ in range(2):
        result = tree.build(tmp_path / "output", CATALOG_READ_CACHE=str(cache))
        assert result.returncode != 0
        assert "a.md:5: 发布日期(date): 应为 YYYY-MM-DD" in result.stderr


def test_unreadable_cache_entry_is_read_again(tree, tmp_path):
    cache = tmp_path / "cache"
    tree.write("a.md", item())
    assert tree.build(tmp_path / "output", CATALOG_READ_CACHE=str(cache)).returncode == 0
    [entry] = cache_files(cache)
    entry.write_bytes(b"truncated")
    # A content change, so that the build reads (an unchanged site is not built again: build_cache).
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002"))
    assert tree.build(tmp_path / "output", CATALOG_READ_CACHE=str(cache)).returncode == 0
    assert entry.read_bytes() != b"truncated" and sorted(cached(cache)) == ["a.md", "b.md"]


def test_fingerprint_changes_with_code_messages_and_settings(tmp_path):
    plugins = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__"))
    settings = {"PATH": "content"}
    base = fingerprint(settings, plugins)
    assert fingerprint(settings, plugins) == base
    assert fingerprint({"PATH": "content", "CATALOG_SECTIONS": [("政策文件", "p")]}, plugins) != base
    messages = plugins / "catalog_model" / "zh_CN.yaml"
    messages.write_text(messages.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed_text = fingerprint(settings, plugins)
    assert changed_text != base
    schema = plugins / "catalog_model" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert fingerprint(settings, plugins) not in (base, changed_text)
