"""The whole catalog: items by 索引号 and the links between them, both ways.

Built once per build, in linear time, from the entries that will be published
(published and withdrawn; drafts are not part of the catalog).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .entry import Entry
from .organs import OrganRegistry
from .vocabulary import EXPIRED, VALID

# Link fields and the name of their reverse direction.
LINKS = {"interprets": "interpreted_by", "replaces": "replaced_by", "repealed_by": "repeals"}


@dataclass
class Catalog:
    entries: list[Entry]
    organs: OrganRegistry
    reference_date: dt.date
    by_index: dict[str, Entry] = field(default_factory=dict)
    reverse: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    extras: dict = field(default_factory=dict)  # what other plugins read beside the items, by plugin

    def __post_init__(self) -> None:
        reverse: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in LINKS.values()}
        for entry in self.entries:
            if entry.item:
                self.by_index.setdefault(entry.item.index_no, entry)
        for entry in self.entries:
            if not entry.item:
                continue
            for forward, backward in LINKS.items():
                for target in getattr(entry.item, forward):
                    reverse[backward][target].append(entry.item.index_no)
        # Sorted, so that pages never depend on the order files were read in.
        self.reverse = {name: {target: sorted(sources) for target, sources in targets.items()}
                        for name, targets in reverse.items()}

    def links(self, entry: Entry) -> dict[str, list[Entry]]:
        """Every related entry of ``entry``, by relation name, both directions."""
        out: dict[str, list[Entry]] = {}
        for forward, backward in LINKS.items():
            out[forward] = self._resolve(getattr(entry.item, forward))
            out[backward] = self._resolve(self.reverse[backward].get(entry.item.index_no, []))
        return out

    def _resolve(self, index_nos: list[str]) -> list[Entry]:
        return [self.by_index[i] for i in index_nos if i in self.by_index]

    def validity(self, entry: Entry) -> str | None:
        return effective_validity(entry, self.reference_date)


def chronological(articles) -> list:
    """Items oldest first; the 索引号 breaks ties so the order never depends on
    the order files were read in. Listings and search numbering share it."""
    return sorted(articles, key=lambda a: (a.catalog.item.date, a.catalog.item.index_no))


def effective_validity(entry: Entry, reference_date: dt.date) -> str | None:
    """有效 turns into 失效 once the reference date is past 有效期至."""
    item = entry.item
    if item.validity == VALID and item.expires and reference_date > item.expires:
        return EXPIRED
    return item.validity
