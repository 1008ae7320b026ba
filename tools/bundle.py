"""An offline copy of a built site: one .zip that opens from index.html with
no network and no server, search included.

    make bundle                      output/ → output.zip
    make bundle OUTPUT=DIR BUNDLE=x.zip

Browsers refuse ``fetch`` on file:// pages, so beside every JSON file of the
search folder the bundle carries ``<file>.json.js``, a script that hands the
same data to ``gongkaiJSONP`` (theme/static/js/search/load.js loads it when
the page is opened from a file). The wrappers are generic (any JSON, any
index format) and live only in the bundle: the served site stays as light.
Precompressed siblings and the mirror manifest are left out (a zip is
compressed already, and the manifest lists them). The zip is reproducible:
entries sorted, dates taken from the manifest's build date.
"""
from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

LEFT_OUT_SUFFIXES = (".gz", ".br")
LEFT_OUT = ("manifest.json", "manifest/")


def wrapper(json_bytes: bytes) -> bytes:
    """The script form of a JSON file: it registers itself through its own <script> element."""
    return b"gongkaiJSONP(document.currentScript," + json_bytes.strip() + b");\n"


def bundle_entries(site: Path, search_dir: str):
    """(path in the zip, bytes) for every file of the offline copy, sorted."""
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.endswith(LEFT_OUT_SUFFIXES) or rel.startswith(LEFT_OUT):
            continue
        data = path.read_bytes()
        yield rel, data
        if rel.startswith(search_dir + "/") and rel.endswith(".json"):
            yield rel + ".js", wrapper(data)


def build_date(site: Path) -> tuple[int, int, int, int, int, int]:
    try:
        date = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["build_date"]
        year, month, day = map(int, date.split("-"))
        return (max(year, 1980), month, day, 0, 0, 0)
    except (OSError, ValueError, KeyError):
        return (1980, 1, 1, 0, 0, 0)


def write_bundle(site: Path, target: Path, folder: str, search_dir: str = "search") -> int:
    """Write the zip (every entry below ``folder/``); returns the number of entries."""
    stamp = build_date(site)
    count = 0
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for rel, data in bundle_entries(site, search_dir):
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
            count += 1
    partial.replace(target)
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, help="a built site (output/)")
    ap.add_argument("zip", type=Path, help="the .zip to write")
    ap.add_argument("--folder", default=None, help="top folder inside the zip (default: the zip's name)")
    ap.add_argument("--search-dir", default="search", help="the site's search folder (SEARCH_DIR)")
    args = ap.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}: 没有找到 index.html，请先运行 make html")
    count = write_bundle(args.site, args.zip, args.folder or args.zip.stem, args.search_dir)
    print(f"离线副本：{args.zip}（{count} 个文件）。解压后用浏览器打开其中的 index.html 即可，无需网络。")


if __name__ == "__main__":
    main()
