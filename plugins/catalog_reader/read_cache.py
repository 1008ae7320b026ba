"""A cache of read items, so that a rebuild reads only the files that changed.

Each item file's result (its body HTML and its entry, problems included) is
stored with the digest of its path and bytes, inside a folder named by a
fingerprint of everything else that shapes the result: the reading code and
its messages, the content-model settings, and the library versions. Change
any of those and the whole cache is set aside; change one file and only that
file is read again. Unlike Pelican's content cache, it never serves a result
that was read by older code or settings.

The results live in a few shard files (by a hash of the file's path), each
loaded in one go: at 10k items, ten thousand small files cost more to open and
unpickle than the reading they save. A build rewrites only the shards whose
entries changed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import zlib
from importlib import metadata
from pathlib import Path

from catalog_model.settings import site_settings
from catalog_model.vocabulary import Vocabulary

PLUGINS = Path(__file__).resolve().parent.parent
# The code and text that reading depends on.
SOURCES = ("catalog_reader", "catalog_model", "privacy_guard")
LIBRARIES = ("Markdown", "nh3", "pydantic", "pydantic_core", "PyYAML")
SETTINGS = ("CATALOG_SECTIONS", "CATALOG_INDEX_NO_PATTERN")  # the content model's settings
SHARDS = 16  # an edit rewrites one shard, 1/16 of the cache


def fingerprint(settings: dict, plugins: Path = PLUGINS) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for folder in SOURCES:
        for path in sorted((plugins / folder).rglob("*")):
            if path.suffix in (".py", ".yaml"):
                digest.update(path.relative_to(plugins).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    typed = site_settings(settings)
    digest.update(f"PATH={settings.get('PATH')!r}".encode())
    for name in SETTINGS:
        digest.update(f"{name}={getattr(typed, name)!r}".encode())
    # The numbering scheme may also come from the content tree's catalog.yaml.
    digest.update(repr(Vocabulary.from_settings(settings)).encode())
    return digest.hexdigest()[:20]


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode()) % SHARDS


class ReadCache:
    """``entries``: source path (below the content root) -> (digest of its path and bytes, result)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.entries: dict[str, tuple[str, object]] = {}
        self._changed: set[int] = set()

    @classmethod
    def open(cls, settings: dict) -> ReadCache | None:
        """The cache for these settings (``CATALOG_READ_CACHE``, a folder; empty turns it off),
        loaded. Each content tree has its own; its caches of other fingerprints are
        removed, since they can never be used again."""
        folder = site_settings(settings).CATALOG_READ_CACHE
        if not folder:
            return None
        tree = hashlib.sha256(str(Path(settings["PATH"]).resolve()).encode()).hexdigest()[:12]
        root = Path(folder) / tree
        current = root / fingerprint(settings)
        if root.is_dir():
            for other in root.iterdir():
                if other != current:
                    shutil.rmtree(other, ignore_errors=True)
        current.mkdir(parents=True, exist_ok=True)
        cache = cls(current)
        cache.load()
        return cache

    def load(self) -> None:
        for shard in range(SHARDS):
            try:
                entries = pickle.loads((self.folder / f"shard-{shard:02d}").read_bytes())
            except FileNotFoundError:
                continue
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError,
                    TypeError, IndexError):
                self._changed.add(shard)  # unreadable: its files are read again, and it is rewritten
                continue
            self.entries.update(entries)

    def get(self, rel: str, digest: str):
        """The result of the file at ``rel`` whose path and bytes hash to ``digest``, or None."""
        entry = self.entries.get(rel)
        return entry[1] if entry is not None and entry[0] == digest else None

    def put(self, rel: str, digest: str, result) -> None:
        self.entries[rel] = (digest, result)
        self._changed.add(shard_of(rel))

    def keep_only(self, rels) -> None:
        """Forget the results of files that no longer exist."""
        for rel in set(self.entries) - set(rels):
            del self.entries[rel]
            self._changed.add(shard_of(rel))

    def save(self) -> None:
        """Rewrite the shards whose entries changed."""
        by_shard: dict[int, dict] = {shard: {} for shard in self._changed}
        for rel, entry in self.entries.items():
            shard = shard_of(rel)
            if shard in by_shard:
                by_shard[shard][rel] = entry
        for shard, entries in by_shard.items():
            # Write then rename, so an interrupted build never leaves a truncated shard.
            target = self.folder / f"shard-{shard:02d}"
            temporary = self.folder / f".{target.name}.{os.getpid()}"
            try:
                temporary.write_bytes(pickle.dumps(entries, pickle.HIGHEST_PROTOCOL))
                temporary.replace(target)
            except OSError:
                pass  # a cache that cannot be written only costs time
        self._changed.clear()
