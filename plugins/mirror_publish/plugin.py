"""Pelican wiring: once the written site passed its checks, publish staging
over the output (``site_checked``, sent after ``site_written``'s checks; a
check that exits stops the swap, and the previous output stays as it was)."""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from catalog_model.settings import check_settings
from catalog_model.signals import require_plugin, site_checked, site_published

from .publish import keep_unchanged_mtimes, swap_in

logger = logging.getLogger(__name__)


def publish(pelican, catalog) -> None:
    target = catalog.settings.MIRROR_PUBLISH_PATH
    if not target:
        return  # plain `pelican` run: it wrote straight into OUTPUT_PATH
    staging, published = Path(pelican.output_path).resolve(), Path(target).resolve()
    if staging == published:
        raise ValueError("MIRROR_PUBLISH_PATH must differ from the output (staging) path")
    unchanged, changed = keep_unchanged_mtimes(staging, published)
    swap_in(staging, published)
    logger.info("Published %s: %d files changed, %d unchanged", published, changed, unchanged)
    site_published.send(pelican, catalog=catalog)


def require_catalog(pelican) -> None:
    require_plugin(pelican, "catalog_validation", "mirror_publish")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.initialized.connect(require_catalog)
    site_checked.connect(publish)
