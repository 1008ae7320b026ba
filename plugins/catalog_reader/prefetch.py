"""Read item files ahead of Pelican: from the read cache, else in worker processes.

Pelican reads content one file at a time; Markdown and YAML dominate a large
build. Before its loop starts, every item file (``item_files``) is looked up
in the read cache (``read_cache``), and the files that missed are read by a
pool of worker processes (``CATALOG_READ_WORKERS``, default one per core; 1
reads them in this process) with the very same :class:`ItemReader`. The
results are handed to the generator's :class:`CatalogReader`, which takes
each one instead of reading the file again. The output is identical
whichever way a file was read.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from catalog_model.content_tree import ITEM_SUFFIXES, item_files
from catalog_model.settings import site_settings

from .item_reader import ItemReader
from .read_cache import ReadCache

CHUNK = 64  # files per task: large enough to amortise the inter-process cost

_worker_reader: ItemReader | None = None  # one per worker process
_keys: dict[str, str] = {}  # resolved path -> read-cache key (a hash of the file's path and bytes)


def read_ahead(generator) -> None:
    """Connected to ``article_generator_init``: have every item file read."""
    settings = generator.settings
    catalog_reader = generator.readers.readers.get(ITEM_SUFFIXES[0].lstrip("."))
    if catalog_reader is None or not hasattr(catalog_reader, "prefetched"):
        return  # another reader handles .md: nothing to hand over
    files = [str(p.resolve()) for p in item_files(settings)]
    cache = ReadCache.open(settings)
    keys = {path: cache.key(path) for path in files} if cache else {}
    _keys.clear()
    _keys.update(keys)
    results, missed = {}, []
    for path in files:
        hit = cache.get(keys[path]) if cache else None
        if hit is None:
            missed.append(path)
        else:
            results[path] = hit
    reader = ItemReader.from_settings(settings)
    workers = site_settings(settings).CATALOG_READ_WORKERS
    for path, item in zip(missed, _read_all(reader, missed, workers), strict=True):
        results[path] = item
        if cache:
            cache.put(keys[path], item)
    if cache:
        cache.prune()
    catalog_reader.prefetched = results


def _read_all(reader: ItemReader, files: list[str], workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(files) < 2 * CHUNK:
        return (reader.read(Path(f)) for f in files)  # not worth starting processes for
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(reader,)) as pool:
        return list(pool.map(_read, files, chunksize=CHUNK))


def source_key(path: Path) -> str | None:
    """The hash of an item file's path and bytes as read in this build, when the read cache computed it."""
    return _keys.get(str(path.resolve()))


def _init_worker(reader: ItemReader) -> None:
    global _worker_reader
    _worker_reader = reader


def _read(path: str):
    return _worker_reader.read(Path(path))
