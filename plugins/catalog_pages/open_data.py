"""Open data: every published item's metadata as JSON Lines, one file per
year, with a JSON Schema generated from the content model; and the JSON-LD
of an item page.

``data/catalog-<year>.jsonl`` holds the items published that year, oldest
first, one JSON object a line: a new item changes only its year's file.
``data/index.json`` names the files with their item counts, and
``data/catalog.schema.json`` describes one line. The files are downloads for
people and programs; no page loads them. Withdrawn items and drafts are not
in them; the fields that only steer the build (状态, 公开豁免) are left out.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from catalog_model.schema import ItemMetadata
from catalog_model.vocabulary import topic_display

from . import attachments

DATA_FOLDER = "data"
SCHEMA_FILE = f"{DATA_FOLDER}/catalog.schema.json"
INDEX_FILE = f"{DATA_FOLDER}/index.json"
# Build-only or tombstone-only fields: not part of a published item's record.
LEFT_OUT = ("status", "withdrawn_reason", "withdrawn_date", "corrected_by", "privacy_allow", "attachments")
ADDED = {
    "url": {"type": "string", "description": "the item page, relative to the site root"},
    "effective_validity": {"type": ["string", "null"], "enum": ["有效", "失效", "废止", "已修改", None],
                           "description": "有效性 at the build's reference date (有效 past 有效期至 is 失效)"},
    "attachments": {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": ["title", "url"],
        "properties": {"title": {"type": "string"}, "url": {"type": "string"}}}},
}


def year_file(year: int) -> str:
    return f"{DATA_FOLDER}/catalog-{year}.jsonl"


def record_schema() -> dict:
    """The JSON Schema of one line, derived from the content model's declaration."""
    schema = ItemMetadata.model_json_schema(mode="serialization")
    schema.pop("$defs", None)
    properties = {k: v for k, v in schema["properties"].items() if k not in LEFT_OUT}
    for value in properties.values():
        value.pop("default", None)
    required = [k for k, f in ItemMetadata.model_fields.items() if f.is_required() and k not in LEFT_OUT]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gongkai catalog item",
        "description": "One published item of a 政府信息公开目录 (one line of data/catalog-<year>.jsonl).",
        "type": "object",
        "additionalProperties": False,
        "required": [*required, "url", "effective_validity"],
        "properties": {**properties, **ADDED},
    }


def record(item, catalog) -> dict:
    data = item.meta.model_dump(mode="json", exclude=set(LEFT_OUT))
    data["url"] = item.url
    data["effective_validity"] = catalog.validity(item)
    data["attachments"] = [{"title": a.title or Path(a.file).name, "url": attachments.published_path(a.file)}
                           for a in item.meta.attachments]
    return data


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_open_data(output: Path, catalog) -> None:
    by_year: dict[int, list] = defaultdict(list)
    for item in catalog.listed:
        by_year[item.meta.date.year].append(item)
    folder = output / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for year, items in by_year.items():
        (output / year_file(year)).write_text("".join(_line(record(i, catalog)) for i in items),
                                              encoding="utf-8")
    index = {"schema": Path(SCHEMA_FILE).name,
             "files": [{"year": y, "file": Path(year_file(y)).name, "items": len(by_year[y])}
                       for y in sorted(by_year)]}
    (output / INDEX_FILE).write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (output / SCHEMA_FILE).write_text(json.dumps(record_schema(), ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")


def json_ld(item, catalog) -> str:
    """schema.org JSON-LD for an item page, safe inside a <script> element."""
    meta = item.meta
    organ = catalog.organ(item)
    base = catalog.settings.CATALOG_SITE_URL.rstrip("/")
    ids = [{"@type": "PropertyValue", "name": "索引号", "value": meta.index_no}]
    if meta.doc_no:
        ids.append({"@type": "PropertyValue", "name": "文号", "value": meta.doc_no})
    data = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "name": meta.title,
        "identifier": ids,
        "datePublished": meta.date.isoformat(),
        "inLanguage": "zh-CN",
        "publisher": {"@type": "GovernmentOrganization", "name": meta.publisher,
                      **({"identifier": organ.code} if organ else {})},
        "isPartOf": {"@type": "Collection", "name": meta.category},
        "description": item.summary,
    }
    if base:
        data["url"] = f"{base}/{item.url}"
    if meta.written:
        data["dateCreated"] = meta.written.isoformat()
    if meta.expires:
        data["expires"] = meta.expires.isoformat()
    if meta.keywords:
        data["keywords"] = ",".join(meta.keywords)
    if meta.topic:
        data["about"] = topic_display(meta.topic)
    if meta.genre:
        data["genre"] = meta.genre
    if catalog.validity(item):
        data["creativeWorkStatus"] = catalog.validity(item)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script>, "</" could close the element and "<!--" open a comment.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
