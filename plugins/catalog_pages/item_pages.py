"""Item pages: one page per published or withdrawn item (a tombstone), never a draft.

Items are not Pelican articles: this generator (added through
``get_generators``) renders the ``item`` template for each item of the
catalog with Pelican's writer. Each page's inputs make its fingerprint
(build_cache): a page whose inputs are unchanged is carried over from the
published site; the others are rendered, on a cold build in worker
processes (``CATALOG_RENDER_WORKERS``, default one per core). The workers
are forked once the whole context is built; each renders a fixed share of
the pages (every n-th, in ``save_as`` order) and writes its files; the
parent records them in the build record once every worker succeeded. A
page's bytes depend only on the context, never on which process rendered it.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from pathlib import Path

from pelican.generators import Generator
from pelican.writers import Writer

from build_cache.fingerprint import file_digest
from build_cache.writer import carry_over, enabled, page_fingerprint, produced
from catalog_model.catalog import Catalog, catalog_of
from catalog_model.item import Item
from catalog_model.settings import site_settings

logger = logging.getLogger(__name__)
ATTACHMENTS_KEY = "item_attachments"  # catalog.extras: source path -> its attachments as described
MIN_PAGES_PER_WORKER = 100  # below this, starting a process costs more than it saves


class ItemPagesGenerator(Generator):
    def generate_output(self, writer):
        catalog = catalog_of(self.context, "catalog_pages")
        pages = sorted(catalog.valid_items, key=lambda item: item.url)  # drafts are not in the catalog
        fingerprints = self.fingerprints(catalog, pages)
        todo = [item for item in pages if not carry_over(item.url, fingerprints.get(item.url))]
        workers = self.workers(len(todo))
        if workers < 2:
            self.render(writer, todo)
        else:
            self.render_in_workers(writer, todo, workers)
        for item in todo:
            produced(item.url, fingerprints.get(item.url))
        logger.info("Item pages: %d rendered (%d worker%s), %d carried over", len(todo), workers,
                    "" if workers == 1 else "s", len(pages) - len(todo))

    def workers(self, pages: int) -> int:
        """The processes that render: the setting when given, else one per core
        when there are enough pages to share."""
        setting = site_settings(self.settings).CATALOG_RENDER_WORKERS
        if setting is not None:
            return min(setting, max(pages, 1))
        return max(1, min(os.cpu_count() or 1, pages // MIN_PAGES_PER_WORKER))

    def render(self, writer, items: list[Item]) -> None:
        template = self.get_template("item")
        relative = self.settings["RELATIVE_URLS"]
        for item in items:
            # Pelican's own write_file: this page's reuse was decided above, and it is recorded by the parent.
            Writer.write_file(writer, item.url, template, self.context, relative_urls=relative, url=item.url,
                              item=item)

    def render_in_workers(self, writer, items: list[Item], workers: int) -> None:
        self.get_template("item")  # compiled once, before the fork
        fork = multiprocessing.get_context("fork")
        processes = [fork.Process(target=self.render, args=(writer, items[n::workers]), daemon=True)
                     for n in range(workers)]
        # Out of the collector's sight while the workers run: a collection in a
        # worker would write to every object's header, copying the parent's memory.
        gc.freeze()
        try:
            for process in processes:
                process.start()
            for process in processes:
                process.join()
        finally:
            gc.unfreeze()
        failed = [p.exitcode for p in processes if p.exitcode != 0]
        if failed:
            raise RuntimeError(f"an item-page worker failed (exit codes {failed}); see its traceback above")

    def fingerprints(self, catalog: Catalog, pages: list[Item]) -> dict[str, str]:
        """Each item page's inputs (build_cache): its file, the files of the items
        it shows, its attachments and body images as described, its revision
        history, its organ, and whether its section and organ have a listing to
        link (the reference date, settings, organ registry, platform pages,
        theme and code are in every fingerprint)."""
        if not enabled():
            return {}  # no build cache: every page is rendered
        root = Path(self.settings["PATH"]).resolve()
        linked = self.context["listing_pages"]
        attachments_of = catalog.extras[ATTACHMENTS_KEY]
        # What many pages share, once: an organ's card and links, a section's link.
        organs = {name: (organ.model_dump(), catalog.organ_url(organ) in linked)
                  for name, organ in catalog.organs.by_name.items()}
        sections = {name: (catalog.section_url(name), catalog.section_url(name) in linked)
                    for name, _ in catalog.settings.CATALOG_SECTIONS}
        found = {}
        for item in pages:
            organ, organ_linked = organs.get(item.meta.publisher, (None, False))
            found[item.url] = page_fingerprint(
                "item", item.source_path, item.source_digest,
                [(relation, [other.source_digest for other in others])
                 for relation, others in catalog.links(item).items()],
                [(f.save_as, f.title, f.kind, f.size) for f in attachments_of[item.source_path]],
                [(src, file_digest(root / src) if (root / src).is_file() else None) for _, src in item.images],
                repr(catalog.history_of(item)), organ, *sections[item.meta.category], organ_linked)
        return found
