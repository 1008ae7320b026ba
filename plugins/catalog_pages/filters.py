"""What the catalog theme's templates get besides the context: filters for
dates and attachments, and the content model's labels and relation names
(declared once in ``catalog_model``, never typed again in a template)."""
from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

from catalog_model.catalog import RELATIONS, catalog_of
from catalog_model.schema import LABELS
from catalog_model.vocabulary import topic_display

from . import attachments, images
from .open_data import json_ld


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


def doc_no(value: str | None) -> Markup:
    """A 文号 that never wraps before 号: the 〔year〕number号 part is kept on one line."""
    if not value:
        return Markup("")
    match = re.search(r"〔\d{4}〕\s*\d+\s*号$", value)
    if not match:
        return Markup('<span class="gk-nowrap">{}</span>').format(value) if len(value) <= 16 else escape(value)
    return Markup('{}<span class="gk-nowrap">{}</span>').format(value[:match.start()], match.group())


def index_no(value: str) -> Markup:
    """A 索引号 that breaks after its "/" first: inside its digits only where
    a part alone is wider than the column (30px text on a 320px screen)."""
    head, slash, tail = value.partition("/")
    return Markup("{}{}<wbr>{}").format(head, slash, tail) if slash else escape(value)


def body_html(content_root: Path, html: str, item, save_as: str) -> str:
    """An item page's body with its images pointed at their published copies,
    sized, lazy and weighed (``images.py``); done when the page is written, so
    an image file's change shows even when the item file was read from cache."""
    if not item.images:
        return html
    files = images.body_images(content_root, [src for _, src in item.images])
    return images.rewrite(html, files, "../" * save_as.count("/"))


FILTERS = {"cn_date": cn_date, "iso_date": iso_date, "doc_no": doc_no, "index_no": index_no, "topic": topic_display}
GLOBALS = {"LABELS": LABELS, "RELATIONS": RELATIONS}


def add_filters(generator) -> None:
    """Connected to ``generator_init``: every generator's templates (Pelican's
    item pages too) get the same helpers."""
    generator.env.filters.update(FILTERS)
    root = Path(generator.settings["PATH"]).resolve()
    generator.env.filters["attachment_files"] = partial(attachment_files, root)
    generator.env.filters["body_html"] = partial(body_html, root)
    generator.env.filters["json_ld"] = lambda item: json_ld(item, catalog_of(generator.context, "json_ld"))
    generator.env.globals.update(GLOBALS)
