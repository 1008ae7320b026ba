"""What reading one item file yields: the validated item (or its problems)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem
from .schema import Item


@dataclass
class Entry:
    source_path: str  # relative to the content root, with / separators
    item: Item | None  # None when the file has errors
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""  # the item's summary, or one derived from its body
    is_draft: bool = False
    lines: dict[str, int] = field(default_factory=dict)  # field key -> line in the file
    body_line: int = 1  # the line the body starts on
    images: list[tuple[int, str]] = field(default_factory=list)  # (line, src below content/) of body images

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def url_path(self) -> str:
        """The item's stable ASCII path, derived from its 索引号, never from its title."""
        return self.item.index_no if self.item else "invalid/" + self.source_path.replace("/", "_")
