"""The term-sharded index on disk: shards, display chunks and the manifest.

Format ``gongkai-search`` version 3 (the contract search/index.js reads; bump
VERSION on any change, the browser refuses a version it does not know).
Nothing in a shard depends on the rest of the catalog: shards hold term
frequencies and the lengths of the short fields, the length blocks hold the
long field's (the body's) lengths by item, the manifest holds the totals, and
the browser computes lunr's BM25 weights. So an edit rewrites only the shards
of the terms it adds or removes (and, if it changes the length of a short
field, a title say, those of that field's terms), one length block and the
manifest.

``search/manifest.json``
    ``format``, ``version``, ``build`` (content hash, appended to every
    fetched URL so caches never mix builds), ``lunr`` (lunr.js version),
    ``tokenizer`` {name, version}, ``pipeline`` (lunr's search pipeline),
    ``fields`` [{name, boost, quoted, apart}] (``apart``, for a field whose
    lengths are in the length blocks: [least, greatest] length, which bound
    its weights before a block is fetched), ``docs`` (item count), ``lengths``
    (per field, the sum of every item's field length in tokens: lunr's average
    field length is lengths[f] / docs), ``bm25`` {k1, b}, ``docChunk`` (rows
    per display chunk), ``lengthBlock`` (items per length block), ``shards``
    (the first term of every shard, sorted
    in UTF-16 code-unit order, i.e. JavaScript's string order),
    ``years`` [[year, first ref]], ``categories`` and ``publishers`` (names,
    referred to by position).
``search/s/<name>.json``
    Named after the shard's first term (``shard_name``: its code points in
    hex), so that a name survives changes elsewhere.
    ``{"t": [[term, firstRank, f0, f1, …], …]}``, one f per field: 0 when the
    term is not in that field, else ``[refDeltas, tfs, lengths]``: the refs
    holding the term (delta-coded), its frequency in each and each one's
    field length (only ``[refDeltas, tfs]`` for a field whose lengths are
    apart); a fourth member ``[i, k, …]``, where present (lengths then 0 if
    apart), gives the
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
``search/l/<n>.json``
    ``{field: [length, …]}`` for each field whose lengths are apart, for refs
    ``n*lengthBlock`` … ``(n+1)*lengthBlock - 1``: fetched only for the
    candidates whose score bounds can reach the page shown (query.js: top).
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
VERSION = 3
LUNR_VERSION = "2.3.9"
CUT_EVERY = 4  # content-defined shard cuts: one term in CUT_EVERY may end a half-full shard
# a long field's postings of a term, SPLIT_POSTINGS or more, are cut into blocks (b/…) of
# BLOCK_MIN-BLOCK_MAX postings, about BLOCK_EVERY (content-defined)
SPLIT_POSTINGS = 512
BLOCK_MIN, BLOCK_EVERY, BLOCK_MAX = 128, 256, 1024
NAME_CHARS = 12  # code points of a shard's first term that name its file


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_order(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")


def field_entry(field, ids: np.ndarray, tfs: np.ndarray, lengths: np.ndarray, exact: dict, start: int = 0) -> list:
    """A field's postings as a shard stores them: refs delta-coded (the first from 0),
    term frequencies, lengths unless apart, exact weights by posting number."""
    postings = [np.diff(ids, prepend=0).tolist(), tfs.tolist()]
    if not field.lengths_apart:
        postings.append(lengths[ids].tolist())
    if exact:
        postings += [0] * (3 - len(postings)) + [[v for i in sorted(exact) for v in (i - start, exact[i])]]
    return postings


def block_cuts(ids: np.ndarray) -> list[int]:
    """Where a long posting list is cut into blocks (posting numbers, 0 first): content-
    defined, as the shards are, so that an edit moves no cut but its own block's: a block
    of BLOCK_MIN postings or more ends after a ref whose hash says so, or at BLOCK_MAX."""
    ends = (ids.astype(np.uint64) * np.uint64(2654435761) >> np.uint64(8)) % np.uint64(BLOCK_EVERY) == 0
    cuts, at = [0], 0
    for i in np.flatnonzero(ends).tolist() + [len(ids) - 1]:
        while i + 1 - at > BLOCK_MAX:
            at += BLOCK_MAX
            cuts.append(at)
        if i + 1 - at >= BLOCK_MIN and i + 1 < len(ids):
            at = i + 1
            cuts.append(at)
    return cuts


def term_record(term: str, index: Index, split: bool = False) -> tuple[list, list]:
    """A term's shard record, and (with ``split``) the blocks of its long fields'
    postings: [(field number, first ref, entry)]; the record then holds, for such a
    field, ``{"b": [[first ref, postings, greatest tf], …]}`` (see the module doc).
    Blocks are (term, field number, first ref, entry)."""
    t = index.terms[term]
    record: list = [term, t.first_rank]
    blocks = []
    for n, (field, ids, tfs, lengths, exact) in enumerate(zip(index.fields, t.ids, t.tfs, index.lengths, t.exact, strict=False)):
        if not len(ids):
            record.append(0)
            continue
        if not (split and field.lengths_apart and len(ids) >= SPLIT_POSTINGS):
            record.append(field_entry(field, ids, tfs, lengths, exact))
            continue
        directory = []
        cuts = block_cuts(ids)
        for a, b in zip(cuts, cuts[1:] + [len(ids)], strict=False):
            mine = {i: w for i, w in exact.items() if a <= i < b}
            blocks.append((term, n, int(ids[a]), field_entry(field, ids[a:b], tfs[a:b], lengths, mine, a)))
            directory.append([int(ids[a]), b - a, int(tfs[a:b].max())])
        record.append({"b": directory})
    return record, blocks


def pack(index: Index, target: int):
    """Terms (as JSON records) in JavaScript order, cut into shards of about ``target``
    gzip bytes; yields (first term, records, posting blocks) one shard at a time, and
    (None, None, posting blocks) for the blocks of a term in a shard not yet complete.

    The cuts are content-defined, as rsync and backup tools cut files: a shard that
    holds half its target ends before a term whose hash is 0 mod CUT_EVERY (else at
    the target), so that an edit which changes one record's size moves no cut beyond
    its own neighbourhood and a mirror copies a few shards, not all that follow."""
    current: list[str] = []
    first = ""
    size = 0
    for term in sorted(index.terms, key=js_order):
        record, blocks = term_record(term, index, split=True)
        record = dumps(record)
        # a close, cheap estimate of its gzip bytes; a record of 8 raw bytes per gzip byte
        # of the target is a shard of its own without asking (records gzip to 1/3-1/12;
        # one that gzips better merely gets a small shard to itself)
        big = len(record) >= 8 * target
        cost = target if big else max(len(zlib.compress(record.encode(), 1)) - 8, 4)
        if cost >= target // 2:  # a very common term: alone, fetched only by queries naming it
            if current:
                yield first, current, []
            yield term, [record], blocks
            current, size = [], 0
            continue
        if current and (size + cost > target or (size >= target // 2 and zlib.crc32(term.encode()) % CUT_EVERY == 0)):
            yield first, current, []
            current, size = [], 0
        if not current:
            first = term
        current.append(record)
        size += cost
        if blocks:
            yield None, None, blocks
    if current:
        yield first, current, []


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


def block_name(term: str, field_no: int, first_ref: int) -> str:
    """A posting block's file name (``b/<name>.json``): its term's code points in hex,
    its field's number and its first ref (index.js: blockName)."""
    return "-".join(f"{ord(c):x}" for c in term) + f"_{field_no}_{first_ref}"


def shard_names(firsts: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    return [shard_name(first, seen) for first in firsts]


def write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def write_index(out: Path, index: Index, docs: list[IndexedItem], shard_bytes: int, doc_chunk: int,
                length_block: int = 64) -> dict:
    """Write manifest, shards, length blocks, display chunks and facets under ``out``;
    returns the manifest."""
    for folder in (out / "s", out / "d", out / "l", out / "b"):  # once, not per file: thousands of files
        folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    firsts: list[str] = []
    seen: dict[str, int] = {}
    for first, shard, blocks in pack(index, shard_bytes):  # written as they are cut: the index is GBs at 100k
        if shard is not None:
            text = '{"t":[' + ",".join(shard) + "]}"
            digest.update(text.encode())
            firsts.append(first)
            write_text(out / "s" / f"{shard_name(first, seen)}.json", text)
        for term, field_no, first_ref, entry in blocks:
            text = dumps(entry)
            digest.update(text.encode())
            write_text(out / "b" / f"{block_name(term, field_no, first_ref)}.json", text)

    categories = sorted({d.category for d in docs})
    publishers = sorted({d.publisher for d in docs})
    cat_no = {c: i for i, c in enumerate(categories)}
    pub_no = {p: i for i, p in enumerate(publishers)}
    rows = [[d.title, d.url, pub_no[d.publisher], d.date, cat_no[d.category], d.validity, d.doc_no, d.snippet]
            for d in docs]
    chunk_texts = [dumps(rows[i:i + doc_chunk]) for i in range(0, len(rows), doc_chunk)]
    apart = [(f.name, lengths) for f, lengths in zip(index.fields, index.lengths, strict=False) if f.lengths_apart]
    block_texts = [dumps({name: lengths[i:i + length_block].tolist() for name, lengths in apart})
                   for i in range(0, len(docs), length_block)]
    for text in chunk_texts + block_texts:
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
        "fields": [{"name": f.name, "boost": f.boost, "quoted": f.quoted,
                    **({"apart": _range(lengths)} if f.lengths_apart else {})}
                   for f, lengths in zip(index.fields, index.lengths, strict=False)],
        "docs": len(docs), "lengths": index.totals, "bm25": {"k1": K1, "b": B}, "docChunk": doc_chunk,
        "lengthBlock": length_block,
        "shards": firsts,
        "years": years, "categories": categories, "publishers": publishers,
    }
    for n, text in enumerate(chunk_texts):
        write_text(out / "d" / f"{n}.json", text)
    for n, text in enumerate(block_texts):
        write_text(out / "l" / f"{n}.json", text)
    write_text(out / "facets.json", facets)
    write_text(out / "manifest.json", dumps(manifest))
    return manifest


def _range(lengths: np.ndarray) -> list[int]:
    """[least, greatest] field length: bounds of a weight before its item's length block is fetched."""
    return [int(lengths.min()), int(lengths.max())] if len(lengths) else [0, 0]


def _base36(n: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n]
