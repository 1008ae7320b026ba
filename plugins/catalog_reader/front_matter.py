"""Split an item file into its YAML front matter and its Markdown body.

Everything a clerk's editor can get wrong about the file itself (a BOM, GBK
instead of UTF-8, no front matter, a missing closing ``---``, broken YAML, a
full-width colon, a key written twice) becomes a :class:`Problem` with a line
number, never a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog_model.problems import Problem, problem
from catalog_model.schema import KEY_BY_LABEL, field_name
from catalog_model.yaml_errors import load_checked

BOM = b"\xef\xbb\xbf"
OPENING = re.compile(r"---[ \t]*\n")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class Source:
    """What one file says, before validation."""

    meta: dict | None = None
    lines: dict = field(default_factory=dict)  # (key, ...) -> line
    body: str = ""
    body_line: int = 1  # the line the body starts on
    text: str = ""  # the whole file, decoded (empty when it could not be decoded)
    problems: list[Problem] = field(default_factory=list)


def parse_source(data: bytes, path: str) -> Source:
    source = Source()
    if data.startswith(BOM):
        source.problems.append(problem(path, 1, "", "bom"))
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        source.problems.append(problem(path, line, "", _encoding_problem(data), hint_key="encoding_hint"))
        return source
    text = text.replace("\r\n", "\n")
    source.text = text

    if not OPENING.match(text):
        source.problems.append(problem(path, 1, "", "no_front_matter"))
        return source
    start = OPENING.match(text).end()
    closing = CLOSING.search(text, start)
    if closing is None:
        source.problems.append(problem(path, 1, "", "unclosed_front_matter"))
        return source
    head = text[start:closing.start()]
    source.body = text[closing.end() + 1:]
    source.body_line = text.count("\n", 0, closing.end()) + 2

    meta, lines, duplicates, found = load_checked(head, path, first_line=2, name=_field)
    source.problems += found
    if meta is None and found:  # the YAML could not be read; the problem says why
        return source
    for dup in duplicates:
        source.problems.append(problem(path, dup.line, dup.key, "duplicate_key", first=dup.first))
    if not isinstance(meta, dict):
        source.problems.append(problem(path, 2, "", "not_mapping"))
        return source
    source.meta, source.lines = meta, lines
    return source


def _field(key: str) -> str:
    """A key as messages name it: 标题 and title are both 标题(title)."""
    return field_name(KEY_BY_LABEL.get(key, key))


def _encoding_problem(data: bytes) -> str:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "encoding_unknown"
    return "encoding_gbk"
