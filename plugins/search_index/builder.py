"""A lunr-compatible index builder that is fast enough for 100k items.

It collects what lunr.py's ``Builder`` collects (term numbering by first
occurrence, postings with term frequencies, field lengths, document
frequencies) and computes the same BM25 weights (same formula, same float
operations in the same order, same ``round(score, 3)``); ``tests/search``
checks every weight against lunr.py on the sample and on a 1k corpus. lunr.py
itself keeps every posting as nested dicts and needs minutes and gigabytes at
10k items.

The shards do not store the weights: the browser computes them from term
frequencies, field lengths and the catalog's totals (index.js), so that an
edit changes only the shards of the terms and the document it touches. What
the browser cannot be trusted to compute is recorded here: V8's ``Math.log``
and the C library's ``log`` differ in the last bit for about one input in ten,
which changes ``round(score, 3)`` only for a score within a hair of a rounding
half; for those (``FRAGILE``, a few in a million) the exact weight is kept.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import terms
from .tokenizer import BOUNDARY_NAME, NAME

K1 = 1.2  # lunr's defaults
B = 0.75
FRAGILE = 1e-6  # |thousandths - k.5| below this: the float error of log may decide the rounding
SCORE_CHUNK = 1 << 20  # postings scored at once when looking for fragile weights (a few float64 arrays each)


@dataclass(frozen=True)
class Field:
    name: str
    boost: float = 1
    boundaries: bool = False  # tokenized with boundary bigrams (tokenizer SPEC step 4)
    quoted: bool = False  # people quote it whole: holding every query term here ranks an item first (query.js)
    # its lengths live in blocks by item (l/<n>.json), not beside its postings, so that an edit which
    # changes the length of a long field (a body) rewrites one block, not every shard of its terms
    lengths_apart: bool = False

    @property
    def pipeline_function(self) -> str:
        return BOUNDARY_NAME if self.boundaries else NAME


@dataclass
class Term:
    index: int  # lunr's term index: order of first occurrence
    first_rank: int  # its rank among the distinct terms of the field it first occurred in
    ids: list  # per field: numpy array of document numbers (ascending)
    tfs: list  # per field: numpy array of term frequencies
    exact: list  # per field: {posting number: weight in thousandths} where the weight is fragile

    @property
    def df(self) -> int:
        """Documents with the term, counted once per field, as lunr's idf counts them."""
        return sum(len(ids) for ids in self.ids)


@dataclass
class Index:
    fields: tuple[Field, ...]
    doc_count: int
    terms: dict[str, Term]
    lengths: list  # per field: numpy array of every document's field length (in tokens)
    totals: list  # per field: the sum of its lengths (lunr's average field length is total / doc_count)

    # lunr serializes its search pipeline: queries are tokenized with boundary bigrams
    pipeline = (BOUNDARY_NAME,)

    def weights(self, term: str, field_no: int) -> np.ndarray:
        """lunr's weight of every posting of ``term`` in field ``field_no``."""
        t = self.terms[term]
        avg = self.doc_count and self.totals[field_no] / self.doc_count
        score = bm25(np.full(len(t.ids[field_no]), idf(t.df, self.doc_count)), t.tfs[field_no],
                     self.lengths[field_no][t.ids[field_no]], avg, self.fields[field_no].boost)
        return python_round3(score)

    def weight(self, term: str, field_no: int, doc: int) -> float | None:
        ids = self.terms[term].ids[field_no].tolist()
        return self.weights(term, field_no).tolist()[ids.index(doc)] if doc in ids else None

    def to_lunr(self) -> dict:
        """The index in lunr.js 2.3.9's serialized form (what lunr.py's ``serialize`` gives)."""
        names = [f.name for f in self.fields]
        inverted = []
        vectors: dict[str, list] = {f"{name}/{doc}": [] for doc in range(self.doc_count) for name in names}
        for term in sorted(self.terms):
            t = self.terms[term]
            posting = {name: {str(d): {} for d in t.ids[n].tolist()} for n, name in enumerate(names)}
            inverted.append([term, {**posting, "_index": t.index}])
        for term, t in sorted(self.terms.items(), key=lambda kv: kv[1].index):
            for n, name in enumerate(names):
                for d, w in zip(t.ids[n].tolist(), self.weights(term, n).tolist(), strict=True):
                    vectors[f"{name}/{d}"].extend([t.index, w])
        return {"version": "2.3.9", "fields": names,
                "fieldVectors": [[ref, v] for ref, v in vectors.items()],
                "invertedIndex": inverted, "pipeline": list(self.pipeline)}


def idf(df: int, doc_count: int) -> float:
    """lunr's inverse document frequency."""
    return math.log(1 + abs((doc_count - df + 0.5) / (df + 0.5)))


def bm25(idfs: np.ndarray, tfs: np.ndarray, lengths: np.ndarray, average: float, boost: float) -> np.ndarray:
    """lunr.py's unrounded score, in its exact sequence of IEEE double operations:
    idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf) * boost * 1."""
    norm = lengths / average
    norm *= B
    norm += 1 - B
    norm *= K1
    norm += tfs
    score = (K1 + 1) * tfs.astype(np.float64)
    score *= idfs
    score /= norm
    score *= float(boost)
    return score


@dataclass
class Postings:
    """What a pass over the documents collects (terms numbered by first occurrence)."""

    names: list[str]  # term strings by term index
    first_rank: list[int]  # by term index: its rank in the field it first occurred in
    columns: list  # per field, per batch: (term, doc, tf) uint32 arrays, documents ascending
    lengths: list  # per field: every document's field length
    count: int  # documents


def collect(documents, fields: tuple[Field, ...]) -> Postings:
    """Find the terms of ``documents`` a batch at a time (``terms.py``) and number
    new terms as lunr does, by first occurrence (document, field, position)."""
    nfields = len(fields)
    term_keys = terms.TermKeys()
    order: dict[int, int] = {}  # term key -> lunr term index
    first_rank: list[int] = []
    columns = [[] for _ in fields]
    lengths = [[] for _ in fields]
    count = 0
    for first_doc, batch in terms.batches(documents, fields, term_keys):
        count += len(batch.lengths) // nfields
        for n in range(nfields):
            lengths[n].append(batch.lengths[n::nfields])
        if not len(batch.keys):
            continue
        keys, key_first, pair_first, segment, key_no, tf = terms.group(batch)
        # a pair's rank among its segment's distinct terms, by first occurrence
        by_first = np.argsort(pair_first)  # positions are distinct and ascend with segments
        rank = np.empty(len(segment), dtype=np.int64)
        rank[by_first] = np.arange(len(segment)) - np.searchsorted(segment[by_first], segment[by_first])
        ids = np.array([order.get(k, -1) for k in keys.tolist()], dtype=np.int64)
        new = np.flatnonzero(ids < 0)
        new = new[np.argsort(key_first[new])]  # numbered as they first occur
        # the pair where a new term first occurs: its segment is where its first position lies
        first_pairs = np.searchsorted(pair_first[by_first], key_first[new])
        first_rank += rank[by_first[first_pairs]].tolist()
        for k in new.tolist():
            ids[k] = order[int(keys[k])] = len(order)
        field_of = segment % nfields
        for n in range(nfields):
            mine = field_of == n
            columns[n].append((ids[key_no[mine]].astype(np.uint32),
                               (first_doc + segment[mine] // nfields).astype(np.uint32), tf[mine].astype(np.uint32)))
    lengths = [np.concatenate(parts).astype(np.uint32) if parts else np.zeros(0, np.uint32) for parts in lengths]
    return Postings([term_keys.term(k) for k in order], first_rank, columns, lengths, count)


def build(documents, fields: tuple[Field, ...]) -> Index:
    """Index ``documents`` (dicts of field name -> text; the ref is the position).

    The postings (``collect``) are grouped by one stable sort per field; the scores
    are computed with numpy, a chunk at a time, only to find the fragile ones."""
    nfields = len(fields)
    p = collect(documents, fields)
    names, first_rank, columns, lengths, count = p.names, p.first_rank, p.columns, p.lengths, p.count
    nterms = len(names)
    totals = [int(a.sum()) for a in lengths]
    df = np.zeros(nterms, dtype=np.int64)
    for parts in columns:
        for term_col, _, _ in parts:
            df += np.bincount(term_col, minlength=nterms)
    idfs = np.array([idf(d, count) for d in df.tolist()], dtype=np.float64)

    grouped = []  # per field: (starts, docs, tfs, fragile weights by term), sorted by term, document
    for n in range(nfields):
        term_col, doc_col, tf_col = join(columns[n])  # memory at 100k items: one field at a time
        columns[n] = None
        # stable: documents stay ascending within a term; numpy radix-sorts 16-bit keys
        sort = np.argsort(term_col.astype(np.uint16) if nterms <= 1 << 16 else term_col, kind="stable")
        tids = term_col[sort]
        del term_col
        docs = doc_col[sort]
        del doc_col
        tfs = tf_col[sort]
        del tf_col, sort
        starts = np.searchsorted(tids, np.arange(nterms + 1))
        exact: dict[int, dict[int, int]] = {}  # term index -> {posting number: thousandths}
        for a in range(0, len(tids), SCORE_CHUNK):  # in chunks: a score array of every posting is GBs at 100k
            b = a + SCORE_CHUNK
            score = bm25(idfs[tids[a:b]], tfs[a:b], lengths[n][docs[a:b]], totals[n] / count, fields[n].boost)
            for i in np.flatnonzero(near_half(score)).tolist():
                t = int(tids[a + i])
                exact.setdefault(t, {})[a + i - int(starts[t])] = round(round(float(score[i]), 3) * 1000)
            del score
        del tids
        grouped.append((starts, docs, tfs, exact))

    index_terms: dict[str, Term] = {}
    for index, term in enumerate(names):
        ids, tfs, exact = [], [], []
        for starts, docs, tf, fragile in grouped:
            a, b = int(starts[index]), int(starts[index + 1])
            ids.append(docs[a:b])
            tfs.append(tf[a:b])
            exact.append(fragile.get(index, {}))
        index_terms[term] = Term(index, first_rank[index], ids, tfs, exact)
    return Index(fields, count, index_terms, lengths, totals)


def join(parts: list) -> tuple:
    """One field's (term, doc, tf) columns from its batches' parts, each part freed as
    it is copied (the parts and the whole are not held at once)."""
    whole = tuple(np.empty(sum(len(part[0]) for part in parts), dtype=np.uint32) for _ in range(3))
    at = 0
    parts.reverse()  # pop from the end, in batch order
    while parts:
        part = parts.pop()
        for column, values in zip(whole, part, strict=True):
            column[at:at + len(values)] = values
        at += len(part[0])
    return whole


def near_half(x: np.ndarray) -> np.ndarray:
    """Where x rounded to 3 decimals is within FRAGILE (in thousandths) of a tie."""
    return np.abs(np.modf(x * 1000.0)[0] - 0.5) < FRAGILE


def python_round3(x: np.ndarray) -> np.ndarray:
    """``round(v, 3)`` for every v, as Python computes it (correctly rounded, halves to even);
    overwrites ``x``."""
    close = np.flatnonzero(near_half(x))
    exact = [round(float(x[i]), 3) for i in close.tolist()]
    x *= 1000.0
    np.rint(x, out=x)
    x /= 1000.0
    x[close] = exact
    return x
