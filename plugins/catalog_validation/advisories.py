"""Advice for editors before they commit (``make check``): things that are
allowed but usually a mistake. Warnings only; the build does not show them,
so that a large catalog's build log stays about what stops it."""
from __future__ import annotations

from collections import Counter

from catalog_model.catalog import Catalog
from catalog_model.problems import WARNING, Problem, problem
from catalog_model.schema import field_name
from catalog_model.vocabulary import POLICY_SECTION, VALID, Vocabulary


# Advice from other plugins (the platform's columns): (catalog, settings) -> problems.
ADVISORIES: list = []


def add_advisory(advise) -> None:
    if advise not in ADVISORIES:
        ADVISORIES.append(advise)


def advisories(catalog: Catalog, settings: dict | None = None) -> list[Problem]:
    found = [p for advise in ADVISORIES for p in advise(catalog, settings or {})]
    interpreted = catalog.reverse["interpreted_by"]
    for e in catalog.entries:
        item = e.item
        if not item or item.status != "published":
            continue
        if item.category == POLICY_SECTION and item.index_no not in interpreted:
            found.append(problem(e.source_path, e.line("category"), field_name("category"),
                                 "advice_no_interpretation", severity=WARNING))
        if item.date > catalog.reference_date:
            found.append(problem(e.source_path, e.line("date"), field_name("date"), "advice_future_date",
                                 severity=WARNING, date=str(item.date), today=str(catalog.reference_date)))
        if item.validity == VALID and item.expires and item.expires < catalog.reference_date:
            found.append(problem(e.source_path, e.line("validity"), field_name("validity"), "advice_expired",
                                 severity=WARNING, expires=str(item.expires)))
    return found


def section_counts(catalog: Catalog, vocabulary: Vocabulary) -> list[tuple[str, int]]:
    """Published items per section, in the configured order."""
    counts = Counter(e.item.category for e in catalog.entries if e.item and e.item.status == "published")
    return [(name, counts[name]) for name in vocabulary.section_names]
