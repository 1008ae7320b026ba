"""What the publish step knows about the published folder: each file's
identity (inode, size, mtime) and SHA-256 as it was published.

A file of the next build that is still that very file — a hard link the build
cache carried over, whose identity the build record checked — has that
SHA-256, and its compressed siblings are still the published ones when their
own identities are unchanged too. A file changed by hand gets a new mtime (and
usually size or inode), so it is never taken for the published one. Kept
beside the build cache's records (``CATALOG_PAGE_CACHE``), one per published
folder; without it every file is read, compressed and hashed as on a first build.
"""
from __future__ import annotations

import hashlib
import os
import pickle

FORMAT = 1
Identity = tuple[int, int, int]  # inode, size, mtime_ns


def identity(stat: os.stat_result) -> Identity:
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class PublishedFiles:
    def __init__(self, path: str | None, published: str):
        self.path, self.published = path, published
        self.files: dict[str, tuple[int, int, int, str]] = {}  # rel -> (*identity, sha256)
        self.chunks: dict[str, tuple[str, int, str, str]] = {}  # manifest chunk: first -> (last, count, file, sha256)

    @classmethod
    def open(cls, folder: str | None, published: str) -> PublishedFiles:
        """The record of ``published`` in ``folder`` (empty when there is none, or no folder)."""
        path = None
        if folder:
            name = hashlib.sha256(published.encode()).hexdigest()[:16]
            path = os.path.join(folder, f"published-{name}.pickle")
        known = cls(path, published)
        if path:
            try:
                with open(path, "rb") as fh:
                    saved = pickle.load(fh)
                if saved.get("format") == FORMAT and saved.get("published") == published:
                    known.files, known.chunks = saved["files"], saved["chunks"]
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
                pass  # no record, or unreadable: nothing is known
        return known

    def sha256(self, rel: str, ident: Identity) -> str | None:
        """The SHA-256 of ``rel`` if the file with identity ``ident`` is the one that was published."""
        entry = self.files.get(rel)
        return entry[3] if entry is not None and entry[:3] == ident else None

    def unchanged(self, rel: str) -> tuple[Identity, str | None] | None:
        """The identity and SHA-256 of published ``rel`` if it is still the file
        that was published (one stat), else None."""
        entry = self.files.get(rel)
        if entry is None:
            return None
        try:
            stat = os.stat(os.path.join(self.published, rel))
        except OSError:
            return None
        return (entry[:3], entry[3]) if entry[:3] == identity(stat) else None

    def save(self, files: dict[str, tuple[int, int, int, str]], chunks: list[tuple[str, str, int, str, str]]) -> None:
        """Record ``files`` (every file of the published folder, after the swap)
        and the manifest's ``chunks`` (first, last, count, file, sha256)."""
        if not self.path:
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        temporary = f"{self.path}.{os.getpid()}"
        with open(temporary, "wb") as fh:
            pickle.dump({"format": FORMAT, "published": self.published, "files": files,
                         "chunks": {first: rest for first, *rest in chunks}}, fh, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
