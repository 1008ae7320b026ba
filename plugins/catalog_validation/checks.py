"""Checks that need the whole catalog, run after every file was read.

Per-file checks already ran in the reader; these only look at items that
passed them, so each mistake is reported once.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from catalog_model.catalog import LINKS, Catalog
from catalog_model.item import Item
from catalog_model.problems import Problem, problem
from catalog_model.schema import LABELS, field_name
from catalog_model.url_paths import case_key
from privacy_guard.guard import TEXT_ATTACHMENT_SUFFIXES, allowed_values, privacy_problems


def check_catalog(catalog: Catalog, content_root: Path, index_no_pattern: str) -> list[Problem]:
    items = catalog.valid_items
    problems: list[Problem] = []
    problems += _publishers(items, catalog, index_no_pattern)
    problems += _unique_index_nos(items)
    problems += _case_collisions(items)
    problems += _link_targets(items, catalog)
    problems += _attachments(items, content_root)
    return problems


def _publishers(items: list[Item], catalog: Catalog, pattern: str) -> list[Problem]:
    if not catalog.organs.organs:
        return []  # the registry itself is reported; not once more per item
    problems = []
    for e in items:
        name = e.meta.publisher
        organ = catalog.organs.get(name)
        line = e.line("publisher")
        if organ is None:
            near = catalog.organs.nearest(name)
            problems.append(problem(e.source_path, line, field_name("publisher"), "unknown_publisher",
                                    hint_key="unknown_publisher_hint_close" if near else None,
                                    got=name, suggestion="、".join(near)))
            continue
        code = _index_code(e.meta.index_no, pattern)
        if code is not None and code != organ.code:
            problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                    "index_code_mismatch", code=code, publisher=name, expected=organ.code))
    return problems


def _index_code(index_no: str, pattern: str) -> str | None:
    match = re.fullmatch(pattern, index_no)
    return match.groupdict().get("code") if match else None


def _unique_index_nos(items: list[Item]) -> list[Problem]:
    counts = Counter(e.meta.index_no for e in items)
    first: dict[str, Item] = {}
    problems = []
    for e in sorted(items, key=lambda e: e.source_path):
        index_no = e.meta.index_no
        if counts[index_no] < 2:
            continue
        if index_no not in first:
            first[index_no] = e
            continue
        problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                "duplicate_index_no", index_no=index_no, other=first[index_no].source_path))
    return problems


def _case_collisions(items: list[Item]) -> list[Problem]:
    """Two 索引号 that differ only in letter case would be one page file on
    Windows and macOS (exact duplicates are reported above)."""
    first: dict[str, Item] = {}
    problems = []
    for e in sorted(items, key=lambda e: e.source_path):
        index_no = e.meta.index_no
        other = first.setdefault(case_key(index_no), e)
        if other.meta.index_no != index_no:
            problems.append(problem(e.source_path, e.line("index_no"), field_name("index_no"),
                                    "url_case_collision", index_no=index_no, other=other.source_path,
                                    other_index_no=other.meta.index_no))
    return problems


def _link_targets(items: list[Item], catalog: Catalog) -> list[Problem]:
    problems = []
    for e in items:
        for key in LINKS:
            for target in getattr(e.meta, key):
                where = (e.source_path, e.line(key), field_name(key))
                if target == e.meta.index_no:
                    problems.append(problem(*where, "self_reference", label=LABELS[key]))
                elif target not in catalog.by_index:
                    problems.append(problem(*where, "missing_target", label=LABELS[key], target=target))
    return problems


def _attachments(items: list[Item], content_root: Path) -> list[Problem]:
    """Attachments exist; text attachments carry no personal information (each
    file scanned once, allowing what any item attaching it allows)."""
    problems = []
    allowed_in: dict[str, set[str]] = defaultdict(set)
    for e in items:
        for attachment in e.meta.attachments:
            if not (content_root / attachment.file).is_file():
                problems.append(problem(e.source_path, e.line("attachments"), field_name("attachments"),
                                        "attachment_missing", file=attachment.file))
            elif attachment.file.lower().endswith(TEXT_ATTACHMENT_SUFFIXES):
                allowed_in[attachment.file] |= allowed_values(e.meta.privacy_allow)
    for file, allowed in sorted(allowed_in.items()):
        text = (content_root / file).read_text(encoding="utf-8", errors="replace")
        problems += privacy_problems(text, file, allowed)
    return problems
