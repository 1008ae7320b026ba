"""Match an export's column headers to the content model's fields.

Headers are compared after NFKC and with spaces, colons and required-field
stars removed (``*发布日期：`` is 发布日期). Each field has its usual names in
county CMSs; the schema's own label and English key are always accepted. A
mapping file (YAML, ``column header: field``, ``null`` to ignore a column)
overrides them for one export.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalog_model.problems import Problem, problem
from catalog_model.schema import FIELDS, LABELS, field_name

BODY = "body"  # the item's text, not a front-matter field

# Usual names of each field in CMS exports, beyond the schema's label.
USUAL_HEADERS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索引编号", "信息索引号", "索引"),
    "title": ("标题", "名称", "信息名称", "文件名称", "文件标题", "题名", "文章标题", "信息标题"),
    "publisher": ("发布机构", "发文机关", "发布单位", "发文单位", "发文机构", "信息来源", "来源", "公开主体"),
    "date": ("发布日期", "发文日期", "发布时间", "公开日期", "公开时间", "发文时间"),
    "written": ("成文日期", "生成日期", "成文时间", "生成时间", "印发日期"),
    "doc_no": ("文号", "发文字号", "文件编号", "发文文号"),
    "topic": ("主题分类", "主题", "主题类别"),
    "genre": ("体裁", "文种", "体裁分类", "公文种类"),
    "validity": ("有效性", "时效", "时效性", "效力状态", "是否有效"),
    "category": ("信息类别", "栏目", "所属栏目", "类别", "信息分类", "公开类别"),
    "keywords": ("主题词", "关键词", "关键字"),
    "summary": ("内容概述", "摘要", "内容摘要", "简介", "内容简介"),
    "expires": ("有效期至", "失效日期", "有效期"),
    "source_url": ("原网址", "网址", "原链接", "链接", "链接地址", "页面地址", "url"),
    BODY: ("正文", "内容", "正文内容", "文章内容", "信息内容"),
}
# Fields an export can fill; the rest (relations, status …) are an editor's work after the import.
IMPORTABLE = tuple(USUAL_HEADERS)
REQUIRED = tuple(k for k in IMPORTABLE if k in FIELDS and FIELDS[k].is_required())


def normal_header(header: str) -> str:
    return re.sub(r"[\s*:：]", "", unicodedata.normalize("NFKC", str(header))).lower()


_KNOWN: dict[str, str] = {}
for _key, _names in USUAL_HEADERS.items():
    for _name in (*_names, LABELS.get(_key, _key), _key):
        _KNOWN.setdefault(normal_header(_name), _key)


def column_label(key: str) -> str:
    return field_name(key) if key in LABELS else f"正文({BODY})"


@dataclass
class Columns:
    """Which column holds which field, and the header it had in the export."""

    index: dict[str, int] = field(default_factory=dict)  # field -> column number
    header: dict[str, str] = field(default_factory=dict)  # field -> header as written
    ignored: list[str] = field(default_factory=list)  # headers matching no field

    def column(self, key: str) -> str:
        """How a field is named in a row's message: the export's header, or the field."""
        return self.header.get(key) or column_label(key)


def match_columns(headers: list[str], source: str, mapping: dict[str, str | None] | None = None
                  ) -> tuple[Columns, list[Problem]]:
    """Problems are about row 1 (the header row): doubled fields, missing required ones."""
    mapping = {normal_header(h): k for h, k in (mapping or {}).items()}
    columns, problems = Columns(), []
    for n, header in enumerate(headers):
        name = normal_header(header)
        if not name:
            continue
        if name in mapping and mapping[name] is None:
            continue  # ignored on purpose
        key = mapping.get(name) or _KNOWN.get(name)
        if key is None:
            columns.ignored.append(str(header).strip())
            continue
        if key in columns.index:
            problems.append(problem(source, 1, str(header).strip(), "import_column_twice",
                                    other=columns.header[key], field=column_label(key)))
            continue
        columns.index[key], columns.header[key] = n, str(header).strip()
    for key in REQUIRED:
        if key not in columns.index:
            problems.append(problem(source, 1, column_label(key), "import_column_missing",
                                    names="、".join(USUAL_HEADERS[key])))
    return columns, problems


def load_mapping(path: Path) -> tuple[dict[str, str | None], list[Problem]]:
    """A mapping file: ``column header: field`` (English key or Chinese label), or ``null``."""
    shown = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [problem(shown, 1, "", "import_mapping_unreadable", problem=str(exc).splitlines()[0])]
    if not isinstance(data, dict):
        return {}, [problem(shown, 1, "", "import_mapping_not_dict")]
    mapping: dict[str, str | None] = {}
    problems = []
    for header, target in data.items():
        # The target may be an English key, a Chinese label or any usual header name.
        key = None if target is None else _KNOWN.get(normal_header(str(target)))
        if target is not None and key is None:
            problems.append(problem(shown, 1, str(header), "import_mapping_field", got=target,
                                    choices="、".join(IMPORTABLE)))
            continue
        mapping[str(header)] = key
    return mapping, problems
