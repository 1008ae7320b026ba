"""Revision history from git on item pages (plugins/catalog_pages/history.py):
dates and subjects of the commits that changed each file, read with one
`git log` for the whole tree; nothing in shallow clones' boundary, for files
with uncommitted changes, or outside git."""
import os
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from catalog_helpers import COUNTY, TOWN, Tree, build, item

A = f"items/{COUNTY}/2025-00001.html"
B = f"items/{TOWN}/2025-00002.html"


def git(repo: Path, *args: str, date: str = "2025-01-05T10:00:00+08:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", "-c", "user.name=县政务公开办", "-c", "user.email=gk@example.org", *args],
                          cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def history(output: Path, page: str) -> tuple[str | None, list[str]]:
    """(heading, [date + subject, …]) of the page's history section, (None, []) when it has none."""
    soup = BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser")
    section = soup.find(class_="gk-history")
    if section is None:
        return None, []
    return section.get_text(" ", strip=True), [li.get_text(" ", strip=True) for li in section.find_all("li")]


def repository(tmp_path) -> Tree:
    tree = Tree(tmp_path / "repo" / "content")  # content is a folder of the county's repository
    tree.write("a.md", item())
    tree.write("b.md", item(index_no=f"{TOWN}/2025-00002", publisher="连庄镇人民政府", title="连庄镇2025年工作要点"))
    (tmp_path / "repo" / "README.md").write_text("县政府信息公开目录\n")
    git(tree.root.parent, "init", "-q")
    git(tree.root.parent, "add", ".")
    git(tree.root.parent, "commit", "-qm", "新增两条信息")
    tree.write("a.md", item(title="清河县人民政府关于做好2025年就业创业工作的通知（修订）"))
    git(tree.root.parent, "commit", "-qam", "更正标题 <b>第1号</b>", date="2025-02-10T09:00:00+08:00")
    (tmp_path / "repo" / "README.md").write_text("县政府信息公开目录（说明）\n")
    tree.write("b.md", item(index_no=f"{TOWN}/2025-00002", publisher="连庄镇人民政府", title="连庄镇2025年工作要点（修订）"))
    git(tree.root.parent, "commit", "-qam", "修订连庄镇工作要点", date="2025-03-15T16:00:00+08:00")
    return tree


def counting_git(tmp_path) -> tuple[dict, Path]:
    """A PATH whose `git` records its arguments, then runs the real git."""
    shim = tmp_path / "bin"
    shim.mkdir()
    calls = tmp_path / "git-calls"
    (shim / "git").write_text(f'#!/bin/sh\necho "$*" >> {calls}\nexec {shutil.which("git")} "$@"\n')
    (shim / "git").chmod(0o755)
    return {"PATH": f"{shim}:{os.environ['PATH']}"}, calls


def test_item_pages_show_each_commit_that_changed_their_file(tmp_path, monkeypatch):
    tree, output = repository(tmp_path), tmp_path / "output"
    env, calls = counting_git(tmp_path)
    monkeypatch.setenv("PATH", env["PATH"])
    result = tree.build(output)
    assert result.returncode == 0, result.stderr
    heading, revisions = history(output, A)
    assert heading.startswith("修订记录 最后更新： 2025年2月10日")
    assert revisions == ["2025年2月10日 更正标题 <b>第1号</b>", "2025年1月5日 新增两条信息"]
    assert "&lt;b&gt;第1号" in (output / A).read_text(encoding="utf-8")  # a subject is text, escaped
    assert history(output, B)[1] == ["2025年3月15日 修订连庄镇工作要点", "2025年1月5日 新增两条信息"]
    logs = [line for line in calls.read_text().splitlines() if line.split()[2:3] == ["log"]]
    assert len(logs) == 1 and "--name-only" in logs[0]  # one pass over the history, not one per file

    # Uncommitted changes: the last commit is not what the page shows, so it says nothing.
    tree.write("b.md", item(index_no=f"{TOWN}/2025-00002", publisher="连庄镇人民政府", title="连庄镇2025年工作要点（草稿）"))
    assert tree.build(output).returncode == 0
    assert history(output, B) == (None, [])
    assert history(output, A)[1][0] == "2025年2月10日 更正标题 <b>第1号</b>"


def test_shallow_clones_and_builds_outside_git_say_nothing_wrong(tmp_path):
    tree = repository(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{tree.root.parent}", str(shallow)], check=True)
    output = tmp_path / "out-shallow"
    assert build(shallow / "content", output, LINK_CHECK_ALLOW_EMPTY_SECTIONS=True).returncode == 0
    # The oldest commit present (更正标题) looks as if it created every file: ignored.
    assert history(output, A) == (None, [])
    # b's last change is present and provable; its earlier history is not: no 修订记录.
    heading, revisions = history(output, B)
    assert heading == "最后更新： 2025年3月15日" and revisions == []

    plain = tmp_path / "plain"
    shutil.copytree(tree.root, plain)
    output = tmp_path / "out-plain"
    assert build(plain, output, LINK_CHECK_ALLOW_EMPTY_SECTIONS=True).returncode == 0
    assert history(output, A) == (None, []) and history(output, B) == (None, [])
