"""Pelican wiring of the build cache.

On for builds published with mirror_publish (``make html``):
``CATALOG_PAGE_CACHE`` is the folder of the dependency records (empty turns
it off, and every page is rendered). The record is opened when Pelican
starts (settings and reference date are known then) and saved once the
build is the published site.

When every input of the site is what the published site was built from
(``unchanged.py``), the build stops there: the published site is already
this build's result, and nothing is read, rendered or written.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals

from catalog_model.reference_date import reference_date
from catalog_model.settings import site_settings
from catalog_model.signals import site_published
from catalog_model.text import message

from . import state
from .fingerprint import site_fingerprint
from .record import OutputRecord
from .unchanged import inputs_fingerprint
from .writer import CachingWriter


def open_record(pelican) -> None:
    state.record = None
    ours = site_settings(pelican.settings)
    if not ours.CATALOG_PAGE_CACHE or not ours.MIRROR_PUBLISH_PATH:
        return  # without a published site beside the staging folder, there is nothing to reuse
    site = site_fingerprint(pelican.settings, reference_date(pelican.settings))
    state.record = OutputRecord.open(Path(ours.CATALOG_PAGE_CACHE), Path(pelican.output_path).resolve(),
                                     Path(ours.MIRROR_PUBLISH_PATH).resolve(), site)
    if state.record.unchanged(inputs_fingerprint(pelican.settings, site)):
        print(message("build_unchanged", published=ours.MIRROR_PUBLISH_PATH))
        # Pelican has no "nothing to do" answer; its command line exits 0 on SystemExit(0).
        raise SystemExit(0)


def get_writer(pelican):
    return CachingWriter


def save_record(pelican, catalog=None, files=None) -> None:
    if state.record is not None:
        state.record.save(files)
        state.record = None


def register() -> None:
    signals.initialized.connect(open_record)
    signals.get_writer.connect(get_writer)
    site_published.connect(save_record)
