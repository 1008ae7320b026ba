"""Precompressed siblings (``page.html.gz``, ``page.html.br``) of the text files
of a finished build, so that a mirror's nginx serves them with
``gzip_static``/``brotli_static`` and spends no CPU.

Deterministic: gzip through zlib with no file name and mtime 0, brotli
through the pinned ``brotli`` bindings; the same bytes in give the same bytes
out. Cheap on rebuilds: a file whose bytes equal the published copy gets the
published siblings back (hard links, which also keep their mtime); only new
or changed files are compressed, in one worker process per core.
"""
from __future__ import annotations

import gzip
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

SUFFIXES = (".gz", ".br")


@dataclass(frozen=True)
class Levels:
    gzip: int
    brotli: int


def is_text(path: Path, extensions: tuple[str, ...], min_bytes: int) -> bool:
    return path.suffix.lower() in extensions and path.stat().st_size >= min_bytes


def compress_bytes(data: bytes, levels: Levels) -> tuple[bytes, bytes]:
    """The gzip and brotli forms of ``data``, byte-for-byte reproducible."""
    gz = gzip.compress(data, compresslevel=levels.gzip, mtime=0)
    br = brotli.compress(data, mode=brotli.MODE_TEXT, quality=levels.brotli)
    return gz, br


def _compress_files(paths: list[str], levels: Levels) -> int:
    written = 0
    for path in paths:
        data = Path(path).read_bytes()
        for suffix, packed in zip(SUFFIXES, compress_bytes(data, levels), strict=True):
            Path(path + suffix).write_bytes(packed)
            written += len(packed)
    return written


def _reuse_published(new: Path, old: Path) -> bool:
    """Link the published siblings of ``old`` next to ``new`` if ``new`` is unchanged."""
    siblings = [Path(str(old) + s) for s in SUFFIXES]
    if not (old.is_file() and all(s.is_file() for s in siblings)):
        return False
    if new.stat().st_size != old.stat().st_size or new.read_bytes() != old.read_bytes():
        return False
    for sibling in siblings:
        target = Path(str(new) + sibling.suffix)
        try:
            os.link(sibling, target)
        except OSError:  # another file system: a copy with its mtime
            shutil.copy2(sibling, target)
    return True


def precompress(staging: Path, published: Path | None, extensions: tuple[str, ...], min_bytes: int,
                levels: Levels, workers: int | None = None) -> tuple[int, int]:
    """Write siblings for every text file of ``staging``. Returns (reused, compressed)."""
    todo: list[str] = []
    reused = 0
    for folder, _, files in os.walk(staging):
        for name in files:
            path = Path(folder, name)
            if not is_text(path, extensions, min_bytes):
                continue
            if published and _reuse_published(path, published / path.relative_to(staging)):
                reused += 1
            else:
                todo.append(str(path))
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) // 50 or 1))
    if workers == 1:
        _compress_files(todo, levels)
    else:
        batches = [todo[i::workers * 4] for i in range(workers * 4)]
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_compress_files, batches, [levels] * len(batches)))
    return reused, len(todo)
