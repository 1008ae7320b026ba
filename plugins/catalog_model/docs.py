"""Print the README's generated tables: the content model and the site settings.

    python -m catalog_model.docs README.md

The README holds each table between its markers (``<!-- content-model:start -->``,
``<!-- settings:start -->`` …); a test fails when a table differs from its
declaration, so the tables never drift from the code.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .schema import FIELDS, LABELS
from .settings import DECLARED, ROOT


def content_model_table() -> str:
    rows = ["| key | label (also accepted as key) | required | rule |", "| --- | --- | --- | --- |"]
    for key, info in FIELDS.items():
        rule = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{key}` | {LABELS[key]} | {'yes' if info.is_required() else ''} | {rule} |")
    return "\n".join(rows)


def settings_table() -> str:
    rows = ["| setting | default | rule |", "| --- | --- | --- |"]
    for name, info in DECLARED.items():
        default = info.default
        if isinstance(default, str) and default.startswith(str(ROOT)):
            default = Path(default).relative_to(ROOT).as_posix()
        shown = "*(see rule)*" if isinstance(default, tuple) else f"`{default}`" if default != "" else "(empty)"
        rule = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{name}` | {shown} | {rule} |")
    return "\n".join(rows)


TABLES = {"content-model": content_model_table, "settings": settings_table}


def with_tables(readme: str) -> str:
    """``readme`` with the text between each pair of markers replaced by the current table."""
    for name, table in TABLES.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        block = f"{start}\n{table()}\n{end}"
        readme = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _, block=block: block, readme, flags=re.S)
    return readme


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(with_tables(path.read_text(encoding="utf-8")), encoding="utf-8")
