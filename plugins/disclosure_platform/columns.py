"""The four columns of the platform and the 依申请公开 pages, as page models
for the templates: what each page shows and where it is written.

URLs are ASCII and stable: ``guide/`` (指南: the county's at index.html, an
organ's at ``<code>.html``), ``rules/`` (制度), ``statutory/<n>/`` (法定主动公开
内容, kind 1–15), ``reports/`` (年报; statistics at ``<year>/index.html`` for the
county and ``<year>/<code>.html`` per organ, each table also as CSV) and
``apply/`` (依申请公开 and the application form).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from catalog_model.organs import Organ, OrganRegistry

from .pages import APPLY, GUIDE, RULES, PageEntry

COUNTY_SLUG = "index"
GUIDE_DIR, RULES_DIR, STATUTORY_DIR, REPORTS_DIR, APPLY_DIR = "guide", "rules", "statutory", "reports", "apply"
FORM_URL, FILL_URL = f"{APPLY_DIR}/form.html", f"{APPLY_DIR}/form-fill.html"
COLUMN_URLS = {"guide": f"{GUIDE_DIR}/index.html", "rules": f"{RULES_DIR}/index.html",
               "statutory": f"{STATUTORY_DIR}/index.html", "reports": f"{REPORTS_DIR}/index.html",
               "apply": f"{APPLY_DIR}/index.html", "form": FORM_URL, "fill": FILL_URL}


def owner_slug(organ: Organ | None) -> str:
    return organ.code if organ else COUNTY_SLUG


def guide_url(organ: Organ | None) -> str:
    """Where the county's (``None``) or an organ's 政府信息公开指南 is published."""
    return f"{GUIDE_DIR}/{owner_slug(organ)}.html"


def apply_url(organ: Organ | None) -> str:
    return f"{APPLY_DIR}/{owner_slug(organ)}.html"


def rule_url(entry: PageEntry) -> str:
    return f"{RULES_DIR}/{entry.stem}.html"


@dataclass
class OwnerPages:
    """One owner's (the county's or an organ's) guide and 依申请公开 page."""

    organ: Organ | None
    name: str
    guide: PageEntry | None = None
    apply: PageEntry | None = None

    @property
    def guide_url(self) -> str | None:
        return guide_url(self.organ) if self.guide else None

    @property
    def apply_url(self) -> str | None:
        # An owner's application page needs its contact details, which its guide gives.
        return apply_url(self.organ) if self.guide else None


@dataclass
class Platform:
    county: OwnerPages
    organs: list[OwnerPages]  # registry order, only organs with a guide or 依申请公开 page
    rules: list[PageEntry] = field(default_factory=list)  # newest first

    def owner(self, organ_name: str | None) -> OwnerPages | None:
        if organ_name is None:
            return self.county
        return next((o for o in self.organs if o.organ.name == organ_name), None)

    def guide_url(self, organ_name: str | None) -> str | None:
        """This organ's (or, for None, the county's) guide URL, or None when it has none."""
        owner = self.owner(organ_name)
        return owner.guide_url if owner else None


def platform(pages: list[PageEntry], organs: OrganRegistry, county_name: str) -> Platform:
    county = OwnerPages(None, county_name)
    by_name: dict[str, OwnerPages] = {}
    rules: list[PageEntry] = []
    for entry in pages:
        if entry.page.kind == RULES:
            entry.url = rule_url(entry)
            rules.append(entry)
            continue
        if entry.owner is None:
            owner = county
        else:
            organ = organs.get(entry.owner)
            owner = by_name.setdefault(entry.owner, OwnerPages(organ, organ.name))
        if entry.page.kind == GUIDE:
            owner.guide = entry
        elif entry.page.kind == APPLY:
            owner.apply = entry
    order = {o.name: i for i, o in enumerate(organs.organs)}
    listed = sorted(by_name.values(), key=lambda o: order[o.name])
    rules.sort(key=lambda e: (e.shown_date, e.source_path), reverse=True)
    return Platform(county, listed, rules)
