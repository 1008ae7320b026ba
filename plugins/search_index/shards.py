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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class TermFiles:
    """What a term puts in the index files, by content: enough to cut the shards and
    to tell which files changed without serialising the term again."""

    record: str  # digest of its shard record
    cost: int  # its share of a shard's gzip bytes (estimated)
    blocks: tuple[tuple[str, str], ...]  # its posting blocks: (file name, digest of the text)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def term_files(term: str, index: Index, target: int) -> tuple[TermFiles, str, dict[str, str]]:
    """A term's ``TermFiles``, its record's text and its blocks' texts by file name."""
    record, blocks = term_record(term, index, split=True)
    text = dumps(record)
    block_texts = {block_name(t, n, first_ref): dumps(entry) for t, n, first_ref, entry in blocks}
    # a close, cheap estimate of its gzip bytes; a record of 8 raw bytes per gzip byte
    # of the target is a shard of its own without asking (records gzip to 1/3-1/12;
    # one that gzips better merely gets a small shard to itself)
    cost = target if len(text) >= 8 * target else max(len(zlib.compress(text.encode(), 1)) - 8, 4)
    return TermFiles(text_digest(text), cost, tuple((name, text_digest(b)) for name, b in block_texts.items())), \
        text, block_texts


class Cutter:
    """Terms in JavaScript order, with their costs, cut into shards of about ``target``
    gzip bytes (``add`` returns the shards a term completes, ``finish`` the last).

    The cuts are content-defined, as rsync and backup tools cut files: a shard that
    holds half its target ends before a term whose hash is 0 mod CUT_EVERY (else at
    the target), so that an edit which changes one record's size moves no cut beyond
    its own neighbourhood and a mirror copies a few shards, not all that follow."""

    def __init__(self, target: int):
        self.target = target
        self.current: list[str] = []
        self.size = 0

    def add(self, term: str, cost: int) -> list[list[str]]:
        done = []
        if cost >= self.target // 2:  # a very common term: alone, fetched only by queries naming it
            if self.current:
                done.append(self.current)
            self.current, self.size = [], 0
            return done + [[term]]
        if self.current and (self.size + cost > self.target or (
                self.size >= self.target // 2 and zlib.crc32(term.encode()) % CUT_EVERY == 0)):
            done.append(self.current)
            self.current, self.size = [], 0
        self.current.append(term)
        self.size += cost
        return done

    def finish(self) -> list[list[str]]:
        return [self.current] if self.current else []


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


def file_writer(out: Path):
    """A ``place`` that writes every file (see ``write_files``)."""
    def place(rel: str, digest: str, text) -> None:
        write_text(out / rel, text())
    return place


def write_index(out: Path, index: Index, docs: list[IndexedItem], shard_bytes: int, doc_chunk: int,
                length_block: int = 64) -> dict:
    """Write manifest, shards, posting blocks, length blocks, display chunks and facets
    under ``out``; returns the manifest."""
    return write_files(out, index, docs, shard_bytes, doc_chunk, length_block)[0]


def write_files(out: Path, index: Index, docs: list[IndexedItem], shard_bytes: int, doc_chunk: int,
                length_block: int = 64, known: dict[str, TermFiles] | None = None,
                changed: set[str] | None = None, place=None) -> tuple[dict, dict[str, TermFiles]]:
    """The index files under ``out``, each handed to ``place(rel, digest, text)`` (default:
    written) with the digest of its text and a function that makes the text, so that a
    file whose digest is unchanged need not be made (``place`` may carry it over).

    ``known`` gives the ``TermFiles`` of the terms whose records, as far as the caller can
    prove, are those of a previous build: every term not in ``changed`` (with ``changed``
    None, none is) and in ``known`` is not serialised again unless one of its files must be
    made. Returns the manifest and every term's ``TermFiles``."""
    for folder in (out / "s", out / "d", out / "l", out / "b"):  # once, not per file: thousands of files
        folder.mkdir(parents=True, exist_ok=True)
    place = place or file_writer(out)
    known = known if changed is not None else None
    digest = hashlib.sha256()  # of every file's digest: the build's content hash

    def put(rel: str, file_digest: str, text) -> None:
        digest.update(file_digest.encode())
        place(rel, file_digest, text)

    def record_text(term: str) -> str:
        return texts.pop(term, None) or dumps(term_record(term, index, split=True)[0])

    def block_text(term: str, name: str) -> str:
        if made_blocks.get("term") != term:  # a term's blocks are asked for one after another
            made_blocks.clear()
            made_blocks.update((block_name(t, n, first_ref), dumps(entry))
                               for t, n, first_ref, entry in term_record(term, index, split=True)[1])
            made_blocks["term"] = term  # no block is named "term": names hold a "_"
        return made_blocks[name]

    def put_shard(terms: list[str]) -> None:
        firsts.append(terms[0])
        shard_digest = text_digest(",".join(files[t].record for t in terms))
        put(f"s/{shard_name(terms[0], seen)}.json", shard_digest,
            lambda: '{"t":[' + ",".join(record_text(t) for t in terms) + "]}")
        for t in terms:
            texts.pop(t, None)

    files: dict[str, TermFiles] = {}
    texts: dict[str, str] = {}  # records made for the shard being filled
    made_blocks: dict[str, str] = {}  # the blocks of a known term, made because one had to be written
    firsts: list[str] = []
    seen: dict[str, int] = {}
    cutter = Cutter(shard_bytes)
    for term in sorted(index.terms, key=js_order):  # written as they are cut: the index is GBs at 100k
        info = known.get(term) if known is not None and term not in changed else None
        if info is None:
            info, texts[term], block_texts = term_files(term, index, shard_bytes)
            for name, block_digest in info.blocks:
                put(f"b/{name}.json", block_digest, lambda text=block_texts[name]: text)
        else:
            for name, block_digest in info.blocks:
                put(f"b/{name}.json", block_digest, lambda term=term, name=name: block_text(term, name))
        files[term] = info
        for shard in cutter.add(term, info.cost):
            put_shard(shard)
    for shard in cutter.finish():
        put_shard(shard)

    categories = sorted({d.category for d in docs})
    publishers = sorted({d.publisher for d in docs})
    cat_no = {c: i for i, c in enumerate(categories)}
    pub_no = {p: i for i, p in enumerate(publishers)}
    rows = [[d.title, d.url, pub_no[d.publisher], d.date, cat_no[d.category], d.validity, d.doc_no, d.snippet]
            for d in docs]
    small = {f"d/{n}.json": dumps(rows[i:i + doc_chunk]) for n, i in enumerate(range(0, len(rows), doc_chunk))}
    apart = [(f.name, lengths) for f, lengths in zip(index.fields, index.lengths, strict=False) if f.lengths_apart]
    small.update((f"l/{n}.json", dumps({name: lengths[i:i + length_block].tolist() for name, lengths in apart}))
                 for n, i in enumerate(range(0, len(docs), length_block)))
    small["facets.json"] = dumps({"categories": "".join(_base36(cat_no[d.category]) for d in docs)})
    for rel, text in small.items():
        put(rel, text_digest(text), lambda text=text: text)

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
    text = dumps(manifest)
    place("manifest.json", text_digest(text), lambda: text)
    return manifest, files


def _range(lengths: np.ndarray) -> list[int]:
    """[least, greatest] field length: bounds of a weight before its item's length block is fetched."""
    return [int(lengths.min()), int(lengths.max())] if len(lengths) else [0, 0]


def _base36(n: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n]
