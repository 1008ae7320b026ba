"""``sitemap.xml`` and ``robots.txt``.

The sitemaps protocol wants absolute URLs, so a sitemap is written only when
``CATALOG_SITE_URL`` is set; ``robots.txt`` always (it names the sitemap
when there is one). Past ``CATALOG_SITEMAP_MAX_URLS`` (50,000, the
protocol's limit) the URLs go into ``sitemaps/<n>.xml`` files of that size
and ``sitemap.xml`` becomes their index. URLs come in a fixed order (pages,
then items oldest first), so files of old items keep their bytes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from catalog_model.output_files import files_below

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_KEY = "sitemap"  # catalog.extras: (save_as, lastmod) of the pages catalog_pages wrote
INDEX = "sitemap.xml"
PART_FOLDER = "sitemaps"


def _url(base: str, save_as: str, lastmod: dt.date | None, tag: str) -> str:
    mod = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return f"<{tag}><loc>{escape(base + '/' + save_as)}</loc>{mod}</{tag}>\n"


def _document(root: str, body: list[str]) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{NS}">\n'
            + "".join(body) + f"</{root}>\n").encode("utf-8")


def sitemap_files(base: str, urls: list[tuple[str, dt.date | None]], limit: int) -> dict[str, bytes]:
    """save_as → bytes of every sitemap file for ``urls`` ((save_as, lastmod) pairs)."""
    base = base.rstrip("/")
    if len(urls) <= limit:
        return {INDEX: _document("urlset", [_url(base, s, m, "url") for s, m in urls])}
    files: dict[str, bytes] = {}
    parts = []
    for n, start in enumerate(range(0, len(urls), limit), start=1):
        chunk = urls[start:start + limit]
        save_as = f"{PART_FOLDER}/{n}.xml"
        files[save_as] = _document("urlset", [_url(base, s, m, "url") for s, m in chunk])
        newest = max((m for _, m in chunk if m), default=None)
        parts.append(_url(base, save_as, newest, "sitemap"))
    files[INDEX] = _document("sitemapindex", parts)
    return files


def robots_txt(base: str) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if base:
        lines.append(f"Sitemap: {base.rstrip('/')}/{INDEX}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_sitemaps(output: Path, base: str, urls: list, limit: int) -> None:
    files = sitemap_files(base, urls, limit) if base else {}
    files["robots.txt"] = robots_txt(base)
    for save_as, data in files.items():
        path = output / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def write_on_site_written(pelican, catalog) -> None:
    """Connected to ``site_written``: every page of the written site — the
    catalog pages with their last change, then any other plugin's pages
    (the platform's columns …), sorted — except the search page."""
    output = Path(pelican.output_path)
    known = list(catalog.extras.get(SITEMAP_KEY, []))
    listed = {save_as for save_as, _ in known}
    others = sorted(rel for rel in files_below(output) if rel.endswith(".html")
                    and rel not in listed and not rel.startswith(("items/", "search")))
    pages = [*[(s, m) for s, m in known if not s.startswith("items/")], *[(s, None) for s in others],
             *[(s, m) for s, m in known if s.startswith("items/")]]
    settings = catalog.settings
    write_sitemaps(output, settings.CATALOG_SITE_URL, pages, settings.CATALOG_SITEMAP_MAX_URLS)
