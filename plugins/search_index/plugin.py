"""Pelican wiring of the search: after every generator has finalised its
context, index the listed items; then write the shards, the display chunks,
the manifest, lunr.js (from the pinned npm package) and search.html."""
from __future__ import annotations

import gc
import logging
import shutil
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from build_cache.writer import enabled, produced, reuse
from catalog_model.catalog import catalog_of
from catalog_model.settings import check_settings
from catalog_model.text import ui_text

from . import assemble, documents, shards
from .search_cache import SearchCache

logger = logging.getLogger(__name__)


class SearchIndexGenerator(Generator):
    """Builds the index of the catalog's listed items, then writes it and search.html."""

    def generate_context(self):
        self.context.setdefault("TEXT", ui_text())

    def generate_output(self, writer):
        # The index makes many small objects (rows, records) while Pelican holds millions:
        # each full collection would walk them all (seconds at 10k) to free nothing of ours.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.write_index(writer)
        finally:
            if collecting:
                gc.enable()

    def write_index(self, writer):
        catalog = catalog_of(self.context, "search_index")
        settings = catalog.settings
        started, cpu = time.perf_counter(), time.process_time()
        items = documents.indexed_items(catalog, settings.SEARCH_SNIPPET_CHARS)
        output = Path(self.output_path)
        out = output / settings.SEARCH_DIR
        cache = SearchCache.open(settings.SEARCH_TOKEN_CACHE, Path(settings.MIRROR_PUBLISH_PATH or output))
        keys, tokens, tokenised = cache.tokens_of(items, documents.FIELDS)
        index, exact = assemble.assemble(tokens, documents.FIELDS, cache.table)
        config = (settings.SEARCH_SHARD_BYTES, settings.SEARCH_DOC_CHUNK, settings.SEARCH_LENGTH_BLOCK)
        known, changed = cache.changed_terms(keys, exact, config)
        placed = Placed(output, settings.SEARCH_DIR)
        manifest, files = shards.write_files(out, index, items, *config, known=known, changed=changed,
                                             place=placed.place)
        cache.save(keys, tokens, config, exact, files)
        logger.info("Search index: %d items (%d tokenised), %d terms (%s serialised), %d shards; "
                    "%d files written, %d carried over; %.2f s (%.2f s CPU)", manifest["docs"], tokenised,
                    len(index.terms), "all" if changed is None else len(changed), len(manifest["shards"]),
                    placed.written, placed.carried, time.perf_counter() - started, time.process_time() - cpu)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.SEARCH_LUNR_JS, out / "lunr.min.js")
        writer.write_file("search.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search",
                          SEARCH_DIR=settings.SEARCH_DIR)


class Placed:
    """Each index file is an output of the build cache keyed by its path, with the
    digest of its text as its fingerprint: carried over from the published site
    when unchanged (same bytes, same mtime: a hard link), else made and written."""

    def __init__(self, output: Path, folder: str):
        self.output, self.folder = output, folder
        self.written = self.carried = 0

    def place(self, rel: str, digest: str, text) -> None:
        key = f"{self.folder}/{rel}"
        # the digest of the file's text is all it depends on: unlike a page's, its fingerprint
        # leaves the site fingerprint out, so a template or setting change carries it over too
        fingerprint = f"search file {digest}" if enabled() else None
        if reuse(key, fingerprint):
            self.carried += 1
            return
        shards.write_text(self.output / key, text())
        produced(key, fingerprint, [key])
        self.written += 1


def get_generators(pelican):
    return SearchIndexGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
