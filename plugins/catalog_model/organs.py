"""The organ registry (``organs.yaml``): who may publish, and under which code.

Each organ has its full name, its 18-character 统一社会信用代码 (checked with
the GB 32100 check character), its kind (县政府 / 县直部门 / 乡镇) and an
optional short name. Items name their publisher by full name; an unknown name
is answered with the nearest registered names.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from . import vocabulary as vocab
from .problems import Problem, problem
from .yaml_lines import error_line, error_text, load_with_lines

# GB 32100: the code alphabet (no I, O, S, V, Z) and the weights of positions 1–17.
CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a code."""
    total = sum(CODE_ALPHABET.index(c) * w for c, w in zip(first17, CODE_WEIGHTS, strict=True))
    return CODE_ALPHABET[(31 - total % 31) % 31]


def valid_credit_code(code: str) -> bool:
    """True when ``code`` is an 18-character 统一社会信用代码 with a correct check character."""
    if len(code) != 18 or any(c not in CODE_ALPHABET for c in code):
        return False
    return check_character(code[:17]) == code[17]


class Organ(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    code: str
    kind: str
    short: Optional[str] = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not valid_credit_code(value):
            raise ValueError("invalid 统一社会信用代码")
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


def load_registry(path: Path, display_path: str) -> tuple[OrganRegistry, list[Problem]]:
    """Read organs.yaml. Problems name the file and line; a broken entry is skipped."""
    if not path.is_file():
        return OrganRegistry([]), [problem(display_path, 1, "", "organs_missing", file=display_path)]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return OrganRegistry([]), [problem(display_path, line, "", "encoding_unknown", hint_key="encoding_hint")]
    try:
        data, lines, _ = load_with_lines(text)
    except yaml.YAMLError as exc:
        return OrganRegistry([]), [problem(display_path, error_line(exc), "", "yaml_syntax",
                                           problem=error_text(exc))]
    problems: list[Problem] = []
    organs: list[Organ] = []
    seen: set[str] = set()
    for n, entry in enumerate(data if isinstance(data, list) else []):
        line = lines.get((n,), 1)
        try:
            organ = Organ.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = (n,) + tuple(err["loc"])
                field = str(err["loc"][0]) if err["loc"] else ""
                if field == "code":
                    text_ = problem(display_path, lines.get(loc, line), "code", "organ_code_invalid",
                                    code=err.get("input"))
                else:
                    text_ = problem(display_path, lines.get(loc, line), field, "organ_field",
                                    hint_key="-", n=n + 1, problem=err["msg"])
                problems.append(text_)
            continue
        if organ.name in seen:
            problems.append(problem(display_path, line, "name", "organ_duplicate", name=organ.name))
            continue
        seen.add(organ.name)
        organs.append(organ)
    if not isinstance(data, list):
        problems.append(problem(display_path, 1, "", "not_mapping", hint_key="organs_missing_hint"))
    return OrganRegistry(organs), problems
