"""Pages: what editors write besides items — the county's and each organ's
政府信息公开指南, the 政府信息公开制度 documents and the 依申请公开 guide.

A page is a Markdown file below ``content/pages/`` (``CATALOG_PAGES_DIR``),
with front matter declared once below and validated like an item's (same
``file:line: 标签(field): message (hint)`` messages, every problem at once).
Files in that folder are never items: the folder is one of the item
excludes (``catalog_model.content_tree.item_excludes``). A page belongs to the
county (no ``organ``) or to one organ of ``organs.yaml``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from catalog_model.organs import OrganRegistry
from catalog_model.problems import Problem, problem
from catalog_model.schema import Date, Text, _fail, _one_of, field, field_name, labels_of, validate_front_matter
from catalog_reader.front_matter import parse_source
from privacy_guard.guard import privacy_problems

# Page kinds: canonical name -> the spellings accepted in front matter.
GUIDE, RULES, APPLY = "公开指南", "公开制度", "依申请公开"
KINDS: dict[str, tuple[str, ...]] = {
    GUIDE: (GUIDE, "政府信息公开指南"),
    RULES: (RULES, "政府信息公开制度"),
    APPLY: (APPLY, "依申请公开指南"),
}
# One guide and one 依申请公开 page per owner; 制度 pages are many, named by file.
ONE_PER_OWNER = (GUIDE, APPLY)
CONTACT_REQUIRED = ("office", "address", "hours", "phone")
FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


class Page(BaseModel):
    """One page's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text = field("标题", "required, non-empty")
    kind: str = field("类型", "required; 公开指南 / 公开制度 / 依申请公开 (also written 政府信息公开指南 …); "
                            "one 公开指南 and one 依申请公开 page per organ and for the county")
    organ: Optional[Text] = field("所属机构", "optional; the full name of an organ in `organs.yaml`; "
                                         "without it the page is the county's", None)
    date: Date = field("发布日期", "required, YYYY-MM-DD")
    updated: Optional[Date] = field("更新日期", "optional date, not before 发布日期", None)
    office: Optional[Text] = field("受理机构", "the office that receives applications (政府信息公开工作机构); "
                                          "required for 公开指南", None)
    address: Optional[Text] = field("办公地址", "required for 公开指南", None)
    postcode: Optional[Text] = field("邮政编码", "optional, 6 digits", None)
    hours: Optional[Text] = field("办公时间", "required for 公开指南", None)
    phone: Optional[Text] = field("联系电话", "required for 公开指南; an office number, not a mobile", None)
    fax: Optional[Text] = field("传真", "optional", None)
    online: Optional[Text] = field("网上申请", "optional; where to apply online (an address)", None)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> str:
        spelled = _one_of(value, tuple(s for spellings in KINDS.values() for s in spellings))
        return next(kind for kind, spellings in KINDS.items() if spelled in spellings)

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not re.fullmatch(r"\d{6}", value):
            raise _fail("postcode", got=value)
        return value

    @model_validator(mode="after")
    def _cross_field(self) -> Page:
        if self.updated and self.updated < self.date:
            raise _fail("updated_before_date", field="updated", updated=str(self.updated), date=str(self.date))
        if self.kind == GUIDE:
            for key in CONTACT_REQUIRED:
                if getattr(self, key) is None:
                    raise _fail("guide_contact_required", field=key, label=labels_of(Page)[key])
        return self


LABELS = labels_of(Page)


@dataclass
class PageEntry:
    """One page file, read: its front matter (None when invalid) and body."""

    source_path: str  # relative to content/
    page: Page | None
    html: str = ""
    lines: dict[str, int] = dc_field(default_factory=dict)
    problems: list[Problem] = dc_field(default_factory=list)
    url: str = ""  # where it is published (制度 pages; set by columns.platform)

    @property
    def stem(self) -> str:
        return Path(self.source_path).stem

    @property
    def owner(self) -> str | None:
        """The organ's name, or None for the county."""
        return self.page.organ if self.page else None

    @property
    def shown_date(self) -> dt.date:
        return self.page.updated or self.page.date


def page_files(root: Path, folder: str) -> list[Path]:
    return sorted(p for p in (root / folder).rglob("*.md") if p.is_file())


def read_page(path: Path, root: Path, render) -> PageEntry:
    rel = path.resolve().relative_to(root).as_posix()
    source = parse_source(path.read_bytes(), rel)
    entry = PageEntry(rel, None, problems=list(source.problems))
    if source.meta is not None:
        page, found, lines = validate_front_matter(Page, source.meta, source.lines, rel, {})
        entry.page, entry.lines = page, lines
        entry.problems += found
    if source.text:
        entry.problems += privacy_problems(source.text, rel, set())
    if entry.page is not None:
        entry.html = render(source.body)
    return entry


def check_pages(entries: list[PageEntry], organs: OrganRegistry) -> list[Problem]:
    """Across pages: a known organ, one guide and one 依申请公开 page per owner,
    制度 pages named for their URL."""
    problems: list[Problem] = []
    first: dict[tuple, PageEntry] = {}
    for e in entries:
        if e.page is None:
            continue
        line = e.lines.get("organ", 1)
        if e.owner is not None and organs.organs and organs.get(e.owner) is None:
            near = organs.nearest(e.owner)
            problems.append(problem(e.source_path, line, field_name("organ", LABELS), "unknown_publisher",
                                    hint_key="unknown_publisher_hint_close" if near else None,
                                    got=e.owner, suggestion="、".join(near)))
        if e.page.kind in ONE_PER_OWNER:
            key = (e.page.kind, e.owner)
            if key in first:
                problems.append(problem(e.source_path, e.lines.get("kind", 1), field_name("kind", LABELS),
                                        "page_twice", kind=e.page.kind, owner=e.owner or "本级政府",
                                        other=first[key].source_path))
            else:
                first[key] = e
        elif not FILE_NAME.fullmatch(e.stem):
            problems.append(problem(e.source_path, 1, "", "page_file_name", name=Path(e.source_path).name))
    return problems
