"""The benchmark's plain-Pelican reader: YAML front matter + Markdown, the
way a Pelican user would read gongkai's item files with no gongkai code.

Pelican's Markdown reader expects ``Key: value`` headers, not YAML; this
minimal reader parses the front matter with PyYAML's C loader (what a Pelican
user would pick) and gives Pelican title, date, slug (from the 索引号, unique)
and category. Used only by ``tools/bench.py``.
"""
from __future__ import annotations

import datetime as dt

import markdown
import yaml
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMarkdownReader(MarkdownReader):
    file_extensions = ["md"]

    def read(self, source_path):
        with open(source_path, encoding="utf-8") as fh:
            text = fh.read()
        _, head, body = text.split("---\n", 2)
        meta = yaml.load(head, Loader=Loader) or {}
        content = markdown.Markdown(**self.settings["MARKDOWN"]).convert(body)
        date = meta.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        metadata = {
            "title": str(meta.get("title", "")),
            "date": SafeDatetime(date.year, date.month, date.day),
            "slug": str(meta.get("index_no", "")).replace("/", "-"),
            "category": self.process_metadata("category", str(meta.get("category", "misc"))),
        }
        if meta.get("status") == "draft":
            metadata["status"] = "draft"
        return content, metadata


def add_reader(readers):
    readers.reader_classes["md"] = YamlMarkdownReader


def register():
    signals.readers_init.connect(add_reader)
