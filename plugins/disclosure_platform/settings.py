"""The platform's settings and their defaults (until the shared settings
schema declares them)."""
from __future__ import annotations

from catalog_validation.tree import PAGES_DIR

from .statutory import DEFAULT_STATUTORY_MAP

DEFAULTS = {
    # Editors' pages (guides, 制度, 依申请公开) live here, below content/; never items.
    "CATALOG_PAGES_DIR": PAGES_DIR,
    # 年报 data files: <dir>/<year>/<any name>.yaml, one per organ and year.
    "CATALOG_REPORT_DATA_DIR": "report-data",
    # 条例 第二十条: kind number (1–15) -> {sections, topics, genres} whose items it shows.
    "CATALOG_STATUTORY_MAP": DEFAULT_STATUTORY_MAP,
    # Items listed in the 政府信息公开制度 column beside the 制度 pages.
    "CATALOG_RULES_SELECT": {"keywords": ["政府信息公开制度"]},
    # 年报 section 二: which items are 规章 and which 行政规范性文件.
    "CATALOG_REPORT_REGULATIONS": {"genres": ["命令"]},
    "CATALOG_REPORT_NORMATIVE": {"sections": ["政策文件"]},
}


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])
