"""What a mirror gets besides the pages: precompressed siblings and the
manifest, and `make verify-mirror` checking a copy against it."""
import gzip
import hashlib
import json
import shutil
import subprocess

import brotli
import pytest

from catalog_helpers import COUNTY, ROOT, Tree, news_item

from mirror_publish.manifest import read_manifest

SIBLINGS = (".gz", ".br")
TEXT = (".html", ".css", ".js", ".json", ".csv", ".txt")


def site_tree(tmp_path) -> Tree:
    return Tree(tmp_path / "content").add_news(1, 29)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mirror")
    tree = site_tree(tmp)
    assert tree.build(tmp / "output").returncode == 0
    return tree, tmp / "output"


def files(folder):
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def test_text_files_have_deterministic_gzip_and_brotli_siblings(built):
    _, output = built
    found = files(output)
    originals = [rel for rel in found if rel.endswith(TEXT) and not rel.startswith("manifest")]
    with_siblings = [rel for rel in originals if rel + ".gz" in found]
    assert len(with_siblings) > 50
    for rel in originals:
        data = found[rel].read_bytes()
        if len(data) < 256:  # MIRROR_COMPRESS_MIN_BYTES: too small to gain anything
            assert rel + ".gz" not in found and rel + ".br" not in found
            continue
        gz, br = (found[rel + s].read_bytes() for s in SIBLINGS)
        assert gzip.decompress(gz) == data and brotli.decompress(br) == data
        assert gz[4:8] == b"\0\0\0\0" and not gz[3] & 0x08  # mtime 0, no file name: reproducible
    assert not any(rel.endswith((".gz.gz", ".br.br", ".gz.br")) for rel in found)


def test_one_item_edit_changes_siblings_of_changed_files_only(tmp_path):
    tree, output = site_tree(tmp_path), tmp_path / "output"
    assert tree.build(output).returncode == 0
    before = {rel: (p.read_bytes(), p.stat().st_mtime_ns) for rel, p in files(output).items()}
    tree.write("news/7.md", news_item(7, title="第7期政务公开工作简报（更正）"))
    assert tree.build(output).returncode == 0
    after = {rel: (p.read_bytes(), p.stat().st_mtime_ns) for rel, p in files(output).items()}
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    unchanged = after.keys() - changed
    for rel in unchanged:  # same bytes → same mtime, siblings and manifest chunks included
        assert before[rel] == after[rel]
    sources = {rel for rel in changed if not rel.endswith(SIBLINGS) and not rel.startswith("manifest")}
    assert f"items/{COUNTY}/2024-00007.html" in sources
    for rel in changed:
        if rel.endswith(SIBLINGS):
            assert rel[:-3] in sources, rel
    chunks = [rel for rel in changed if rel.startswith("manifest/")]
    assert "manifest.json" in changed and 0 < len(chunks) <= len(sources) * 3


def test_manifest_lists_every_file_with_size_and_sha256(built):
    _, output = built
    manifest, entries, broken = read_manifest(output / "manifest.json")
    assert broken == []
    assert manifest["build_date"] == "2026-01-01"  # the reference date, not the clock
    found = files(output)
    listed = {rel for rel in found if rel != "manifest.json" and not rel.startswith("manifest/")}
    assert entries.keys() == listed
    for rel, (size, digest) in entries.items():
        data = found[rel].read_bytes()
        assert (size, digest) == (len(data), hashlib.sha256(data).hexdigest())
    assert manifest["files"] == len(listed) and manifest["bytes"] == sum(s for s, _ in entries.values())
    assert {c["file"] for c in manifest["chunks"]} == {rel for rel in found if rel.startswith("manifest/")}
    assert len(manifest["chunks"]) >= 2  # the list is cut into chunks, not one file


def verify_mirror(mirror, *args):
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "verify-mirror", f"DIR={mirror}", *args],
                          capture_output=True, text=True, timeout=120)


def test_verify_mirror_finds_missing_changed_and_extra_files(built, tmp_path):
    _, output = built
    mirror = tmp_path / "mirror"
    shutil.copytree(output, mirror)
    result = verify_mirror(mirror)
    assert result.returncode == 0, result.stdout + result.stderr
    (mirror / "search.html").unlink()
    (mirror / "index.html.gz").write_bytes(b"tampered")
    (mirror / "stray.html").write_text("x")
    result = verify_mirror(mirror)
    assert result.returncode != 0
    lines = set(result.stdout.splitlines())
    assert {"缺少\tsearch.html", "内容不同\tindex.html.gz", "多余\tstray.html"} <= lines
    # Against the build's own manifest, a mirror that lost its manifest is told so too.
    (mirror / "manifest.json").unlink()
    result = verify_mirror(mirror, f"MANIFEST={output / 'manifest.json'}")
    assert result.returncode != 0 and "缺少\tmanifest.json" in result.stdout


def test_manifest_names_the_commit(tmp_path):
    tree = site_tree(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "c"]):
        subprocess.run([*git, *args], cwd=tree.root, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tree.root, capture_output=True, text=True).stdout.strip()
    assert tree.build(tmp_path / "output").returncode == 0
    assert json.loads((tmp_path / "output" / "manifest.json").read_text())["commit"] == head
