"""The index-time twin of ``tokenizer.tokenize``: the same terms, in the same
order, found for many documents at once with numpy instead of a Python loop
per Han run (which was half of the index's build time).

A batch of documents becomes one array of code points, their fields in order,
separated by a character that is neither Han nor ASCII (so no run crosses
them). Every token is an integer key at a position in that stream: a Han
bigram or a boundary bigram packs its two code points, a lone Han character
its one, an ASCII word the number of its (lower-cased) spelling; its position
orders it as tokenize does. Grouping by (field, key) then gives each document
field's term frequencies, length and the order in which its terms first occur
(the least positions), which is what lunr's builder records.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

SEPARATOR = "\n"  # neither Han nor ASCII: ends every run
BATCH_CHARS = 500_000  # code points per batch: as fast as larger ones (cache), temporaries ~50 MB
KEY_BITS = 45  # kind (3 bits) and two code points (21 bits each)
BATCH_SEGMENTS = 1 << (63 - KEY_BITS - 1)  # so that a (segment, key) pair packs into an int64

# key kinds, in the top bits of an int64 key (code points need 21 bits, two need 42)
KIND_SHIFT = 42
BIGRAM, LONE, WORD, BOUNDARY = (np.int64(k) << KIND_SHIFT for k in (1, 2, 3, 4))
LOW21 = (1 << 21) - 1


def _han(cp: np.ndarray) -> np.ndarray:
    """tokenizer.HAN as a mask over code points."""
    return ((cp == 0x3007) | ((cp >= 0x3400) & (cp <= 0x4DBF)) | ((cp >= 0x4E00) & (cp <= 0x9FFF))
            | ((cp >= 0xF900) & (cp <= 0xFAFF)) | ((cp >= 0x20000) & (cp <= 0x323AF)))


def _ascii(cp: np.ndarray) -> np.ndarray:
    return ((cp >= 48) & (cp <= 57)) | ((cp >= 65) & (cp <= 90)) | ((cp >= 97) & (cp <= 122))


def _lower(cp: np.ndarray) -> np.ndarray:
    return np.where((cp >= 65) & (cp <= 90), cp + 32, cp)


@dataclass
class Batch:
    """The tokens of a batch's document fields (segments, numbered in stream order),
    in no particular order: their positions give tokenize's order."""

    segments: np.ndarray  # per token: its segment
    keys: np.ndarray  # per token: its key (< 2**KEY_BITS)
    positions: np.ndarray  # per token: where it stands in the stream (ascending = tokenize's order)
    lengths: np.ndarray  # per segment: its number of tokens


class TermKeys:
    """Keys to term strings, and ASCII words to the numbers in their keys."""

    def __init__(self) -> None:
        self.words: dict[str, int] = {}
        self.spellings: list[str] = []

    def word(self, spelling: str) -> int:
        number = self.words.get(spelling)
        if number is None:
            number = self.words[spelling] = len(self.spellings)
            self.spellings.append(spelling)
        return number

    def term(self, key: int) -> str:
        kind, value = key & ~((1 << KIND_SHIFT) - 1), key & ((1 << KIND_SHIFT) - 1)
        if kind == WORD:
            return self.spellings[value]
        if kind == LONE:
            return chr(value)
        return chr(value >> 21) + chr(value & LOW21)  # a bigram or a boundary bigram


def tokens(texts: list[str], boundaries: list[bool], term_keys: TermKeys) -> Batch:
    """The tokens of ``texts`` (one per segment); ``boundaries[i]``: segment i keeps
    boundary bigrams (tokenizer SPEC step 4)."""
    texts = [unicodedata.normalize("NFKC", t) for t in texts]
    stream = SEPARATOR.join(texts) + SEPARATOR
    cp = np.frombuffer(stream.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) + 1 for t in texts], out=starts[1:])
    han, asc = _han(cp), _ascii(cp)
    nxt_han, prev_han = np.append(han[1:], False), np.insert(han[:-1], 0, False)
    nxt_asc, prev_asc = np.append(asc[1:], False), np.insert(asc[:-1], 0, False)

    positions, keys = [], []
    at = np.flatnonzero(han & nxt_han)  # bigrams, at their first character
    positions.append(2 * at)
    keys.append(BIGRAM | (cp[at] << 21) | cp[at + 1])
    at = np.flatnonzero(han & ~prev_han & ~nxt_han)  # lone characters
    positions.append(2 * at)
    keys.append(LONE | cp[at])
    first, last = np.flatnonzero(asc & ~prev_asc), np.flatnonzero(asc & ~nxt_asc)  # words
    positions.append(2 * first)
    keys.append(WORD | np.array([term_keys.word(stream[a:b + 1].lower()) for a, b in
                                 zip(first.tolist(), last.tolist(), strict=False)], dtype=np.int64))
    if any(boundaries):  # joints: the facing characters of consecutive runs, before the second run's tokens
        kept = np.repeat(np.array(boundaries, dtype=bool), np.diff(starts))
        at = np.flatnonzero(han | asc)
        at, to = at[:-1], at[1:]  # each token character and the next one
        # in one segment (separators are dropped characters), and a joint: touching runs differ in
        # kind, so touching characters of one kind are inside a run; runs apart join unless both are words
        joint = kept[at] & (np.searchsorted(starts, at, side="right") == np.searchsorted(starts, to, side="right"))
        joint &= np.where(to == at + 1, han[at] != han[to], ~(asc[at] & asc[to]))
        at, to = at[joint], to[joint]
        both_han = han[at] & han[to]  # a bridge between Han runs is an ordinary bigram's term
        positions.append(2 * at + 1)
        keys.append(np.where(both_han, BIGRAM, BOUNDARY) | (_lower(cp[at]) << 21) | _lower(cp[to]))

    position = np.concatenate(positions)
    segments = np.searchsorted(starts, position // 2, side="right") - 1
    return Batch(segments, np.concatenate(keys), position, np.bincount(segments, minlength=len(texts)))


def batches(documents, fields, term_keys: TermKeys):
    """(first document number, Batch) for ``documents`` (dicts of field name -> text),
    a batch at a time; segment ``d * len(fields) + n`` is field n of the d-th document
    of the batch."""
    texts: list[str] = []
    size, first, count = 0, 0, 0
    flags = [f.boundaries for f in fields]
    for document in documents:
        for f in fields:
            text = document.get(f.name) or ""
            texts.append(text)
            size += len(text) + 1
        count += 1
        if size >= BATCH_CHARS or len(texts) + len(fields) > BATCH_SEGMENTS:
            yield first, tokens(texts, flags * (count - first), term_keys)
            texts, size, first = [], 0, count
    if texts or not count:
        yield first, tokens(texts, flags * (count - first), term_keys)


def group(batch: Batch):
    """The batch's distinct keys (each with its first position and its pairs' key
    numbers) and its distinct (segment, key) pairs, ascending, each with its first
    position and count: one sort of the packed pairs, one of the pairs' keys."""
    packed = (batch.segments << KEY_BITS) | batch.keys
    by_pair = np.argsort(packed)
    packed = packed[by_pair]
    at = np.flatnonzero(np.diff(packed, prepend=-1))
    pair_first = np.minimum.reduceat(batch.positions[by_pair], at)
    counts = np.diff(np.append(at, len(packed)))
    packed = packed[at]
    segment, pair_keys = packed >> KEY_BITS, packed & ((1 << KEY_BITS) - 1)
    by_key = np.argsort(pair_keys, kind="stable")
    sorted_keys = pair_keys[by_key]
    starts = np.flatnonzero(np.diff(sorted_keys, prepend=-1))
    keys = sorted_keys[starts]
    key_first = np.minimum.reduceat(pair_first[by_key], starts)
    key_no = np.empty(len(pair_keys), dtype=np.int64)
    key_no[by_key] = np.repeat(np.arange(len(keys)), np.diff(np.append(starts, len(sorted_keys))))
    return keys, key_first, pair_first, segment, key_no, counts
