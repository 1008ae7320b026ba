"""Build the catalog and stop the build, before any page is written, when the
content has errors."""
from __future__ import annotations

import sys
from itertools import chain

from pelican import signals

from catalog_model.catalog import CONTEXT_KEY, published_catalog, remember_catalog
from catalog_model.problems import errors, report
from catalog_model.settings import check_settings
from catalog_model.signals import site_checked, site_written

from .validate import display_prefix, validate_items


def build_catalog(generator) -> None:
    """After all items are read: report every problem; exit on errors; else
    hand the catalog to the other plugins.

    Exiting (rather than raising) keeps the editor's screen to the report
    alone, with no traceback; nothing has been written yet, and the
    mirror_publish plugin leaves the previous output untouched.
    """
    articles = chain(generator.articles, generator.hidden_articles)  # drafts were skipped
    items = [a.item for a in articles if hasattr(a, "item")]
    catalog, problems = validate_items(items, generator.settings)
    if problems:
        print(report(problems, display_prefix(generator.settings)), file=sys.stderr)
    if errors(problems):
        raise SystemExit(1)
    generator.context[CONTEXT_KEY] = catalog
    remember_catalog(generator.output_path, catalog)


def check_then_publish(pelican) -> None:
    """Once the site is written: its checks, then (if none exited) its publication."""
    catalog = published_catalog(pelican.output_path, "catalog_validation")
    site_written.send(pelican, catalog=catalog)
    site_checked.send(pelican, catalog=catalog)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(build_catalog)
    signals.finalized.connect(check_then_publish)
