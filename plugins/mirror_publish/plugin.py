"""Pelican wiring: after a successful build, publish staging over the output."""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .publish import keep_unchanged_mtimes, swap_in
from .signals import before_publish
from .signals import published as published_signal

logger = logging.getLogger(__name__)


def publish(pelican) -> None:
    before_publish.send(pelican)  # link check and other gates; they exit to stop us
    target = pelican.settings.get("MIRROR_PUBLISH_PATH")
    if not target:
        return  # plain `pelican` run: it wrote straight into OUTPUT_PATH
    staging, published = Path(pelican.output_path).resolve(), Path(target).resolve()
    if staging == published:
        raise ValueError("MIRROR_PUBLISH_PATH must differ from the output (staging) path")
    unchanged, changed = keep_unchanged_mtimes(staging, published)
    swap_in(staging, published)
    logger.info("Published %s: %d files changed, %d unchanged", published, changed, unchanged)
    published_signal.send(pelican)


def register() -> None:
    signals.finalized.connect(publish)
