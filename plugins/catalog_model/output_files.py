"""The files of a written site, listed with ``os.scandir`` (no ``pathlib``
object, no stat per file: a 100k-item site has hundreds of thousands)."""
from __future__ import annotations

import os


def files_below(root: str | os.PathLike, skip: tuple[str, ...] = (),
                follow_links: bool = False) -> dict[str, os.DirEntry]:
    """Every file below ``root`` (what ``os.walk`` lists as files), by its
    POSIX path relative to ``root``. A missing ``root`` has none. Folders named
    in ``skip`` are not entered; linked folders only with ``follow_links``
    (as Pelican reads a content tree)."""
    found: dict[str, os.DirEntry] = {}
    folders = [("", os.fspath(root))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = os.scandir(folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                if not entry.is_dir():
                    found[prefix + entry.name] = entry
                elif entry.name not in skip and (follow_links or not entry.is_symlink()):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
    return found
