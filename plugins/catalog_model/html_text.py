"""The plain text of an item's sanitised body HTML, for summaries and search."""
from __future__ import annotations

import re
from html import unescape

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def html_text(html: str) -> str:
    """Tags become spaces (table cells and paragraphs never run together into
    one word) and entities become characters (nh3 escapes every < and & in
    text), so the text is escaped exactly once, where a template shows it."""
    return unescape(TAG.sub(" ", html or ""))


def collapsed_text(html: str) -> str:
    """``html_text`` with runs of white space made one space, trimmed."""
    return SPACE.sub(" ", html_text(html)).strip()


def clipped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters; a cut text ends with "…"."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
