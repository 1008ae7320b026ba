"""`make devserver` (tools/devserver.py) driven for real: an edit shows within
seconds, a broken file shows the error page (escaped) and the open browser
reloads itself to it and back, idle means no rebuilds, a burst of changes is
one rebuild, and stopping it stops everything it started."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalog_helpers import COUNTY, ROOT, SMALL_TREE_SETTINGS, Tree, free_port, item

TITLE = "清河县人民政府关于做好2025年就业创业工作的通知"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def processes_mentioning(marker: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(proc.name))
        except OSError:
            pass
    return found


@pytest.fixture
def devserver(tmp_path):
    tree = Tree(tmp_path / "content")
    tree.write("a.md", item())
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "tools" / "devserver.py"), "--content", str(tree.root),
                                "--output", str(tmp_path / "output"), "--port", str(port),
                                "--make-arg", SMALL_TREE_SETTINGS],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    assert wait_for(lambda: _up(base), 90), "the preview did not start"
    yield tree, base, process, tmp_path / "output"
    if process.poll() is None:
        process.kill()
        process.wait()


def _up(base: str) -> bool:
    try:
        return get(base + "/__devserver__/status")[0] == 200
    except OSError:
        return False


def generation(base: str) -> int:
    return json.loads(get(base + "/__devserver__/status")[1])["generation"]


def test_preview_follows_edits_errors_and_fixes(devserver, page):
    tree, base, process, output = devserver
    url = f"{base}/items/{COUNTY}/2025-00001.html"
    status, html = get(url)
    assert status == 200 and TITLE in html
    assert "/__devserver__/reload.js" in html  # added by the preview ...
    assert "__devserver__" not in (output / f"items/{COUNTY}/2025-00001.html").read_text(encoding="utf-8")  # ... only

    # Idle: reading content files and writing build outputs are not changes.
    built = generation(base)
    (tree.root / "a.md").read_bytes()
    (output / "index.html").read_bytes()
    (ROOT / ".cache").mkdir(exist_ok=True)
    (ROOT / ".cache" / "devserver-test-touch").write_text("x")
    (output.parent / "output.external-links.txt").write_text("x")
    time.sleep(3)
    (ROOT / ".cache" / "devserver-test-touch").unlink()
    assert generation(base) == built

    page.goto(url)
    expect(page.locator("h1")).to_have_text(TITLE)
    tree.write("a.md", item(title="清河县人民政府关于做好2025年就业创业工作的补充通知"))
    expect(page.locator("h1")).to_have_text("清河县人民政府关于做好2025年就业创业工作的补充通知", timeout=30_000)

    # Broken: the open page reloads itself into the error page, every problem listed, escaped.
    tree.write("a.md", item(date="2025/3/12", category="<b>栏目</b>"))
    expect(page.locator("h1")).to_contain_text("内容有错误", timeout=30_000)
    status, html = get(url)
    assert status == 500
    assert "a.md:5: 发布日期(date): 应为 YYYY-MM-DD" in html
    assert "a.md:6: 信息类别(category)" in html and "&lt;b&gt;栏目&lt;/b&gt;" in html and "<b>栏目" not in html
    assert get(base + "/index.html")[0] == 500  # every page, not only the broken item's

    # Fixed: back to the page, by itself.
    tree.write("a.md", item())
    expect(page.locator("h1")).to_have_text(TITLE, timeout=30_000)

    # A burst (a `git pull` of many files) is one rebuild.
    settled = generation(base)
    tree.add_news(2, 41)
    assert wait_for(lambda: generation(base) > settled, 60)
    time.sleep(2)
    assert generation(base) == settled + 1
    assert TITLE in get(url)[1]

    # Stopping it (Ctrl-C) mid-build stops the build too.
    tree.write("a.md", item(title="清河县人民政府关于做好2025年就业创业工作的再次补充通知"))
    assert wait_for(lambda: len(processes_mentioning(str(tree.root))) > 1, 20)  # make/pelican started
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)
    assert wait_for(lambda: processes_mentioning(str(tree.root)) == [], 10)
    assert not _up(base)
