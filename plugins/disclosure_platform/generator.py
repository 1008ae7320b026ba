"""The platform's pages, written with Pelican's writer (relative URLs from
any sub-path and file://). Added through ``get_generators`` after the
catalog pages, whose context (catalog, organs, sections) it reads."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from pelican.generators import Generator

from catalog_model.catalog import chronological
from catalog_model.text import ui_text
from catalog_model.vocabulary import Vocabulary
from catalog_pages.listing import ListingPage, paginate

from .annual_report import COUNTY, report_tables, summed
from .columns import (APPLY_DIR, FILL_URL, FORM_URL, GUIDE_DIR, REPORTS_DIR, RULES_DIR, STATUTORY_DIR,
                      platform, rule_url)
from .content import PlatformContent
from .selectors import Selector
from .settings import setting
from .statutory import assign, statutory_kinds
from .tables import Table

ANNUAL_REPORT_SECTION = "政府信息公开年报"


@dataclass
class Statistics:
    """One statistics page: an organ's (or the county's) 年报 tables for a year."""

    year: int
    name: str
    save_as: str
    tables: list[Table]
    sources: list[str] = field(default_factory=list)  # data files it was typed in


@dataclass
class ReportYear:
    year: int
    items: list  # the 年报 articles of this report year, by organ order
    county: Statistics | None = None
    organs: list[Statistics] = field(default_factory=list)


class PlatformGenerator(Generator):
    def generate_context(self):
        catalog = self.context["catalog"]
        content: PlatformContent = catalog.extras.get("platform") or PlatformContent()
        vocabulary = Vocabulary.from_settings(self.settings)
        county = self.settings.get("SITE_OWNER", self.settings.get("SITENAME", ""))
        self.platform = platform(content.pages, catalog.organs, county)
        listed = chronological(self.context["articles"])

        self.kinds = statutory_kinds(setting(self.settings, "CATALOG_STATUTORY_MAP"))
        assign(self.kinds, listed)
        size = self.settings.get("CATALOG_PAGE_SIZE", 20)
        year = attrgetter("catalog.item.date.year")
        self.kind_pages: dict[int, list[ListingPage]] = {
            k.number: paginate(k.folder, k.items, size, year) for k in self.kinds if k.items}

        rules_select = Selector.of(setting(self.settings, "CATALOG_RULES_SELECT"))
        self.rule_items = [a for a in reversed(listed) if rules_select.matches(a.catalog.item)]
        self.report_years = self._report_years(content, listed, catalog.organs, vocabulary)

        organ_listings = {o.name: o for o in self.context.get("catalog_organs", [])}
        for owner in self.platform.organs:  # organ pages link to their guide
            if owner.name in organ_listings:
                organ_listings[owner.name].guide_url = owner.guide_url
        self.context.update(
            TEXT=ui_text(),
            platform=self.platform,
            platform_kinds=self.kinds,
            platform_kind_pages=self.kind_pages,
            platform_rule_items=self.rule_items,
            platform_report_years=self.report_years,
            platform_urls={"guide": f"{GUIDE_DIR}/index.html", "rules": f"{RULES_DIR}/index.html",
                           "statutory": f"{STATUTORY_DIR}/index.html", "reports": f"{REPORTS_DIR}/index.html",
                           "apply": f"{APPLY_DIR}/index.html", "form": FORM_URL, "fill": FILL_URL},
        )

    def _report_years(self, content: PlatformContent, listed, organs, vocabulary) -> list[ReportYear]:
        """年报 items by report year (published in the following year, 条例 第五十条), and
        statistics wherever a data file exists."""
        years: dict[int, ReportYear] = {}
        order = {o.name: i for i, o in enumerate(organs.organs)}
        for article in listed:
            item = article.catalog.item
            if item.category == ANNUAL_REPORT_SECTION:
                report_year = item.date.year - 1
                years.setdefault(report_year, ReportYear(report_year, [])).items.append(article)
        for year, reports in content.reports_by_year().items():
            ry = years.setdefault(year, ReportYear(year, []))
            for r in sorted(reports, key=lambda r: order.get(r.organ, 0)):
                organ = organs.get(r.organ)
                values = {**r.values, **{f"applications.{k}": v for k, v in r.applications.items()}}
                ry.organs.append(Statistics(year, r.organ, f"{REPORTS_DIR}/{year}/{organ.code}.html",
                                            report_tables(organ.code, values, content.figures.computed(r.organ, year),
                                                          list(vocabulary.section_names)), [r.source_path]))
            ry.county = Statistics(year, self.platform.county.name, f"{REPORTS_DIR}/{year}/index.html",
                                   report_tables("county", summed(reports), content.figures.computed(COUNTY, year),
                                                 list(vocabulary.section_names)),
                                   sorted(r.source_path for r in reports))
        for ry in years.values():
            ry.items.sort(key=lambda a: (order.get(a.catalog.item.publisher, 0), a.catalog.item.date))
            for stats in [ry.county, *ry.organs]:
                if stats:
                    base = stats.save_as[:-len(".html")]
                    for t in stats.tables:
                        t.csv_name = f"{base}-{t.key.rsplit('-', 1)[1]}.csv"
        return [years[y] for y in sorted(years, reverse=True)]

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]

        def write(save_as: str, template: str, **extra) -> None:
            writer.write_file(save_as, self.get_template(template), self.context, relative_urls=relative,
                              url=save_as, **extra)

        p = self.platform
        write(f"{GUIDE_DIR}/index.html", "platform_guides")
        for owner in [p.county, *p.organs]:
            if owner.guide and owner.organ:
                write(owner.guide_url, "platform_page", entry=owner.guide, owner=owner,
                      parent=(ui_text()["platform_guides"], f"{GUIDE_DIR}/index.html"))
            if owner.apply_url:
                write(owner.apply_url, "platform_apply", owner=owner, apply_page=owner.apply or p.county.apply)
        write(f"{RULES_DIR}/index.html", "platform_rules")
        for entry in p.rules:
            write(rule_url(entry), "platform_page", entry=entry, owner=p.owner(entry.owner),
                  parent=(ui_text()["platform_rules"], f"{RULES_DIR}/index.html"))
        write(f"{STATUTORY_DIR}/index.html", "platform_statutory")
        for kind in self.kinds:
            for page in self.kind_pages.get(kind.number, []):
                write(page.save_as, "platform_statutory_kind", kind=kind, listing=kind, page=page)
        write(f"{REPORTS_DIR}/index.html", "platform_reports")
        for ry in self.report_years:
            for stats in [ry.county, *ry.organs]:
                if stats:
                    write(stats.save_as, "platform_statistics", stats=stats)
                    for t in stats.tables:
                        _write_bytes(Path(self.output_path) / t.csv_name, t.csv_bytes())
        if not p.county.guide:
            write(f"{APPLY_DIR}/index.html", "platform_apply", owner=p.county, apply_page=p.county.apply)
        write(FORM_URL, "platform_form", fillable=False)
        write(FILL_URL, "platform_form", fillable=True)


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def get_generators(pelican):
    return PlatformGenerator
