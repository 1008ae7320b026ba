"""Helpers for the search tests: documents of a built site, lunr.py's reference
index of them, and the node scripts that run the real lunr.js."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from catalog_helpers import ROOT, build

from catalog_model.settings import site_settings
from search_index import builder, documents
from search_index.tokenizer import BOUNDARY_NAME, register_with_lunr

NODE_DIR = Path(__file__).resolve().parent / "node"
COLD_QUERIES = ROOT / "tools" / "cold_queries.js"  # what a cold browser fetches; also used by bench_search


def build_with_documents(content: Path, output: Path) -> list[dict]:
    """Build a site; return the documents its search indexed (ref = position),
    read again in this process by the same code the build runs."""
    result = build(content, output)
    assert result.returncode == 0, result.stderr[-3000:]
    return indexed_documents(content)


def indexed_documents(content: Path) -> list[dict]:
    from pelican.settings import read_settings

    from catalog_validation.validate import validate_tree
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content.resolve())})
    catalog, _ = validate_tree(settings, bodies=True)
    return [{**d.row(), "fields": d.fields()}
            for d in documents.indexed_items(catalog, site_settings(settings).SEARCH_SNIPPET_CHARS)]


def lunr_py_index(docs: list[dict]) -> dict:
    """The reference: lunr.py's own Builder with our pipeline functions, serialized;
    each field runs the one its declaration names (lunr.py's Pipeline.skip)."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    register_with_lunr()
    b = Builder()
    functions = {f.pipeline_function: Pipeline.registered_functions[f.pipeline_function] for f in documents.FIELDS}
    for name, fn in functions.items():
        b.pipeline.add(fn)
        b.pipeline.skip(fn, [f.name for f in documents.FIELDS if f.pipeline_function != name])
    b.search_pipeline.add(Pipeline.registered_functions[BOUNDARY_NAME])  # queries keep boundary bigrams
    b.ref("ref")
    for f in documents.FIELDS:
        # a one-element list: lunr.py makes it one Token; our pipeline function splits it
        b.field(f.name, boost=f.boost, extractor=lambda d, name=f.name: [d[name]])
    for ref, doc in enumerate(docs):
        b.add({"ref": ref, **doc["fields"]})
    return json.loads(json.dumps(b.build().serialize()))


def our_index(docs: list[dict]) -> builder.Index:
    return builder.build([d["fields"] for d in docs], documents.FIELDS)


def node(script: str | Path, *args: str, stdin: str | None = None, timeout: int = 600) -> str:
    result = subprocess.run(["node", str(NODE_DIR / script), *args], input=stdin, capture_output=True,
                            text=True, cwd=ROOT, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def comparable(serialized: dict) -> dict:
    """A serialized lunr index in a form where equal indexes compare equal: terms in a
    dict (Python and JavaScript sort them differently), empty field vectors left out."""
    return {"version": serialized["version"], "fields": serialized["fields"], "pipeline": serialized["pipeline"],
            "invertedIndex": dict(serialized["invertedIndex"]),
            "fieldVectors": {ref: vector for ref, vector in serialized["fieldVectors"] if vector}}
