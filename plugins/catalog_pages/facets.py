"""Browse pages for the catalog's facets: 主题分类 (both levels), 体裁, 年份
and 有效性, beside the sections and organs of ``generator.py``.

Each facet has an index page with a count per value, and each value with
items has its own listing, paginated oldest-first like the sections (see
``listing.py``) so that older pages stay byte-identical as items are added.
A value without items gets no page and no link. Folder names are ASCII and
stable: a value's position in its fixed vocabulary, the year itself, or for
the free-text second level of 主题分类 a short hash of its name.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from collections.abc import Callable

from catalog_model.schema import LABELS
from catalog_model.text import ui_text
from catalog_model.vocabulary import GENRES, TOPIC_LEVEL_SEPARATOR, TOPICS, VALIDITIES

from .listing import ListingPage, paginate

VALIDITY_SLUGS = {"有效": "valid", "失效": "expired", "废止": "repealed", "已修改": "amended"}
assert set(VALIDITY_SLUGS) == set(VALIDITIES)

year_of = attrgetter("meta.date.year")


@dataclass
class Listing:
    """One browsable set of items (a section, an organ, a facet value), with its pages."""

    name: str
    kind: str  # section, organ, organ_section, topic, genre, year, validity, library
    pages: list[ListingPage]
    group: str = ""  # organ kind (县政府, 县直部门, 乡镇) for organs
    trail: list[tuple[str, str]] = field(default_factory=list)  # breadcrumbs above the listing
    children: list[Listing] = field(default_factory=list)  # second-level topics, an organ's sections
    feed: str | None = None  # save_as of the Atom feed of this listing
    organ: object = None  # the Organ, for an organ's page
    items: list = field(default_factory=list, repr=False)  # oldest first

    def newest(self, count: int) -> list:
        return self.items[:-count - 1:-1]

    @property
    def count(self) -> int:
        return self.pages[0].total

    @property
    def url(self) -> str:
        return self.pages[0].save_as


def listing(name: str, kind: str, folder: str, items: list, size: int, **extra) -> Listing:
    """A listing of ``items`` (oldest first) under ``folder``."""
    return Listing(name, kind, paginate(folder, items, size, year_of), items=items, **extra)


@dataclass
class Facet:
    key: str  # the schema field
    title: str
    folder: str
    values: list[Listing]

    @property
    def url(self) -> str:
        return f"{self.folder}/index.html"

    @property
    def total(self) -> int:
        return sum(v.count for v in self.values)

    def listings(self):
        for value in self.values:
            yield value
            yield from value.children


def short_hash(text: str) -> str:
    return hashlib.blake2s(text.encode("utf-8"), digest_size=4).hexdigest()


def build_facets(ordered: list, validity_of: Callable, size: int) -> list[Facet]:
    """Every facet of the published items ``ordered`` oldest first; linear in the items."""
    topics: dict[str, list] = defaultdict(list)
    subtopics: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    genres: dict[str, list] = defaultdict(list)
    years: dict[int, list] = defaultdict(list)
    validities: dict[str, list] = defaultdict(list)
    for item in ordered:
        meta = item.meta
        if meta.topic:
            first, _, second = meta.topic.partition(TOPIC_LEVEL_SEPARATOR)
            topics[first].append(item)
            if second.strip():
                subtopics[first][second.strip()].append(item)
        if meta.genre:
            genres[meta.genre].append(item)
        years[meta.date.year].append(item)
        validity = validity_of(item)
        if validity:
            validities[validity].append(item)

    def facet(key: str, folder: str, names, slug, title: str = "", display=str) -> Facet:
        title = title or LABELS[key]
        trail = [(title, f"{folder}/index.html")]
        return Facet(key, title, folder, [listing(display(name), key, f"{folder}/{slug(name)}", items, size,
                                                  trail=trail)
                                          for name, items in names])

    topic = facet("topic", "topics", [(t, topics[t]) for t in TOPICS if topics[t]],
                  lambda t: f"{TOPICS.index(t) + 1:02d}")
    for value in topic.values:
        base = value.url.rsplit("/", 1)[0]
        trail = [*value.trail, (value.name, value.url)]
        value.children = [listing(f"{value.name} › {second}", "topic", f"{base}/{short_hash(second)}", items,
                                  size, trail=trail)
                          for second, items in sorted(subtopics[value.name].items())]
    return [
        topic,
        facet("genre", "genres", [(g, genres[g]) for g in GENRES if genres[g]],
              lambda g: f"{GENRES.index(g) + 1:02d}"),
        facet("date", "years", [(y, years[y]) for y in sorted(years, reverse=True)], str,
              title=ui_text()["facet_year"], display=ui_text()["year"].format),
        facet("validity", "validity", [(v, validities[v]) for v in VALIDITIES if validities[v]],
              VALIDITY_SLUGS.get),
    ]
