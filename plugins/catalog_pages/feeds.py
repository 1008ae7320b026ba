"""Atom feeds: the whole catalog, each section and each organ.

Each feed holds the ``CATALOG_FEED_ENTRIES`` newest published items (a
bounded file, whatever the catalog's size), with the catalog metadata of each
entry (索引号, 文号, 发布机构, 信息类别, 有效性, 主题分类) as elements of the
``gk:`` namespace beside Atom's own title, dates, author and category. Links
are absolute when ``CATALOG_SITE_URL`` is set, else relative to the feed.
Dates are the items' own: a feed never reads the clock.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgenerator import Atom1Feed

NAMESPACE = "urn:gongkai:catalog"
FEED_FOLDER = "feeds"
CHINA = dt.timezone(dt.timedelta(hours=8))
# Catalog fields carried in each entry, by element name.
ENTRY_FIELDS = ("index_no", "doc_no", "publisher", "category", "topic", "genre")


def feed_path(kind: str, slug: str = "") -> str:
    """save_as of a feed: ``feeds/all.atom.xml``, ``feeds/section/<slug>.atom.xml``…"""
    return f"{FEED_FOLDER}/all.atom.xml" if kind == "all" else f"{FEED_FOLDER}/{kind}/{slug}.atom.xml"


class CatalogAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:gk": NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, value in item["catalog"]:
            handler.addQuickElement(f"gk:{name}", value)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


def render_feed(save_as: str, title: str, listing_url: str, newest: list, catalog, owner: str) -> bytes:
    """The Atom document for ``newest`` (items, newest first, not empty)."""
    base = catalog.settings.CATALOG_SITE_URL.rstrip("/")
    # Relative to the feed's own folder when there is no public address.
    prefix = f"{base}/" if base else "../" * save_as.count("/")
    feed = CatalogAtomFeed(title=title, link=prefix + listing_url, description="", language="zh-CN",
                           feed_url=prefix + save_as,
                           feed_guid=(prefix + save_as) if base else f"urn:gongkai:feed:{save_as}",
                           author_name=owner or None)
    for item in newest:
        meta = item.meta
        link = prefix + item.url
        values = [(name, str(getattr(meta, name))) for name in ENTRY_FIELDS if getattr(meta, name)]
        if catalog.validity(item):
            values.append(("validity", catalog.validity(item)))
        feed.add_item(title=meta.title, link=link, description=item.summary,
                      unique_id=link if base else f"urn:gongkai:item:{meta.index_no}",
                      pubdate=_midnight(meta.date), updateddate=_midnight(meta.date),
                      author_name=meta.publisher, categories=[meta.category], catalog=values)
    return feed.writeString("utf-8").encode("utf-8")


def write_feed(output: Path, save_as: str, title: str, listing_url: str, newest: list, catalog, owner: str) -> None:
    path = output / save_as
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_feed(save_as, title, listing_url, newest, catalog, owner))
