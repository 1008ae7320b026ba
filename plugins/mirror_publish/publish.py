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
import stat
from pathlib import Path


def keep_unchanged_mtimes(staging: Path, published: Path) -> tuple[int, int]:
    """Give unchanged files their published mtime. Returns (unchanged, changed)."""
    unchanged = changed = 0
    root, old_root = str(staging), str(published)
    for folder, _, files in os.walk(root):
        old_folder = os.path.join(old_root, os.path.relpath(folder, root))
        for name in files:
            new, old = os.path.join(folder, name), os.path.join(old_folder, name)
            try:
                old_stat, new_stat = os.stat(old), os.stat(new)
            except OSError:
                changed += 1
                continue
            if (old_stat.st_ino, old_stat.st_dev) == (new_stat.st_ino, new_stat.st_dev):
                unchanged += 1  # carried over as a hard link by build_cache: the very same file
            elif stat.S_ISREG(old_stat.st_mode) and old_stat.st_size == new_stat.st_size \
                    and filecmp.cmp(new, old, shallow=False):
                os.utime(new, ns=(old_stat.st_atime_ns, old_stat.st_mtime_ns))
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
