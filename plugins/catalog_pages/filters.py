"""What the catalog theme's templates get besides the context: filters for
dates and attachments, and the content model's labels and relation names
(declared once in ``catalog_model``, never typed again in a template)."""
from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from catalog_model.catalog import RELATIONS
from catalog_model.schema import LABELS

from . import attachments


def cn_date(value: dt.date | None) -> str:
    """2025-03-12 → 2025年3月12日, the way Chinese readers write dates."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def iso_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def attachment_files(content_root: Path, item) -> list[attachments.AttachmentFile]:
    """An item's attachments with the type and size its page shows."""
    return [attachments.describe(content_root, a.file, a.title) for a in item.meta.attachments]


FILTERS = {"cn_date": cn_date, "iso_date": iso_date}
GLOBALS = {"LABELS": LABELS, "RELATIONS": RELATIONS}


def add_filters(generator) -> None:
    """Connected to ``generator_init``: every generator's templates (Pelican's
    item pages too) get the same helpers."""
    generator.env.filters.update(FILTERS)
    generator.env.filters["attachment_files"] = partial(attachment_files, Path(generator.settings["PATH"]).resolve())
    generator.env.globals.update(GLOBALS)
