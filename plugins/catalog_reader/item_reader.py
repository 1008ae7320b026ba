"""Reading one item file: YAML front matter + Markdown body → :class:`Item`.

No Pelican here, so that worker processes (``read_items``) and ``make check``
read files exactly as the build does. Reading never raises and never logs an
error for a bad file: the problems travel with the item, and
``catalog_validation`` reports every problem of every file together before
anything is written.
"""
from __future__ import annotations

from pathlib import Path

import markdown
import nh3

from catalog_model.html_text import clipped, collapsed_text
from catalog_model.item import Item
from catalog_model.problems import WARNING, Problem
from catalog_model.schema import SUMMARY_MAX_CHARS, field_name, validate_item
from catalog_model.text import message
from catalog_model.vocabulary import STATUSES, Vocabulary
from privacy_guard.guard import allowed_values, privacy_problems

from .body_checks import body_images, body_problems
from .front_matter import parse_source

MARKDOWN_EXTENSIONS = ["tables", "sane_lists", "attr_list", "def_list", "abbr"]


class ItemReader:
    """Reads item files below one content root into items."""

    def __init__(self, root: Path, vocabulary: Vocabulary):
        self._markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
        self._root, self._vocabulary = root, vocabulary

    def read(self, path: Path) -> Item:
        return self.read_bytes(path.read_bytes(), source_path(path, self._root))

    def read_bytes(self, data: bytes, rel: str) -> Item:
        """The item of a file with these bytes at ``rel`` below the content root."""
        item, body = item_from_bytes(data, rel, self._vocabulary)
        item.body_html = self.render(body)
        item.summary = _summary(item, item.body_html)
        images = body_images(body, item.body_line)
        item.images = [(line, src) for line, src, _ in images]
        found = body_problems(item.source_path, item.meta, images, item.body_html, item.body_line, self._root)
        item.problems += _as_warnings(found) if item.is_draft else found
        return item

    def render(self, body: str) -> str:
        # Raw HTML in Markdown is allowed but sanitised: no script, no handlers.
        return nh3.clean(self._markdown.reset().convert(body))

    @classmethod
    def from_settings(cls, settings: dict) -> ItemReader:
        return cls(Path(settings["PATH"]).resolve(), Vocabulary.from_settings(settings))


def read_item(path: Path, root: Path, vocabulary: Vocabulary) -> tuple[Item, str]:
    """Read and validate one item file; returns the item and its Markdown body."""
    return item_from_bytes(path.read_bytes(), source_path(path, root), vocabulary)


def source_path(path: Path, root: Path) -> str:
    """An item file's path below the (resolved) content root, with / separators.
    ``item_files`` walks below the resolved root: no resolve() per file then."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.resolve().relative_to(root).as_posix()


def item_from_bytes(data: bytes, rel: str, vocabulary: Vocabulary) -> tuple[Item, str]:
    """Validate one item file's bytes as the build does (``rel``: its path below
    the content root); the import checks what it is about to write with it."""
    source = parse_source(data, rel)
    problems = list(source.problems)
    meta = fields = None
    lines: dict[str, int] = {}
    is_draft = _is_draft(source.meta)
    if source.meta is not None:
        meta, found, lines, fields = validate_item(source.meta, source.lines, rel, vocabulary)
        problems += found
    if source.text:
        allowed = allowed_values(fields.privacy_allow) if fields else set()
        problems += privacy_problems(source.text, rel, allowed, _field_at(lines, source.body_line))
    if is_draft:
        problems = _as_warnings(problems)
    item = Item(rel, meta, problems, "", is_draft, lines, body_line=source.body_line)
    item.fields, item.written_index_no = fields, _written_index_no(source.meta)
    return item, source.body


def _written_index_no(meta: dict | None) -> str:
    """The 索引号 as the file writes it, valid or not: other files may rightly point at it."""
    for key in ("index_no", "索引号"):
        value = (meta or {}).get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _as_warnings(problems: list[Problem]) -> list[Problem]:
    """A draft is not published, so its unfinished fields must not stop the build."""
    return [Problem(p.path, p.line, p.field, p.text, p.hint, WARNING) for p in problems]


def _field_at(lines: dict[str, int], body_line: int):
    """Which field a line of the file belongs to: the nearest key above it, or the body."""
    starts = sorted((line, key) for key, line in lines.items())

    def field_at(line: int) -> str:
        if line >= body_line:
            return f"{message('body')}(body)"
        above = [key for start, key in starts if start <= line]
        return field_name(above[-1]) if above else ""
    return field_at


def _is_draft(meta: dict | None) -> bool:
    if not isinstance(meta, dict):
        return False
    status = meta.get("status", meta.get("状态"))
    return isinstance(status, str) and status.strip() in STATUSES["draft"]


def _summary(item: Item, html: str) -> str:
    if item.meta and item.meta.summary:
        return item.meta.summary
    return clipped(collapsed_text(html), SUMMARY_MAX_CHARS)
