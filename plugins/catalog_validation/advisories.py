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
from catalog_model.vocabulary import FEEDBACK_DUE_DAYS, POLICY_SECTION, VALID

IMAGE_ADVICE_BYTES = 200 * 1024


# Advice from other plugins (the platform's columns): (catalog, settings) -> problems.
ADVISORIES: list = []


def add_advisory(advise) -> None:
    if advise not in ADVISORIES:
        ADVISORIES.append(advise)


def advisories(catalog: Catalog, settings: dict | None = None) -> list[Problem]:
    """Advice on the catalog; ``settings`` (Pelican's) give the content folder, for
    the image sizes, and the other plugins' advice their settings."""
    settings = settings or {}
    content_root = Path(settings["PATH"]) if "PATH" in settings else None
    found = [p for advise in ADVISORIES for p in advise(catalog, settings)]
    interpreted = catalog.reverse["interpreted_by"]
    answered = catalog.reverse["feedback"]
    due = dt.timedelta(days=FEEDBACK_DUE_DAYS)
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
        deadline = meta.consultation_deadline
        if deadline and catalog.reference_date > deadline + due and meta.index_no not in answered:
            found.append(problem(item.source_path, item.line("consultation_deadline"),
                                 field_name("consultation_deadline"), "advice_feedback_due", severity=WARNING,
                                 deadline=str(deadline), days=FEEDBACK_DUE_DAYS))
        for line, src in item.images if content_root else []:
            path = content_root / src
            if path.is_file() and path.stat().st_size > IMAGE_ADVICE_BYTES:
                found.append(problem(item.source_path, line, f"{message('body')}(body)", "advice_image_large",
                                     severity=WARNING, src=src, size=human_size(path.stat().st_size),
                                     limit=IMAGE_ADVICE_BYTES // 1024))
    return found


def empty_columns(catalog: Catalog, organs_file: str, settings_file: str) -> list[Problem]:
    """Sections and organs without a published item: inspectors count 空白栏目."""
    organs = Counter(item.meta.publisher for item in catalog.listed)
    return ([problem(settings_file, 1, "CATALOG_SECTIONS", "advice_empty_section", severity=WARNING, name=name)
             for name, count in catalog.section_counts() if not count]
            + [problem(organs_file, 1, "", "advice_empty_organ", severity=WARNING, name=organ.name)
               for organ in catalog.organs.organs if not organs[organ.name]])

