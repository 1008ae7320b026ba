"""Pelican wiring: once the written site passed its checks (``site_checked``,
sent after ``site_written``'s checks; a check that exits stops everything and
the previous output stays as it was), add the precompressed siblings and the
manifest to staging, then publish staging over the output."""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from catalog_model.settings import check_settings
from catalog_model.signals import require_plugin, site_checked, site_published

from .compress import Levels, precompress
from .manifest import commit_of, write_manifest
from .publish import keep_unchanged_mtimes, swap_in

logger = logging.getLogger(__name__)


def publish(pelican, catalog) -> None:
    settings = catalog.settings
    staging = Path(pelican.output_path).resolve()
    published = Path(settings.MIRROR_PUBLISH_PATH).resolve() if settings.MIRROR_PUBLISH_PATH else None
    if staging == published:
        raise ValueError("MIRROR_PUBLISH_PATH must differ from the output (staging) path")
    if settings.MIRROR_PRECOMPRESS:
        reused, compressed = precompress(staging, published, settings.MIRROR_COMPRESS_EXTENSIONS,
                                         settings.MIRROR_COMPRESS_MIN_BYTES,
                                         Levels(settings.MIRROR_GZIP_LEVEL, settings.MIRROR_BROTLI_QUALITY))
        logger.info("Precompressed %d files (%d unchanged, siblings reused)", compressed, reused)
    if settings.MIRROR_MANIFEST:
        commit = settings.MIRROR_COMMIT
        if commit is None:
            commit = commit_of(Path(pelican.settings["PATH"]))
        write_manifest(staging, commit, catalog.reference_date.isoformat(), settings.MIRROR_MANIFEST_CHUNK_FILES)
    if published is None:
        return  # plain `pelican` run: it wrote straight into OUTPUT_PATH
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
