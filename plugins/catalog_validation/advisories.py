"""Advice for editors before they commit (``make check``): things that are
allowed but usually a mistake. Warnings only; the build does not show them,
so that a large catalog's build log stays about what stops it."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from catalog_model.catalog import Catalog
from catalog_model.problems import WARNING, Problem, problem
from catalog_model.schema import field_name
from catalog_model.text import message
from catalog_model.units import human_size
from catalog_model.vocabulary import FEEDBACK_DUE_DAYS, POLICY_SECTION, VALID, Vocabulary

IMAGE_ADVICE_BYTES = 200 * 1024


def advisories(catalog: Catalog, content_root: Path | None = None) -> list[Problem]:
    found = []
    interpreted = catalog.reverse["interpreted_by"]
    answered = catalog.reverse["feedback"]
    due = dt.timedelta(days=FEEDBACK_DUE_DAYS)
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
        deadline = item.consultation_deadline
        if deadline and catalog.reference_date > deadline + due and item.index_no not in answered:
            found.append(problem(e.source_path, e.line("consultation_deadline"), field_name("consultation_deadline"),
                                 "advice_feedback_due", severity=WARNING, deadline=str(deadline),
                                 days=FEEDBACK_DUE_DAYS))
        for line, src in e.images if content_root else []:
            path = content_root / src
            if path.is_file() and path.stat().st_size > IMAGE_ADVICE_BYTES:
                found.append(problem(e.source_path, line, f"{message('body')}(body)", "advice_image_large",
                                     severity=WARNING, src=src, size=human_size(path.stat().st_size),
                                     limit=IMAGE_ADVICE_BYTES // 1024))
    return found


def empty_columns(catalog: Catalog, vocabulary: Vocabulary, organs_file: str, settings_file: str) -> list[Problem]:
    """Sections and organs without a published item: inspectors count 空白栏目."""
    sections = Counter(e.item.category for e in _published(catalog))
    organs = Counter(e.item.publisher for e in _published(catalog))
    return ([problem(settings_file, 1, "CATALOG_SECTIONS", "advice_empty_section", severity=WARNING, name=name)
             for name in vocabulary.section_names if not sections[name]]
            + [problem(organs_file, 1, "", "advice_empty_organ", severity=WARNING, name=organ.name)
               for organ in catalog.organs.organs if not organs[organ.name]])


def _published(catalog: Catalog):
    return (e for e in catalog.entries if e.item and e.item.status == "published")


def section_counts(catalog: Catalog, vocabulary: Vocabulary) -> list[tuple[str, int]]:
    """Published items per section, in the configured order."""
    counts = Counter(e.item.category for e in _published(catalog))
    return [(name, counts[name]) for name in vocabulary.section_names]
