"""A Pelican reader for disclosure items: YAML front matter + Markdown body.

It replaces Pelican's Markdown reader for ``.md`` files. Reading never raises
and never logs an error for a bad file: the problems travel with the entry,
and ``catalog_validation`` reports every problem of every file together
before anything is written. ``prefetch`` does the same reading in worker
processes ahead of Pelican's one-file-at-a-time loop.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import nh3
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from catalog_model.entry import Entry
from catalog_model.html_text import collapsed_text
from catalog_model.problems import WARNING, Problem
from catalog_model.schema import SUMMARY_MAX_CHARS, field_name, validate_item
from catalog_model.text import message
from catalog_model.vocabulary import STATUSES, Vocabulary
from privacy_guard.guard import allowed_values, privacy_problems

from . import prefetch
from .front_matter import parse_source

MARKDOWN_EXTENSIONS = ["tables", "sane_lists", "attr_list", "def_list", "abbr"]

# Pelican status for each catalog status: withdrawn items keep their page (a
# tombstone) but are not listed, which is what Pelican's "hidden" means;
# drafts are skipped outright ("skip"), so no part of Pelican sees them.
PELICAN_STATUS = {"published": "published", "withdrawn": "hidden", "draft": "skip"}


class ItemReader:
    """Reads one item file into its body HTML and its entry. No Pelican here,
    so that worker processes can use it too."""

    def __init__(self, root: Path, vocabulary: Vocabulary):
        self._markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
        self._root, self._vocabulary = root, vocabulary

    def read(self, path: Path) -> tuple[str, Entry]:
        entry, body = read_entry(path, self._root, self._vocabulary)
        html = self.render(body)
        entry.summary = _summary(entry.item, html)
        return html, entry

    def render(self, body: str) -> str:
        # Raw HTML in Markdown is allowed but sanitised: no script, no handlers.
        return nh3.clean(self._markdown.reset().convert(body))

    @classmethod
    def from_settings(cls, settings: dict) -> "ItemReader":
        return cls(Path(settings["PATH"]).resolve(), Vocabulary.from_settings(settings))


class CatalogReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings):
        super().__init__(settings)
        self._reader = ItemReader.from_settings(settings)

    def read(self, filename):
        path = Path(filename)
        html, entry = prefetch.take(path) or self._reader.read(path)
        metadata = _pelican_metadata(entry, path)
        metadata.update(_fixed_locations(self.settings, metadata))
        return html, metadata


def read_entry(path: Path, root: Path, vocabulary: Vocabulary) -> tuple[Entry, str]:
    """Read and validate one item file; returns its entry and Markdown body."""
    rel = path.resolve().relative_to(root).as_posix()
    source = parse_source(path.read_bytes(), rel)
    problems = list(source.problems)
    item, lines = None, {}
    is_draft = _is_draft(source.meta)
    if source.meta is not None:
        item, found, lines = validate_item(source.meta, source.lines, rel, vocabulary)
        problems += found
    if source.text:
        allowed = allowed_values(item.privacy_allow) if item else set()
        problems += privacy_problems(source.text, rel, allowed, _field_at(lines, source.body_line))
    if is_draft:
        # A draft is not published, so its unfinished fields must not stop the build.
        problems = [Problem(p.path, p.line, p.field, p.text, p.hint, WARNING) for p in problems]
    return Entry(rel, item, problems, "", is_draft, lines), source.body


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


def _summary(item, html: str) -> str:
    if item and item.summary:
        return item.summary
    return collapsed_text(html)[:SUMMARY_MAX_CHARS]


def _pelican_metadata(entry: Entry, path: Path) -> dict:
    item = entry.item
    date = item.date if item else dt.date(1970, 1, 1)
    status = "skip" if entry.is_draft else PELICAN_STATUS[item.status] if item else "published"
    return {
        "title": item.title if item else path.stem,
        "date": SafeDatetime(date.year, date.month, date.day),
        "slug": entry.url_path,
        "item_path": entry.url_path,
        "status": status,
        "template": "item",
        "catalog": entry,
    }


def _fixed_locations(settings: dict, metadata: dict) -> dict:
    """An item's url and save_as, computed once. Pelican formats them from
    ``ARTICLE_URL``/``ARTICLE_SAVE_AS`` each time they are read (several times
    per item and build: 10k items cost seconds); given as metadata they are
    Pelican's overrides. Only when the patterns use nothing but the item's own
    metadata (the result is then the same string), and only when Pelican does
    not turn future-dated items into drafts (``WITH_FUTURE_DATES``), whose
    location differs."""
    if metadata["status"] != "published" and metadata["status"] != "hidden" or \
            not settings.get("WITH_FUTURE_DATES", True):
        return {}
    try:
        return {"url": str(settings["ARTICLE_URL"]).format(**metadata),
                "save_as": str(settings["ARTICLE_SAVE_AS"]).format(**metadata)}
    except (KeyError, IndexError, AttributeError, ValueError):
        return {}  # the pattern needs Pelican's own fields: let Pelican format it


def add_reader(readers) -> None:
    for ext in CatalogReader.file_extensions:
        readers.reader_classes[ext] = CatalogReader


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch.start)
