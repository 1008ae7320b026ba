"""The built sample site is valid HTML (Nu HTML Checker) and obeys the theme's
Content-Security-Policy: no inline script, no style attributes, no inline
event handlers, nothing loaded from another origin."""
from __future__ import annotations

import re
import shutil
import subprocess

from bs4 import BeautifulSoup

from catalog_helpers import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")


def test_nu_html_checker_reports_no_errors(sample_site):
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (make system-deps)"
    assert VNU.exists(), "node_modules/vnu-jar is missing (npm ci)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(sample_site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-5000:]
    assert result.stderr.strip() == ""


def test_every_page_has_the_csp_and_nothing_inline_or_remote(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = str(path.relative_to(sample_site))
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta and meta["content"] == CSP, name
        # JSON-LD is a data block, never run (and outside script-src); any other inline script is refused.
        assert not [s for s in soup.find_all("script", src=False) if s.get("type") != "application/ld+json"], \
            f"{name}: inline <script>"
        assert not soup.find("style"), f"{name}: <style> element"
        for tag in soup.find_all(True):
            assert "style" not in tag.attrs, f"{name}: style attribute on <{tag.name}>"
            handlers = [a for a in tag.attrs if a.startswith("on")]
            assert not handlers, f"{name}: {handlers} on <{tag.name}>"
        for tag in soup.find_all(["link", "script", "img", "iframe", "object", "embed", "source"]):
            url = tag.get("href") or tag.get("src") or ""
            assert not re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.I), f"{name}: remote resource {url}"
