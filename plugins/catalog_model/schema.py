"""The content model: one declaration per front-matter field.

Each field is declared once, with its Chinese label (accepted as a key alias
and shown on the site), whether it is required, and a one-line rule. The
README's content-model table is generated from this declaration
(``python -m catalog_model.docs``) and a test keeps the two equal.

Per-field checks run first; the cross-field checks of :class:`ItemMetadata` run only
when every field passed, so one mistake does not cascade into many messages.
Checks that need the whole catalog (unique 索引号, link targets, the organ
registry) live in ``catalog_validation``.
"""
from __future__ import annotations

import datetime as dt
import re
import reprlib
from copy import copy
from difflib import get_close_matches
from functools import cache
from typing import Annotated, Any, Optional

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, ValidationError,
                      ValidationInfo, create_model, field_validator, model_validator)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from . import vocabulary as vocab
from .problems import ERROR, WARNING, Problem, problem
from .text import has_message
from .url_paths import path_problem

SUMMARY_MAX_CHARS = 100


def _fail(key: str, **ctx) -> PydanticCustomError:
    # The message text is looked up in zh_CN.yaml by key when reporting.
    return PydanticCustomError(key, key, ctx)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("not_text", got=value)
    value = value.strip()
    if not value:
        raise _fail("empty")
    return value


def _date(value: Any) -> dt.date:
    # YAML already turns an unquoted 2025-03-12 into a date; accept the quoted
    # form too, but nothing looser (2025/3/12, 20250312) that hides a typo.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        # YAML hands over 2025-02-30 or 2025-13-01 as text: no such day.
        year, month, day = (int(part) for part in value.strip().split("-"))
        try:
            date = dt.date(year, month, day)
        except ValueError:
            raise _fail("date_impossible", got=value.strip(), month=month) from None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return date
    raise _fail("not_date", got=value)


def _text_list(value: Any) -> list[str]:
    # A single value is a one-item list; 主题词 may also be written 甲、乙，丙.
    if isinstance(value, str):
        value = [v for v in re.split(r"[,，、;；]", value) if v.strip()]
    if not isinstance(value, list):
        raise _fail("not_list", got=value)
    return [_text(v) for v in value]


def _one_of(value: Any, choices: tuple[str, ...]) -> str:
    value = _text(value)
    if value not in choices:
        close = get_close_matches(value, choices, n=1, cutoff=0.4)
        raise _fail("one_of", got=value, choices="、".join(choices),
                    suggestion=close[0] if close else "")
    return value


Text = Annotated[str, BeforeValidator(_text)]
Date = Annotated[dt.date, BeforeValidator(_date)]
TextList = Annotated[list[str], BeforeValidator(_text_list)]


def field(label: str, rule: str, default: Any = ..., **kwargs) -> Any:
    """Declare a front-matter field: its Chinese label and its rule, once."""
    return Field(default, description=rule, json_schema_extra={"label": label}, **kwargs)


class Attachment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: Text = field("文件", "path below content/")
    title: Optional[Text] = field("标题", "shown as the link text; defaults to the file name", None)

    @field_validator("file")
    @classmethod
    def _relative(cls, value: str) -> str:
        if value.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", value):
            raise _fail("attachment_path", got=value)
        return value.replace("\\", "/")


class PrivacyAllowance(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: Text = field("号码", "the number or address exactly as it appears in the item")
    reason: Text = field("理由", "why it must be public, e.g. 机构服务电话")


class ItemMetadata(BaseModel):
    """One disclosure item's catalog metadata (its front matter)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text = field("标题", "required, non-empty")
    index_no: Text = field(
        "索引号", "required, unique in the catalog; `<organ code>/<YYYY>-<5 digits>` by default "
        "(`index_no_pattern` in `catalog.yaml`, or `CATALOG_INDEX_NO_PATTERN`); the item's URL is "
        "derived from it, so it may hold only letters, digits and `-_./`")
    publisher: Text = field("发布机构", "required; the full name of an organ in `organs.yaml`; "
                                     "the 索引号's code must be that organ's code")
    date: Date = field("发布日期", "required, YYYY-MM-DD")
    written: Optional[Date] = field("成文日期", "optional date, not after 发布日期", None)
    category: Text = field("信息类别", "required, one of the catalog sections (`CATALOG_SECTIONS`)")
    topic: Optional[Text] = field("主题分类", "optional; one of the 22 State Council subject classes, "
                                         "optional second level after `\\` (综合政务\\政务公开)", None)
    genre: Optional[Text] = field("体裁", "optional; one of the 15 公文种类 or 其他", None)
    doc_no: Optional[Text] = field("文号", "optional; four-digit year in 〔〕 (清政办〔2025〕12号); "
                                       "[2025] (2025) ［2025］ are warned about", None)
    keywords: TextList = field("主题词", "optional list of strings", [])
    validity: Optional[Text] = field("有效性", "有效 / 失效 / 废止 / 已修改; required for 政策文件", None)
    expires: Optional[Date] = field("有效期至", "optional date; past the build's reference date the "
                                          "item shows as 失效", None)
    interprets: TextList = field("解读对象", "optional list of 索引号 this 政策解读 interprets; each must "
                                         "exist; both pages link to each other", [])
    replaces: TextList = field("替代", "optional 索引号 (or list) this item replaces; shown both ways", [])
    repealed_by: TextList = field("废止依据", "optional 索引号 (or list) of the document that repealed "
                                          "this one; shown both ways", [])
    interpretation_form: Optional[Text] = field(
        "解读形式", "optional, for a 政策解读: 文字解读 / 图解 / 问答 / 新闻发布会 / 在线访谈; a 图解 needs "
        "a text version (its body)", None)
    consultation_deadline: Optional[Date] = field(
        "征集截止日期", "optional date, for a 意见征集: shown as 征集中 / 已结束 at the build's reference date",
        None)
    feedback_for: TextList = field("反馈对象", "optional 索引号 (or list) of the 意见征集 this 意见反馈 "
                                          "reports on (采纳情况); shown both ways", [])
    attachments: list[Attachment] = field("附件", "optional list of `{file, title}`; the file must exist "
                                               "under content/", [])
    summary: Optional[Text] = field("内容概述", f"optional, ≤ {SUMMARY_MAX_CHARS} characters; "
                                         "otherwise derived from the body", None)
    status: str = field("状态", "published (default) / withdrawn (needs 撤回原因) / draft (not built)",
                        "published")
    withdrawn_reason: Optional[Text] = field("撤回原因", "required when 状态 is withdrawn; shown on the "
                                                  "tombstone page", None)
    withdrawn_date: Optional[Date] = field("撤回日期", "optional date the item was withdrawn, not before "
                                                "发布日期; shown on the tombstone page", None)
    corrected_by: Optional[Text] = field("更正信息", "optional 索引号 of the item that corrects or replaces "
                                              "a withdrawn one; the tombstone links to it", None)
    privacy_allow: list[PrivacyAllowance] = field(
        "公开豁免", "optional list of `{value, reason}`: numbers or e-mail addresses that look personal but "
        "must be public (a service hotline, a published case number); everything else the privacy guard "
        "finds stops the build", [])
    source_url: Optional[Text] = field(
        "原网址", "optional; the item's address on the previous site (kept by the import); the build "
        "writes redirects from it to the new page (`output.redirects.nginx.conf`, `output.redirects.htaccess`)",
        None)

    @field_validator("index_no")
    @classmethod
    def _index_no(cls, value: str, info: ValidationInfo) -> str:
        vocabulary = _vocabulary(info)
        if not re.fullmatch(vocabulary.index_no_pattern, value):
            raise _fail("index_no_pattern", got=value, hint_key=vocabulary.index_no_hint_key(),
                        pattern=vocabulary.index_no_pattern, code=vocabulary.organ_codes.pattern)
        wrong = path_problem(value)  # the 索引号 is the page's path: safe on every OS
        if wrong:
            raise _fail(wrong, got=value, what=LABELS["index_no"], hint_key="url_hint")
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str, info: ValidationInfo) -> str:
        return _one_of(value, _vocabulary(info).section_names)

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and value.split(vocab.TOPIC_LEVEL_SEPARATOR)[0] not in vocab.TOPICS:
            raise _fail("topic_unknown", got=value.split(vocab.TOPIC_LEVEL_SEPARATOR)[0],
                        choices="、".join(vocab.TOPICS))
        return value

    @field_validator("genre")
    @classmethod
    def _genre(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else _one_of(value, vocab.GENRES)

    @field_validator("validity")
    @classmethod
    def _validity(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else _one_of(value, vocab.VALIDITIES)

    @field_validator("interpretation_form")
    @classmethod
    def _interpretation_form(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else _one_of(value, vocab.INTERPRETATION_FORMS)

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and len(value) > SUMMARY_MAX_CHARS:
            raise _fail("too_long", max=SUMMARY_MAX_CHARS, actual=len(value))
        return value

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str:
        spelled = _text(value)
        for canonical, spellings in vocab.STATUSES.items():
            if spelled in spellings:
                return canonical
        raise _fail("one_of", got=spelled, choices="、".join(vocab.STATUSES), suggestion="")

    @field_validator("doc_no")
    @classmethod
    def _doc_no(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        if value is not None:
            fixed = corrected_doc_no(value)
            if fixed != value:
                _warnings(info).append(("doc_no", "doc_no_year", {"got": value, "fixed": fixed}))
        return value

    @field_validator("source_url")
    @classmethod
    def _source_url(cls, value: Optional[str]) -> Optional[str]:
        # A redirect can only be written for an address with a path on a web server.
        if value is not None and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise _fail("source_url_invalid", got=value)
        return value

    @model_validator(mode="after")
    def _cross_field(self) -> ItemMetadata:
        mistakes = cross_field_mistakes(self)
        if mistakes:
            raise mistakes[0]
        return self


def cross_field_mistakes(meta: ItemMetadata, failed: frozenset = frozenset()) -> list[PydanticCustomError]:
    """The rules between fields, all of them. ``failed`` names fields that broke
    their own rules (or are missing): a rule about them is not judged."""
    def judged(*keys: str) -> bool:
        return not failed.intersection(keys)

    found = []
    if judged("written", "date") and meta.written and meta.date and meta.written > meta.date:
        found.append(_fail("written_after_date", field="written", written=str(meta.written), date=str(meta.date)))
    if judged("category", "validity") and meta.category == vocab.POLICY_SECTION and meta.validity is None:
        found.append(_fail("validity_required", field="validity"))
    if judged("status", "withdrawn_reason") and meta.status == "withdrawn" and not meta.withdrawn_reason:
        found.append(_fail("withdrawn_reason_required", field="withdrawn_reason"))
    if judged("withdrawn_date", "date") and meta.withdrawn_date and meta.date and meta.withdrawn_date < meta.date:
        found.append(_fail("withdrawn_before_date", field="withdrawn_date", withdrawn=str(meta.withdrawn_date),
                           date=str(meta.date)))
    return found


def corrected_doc_no(doc_no: str) -> str:
    """清政办[2025]12号 → 清政办〔2025〕12号 (also (2025) ［2025］ 【2025】 〔25〕)."""
    def fix(match: re.Match) -> str:
        year = match.group(1)
        return f"〔{'20' + year if len(year) == 2 else year}〕"
    return re.sub(r"[\[(（［【〔]\s*(\d{4}|\d{2})\s*[\])）］】〕]", fix, doc_no, count=1)


def _vocabulary(info: ValidationInfo) -> vocab.Vocabulary:
    return (info.context or {}).get("vocabulary") or vocab.Vocabulary()


def _warnings(info: ValidationInfo) -> list:
    return (info.context or {}).setdefault("warnings", []) if info.context is not None else []


def _optional(info: FieldInfo) -> FieldInfo:
    optional = copy(info)
    if info.is_required():
        optional.default = None
    return optional


@cache
def labels_of(model: type[BaseModel]) -> dict[str, str]:
    """Each declared field's Chinese label, by key."""
    return {key: f.json_schema_extra["label"] for key, f in model.model_fields.items()}


FIELDS = ItemMetadata.model_fields
LABELS: dict[str, str] = labels_of(ItemMetadata)
KEY_BY_LABEL: dict[str, str] = {label: key for key, label in LABELS.items()}


# Words clerks use for a field in other systems: suggested, not accepted, so
# that every repository spells its metadata one way.
SYNONYMS: dict[str, str] = {
    "发布时间": "date", "发文日期": "date", "发文时间": "date", "成文时间": "written",
    "来源": "publisher", "发文机关": "publisher", "发文单位": "publisher",
    "发文字号": "doc_no", "文件编号": "doc_no", "关键词": "keywords", "关键字": "keywords",
    "摘要": "summary", "简介": "summary", "有效期": "expires", "失效日期": "expires",
    "分类": "category", "栏目": "category", "类别": "category", "主题": "topic",
    "解读文件": "interprets", "文种": "genre", "附件列表": "attachments",
}


def field_name(key: str, labels: dict[str, str] = LABELS) -> str:
    """How a field is named in messages: its label and its key, 发布日期(date)."""
    return f"{labels[key]}({key})" if key in labels else key


# Map pydantic's own error types onto our message keys.
_BUILTIN_ERRORS = {
    "missing": "missing",
    "string_type": "not_text",
    "list_type": "not_list",
    "model_type": "not_mapping_item",
    "model_attributes_type": "not_mapping_item",
    "dict_type": "not_mapping_item",
    "extra_forbidden": "unknown_key",
}


def normalize_keys(raw: dict, lines: dict, path: str,
                   model: type[BaseModel] = ItemMetadata) -> tuple[dict, dict, list[Problem]]:
    """Map Chinese label keys onto canonical keys; flag unknown and doubled keys."""
    fields, labels = model.model_fields, labels_of(model)
    key_by_label = {label: key for key, label in labels.items()}
    synonyms = SYNONYMS if model is ItemMetadata else {}
    data: dict[str, Any] = {}
    out_lines: dict = {}
    problems: list[Problem] = []
    for written_key, value in raw.items():
        written = str(written_key).strip()
        key = key_by_label.get(written, written if written in fields else None)
        line = lines.get((written_key,), 1)
        if key is None:
            if written in synonyms:
                close = [labels[synonyms[written]]]
            elif written.lower() in fields:
                close = [written.lower()]
            else:
                close = get_close_matches(written, list(fields) + list(key_by_label), n=1, cutoff=0.5)
            problems.append(problem(path, line, written, "unknown_key", key=written,
                                    hint_key="unknown_key_hint_close" if close else "unknown_key_hint",
                                    suggestion=close[0] if close else ""))
            continue
        if key in data:
            problems.append(problem(path, line, field_name(key, labels), "alias_twice", key=key, label=labels[key]))
            continue
        data[key] = value
        for loc, ln in lines.items():
            if loc and loc[0] == written_key:
                out_lines[(key,) + loc[1:]] = ln
    return data, out_lines, problems


class PartialMetadata(create_model("_OptionalMetadata", __base__=ItemMetadata, **{
        key: (info.annotation, _optional(info)) for key, info in FIELDS.items()})):
    """The fields of a rejected file that passed their own rules (every field
    optional, no cross-field rules). The catalog-wide checks still run on them,
    so one mistake does not hide another (an unknown 发布机构 beside a bad
    date), and a file pointing at a rejected item is not blamed for it."""

    def _cross_field(self) -> PartialMetadata:
        return self


def validate_item(raw: dict, lines: dict, path: str,
                  vocabulary: vocab.Vocabulary | None = None,
                  fallback_line: int = 1
                  ) -> tuple[ItemMetadata | None, list[Problem], dict[str, int], ItemMetadata | None]:
    """Validate one file's front matter. Returns the item (None when invalid),
    every problem found (each with its line), the line of each field, and the
    fields that passed their rules (the item itself when it is valid)."""
    data, key_lines, problems = normalize_keys(raw, lines, path)
    # Empty optional values ("written:" with nothing after it) mean "not given".
    data = {k: v for k, v in data.items() if v is not None or FIELDS[k].is_required()}
    context: dict = {"vocabulary": vocabulary or vocab.Vocabulary(), "warnings": []}
    item = partial = None
    try:
        item = partial = ItemMetadata.model_validate(data, context=context)
    except ValidationError as exc:
        # Each field's own rules; the rules between fields are judged below,
        # all of them, on the fields that passed (pydantic stops at the first).
        errors = [err for err in exc.errors(include_url=False) if err["loc"]]
        failed = frozenset(err["loc"][0] for err in errors)
        partial = _partial({k: v for k, v in data.items() if k not in failed}, context["vocabulary"])
        for mistake in cross_field_mistakes(partial, failed) if partial else []:
            errors.append({"type": mistake.type, "loc": (), "ctx": mistake.context, "msg": mistake.message()})
        for err in errors:
            problems.append(_problem_from_error(err, key_lines, path, fallback_line))
    for key, msg_key, ctx in context["warnings"]:
        problems.append(problem(path, _line_for((key,), key_lines, fallback_line), field_name(key),
                                msg_key, severity=WARNING, **ctx))
    if any(p.severity == ERROR for p in problems):
        item = None
    field_lines = {loc[0]: line for loc, line in key_lines.items() if len(loc) == 1}
    return item, problems, field_lines, partial


def validate_front_matter(model: type[BaseModel], raw: dict, lines: dict, path: str, context: dict,
                          fallback_line: int = 1) -> tuple[Any, list[Problem], dict[str, int]]:
    """Validate the front matter of another kind of content declared like items
    (the platform's pages) against ``model``: the same keys, labels and messages.
    Returns the model (None when invalid), every problem and the line of each field."""
    labels = labels_of(model)
    data, key_lines, problems = normalize_keys(raw, lines, path, model)
    data = {k: v for k, v in data.items() if v is not None or model.model_fields[k].is_required()}
    result = None
    try:
        result = model.model_validate(data, context={**context, "warnings": []})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.append(_problem_from_error(err, key_lines, path, fallback_line, labels))
    if any(p.severity == ERROR for p in problems):
        result = None
    return result, problems, {loc[0]: line for loc, line in key_lines.items() if len(loc) == 1}


def _partial(data: dict, vocabulary: vocab.Vocabulary) -> PartialMetadata | None:
    try:
        return PartialMetadata.model_validate(data, context={"vocabulary": vocabulary, "warnings": []})
    except ValidationError:  # a field that fails only beside others; nothing to check then
        return None


def _problem_from_error(err: dict, key_lines: dict, path: str, fallback_line: int,
                        labels: dict[str, str] = LABELS) -> Problem:
    loc = tuple(err["loc"])
    ctx = dict(err.get("ctx") or {})
    kind = err["type"]
    key = _BUILTIN_ERRORS.get(kind, kind)
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        key = "not_date"
    if not loc and "field" in ctx:  # a cross-field check names the field it is about
        loc = (ctx.pop("field"),)
    top = str(loc[0]) if loc else ""
    line = _line_for(loc, key_lines, fallback_line)
    if key == "missing":  # name the missing key itself, also inside a list entry
        missing = str(loc[-1]) if loc else top
        ctx = {"key": missing, "label": _NESTED_LABELS.get(missing) or labels.get(missing, missing)}
    elif key == "unknown_key":
        ctx = {"key": str(loc[-1]), "suggestion": ""}
    elif key in ("not_text", "not_list", "not_date"):
        ctx.setdefault("got", err.get("input"))
    if "got" in ctx and not isinstance(ctx["got"], str):
        ctx["got"] = _Shown(ctx["got"])
    hint_key = ctx.pop("hint_key", None)
    if key in ("one_of", "unknown_key"):
        hint_key = f"{key}_hint_close" if ctx.get("suggestion") else f"{key}_hint"
    if not has_message(key):  # a pydantic error we did not foresee: still name the field
        return Problem(path, line, field_name(top, labels), err["msg"])
    return problem(path, line, field_name(top, labels), key, hint_key=hint_key, **ctx)


def _short_repr() -> reprlib.Repr:
    shown = reprlib.Repr()  # keyword arguments only from Python 3.12
    shown.maxlevel, shown.maxlist, shown.maxdict, shown.maxstring, shown.maxother = 2, 5, 5, 60, 60
    return shown


class _Shown:
    """A wrong value as a message shows it: shortened, since it may be a pasted
    table or a list nested by YAML aliases, and must not fill the screen."""

    _repr = _short_repr()

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        return self._repr.repr(self.value)


_NESTED_LABELS = {key: f.json_schema_extra["label"]
                  for model in (Attachment, PrivacyAllowance) for key, f in model.model_fields.items()}


def _line_for(loc: tuple, key_lines: dict, fallback: int) -> int:
    while loc:
        if loc in key_lines:
            return key_lines[loc]
        loc = loc[:-1]
    return fallback

