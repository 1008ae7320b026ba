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
        metadata = _pelican_metadata(item, path)
        metadata.update(_fixed_locations(self.settings, metadata))
        return item.body_html, metadata


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


def _fixed_locations(settings: dict, metadata: dict) -> dict:
    """An item's url and save_as, computed once. Pelican formats them from
    ``ARTICLE_URL``/``ARTICLE_SAVE_AS`` each time they are read (several times
    per item and build: 10k items cost seconds); given as metadata they are
    Pelican's overrides. Only when the patterns use nothing but the item's own
    metadata (the result is then the same string), and only when Pelican does
    not turn future-dated items into drafts (``WITH_FUTURE_DATES``), whose
    location differs."""
    if metadata["status"] not in ("published", "hidden") or not settings.get("WITH_FUTURE_DATES", True):
        return {}
    try:
        return {"url": str(settings["ARTICLE_URL"]).format(**metadata),
                "save_as": str(settings["ARTICLE_SAVE_AS"]).format(**metadata)}
    except (KeyError, IndexError, AttributeError, ValueError):
        return {}  # the pattern needs Pelican's own fields: let Pelican format it


def add_reader(readers) -> None:
    for ext in CatalogReader.file_extensions:
        readers.reader_classes[ext] = CatalogReader


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch.read_ahead)
