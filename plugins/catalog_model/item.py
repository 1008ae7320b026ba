"""A disclosure item: what reading one item file yields.

One name for one thing: the catalog, the pages, the checks and the search
all speak of :class:`Item`. Its front matter, once validated, is its
``meta`` (:class:`~catalog_model.schema.ItemMetadata`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem
from .schema import ItemMetadata

# Where an item's page is written, from its 索引号 (never from its title).
ITEM_URL = "items/{item_path}.html"


@dataclass
class Item:
    source_path: str  # relative to the content root, with / separators
    meta: ItemMetadata | None  # its validated front matter; None when the file has errors
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""  # the item's summary, or one derived from its body
    is_draft: bool = False
    lines: dict[str, int] = field(default_factory=dict)  # field key -> line in the file
    body_html: str = ""  # the Markdown body, rendered and sanitised
    body_line: int = 1  # the line the body starts on
    images: list[tuple[int, str]] = field(default_factory=list)  # (line, src below content/) of body images
    # The fields that passed their own rules, also when the file as a whole
    # was rejected (then a PartialMetadata): the catalog-wide checks use them.
    fields: ItemMetadata | None = None
    written_index_no: str = ""  # the 索引号 as written, even when it was rejected
    source_digest: str = ""  # digest of the file's path and bytes as read in this build (catalog_reader)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def url_path(self) -> str:
        """The item's stable ASCII path, derived from its 索引号, never from its title."""
        return self.meta.index_no if self.meta else "invalid/" + self.source_path.replace("/", "_")

    @property
    def url(self) -> str:
        """The item page, relative to the site root."""
        return ITEM_URL.format(item_path=self.url_path)


def image_file(src: str) -> str:
    """The file below content/ an image in a body names: ``files/x.png`` as
    written, or an importer's link to its published copy
    (``../../attachments/files/x.png``)."""
    parts = src.split("/")
    while parts and parts[0] == "..":
        parts.pop(0)
    if len(parts) > 1 and parts[0] == "attachments" and len(parts) < len(src.split("/")):
        parts.pop(0)
    return "/".join(parts)
