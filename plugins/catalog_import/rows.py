"""One export row: its normalised values, its item file, and its problems.

The item file is checked with the build's own reading and validation
(``catalog_reader.item_reader.item_from_bytes``: the schema, then the privacy
guard's detectors), so a row that imports is a file that builds. Problems are
named by the export's column, not by the front-matter line they came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from catalog_model.problems import ERROR, WARNING, Problem, problem
from catalog_model.schema import FIELDS, field_name
from catalog_model.vocabulary import Vocabulary
from catalog_reader.item_reader import item_from_bytes

from . import values
from .body import Body, BodyProblem, convert
from .columns import BODY, Columns
from .scheme import split_index_no

# A field's name in a schema problem ("发布日期(date)") -> its key.
_KEY_BY_NAME = {field_name(k): k for k in FIELDS}


@dataclass
class Row:
    number: int
    meta: dict[str, Any] = field(default_factory=dict)  # field -> normalised value
    raw_body: str = ""
    body: Body | None = None
    problems: list[Problem] = field(default_factory=list)
    path: str = ""  # the item file below the output folder
    text: str = ""  # the item file

    @property
    def failed(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    @property
    def code(self) -> str | None:
        parts = split_index_no(self.meta.get("index_no") or "")
        return parts[0] if parts else None


def read_row(number: int, cells: list[Any], columns: Columns, source: str) -> Row:
    """Normalise each cell; a value that cannot be normalised is a problem."""
    row = Row(number)
    for key, n in columns.index.items():
        cell = cells[n] if n < len(cells) else ""
        try:
            value = values.normalise(key, cell)
        except values.ValueProblem as exc:
            row.problems.append(problem(source, number, columns.column(key), exc.msg_key, **exc.fields))
            continue
        if key == BODY:
            row.raw_body = value
        elif value not in (None, [], ""):
            row.meta[key] = value
    return row


def convert_body(row: Row, columns: Columns, source: str) -> None:
    index_no = row.meta.get("index_no") or ""
    try:
        row.body = convert(row.raw_body, index_no, row.meta.get("source_url"))
    except BodyProblem as exc:
        row.problems.append(problem(source, row.number, columns.column(BODY), exc.msg_key, **exc.fields))
        return
    if row.body.had_script:
        row.problems.append(problem(source, row.number, columns.column(BODY), "import_script_removed",
                                    severity=WARNING))
    files = [a for a in row.body.attachments if not a.image]
    if files:
        row.meta["attachments"] = [{"file": a.file, "title": a.title} for a in files]


class _FlowList(list):
    """A list of words, written on one line as the sample content does: [春耕, 补贴]."""


class _ItemDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """libyaml's emitter where PyYAML has it (ten times faster); the output is the same."""


_ItemDumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def item_text(meta: dict[str, Any], body: str) -> str:
    """The item file: front matter in the content model's order, English keys."""
    ordered = {key: _FlowList(meta[key]) if key == "keywords" else meta[key] for key in FIELDS if key in meta}
    head = yaml.dump(ordered, Dumper=_ItemDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)
    return f"---\n{head}---\n\n{body}" if body else f"---\n{head}---\n"


def validate_row(row: Row, columns: Columns, source: str, vocabulary: Vocabulary, path: str) -> None:
    """Write the row's item file in memory and check it as the build would."""
    row.path = path
    row.text = item_text(row.meta, row.body.markdown if row.body else "")
    item, _ = item_from_bytes(row.text.encode("utf-8"), path, vocabulary)
    already = {p.field for p in row.problems}
    for found in item.problems:
        key = _KEY_BY_NAME.get(found.field, BODY if found.field.endswith("(body)") else None)
        column = columns.column(key) if key else found.field
        if column in already and found.severity == ERROR:
            continue  # the cell's own problem was reported; the schema's echo of it is not
        row.problems.append(Problem(source, row.number, column, found.text, _row_hint(found, key),
                                    found.severity))


def _row_hint(found: Problem, key: str | None) -> str:
    # The schema's hints speak of front-matter syntax; a clerk fixes the cell instead.
    if key and re.search(r"[a-z_]+:", found.hint):
        return ""
    return found.hint
