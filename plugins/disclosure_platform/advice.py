"""Advice for ``make check`` about the platform: a 法定主动公开内容 kind with
nothing mapped or no items (an empty column is what inspectors count as
空白栏目), and a county or organ with items but no 政府信息公开指南."""
from __future__ import annotations

from catalog_model.catalog import Catalog
from catalog_model.problems import WARNING, Problem, problem

from .columns import platform
from .content import PlatformContent
from .settings import setting
from .statutory import assign, statutory_kinds

SETTINGS_FILE = "pelicanconf.py"


def platform_advice(catalog: Catalog, settings: dict) -> list[Problem]:
    found: list[Problem] = []
    kinds = statutory_kinds(setting(settings, "CATALOG_STATUTORY_MAP"))
    published = [e for e in catalog.entries if e.item and e.item.status == "published"]
    assign(kinds, [_Article(e) for e in published])
    for kind in kinds:
        key = "advice_statutory_unmapped" if kind.selector.empty else "advice_statutory_empty" if not kind.items else None
        if key:
            found.append(_generated(problem(SETTINGS_FILE, 1, "CATALOG_STATUTORY_MAP", key, severity=WARNING,
                                            label=kind.label, title=kind.title)))
    content: PlatformContent = catalog.extras.get("platform") or PlatformContent()
    plat = platform(content.pages, catalog.organs, settings.get("SITE_OWNER", ""))
    if plat.county.guide is None:
        found.append(problem(setting(settings, "CATALOG_PAGES_DIR"), 1, "", "advice_no_county_guide",
                             severity=WARNING))
    with_guide = {o.name for o in plat.organs if o.guide}
    publishers = sorted({e.item.publisher for e in published} - with_guide)
    for name in publishers:
        if catalog.organs.get(name) and catalog.organs.get(name).kind != "县政府":
            found.append(problem(setting(settings, "CATALOG_PAGES_DIR"), 1, "", "advice_no_guide",
                                 severity=WARNING, organ=name))
    return found


class _Article:
    """The shape ``assign`` expects (a Pelican article) around a bare entry."""

    def __init__(self, entry):
        self.catalog = entry


def _generated(found: Problem) -> Problem:
    return Problem(found.path, found.line, found.field, found.text, found.hint, found.severity, in_content=False)
