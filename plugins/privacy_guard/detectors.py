"""Detect personal information (个人信息) in disclosure text.

``scan(text)`` looks for four kinds of personal data that must not appear in
published government information: 居民身份证号, 手机号码, 银行卡号 and private
e-mail addresses. Every numeric candidate is validated (GB 11643 check
character, calendar date, Luhn) so that the ordinary long numbers of a catalog
— dates, amounts, 索引号 and 统一社会信用代码 — do not trigger.

A finding never carries the full value in printable form: ``masked`` keeps only
the ends, and ``value_digits`` exists for allowlist matching only.

Standard library only.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# An all-digit 统一社会信用代码 can pass the Luhn check by chance, so valid
# credit codes (checked by GB 32100) are never reported as bank cards.
from catalog_model.organs import valid_credit_code

__all__ = ["Finding", "scan", "LABELS", "OFFICE_MAILBOX_PREFIXES", "PUBLIC_EMAIL_DOMAIN_SUFFIXES"]

LABELS = {
    "id_card": "疑似身份证号",
    "mobile": "疑似手机号码",
    "bank_card": "疑似银行卡号",
    "email": "疑似电子邮箱",
}

# Local parts that name an office mailbox rather than a person (matched as prefixes,
# case-insensitively). Public contact addresses are meant to be published.
OFFICE_MAILBOX_PREFIXES = (
    "office", "zwgk", "xxgk", "zfxxgk", "service", "admin", "info", "contact",
    "webmaster", "postmaster", "bangongshi", "noreply", "no-reply", "support",
)

# Institutional domains: addresses there belong to organs, not private persons.
PUBLIC_EMAIL_DOMAIN_SUFFIXES = (".gov.cn", ".org.cn")

# First two digits of the 行政区划代码 (GB/T 2260 provinces, plus 71 台湾, 81 香港, 82 澳门
# and 83, used for residence permits of Taiwan residents).
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
     41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)

# GB 11643 weights for the first 17 characters and the check character table.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# A number must stand alone: not inside a longer run of digits or ASCII letters
# (credit codes, file names, hashes) and not the integer/fraction part of a
# decimal such as 0.13800138000. A plain sentence-final "." is still allowed.
_BEFORE = r"(?<![0-9A-Za-z])(?<![0-9]\.)"
_AFTER = r"(?![0-9A-Za-z])(?!\.[0-9])"
# Grouped forms additionally must not continue another group ("1 138 0013 8000").
_BEFORE_GROUPED = _BEFORE + r"(?<![0-9][ -])"
_AFTER_GROUPED = _AFTER + r"(?![ -][0-9])"

_ID_RE = re.compile(_BEFORE + r"(?:[0-9]{17}[0-9Xx]|[0-9]{15})" + _AFTER)
_BANK_RE = re.compile(
    r"(?:" + _BEFORE + r"[0-9]{16,19}" + _AFTER
    + r"|" + _BEFORE_GROUPED + r"[0-9]{4}(?: [0-9]{4}){3}(?: [0-9]{1,4})?" + _AFTER_GROUPED + r")"
)
_MOBILE_RE = re.compile(
    r"(?:" + _BEFORE + r"1[3-9][0-9]{9}" + _AFTER
    + r"|" + _BEFORE_GROUPED + r"1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}" + _AFTER_GROUPED + r")"
)
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])"
    r"(?P<local>[A-Za-z0-9][A-Za-z0-9._%+-]*)"
    r"@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})"
    r"(?![A-Za-z0-9-])"
)


@dataclass(frozen=True)
class Finding:
    kind: str          # "id_card" | "mobile" | "bank_card" | "email"
    label: str         # Chinese label for reports, e.g. 疑似身份证号
    line: int          # 1-based line within the scanned text (offset by first_line)
    masked: str        # safe to print: never the full value
    value_digits: str  # normalised value, for allowlist matching only — do not print


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def luhn_ok(digits: str) -> bool:
    """True when ``digits`` passes the Luhn (mod 10) check."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def valid_id_card(value: str) -> bool:
    """True for an 18-character ID with a correct check character, or a 15-digit old-form ID."""
    if int(value[:2]) not in PROVINCE_CODES:
        return False
    if len(value) == 18:
        year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
        if not 1900 <= year <= 2099 or not _valid_date(year, month, day):
            return False
        return id_check_char(value[:17]) == value[17].upper()
    if len(value) == 15:
        # Old IDs (issued before 1999) carry a two-digit year of the 1900s.
        return _valid_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    return False


def valid_bank_card(digits: str) -> bool:
    """A 16–19 digit number that passes Luhn and is not obviously something else."""
    if not 16 <= len(digits) <= 19 or not luhn_ok(digits):
        return False
    # No issuer identification number starts with 0, and all-zero strings pass Luhn.
    if digits[0] == "0":
        return False
    return not valid_credit_code(digits)


def valid_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def mask(value: str) -> str:
    """Keep the first 4 and last 4 characters, star the rest (at least one star)."""
    if len(value) <= 8:
        return value[:1] + "*" * (len(value) - 1)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_email(local: str, domain: str) -> str:
    return f"{local[:1]}***@{domain}"


def is_public_email(local: str, domain: str) -> bool:
    """Institutional or office mailboxes, which may be published."""
    domain = domain.lower()
    if any(domain.endswith(s) or domain == s[1:] for s in PUBLIC_EMAIL_DOMAIN_SUFFIXES):
        return True
    return local.lower().startswith(OFFICE_MAILBOX_PREFIXES)


# Numeric detectors in order of precedence: when spans overlap (an 18-digit ID can
# also pass Luhn), the earlier kind wins and the number is reported once.
_NUMERIC = (
    ("id_card", _ID_RE, valid_id_card),
    ("bank_card", _BANK_RE, valid_bank_card),
    ("mobile", _MOBILE_RE, valid_mobile),
)


def _scan_line(line: str, lineno: int) -> list[tuple[int, Finding]]:
    found: list[tuple[int, Finding]] = []
    taken: list[tuple[int, int]] = []
    for kind, regex, valid in _NUMERIC:
        for m in regex.finditer(line):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            value = re.sub(r"[ -]", "", m.group()).upper()
            if not valid(value):
                continue
            taken.append((start, end))
            found.append((start, Finding(kind, LABELS[kind], lineno, mask(value), value)))
    # E-mail addresses are independent of the numbers: a mobile number used as the
    # local part (13800138000@qq.com) is reported both as mobile and as e-mail.
    for m in _EMAIL_RE.finditer(line):
        local, domain = m.group("local"), m.group("domain")
        if is_public_email(local, domain):
            continue
        found.append((m.start(), Finding("email", LABELS["email"], lineno,
                                         mask_email(local, domain), f"{local}@{domain}".lower())))
    return found


def scan(text: str, first_line: int = 1) -> list[Finding]:
    """All findings in ``text``, in reading order.

    Each line is NFKC-normalised on its own (full-width ０-９, ＠ and the
    ideographic space become ASCII), so line numbers always refer to the
    original text even where normalisation changes the length of a line.
    """
    findings: list[Finding] = []
    for offset, raw in enumerate(text.split("\n")):
        line = unicodedata.normalize("NFKC", raw)
        hits = _scan_line(line, first_line + offset)
        findings.extend(f for _, f in sorted(hits, key=lambda h: h[0]))
    return findings
