"""Validate a content tree without building it (tests, and ``make check``)."""
from __future__ import annotations

from pathlib import Path

from catalog_model.entry import Entry
from catalog_model.vocabulary import Vocabulary
from catalog_reader.reader import CatalogReader, ItemReader

from .validate import validate_entries


def item_files(root: Path, excludes: list[str]) -> list[Path]:
    """The item files Pelican reads: Markdown below root, less the excluded folders."""
    skip = tuple(root / e for e in excludes)
    suffixes = {f".{ext}" for ext in CatalogReader.file_extensions}
    return sorted(p for p in root.rglob("*") if p.suffix in suffixes and p.is_file()
                  and not any(p.is_relative_to(s) for s in skip))


def validate_tree(settings: dict):
    """Read every item below ``settings['PATH']``; returns (catalog, problems)."""
    root = Path(settings["PATH"]).resolve()
    vocabulary = Vocabulary.from_settings(settings)
    # The whole reading, body included: body checks (images, 图解) report too.
    reader = ItemReader(root, vocabulary)
    entries: list[Entry] = [reader.read(path)[1] for path in item_files(root, settings.get("ARTICLE_EXCLUDES", []))]
    return validate_entries(entries, settings)
