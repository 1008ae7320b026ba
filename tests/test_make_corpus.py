"""The project's corpus generator (tools/make_corpus.py): deterministic, in the
content model, with what a real catalog holds."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

import yaml

from catalog_helpers import ROOT, front_matter, make_corpus
from catalog_model.organs import valid_credit_code
from catalog_model.vocabulary import DEFAULT_SECTIONS


def tree_files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_arguments_give_byte_identical_files_and_the_seed_changes_them(tmp_path):
    script = ROOT / "tools" / "make_corpus.py"
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        subprocess.run([sys.executable, str(script), "--count", "300", "--out", str(tmp_path / name),
                        "--seed", seed, "--attachments"], check=True, capture_output=True, cwd=tmp_path)
    a, b, c = (tree_files(tmp_path / n) for n in "abc")
    assert len(a) > 300 and a == b
    assert a.keys() != c.keys() or any(a[k] != c[k] for k in a)


def test_organs_are_the_sample_s_with_valid_credit_codes(tmp_path):
    make_corpus.generate(tmp_path, 1)
    generated = yaml.safe_load((tmp_path / "organs.yaml").read_text(encoding="utf-8"))
    sample = yaml.safe_load((ROOT / "content" / "organs.yaml").read_text(encoding="utf-8"))
    # The same organs; the sample's optional page details (机构职能, 办公地址 …) are not generated.
    registry = ("name", "code", "kind", "short")
    assert generated == [{k: o[k] for k in registry if k in o} for o in sample]
    assert all(valid_credit_code(o["code"]) for o in generated)


def test_a_corpus_holds_every_section_and_the_relations_of_a_real_catalog(tmp_path):
    items = make_corpus.generate(tmp_path, 1500, attachments=True)
    metas = {p.stem: front_matter(p) for p in tmp_path.glob("*/*.md")}
    assert len(metas) == 1500
    sections = Counter(m["category"] for m in metas.values())
    assert set(sections) == {name for name, _ in DEFAULT_SECTIONS}
    index_nos = {m["index_no"]: m for m in metas.values()}
    assert len(index_nos) == 1500
    for key in ("interprets", "replaces", "repealed_by"):
        pointing = [m for m in metas.values() if m.get(key)]
        assert pointing, key
        for m in pointing:
            target = index_nos[m[key][0]]
            assert target.get("status", "published") == "published" and target["category"] == "政策文件"
    assert all(m["category"] == "政策解读" for m in metas.values() if m.get("interprets"))
    assert {m.get("validity") for m in metas.values() if m["category"] == "政策文件"} == {"有效", "失效", "废止", "已修改"}
    statuses = Counter(m.get("status", "published") for m in metas.values())
    assert statuses["withdrawn"] and statuses["draft"]
    assert all(m["withdrawn_reason"] for m in metas.values() if m.get("status") == "withdrawn")
    attached = [a["file"] for m in metas.values() for a in m.get("attachments", [])]
    assert attached and all((tmp_path / f).is_file() for f in attached)
    assert any("expires" in m for m in metas.values()) and any("doc_no" in m for m in metas.values())
    assert [i.index_no for i in items] == [m["index_no"] for _, m in sorted(metas.items())]
