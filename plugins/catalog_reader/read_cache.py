"""A cache of read items, so that a rebuild reads only the files that changed.

Each item file's result (its body HTML and its entry, problems included) is
stored under the hash of its path and bytes, inside a folder named by a
fingerprint of everything else that shapes the result: the reading code and
its messages, the content-model settings, and the library versions. Change
any of those and the whole cache is set aside; change one file and only that
file is read again. Unlike Pelican's content cache, it never serves a result
that was read by older code or settings.
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


class ReadCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    @classmethod
    def open(cls, settings: dict) -> ReadCache | None:
        """The cache for these settings (``CATALOG_READ_CACHE``, a folder; empty turns it off).
        Each content tree has its own; its caches of other fingerprints are
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
        return cls(current)

    def key(self, path: str) -> str:
        with open(path, "rb") as fh:
            return hashlib.sha256(path.encode() + b"\0" + fh.read()).hexdigest()[:40]

    def get(self, key: str):
        self.used.add(key)
        try:
            return pickle.loads(zlib.decompress((self.folder / key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # absent, or unreadable: read the file again

    def put(self, key: str, result) -> None:
        # Write then rename, so an interrupted build never leaves a truncated entry.
        temporary = self.folder / f".{key}.{os.getpid()}"
        try:
            temporary.write_bytes(zlib.compress(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), 1))
            temporary.replace(self.folder / key)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Forget the results of files that no longer exist or changed."""
        for entry in os.scandir(self.folder):
            if entry.name not in self.used:
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
