"""Stop the build, before any page is written, when the content has errors."""
from __future__ import annotations

import sys
from itertools import chain

from pelican import signals

from catalog_model.problems import errors, report

from .validate import display_prefix, validate_entries


def validate_catalog(generator) -> None:
    """After all items are read: report every problem; exit on errors.

    Exiting (rather than raising) keeps the editor's screen to the report
    alone, with no traceback; nothing has been written yet, and the
    mirror_publish plugin leaves the previous output untouched.
    """
    articles = chain(generator.articles, generator.hidden_articles)  # drafts were skipped
    entries = [a.catalog for a in articles if hasattr(a, "catalog")]
    catalog, problems = validate_entries(entries, generator.settings)
    if problems:
        print(report(problems, display_prefix(generator.settings)), file=sys.stderr)
    if errors(problems):
        raise SystemExit(1)
    generator.context["catalog"] = catalog


def register() -> None:
    signals.article_generator_finalized.connect(validate_catalog)
