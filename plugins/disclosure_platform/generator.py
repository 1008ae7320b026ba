"""The platform's pages, written with Pelican's writer (relative URLs from
any sub-path and file://). Added through ``get_generators`` after the
catalog pages, whose context (catalog, organs, sections) it reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from build_cache.writer import enabled, page_fingerprint
from catalog_model.catalog import catalog_of
from catalog_model.text import ui_text
from catalog_pages.facets import year_of
from catalog_pages.listing import ListingPage, paginate

from .annual_report import COUNTY, report_tables, summed
from .columns import COLUMN_URLS, FILL_URL, FORM_URL, REPORTS_DIR, rule_url
from .content import PlatformContent, platform_content
from .selectors import Selector
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
    items: list  # the 年报 items of this report year, by organ order
    county: Statistics | None = None
    organs: list[Statistics] = field(default_factory=list)


class PlatformGenerator(Generator):
    def generate_context(self):
        catalog = catalog_of(self.context, "disclosure_platform")
        content = platform_content(catalog)
        self.platform = content.platform
        listed = catalog.listed

        self.kinds = statutory_kinds(catalog.settings.CATALOG_STATUTORY_MAP)
        assign(self.kinds, listed)
        size = catalog.settings.CATALOG_PAGE_SIZE
        self.kind_pages: dict[int, list[ListingPage]] = {
            k.number: paginate(k.folder, k.items, size, year_of) for k in self.kinds if k.items}

        rules_select = Selector.of(catalog.settings.CATALOG_RULES_SELECT)
        self.rule_items = [i for i in reversed(listed) if rules_select.matches(i.meta)]
        sections = [name for name, _ in catalog.settings.CATALOG_SECTIONS]
        self.report_years = self._report_years(content, listed, catalog.organs, sections)
        self.context["TEXT"] = ui_text()
        # What the platform's own templates show (the home page and organ
        # listings ask the catalog: catalog.extras.platform).
        self.pages = {"platform": self.platform, "platform_kinds": self.kinds, "platform_rule_items": self.rule_items,
                      "platform_report_years": self.report_years, "platform_urls": COLUMN_URLS}

    def _report_years(self, content: PlatformContent, listed, organs, sections: list[str]) -> list[ReportYear]:
        """年报 items by report year (published in the following year, 条例 第五十条), and
        statistics wherever a data file exists."""
        years: dict[int, ReportYear] = {}
        order = {o.name: i for i, o in enumerate(organs.organs)}
        for item in listed:
            if item.meta.category == ANNUAL_REPORT_SECTION:
                report_year = item.meta.date.year - 1
                years.setdefault(report_year, ReportYear(report_year, [])).items.append(item)
        for year, reports in content.reports_by_year().items():
            ry = years.setdefault(year, ReportYear(year, []))
            for r in sorted(reports, key=lambda r: order.get(r.organ, 0)):
                organ = organs.get(r.organ)
                values = {**r.values, **{f"applications.{k}": v for k, v in r.applications.items()}}
                ry.organs.append(Statistics(year, r.organ, f"{REPORTS_DIR}/{year}/{organ.code}.html",
                                            report_tables(organ.code, values, content.figures.computed(r.organ, year),
                                                          sections), [r.source_path]))
            ry.county = Statistics(year, self.platform.county.name, f"{REPORTS_DIR}/{year}/index.html",
                                   report_tables("county", summed(reports), content.figures.computed(COUNTY, year),
                                                 sections),
                                   sorted(r.source_path for r in reports))
        for ry in years.values():
            ry.items.sort(key=lambda i: (order.get(i.meta.publisher, 0), i.meta.date, i.meta.index_no))
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
                              url=save_as, **self.pages, **extra)

        p = self.platform
        write(COLUMN_URLS["guide"], "platform_guides")
        for owner in [p.county, *p.organs]:
            if owner.guide and owner.organ:
                write(owner.guide_url, "platform_page", entry=owner.guide, owner=owner,
                      parent=(ui_text()["platform_guides"], COLUMN_URLS["guide"]))
            if owner.apply_url:
                write(owner.apply_url, "platform_apply", owner=owner, apply_page=owner.apply or p.county.apply)
        write(COLUMN_URLS["rules"], "platform_rules")
        for entry in p.rules:
            write(rule_url(entry), "platform_page", entry=entry, owner=p.owner(entry.owner),
                  parent=(ui_text()["platform_rules"], COLUMN_URLS["rules"]))
        write(COLUMN_URLS["statutory"], "platform_statutory")
        for kind in self.kinds:
            for page in self.kind_pages.get(kind.number, []):
                write(page.save_as, "platform_statutory_kind", kind=kind, listing=kind, page=page,
                      fingerprint=kind_page_fingerprint(kind, page))
        write(COLUMN_URLS["reports"], "platform_reports")
        for ry in self.report_years:
            for stats in [ry.county, *ry.organs]:
                if stats:
                    write(stats.save_as, "platform_statistics", stats=stats)
                    for t in stats.tables:
                        _write_bytes(Path(self.output_path) / t.csv_name, t.csv_bytes())
        if not p.county.guide:
            write(COLUMN_URLS["apply"], "platform_apply", owner=p.county, apply_page=p.county.apply)
        write(FORM_URL, "platform_form", fillable=False)
        write(FILL_URL, "platform_form", fillable=True)


def kind_page_fingerprint(kind, page: ListingPage) -> str | None:
    """A page of one kind of 法定主动公开内容 is a listing (build_cache): its kind
    (number and title; everything else it shows of the kind follows from them),
    its place and neighbours, its total and years, and the files of the items it
    shows. The settings, organs, platform pages, theme and code are in every fingerprint."""
    if not enabled():
        return None
    return page_fingerprint("statutory kind", kind.number, kind.title, page.save_as, page.number, page.newer,
                            page.older, page.total, page.years, [item.source_digest for item in page.items])


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def get_generators(pelican):
    return PlatformGenerator
