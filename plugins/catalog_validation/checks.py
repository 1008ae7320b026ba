"""Checks that need the whole catalog, run after every file was read.

Per-file checks already ran in the reader. These look at every field that
passed its own rules, also in files rejected for another mistake, so that
every problem of every file is reported at once; a reference counts as
dangling only when no file claims its 索引号, rejected or not.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from catalog_model.catalog import LINKS, Catalog, link_targets
from catalog_model.item import Item
from catalog_model.problems import Problem, problem
from catalog_model.schema import LABELS, ItemMetadata, field_name
from catalog_model.url_paths import case_key
from privacy_guard.guard import TEXT_ATTACHMENT_SUFFIXES, allowed_values, privacy_problems

# An item and its fields: its metadata, or the fields of a rejected file that passed their rules.
Record = tuple[Item, ItemMetadata]


def check_catalog(catalog: Catalog, content_root: Path, index_no_pattern: str) -> list[Problem]:
    records = [(e, e.meta or e.fields) for e in catalog.items if e.meta or e.fields]
    numbered = [(e, r) for e, r in records if r.index_no]
    problems: list[Problem] = []
    problems += _publishers(records, catalog, index_no_pattern)
    problems += _unique_index_nos(numbered)
    problems += _case_collisions(numbered)
    problems += _link_targets(records, {e.written_index_no for e in catalog.items} | set(catalog.by_index))
    problems += _attachments(records, content_root)
    return problems


def _publishers(records: list[Record], catalog: Catalog, pattern: str) -> list[Problem]:
    if not catalog.organs.organs:
        return []  # the registry itself is reported; not once more per item
    problems = []
    for e, record in records:
        name = record.publisher
        if name is None:
            continue
        organ = catalog.organs.get(name)
        line = e.line("publisher")
        if organ is None:
            near = catalog.organs.nearest(name)
            problems.append(problem(e.source_path, line, field_name("publisher"), "unknown_publisher",
                                    hint_key="unknown_publisher_hint_close" if near else None,
                                    got=name, suggestion="、".join(near)))
            continue
        code = _index_code(record.index_no, pattern) if record.index_no else None
        if code is not None and code != organ.code:
            problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                    "index_code_mismatch", code=code, publisher=name, expected=organ.code))
    return problems


def _index_code(index_no: str, pattern: str) -> str | None:
    match = re.fullmatch(pattern, index_no)
    return match.groupdict().get("code") if match else None


def _unique_index_nos(records: list[Record]) -> list[Problem]:
    counts = Counter(r.index_no for _, r in records)
    first: dict[str, Item] = {}
    problems = []
    for e, record in sorted(records, key=lambda er: er[0].source_path):
        index_no = record.index_no
        if counts[index_no] < 2:
            continue
        if index_no not in first:
            first[index_no] = e
            continue
        problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                "duplicate_index_no", index_no=index_no, other=first[index_no].source_path))
    return problems


def _case_collisions(records: list[Record]) -> list[Problem]:
    """Two 索引号 that differ only in letter case would be one page file on
    Windows and macOS (exact duplicates are reported above)."""
    first: dict[str, Record] = {}
    problems = []
    for e, record in sorted(records, key=lambda er: er[0].source_path):
        index_no = record.index_no
        other, other_record = first.setdefault(case_key(index_no), (e, record))
        if other_record.index_no != index_no:
            problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                    "url_case_collision", index_no=index_no, other=other.source_path,
                                    other_index_no=other_record.index_no))
    return problems


def _link_targets(records: list[Record], claimed: set[str]) -> list[Problem]:
    problems = []
    for e, record in records:
        for key in LINKS:
            for target in link_targets(record, key):
                where = (e.source_path, e.line(key), field_name(key))
                if target in (record.index_no, e.written_index_no):
                    problems.append(problem(*where, "self_reference", label=LABELS[key]))
                elif target not in claimed:
                    problems.append(problem(*where, "missing_target", label=LABELS[key], target=target))
    return problems


def _attachments(records: list[Record], content_root: Path) -> list[Problem]:
    """Attachments exist; text attachments carry no personal information (each
    file scanned once, allowing what any item attaching it allows)."""
    problems = []
    allowed_in: dict[str, set[str]] = defaultdict(set)
    for e, record in records:
        for attachment in record.attachments:
            if not (content_root / attachment.file).is_file():
                problems.append(problem(e.source_path, e.line("attachments"), field_name("attachments"),
                                        "attachment_missing", file=attachment.file))
            elif attachment.file.lower().endswith(TEXT_ATTACHMENT_SUFFIXES):
                allowed_in[attachment.file] |= allowed_values(record.privacy_allow)
    for file, allowed in sorted(allowed_in.items()):
        text = (content_root / file).read_text(encoding="utf-8", errors="replace")
        problems += privacy_problems(text, file, allowed)
    return problems
