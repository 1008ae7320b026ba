"""Hostile input in every field and the body runs no script in a real browser.

Metadata is escaped by the templates (autoescape); raw HTML in the body is
sanitised by nh3 in the reader; the Content-Security-Policy forbids inline
scripts and remote origins as a second line of defence.
"""
import pytest

from catalog_helpers import ORGANS, ROOT, TOWN, Tree, item

PAYLOADS = [
    '<script>window.__xss=1;alert(1)</script>',
    '"><img src=x onerror="window.__xss=1;alert(1)">',
    "'><svg onload=alert(1)>",
    '</title><script>alert(1)</script>',
    '<iframe src="javascript:alert(1)"></iframe>',
]
BODY = """
<script>window.__xss = 1; alert("body")</script>
<img src="files/pic.png" alt="图" onerror="window.__xss=1;alert('img')">
![图" onerror="window.__xss=1;alert('alt')](files/pic.png)
<a href="javascript:alert('link')">javascript link</a>
<a href="jav&#x09;ascript:alert('tab')">obfuscated link</a>
[markdown link](javascript:alert('md'))
<iframe src="javascript:alert('frame')"></iframe>
<div style="background:url(javascript:alert('css'))" onclick="alert('click')">styled</div>
<svg><script>alert('svg')</script></svg>
<style>body { display: none }</style>
<form action="javascript:alert('form')"><button>send</button></form>
"""


def yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tree = Tree(tmp_path_factory.mktemp("xss") / "content")
    evil_organ = "连庄镇<script>alert(1)</script>人民政府"
    tree.write("organs.yaml", ORGANS.replace("连庄镇人民政府", evil_organ))
    tree.write("files/a.pdf", b"%PDF-1.4\n%%EOF\n")
    tree.write("files/pic.png", (ROOT / "content/files/divider.png").read_bytes())  # images need a real file
    for n, payload in enumerate(PAYLOADS, 1):
        tree.write(f"x{n}.md", item(
            index_no=f"{TOWN}/2025-{n:05d}", publisher=yaml_str(evil_organ), category="工作动态", validity=None,
            title=yaml_str(f"标题{payload}"), doc_no=yaml_str(f"清政{payload}〔2025〕{n}号"),
            keywords=f"[{yaml_str(payload)}]", summary=yaml_str(payload[:90]),
            topic=yaml_str(f"综合政务\\{payload}"),
        ).replace("---\n\n", f"attachments:\n  - {{file: files/a.pdf, title: {yaml_str(payload)}}}\n---\n\n") + BODY)
    tree.write("w.md", item(index_no=f"{TOWN}/2025-00099", publisher=yaml_str(evil_organ), category="公示公告",
                            validity=None, status="withdrawn", withdrawn_reason=yaml_str(PAYLOADS[1])))
    output = tree.root.parent / "output"
    result = tree.build(output)
    assert result.returncode == 0, result.stderr
    return output


def test_no_script_runs_on_any_page(hostile_site, browser):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 8
    context = browser.new_context()
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        for link in page.locator("a").all():  # clicking the links must not run anything either
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript"), (path, href)
        assert page.evaluate("window.__xss") is None, path
        inline = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
            [...el.attributes].filter(a => a.name.startsWith('on') || a.name === 'style').map(a => el.tagName + ' ' + a.name))""")
        assert inline == [], (path, inline)
        # JSON-LD is a data block, never run: it must still be one JSON value, hostile text and all.
        page.evaluate("() => [...document.scripts].filter(s => s.type === 'application/ld+json')"
                      ".forEach(s => JSON.parse(s.textContent))")
        scripts = page.evaluate("() => [...document.scripts].filter(s => s.type !== 'application/ld+json')"
                                ".map(s => s.src)")  # absolute URL, '' if inline
        assert all(src.startswith(hostile_site.as_uri() + "/") for src in scripts), (path, scripts)  # files of the site only
        assert page.locator("iframe, object, embed, style").count() == 0, path
    context.close()
    assert dialogs == []


def test_every_page_ships_a_content_security_policy(hostile_site):
    for path in hostile_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html, path
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "http" not in policy
