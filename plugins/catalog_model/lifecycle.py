"""Where an item stands in its life, said in words at the top of its page.

A 废止, 失效 or 已修改 document, or one whose 有效期至 has passed at the
build's reference date, opens with a notice naming the date and the
document that did it; a 意见征集 says whether it is still open; a withdrawn
item's tombstone names its 撤回日期 and the correcting item. Everything is
decided at the reference date, never by the clock.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .vocabulary import EXPIRED, VALID

REPEALED, AMENDED = "废止", "已修改"


@dataclass
class Notice:
    """One lifecycle notice: the key of its text in zh_CN.yaml, the date it
    names (may be None), and the documents it links to."""

    key: str
    date: dt.date | None = None
    links: list = field(default_factory=list)
    links_key: str = ""


def lifecycle_notice(meta, validity: str | None, related: dict) -> Notice | None:
    """The notice for an item whose validity is no longer plain 有效, else None."""
    if validity == REPEALED:
        by = related.get("repealed_by", [])
        date = min((other.meta.date for other in by), default=None)
        return Notice("notice_repealed_on" if date else "notice_repealed", date, by, "notice_repealed_by")
    if validity == EXPIRED and meta.validity == VALID and meta.expires:
        return Notice("notice_expired_on", meta.expires, related.get("replaced_by", []), "notice_replaced_by")
    if validity == EXPIRED:
        return Notice("notice_expired", None, related.get("replaced_by", []), "notice_replaced_by")
    if validity == AMENDED:
        return Notice("notice_amended", None, related.get("replaced_by", []), "notice_amended_by")
    return None


CONSULTATION_OPEN, CONSULTATION_CLOSED = "征集中", "已结束"


def consultation_status(meta, reference_date: dt.date) -> str | None:
    """征集中 up to and including the deadline, 已结束 after it."""
    if meta.consultation_deadline is None:
        return None
    return CONSULTATION_OPEN if reference_date <= meta.consultation_deadline else CONSULTATION_CLOSED
