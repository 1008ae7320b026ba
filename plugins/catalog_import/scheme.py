"""The organ-code scheme and 索引号 format an export uses, detected from its 索引号.

A 索引号 is ``<organ code>/<rest>``. The scheme is the shape most codes have:
18 characters → 统一社会信用代码 (GB 32100 check character), 9 → 组织机构代码
(GB 11714 check character), anything else a local code, whose pattern is
derived from the codes seen. The rest is a year (or year and month), a hyphen
and a serial number: ``2017-00110``, ``201901-00336``, ``2024-001005``.
The result travels with the content in ``catalog.yaml``, which the build reads.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from catalog_model.organ_codes import OrganCodeScheme, valid_credit_code, valid_org_code
from catalog_model.url_paths import path_problem

USCC, ORGCODE, LOCAL = "uscc", "orgcode", "local"
CODE_PATTERNS = {USCC: r"[0-9A-HJ-NPQRTUWXY]{18}", ORGCODE: r"[0-9A-Z]{8}[0-9X]"}
_REST = re.compile(r"(\d{4})(\d{2})?-(\d+)")
_INDEX = re.compile(r"([A-Za-z0-9]+)/(.+)")

def split_index_no(index_no: str) -> tuple[str, str] | None:
    match = _INDEX.fullmatch(index_no)
    return (match.group(1), match.group(2)) if match else None


def _shape(code: str) -> str:
    if len(code) == 18 and re.fullmatch(r"[0-9A-Z]+", code):
        return USCC
    if len(code) == 9 and re.fullmatch(r"[0-9A-Z]+", code):
        return ORGCODE
    return LOCAL


@dataclass(frozen=True)
class Scheme:
    organ_code_scheme: str
    code_pattern: str
    index_no_pattern: str

    def code_problem(self, code: str) -> str | None:
        """The message key for a code that does not fit the scheme, or None."""
        valid = {USCC: valid_credit_code, ORGCODE: valid_org_code}.get(
            self.organ_code_scheme, lambda c: re.fullmatch(self.code_pattern, c) is not None)
        if not valid(code):
            return "import_code_check" if _shape(code) == self.organ_code_scheme != LOCAL else "import_code_shape"
        return "import_code_path" if path_problem(code) else None

    @property
    def organ_codes(self) -> OrganCodeScheme:
        """The scheme as the build declares it (catalog_model.organ_codes)."""
        return OrganCodeScheme(self.organ_code_scheme, self.code_pattern if self.organ_code_scheme == LOCAL else "")

    def settings(self) -> dict[str, str]:
        """catalog.yaml: the contract with the build (organ_code_pattern only for local codes)."""
        out = {"organ_code_scheme": self.organ_code_scheme}
        if self.organ_code_scheme == LOCAL:
            out["organ_code_pattern"] = self.code_pattern
        out["index_no_pattern"] = self.index_no_pattern
        return out


def detect(index_nos: list[str]) -> Scheme:
    """The scheme of well-formed 索引号 (see ``well_formed``). For 统一社会信用代码
    and ``<YYYY>-<5 digits>`` the pattern is the build's default, character for character."""
    codes = sorted({split_index_no(i)[0] for i in index_nos})
    shapes = Counter(_shape(c) for c in codes)
    # Most codes decide; on a tie the stricter scheme wins.
    scheme = max((USCC, ORGCODE, LOCAL), key=lambda s: (shapes[s], -(USCC, ORGCODE, LOCAL).index(s)))
    code_pattern = CODE_PATTERNS.get(scheme) or _local_pattern(codes)
    rests = [_REST.fullmatch(split_index_no(i)[1]) for i in index_nos]
    with_month = {m.group(2) is not None for m in rests}
    serial_lengths = sorted({len(m.group(3)) for m in rests})
    year = r"(?P<year>\d{4})" + {frozenset({True}): r"\d{2}", frozenset({False}): "",
                                 frozenset({True, False}): r"(?:\d{2})?"}[frozenset(with_month)]
    low, high = serial_lengths[0], serial_lengths[-1]
    serial = rf"(?P<serial>\d{{{low}}})" if low == high else rf"(?P<serial>\d{{{low},{high}}})"
    pattern = rf"(?P<code>{code_pattern})/{year}-{serial}"
    return Scheme(scheme, code_pattern, pattern)


def well_formed(index_no: str) -> bool:
    parts = split_index_no(index_no)
    return parts is not None and _REST.fullmatch(parts[1]) is not None


def _local_pattern(codes: list[str]) -> str:
    """A character class and length range that every local code fits."""
    local = [c for c in codes if _shape(c) == LOCAL] or codes
    classes = "".join(cls for cls, test in (("a-z", str.islower), ("A-Z", str.isupper), ("0-9", str.isdigit))
                      if any(any(test(ch) for ch in c) for c in local))
    low, high = min(map(len, local)), max(map(len, local))
    return f"[{classes}]{{{low}}}" if low == high else f"[{classes}]{{{low},{high}}}"
