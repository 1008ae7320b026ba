"""Validate a content tree without building it (tests, and ``make check``)."""
from __future__ import annotations

from pathlib import Path

from catalog_model.entry import Entry
from catalog_model.vocabulary import Vocabulary
from catalog_reader.reader import CatalogReader, read_entry

from .validate import validate_entries

PAGES_DIR = "pages"  # editors' pages (guides, 制度): see plugins/disclosure_platform/pages.py


def item_files(root: Path, excludes: list[str]) -> list[Path]:
    """The item files Pelican reads: Markdown below root, less the excluded folders."""
    skip = tuple(root / e for e in excludes)
    suffixes = {f".{ext}" for ext in CatalogReader.file_extensions}
    return sorted(p for p in root.rglob("*") if p.suffix in suffixes and p.is_file()
                  and not any(p.is_relative_to(s) for s in skip))


def item_excludes(settings: dict) -> list[str]:
    """The folders below content/ that hold no items: Pelican's ARTICLE_EXCLUDES
    (attachments) and the platform's pages (``CATALOG_PAGES_DIR``)."""
    excludes = list(settings.get("ARTICLE_EXCLUDES", []))
    pages = settings.get("CATALOG_PAGES_DIR", PAGES_DIR)
    return excludes if not pages or pages in excludes else [*excludes, pages]


def validate_tree(settings: dict):
    """Read every item below ``settings['PATH']``; returns (catalog, problems)."""
    root = Path(settings["PATH"]).resolve()
    vocabulary = Vocabulary.from_settings(settings)
    entries: list[Entry] = [read_entry(path, root, vocabulary)[0]
                            for path in item_files(root, item_excludes(settings))]
    return validate_entries(entries, settings)
