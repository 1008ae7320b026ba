"""Print the README's content-model table from the schema declaration.

    python -m catalog_model.docs README.md   (with plugins/ on sys.path)

The README holds the output between ``<!-- content-model -->`` markers; a
test fails when the two differ, so the table never drifts from the code.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .schema import FIELDS, LABELS

START, END = "<!-- content-model:start -->", "<!-- content-model:end -->"


def content_model_table() -> str:
    rows = ["| key | label (also accepted as key) | required | rule |", "| --- | --- | --- | --- |"]
    for key, info in FIELDS.items():
        rule = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{key}` | {LABELS[key]} | {'yes' if info.is_required() else ''} | {rule} |")
    return "\n".join(rows)


def with_table(readme: str) -> str:
    """``readme`` with the text between the markers replaced by the current table."""
    block = f"{START}\n{content_model_table()}\n{END}"
    return re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, readme, flags=re.S)


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
