"""What the search indexes and shows for each item.

Documents are numbered in chronological order (发布日期, then 索引号), and
the number is the lunr ref: a higher ref is a newer item, which is how the
browser breaks score ties (newest first) and filters by year (the manifest
holds the first ref of each year) without fetching anything else.
"""
from __future__ import annotations

from dataclasses import dataclass

from catalog_model.catalog import Catalog
from catalog_model.html_text import clipped, html_text
from catalog_model.item import Item

from .builder import Field

# The indexed fields and their build-time boosts (the contract the manifest
# publishes; lunr.py and our builder both take them from here). Only build-time
# boosts count: lunr divides each field's score by the query vector's length,
# so a query-time boost on every term of a field cancels out. A title match
# must outweigh a body that repeats the words many times (known-item search),
# and an exact 文号 or 索引号 must outweigh a title that cites it. The title
# also keeps boundary bigrams (局2016 -> 局2), so that word order survives a
# change of script; a body would pay for them in every date. An item whose
# title, 文号 or 索引号 holds every term of the query (a quoted piece) is
# ranked before the others (query.js).
FIELDS = (
    Field("title", 40, boundaries=True, quoted=True),
    Field("doc_no", 60, quoted=True),
    Field("index_no", 60, quoted=True),
    Field("keywords", 10),
    Field("body", 1, lengths_apart=True),
)


@dataclass
class IndexedItem:
    """An item as the search holds it: the row the result list shows, and
    ``fields()``, the text lunr indexes."""

    item: Item
    title: str
    url: str
    publisher: str
    date: str
    category: str
    validity: str
    doc_no: str
    index_no: str
    snippet: str

    def sources(self) -> tuple[str, str, str, str, str]:
        """Everything ``fields()`` is made of: the title, 文号, 索引号, keywords and
        body HTML (the token cache keys an item's tokens by these)."""
        meta = self.item.meta
        return meta.title, meta.doc_no or "", meta.index_no, " ".join(meta.keywords or []), self.item.body_html

    def fields(self) -> dict[str, str]:
        """The indexed text, made when asked (bodies are not all held at once)."""
        title, doc_no, index_no, keywords, body_html = self.sources()
        return {"title": title, "doc_no": doc_no, "index_no": index_no, "keywords": keywords,
                "body": html_text(body_html)}

    def row(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "item"}


def indexed_items(catalog: Catalog, snippet_chars: int) -> list[IndexedItem]:
    """The listed items, oldest first (ties by 索引号): ref n is the n-th."""
    return [IndexedItem(
        item=item, title=item.meta.title, url=item.url, publisher=item.meta.publisher,
        date=item.meta.date.isoformat(), category=item.meta.category,
        validity=catalog.validity(item) or "", doc_no=item.meta.doc_no or "",
        index_no=item.meta.index_no, snippet=clipped(item.summary or "", snippet_chars))
        for item in catalog.listed]
