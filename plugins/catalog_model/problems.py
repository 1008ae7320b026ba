"""Problems found in content, and the report an editor reads.

Every problem names the file, the line, the field and, where we can tell, the
fix: ``content/a.md:7: 发布日期(date): 应为 YYYY-MM-DD 格式的日期 (例如 2025-03-12)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from .text import has_message, message

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str  # "label(key)", or "" for problems of the whole file
    text: str
    hint: str = ""
    severity: str = ERROR
    in_content: bool = True  # False for a page the build generated (no source file)

    def __str__(self) -> str:
        return self.format()

    def format(self, prefix: str = "") -> str:
        """``prefix`` is the content folder as the editor knows it, e.g. ``content/``."""
        where = f"{prefix if self.in_content else ''}{self.path}:{self.line}: "
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        tag = "警告: " if self.severity == WARNING else ""
        return f"{where}{tag}{field}{self.text}{hint}"


def problem(path: str, line: int, field: str, msg_key: str, severity: str = ERROR,
            hint_key: str | None = None, **fields) -> Problem:
    """A problem whose text (and hint, ``<key>_hint`` by default) come from zh_CN.yaml."""
    hint_key = hint_key or f"{msg_key}_hint"
    hint = message(hint_key, **fields) if has_message(hint_key) else ""
    return Problem(path, line, field, message(msg_key, **fields), hint, severity)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def report(problems: Iterable[Problem], prefix: str = "", summary: str = "report_errors") -> str:
    """All problems, sorted by file and line, then a one-line summary
    (``summary`` names its message: content errors, or publication checks)."""
    problems = sorted(set(problems))
    lines = [p.format(prefix) for p in problems]
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    if n_err:
        files = len({p.path for p in problems if p.severity == ERROR})
        lines.append(message(summary, errors=n_err, warnings=n_warn, files=files))
    elif n_warn:
        lines.append(message("report_warnings", warnings=n_warn))
    return "\n".join(lines)
