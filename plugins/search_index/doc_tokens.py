"""Each document's tokens as the index needs them, one document at a time, so
that they can be cached by the document's content and a rebuild tokenises
only the documents that changed.

A document's tokens (``DocTokens``) are, per field, its distinct terms in the
order they first occur (a term's place in that list is the rank lunr's
builder numbers terms by), each with its frequency, and the field's length in
tokens. Terms are numbered by a ``TermTable`` that only grows, so a cached
document's numbers stay valid for as long as its table is kept with it.
They are found in batches with ``terms.py`` (numpy), exactly the terms
``tokenizer.tokenize`` gives.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import terms


class DocTokens(NamedTuple):
    counts: np.ndarray  # per field: its distinct terms
    lengths: np.ndarray  # per field: its length in tokens
    ids: np.ndarray  # the fields' distinct terms (TermTable numbers), field after field, by first occurrence
    tfs: np.ndarray  # their frequencies


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


def tokenise(documents, fields, table: TermTable) -> list[DocTokens]:
    """The tokens of ``documents`` (dicts of field name -> text), in order."""
    nfields = len(fields)
    out: list[DocTokens] = []
    for _, batch in terms.batches(documents, fields, term_keys := terms.TermKeys()):
        nsegments = len(batch.lengths)
        lengths = batch.lengths.astype(np.uint32).reshape(-1, nfields)
        if len(batch.keys):
            keys, _, pair_first, segment, key_no, tf = terms.group(batch)
            numbers = np.array([table.number(term_keys.term(k)) for k in keys.tolist()], dtype=np.uint32)
            # positions are distinct and ascend with segments: one sort orders the pairs by
            # segment, and within a segment by first occurrence
            by_first = np.argsort(pair_first)
            ids, tfs = numbers[key_no[by_first]], tf[by_first]
            per_segment = np.bincount(segment, minlength=nsegments)
        else:
            ids = tfs = np.zeros(0, np.uint32)
            per_segment = np.zeros(nsegments, np.int64)
        tfs = tfs.astype(np.uint16 if not len(tfs) or tfs.max() < 1 << 16 else np.uint32)
        counts = per_segment.astype(np.uint32).reshape(-1, nfields)
        ends = np.cumsum(counts.sum(axis=1))
        starts = ends - counts.sum(axis=1)
        for d in range(len(counts)):
            a, b = int(starts[d]), int(ends[d])
            out.append(DocTokens(counts[d].copy(), lengths[d].copy(), ids[a:b].copy(), tfs[a:b].copy()))
    return out
