"""The whole catalog: the one object the plugins share.

Built once per build, in linear time, by ``catalog_validation`` from the items
that will be published (published and withdrawn; drafts are not part of the
catalog), after every file was read and validated. It holds the items, the
organ registry, the reference date and the typed settings, and answers what
pages, checks and search ask of an item: its effective validity, its organ,
the items related to it in both directions, where its section and organ live.

Plugins get it with :func:`catalog_of` (during generation) or
:func:`published_catalog` (after writing, for checks of the written site);
both fail loudly when the plugin that builds it is not enabled.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .history import History
from .item import Item
from .lifecycle import Notice, consultation_status, lifecycle_notice
from .organs import Organ, OrganRegistry
from .settings import SiteSettings
from .vocabulary import EXPIRED, VALID, Vocabulary

# Link fields and the name of their reverse direction.
LINKS = {"interprets": "interpreted_by", "replaces": "replaced_by", "repealed_by": "repeals",
         "feedback_for": "feedback", "corrected_by": "corrects"}
# Display order of relations on an item page: interpretations first (三同步).
RELATIONS = ("interpreted_by", "interprets", "replaces", "replaced_by", "repealed_by", "repeals",
             "feedback_for", "feedback", "corrected_by", "corrects")


def link_targets(meta, key: str) -> list[str]:
    """The 索引号 a link field names, as a list (corrected_by names one)."""
    value = getattr(meta, key)
    return [value] if isinstance(value, str) else list(value or [])

CONTEXT_KEY = "catalog"


@dataclass
class Catalog:
    items: list[Item]  # valid or not; published and withdrawn, never drafts
    organs: OrganRegistry
    reference_date: dt.date
    settings: SiteSettings = field(default_factory=SiteSettings)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # with the content tree's catalog.yaml
    by_index: dict[str, Item] = field(default_factory=dict)
    # organ code -> save_as of its 政府信息公开指南, registered by the plugin that writes guides
    guides: dict[str, str] = field(default_factory=dict)
    reverse: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    history: dict[str, History] = field(default_factory=dict)  # by source path; empty outside git
    extras: dict = field(default_factory=dict)  # what other plugins read beside the items, by plugin

    def __post_init__(self) -> None:
        reverse: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in LINKS.values()}
        for item in self.items:
            if item.meta:
                self.by_index.setdefault(item.meta.index_no, item)
        for item in self.items:
            if not item.meta:
                continue
            for forward, backward in LINKS.items():
                for target in link_targets(item.meta, forward):
                    reverse[backward][target].append(item.meta.index_no)
        # Sorted, so that pages never depend on the order files were read in.
        self.reverse = {name: {target: sorted(sources) for target, sources in targets.items()}
                        for name, targets in reverse.items()}

    # The items as the site shows them
    @property
    def valid_items(self) -> list[Item]:
        return [i for i in self.items if i.meta]

    @property
    def listed(self) -> list[Item]:
        """Published items, oldest first: listings, search and feeds show these."""
        return chronological(i for i in self.items if i.meta and i.meta.status == "published")

    @property
    def withdrawn(self) -> list[Item]:
        """Withdrawn items keep their page (a tombstone) but are listed nowhere."""
        return chronological(i for i in self.items if i.meta and i.meta.status == "withdrawn")

    def links(self, item: Item) -> dict[str, list[Item]]:
        """Every related item of ``item``, by relation name, both directions."""
        out: dict[str, list[Item]] = {}
        for forward, backward in LINKS.items():
            out[forward] = self._resolve(link_targets(item.meta, forward))
            out[backward] = self._resolve(self.reverse[backward].get(item.meta.index_no, []))
        return {name: out[name] for name in RELATIONS}

    def _resolve(self, index_nos: list[str]) -> list[Item]:
        return [self.by_index[i] for i in index_nos if i in self.by_index]

    def validity(self, item: Item) -> str | None:
        return effective_validity(item, self.reference_date)

    def history_of(self, item: Item) -> History | None:
        """The commits that changed the item's file (catalog_model/history.py), or None."""
        return self.history.get(item.source_path)

    def lifecycle(self, item: Item) -> Notice | None:
        """The notice at the top of a 废止 / 失效 / 已修改 document's page, if any."""
        return lifecycle_notice(item.meta, self.validity(item), self.links(item))

    def consultation(self, item: Item) -> str | None:
        """征集中 / 已结束 for a 意见征集 with a deadline, at the reference date."""
        return consultation_status(item.meta, self.reference_date)

    def organ(self, item: Item) -> Organ | None:
        return self.organs.get(item.meta.publisher)

    def organ_guide(self, organ: Organ) -> str | None:
        """The page of an organ's 政府信息公开指南, when one was registered in ``guides``."""
        return self.guides.get(organ.code)

    # Where things live (relative to the site root)
    def section_slug(self, name: str) -> str:
        return dict(self.settings.CATALOG_SECTIONS)[name]

    def section_url(self, name: str) -> str:
        return f"{section_folder(self.section_slug(name))}/index.html"

    def organ_url(self, organ: Organ) -> str:
        return f"{organ_folder(organ.code)}/index.html"

    def section_counts(self) -> list[tuple[str, int]]:
        """Published items per section, in the configured order."""
        counts: dict[str, int] = defaultdict(int)
        for item in self.listed:
            counts[item.meta.category] += 1
        return [(name, counts[name]) for name, _ in self.settings.CATALOG_SECTIONS]


def section_folder(slug: str) -> str:
    return f"sections/{slug}"


def organ_folder(code: str) -> str:
    return f"organs/{code}"


def chronological(items) -> list[Item]:
    """Items oldest first; the 索引号 breaks ties so the order never depends on
    the order files were read in. Listings and search numbering share it."""
    return sorted(items, key=lambda i: (i.meta.date, i.meta.index_no))


def effective_validity(item: Item, reference_date: dt.date) -> str | None:
    """有效 turns into 失效 once the reference date is past 有效期至."""
    meta = item.meta
    if meta.validity == VALID and meta.expires and reference_date > meta.expires:
        return EXPIRED
    return meta.validity


class MissingCatalog(RuntimeError):
    pass


def catalog_of(context: dict, needed_by: str) -> Catalog:
    """The build's catalog, for a generator or signal that needs it."""
    catalog = context.get(CONTEXT_KEY)
    if not isinstance(catalog, Catalog):
        raise MissingCatalog(f"{needed_by} needs the catalog, which the catalog_validation plugin builds: "
                             "add 'catalog_reader' and 'catalog_validation' to PLUGINS")
    return catalog


# The catalog of each build, by the folder it is written to, for the checks
# that run on Pelican's ``finalized`` signal (which carries no context).
_built: dict[str, Catalog] = {}


def remember_catalog(output_path: str, catalog: Catalog) -> None:
    _built[str(Path(output_path).resolve())] = catalog


def published_catalog(output_path: str, needed_by: str) -> Catalog:
    """The catalog of the build written to ``output_path``."""
    catalog = _built.get(str(Path(output_path).resolve()))
    if catalog is None:
        raise MissingCatalog(f"{needed_by} needs the catalog, which the catalog_validation plugin builds: "
                             "add 'catalog_reader' and 'catalog_validation' to PLUGINS")
    return catalog
