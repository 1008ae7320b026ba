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
    # The fields that passed their own rules, also when the file as a whole
    # was rejected (then a PartialItem): catalog-wide checks use them.
    fields: Item | None = None
    written_index_no: str = ""  # the 索引号 as written, even when it was rejected

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def url_path(self) -> str:
        """The item's stable ASCII path, derived from its 索引号, never from its title."""
        return self.item.index_no if self.item else "invalid/" + self.source_path.replace("/", "_")
