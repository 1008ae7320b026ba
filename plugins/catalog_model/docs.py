"""Print the README's generated tables: the content model and the site settings.

    python -m catalog_model.docs README.md [module …]

The README holds each table between its markers (``<!-- content-model:start -->``,
``<!-- settings:start -->`` …); a test fails when a table differs from its
declaration, so the tables never drift from the code. Plugins with content
of their own add their tables to ``TABLES`` in a module named on the command
line (``disclosure_platform.docs``: pages and 年报 data).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel

from .schema import ItemMetadata, labels_of
from .settings import DECLARED, ROOT


def model_table(model: type[BaseModel]) -> str:
    """A front-matter model as a Markdown table: key, label, required, rule."""
    labels = labels_of(model)
    rows = ["| key | label (also accepted as key) | required | rule |", "| --- | --- | --- | --- |"]
    for key, info in model.model_fields.items():
        rule = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{key}` | {labels[key]} | {'yes' if info.is_required() else ''} | {rule} |")
    return "\n".join(rows)


def content_model_table() -> str:
    return model_table(ItemMetadata)


def settings_table() -> str:
    rows = ["| setting | default | rule |", "| --- | --- | --- |"]
    for name, info in DECLARED.items():
        default = info.default
        if isinstance(default, str) and default.startswith(str(ROOT)):
            default = Path(default).relative_to(ROOT).as_posix()
        shown = ("*(see rule)*" if isinstance(default, (tuple, dict)) else f"`{default}`" if default != ""
                 else "(empty)")
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
    import importlib
    for module in sys.argv[2:]:  # modules that add their tables, e.g. disclosure_platform.docs
        importlib.import_module(module)
    # They register with the imported module, not with this __main__ copy of it.
    from catalog_model.docs import with_tables as with_registered_tables
    path = Path(sys.argv[1])
    path.write_text(with_registered_tables(path.read_text(encoding="utf-8")), encoding="utf-8")
