"""The date a build is "as of": expiry (有效期至) is judged against it.

Never the wall clock, so that two builds of one commit are identical:
``CATALOG_REFERENCE_DATE`` if set, else ``SOURCE_DATE_EPOCH``, else the date
of the last commit touching the content, else today (content outside git).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from .settings import site_settings


def reference_date(settings: dict) -> dt.date:
    fixed = site_settings(settings).CATALOG_REFERENCE_DATE
    if fixed:
        return fixed
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    committed = _last_commit_date(Path(settings["PATH"]))
    return committed or dt.date.today()


def _last_commit_date(content: Path) -> dt.date | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "."], cwd=content,
                             capture_output=True, text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return dt.date.fromisoformat(out) if out else None
