"""Our fast builder produces exactly lunr.py's index (terms, term numbers,
postings and every field-vector weight), on the sample and on a 1k corpus;
and so does the browser, computing the weights from the shards."""
from __future__ import annotations

import json

from catalog_helpers import listed_items
from search_helpers import comparable, lunr_py_index, node, our_index

from search_index.builder import Field, build


def test_same_index_as_lunr_py_on_the_sample(sample_search):
    _, docs = sample_search
    assert our_index(docs).to_lunr() == lunr_py_index(docs)


def test_same_index_as_lunr_py_on_1k_items(corpus_1k):
    output, docs = corpus_1k
    listed = listed_items(output.parent / "content")  # of 1,000 generated items: not drafts, not withdrawn
    oldest_first = sorted(listed, key=lambda m: (m["date"], m["index_no"]))
    assert [d["index_no"] for d in docs] == [m["index_no"] for m in oldest_first]
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


def test_the_browser_computes_lunr_py_s_whole_index_from_the_shards(sample_search, corpus_1k):
    """Every shard loaded: the term numbers, postings and every weight index.js computes
    (from term frequencies, field lengths and the manifest's totals) equal lunr.py's."""
    for output, docs in (sample_search, corpus_1k):
        whole = json.loads(node("whole.js", str(output / "search")))
        assert comparable(whole) == comparable(lunr_py_index(docs))


def test_weights_shipped_as_fragile_are_the_ones_the_browser_uses(tmp_path, sample_search, monkeypatch):
    """With every weight marked fragile (shipped exact), the browser's index is still lunr.py's:
    the exact weights are put where they belong. (Real fragile weights are a few in a million.)"""
    from search_index import builder, shards
    _, docs = sample_search
    monkeypatch.setattr(builder, "FRAGILE", 0.5)
    index = our_index(docs)
    exact = sum(len(e) for t in index.terms.values() for e in t.exact)
    assert exact > 0.9 * sum(len(ids) for t in index.terms.values() for ids in t.ids)
    rows = [type("Row", (), d) for d in docs]
    shards.write_index(tmp_path / "search", index, rows, 8192, 8)
    whole = json.loads(node("whole.js", str(tmp_path / "search")))
    assert comparable(whole) == comparable(lunr_py_index(docs))


def test_batches_cut_anywhere_give_the_same_index(sample_search, monkeypatch):
    """Terms first met in a later batch are numbered after the earlier batches' terms,
    exactly as lunr.py numbers them: batches of a few items give lunr.py's index too."""
    from search_index import terms
    _, docs = sample_search
    monkeypatch.setattr(terms, "BATCH_CHARS", 3000)
    assert our_index(docs).to_lunr() == lunr_py_index(docs)
