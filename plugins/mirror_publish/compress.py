"""Precompressed siblings (``page.html.gz``, ``page.html.br``) of the text files
of a finished build, so that a mirror's nginx serves them with
``gzip_static``/``brotli_static`` and spends no CPU.

Deterministic: gzip through zlib with no file name and mtime 0, brotli
through the pinned ``brotli`` bindings; the same bytes in give the same bytes
out, whichever process compresses them. Which files get siblings, and when
the published ones are reused, is decided in :mod:`mirror_publish.files`.
"""
from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

import brotli

SUFFIXES = (".gz", ".br")


@dataclass(frozen=True)
class Levels:
    gzip: int
    brotli: int


def is_text_name(rel: str, extensions: tuple[str, ...]) -> bool:
    return os.path.splitext(rel)[1].lower() in extensions


def is_text(path: Path, extensions: tuple[str, ...], min_bytes: int) -> bool:
    return is_text_name(str(path), extensions) and path.stat().st_size >= min_bytes


def compress_bytes(data: bytes, levels: Levels) -> tuple[bytes, bytes]:
    """The gzip and brotli forms of ``data``, byte-for-byte reproducible."""
    gz = gzip.compress(data, compresslevel=levels.gzip, mtime=0)
    br = brotli.compress(data, mode=brotli.MODE_TEXT, quality=levels.brotli)
    return gz, br

