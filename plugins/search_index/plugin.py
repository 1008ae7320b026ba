"""Pelican wiring of the search: after every generator has finalised its
context, index the listed items; then write the shards, the display chunks,
the manifest, lunr.js (from the pinned npm package) and search.html."""
from __future__ import annotations

import json
import logging
import resource
import shutil
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from build_cache.writer import enabled, output_record, page_fingerprint, reuse
from catalog_model.text import ui_text

from . import builder, documents, shards

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    "SEARCH_DIR": "search",  # output folder of the index
    "SEARCH_SHARD_BYTES": 8 * 1024,  # gzip bytes per index shard (a 2G link moves ~5-10 KiB/s)
    "SEARCH_DOC_CHUNK": 8,  # result rows per display-data file
    "SEARCH_SNIPPET_CHARS": 60,  # characters of 内容概述 shown under a result
    "SEARCH_LUNR_JS": str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),  # pinned in package.json
    "SEARCH_DOCUMENTS_DUMP": "",  # tests and bench: write the indexed documents to this JSON file
    "SEARCH_DOCUMENTS_DUMP_FIELDS": True,  # with their indexed text (the bench needs only titles)
    "SEARCH_STATS_FILE": "",  # bench: write the index's figures (time, memory, size) to this JSON file
}


def peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


class SearchIndexGenerator(Generator):
    """Writes search.html and the index; the index itself is built in ``index_catalog``."""

    search_index = None
    search_docs: list = []
    stats: dict = {}
    fingerprint = None  # of the index's inputs, when the build cache is on

    def generate_context(self):
        self.context.setdefault("TEXT", ui_text())

    def generate_output(self, writer):
        out = Path(self.output_path) / setting(self.settings, "SEARCH_DIR")
        if self.search_index is not None:
            started, cpu = time.perf_counter(), time.process_time()
            with output_record(INDEX_KEY, self.fingerprint, Path(self.output_path), out):
                manifest = shards.write_index(out, self.search_index, self.search_docs,
                                              setting(self.settings, "SEARCH_SHARD_BYTES"),
                                              setting(self.settings, "SEARCH_DOC_CHUNK"))
            seconds = time.perf_counter() - started
            logger.info("Search index: %d items, %d terms, %d shards written in %.1f s",
                        manifest["docs"], len(self.search_index.terms), len(manifest["shards"]), seconds)
            stats_file = setting(self.settings, "SEARCH_STATS_FILE")
            if stats_file:
                Path(stats_file).write_text(json.dumps({
                    **self.stats, "write_seconds": seconds, "write_cpu_seconds": time.process_time() - cpu,
                    "documents": manifest["docs"],
                    "terms": len(self.search_index.terms), "shards": len(manifest["shards"]),
                    "index_rss_mb": max(peak_rss_mb(), self.stats["rss_after_mb"]) - self.stats["rss_before_mb"]}))
        lunr_js = Path(setting(self.settings, "SEARCH_LUNR_JS"))
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(lunr_js, out / "lunr.min.js")
        writer.write_file("search.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search",
                          SEARCH_DIR=setting(self.settings, "SEARCH_DIR"))


def index_catalog(generators) -> None:
    """Build the index once every generator has finalised (the catalog is complete)."""
    articles = next((g for g in generators if hasattr(g, "articles") and "catalog" in g.context), None)
    search = next((g for g in generators if isinstance(g, SearchIndexGenerator)), None)
    if search is None or articles is None:
        return
    started, cpu, rss_before = time.perf_counter(), time.process_time(), peak_rss_mb()
    docs = documents.search_docs(articles.context["articles"], articles.context["catalog"],
                                 setting(search.settings, "SEARCH_SNIPPET_CHARS"))
    search.search_docs = docs
    search.fingerprint = index_fingerprint(docs) if enabled() else None
    if reuse(INDEX_KEY, search.fingerprint):
        logger.info("Search index: inputs unchanged, published index reused")
        return
    search.search_index = builder.build((d.fields() for d in docs), documents.FIELDS)
    seconds = time.perf_counter() - started
    search.stats = {"index_seconds": seconds, "index_cpu_seconds": time.process_time() - cpu,
                    "rss_before_mb": rss_before, "rss_after_mb": peak_rss_mb()}
    logger.info("Search index: built for %d items in %.2f s", len(docs), seconds)
    dump = setting(search.settings, "SEARCH_DOCUMENTS_DUMP")
    if dump:
        with_fields = setting(search.settings, "SEARCH_DOCUMENTS_DUMP_FIELDS")
        with open(dump, "w", encoding="utf-8") as out:
            json.dump([{**d.row(), **({"fields": d.fields()} if with_fields else {})} for d in docs],
                      out, ensure_ascii=False)


INDEX_KEY = "search index"


def index_fingerprint(docs) -> str:
    """Everything the index files are made of: each document's row and the
    item data its indexed fields come from (settings and code are in every fingerprint)."""
    return page_fingerprint([(d.row(), d.article.catalog.item.keywords, d.article._content) for d in docs])


def get_generators(pelican):
    return SearchIndexGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(index_catalog)
