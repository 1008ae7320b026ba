"""Each document's tokens as the index needs them, one document at a time, so
that they can be cached by the document's content and a rebuild tokenises
only the documents that changed.

A document's tokens (``Tokens``) are, per field, its distinct terms in the
order they first occur (a term's place in that list is the rank lunr's
builder numbers terms by), each with its frequency, and the field's length in
tokens. Terms are numbered by a ``TermTable`` that only grows, so a cached
document's numbers stay valid for as long as its table is kept with it.
They are found in batches with ``terms.py`` (numpy), exactly the terms
``tokenizer.tokenize`` gives.
"""
from __future__ import annotations

import numpy as np

from . import terms


class Tokens:
    """The tokens of some documents, laid out by field: for document d and field n,
    ``counts[d, n]`` distinct terms (TermTable numbers, by first occurrence) are in
    ``ids[n]`` with their frequencies in ``tfs[n]``, after those of the documents
    before d; ``lengths[d, n]`` is the field's length in tokens."""

    def __init__(self, counts: np.ndarray, lengths: np.ndarray, ids: list, tfs: list):
        self.counts, self.lengths, self.ids, self.tfs = counts, lengths, ids, tfs

    @classmethod
    def empty(cls, nfields: int) -> Tokens:
        return cls(np.zeros((0, nfields), np.int64), np.zeros((0, nfields), np.uint32),
                   [np.zeros(0, np.uint32) for _ in range(nfields)], [np.zeros(0, np.uint32) for _ in range(nfields)])

    def __len__(self) -> int:
        return len(self.counts)

    def starts(self, n: int) -> np.ndarray:
        return np.cumsum(self.counts[:, n]) - self.counts[:, n]

    def rows(self, which: np.ndarray) -> Tokens:
        """The tokens of documents ``which`` (numbers here), in that order."""
        which = np.asarray(which, dtype=np.int64)
        counts = self.counts[which]
        ids, tfs = [], []
        for n in range(counts.shape[1]):
            c = counts[:, n]
            at = np.arange(int(c.sum())) + np.repeat(self.starts(n)[which] - (np.cumsum(c) - c), c)
            ids.append(self.ids[n][at])
            tfs.append(self.tfs[n][at])
        return Tokens(counts, self.lengths[which], ids, tfs)

    @staticmethod
    def join(parts: list[Tokens]) -> Tokens:
        nfields = parts[0].counts.shape[1]
        return Tokens(np.concatenate([p.counts for p in parts]), np.concatenate([p.lengths for p in parts]),
                      [np.concatenate([p.ids[n] for p in parts]) for n in range(nfields)],
                      [np.concatenate([p.tfs[n] for p in parts]) for n in range(nfields)])


class TermTable:
    """Term strings numbered in the order they were first met (never renumbered)."""

    def __init__(self, names: list[str] | None = None) -> None:
        self.names: list[str] = names or []
        self.numbers: dict[str, int] = {name: n for n, name in enumerate(self.names)}

    def number(self, name: str) -> int:
        n = self.numbers.get(name)
        if n is None:
            n = self.numbers[name] = len(self.names)
            self.names.append(name)
        return n

    def __len__(self) -> int:
        return len(self.names)


def tokenise(documents, fields, table: TermTable) -> Tokens:
    """The tokens of ``documents`` (dicts of field name -> text), in order."""
    nfields = len(fields)
    parts = [Tokens.empty(nfields)]
    for _, batch in terms.batches(documents, fields, term_keys := terms.TermKeys()):
        nsegments = len(batch.lengths)
        lengths = batch.lengths.astype(np.uint32).reshape(-1, nfields)
        counts = np.zeros(nsegments, np.int64)
        ids, tfs, field_of = np.zeros(0, np.uint32), np.zeros(0, np.uint32), np.zeros(0, np.int64)
        if len(batch.keys):
            keys, _, pair_first, segment, key_no, tf = terms.group(batch)
            numbers = np.array([table.number(term_keys.term(k)) for k in keys.tolist()], dtype=np.uint32)
            # positions are distinct and ascend with segments: one sort orders the pairs by
            # segment, and within a segment by first occurrence
            by_first = np.argsort(pair_first)
            ids, tfs, field_of = numbers[key_no[by_first]], tf[by_first].astype(np.uint32), segment[by_first] % nfields
            counts = np.bincount(segment, minlength=nsegments)
        parts.append(Tokens(counts.reshape(-1, nfields), lengths, [ids[field_of == n] for n in range(nfields)],
                            [tfs[field_of == n] for n in range(nfields)]))
    return Tokens.join(parts)
