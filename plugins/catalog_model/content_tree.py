"""Which files of a content tree are items: one answer for the build, the
read-ahead workers and ``make check`` alike."""
from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from .settings import DECLARED

ITEM_SUFFIXES = (".md", ".markdown")


def item_excludes(settings: dict) -> list[str]:
    """The folders below the content folder that hold no items: ``ARTICLE_EXCLUDES``
    (attachments) and the platform's pages. The disclosure_platform plugin makes
    Pelican's ``ARTICLE_EXCLUDES`` this list, so the build and this module agree."""
    excludes = list(settings.get("ARTICLE_EXCLUDES", []))
    pages = settings.get("CATALOG_PAGES_DIR", DECLARED["CATALOG_PAGES_DIR"].default)
    return excludes if not pages or pages in excludes else [*excludes, pages]


def item_files(settings: dict) -> list[Path]:
    """Every item file below ``PATH``, sorted: the Markdown files Pelican's
    article generator reads — below ``ARTICLE_PATHS``, less ``ARTICLE_EXCLUDES``
    (and the platform's pages, ``CATALOG_PAGES_DIR``: see :func:`item_excludes`)
    and names matching ``IGNORE_FILES``, walked the way ``Generator.get_files`` walks."""
    root = Path(settings["PATH"]).resolve()
    ignores = settings.get("IGNORE_FILES", [".#*"])
    excluded = {(root / e).resolve() for e in item_excludes(settings)}
    found: set[Path] = set()
    for base in settings.get("ARTICLE_PATHS", [""]):
        for folder, dirs, files in os.walk(root / base, followlinks=True):
            here = Path(folder)
            dirs[:] = [d for d in dirs if (here / d).resolve() not in excluded
                       and not any(fnmatch(d, pattern) for pattern in ignores)]
            found.update(here / f for f in files if f.endswith(ITEM_SUFFIXES)
                         and not any(fnmatch(f, pattern) for pattern in ignores))
    return sorted(found)
