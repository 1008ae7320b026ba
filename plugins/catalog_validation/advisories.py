"""Advice for editors before they commit (``make check``): things that are
allowed but usually a mistake. Warnings only; the build does not show them,
so that a large catalog's build log stays about what stops it."""
from __future__ import annotations

from catalog_model.catalog import Catalog
from catalog_model.problems import WARNING, Problem, problem
from catalog_model.schema import field_name
from catalog_model.vocabulary import POLICY_SECTION, VALID


def advisories(catalog: Catalog) -> list[Problem]:
    found = []
    interpreted = catalog.reverse["interpreted_by"]
    for item in catalog.listed:
        meta = item.meta
        if meta.category == POLICY_SECTION and meta.index_no not in interpreted:
            found.append(problem(item.source_path, item.line("category"), field_name("category"),
                                 "advice_no_interpretation", severity=WARNING))
        if meta.date > catalog.reference_date:
            found.append(problem(item.source_path, item.line("date"), field_name("date"), "advice_future_date",
                                 severity=WARNING, date=str(meta.date), today=str(catalog.reference_date)))
        if meta.validity == VALID and meta.expires and meta.expires < catalog.reference_date:
            found.append(problem(item.source_path, item.line("validity"), field_name("validity"), "advice_expired",
                                 severity=WARNING, expires=str(meta.expires)))
    return found

