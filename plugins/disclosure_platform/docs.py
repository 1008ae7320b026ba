"""The README's tables of the platform's content: page front matter and the
年报 data file, printed from their declarations (``catalog_model.docs``):

    python -m catalog_model.docs README.md disclosure_platform.docs   (in plugins/)
"""
from __future__ import annotations

from catalog_model.docs import TABLES, model_table

from .pages import Page
from .report_data import DATA_FIELDS


def page_model_table() -> str:
    return model_table(Page)


def report_data_table() -> str:
    rows = ["| key | Chinese key (also accepted) | required | rule |", "| --- | --- | --- | --- |"]
    for f in DATA_FIELDS:
        rows.append(f"| `{f.key}` | {f.label} | {'yes' if f.required else ''} | {f.rule.replace('|', chr(92) + '|')} |")
    return "\n".join(rows)


TABLES["page-model"] = page_model_table
TABLES["report-data"] = report_data_table
