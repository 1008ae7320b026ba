"""A mirror with the real programs: Debian's nginx serving a built site with the
README's server block, and rsync copying only what a one-item edit changed."""
import getpass
import gzip
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import brotli
import pytest

from catalog_helpers import COUNTY, ROOT, Tree, free_port, news_item

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
RSYNC = shutil.which("rsync")


def readme_block(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"<!-- {name}:start -->\n```\w+\n(.*?)```\n<!-- {name}:end -->", readme, re.S)
    assert block, f"README has no {name} block"
    return block.group(1)


def small_site(tmp_path) -> Tree:
    return Tree(tmp_path / "content").add_news(1, 25)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("served")
    assert small_site(tmp).build(tmp / "output").returncode == 0
    return tmp / "output"


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """nginx on a loopback port, as an ordinary process, with the README's server block."""
    if not shutil.which(NGINX) and not shutil.os.access(NGINX, shutil.os.X_OK):
        pytest.fail("nginx is not installed: run tools/install-system-deps.sh")
    run = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server = readme_block("nginx-server")
    server = re.sub(r"^(\s*)listen .*;$", rf"\1listen 127.0.0.1:{port};", server, count=1, flags=re.M)
    server = re.sub(r"^(\s*)root .*;", rf"\1root {site};", server, count=1, flags=re.M)
    temps = "\n".join(f"    {kind}_temp_path {run}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (run / "nginx.conf").write_text(f"""
include /etc/nginx/modules-enabled/*.conf;
user {getpass.getuser()};  # workers read the test's private folders (ignored when not root)
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temps}
{server}
}}
""")
    process = subprocess.Popen([NGINX, "-c", str(run / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"nginx did not start: {process.stdout.read().decode()}")
        try:
            urllib.request.urlopen(base + "/index.html", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url: str, encoding: str | None = None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path", ["index.html", f"items/{COUNTY}/2024-00003.html", "search/manifest.json",
                                  "theme/css/gongkai.css"])
def test_nginx_serves_the_precompressed_siblings(nginx, site, path):
    plain = (site / path).read_bytes()
    status, headers, body = get(f"{nginx}/{path}", "gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert body == (site / (path + ".gz")).read_bytes() and gzip.decompress(body) == plain
    assert "Accept-Encoding" in headers["Vary"]
    assert "charset=utf-8" in headers["Content-Type"]
    status, headers, body = get(f"{nginx}/{path}", "br, gzip")
    assert headers["Content-Encoding"] == "br" and brotli.decompress(body) == plain
    status, headers, body = get(f"{nginx}/{path}")
    assert status == 200 and "Content-Encoding" not in headers and body == plain
    assert headers["Cache-Control"]


def test_nginx_headers_for_pages_chunks_and_missing_files(nginx, site):
    _, headers, _ = get(f"{nginx}/index.html", "gzip")
    assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["Cache-Control"] == "no-cache"
    chunk = next((site / "manifest").iterdir()).name
    _, headers, _ = get(f"{nginx}/manifest/{chunk}")
    assert "immutable" in headers["Cache-Control"]
    status, headers, body = get(f"{nginx}/", "gzip")
    assert status == 200 and gzip.decompress(body) == (site / "index.html").read_bytes()
    status, _, body = get(f"{nginx}/items/no-such-item.html")
    assert status == 404 and "页面不存在" in body.decode()


def rsync(source, target) -> dict[str, int]:
    result = subprocess.run([RSYNC or "rsync", "-a", "--delete", "--stats", f"{source}/", f"{target}/"],
                            capture_output=True, text=True, check=True, timeout=120)
    stats = {}
    for key, label in (("files", "Number of regular files transferred"), ("bytes", "Total transferred file size"),
                       ("total", "Number of files")):
        stats[key] = int(re.search(rf"^{label}: ([\d,]+)", result.stdout, re.M).group(1).replace(",", ""))
    return stats


def test_rsync_copies_only_what_a_one_item_edit_changed(tmp_path):
    assert RSYNC, "rsync is not installed: run tools/install-system-deps.sh"
    tree, output, mirror = small_site(tmp_path), tmp_path / "output", tmp_path / "mirror"
    assert tree.build(output).returncode == 0
    first = rsync(output, mirror)
    assert first["files"] == sum(1 for p in output.rglob("*") if p.is_file())
    assert rsync(output, mirror)["files"] == 0  # nothing changed, nothing sent
    before = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    tree.write("news/9.md", news_item(9, title="第9期政务公开工作简报（更正）"))
    assert tree.build(output).returncode == 0
    after = {p.relative_to(output).as_posix(): p for p in output.rglob("*") if p.is_file()}
    changed = [rel for rel, p in after.items() if before.get(rel) != p.read_bytes()]
    assert f"items/{COUNTY}/2024-00009.html" in changed and len(changed) < len(after) / 4
    second = rsync(output, mirror)
    assert second["files"] == len(changed)  # exactly the files whose bytes changed, nothing else
    assert second["bytes"] == sum(after[rel].stat().st_size for rel in changed)
    verify = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "verify-mirror", f"DIR={mirror}"],
                            capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr
