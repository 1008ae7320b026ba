"""``make check``: what an editor runs before committing.

Validates every item (content model, organs, links between items,
attachments, personal information), prints advice (a 政策文件 without
interpretation, a future 发布日期, an expired 有效 policy, a consultation without
feedback 30 days after its deadline, an image over 200 KB, sections and organs
without items) and the number of
items per section, then builds the site into a temporary folder so that the
link check runs too. Exits non-zero on any error; publishes nothing.
"""
from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.settings import read_settings  # noqa: E402

from catalog_model.problems import errors, report  # noqa: E402
from catalog_model.text import message  # noqa: E402
from catalog_validation.advisories import advisories, empty_columns  # noqa: E402
from catalog_validation.validate import validate_tree  # noqa: E402
from catalog_validation.validate import display_prefix  # noqa: E402


def register_plugin_checks(settings: dict) -> None:
    """Plugins that check content beside the items (pages, 年报 data) register
    those checks as the build does, without connecting to a build."""
    for name in settings.get("PLUGINS", []):
        module = importlib.import_module(name)
        if hasattr(module, "register_checks"):
            module.register_checks()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--content", default="content")
    ap.add_argument("--settings", default="pelicanconf.py")
    args = ap.parse_args()
    settings = read_settings(str(ROOT / args.settings), override={"PATH": str(Path(args.content).resolve())})
    register_plugin_checks(settings)

    catalog, problems = validate_tree(settings, bodies=True)  # bodies: image and 图解 checks
    problems += advisories(catalog, settings)
    problems += empty_columns(catalog, catalog.settings.CATALOG_ORGANS_FILE, args.settings)
    if problems:
        print(report(problems, display_prefix(settings)))
    print(f"\n{message('check_counts')}：")
    for name, count in catalog.section_counts():
        print(f"  {name}\t{count}")
    if errors(problems):
        return 1

    print(f"\n{message('check_build')}", flush=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-check-") as scratch:
        result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html",
                                 f"CONTENT={Path(args.content).resolve()}", f"OUTPUT={scratch}/output",
                                 f"SETTINGS={args.settings}"], capture_output=True, text=True)
    if result.returncode:
        print(result.stderr, file=sys.stderr)
        return 1
    print(message("check_ok"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
