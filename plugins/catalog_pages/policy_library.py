"""政策文件库: the normative documents only (政策文件 with a 文号).

Static pages that work without JavaScript: all documents, and one listing
per 有效性 and per year, paginated oldest-first like every listing. When
JavaScript runs, the landing page's filter (发布机构, 年份, 有效性, words of
the title or 文号) reads ``library/documents.json``, fetched only when the
filter is used. The documents are a small share of a catalog (about one item
in ten), so the file stays a fraction of the catalog's size.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from catalog_model.text import ui_text
from catalog_model.vocabulary import POLICY_SECTION, VALIDITIES

from .facets import VALIDITY_SLUGS, Listing, listing

FOLDER = "library"
DATA_FILE = f"{FOLDER}/documents.json"


def is_normative(item) -> bool:
    return item.meta.category == POLICY_SECTION and bool(item.meta.doc_no)


def build_library(ordered: list, validity_of, size: int) -> Listing:
    """The library's listing; its children are the per-有效性 then per-year listings."""
    text = ui_text()
    documents = [a for a in ordered if is_normative(a)]
    by_validity: dict[str, list] = defaultdict(list)
    by_year: dict[int, list] = defaultdict(list)
    for item in documents:
        if validity_of(item):
            by_validity[validity_of(item)].append(item)
        by_year[item.meta.date.year].append(item)
    name = text["library"]
    library = listing(name, "library", FOLDER, documents, size)
    trail = [(name, library.url)]
    library.children = [
        *[listing(f"{name}：{v}", "library_validity", f"{FOLDER}/{VALIDITY_SLUGS[v]}", by_validity[v], size,
                  trail=trail, group=v)
          for v in VALIDITIES if by_validity[v]],
        *[listing(f"{name}：{text['year'].format(y)}", "library_year", f"{FOLDER}/{y}", by_year[y], size,
                  trail=trail, group=str(y))
          for y in sorted(by_year, reverse=True)],
    ]
    return library


def write_library_data(output: Path, library: Listing, validity_of) -> None:
    """Rows of the client-side filter, newest first: [标题, 文号, 发布机构, 发布日期, 有效性, url]."""
    rows = [[i.meta.title, i.meta.doc_no, i.meta.publisher, i.meta.date.isoformat(), validity_of(i) or "", i.url]
            for i in reversed(library.items)]
    path = output / DATA_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
