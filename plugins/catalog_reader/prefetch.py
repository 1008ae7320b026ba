"""Read item files in worker processes, ahead of Pelican.

Pelican reads content one file at a time; Markdown and YAML dominate a large
build. Before its loop starts, the item files are read by a pool of worker
processes (``CATALOG_READ_WORKERS``, default: one per core; 1 turns this
off) with the very same :class:`ItemReader`, and the reader then takes each
result instead of reading the file again. The output is identical either way.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CHUNK = 64  # files per task: large enough to amortise the inter-process cost

_results: dict[str, tuple] = {}
_worker_reader = None


def start(generator) -> None:
    """Connected to ``article_generator_init``: read every item file in parallel."""
    from .reader import CatalogReader, ItemReader

    _results.clear()
    settings = generator.settings
    workers = settings.get("CATALOG_READ_WORKERS") or os.cpu_count() or 1
    if workers < 2:
        return
    suffixes = tuple(f".{ext}" for ext in CatalogReader.file_extensions)
    files = sorted(os.path.join(generator.path, f)
                   for f in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
                   if f.endswith(suffixes))
    if len(files) < CHUNK:
        return  # not worth starting processes for
    reader = ItemReader.from_settings(settings)
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(reader,)) as pool:
        for path, result in zip(files, pool.map(_read, files, chunksize=CHUNK)):
            _results[_key(path)] = result


def take(path: Path) -> tuple | None:
    """The prefetched (html, entry) of ``path``, once; None if it was not prefetched."""
    return _results.pop(_key(path), None)


def _key(path) -> str:
    return os.path.abspath(path)


def _init_worker(reader) -> None:
    global _worker_reader
    _worker_reader = reader


def _read(path: str) -> tuple:
    return _worker_reader.read(Path(path))
