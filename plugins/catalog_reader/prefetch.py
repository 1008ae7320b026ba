"""Read item files ahead of Pelican: from the read cache, else in worker processes.

Pelican reads content one file at a time; Markdown and YAML dominate a large
build. Before its loop starts, every item file is looked up in the read cache
(``read_cache``), and the files that missed are read by a pool of worker
processes (``CATALOG_READ_WORKERS``, default one per core; 1 reads them in
this process) with the very same :class:`ItemReader`. The reader then takes
each result instead of reading the file again. The output is identical
whichever way a file was read.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .read_cache import ReadCache

CHUNK = 64  # files per task: large enough to amortise the inter-process cost

_results: dict[str, tuple] = {}
_keys: dict[str, str] = {}  # absolute path -> read-cache key (a hash of the file's bytes)
_worker_reader = None


def start(generator) -> None:
    """Connected to ``article_generator_init``: have every item file read."""
    from .reader import CatalogReader, ItemReader

    _results.clear()
    settings = generator.settings
    suffixes = tuple(f".{ext}" for ext in CatalogReader.file_extensions)
    files = sorted(os.path.abspath(os.path.join(generator.path, f))
                   for f in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
                   if f.endswith(suffixes))
    cache = ReadCache.open(settings)
    keys = {path: cache.key(path) for path in files} if cache else {}
    _keys.clear()
    _keys.update(keys)
    missed = []
    for path in files:
        hit = cache.get(keys[path]) if cache else None
        if hit is None:
            missed.append(path)
        else:
            _results[path] = hit
    reader = ItemReader.from_settings(settings)
    for path, result in zip(missed, _read_all(reader, missed, settings.get("CATALOG_READ_WORKERS"))):
        _results[path] = result
        if cache:
            cache.put(keys[path], result)
    if cache:
        cache.prune()


def _read_all(reader, files: list[str], workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(files) < 2 * CHUNK:
        return (reader.read(Path(f)) for f in files)  # not worth starting processes for
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(reader,)) as pool:
        return list(pool.map(_read, files, chunksize=CHUNK))


def take(path: Path) -> tuple | None:
    """The prefetched (html, entry) of ``path``, once; None if it was not prefetched."""
    return _results.pop(os.path.abspath(path), None)


def source_key(path: Path) -> str | None:
    """The hash of an item file's path and bytes as read in this build, if the read cache computed it."""
    return _keys.get(os.path.abspath(path))


def _init_worker(reader) -> None:
    global _worker_reader
    _worker_reader = reader


def _read(path: str) -> tuple:
    return _worker_reader.read(Path(path))
