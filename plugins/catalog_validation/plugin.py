"""Build the catalog and stop the build, before any page is written, when the
content has errors."""
from __future__ import annotations

import gc
import sys

from pelican import signals

from catalog_model.catalog import CONTEXT_KEY, published_catalog, remember_catalog
from catalog_model.problems import errors, report
from catalog_model.settings import check_settings
from catalog_model.signals import require_plugin, site_checked, site_written
from catalog_reader.read_items import read_items

from .validate import display_prefix, validate_items


def build_catalog(generator) -> None:
    """Connected to ``article_generator_finalized``: Pelican's article
    generator runs first, before every plugin's generator (whose order Blinker
    does not fix), so the catalog is in the context before any of theirs
    starts. Read every item (``read_items``), report every problem; exit on
    errors; else hand the catalog to the other plugins.

    Exiting (rather than raising) keeps the editor's screen to the report
    alone, with no traceback; nothing has been written yet, and the
    mirror_publish plugin leaves the previous output untouched.
    """
    # Drafts are never built: neither their pages nor their unfinished fields' warnings.
    items = [item for item in read_items(generator.settings) if not item.is_draft]
    catalog, problems = validate_items(items, generator.settings)
    if problems:
        print(report(problems, display_prefix(generator.settings)), file=sys.stderr)
    if errors(problems):
        raise SystemExit(1)
    generator.context[CONTEXT_KEY] = catalog
    remember_catalog(generator.output_path, catalog)
    # The catalog lives until the build ends: take its objects (hundreds per item) out of the
    # collector's view, or every later collection walks them all (seconds at 10k items).
    gc.freeze()


def check_then_publish(pelican) -> None:
    """Once the site is written: its checks, then (if none exited) its publication."""
    catalog = published_catalog(pelican.output_path, "catalog_validation")
    site_written.send(pelican, catalog=catalog)
    site_checked.send(pelican, catalog=catalog)


def needs_reader(pelican) -> None:
    """Without catalog_reader, Pelican's Markdown reader would take the item files for blog posts."""
    require_plugin(pelican, "catalog_reader", "catalog_validation")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.initialized.connect(needs_reader)
    signals.article_generator_finalized.connect(build_catalog)
    signals.finalized.connect(check_then_publish)
