"""Pelican wiring of reading: items are not Pelican articles.

gongkai reads every item file itself (``read_items``: read cache, worker
processes) when ``catalog_validation`` builds the catalog, and renders the
item pages itself (``catalog_pages.item_pages``). Pelican's own readers are
taken off the item suffixes, so that Pelican's article generator never sees
an item file (nor reads it a second time).
"""
from __future__ import annotations

from pelican import signals

from catalog_model.content_tree import ITEM_SUFFIXES
from catalog_model.settings import check_settings


def take_item_suffixes(readers) -> None:
    """Connected to ``readers_init``: no Pelican reader for ``.md``/``.markdown``."""
    for suffix in ITEM_SUFFIXES:
        readers.reader_classes[suffix.lstrip(".")] = None


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(take_item_suffixes)
