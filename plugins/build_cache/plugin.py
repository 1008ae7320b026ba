"""Pelican wiring of the build cache.

On by default for builds published with mirror_publish (``make html``):
``CATALOG_PAGE_CACHE`` is the folder of the dependency records (empty turns
it off, and every page is rendered). The record is opened once the
generators are ready (the reference date is known) and saved after the swap.
"""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from catalog_model.reference_date import reference_date
from mirror_publish.signals import published

from . import state
from .fingerprint import site_fingerprint
from .record import OutputRecord
from .writer import CachingWriter

logger = logging.getLogger(__name__)
DEFAULTS = {
    "CATALOG_PAGE_CACHE": ".cache/pages",  # dependency records of published sites; empty: render every page
}


def open_record(pelican) -> None:
    state.record = None
    state.declared.clear()
    settings = pelican.settings
    folder = settings.get("CATALOG_PAGE_CACHE", DEFAULTS["CATALOG_PAGE_CACHE"])
    target = settings.get("MIRROR_PUBLISH_PATH")
    if not folder or not target:
        return  # without a published site beside the staging folder, there is nothing to reuse
    site = site_fingerprint(settings, reference_date(settings))
    state.record = OutputRecord.open(Path(folder), Path(pelican.output_path).resolve(), Path(target).resolve(), site)


def get_writer(pelican):
    return CachingWriter


def save_record(pelican) -> None:
    if state.record is not None:
        state.record.save()
        state.record = None


def register() -> None:
    signals.initialized.connect(open_record)
    signals.get_writer.connect(get_writer)
    published.connect(save_record)
