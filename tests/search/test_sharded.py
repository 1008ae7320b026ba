"""The sharded index in the browser (node, real lunr.js): a query that fetches
only its shards ranks exactly as lunr.py's monolithic index, on the sample and
on a 1k corpus; the manifest contract is read the same on both sides."""
from __future__ import annotations

import json
import random

import pytest

from search_helpers import COLD_QUERIES, lunr_py_index, node

from search_index import shards
from search_index.tokenizer import BOUNDARY_NAME, NAME, VERSION


def queries(docs: list[dict], count: int) -> list[str]:
    """Pieces of titles, 文号, 索引号, prefixes, ASCII, misses and single characters."""
    rnd = random.Random(7)
    out = ["老旧小区改造", "老旧小区改", "城乡低保", "政府信息公开", "就业创业", "税", "号", "2024", "202",
           "清政办〔2024〕3号", "不存在的词组合", "ＰＭ２．５", "x", "2024年", "关于 通知", "。，"]
    for d in rnd.sample(docs, min(count, len(docs))):
        title = d["title"]
        start = rnd.randrange(0, max(1, len(title) - 2))
        out.append(title[start:start + rnd.randint(2, 8)])
        out.append(d["index_no"])
        if d["doc_no"]:
            out.append(d["doc_no"])
        body = d["fields"]["body"]
        start = rnd.randrange(0, max(1, len(body) - 6))
        out.append(body[start:start + rnd.randint(3, 6)])
    return out


def compare(tmp_path, output, docs, count) -> dict:
    (tmp_path / "mono.json").write_text(json.dumps(lunr_py_index(docs), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "q.json").write_text(json.dumps(queries(docs, count), ensure_ascii=False), encoding="utf-8")
    return json.loads(node("compare.js", str(output / "search"), str(tmp_path / "mono.json"), str(tmp_path / "q.json")))


def test_sharded_equals_monolithic_on_the_sample(tmp_path, sample_search):
    output, docs = sample_search
    report = compare(tmp_path, output, docs, 49)
    assert report["mismatches"] == []
    assert report["queries"] > 200 and report["hits"] > 1000


def test_sharded_equals_monolithic_on_1k_items(tmp_path, corpus_1k):
    output, docs = corpus_1k
    report = compare(tmp_path, output, docs, 60)
    assert report["mismatches"] == []
    assert report["hits"] > 10000
    assert report["partial"] > 0  # first pages found without every block of a common term
    assert report["scored"] < report["total"] / 3  # the first page scores a few candidates, not all
    assert max(report["shardsFetched"]) < len(json.loads((output / "search" / "manifest.json").read_text())["shards"]) / 10


def test_manifest_contract_is_read_the_same_by_python_and_javascript(sample_search):
    output, docs = sample_search
    manifest = json.loads((output / "search" / "manifest.json").read_text(encoding="utf-8"))
    seen = json.loads(node("contract.js", str(output / "search" / "manifest.json")))
    assert (manifest["format"], manifest["version"]) == (seen["format"], seen["version"]) == (shards.FORMAT, shards.VERSION)
    assert manifest["tokenizer"] == seen["tokenizer"] == {"name": NAME, "version": VERSION}
    assert manifest["pipeline"] == [BOUNDARY_NAME]
    assert manifest["lunr"] == seen["lunr"] == shards.LUNR_VERSION
    assert manifest["docs"] == len(docs)
    from search_helpers import our_index
    assert manifest["lengths"] == our_index(docs).totals and manifest["bm25"] == {"k1": 1.2, "b": 0.75}
    from search_index.documents import FIELDS
    lengths = our_index(docs).lengths
    assert manifest["fields"] == [{"name": f.name, "boost": f.boost, "quoted": f.quoted,
                                   **({"apart": [int(n.min()), int(n.max())]} if f.lengths_apart else {})}
                                  for f, n in zip(FIELDS, lengths, strict=False)]
    assert seen["errors"] == {
        "unregistered": f"Cannot load unregistered function: {BOUNDARY_NAME}",
        "version": f"gongkai-search index version 99, this page reads version {shards.VERSION}",
        "tokenizer": f"index tokenized with other v1, this page has {NAME} v{VERSION}",
        "lunr": f"index made for lunr 1.0.0, this page has lunr {seen['lunr']}",
    }


def test_lunr_js_in_the_output_is_the_pinned_npm_package(sample_search):
    from catalog_helpers import ROOT
    output, _ = sample_search
    package = json.loads((ROOT / "package.json").read_text())
    assert package["dependencies"]["lunr"] == shards.LUNR_VERSION
    assert (output / "search" / "lunr.min.js").read_bytes() == (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()


@pytest.mark.parametrize("prefix", ["20", "税", "清"])
def test_prefix_terms_are_one_contiguous_run_of_shards(sample_search, prefix):
    output, _ = sample_search
    manifest = json.loads((output / "search" / "manifest.json").read_text(encoding="utf-8"))
    holding = []
    for n, name in enumerate(shards.shard_names(manifest["shards"])):
        terms = [r[0] for r in json.loads((output / "search" / "s" / f"{name}.json").read_text(encoding="utf-8"))["t"]]
        if any(t.startswith(prefix) for t in terms):
            holding.append(n)
    assert holding, f"no shard holds a term starting with {prefix!r}"  # the sample has such terms
    assert holding == list(range(holding[0], holding[-1] + 1))


def test_a_cold_query_fetches_the_manifest_a_few_shards_and_one_page_of_rows(tmp_path, sample_search):
    output, _ = sample_search
    (tmp_path / "q.json").write_text(json.dumps(["老旧小区改造", "清政办〔2025〕3号", "低保"], ensure_ascii=False))
    report = json.loads(node(COLD_QUERIES, str(output / "search"), str(tmp_path / "q.json")))
    for q in report["queries"]:
        assert q["fetched"][0] == "manifest.json"
        shard_files = [p for p in q["fetched"] if p.startswith("s/")]
        row_files = [p for p in q["fetched"] if p.startswith("d/")]
        assert 1 <= len(shard_files) <= 6, q
        assert 1 <= len(row_files) <= 10, q
        assert "facets.json" not in q["fetched"]  # only when a category filter is used
    assert report["queries"][1]["refs"][0] == next(
        ref for ref, d in enumerate(sample_search[1]) if d["doc_no"] == "清政办〔2025〕3号")


def test_an_exact_index_number_or_doc_number_finds_its_item_first_in_1k_items(tmp_path, corpus_1k):
    output, docs = corpus_1k
    rnd = random.Random(11)
    picked = rnd.sample(range(len(docs)), 40)
    queries = [docs[ref]["index_no"] for ref in picked]
    with_doc_no = [ref for ref in picked if docs[ref]["doc_no"]]
    queries += [docs[ref]["doc_no"] for ref in with_doc_no]
    (tmp_path / "q.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    report = json.loads(node(COLD_QUERIES, str(output / "search"), str(tmp_path / "q.json")))["queries"]
    assert [r["refs"][0] for r in report[:len(picked)]] == picked
    for ref, r in zip(with_doc_no, report[len(picked):], strict=True):
        assert docs[r["refs"][0]]["doc_no"] == docs[ref]["doc_no"]  # a 文号 may be shared; its item comes first


def test_equal_scores_are_ranked_newest_first(tmp_path):
    from types import SimpleNamespace

    from search_index import builder, documents
    rows = [SimpleNamespace(title="老旧小区改造计划", url=f"items/x/{n}.html", publisher="清河县人民政府",
                            date=f"202{n}-01-01", category="规划计划", validity="", doc_no="", index_no=f"x/{n}",
                            snippet="") for n in range(3)]
    fields = [{"title": r.title, "doc_no": "", "index_no": "", "keywords": "", "body": "老旧小区"} for r in rows]
    shards.write_index(tmp_path / "search", builder.build(fields, documents.FIELDS), rows, 8192, 8)
    (tmp_path / "q.json").write_text(json.dumps(["老旧小区"], ensure_ascii=False), encoding="utf-8")
    report = json.loads(node(COLD_QUERIES, str(tmp_path / "search"), str(tmp_path / "q.json")))
    assert report["queries"][0]["refs"] == [2, 1, 0]


def test_shard_files_are_named_after_their_first_term_the_same_on_both_sides(sample_search):
    """Names survive a changed cut elsewhere (no positions), and index.js finds the files."""
    output, _ = sample_search
    firsts = json.loads((output / "search" / "manifest.json").read_text(encoding="utf-8"))["shards"]
    long = ["1113053400000001020000", "1113053400000001020001", "111305340000000103", "𠀀𠀁", "政府"]
    for terms in (firsts, long):
        names = shards.shard_names(terms)
        assert json.loads(node("names.js", stdin=json.dumps(terms, ensure_ascii=False))) == names
        assert len(set(names)) == len(names)
    assert shards.shard_names(long)[:2] == ["31-31-31-33-30-35-33-34-30-30-30-30", "31-31-31-33-30-35-33-34-30-30-30-30~1"]
    assert shards.shard_names(["𠀀𠀁", "政府"]) == ["20000-20001", "653f-5e9c"]
    # (the .gz and .br beside each shard are the mirror's precompressed siblings)
    assert sorted(p.stem for p in (output / "search" / "s").glob("*.json")) == sorted(shards.shard_names(firsts))


def test_a_distinctive_piece_of_a_title_finds_its_item_in_the_top_10(tmp_path, corpus_1k):
    """The issue's known-item search: a 4-8 character piece of a title that occurs in at
    most 10 titles, half of them cut across a change of script (局2016年政府, 政府202),
    where bag-of-bigrams alone ranked the item below short titles holding some of its words."""
    import re
    output, docs = corpus_1k
    titles = "\n".join(d["title"] for d in docs)
    rnd = random.Random(13)
    known = []
    for ref in rnd.sample(range(len(docs)), 400):
        title = docs[ref]["title"]
        pieces = [title[i:i + n] for n in range(4, 9) for i in range(len(title) - n + 1)]
        pieces = [p for p in pieces if re.fullmatch(r"[\u4e00-\u9fff0-9]+", p) and titles.count(p) <= 10]
        crossing = [p for p in pieces if re.search(r"[\u4e00-\u9fff][0-9]|[0-9][\u4e00-\u9fff]", p)]
        pool = crossing if len(known) % 2 == 0 else pieces
        if pool:
            known.append({"q": rnd.choice(pool), "ref": ref})
        if len(known) == 60:
            break
    (tmp_path / "q.json").write_text("[]")
    (tmp_path / "k.json").write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    report = json.loads(node(COLD_QUERIES, str(output / "search"), str(tmp_path / "q.json"), str(tmp_path / "k.json")))
    assert len(report["known"]) == 60



def test_a_piece_of_a_title_typed_without_its_marks_finds_its_item_in_the_top_10(tmp_path, corpus_1k):
    """办法的通知 for 《…办法》的通知, 安全环保 for 安全、环保: the bigram across a mark is
    in the title's index (tokenizer joints), so the piece is found as typed."""
    from known_items import pieces_without_marks
    output, docs = corpus_1k
    from search_index.tokenizer import tokenize
    known = pieces_without_marks(docs, 40, random.Random(17), tokenize)
    assert len(known) == 40
    assert all(k["q"] not in k["title"] for k in known)  # each spans a mark the query leaves out
    (tmp_path / "q.json").write_text("[]")
    (tmp_path / "k.json").write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    report = json.loads(node(COLD_QUERIES, str(output / "search"), str(tmp_path / "q.json"), str(tmp_path / "k.json")))
    missed = [{**k, "title": docs[k["ref"]]["title"]} for k in report["known"] if not 1 <= k["rank"] <= 10]
    assert missed == [], json.dumps(missed, ensure_ascii=False)
