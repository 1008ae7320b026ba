"""The organ registry (``organs.yaml``): who may publish, and under which code.

Each organ has its full name, its code in the scheme the county declared
(统一社会信用代码 by default; see organ_codes.py), its kind (县政府 / 县直部门 / 乡镇) and an
optional short name. Items name their publisher by full name; an unknown name
is answered with the nearest registered names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from . import vocabulary as vocab
from .organ_codes import OrganCodeScheme, check_character, valid_credit_code  # noqa: F401 (re-exported)
from .problems import Problem, problem
from .url_paths import case_key
from .yaml_errors import load_checked


# Optional fields shown on the organ's page, with their labels, in display order.
ORGAN_DETAILS: dict[str, str] = {"duty": "机构职能", "head": "负责人", "address": "办公地址",
                                 "hours": "办公时间", "phone": "联系电话", "postcode": "邮政编码"}


# Details with a form: (pattern, what the message says). An office line is
# area code and number, several separated by 、 or ；.
DETAIL_PATTERNS: dict[str, tuple[str, str]] = {
    "phone": (r"[0-9０-９（）()\-－—、；;，, 转]+", "联系电话应为数字，如 0319-8123456"),
    "postcode": (r"\d{6}", "邮政编码应为 6 位数字"),
}


class Organ(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    code: str
    kind: str
    short: Optional[str] = None
    duty: Optional[str] = None
    head: Optional[str] = None
    address: Optional[str] = None
    hours: Optional[str] = None
    phone: Optional[str] = None
    postcode: Optional[str] = None

    @field_validator("duty", "head", "address", "hours", "phone", "postcode", mode="before")
    @classmethod
    def _detail_text(cls, value):
        if value is None:
            return None
        if not isinstance(value, (str, int)) or not str(value).strip():
            raise ValueError("应为非空文本")
        return str(value).strip()

    @field_validator("phone", "postcode")
    @classmethod
    def _detail_pattern(cls, value: Optional[str], info) -> Optional[str]:
        pattern, rule = DETAIL_PATTERNS[info.field_name]
        if value is not None and not re.fullmatch(pattern, value):
            raise ValueError(rule)
        return value

    @property
    def details(self) -> list[tuple[str, str]]:
        """(label, value) of every optional detail given, in display order."""
        return [(label, getattr(self, key)) for key, label in ORGAN_DETAILS.items() if getattr(self, key)]

    @field_validator("code")
    @classmethod
    def _code(cls, value: str, info: ValidationInfo) -> str:
        scheme: OrganCodeScheme = (info.context or {}).get("scheme") or OrganCodeScheme()
        wrong = scheme.problem_key(value)
        if wrong:
            raise PydanticCustomError(wrong, wrong, {"pattern": scheme.pattern})
        return value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in vocab.ORGAN_KINDS:
            raise ValueError(f"kind 应为 {'、'.join(vocab.ORGAN_KINDS)} 之一")
        return value


@dataclass
class OrganRegistry:
    organs: list[Organ]

    def __post_init__(self) -> None:
        self.by_name = {o.name: o for o in self.organs}

    def get(self, name: str) -> Organ | None:
        return self.by_name.get(name)

    def nearest(self, name: str, n: int = 3) -> list[str]:
        return get_close_matches(name, list(self.by_name), n=n, cutoff=0.3)


def load_registry(path: Path, display_path: str,
                  scheme: OrganCodeScheme = OrganCodeScheme()) -> tuple[OrganRegistry, list[Problem]]:
    """Read organs.yaml; codes follow ``scheme``. Problems name the file and line;
    a broken entry is skipped."""
    if not path.is_file():
        return OrganRegistry([]), [problem(display_path, 1, "", "organs_missing", file=display_path)]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return OrganRegistry([]), [problem(display_path, line, "", "encoding_unknown", hint_key="encoding_hint")]
    data, lines, _, problems = load_checked(text, display_path)
    if data is None and problems:
        return OrganRegistry([]), problems
    organs: list[Organ] = []
    seen: set[str] = set()
    codes: dict[str, str] = {}  # case_key(code) -> the organ that has it
    for n, entry in enumerate(data if isinstance(data, list) else []):
        line = lines.get((n,), 1)
        try:
            organ = Organ.model_validate(entry, context={"scheme": scheme})
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = (n,) + tuple(err["loc"])
                field = str(err["loc"][0]) if err["loc"] else ""
                if field == "code" and err["type"].startswith(("organ_code_", "url_")):
                    text_ = problem(display_path, lines.get(loc, line), "code", err["type"],
                                    hint_key=_code_hint(err["type"]), code=err.get("input"),
                                    pattern=scheme.pattern, got=err.get("input"), what="机构代码")
                else:
                    text_ = problem(display_path, lines.get(loc, line), field, "organ_field",
                                    hint_key="-", n=n + 1, problem=err["msg"])
                problems.append(text_)
            continue
        if organ.name in seen:
            problems.append(problem(display_path, line, "name", "organ_duplicate", name=organ.name))
            continue
        if case_key(organ.code) in codes:
            problems.append(problem(display_path, lines.get((n, "code"), line), "code", "organ_code_duplicate",
                                    code=organ.code, other=codes[case_key(organ.code)]))
            continue
        seen.add(organ.name)
        codes[case_key(organ.code)] = organ.name
        organs.append(organ)
    if not isinstance(data, list):
        problems.append(problem(display_path, 1, "", "not_mapping", hint_key="organs_missing_hint"))
    return OrganRegistry(organs), problems


def _code_hint(msg_key: str) -> str:
    # The scheme's own hint, or for a path problem the path hint.
    return "url_hint" if msg_key.startswith("url_") else f"{msg_key}_hint"
