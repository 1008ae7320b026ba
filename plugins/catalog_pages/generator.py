"""Catalog pages: a thin orchestrator over the page families.

A Pelican generator added through ``get_generators``: its context is built
after the items were read and the catalog was validated, its output
written with Pelican's writer (so relative URLs work from any sub-path and
file://). Item pages have their own generator (``item_pages.py``); their
template asks the catalog (``catalog.links(item)``, ``catalog.validity(item)``,
``catalog.lifecycle(item)`` …) for what it shows.

The page families live in their own modules: sections and organs (here),
facets (``facets.py``), the 政策文件库 (``policy_library.py``), Atom feeds
(``feeds.py``), open data (``open_data.py``), ``sitemap.xml`` and
``robots.txt`` (``sitemap.py``). Withdrawn items keep their page but are in
none of them: every family is built from ``catalog.listed``.
"""
from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from build_cache.writer import enabled, page_fingerprint
from catalog_model.catalog import catalog_of, organ_folder, section_folder
from catalog_model.text import ui_text
from catalog_model.vocabulary import ORGAN_KINDS

from . import attachments, images
from .filters import attachment_files
from .facets import Listing, build_facets, listing
from .feeds import feed_path, write_feed
from .item_pages import ATTACHMENTS_KEY, ItemPagesGenerator
from .open_data import write_open_data
from .policy_library import build_library, write_library_data
from .sitemap import SITEMAP_KEY

# Site identity shown in the footer (and SiteIDCode in <head>), in order.
IDENTITY = ("CATALOG_SPONSOR", "CATALOG_SITE_ID", "CATALOG_ICP", "CATALOG_ICP_URL", "CATALOG_PSB",
            "CATALOG_PSB_URL", "CATALOG_CONTACT")


class CatalogPagesGenerator(Generator):
    def generate_context(self):
        catalog = self.catalog = catalog_of(self.context, "catalog_pages")
        settings = catalog.settings
        size = settings.CATALOG_PAGE_SIZE
        listed = catalog.listed
        by_section = {name: [] for name, _ in settings.CATALOG_SECTIONS}
        by_organ = {organ.name: [] for organ in catalog.organs.organs}
        for item in listed:
            by_section[item.meta.category].append(item)
            by_organ[item.meta.publisher].append(item)

        self.sections = [listing(name, "section", section_folder(slug), by_section[name], size,
                                 feed=feed_path("section", slug) if by_section[name] else None)
                         for name, slug in settings.CATALOG_SECTIONS]
        self.organs = [self._organ(o, by_organ[o.name], settings.CATALOG_SECTIONS, size)
                       for o in sorted(catalog.organs.organs, key=lambda o: ORGAN_KINDS.index(o.kind))]
        self.facets = build_facets(listed, catalog.validity, size)
        self.library = build_library(listed, catalog.validity, size)
        self.listed = listed
        root = Path(self.settings["PATH"]).resolve()
        # Each item's attachments, described once: published below, and part of its page's fingerprint.
        attachments_of = {item.source_path: attachment_files(root, item) for item in catalog.valid_items}
        catalog.extras[ATTACHMENTS_KEY] = attachments_of
        files = {f for described in attachments_of.values() for f in described}
        files |= set(images.body_images(root, [src for item in catalog.valid_items
                                                for _, src in item.images]).values())
        self.attachment_files = sorted(files, key=lambda a: a.save_as)
        self.context["TEXT"] = ui_text()
        self.context["identity"] = {name: getattr(settings, name) for name in IDENTITY}
        self.context["catalog_feed"] = feed_path("all") if listed else None
        # Landing pages that exist: an item page links its section and organ only when they have items.
        self.context["listing_pages"] = {one.url for one in [*self.sections, *self.organs] if one.count}
        self.home = {
            "sections": self.sections,
            "organs": self.organs,
            "organ_kinds": ORGAN_KINDS,
            "facets": self.facets,
            "library": self.library,
            "newest": list(reversed(listed[-settings.CATALOG_HOME_NEWEST:])) if listed else [],
            "total": len(listed),
        }

    @staticmethod
    def _organ(organ, items: list, sections, size: int) -> Listing:
        """An organ's page is its own small catalog: its sections with counts, then its newest items."""
        folder = organ_folder(organ.code)
        page = listing(organ.name, "organ", folder, items, size, group=organ.kind, organ=organ,
                       feed=feed_path("organ", organ.code) if items else None)
        by_section: dict[str, list] = {}
        for item in items:
            by_section.setdefault(item.meta.category, []).append(item)
        trail = [(organ.name, page.url)]
        page.children = [listing(f"{organ.name}：{name}", "organ_section", f"{folder}/{slug}", by_section[name],
                                 size, trail=trail, group=name)
                         for name, slug in sections if name in by_section]
        return page

    def listing_fingerprint(self, one: Listing, page) -> str | None:
        """A listing page's inputs: where it is and what surrounds it (trail,
        feed, the organ's card and guide, its children with their counts), its
        neighbours and count, and the files of the items it shows (all of them
        on the 政策文件库's landing page, whose filter lists every document)."""
        if not enabled():
            return None
        landing = [] if page.number else [  # what only the landing page shows
            one.organ.model_dump() if one.organ else None,
            self.catalog.organ_guide(one.organ) if one.organ else None,
            [(c.name, c.count, c.url) for c in one.children], page.total, page.years]
        shown = one.items if one.kind == "library" and not page.number else page.items
        return page_fingerprint(
            "listing", one.name, one.kind, one.group, one.trail, one.feed, one.url, landing,
            page.save_as, page.number, page.newer, page.older,
            [item.source_digest for item in shown])

    def listings(self):
        """Every listing with items, each once."""
        for one in [*self.sections, *self.organs, self.library]:
            if one.count:
                yield one
                yield from one.children
        for facet in self.facets:
            yield from facet.listings()

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        output = Path(self.output_path)
        pages: list[tuple[str, object]] = []  # (save_as, lastmod) for the sitemap

        def write(save_as: str, template: str, lastmod=None, fingerprint=None, **context):
            writer.write_file(save_as, self.get_template(template), self.context, relative_urls=relative,
                              url=save_as, fingerprint=fingerprint, **context)
            pages.append((save_as, lastmod))

        newest = self.listed[-1].meta.date if self.listed else None
        write("index.html", "index", newest, page_name="index", home=self.home)
        for facet in self.facets:
            write(facet.url, "facet_index", newest, facet=facet)
        for one in self.listings():
            for page in one.pages:
                write(page.save_as, "listing", page.items[0].meta.date if page.items else None,
                      fingerprint=self.listing_fingerprint(one, page), listing=one, page=page)
        write_library_data(output, self.library, self.catalog.validity)
        pages += [(item.url, item.meta.date) for item in self.listed]
        for attachment in self.attachment_files:
            attachments.publish(attachment, output)
        self._write_feeds(output)
        write_open_data(output, self.catalog)
        # The sitemap is written once the whole site is (sitemap.write_on_site_written), so that
        # it lists other plugins' pages too; these are the pages whose last change we know.
        self.catalog.extras[SITEMAP_KEY] = pages

    def _write_feeds(self, output: Path) -> None:
        count = self.catalog.settings.CATALOG_FEED_ENTRIES
        site, owner = self.settings["SITENAME"], self.settings.get("SITE_OWNER", "")
        if self.listed:
            write_feed(output, feed_path("all"), f"{site}：{ui_text()['feed_all']}", "index.html",
                       self.listed[:-count - 1:-1], self.catalog, owner)
        for one in [*self.sections, *self.organs]:
            if one.feed:
                write_feed(output, one.feed, f"{site}：{one.name}", one.url, one.newest(count), self.catalog, owner)


def get_generators(pelican):
    return CatalogPagesGenerator, ItemPagesGenerator
