"""Print the README's content-model table from the schema declaration.

    python -m catalog_model.docs README.md   (with plugins/ on sys.path)

The README holds the output between ``<!-- content-model -->`` markers; a
test fails when the two differ, so the table never drifts from the code.
Other kinds of content (the platform's pages) add their own marked tables
to ``TABLES``.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from .schema import Item, labels_of

START, END = "<!-- content-model:start -->", "<!-- content-model:end -->"


def model_table(model: type[BaseModel]) -> str:
    """A front-matter model as a Markdown table: key, label, required, rule."""
    labels = labels_of(model)
    rows = ["| key | label (also accepted as key) | required | rule |", "| --- | --- | --- | --- |"]
    for key, info in model.model_fields.items():
        rule = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{key}` | {labels[key]} | {'yes' if info.is_required() else ''} | {rule} |")
    return "\n".join(rows)


def content_model_table() -> str:
    return model_table(Item)


# marker name -> the function printing the table between its markers
TABLES: dict[str, Callable[[], str]] = {"content-model": content_model_table}


def with_table(readme: str) -> str:
    """``readme`` with the text between each pair of markers replaced by the current table."""
    for name, table in TABLES.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        block = f"{start}\n{table()}\n{end}"
        readme = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _, b=block: b, readme, flags=re.S)
    return readme


if __name__ == "__main__":
    import importlib
    for module in sys.argv[2:]:  # modules that add their tables, e.g. disclosure_platform.docs
        importlib.import_module(module)
    # They register with the imported module, not with this __main__ copy of it.
    from catalog_model.docs import with_table as with_tables
    path = Path(sys.argv[1])
    path.write_text(with_tables(path.read_text(encoding="utf-8")), encoding="utf-8")
