"""`make devserver`: serves the site and rebuilds it when a content file changes."""
import socket
import subprocess
import sys
import time
import urllib.request

from catalog_helpers import COUNTY, ROOT, SMALL_TREE_SETTINGS, Tree, item


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wait_for(predicate, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_devserver_rebuilds_on_change(tmp_path):
    tree = Tree(tmp_path / "content")
    tree.write("a.md", item())
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "tools" / "devserver.py"), "--content", str(tree.root),
                               "--output", str(tmp_path / "output"), "--port", str(port),
                               "--make-arg", SMALL_TREE_SETTINGS],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        page = f"http://127.0.0.1:{port}/items/{COUNTY}/2025-00001.html"
        assert "就业创业工作的通知" in fetch(page)
        tree.write("a.md", item(title="清河县人民政府关于做好2025年就业创业工作的补充通知"))
        assert wait_for(lambda: "补充通知" in fetch(page))
    finally:
        server.terminate()
        server.wait(timeout=10)
