"""Turn personal-information findings into build problems, less what the item allows.

A finding never prints the full value: only the masked form reaches a message.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from catalog_model.problems import Problem, problem

from .detectors import scan

# Text attachments are scanned like item bodies; binary ones (PDF, images) are not.
TEXT_ATTACHMENT_SUFFIXES = (".txt", ".md", ".csv", ".html", ".htm")


def normalise(value: str) -> str:
    """The form allowlist entries and findings are compared in: 138 0013-8000 → 13800138000."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", value)).upper()


def allowed_values(allowances: Iterable) -> set[str]:
    return {normalise(a.value) for a in allowances}


def privacy_problems(text: str, path: str, allowed: set[str],
                     field_at: Callable[[int], str] = lambda line: "") -> list[Problem]:
    """Problems for every personal number or address in ``text`` not in ``allowed``.
    ``field_at(line)`` names the field a line belongs to."""
    return [problem(path, f.line, field_at(f.line), "personal_info", label=f.label, masked=f.masked)
            for f in scan(text) if normalise(f.value_digits) not in allowed]
