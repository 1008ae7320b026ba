"""The search index rebuilt after an edit from cached tokens and the last build's
files (search_cache) is byte for byte a clean build's; it tokenises only the
items that changed, serialises only the terms they hold, and makes only the
files whose bytes change. Also: the index assembled from per-item tokens is
``builder.build``'s (the reference, checked against lunr.py in test_builder)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from search_index import assemble, builder, documents, shards, terms
from search_index.doc_tokens import TermTable, tokenise
from search_index.search_cache import SearchCache
from search_index.tokenizer import tokenize

CONFIG = (2048, 8, 16)  # shard bytes, rows per display chunk, items per length block: many small files
ROW = ("title", "url", "publisher", "date", "category", "validity", "doc_no", "index_no", "snippet")


def indexed(row: dict, title: str, keywords: str, body: str) -> documents.IndexedItem:
    """An indexed item with this row, title, keywords and body (its item only as sources() reads it)."""
    meta = SimpleNamespace(title=title, doc_no=row["doc_no"], index_no=row["index_no"], keywords=keywords.split())
    return documents.IndexedItem(item=SimpleNamespace(meta=meta, body_html=body),
                                 **{**{k: row[k] for k in ROW}, "title": title})


def edit(d: documents.IndexedItem, title: str | None = None, keywords: str | None = None, body: str | None = None,
         **row) -> documents.IndexedItem:
    old = d.fields()
    return indexed({**d.row(), **row}, title or old["title"], keywords or old["keywords"], body or old["body"])


def as_docs(sample: list[dict]) -> list[documents.IndexedItem]:
    return [indexed(d, d["title"], d["fields"]["keywords"], d["fields"]["body"]) for d in sample]


class Built:
    """One build into a fresh folder (a staging folder): a file whose digest the last
    build also had is copied from the last build's folder, as the build cache links it."""

    def __init__(self, folder: Path, docs: list[documents.IndexedItem], cache: str, last: Built | None = None):
        self.folder, self.digests, self.made = folder, {}, set()
        search = SearchCache.open(cache, Path("/published"))
        keys, tokens, self.tokenised = search.tokens_of(docs, documents.FIELDS)
        index, exact = assemble.assemble(tokens, documents.FIELDS, search.table)
        known, self.changed = search.changed_terms(keys, exact, CONFIG)

        def place(rel: str, digest: str, text) -> None:
            self.digests[rel] = digest
            target = folder / rel
            if last is not None and last.digests.get(rel) == digest:
                shutil.copyfile(last.folder / rel, target)
                return
            target.write_text(text(), encoding="utf-8")
            self.made.add(rel)

        _, files = shards.write_files(folder, index, docs, *CONFIG, known=known, changed=self.changed, place=place)
        search.save(keys, tokens, CONFIG, exact, files)

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.folder).as_posix(): p.read_bytes() for p in sorted(self.folder.rglob("*"))
                if p.is_file()}


def edits(docs: list[documents.IndexedItem]):
    """(name, edited documents, the position of the edited item or None) for a series of edits."""
    yield "title", [edit(d, title=d.title + "（更正）") if n == 5 else d for n, d in enumerate(docs)], 5
    yield "body", [edit(d, body=d.fields()["body"] + "补充说明一句话。") if n == 9 else d
                   for n, d in enumerate(docs)], 9
    yield "nothing", docs, None
    newest = edit(docs[-1], title="新增信息关于老旧小区", index_no=docs[-1].index_no + "9", body="新增的一条信息。")
    yield "add", docs + [newest], None
    yield "delete", docs[:20] + docs[21:], None
    yield "keywords", [edit(d, keywords="新词 关键") if n == 3 else d for n, d in enumerate(docs)], 3


def item_terms(doc: documents.IndexedItem) -> set[str]:
    return {t for f in documents.FIELDS for t in tokenize(doc.fields()[f.name], f.boundaries)}


def run_series(tmp_path: Path, docs: list[documents.IndexedItem]) -> None:
    cache = str(tmp_path / "cache")
    last = Built(tmp_path / "first", docs, cache)
    assert last.changed is None and last.tokenised == len(docs)
    for step, (name, edited, at) in enumerate(edits(docs)):
        # each edit starts from the unedited catalog's build: the cache holds what the last build had
        base = last if step == 0 else Built(tmp_path / f"base-{step}", docs, cache, last)
        now = Built(tmp_path / f"{name}-incremental", edited, cache, base)
        clean = Built(tmp_path / f"{name}-clean", edited, "")
        assert now.files() == clean.files(), name
        before = base.files()
        changed_bytes = {rel for rel, data in now.files().items() if before.get(rel) != data}
        assert now.made == changed_bytes, name  # every other file was carried over
        if at is not None:
            assert now.tokenised == 1
            assert now.changed <= item_terms(docs[at]) | item_terms(edited[at]), name
            mine = item_terms(docs[at]) | item_terms(edited[at])
            files = now.files()
            # a shard is made again only for a term of the edited item, or beside such a shard
            # (a record that grows or shrinks may move the content-defined cut next to it)
            names = [f"s/{n}.json" for n in shards.shard_names(json.loads(files["manifest.json"])["shards"])]
            holding = [n for n, rel in enumerate(names) if mine & {r[0] for r in json.loads(files[rel])["t"]}]
            beside = {names[k] for n in holding for k in (n - 1, n, n + 1) if 0 <= k < len(names)}
            for rel in now.made:
                if rel.startswith("s/"):
                    assert rel in beside, (name, rel)
                elif rel.startswith("b/"):
                    assert rel[2:].split("_")[0] in {shards.block_name(t, 0, 0).split("_")[0] for t in mine}
                else:
                    assert rel in {"manifest.json", f"d/{at // CONFIG[1]}.json", f"l/{at // CONFIG[2]}.json"}
        if name == "nothing":
            assert now.made == set() and now.changed == set() and now.tokenised == 0
        last = now


def test_edits_give_a_clean_builds_files_and_make_only_the_changed_ones(tmp_path, sample_search):
    _, sample = sample_search
    run_series(tmp_path, as_docs(sample))


def test_fragile_weights_are_followed_when_the_totals_change(tmp_path, sample_search, monkeypatch):
    """With every weight "fragile" (shipped exact), an edit that changes the catalog's
    totals changes weights in every shard: the cache must see those terms as changed."""
    _, sample = sample_search
    monkeypatch.setattr(builder, "FRAGILE", 0.5)
    docs = as_docs(sample)[:20]
    cache = str(tmp_path / "cache")
    first = Built(tmp_path / "first", docs, cache)
    edited = [edit(d, body=d.fields()["body"] * 2) if n == 0 else d for n, d in enumerate(docs)]
    now = Built(tmp_path / "now", edited, cache, first)
    assert now.files() == Built(tmp_path / "clean", edited, "").files()
    assert len(now.changed) > 2 * len(item_terms(edited[0]))


@pytest.mark.parametrize("batch_chars", [terms.BATCH_CHARS, 3000])
def test_assembled_from_item_tokens_equals_the_reference_builder(sample_search, monkeypatch, batch_chars):
    _, sample = sample_search
    monkeypatch.setattr(terms, "BATCH_CHARS", batch_chars)
    monkeypatch.setattr(builder, "FRAGILE", 0.01)  # some fragile weights to compare
    fields = [d["fields"] for d in sample]
    reference = builder.build(fields, documents.FIELDS)
    table = TermTable(["未用的词"])  # numbers need not start at 0 nor be all in use
    ours, _ = assemble.assemble(tokenise(fields, documents.FIELDS, table), documents.FIELDS, table)
    assert ours.doc_count == reference.doc_count and ours.totals == reference.totals
    assert all(np.array_equal(a, b) for a, b in zip(ours.lengths, reference.lengths, strict=True))
    assert sorted(ours.terms) == sorted(reference.terms)
    assert sum(len(e) for t in reference.terms.values() for e in t.exact) > 0
    for term, expected in reference.terms.items():
        got = ours.terms[term]
        assert got.first_rank == expected.first_rank, term
        assert [x.tolist() for x in got.ids] == [x.tolist() for x in expected.ids], term
        assert [x.tolist() for x in got.tfs] == [x.tolist() for x in expected.tfs], term
        assert got.exact == expected.exact, term
