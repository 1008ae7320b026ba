"""Normalise cell values as clerks type them into what the content model accepts.

Only spellings with one meaning are normalised (2021/3/5, 2021年3月5日 and
2021.03.05 are one date; [2021] in a 文号 is 〔2021〕; 现行有效 is 有效).
Anything else raises :class:`ValueProblem`: the import never guesses.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from catalog_model import vocabulary as vocab
from catalog_model.schema import corrected_doc_no

from .columns import BODY


class ValueProblem(Exception):
    def __init__(self, msg_key: str, **fields):
        super().__init__(msg_key)
        self.msg_key, self.fields = msg_key, fields


# 2021-3-5, 2021/03/05, 2021.3.5, 2021年3月5日, each optionally followed by a time.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
_EXCEL_EPOCH = dt.date(1899, 12, 30)

# 有效性 as CMSs and clerks spell it -> the content model's value.
VALIDITY_SPELLINGS: dict[str, str] = {
    **{v: v for v in vocab.VALIDITIES},
    "现行有效": "有效", "现行": "有效", "生效": "有效", "有效中": "有效",
    "已失效": "失效", "失效的": "失效", "过期": "失效", "已过期": "失效",
    "已废止": "废止", "作废": "废止", "已作废": "废止",
    "已修订": "已修改", "修改": "已修改", "修订": "已修改", "部分修改": "已修改",
}


def date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An .xlsx date cell stored as a number (a cell formatted "General").
        if 1 <= value < 2958466 and float(value).is_integer():
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueProblem("import_date", got=str(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if not match:
        raise ValueProblem("import_date", got=text)
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem("import_date_impossible", got=text) from None


def validity(value: Any) -> str | None:
    text = re.sub(r"\s", "", str(value))
    if not text:
        return None
    if text not in VALIDITY_SPELLINGS:
        raise ValueProblem("import_validity", got=text, choices="、".join(vocab.VALIDITIES))
    return VALIDITY_SPELLINGS[text]


def doc_no(value: Any) -> str | None:
    text = re.sub(r"\s", "", _ascii_digits(str(value)))
    return corrected_doc_no(text) if text else None


def index_no(value: Any) -> str | None:
    # Full-width slash and digits (an input method's) are the ASCII ones.
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value)))
    return text or None


def topic(value: Any) -> str | None:
    # Second levels are written with \ in the content model; CMSs use / or >.
    text = str(value).strip()
    if not text:
        return None
    parts = re.split(r"\s*[\\/／>＞]\s*", text, maxsplit=1)
    if len(parts) == 2 and parts[0] in vocab.TOPICS:
        return f"{parts[0]}{vocab.TOPIC_LEVEL_SEPARATOR}{parts[1]}"
    return text


def keywords(value: Any) -> list[str]:
    return [k for k in re.split(r"[,，、;；\s]+", str(value).strip()) if k]


def text(value: Any) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number cell: 12.0 is 12
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value or None


def _ascii_digits(value: str) -> str:
    return value.translate({0xFF10 + d: 0x30 + d for d in range(10)})


NORMALISERS = {
    "date": date, "written": date, "expires": date, "validity": validity, "doc_no": doc_no,
    "index_no": index_no, "topic": topic, "keywords": keywords,
}


def normalise(key: str, value: Any) -> Any:
    """The value of field ``key`` from a cell; None (or []) when the cell is empty."""
    if key == BODY:
        return "" if value is None else str(value)
    return NORMALISERS.get(key, text)(value)
