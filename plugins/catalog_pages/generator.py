"""Catalog pages: home, one listing per section and per organ, and the data
item pages need (effective validity, related items both ways, attachments).

A Pelican generator added through ``get_generators``: its context is built
after the articles were read and validated, its output written with
Pelican's writer (so relative URLs work from any sub-path and file://).
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from operator import attrgetter
from pathlib import Path

from pelican.generators import Generator

from build_cache.fingerprint import file_digest
from build_cache.writer import declare, enabled, page_fingerprint
from catalog_model.catalog import chronological
from catalog_reader.prefetch import source_key
from catalog_model.text import ui_text
from catalog_model.vocabulary import ORGAN_KINDS, Vocabulary

from . import attachments
from .listing import ListingPage, paginate

DEFAULTS = {
    "CATALOG_PAGE_SIZE": 20,  # rows per listing page
    "CATALOG_HOME_NEWEST": 10,  # newest items on the home page
}


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


def section_folder(slug: str) -> str:
    return f"sections/{slug}"


def organ_folder(code: str) -> str:
    return f"organs/{code}"


# Pelican rewrites these placeholders in a body into other contents' URLs, so
# such a page depends on files its fingerprint does not name: always render it.
INTRASITE_LINK = re.compile(r"[{|](?:filename|static|attach|index|tag|category|author)[}|]")


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


class CatalogPagesGenerator(Generator):
    def generate_context(self):
        catalog = self.context["catalog"]
        vocabulary = Vocabulary.from_settings(self.settings)
        root = Path(self.settings["PATH"]).resolve()
        listed = self.context["articles"]
        every = [*listed, *self.context["hidden_articles"]]
        by_index = {a.catalog.item.index_no: a for a in every}

        for article in every:
            entry = article.catalog
            item = entry.item
            article.item = item
            article.validity = catalog.validity(entry)
            article.organ = catalog.organs.get(item.publisher)
            article.organ_url = f"{organ_folder(article.organ.code)}/index.html"
            article.section_url = f"{section_folder(vocabulary.section_slug(item.category))}/index.html"
            article.related_items = {relation: [by_index[e.item.index_no] for e in entries]
                                     for relation, entries in catalog.links(entry).items()}
            article.attachment_files = [attachments.describe(root, a.file, a.title) for a in item.attachments]
        self.declare_item_pages(every, root)

        size = setting(self.settings, "CATALOG_PAGE_SIZE")
        ordered = chronological(listed)
        year = attrgetter("catalog.item.date.year")
        by_section = {name: [] for name in vocabulary.section_names}
        by_organ = {organ.name: [] for organ in catalog.organs.organs}
        for article in ordered:
            by_section[article.item.category].append(article)
            by_organ[article.item.publisher].append(article)

        self.sections = [Listing(name, "section", paginate(section_folder(slug), by_section[name], size, year))
                         for name, slug in vocabulary.sections]
        self.organs = [Listing(o.name, "organ", paginate(organ_folder(o.code), by_organ[o.name], size, year), o.kind)
                       for o in sorted(catalog.organs.organs, key=lambda o: ORGAN_KINDS.index(o.kind))]
        self.attachment_files = [f for a in every for f in a.attachment_files]
        self.context.update(
            TEXT=ui_text(),
            catalog_sections=self.sections,
            catalog_organs=self.organs,
            catalog_organ_kinds=ORGAN_KINDS,
            catalog_newest=list(reversed(ordered[-setting(self.settings, "CATALOG_HOME_NEWEST"):])),
            catalog_total=len(listed),
        )

    def declare_item_pages(self, every: list, root: Path) -> None:
        """Each item page's inputs: its file, the files of the items it shows,
        its attachments' descriptions, its organ and section."""
        self.digests = {}
        if not enabled():
            return  # no build cache: every page is rendered
        self.digests = {a.catalog.source_path: source_key(root / a.catalog.source_path)
                        or file_digest(root / a.catalog.source_path) for a in every}
        for article in every:
            if INTRASITE_LINK.search(article._content or ""):
                continue
            declare(article.save_as, page_fingerprint(
                "item", article.catalog.source_path, self.digests[article.catalog.source_path],
                [(relation, [self.digests[o.catalog.source_path] for o in others])
                 for relation, others in sorted(article.related_items.items())],
                [(f.save_as, f.title, f.kind, f.size) for f in article.attachment_files],
                article.organ.model_dump(), article.organ_url, article.section_url))

    def listing_fingerprint(self, listing: Listing, page: ListingPage) -> str | None:
        if not self.digests:
            return None
        return page_fingerprint("listing", listing.name, listing.kind, listing.group, listing.url, page.save_as,
                                page.number, page.newer, page.older, page.total, page.years,
                                [self.digests[a.catalog.source_path] for a in page.items])

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file("index.html", self.get_template("index"), self.context,
                          relative_urls=relative, page_name="index")
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
