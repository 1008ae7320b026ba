"""Fingerprints of a page's inputs, cheap to compute (nothing is rendered).

A page's fingerprint is a hash of the site fingerprint (everything every page
depends on: the code and library versions, the theme, the settings, the
reference date) and of the page's own inputs, which its page type declares:
for an item page, the bytes of its item file and of every item it shows.
The bytes of an item file determine its read result, since the reading code
is part of the site fingerprint.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from catalog_model.output_files import files_below
from catalog_model.settings import site_settings

PLUGINS = Path(__file__).resolve().parent.parent
# Settings that name where a build writes, not what it writes.
LOCATION_SETTINGS = {"OUTPUT_PATH", "MIRROR_PUBLISH_PATH", "CATALOG_READ_CACHE", "CATALOG_PAGE_CACHE", "CACHE_PATH",
                     "SEARCH_TOKEN_CACHE"}
# Settings that change how many processes work, never what they write.
WORKER_SETTINGS = {"CATALOG_READ_WORKERS", "CATALOG_RENDER_WORKERS", "MIRROR_COMPRESS_WORKERS"}
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def digest(*parts) -> str:
    """A hash of ``parts`` (nested lists, tuples, dicts, strings, numbers, dates)."""
    h = hashlib.blake2b(digest_size=16)
    _feed(h, parts)
    return h.hexdigest()


def _feed(h, value) -> None:
    if isinstance(value, (str, bytes)):
        data = value.encode() if isinstance(value, str) else value
        h.update(b"s%d:" % len(data) + data)
    elif isinstance(value, dict):
        h.update(b"{%d" % len(value))
        for key in sorted(value, key=repr):
            _feed(h, key)
            _feed(h, value[key])
    elif isinstance(value, (list, tuple)):
        h.update(b"[%d" % len(value))
        for part in value:
            _feed(h, part)
    elif isinstance(value, (set, frozenset)):
        _feed(h, sorted(value, key=repr))
    elif callable(value) and hasattr(value, "__code__"):
        code = value.__code__
        _feed(h, (value.__module__, value.__qualname__, code.co_code, repr(code.co_consts)))
    else:  # numbers, None, dates, paths and anything else by its repr, minus memory addresses
        h.update(b"r" + ADDRESS.sub("", repr(value)).encode())


def file_digest(path: Path) -> str:
    """The hash of a file's bytes ('' when it does not exist)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def folder_digest(folder, skip: tuple[str, ...] = ("__pycache__",)) -> str:
    """The hash of every file below ``folder`` (folders named in ``skip`` aside,
    linked folders followed as Pelican follows them): names and bytes."""
    root = os.fspath(folder)
    h = hashlib.blake2b(digest_size=16)
    for rel in sorted(files_below(root, skip, follow_links=True)):
        with open(os.path.join(root, rel), "rb") as fh:
            data = fh.read()
        h.update(b"%d:%s%d:" % (len(rel.encode()), rel.encode(), len(data)))
        h.update(hashlib.blake2b(data, digest_size=16).digest())
    return h.hexdigest()


def code_version() -> str:
    """Python, every installed distribution's version, and every plugin file."""
    libraries = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return digest(sys.version, libraries, folder_digest(PLUGINS))


# Files of the content tree that are not items but shape every page.
TREE_FILES = ("catalog.yaml", "organs.yaml")


def site_fingerprint(settings: dict, reference_date: dt.date) -> str:
    """What every page depends on: code, theme, settings, the content tree's
    catalog.yaml, organ registry, platform pages and 年报 data, the reference date. A change of any of
    them re-renders every page (pages whose bytes did not change still keep
    their mtime: mirror_publish)."""
    theme = Path(settings["THEME"])
    relevant = {k: v for k, v in settings.items() if k not in LOCATION_SETTINGS | WORKER_SETTINGS}
    typed = site_settings(settings)
    content = Path(settings["PATH"])
    tree = [file_digest(content / name) for name in (*TREE_FILES, typed.CATALOG_ORGANS_FILE)]
    # The platform's pages and 年报 data shape the organ pages (guides) and the columns.
    tree += [folder_digest(content / name) for name in (typed.CATALOG_PAGES_DIR, typed.CATALOG_REPORT_DATA_DIR)]
    return digest(code_version(), folder_digest(theme), relevant, tree, reference_date.isoformat())
