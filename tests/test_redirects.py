"""Redirect files from old addresses (source_url) to the new pages: the nginx
map in real nginx, the Apache rules by shape."""
from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
from pathlib import Path

from catalog_helpers import COUNTY, Tree, item

from redirects.maps import apache_rules, nginx_map, request_uri

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
OLD = [
    ("http://www.qinghe.gov.cn/art/2021/3/5/art_12_345.html", "https://new.example.cn/xxgk/items/a/2021-00001.html"),
    ("http://www.qinghe.gov.cn/col/col12/index.jsp?uid=7&pageNum=2", "/items/a/2021-00002.html"),
    ("http://old.qinghe.gov.cn/xxgk/%E9%80%9A%E7%9F%A5%20(1).html", "/items/a/2021-00003.html"),
]


def test_apache_rules_have_one_rewrite_per_address_with_query_conditions():
    text = apache_rules(OLD)
    rules = [line for line in text.splitlines() if line.startswith("RewriteRule")]
    assert text.splitlines()[2] == "RewriteEngine On" and len(rules) == len(OLD)
    for line in rules:
        parts = line.split(" ")
        assert len(parts) == 4, f"pattern, target and flags are single arguments: {line}"
        assert parts[1].startswith("^/?") and parts[1].endswith("$") and parts[3].startswith("[R=301,L")
        re.compile(parts[1])  # PCRE and Python agree on these escapes
    lines = text.splitlines()
    query = lines.index("RewriteCond %{QUERY_STRING} ^uid=7&pageNum=2$")
    assert lines[query + 1].startswith(r"RewriteRule ^/?col/col12/index\.jsp$ ") and "QSD" in lines[query + 1]
    decoded = next(line for line in rules if "通知" in line)
    assert re.fullmatch(decoded.split(" ")[1], "/xxgk/通知 (1).html"), "Apache matches the decoded path"


def test_nginx_map_answers_301_with_the_new_address(tmp_path):
    assert NGINX, "nginx is needed for this test (make system-deps installs it)"
    conf_map = tmp_path / "site.redirects.nginx.conf"
    conf_map.write_text(nginx_map(OLD), encoding="utf-8")
    port = _free_port()
    (tmp_path / "logs").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/tmp; proxy_temp_path {tmp_path}/tmp; fastcgi_temp_path {tmp_path}/tmp;
    uwsgi_temp_path {tmp_path}/tmp; scgi_temp_path {tmp_path}/tmp;
    include {conf_map};
    server {{
        listen 127.0.0.1:{port};
        if ($gongkai_redirect) {{ return 301 $gongkai_redirect; }}
        location / {{ return 404; }}
    }}
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(conf)], stderr=subprocess.PIPE)
    try:
        for old, new in OLD:
            status, location = _get(port, request_uri(old))
            expected = new if new.startswith("http") else f"http://127.0.0.1:{port}{new}"
            assert (status, location) == (301, expected), old
        assert _get(port, "/art/2021/3/5/other.html")[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_build_writes_redirects_for_items_with_a_source_url(tmp_path):
    tree = Tree(tmp_path / "content")
    old = "http://www.qinghe.gov.cn/art/2021/3/5/art_12_345.html"
    tree.write("policies/a.md", item(source_url=old))
    tree.write("policies/b.md", item(index_no=f"{COUNTY}/2025-00002"))
    result = tree.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    nginx = (tmp_path / "site.redirects.nginx.conf").read_text(encoding="utf-8")
    mapped = re.findall(r'^    "(/[^"]*)" "([^"]*)";$', nginx, re.M)
    # The sample settings' CATALOG_SITE_URL makes the targets absolute.
    assert mapped == [("/art/2021/3/5/art_12_345.html", f"https://www.qinghe.gov.cn/xxgk/items/{COUNTY}/2025-00001.html")]
    assert (tmp_path / "site" / "items" / COUNTY / "2025-00001.html").is_file()
    apache = (tmp_path / "site.redirects.htaccess").read_text(encoding="utf-8")
    assert apache.count("RewriteRule ") == 1


def test_a_source_url_must_be_a_web_address(tree):
    tree.write("policies/a.md", item(source_url="www.qinghe.gov.cn/a.html"))
    assert any("原网址(source_url): 原网址 'www.qinghe.gov.cn/a.html' 不是" in p for p in tree.problems())


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str | None]:
    deadline = time.monotonic() + 10
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.getheader("Location")
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
