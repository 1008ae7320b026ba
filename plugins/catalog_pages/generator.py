"""Catalog pages: a thin orchestrator over the page families.

A Pelican generator added through ``get_generators``. ``generate_context``
gives each item page what it needs (effective validity, relations both ways,
lifecycle notice, attachments) and builds every listing: sections and organs
(here), facets (``facets.py``), the 政策文件库 (``policy_library.py``).
``generate_output`` writes them with Pelican's writer (relative URLs work
from any sub-path and file://), then the feeds, open data and sitemap.
Withdrawn items are Pelican's hidden articles: they keep their page but are
in no listing, facet, feed, data file or sitemap.
"""
from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from catalog_model.catalog import chronological
from catalog_model.schema import LABELS
from catalog_model.text import ui_text
from catalog_model.vocabulary import ORGAN_KINDS, Vocabulary

from . import attachments, images
from .facets import Listing, build_facets, listing
from .feeds import feed_path, write_feed
from .lifecycle import consultation_status, lifecycle_notice
from .open_data import json_ld, write_open_data
from .policy_library import build_library, is_normative, write_library_data
from .sitemap import write_sitemaps

DEFAULTS = {
    "CATALOG_PAGE_SIZE": 20,  # rows per listing page
    "CATALOG_HOME_NEWEST": 10,  # newest items on the home page
    "CATALOG_FEED_ENTRIES": 50,  # newest items in each Atom feed
    "CATALOG_SITEMAP_MAX_URLS": 50000,  # URLs per sitemap file (the protocol's limit)
    # Site identity in the footer and <head> (《政府网站发展指引》): empty ones are left out.
    "CATALOG_SPONSOR": "",  # 主办单位
    "CATALOG_SITE_ID": "",  # 网站标识码, also <meta name="SiteIDCode">
    "CATALOG_ICP": "",  # ICP 备案号
    "CATALOG_ICP_URL": "https://beian.miit.gov.cn/",
    "CATALOG_PSB": "",  # 公安机关备案号
    "CATALOG_PSB_URL": "https://beian.mps.gov.cn/",
    "CATALOG_CONTACT": "",  # 联系我们: text (address, telephone)
}


def section_folder(slug: str) -> str:
    return f"sections/{slug}"


def organ_folder(code: str) -> str:
    return f"organs/{code}"


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
        site_url = self.settings.get("CATALOG_SITE_URL", "")

        self.image_files = []
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
            if entry.images:
                files = images.body_images(root, [src for _, src in entry.images])
                article._content = images.rewrite(article._content, files, "../" * article.save_as.count("/"))
                self.image_files.extend(files.values())
            article.lifecycle = lifecycle_notice(item, article.validity, article.related_items)
            article.consultation = consultation_status(item, catalog.reference_date)
            article.json_ld = json_ld(article, site_url)

        size = setting(self.settings, "CATALOG_PAGE_SIZE")
        ordered = chronological(listed)
        by_section = {name: [] for name in vocabulary.section_names}
        by_organ = {organ.name: [] for organ in catalog.organs.organs}
        for article in ordered:
            by_section[article.item.category].append(article)
            by_organ[article.item.publisher].append(article)

        self.sections = [listing(name, "section", section_folder(slug), by_section[name], size,
                                 feed=feed_path("section", slug) if by_section[name] else None)
                         for name, slug in vocabulary.sections]
        self.organs = [self._organ(o, by_organ[o.name], vocabulary, size)
                       for o in sorted(catalog.organs.organs, key=lambda o: ORGAN_KINDS.index(o.kind))]
        self.facets = build_facets(ordered, lambda a: a.validity, size)
        self.library = build_library(ordered, size)
        self.library_documents = [a for a in ordered if is_normative(a)]
        self.ordered = ordered
        self.attachment_files = [f for a in every for f in a.attachment_files] + self.image_files
        self.context.update(
            TEXT=ui_text(),
            FIELD_LABELS=LABELS,
            catalog_sections=self.sections,
            catalog_organs=self.organs,
            catalog_organ_kinds=ORGAN_KINDS,
            catalog_facets=self.facets,
            catalog_library=self.library,
            catalog_newest=list(reversed(ordered[-setting(self.settings, "CATALOG_HOME_NEWEST"):])),
            catalog_total=len(listed),
            catalog_feed=feed_path("all") if ordered else None,
            catalog_identity={name: setting(self.settings, name) for name in DEFAULTS
                              if name.startswith(("CATALOG_SPONSOR", "CATALOG_SITE_ID", "CATALOG_ICP",
                                                  "CATALOG_PSB", "CATALOG_CONTACT"))},
        )

    def _organ(self, organ, items: list, vocabulary: Vocabulary, size: int) -> Listing:
        """An organ's page is its own small catalog: its sections with counts, then its newest items."""
        folder = organ_folder(organ.code)
        page = listing(organ.name, "organ", folder, items, size, group=organ.kind, organ=organ,
                       feed=feed_path("organ", organ.code) if items else None)
        by_section: dict[str, list] = {}
        for article in items:
            by_section.setdefault(article.item.category, []).append(article)
        trail = [(organ.name, page.url)]
        page.children = [listing(f"{organ.name}：{name}", "organ_section", f"{folder}/{slug}", by_section[name],
                                 size, trail=trail, group=name)
                         for name, slug in vocabulary.sections if name in by_section]
        return page

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

        def write(save_as: str, template: str, lastmod=None, **context):
            writer.write_file(save_as, self.get_template(template), self.context, relative_urls=relative,
                              url=save_as, **context)
            pages.append((save_as, lastmod))

        newest = self.ordered[-1].item.date if self.ordered else None
        write("index.html", "index", newest, page_name="index")
        for facet in self.facets:
            write(facet.url, "facet_index", newest, facet=facet)
        for one in self.listings():
            for page in one.pages:
                write(page.save_as, "listing", page.items[0].item.date if page.items else None,
                      listing=one, page=page)
        write_library_data(output, self.library_documents)
        for article in self.ordered:
            pages.append((article.url, article.item.date))
        for attachment in self.attachment_files:
            attachments.publish(attachment, output)
        self._write_feeds(output)
        write_open_data(output, self.ordered)
        write_sitemaps(output, self.settings.get("CATALOG_SITE_URL", ""), pages,
                       setting(self.settings, "CATALOG_SITEMAP_MAX_URLS"))

    def _write_feeds(self, output: Path) -> None:
        count = setting(self.settings, "CATALOG_FEED_ENTRIES")
        text = ui_text()
        if self.ordered:
            write_feed(output, feed_path("all"), f"{self.settings['SITENAME']}：{text['feed_all']}", "index.html",
                       self.ordered[:-count - 1:-1], self.settings)
        for one in [*self.sections, *self.organs]:
            if one.feed:
                write_feed(output, one.feed, f"{self.settings['SITENAME']}：{one.name}", one.url,
                           one.newest(count), self.settings)


def get_generators(pelican):
    return CatalogPagesGenerator
