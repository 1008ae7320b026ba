"""The Pelican reader for disclosure items (``.md`` files).

It replaces Pelican's Markdown reader. Each file becomes one Pelican article
whose ``item`` metadata is the :class:`Item` read from it; ``prefetch`` has
usually read the file already, in worker processes or from the read cache.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from catalog_model.content_tree import ITEM_SUFFIXES
from catalog_model.item import Item
from catalog_model.settings import check_settings

from . import prefetch
from .item_reader import ItemReader

# Pelican status for each catalog status: withdrawn items keep their page (a
# tombstone) but are not listed, which is what Pelican's "hidden" means;
# drafts are skipped outright ("skip"), so no part of Pelican sees them.
PELICAN_STATUS = {"published": "published", "withdrawn": "hidden", "draft": "skip"}


class CatalogReader(BaseReader):
    enabled = True
    file_extensions = [suffix.lstrip(".") for suffix in ITEM_SUFFIXES]

    def __init__(self, settings):
        super().__init__(settings)
        self._reader = ItemReader.from_settings(settings)
        self.prefetched: dict[str, Item] = {}  # filled by prefetch.read_ahead

    def read(self, filename):
        path = Path(filename)
        item = self.prefetched.pop(str(path.resolve()), None) or self._reader.read(path)
        return item.body_html, _pelican_metadata(item, path)


def _pelican_metadata(item: Item, path: Path) -> dict:
    meta = item.meta
    date = meta.date if meta else dt.date(1970, 1, 1)
    status = "skip" if item.is_draft else PELICAN_STATUS[meta.status] if meta else "published"
    return {
        "title": meta.title if meta else path.stem,
        "date": SafeDatetime(date.year, date.month, date.day),
        "slug": item.url_path,
        "item_path": item.url_path,
        "status": status,
        "template": "item",
        "item": item,
    }


def add_reader(readers) -> None:
    for ext in CatalogReader.file_extensions:
        readers.reader_classes[ext] = CatalogReader


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch.read_ahead)
