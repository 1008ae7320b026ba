"""The term-sharded index on disk: shards, display chunks and the manifest.

Format ``gongkai-search`` version 1 (the contract search/index.js reads; bump
VERSION on any change, the browser refuses a version it does not know):

``search/manifest.json``
    ``format``, ``version``, ``build`` (content hash, appended to every
    fetched URL so caches never mix builds), ``lunr`` (lunr.js version),
    ``tokenizer`` {name, version}, ``pipeline`` (lunr pipeline labels),
    ``fields`` [{name, boost}], ``docs`` (item count), ``docChunk`` (rows
    per display chunk), ``shards`` (the first term of every shard, sorted
    in UTF-16 code-unit order, i.e. JavaScript's string order),
    ``years`` [[year, first ref]], ``categories`` and ``publishers`` (names,
    referred to by position).
``search/s/<n>.json``
    ``{"t": [[term, termIndex, f0, f1, …], …]}``, one f per field: 0 when the
    term is not in that field, else ``[refDeltas, weights]`` with the refs
    delta-coded and each weight lunr's ``round(score, 3)`` in thousandths
    (an integer k; k / 1000 in JavaScript is the very double lunr.py stores).
    Terms are cut into shards in sorted order, each shard a bounded number
    of gzip bytes (``SEARCH_SHARD_BYTES``); a term as big as half a shard
    gets a shard of its own, so a query only ever fetches the very common
    terms it really names, and a prefix (``20*``, ``税*``) is a contiguous run.
``search/d/<n>.json``
    Display rows ``[title, url, publisher#, date, category#, validity,
    文号, snippet]`` for refs ``n*docChunk`` … ``(n+1)*docChunk - 1``.
``search/facets.json``
    ``{"categories": "…"}``, one base-36 digit per ref (fetched only when a
    category filter is used).
"""
from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path

import numpy as np

from .builder import Index
from .documents import SearchDoc
from .tokenizer import NAME as TOKENIZER, VERSION as TOKENIZER_VERSION

FORMAT = "gongkai-search"
VERSION = 1
LUNR_VERSION = "2.3.9"


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_order(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")


def term_record(term: str, index: Index) -> list:
    t = index.terms[term]
    record: list = [term, t.index]
    for ids, weights in zip(t.ids, t.weights):
        if not len(ids):
            record.append(0)
        else:
            thousandths = np.rint(weights * 1000).astype(np.int64)  # exact: weights have 3 decimals
            record.append([np.diff(ids, prepend=0).tolist(), thousandths.tolist()])
    return record


def pack(index: Index, target: int):
    """Terms (as JSON records) in JavaScript order, cut into shards of about ``target``
    gzip bytes; yields one shard (a list of records) at a time."""
    current: list[str] = []
    size = 0
    for term in sorted(index.terms, key=js_order):
        record = dumps(term_record(term, index))
        cost = max(len(zlib.compress(record.encode(), 1)) - 8, 4)  # a close, cheap estimate
        if cost >= target // 2:  # a very common term: alone, fetched only by queries naming it
            if current:
                yield current
            yield [record]
            current, size = [], 0
            continue
        if current and size + cost > target:
            yield current
            current, size = [], 0
        current.append(record)
        size += cost
    if current:
        yield current


def write_text(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_index(out: Path, index: Index, docs: list[SearchDoc], shard_bytes: int, doc_chunk: int) -> dict:
    """Write manifest, shards, display chunks and facets under ``out``; returns the manifest."""
    digest = hashlib.sha256()
    firsts = []
    for n, shard in enumerate(pack(index, shard_bytes)):
        text = '{"t":[' + ",".join(shard) + "]}"
        digest.update(text.encode())
        firsts.append(json.loads(shard[0])[0])
        write_text(out / "s" / f"{n}.json", text)

    categories = sorted({d.category for d in docs})
    publishers = sorted({d.publisher for d in docs})
    cat_no = {c: i for i, c in enumerate(categories)}
    pub_no = {p: i for i, p in enumerate(publishers)}
    rows = [[d.title, d.url, pub_no[d.publisher], d.date, cat_no[d.category], d.validity, d.doc_no, d.snippet]
            for d in docs]
    chunk_texts = [dumps(rows[i:i + doc_chunk]) for i in range(0, len(rows), doc_chunk)]
    for text in chunk_texts:
        digest.update(text.encode())
    facets = dumps({"categories": "".join(_base36(cat_no[d.category]) for d in docs)})
    digest.update(facets.encode())

    years: list[list[int]] = []
    for ref, d in enumerate(docs):
        year = int(d.date[:4])
        if not years or years[-1][0] != year:
            years.append([year, ref])

    manifest = {
        "format": FORMAT, "version": VERSION, "build": digest.hexdigest()[:12], "lunr": LUNR_VERSION,
        "tokenizer": {"name": TOKENIZER, "version": TOKENIZER_VERSION}, "pipeline": [TOKENIZER],
        "fields": [{"name": f.name, "boost": f.boost} for f in index.fields],
        "docs": len(docs), "docChunk": doc_chunk,
        "shards": firsts,
        "years": years, "categories": categories, "publishers": publishers,
    }
    for n, text in enumerate(chunk_texts):
        write_text(out / "d" / f"{n}.json", text)
    write_text(out / "facets.json", facets)
    write_text(out / "manifest.json", dumps(manifest))
    return manifest


def _base36(n: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n]
