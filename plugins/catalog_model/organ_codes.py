"""Organ codes: the schemes a county may number its organs by.

- ``uscc``: the 18-character 统一社会信用代码, GB 32100 check character;
- ``orgcode``: the 9-character 组织机构代码 of older catalogs, GB 11714 check
  character (many 索引号 printed before 2016 carry it, and never change);
- ``local``: a code of the county's own (``6107280000``, ``bgs01``), matching
  a pattern the county sets.

Organ codes also name folders of the site (``organs/<code>/``), so every code
must be a safe path segment too (see :mod:`url_paths`).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass

from .url_paths import path_problem

SCHEMES: tuple[str, ...] = ("uscc", "orgcode", "local")
DEFAULT_SCHEME = "uscc"

# GB 32100: the code alphabet (no I, O, S, V, Z) and the weights of positions 1–17.
CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11714: eight body characters (digits, or capital letters worth 10–35) and
# the weights of positions 1–8; the check is 11 − (sum mod 11), 10 → X, 11 → 0.
ORGCODE_ALPHABET = string.digits + string.ascii_uppercase
ORGCODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# The code part of the default 索引号 of each scheme (``local`` uses the county's pattern).
_CODE_PATTERNS = {"uscc": "[0-9A-HJ-NPQRTUWXY]{18}", "orgcode": "[0-9A-Z]{8}[0-9X]"}


def check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a code."""
    total = sum(CODE_ALPHABET.index(c) * w for c, w in zip(first17, CODE_WEIGHTS, strict=True))
    return CODE_ALPHABET[(31 - total % 31) % 31]


def valid_credit_code(code: str) -> bool:
    """True when ``code`` is an 18-character 统一社会信用代码 with a correct check character."""
    if len(code) != 18 or any(c not in CODE_ALPHABET for c in code):
        return False
    return check_character(code[:17]) == code[17]


def orgcode_check_character(first8: str) -> str:
    """The GB 11714 check character for the eight body characters of a 组织机构代码."""
    total = sum(ORGCODE_ALPHABET.index(c) * w for c, w in zip(first8, ORGCODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def valid_org_code(code: str) -> bool:
    """True when ``code`` is a 9-character 组织机构代码 with a correct check character
    (``000014349``; the hyphenated form ``00001434-9`` is not accepted, as in 索引号)."""
    if len(code) != 9 or any(c not in ORGCODE_ALPHABET for c in code[:8]):
        return False
    return orgcode_check_character(code[:8]) == code[8]


@dataclass(frozen=True)
class OrganCodeScheme:
    """The scheme a county declared (``CATALOG_ORGAN_CODE_SCHEME`` or ``catalog.yaml``)."""

    name: str = DEFAULT_SCHEME
    pattern: str = ""  # the county's own code pattern, for ``local``

    def problem_key(self, code: str) -> str | None:
        """None for a valid code; otherwise the zh_CN.yaml key of what is wrong."""
        if self.name == "uscc" and not valid_credit_code(code):
            return "organ_code_invalid"
        if self.name == "orgcode" and not valid_org_code(code):
            return "organ_code_invalid_orgcode"
        if self.name == "local" and not re.fullmatch(self.pattern, code):
            return "organ_code_invalid_local"
        return path_problem(code)

    def default_index_no_pattern(self) -> str:
        """The 索引号 format when the county sets none: ``<code>/<YYYY>-<serial>``."""
        if self.name == "local":
            return rf"(?P<code>(?:{self.pattern}))/(?P<year>\d{{4}})-(?P<serial>\d+)"
        return rf"(?P<code>{_CODE_PATTERNS[self.name]})/(?P<year>\d{{4}})-(?P<serial>\d{{5}})"
