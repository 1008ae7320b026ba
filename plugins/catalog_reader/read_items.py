"""Read every item file of a build: from the read cache, else in worker processes.

Markdown and YAML dominate a large build, so Pelican's one-file-at-a-time
reader loop is not used for items. Every item file (``item_files``) is read
once here, in the parent: its bytes are hashed (the digest names the exact
bytes the item was read from, for the read cache and the build cache's
fingerprints) and looked up in the read cache (``read_cache``); the files
that missed are read by a pool of worker processes (``CATALOG_READ_WORKERS``,
default one per core; 1 reads them in this process) with the very same
:class:`ItemReader`, from the bytes the parent hashed. The output is identical
whichever way a file was read.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from catalog_model.content_tree import item_files
from catalog_model.item import Item
from catalog_model.settings import site_settings

from .item_reader import ItemReader, source_path
from .read_cache import ReadCache

CHUNK = 64  # files per task: large enough to amortise the inter-process cost

_worker_reader: ItemReader | None = None  # one per worker process


def read_items(settings: dict) -> list[Item]:
    """Every item below ``settings['PATH']``, drafts included, in ``item_files`` order,
    each with the digest of its path and bytes (``Item.source_digest``)."""
    root = Path(settings["PATH"]).resolve()
    sources = []  # (source path below root, digest, bytes)
    for path in item_files(settings):
        rel = source_path(path, root)
        data = path.read_bytes()
        sources.append((rel, source_digest(rel, data), data))
    cache = ReadCache.open(settings)
    results: dict[str, Item] = {}
    missed = []
    for rel, digest, data in sources:
        hit = cache.get(rel, digest) if cache else None
        if hit is None:
            missed.append((rel, data))
        else:
            results[rel] = hit
    reader = ItemReader.from_settings(settings)
    workers = site_settings(settings).CATALOG_READ_WORKERS
    digests = {rel: digest for rel, digest, _ in sources}
    for (rel, _), item in zip(missed, _read_all(reader, missed, workers), strict=True):
        item.source_digest = digests[rel]
        results[rel] = item
        if cache:
            cache.put(rel, digests[rel], item)
    if cache:
        cache.keep_only(digests)
        cache.save()
    return [results[rel] for rel, _, _ in sources]


def source_digest(rel: str, data: bytes) -> str:
    """What an item page's fingerprint knows of its file: its path and bytes."""
    return hashlib.blake2b(rel.encode() + b"\0" + data, digest_size=16).hexdigest()


def _read_all(reader: ItemReader, files: list[tuple[str, bytes]], workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(files) < 2 * CHUNK:
        return [reader.read_bytes(data, rel) for rel, data in files]  # not worth starting processes for
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(reader,)) as pool:
        return list(pool.map(_read, files, chunksize=CHUNK))


def _init_worker(reader: ItemReader) -> None:
    global _worker_reader
    _worker_reader = reader


def _read(source: tuple[str, bytes]) -> Item:
    rel, data = source
    return _worker_reader.read_bytes(data, rel)
