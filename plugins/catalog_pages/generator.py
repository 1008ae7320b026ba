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

from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator

from catalog_model.catalog import catalog_of, organ_folder, section_folder
from catalog_model.text import ui_text
from catalog_model.vocabulary import ORGAN_KINDS

from . import attachments
from .listing import ListingPage, paginate


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
        self.context["TEXT"] = ui_text()
        self.home = {
            "sections": self.sections,
            "organs": self.organs,
            "organ_kinds": ORGAN_KINDS,
            "newest": list(reversed(listed[-catalog.settings.CATALOG_HOME_NEWEST:])) if listed else [],
            "total": len(listed),
        }

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file("index.html", self.get_template("index"), self.context,
                          relative_urls=relative, page_name="index", home=self.home)
        listing_template = self.get_template("listing")
        for listing in [*self.sections, *self.organs]:
            for page in listing.pages:
                writer.write_file(page.save_as, listing_template, self.context, relative_urls=relative,
                                  listing=listing, page=page, url=page.save_as)
        output = Path(self.output_path)
        for attachment in self.attachment_files:
            attachments.publish(attachment, output)


def get_generators(pelican):
    return CatalogPagesGenerator
