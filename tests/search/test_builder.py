"""Our fast builder produces exactly lunr.py's index (terms, term numbers,
postings and every field-vector weight), on the sample and on a 1k corpus."""
from __future__ import annotations

from search_helpers import lunr_py_index, our_index

from search_index.builder import Field, build


def test_same_index_as_lunr_py_on_the_sample(sample_search):
    _, docs = sample_search
    assert our_index(docs).to_lunr() == lunr_py_index(docs)


def test_same_index_as_lunr_py_on_1k_items(corpus_1k):
    _, docs = corpus_1k
    assert len(docs) == 1000
    ours, reference = our_index(docs).to_lunr(), lunr_py_index(docs)
    assert ours["invertedIndex"] == reference["invertedIndex"]
    assert ours["fieldVectors"] == reference["fieldVectors"]
    assert ours == reference


def test_weights_follow_bm25_with_field_boosts():
    index = build([{"t": "老旧小区", "b": "老旧小区改造"}, {"t": "就业", "b": "就业创业"}],
                  (Field("t", 10), Field("b", 1)))
    assert index.doc_count == 2
    assert [index.terms[t].index for t in ("老旧", "旧小", "小区")] == [0, 1, 2]
    title, body = index.weight("老旧", 0, 0), index.weight("老旧", 1, 0)
    assert title > body > 0
    assert index.weight("老旧", 0, 1) is None


def test_weights_are_rounded_exactly_as_python_rounds():
    import random

    import numpy as np

    from search_index.builder import python_round3
    rnd = random.Random(5)
    values = [rnd.uniform(0, 60) for _ in range(20000)]
    values += [k / 1000 + 0.0005 for k in range(0, 5000, 7)]  # halves, where rint and round may differ
    values += [(k + 0.5) / 1000 for k in range(0, 3000, 3)]
    assert python_round3(np.array(values)).tolist() == [round(v, 3) for v in values]
