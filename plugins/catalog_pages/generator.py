"""Catalog pages: home, one listing per section and per organ, the item pages'
attachments.

A Pelican generator added through ``get_generators``: its context is built
after the articles were read and the catalog was validated, its output
written with Pelican's writer (so relative URLs work from any sub-path and
file://). Item pages themselves are Pelican's articles; their template asks
the catalog (``catalog.links(item)``, ``catalog.validity(item)`` …) for what
it shows, so nothing is added onto Pelican's articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator

from build_cache.fingerprint import file_digest
from build_cache.writer import declare, enabled, page_fingerprint
from catalog_model.catalog import Catalog, catalog_of, organ_folder, section_folder
from catalog_reader.prefetch import source_key
from catalog_model.text import ui_text
from catalog_model.vocabulary import ORGAN_KINDS

from . import attachments
from .filters import attachment_files
from .listing import ListingPage, paginate

# Pelican rewrites these placeholders in a body into other contents' URLs, so
# such a page depends on files its fingerprint does not name: always render it.
INTRASITE_LINK = re.compile(r"[{|](?:filename|static|attach|index|tag|category|author)[}|]")


@dataclass
class Listing:
    """A section or an organ, with its pages."""

    name: str
    kind: str  # "section" or "organ"
    pages: list[ListingPage]
    group: str = ""  # organ kind (县政府, 县直部门, 乡镇) for organs

    @property
    def count(self) -> int:
        return self.pages[0].total

    @property
    def url(self) -> str:
        return self.pages[0].save_as


def _year(item) -> int:
    return item.meta.date.year


class CatalogPagesGenerator(Generator):
    def generate_context(self):
        catalog = catalog_of(self.context, "catalog_pages")
        size = catalog.settings.CATALOG_PAGE_SIZE
        listed = catalog.listed
        by_section = {name: [] for name, _ in catalog.settings.CATALOG_SECTIONS}
        by_organ = {organ.name: [] for organ in catalog.organs.organs}
        for item in listed:
            by_section[item.meta.category].append(item)
            by_organ[item.meta.publisher].append(item)

        self.sections = [Listing(name, "section", paginate(section_folder(slug), by_section[name], size, _year))
                         for name, slug in catalog.settings.CATALOG_SECTIONS]
        self.organs = [Listing(o.name, "organ", paginate(organ_folder(o.code), by_organ[o.name], size, _year),
                               o.kind)
                       for o in sorted(catalog.organs.organs, key=lambda o: ORGAN_KINDS.index(o.kind))]
        root = Path(self.settings["PATH"]).resolve()
        self.attachment_files = sorted({attachments.describe(root, a.file, a.title)
                                        for item in catalog.valid_items for a in item.meta.attachments},
                                       key=lambda a: a.save_as)
        self.declare_item_pages(catalog, root)
        self.context["TEXT"] = ui_text()
        self.home = {
            "sections": self.sections,
            "organs": self.organs,
            "organ_kinds": ORGAN_KINDS,
            "newest": list(reversed(listed[-catalog.settings.CATALOG_HOME_NEWEST:])) if listed else [],
            "total": len(listed),
        }

    def declare_item_pages(self, catalog: Catalog, root: Path) -> None:
        """Each item page's inputs: its file, the files of the items it shows,
        its attachments as described, its organ and section (the reference
        date, settings, theme and code are in every fingerprint)."""
        self.digests: dict[str, str] = {}
        if not enabled():
            return  # no build cache: every page is rendered
        self.digests = {item.source_path: source_key(root / item.source_path)
                        or file_digest(root / item.source_path) for item in catalog.valid_items}
        for item in catalog.valid_items:
            if INTRASITE_LINK.search(item.body_html):
                continue
            organ = catalog.organ(item)
            declare(item.url, page_fingerprint(
                "item", item.source_path, self.digests[item.source_path],
                [(relation, [self.digests[other.source_path] for other in others])
                 for relation, others in catalog.links(item).items()],
                [(f.save_as, f.title, f.kind, f.size) for f in attachment_files(root, item)],
                organ.model_dump() if organ else None, catalog.section_url(item.meta.category)))

    def listing_fingerprint(self, listing: Listing, page: ListingPage) -> str | None:
        """A listing page's inputs: where it is, its neighbours and count, and the files of the items it shows."""
        if not self.digests:
            return None
        return page_fingerprint("listing", listing.name, listing.kind, listing.group, listing.url, page.save_as,
                                page.number, page.newer, page.older, page.total, page.years,
                                [self.digests[item.source_path] for item in page.items])

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file("index.html", self.get_template("index"), self.context,
                          relative_urls=relative, page_name="index", home=self.home)
        listing_template = self.get_template("listing")
        for listing in [*self.sections, *self.organs]:
            for page in listing.pages:
                writer.write_file(page.save_as, listing_template, self.context, relative_urls=relative,
                                  listing=listing, page=page, url=page.save_as,
                                  fingerprint=self.listing_fingerprint(listing, page))
        output = Path(self.output_path)
        for attachment in self.attachment_files:
            attachments.publish(attachment, output)


def get_generators(pelican):
    return CatalogPagesGenerator
