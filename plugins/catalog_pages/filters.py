"""Jinja filters for the catalog theme."""
from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from catalog_model.vocabulary import TOPIC_LEVEL_SEPARATOR


def cn_date(value: dt.date | None) -> str:
    """2025-03-12 → 2025年3月12日, the way Chinese readers write dates."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def iso_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def doc_no(value: str | None) -> Markup:
    """A 文号 that never wraps before 号: the 〔year〕number号 part is kept on one line."""
    if not value:
        return Markup("")
    match = re.search(r"〔\d{4}〕\s*\d+\s*号$", value)
    if not match:
        return Markup('<span class="gk-nowrap">{}</span>').format(value) if len(value) <= 16 else escape(value)
    return Markup('{}<span class="gk-nowrap">{}</span>').format(value[:match.start()], match.group())


def index_no(value: str) -> Markup:
    """A 索引号 that breaks only after its "/", never inside the digits."""
    head, slash, tail = value.partition("/")
    if not slash:
        return Markup('<span class="gk-nowrap">{}</span>').format(value)
    return Markup('<span class="gk-nowrap">{}/</span><wbr><span class="gk-nowrap">{}</span>').format(head, tail)


def topic(value: str | None) -> str:
    """综合政务\\政务公开 → 综合政务 › 政务公开."""
    if not value:
        return ""
    return " › ".join(part.strip() for part in value.split(TOPIC_LEVEL_SEPARATOR) if part.strip())


FILTERS = {"cn_date": cn_date, "iso_date": iso_date, "doc_no": doc_no, "index_no": index_no, "topic": topic}


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)
