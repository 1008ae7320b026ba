"""What a search build keeps for the next one (``SEARCH_TOKEN_CACHE``), so that
after an edit it tokenises only the edited items and serialises only the
terms they touch.

One file per built site (named by its published folder) holds:
- the last build's items in ref order, each under a hash of exactly what
  its tokens are made of, the item's ``sources()`` (title, 文号, 索引号,
  keywords, body HTML), and their tokens (``doc_tokens.Tokens``), with the
  ``TermTable`` that numbers their terms;
- its fragile weights and each term's ``shards.TermFiles`` (digests of its
  record and blocks, and its cost in a shard).
All of it is set aside when the code that makes tokens or files changes
(``code_fingerprint``) or a setting that shapes the files does.

A term's record can differ from the last build's only if an item at some ref
holding it changed (different hashes at that ref: an edit, or every later ref
when an item is added or removed before them) or its fragile weights changed;
``changed_terms`` names exactly those, so every other term's files are known.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

import numpy as np

from .doc_tokens import TermTable, Tokens, tokenise

FORMAT = 1
CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "catalog_model" / "html_text.py")


def code_fingerprint() -> str:
    """The code that turns an item's sources into tokens and files: this plugin, html_text, numpy, Python."""
    digest = hashlib.sha256(f"{sys.version}\0{np.__version__}".encode())
    for place in CODE:
        for path in sorted(place.glob("*.py")) if place.is_dir() else [place]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def item_key(sources: tuple[str, ...]) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for text in sources:
        data = text.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


class SearchCache:
    def __init__(self, path: Path | None, code: str):
        self.path, self.code = path, code
        self.table = TermTable()
        self.keys: list[bytes] = []  # the last build's items, in ref order
        self.store: Tokens | None = None  # their tokens (row = ref), then those of items tokenised since
        self.built: dict | None = None  # the last build: config, exact, files
        self.which = np.zeros(0, np.int64)  # this build's items: rows of the store

    @classmethod
    def open(cls, folder: str, site: Path) -> SearchCache:
        """The cache of the site published at ``site`` in ``folder`` (empty: a cache kept
        only for this build)."""
        code = code_fingerprint()
        if not folder:
            return cls(None, code)
        name = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]
        cache = cls(Path(folder) / f"{name}.pickle", code)
        try:
            with open(cache.path, "rb") as fh:
                saved = pickle.load(fh)
            if saved.get("format") == FORMAT and saved.get("code") == code:
                cache.table = TermTable(saved["terms"])
                cache.keys = saved["keys"]
                cache.store = Tokens(*saved["store"])
                cache.built = saved["built"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError, ImportError):
            pass  # none, or unreadable: tokenise and write everything
        return cache

    def tokens_of(self, items, fields) -> tuple[list[bytes], Tokens, int]:
        """Each item's key and the items' tokens (in their order), tokenising only the
        items the last build did not have; and how many were tokenised."""
        keys = [item_key(d.sources()) for d in items]
        if self.store is None or self.store.counts.shape[1] != len(fields):
            self.keys, self.store, self.built = [], Tokens.empty(len(fields)), None
        row = {key: n for n, key in reversed(list(enumerate(self.keys)))}
        missing = {}
        for key, d in zip(keys, items, strict=True):
            if key not in row and key not in missing:
                missing[key] = d
        if missing:
            made = tokenise((d.fields() for d in missing.values()), fields, self.table)
            row.update((key, len(self.store) + n) for n, key in enumerate(missing))
            self.store = Tokens.join([self.store, made])
        self.which = np.array([row[key] for key in keys], dtype=np.int64)
        return keys, self.store.rows(self.which), len(missing)

    def changed_terms(self, keys: list[bytes], exact: dict, config) -> tuple[dict | None, set[str] | None]:
        """(the last build's ``TermFiles`` by term, the terms whose files may differ from
        them); (None, None) when there is no usable last build."""
        built = self.built
        if built is None or built["config"] != config:
            return None, None
        old = self.keys
        rows = [r for r in range(min(len(old), len(keys))) if old[r] != keys[r]]
        rows += list(range(len(keys), len(old)))  # refs no item has now
        rows = rows + self.which[[r for r in rows if r < len(keys)] + list(range(len(old), len(keys)))].tolist()
        held = self.store.rows(np.array(rows, dtype=np.int64)).ids
        changed = np.unique(np.concatenate(held)).tolist()
        old_exact = built["exact"]
        changed += [t for t in set(old_exact) | set(exact) if old_exact.get(t) != exact.get(t)]
        names = self.table.names
        return built["files"], {names[t] for t in changed}

    def save(self, keys: list[bytes], docs: Tokens, config, exact: dict, files: dict) -> None:
        """Keep this build's items and their tokens (``docs``, in ref order) and what it wrote."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            with open(temporary, "wb") as fh:
                pickle.dump({"format": FORMAT, "code": self.code, "terms": self.table.names, "keys": keys,
                             "store": (docs.counts, docs.lengths, docs.ids, docs.tfs),
                             "built": {"config": config, "exact": exact, "files": files}}, fh,
                            pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time
