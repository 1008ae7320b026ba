"""Publish a finished build over the previous one, mirror-friendly and whole.

Pelican writes the site into a staging folder. Only when the build finished
(a failed build exits before this runs) is staging swapped in for the
published folder. Files whose bytes did not change keep their old
modification time (``files.py``, ``plugin.py``), so ``rsync -a`` to a
township mirror copies only what really changed.
"""
from __future__ import annotations

import shutil
import threading
from pathlib import Path


def swap_in(staging: Path, published: Path) -> threading.Thread | None:
    """Replace ``published`` by ``staging`` with two renames (no copy). The
    retired tree is removed in a thread (returned; join it before exiting):
    most of its files are links that the new tree shares, and deleting tens of
    thousands of names is waiting on the file system, which other work can overlap."""
    retired = published.with_name(f".{published.name}.retired")
    if retired.exists():
        shutil.rmtree(retired)
    if published.exists():
        published.rename(retired)
    staging.rename(published)
    if not retired.exists():
        return None
    remover = threading.Thread(target=shutil.rmtree, args=(retired,), name="remove-retired", daemon=False)
    remover.start()
    return remover
