"""Which items a setting names: by catalog section (信息类别), 主题分类
(a first-level class names its sub-classes too), 体裁, or 主题词.

A selector is a mapping such as ``{"sections": ["政策文件"], "topics":
["民政、扶贫、救灾"]}``; an item matches when any listed value fits.
"""
from __future__ import annotations

from dataclasses import dataclass

from catalog_model.settings import SELECTOR_KEYS as KEYS
from catalog_model.vocabulary import TOPIC_LEVEL_SEPARATOR


@dataclass(frozen=True)
class Selector:
    sections: frozenset[str] = frozenset()
    topics: tuple[str, ...] = ()
    genres: frozenset[str] = frozenset()
    keywords: frozenset[str] = frozenset()

    @classmethod
    def of(cls, mapping: dict | None) -> Selector:
        mapping = mapping or {}
        unknown = set(mapping) - set(KEYS)
        if unknown:
            raise ValueError(f"unknown selector keys {sorted(unknown)}; use {KEYS}")
        return cls(frozenset(mapping.get("sections", ())), tuple(mapping.get("topics", ())),
                   frozenset(mapping.get("genres", ())), frozenset(mapping.get("keywords", ())))

    @property
    def empty(self) -> bool:
        return not (self.sections or self.topics or self.genres or self.keywords)

    def matches(self, meta) -> bool:
        """Whether an item's metadata (its validated front matter) is selected."""
        if meta.category in self.sections or (meta.genre and meta.genre in self.genres):
            return True
        if meta.topic and any(meta.topic == t or meta.topic.startswith(t + TOPIC_LEVEL_SEPARATOR)
                              for t in self.topics):
            return True
        return bool(self.keywords) and not self.keywords.isdisjoint(meta.keywords)
