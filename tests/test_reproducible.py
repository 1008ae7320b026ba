"""Two builds of the same content are byte-identical, wherever they are built."""
import datetime as dt
import os
import shutil
import subprocess

from catalog_helpers import ROOT, build, listed_items, tree_bytes


def test_two_builds_are_byte_identical(tmp_path):
    # The second build reads a copy of the content whose files were written in
    # reverse order, so directory listing order cannot leak into the output.
    copy = tmp_path / "content-copy"
    files = sorted(p for p in (ROOT / "content").rglob("*") if p.is_file())
    for path in reversed(files):
        target = copy / path.relative_to(ROOT / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    first, second = tmp_path / "first", tmp_path / "second"
    # The copy is outside git: both builds are told the commit the manifest
    # names, and leave out the git history (tests/test_history.py).
    same = {"MIRROR_COMMIT": "0" * 40, "CATALOG_GIT_HISTORY": False}
    assert build(ROOT / "content", first, **same).returncode == 0
    assert build(copy, second, **same).returncode == 0
    a, b = tree_bytes(first), tree_bytes(second)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_reference_date_comes_from_git_not_the_clock(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-06-01T12:00:00+08:00", "GIT_COMMITTER_DATE": "2025-06-01T12:00:00+08:00"}
    env.pop("SOURCE_DATE_EPOCH", None)
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "c"]):
        subprocess.run(["git", *args], cwd=content, check=True, env=env)
    output = tmp_path / "output"
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html", f"CONTENT={content}",
                             f"OUTPUT={output}"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    # The sample's policies whose 有效期至 lies between the commit (2025-06-01) and
    # today are still valid as of the commit, though the clock says they expired.
    committed = dt.date(2025, 6, 1)
    pending = [m for m in listed_items(content)
               if m.get("validity") == "有效" and m.get("expires") and committed <= m["expires"] < dt.date.today()]
    assert pending
    for m in pending:
        page = (output / "items" / f"{m['index_no']}.html").read_text(encoding="utf-8")
        expires = f"有效期至{m['expires'].year}年{m['expires'].month}月{m['expires'].day}日"
        assert f"有效（{expires}）" in page and f"失效（{expires}）" not in page, m["index_no"]
