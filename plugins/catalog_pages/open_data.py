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

from catalog_model.schema import Item

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
    schema = Item.model_json_schema(mode="serialization")
    schema.pop("$defs", None)
    properties = {k: v for k, v in schema["properties"].items() if k not in LEFT_OUT}
    for value in properties.values():
        value.pop("default", None)
    required = [k for k, f in Item.model_fields.items() if f.is_required() and k not in LEFT_OUT]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gongkai catalog item",
        "description": "One published item of a 政府信息公开目录 (one line of data/catalog-<year>.jsonl).",
        "type": "object",
        "additionalProperties": False,
        "required": [*required, "url", "effective_validity"],
        "properties": {**properties, **ADDED},
    }


def record(article) -> dict:
    item = article.catalog.item
    data = item.model_dump(mode="json", exclude=set(LEFT_OUT))
    data["url"] = article.url
    data["effective_validity"] = article.validity
    data["attachments"] = [{"title": f.title, "url": f.save_as} for f in article.attachment_files]
    return data


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_open_data(output: Path, ordered: list) -> None:
    by_year: dict[int, list] = defaultdict(list)
    for article in ordered:
        by_year[article.catalog.item.date.year].append(article)
    folder = output / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for year, articles in by_year.items():
        (output / year_file(year)).write_text("".join(_line(record(a)) for a in articles), encoding="utf-8")
    index = {"schema": Path(SCHEMA_FILE).name,
             "files": [{"year": y, "file": Path(year_file(y)).name, "items": len(by_year[y])}
                       for y in sorted(by_year)]}
    (output / INDEX_FILE).write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (output / SCHEMA_FILE).write_text(json.dumps(record_schema(), ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")


def json_ld(article, site_url: str = "") -> str:
    """schema.org JSON-LD for an item page, safe inside a <script> element."""
    item = article.catalog.item
    base = site_url.rstrip("/")
    ids = [{"@type": "PropertyValue", "name": "索引号", "value": item.index_no}]
    if item.doc_no:
        ids.append({"@type": "PropertyValue", "name": "文号", "value": item.doc_no})
    data = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "name": item.title,
        "identifier": ids,
        "datePublished": item.date.isoformat(),
        "inLanguage": "zh-CN",
        "publisher": {"@type": "GovernmentOrganization", "name": item.publisher,
                      **({"identifier": article.organ.code} if article.organ else {})},
        "isPartOf": {"@type": "Collection", "name": item.category},
        "description": article.catalog.summary,
    }
    if base:
        data["url"] = f"{base}/{article.url}"
    if item.written:
        data["dateCreated"] = item.written.isoformat()
    if item.expires:
        data["expires"] = item.expires.isoformat()
    if item.keywords:
        data["keywords"] = ",".join(item.keywords)
    if item.topic:
        data["about"] = item.topic.replace("\\", " › ")
    if item.genre:
        data["genre"] = item.genre
    if article.validity:
        data["creativeWorkStatus"] = article.validity
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script>, "</" could close the element and "<!--" open a comment.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
