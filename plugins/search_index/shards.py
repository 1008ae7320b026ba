"""The term-sharded index on disk: shards, display chunks and the manifest.

Format ``gongkai-search`` version 2 (the contract search/index.js reads; bump
VERSION on any change, the browser refuses a version it does not know).
Nothing in a shard depends on the rest of the catalog: shards hold term
frequencies and field lengths, the manifest holds the totals, and the
browser computes lunr's BM25 weights. So an edit rewrites only the shards of
the terms it adds or removes (and, if it changes a field's length, those of
that field's terms), plus the manifest.

``search/manifest.json``
    ``format``, ``version``, ``build`` (content hash, appended to every
    fetched URL so caches never mix builds), ``lunr`` (lunr.js version),
    ``tokenizer`` {name, version}, ``pipeline`` (lunr's search pipeline),
    ``fields`` [{name, boost, quoted}], ``docs`` (item count), ``lengths`` (per
    field, the sum of every item's field length in tokens: lunr's average
    field length is lengths[f] / docs), ``bm25`` {k1, b}, ``docChunk`` (rows
    per display chunk), ``shards`` (the first term of every shard, sorted
    in UTF-16 code-unit order, i.e. JavaScript's string order),
    ``years`` [[year, first ref]], ``categories`` and ``publishers`` (names,
    referred to by position).
``search/s/<name>.json``
    Named after the shard's first term (``shard_name``: its code points in
    hex), so that a name survives changes elsewhere.
    ``{"t": [[term, firstRank, f0, f1, …], …]}``, one f per field: 0 when the
    term is not in that field, else ``[refDeltas, tfs, lengths]``: the refs
    holding the term (delta-coded), its frequency in each and each one's
    field length; a fourth member ``[i, k, …]``, where present, gives the
    exact weight (k thousandths) of posting i, where the browser's float
    arithmetic could round differently from lunr.py's (see builder.py).
    lunr numbers terms by first occurrence; the browser restores that order
    among the terms it loaded from (first ref, first field, firstRank), the
    rank of the term among the distinct terms of the field it first
    occurred in, so that it sums in lunr.py's order. Terms are cut into
    shards in sorted order, each shard a bounded number of gzip bytes
    (``SEARCH_SHARD_BYTES``); a term as big as half a shard gets a shard of
    its own, so a query only ever fetches the very common terms it really
    names, and a prefix (``20*``, ``税*``) is a contiguous run.
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

from .builder import B, K1, Index
from .documents import IndexedItem
from .tokenizer import NAME as TOKENIZER, VERSION as TOKENIZER_VERSION

FORMAT = "gongkai-search"
VERSION = 2
LUNR_VERSION = "2.3.9"
CUT_EVERY = 4  # content-defined shard cuts: one term in CUT_EVERY may end a half-full shard
NAME_CHARS = 12  # code points of a shard's first term that name its file


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_order(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")


def term_record(term: str, index: Index) -> list:
    t = index.terms[term]
    record: list = [term, t.first_rank]
    for ids, tfs, lengths, exact in zip(t.ids, t.tfs, index.lengths, t.exact, strict=True):
        if not len(ids):
            record.append(0)
            continue
        postings = [np.diff(ids, prepend=0).tolist(), tfs.tolist(), lengths[ids].tolist()]
        if exact:
            postings.append([v for i in sorted(exact) for v in (i, exact[i])])
        record.append(postings)
    return record


def pack(index: Index, target: int):
    """Terms (as JSON records) in JavaScript order, cut into shards of about ``target``
    gzip bytes; yields (first term, records) one shard at a time.

    The cuts are content-defined, as rsync and backup tools cut files: a shard that
    holds half its target ends before a term whose hash is 0 mod CUT_EVERY (else at
    the target), so that an edit which changes one record's size moves no cut beyond
    its own neighbourhood and a mirror copies a few shards, not all that follow."""
    current: list[str] = []
    first = ""
    size = 0
    for term in sorted(index.terms, key=js_order):
        record = dumps(term_record(term, index))
        # a close, cheap estimate of its gzip bytes; a record of 8 raw bytes per gzip byte
        # of the target is a shard of its own without asking (records gzip to 1/3-1/12;
        # one that gzips better merely gets a small shard to itself)
        big = len(record) >= 8 * target
        cost = target if big else max(len(zlib.compress(record.encode(), 1)) - 8, 4)
        if cost >= target // 2:  # a very common term: alone, fetched only by queries naming it
            if current:
                yield first, current
            yield term, [record]
            current, size = [], 0
            continue
        if current and (size + cost > target or (size >= target // 2 and zlib.crc32(term.encode()) % CUT_EVERY == 0)):
            yield first, current
            current, size = [], 0
        if not current:
            first = term
        current.append(record)
        size += cost
    if current:
        yield first, current


def shard_name(first: str, seen: dict[str, int]) -> str:
    """A shard's file name (``s/<name>.json``), from its first term, so that a shard
    keeps its name when shards before it are cut differently: the first NAME_CHARS
    code points in hex, joined by ``-``; a name that an earlier shard already has (a
    long shared prefix) gets ``~k``, k shards of that name before it (``seen`` counts
    them). index.js derives the same names from the manifest."""
    name = "-".join(f"{ord(c):x}" for c in first[:NAME_CHARS])
    k = seen.get(name, 0)
    seen[name] = k + 1
    return f"{name}~{k}" if k else name


def shard_names(firsts: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    return [shard_name(first, seen) for first in firsts]


def write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def write_index(out: Path, index: Index, docs: list[IndexedItem], shard_bytes: int, doc_chunk: int) -> dict:
    """Write manifest, shards, display chunks and facets under ``out``; returns the manifest."""
    for folder in (out / "s", out / "d"):  # once, not per file: thousands of files
        folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    firsts: list[str] = []
    seen: dict[str, int] = {}
    for first, shard in pack(index, shard_bytes):  # written as they are cut: the index is GBs at 100k
        text = '{"t":[' + ",".join(shard) + "]}"
        digest.update(text.encode())
        firsts.append(first)
        write_text(out / "s" / f"{shard_name(first, seen)}.json", text)

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
        "tokenizer": {"name": TOKENIZER, "version": TOKENIZER_VERSION}, "pipeline": list(index.pipeline),
        "fields": [{"name": f.name, "boost": f.boost, "quoted": f.quoted} for f in index.fields],
        "docs": len(docs), "lengths": index.totals, "bm25": {"k1": K1, "b": B}, "docChunk": doc_chunk,
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
