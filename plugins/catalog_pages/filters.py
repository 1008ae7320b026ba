"""Jinja filters for the catalog theme."""
from __future__ import annotations

import datetime as dt


def cn_date(value: dt.date | None) -> str:
    """2025-03-12 → 2025年3月12日, the way Chinese readers write dates."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def iso_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


FILTERS = {"cn_date": cn_date, "iso_date": iso_date}


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)
