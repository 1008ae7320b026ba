"""The index from each document's tokens (``doc_tokens``): what ``builder.build``
computes from the texts, computed from cached tokens with numpy.

Per field, the documents' (term, tf) lists are laid end to end in ref order
and grouped by term with a stable sort, so each term's postings keep their
refs ascending. A term's first rank is taken where it first occurs (lowest
ref, then lowest field), which is where lunr first met it. The weights that
the browser could round differently (``builder.FRAGILE``) are found by
scoring every posting, as ``builder.build`` does: they depend on the catalog's
totals, so they are the one part of the index that is computed over all
postings on every build (a few numpy passes).
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import builder
from .builder import Field, Index, Term, bm25, idf
from .doc_tokens import TermTable, Tokens


class Grouped:
    """One field's postings grouped by term number: term t's are [starts[t], starts[t+1])."""

    def __init__(self, starts: np.ndarray, docs: np.ndarray, tfs: np.ndarray, ranks: np.ndarray):
        self.starts, self.docs, self.tfs, self.ranks = starts, docs, tfs, ranks

    def counts(self) -> np.ndarray:
        return np.diff(self.starts)


class LazyTerms(Mapping):
    """``Index.terms`` made when a term is asked for: term string -> ``Term``."""

    def __init__(self, table: TermTable, live: list[str], grouped: list[Grouped], first_rank: np.ndarray,
                 exact: dict[int, list[dict]]):
        self.table, self.live, self.grouped, self.first_rank, self.exact = table, live, grouped, first_rank, exact
        self._live = set(live)

    def __getitem__(self, term: str) -> Term:
        if term not in self._live:
            raise KeyError(term)
        t = self.table.numbers[term]
        ids, tfs = [], []
        for g in self.grouped:
            a, b = int(g.starts[t]), int(g.starts[t + 1])
            ids.append(g.docs[a:b])
            tfs.append(g.tfs[a:b])
        exact = self.exact.get(t) or [{} for _ in self.grouped]
        return Term(-1, int(self.first_rank[t]), ids, tfs, exact)

    def __iter__(self):
        return iter(self.live)

    def __len__(self) -> int:
        return len(self.live)

    def __contains__(self, term) -> bool:
        return term in self._live


def assemble(docs: Tokens, fields: tuple[Field, ...], table: TermTable) -> tuple[Index, dict]:
    """The index of ``docs`` (in ref order), and its fragile weights by term number
    ({t: [per field {posting number: thousandths}]})."""
    nfields, nterms, count = len(fields), len(table), len(docs)
    lengths = [np.ascontiguousarray(docs.lengths[:, n]) for n in range(nfields)]
    totals = [int(a.sum()) for a in lengths]
    grouped = []
    df = np.zeros(nterms, dtype=np.int64)
    for n in range(nfields):
        term_col, sizes = docs.ids[n], docs.counts[:, n]
        order = _stable_order(term_col, nterms)
        starts = np.zeros(nterms + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_col, minlength=nterms), out=starts[1:])
        df += np.diff(starts)
        doc_of = np.repeat(np.arange(count, dtype=np.uint32), sizes)[order]
        # ranks within one item's field fit 32 bits: half the memory of a posting-sized int64 array
        rank_of = (np.arange(len(term_col), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes))[order]
        rank_of = rank_of.astype(np.int32)
        grouped.append(Grouped(starts, doc_of, docs.tfs[n][order], rank_of))
        del order, rank_of, doc_of  # before the next field's posting-sized arrays

    # where each term first occurs: lowest ref, then lowest field
    first_at = np.full(nterms, np.iinfo(np.int64).max, dtype=np.int64)
    first_rank = np.zeros(nterms, dtype=np.int64)
    for n, g in enumerate(grouped):
        has = np.flatnonzero(np.diff(g.starts) > 0)
        at = g.docs[g.starts[has]].astype(np.int64) * nfields + n
        better = at < first_at[has]
        first_at[has[better]] = at[better]
        first_rank[has[better]] = g.ranks[g.starts[has[better]]]

    live_ids = np.flatnonzero(df > 0)
    exact = _fragile(grouped, fields, df, lengths, totals, count)
    live = [table.names[t] for t in live_ids.tolist()]
    index = Index(fields, count, LazyTerms(table, live, grouped, first_rank, exact), lengths, totals)
    return index, exact


def _stable_order(term_col: np.ndarray, nterms: int) -> np.ndarray:
    """A stable argsort of term numbers: numpy radix-sorts 16-bit keys, so wider
    numbers are sorted by their low half, then their high half (LSD radix)."""
    if nterms <= 1 << 16:
        return np.argsort(term_col.astype(np.uint16), kind="stable")
    order = np.argsort((term_col & 0xFFFF).astype(np.uint16), kind="stable")
    return order[np.argsort((term_col[order] >> 16).astype(np.uint16), kind="stable")]


def _fragile(grouped: list[Grouped], fields, df: np.ndarray, lengths: list, totals: list, count: int) -> dict:
    """The exact weights of the postings whose rounding the browser could get wrong (builder.build)."""
    exact: dict[int, list[dict]] = {}
    if not count:
        return exact
    # idf by document frequency: few distinct values, each computed with math.log as builder.build does
    values = np.unique(df)
    idf_of = np.array([idf(d, count) for d in values.tolist()], dtype=np.float64)
    idfs = idf_of[np.searchsorted(values, df)]
    for n, g in enumerate(grouped):
        term_of = np.repeat(np.arange(len(df), dtype=np.int32), g.counts())
        for a in range(0, len(g.docs), builder.SCORE_CHUNK):
            b = a + builder.SCORE_CHUNK
            score = bm25(idfs[term_of[a:b]], g.tfs[a:b], lengths[n][g.docs[a:b]], totals[n] / count, fields[n].boost)
            for i in np.flatnonzero(builder.near_half(score)).tolist():
                t = int(term_of[a + i])
                per_field = exact.setdefault(t, [{} for _ in grouped])
                per_field[n][a + i - int(g.starts[t])] = round(round(float(score[i]), 3) * 1000)
    return exact
