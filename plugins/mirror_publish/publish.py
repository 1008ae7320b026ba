"""Publish a finished build over the previous one, mirror-friendly and whole.

Pelican writes the site into a staging folder. Only when the build finished
(a failed build exits before this runs) is staging swapped in for the
published folder. Files whose bytes did not change get their old
modification time back first, so ``rsync -a`` to a township mirror copies
only what really changed.
"""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path


def keep_unchanged_mtimes(staging: Path, published: Path) -> tuple[int, int]:
    """Give unchanged files their published mtime. Returns (unchanged, changed)."""
    unchanged = changed = 0
    for folder, _, files in os.walk(staging):
        for name in files:
            new = Path(folder, name)
            old = published / new.relative_to(staging)
            if old.is_file() and (os.path.samefile(new, old) or filecmp.cmp(new, old, shallow=False)):
                stat = old.stat()
                os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
                unchanged += 1
            else:
                changed += 1
    return unchanged, changed


def swap_in(staging: Path, published: Path) -> None:
    """Replace ``published`` by ``staging`` with two renames (no copy)."""
    retired = published.with_name(f".{published.name}.retired")
    if retired.exists():
        shutil.rmtree(retired)
    if published.exists():
        published.rename(retired)
    staging.rename(published)
    if retired.exists():
        shutil.rmtree(retired)
