"""Advice for ``make check`` about the platform: a 法定主动公开内容 kind with
nothing mapped or no items (an empty column is what inspectors count as
空白栏目), and a county or organ with items but no 政府信息公开指南."""
from __future__ import annotations

from catalog_model.catalog import Catalog
from catalog_model.problems import WARNING, Problem, problem

from .content import platform_content
from .statutory import assign, statutory_kinds

SETTINGS_FILE = "pelicanconf.py"


def platform_advice(catalog: Catalog, settings: dict) -> list[Problem]:
    found: list[Problem] = []
    kinds = statutory_kinds(catalog.settings.CATALOG_STATUTORY_MAP)
    assign(kinds, catalog.listed)
    for kind in kinds:
        key = "advice_statutory_unmapped" if kind.selector.empty else "advice_statutory_empty" if not kind.items else None
        if key:
            found.append(_generated(problem(SETTINGS_FILE, 1, "CATALOG_STATUTORY_MAP", key, severity=WARNING,
                                            label=kind.label, title=kind.title)))
    plat = platform_content(catalog).platform
    pages_dir = catalog.settings.CATALOG_PAGES_DIR
    if plat.county.guide is None:
        found.append(problem(pages_dir, 1, "", "advice_no_county_guide", severity=WARNING))
    with_guide = {o.name for o in plat.organs if o.guide}
    for name in sorted({item.meta.publisher for item in catalog.listed} - with_guide):
        organ = catalog.organs.get(name)
        if organ and organ.kind != "县政府":  # the county government's guide is the county's
            found.append(problem(pages_dir, 1, "", "advice_no_guide", severity=WARNING, organ=name))
    return found


def _generated(found: Problem) -> Problem:
    """Advice about a setting names pelicanconf.py, not a file of the content folder."""
    return Problem(found.path, found.line, found.field, found.text, found.hint, found.severity, in_content=False)
