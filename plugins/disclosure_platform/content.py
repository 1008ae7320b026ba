"""Read and check the platform's own content — pages and 年报 data files —
beside the items, so that one report lists every problem of every file.

``check_platform`` is registered with ``catalog_validation`` (see
``plugin.register``): the build and ``make check`` both run it after the
items were read and cross-checked. What it read is kept on the catalog for
the generator (``catalog.extras["platform"]``), so nothing is read twice.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from catalog_model.catalog import Catalog
from catalog_model.problems import ERROR, Problem
from catalog_model.settings import site_settings
from catalog_model.vocabulary import Vocabulary
from catalog_reader.item_reader import ItemReader

from .annual_report import COUNTY, CatalogFigures, computed_problems
from .pages import PageEntry, check_pages, page_files, read_page
from .report_data import ReportData, check_data, data_files, read_data_file

from .columns import COLUMN_URLS, Platform, platform
from .selectors import Selector

EXTRAS_KEY = "platform"  # catalog.extras key


@dataclass
class PlatformContent:
    pages: list[PageEntry] = field(default_factory=list)  # valid pages only
    reports: list[ReportData] = field(default_factory=list)  # valid data files only
    figures: CatalogFigures | None = None
    platform: Platform | None = None  # the pages by owner, and where each is published

    def guide_url(self, organ_name: str | None) -> str | None:
        """An organ's (None: the county's) 政府信息公开指南, relative to the site root; None without one."""
        return self.platform.guide_url(organ_name)

    @property
    def urls(self) -> dict[str, str]:
        """The columns and 依申请公开, relative to the site root (the home page links them)."""
        return COLUMN_URLS

    def reports_by_year(self) -> dict[int, list[ReportData]]:
        by_year: dict[int, list[ReportData]] = defaultdict(list)
        for r in self.reports:
            by_year[r.year].append(r)
        return dict(sorted(by_year.items(), reverse=True))


def check_platform(catalog: Catalog, settings: dict) -> list[Problem]:
    root = Path(settings["PATH"]).resolve()
    typed = site_settings(settings)
    reader = ItemReader(root, Vocabulary.from_settings(settings))
    problems: list[Problem] = []
    pages = [read_page(p, root, reader.render) for p in page_files(root, typed.CATALOG_PAGES_DIR)]
    problems += [p for e in pages for p in e.problems]
    valid_pages = [e for e in pages if e.page is not None]
    problems += check_pages(valid_pages, catalog.organs)

    reports = []
    for path in data_files(root, typed.CATALOG_REPORT_DATA_DIR):
        report, found = read_data_file(path, root)
        problems += found
        if report is not None:
            reports.append(report)
    problems += check_data(reports, catalog.organs)
    figures = CatalogFigures(catalog, Selector.of(typed.CATALOG_REPORT_REGULATIONS),
                             Selector.of(typed.CATALOG_REPORT_NORMATIVE))
    for report in reports:
        problems += computed_problems(report, figures.computed(report.organ, report.year))
    wrong = {p.path for p in problems if p.severity == ERROR}
    problems_free = [e for e in valid_pages if e.source_path not in wrong]
    columns = platform(problems_free, catalog.organs, settings.get("SITE_OWNER", settings.get("SITENAME", "")))
    catalog.extras[EXTRAS_KEY] = PlatformContent(valid_pages, reports, figures, columns)
    # The organ pages (catalog_pages) link each organ's guide through the catalog's one registry.
    for owner in columns.organs:
        if owner.guide_url:
            catalog.guides[owner.organ.code] = owner.guide_url
    return problems


def platform_content(catalog: Catalog) -> PlatformContent:
    """What ``check_platform`` read for this catalog (nothing, in a build without the plugin's check)."""
    return catalog.extras.get(EXTRAS_KEY) or PlatformContent(platform=platform([], catalog.organs, ""))


__all__ = ["COUNTY", "PlatformContent", "check_platform", "platform_content"]
