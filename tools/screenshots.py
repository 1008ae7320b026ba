"""Screenshots of each page type for review (make screenshots).

Builds the sample catalog (or uses --site), serves it under a sub-path and
saves PNGs at 390×844 (phone) and 1280×900 (desktop) into --out
(default /tmp/gongkai-screenshots), plus the item page in 长者模式 and at the
largest text size. Uses Debian's chromium, like the browser tests.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS, DISPLAY_MODES, SUB_PATH, page_types, served, set_display

ROOT = Path(__file__).resolve().parents[1]

VIEWPORTS = {"390x844": (390, 844), "1280x900": (1280, 900)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/gongkai-screenshots")
    parser.add_argument("--site", help="an already built site (default: build content/)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "output"
        if not args.site:
            result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html",
                                     f"OUTPUT={site}"], capture_output=True, text=True)
            if result.returncode:
                sys.stderr.write(result.stderr)
                return 1
        www = Path(tmp) / "www"
        www.mkdir()
        (www / SUB_PATH).symlink_to(site.resolve(), target_is_directory=True)
        with served(www) as root_url:
            base = f"{root_url}{SUB_PATH}/"
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for vp_name, (width, height) in VIEWPORTS.items():
                    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
                    page = context.new_page()
                    for name, path in page_types().items():
                        modes = DISPLAY_MODES if name == "item-policy" else {"standard": DISPLAY_MODES["standard"]}
                        for mode, (size, senior) in modes.items():
                            page.goto(base + path)
                            set_display(page, size, senior)
                            page.mouse.move(0, 0)
                            page.evaluate("document.activeElement && document.activeElement.blur()")
                            file = out / f"{name}-{mode}-{vp_name}.png"
                            page.screenshot(path=str(file), full_page=True)
                            print(file)
                    context.close()
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
