"""Pelican wiring of the search: after every generator has finalised its
context, index the listed items; then write the shards, the display chunks,
the manifest, lunr.js (from the pinned npm package) and search.html."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from build_cache.writer import enabled, output_record, page_fingerprint, reuse
from catalog_model.catalog import catalog_of
from catalog_model.settings import check_settings
from catalog_model.text import ui_text

from . import builder, documents, shards

logger = logging.getLogger(__name__)


class SearchIndexGenerator(Generator):
    """Builds the index of the catalog's listed items, then writes it and search.html."""

    def generate_context(self):
        self.context.setdefault("TEXT", ui_text())

    def generate_output(self, writer):
        catalog = catalog_of(self.context, "search_index")
        settings = catalog.settings
        started = time.perf_counter()
        items = documents.indexed_items(catalog, settings.SEARCH_SNIPPET_CHARS)
        out = Path(self.output_path) / settings.SEARCH_DIR
        fingerprint = index_fingerprint(items) if enabled() else None
        if reuse(INDEX_KEY, fingerprint):
            logger.info("Search index: inputs unchanged, the published index carried over")
        else:
            with output_record(INDEX_KEY, fingerprint, Path(self.output_path), out):
                index = builder.build((d.fields() for d in items), documents.FIELDS)
                manifest = shards.write_index(out, index, items, settings.SEARCH_SHARD_BYTES,
                                              settings.SEARCH_DOC_CHUNK, settings.SEARCH_LENGTH_BLOCK)
            logger.info("Search index: %d items, %d terms, %d shards, built and written in %.1f s",
                        manifest["docs"], len(index.terms), len(manifest["shards"]), time.perf_counter() - started)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.SEARCH_LUNR_JS, out / "lunr.min.js")
        writer.write_file("search.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search",
                          SEARCH_DIR=settings.SEARCH_DIR)


INDEX_KEY = "search index"


def index_fingerprint(items) -> str:
    """Everything the index files are made of: each item's row and the item
    data its indexed fields come from (settings and code are in every fingerprint)."""
    return page_fingerprint([(d.row(), d.item.meta.keywords, d.item.body_html) for d in items])


def get_generators(pelican):
    return SearchIndexGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
