"""Pelican wiring: after a successful build, add the precompressed siblings and
the manifest to staging, then publish staging over the output."""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from catalog_model.reference_date import reference_date

from .compress import Levels, precompress
from .manifest import commit_of, write_manifest
from .publish import keep_unchanged_mtimes, swap_in
from .signals import before_publish

logger = logging.getLogger(__name__)

DEFAULTS = {
    "MIRROR_PUBLISH_PATH": "",  # the published folder; empty: Pelican's output is final (no swap)
    "MIRROR_PRECOMPRESS": True,  # write .gz and .br siblings of text files
    "MIRROR_COMPRESS_EXTENSIONS": (".html", ".css", ".js", ".json", ".txt", ".xml", ".svg", ".csv"),
    "MIRROR_COMPRESS_MIN_BYTES": 256,  # smaller files gain nothing (one packet either way)
    # Levels measured on a 10k site (README: Mirror operators): zlib 9 takes 2.4x
    # the CPU of 6 for 0.3% fewer bytes; brotli 7 1.5x that of 5 for 1.5% fewer,
    # 10-11 about 20x for ~10% fewer.
    "MIRROR_GZIP_LEVEL": 6,
    "MIRROR_BROTLI_QUALITY": 5,
    "MIRROR_MANIFEST": True,  # write manifest.json + manifest/ chunks
    "MIRROR_MANIFEST_CHUNK_FILES": 256,  # files per manifest chunk, on average
    "MIRROR_COMMIT": None,  # the manifest's commit; None: git HEAD of the content (+dirty), "" outside git
}


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def publish(pelican) -> None:
    before_publish.send(pelican)  # link check and other gates; they exit to stop us
    settings = pelican.settings
    staging = Path(pelican.output_path).resolve()
    target = setting(settings, "MIRROR_PUBLISH_PATH")
    published = Path(target).resolve() if target else None
    if published == staging:
        raise ValueError("MIRROR_PUBLISH_PATH must differ from the output (staging) path")
    if setting(settings, "MIRROR_PRECOMPRESS"):
        levels = Levels(setting(settings, "MIRROR_GZIP_LEVEL"), setting(settings, "MIRROR_BROTLI_QUALITY"))
        reused, compressed = precompress(staging, published,
                                         tuple(setting(settings, "MIRROR_COMPRESS_EXTENSIONS")),
                                         setting(settings, "MIRROR_COMPRESS_MIN_BYTES"), levels)
        logger.info("Precompressed %d files (%d unchanged, siblings reused)", compressed, reused)
    if setting(settings, "MIRROR_MANIFEST"):
        commit = setting(settings, "MIRROR_COMMIT")
        if commit is None:
            commit = commit_of(Path(settings["PATH"]))
        write_manifest(staging, commit, reference_date(settings).isoformat(),
                       setting(settings, "MIRROR_MANIFEST_CHUNK_FILES"))
    if published is None:
        return  # plain `pelican` run: it wrote straight into OUTPUT_PATH
    unchanged, changed = keep_unchanged_mtimes(staging, published)
    swap_in(staging, published)
    logger.info("Published %s: %d files changed, %d unchanged", published, changed, unchanged)


def register() -> None:
    signals.finalized.connect(publish)
