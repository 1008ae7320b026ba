"""Import a county CMS's metadata export into a content tree.

    python tools/import_catalog.py EXPORT.csv|EXPORT.xlsx OUT [--map MAP.yaml] [--skip-bad]

(``make import FROM=… OUT=… [MAP=…] [SKIP_BAD=1]``). Every row that cannot be
imported is printed as ``FILE:row N: column: message (hint)``; nothing is
written unless every row passes, or ``--skip-bad`` writes the good rows and
``OUT/import-report.txt``. Attachments of the old site are listed in
``OUT/import-attachments.tsv`` for the operator to download; none is fetched.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from catalog_import.tree import ATTACHMENTS_FILE, REPORT_FILE, import_catalog
from catalog_model.problems import ERROR
from catalog_model.text import message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="the CMS export: .csv (UTF-8 or GB18030) or .xlsx")
    parser.add_argument("out", type=Path, help="the content folder to write")
    parser.add_argument("--map", type=Path, help="YAML: column header -> field, overriding the usual names")
    parser.add_argument("--skip-bad", action="store_true", help="write the good rows, report the others")
    args = parser.parse_args(argv)

    result = import_catalog(args.export, args.out, args.map, args.skip_bad)
    for line in result.lines():
        print(line, file=sys.stderr)
    bad = len(result.bad_rows)
    if not result.written:
        if result.file_failed or not result.rows:
            print(message("import_file_failed"), file=sys.stderr)
        else:
            print(f"{message('import_failed', bad=bad, rows=len(result.rows))}"
                  f" ({message('import_failed_hint')})", file=sys.stderr)
        return 1
    written = len(result.rows) - bad
    print(message("import_done", written=written, organs=result.organs, out=args.out,
                  attachments=result.downloads, list=args.out / ATTACHMENTS_FILE))
    if bad:
        print(message("import_skipped", bad=bad, report=args.out / REPORT_FILE))
    return 0 if not any(p.severity == ERROR for p in result.problems) or args.skip_bad else 1


if __name__ == "__main__":
    sys.exit(main())
