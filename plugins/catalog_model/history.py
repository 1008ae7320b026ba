"""Revision history of item files, from git: 最后更新 and 修订记录 on item pages.

Read in one pass for the whole content tree: one ``git log --name-only``
(plus one ``rev-parse`` and one ``status``), never a ``git log`` per file.
Dates are commit dates, so two builds of one commit show the same history.

It says nothing rather than something wrong:
- outside git (or without git), no item has a history;
- a file with uncommitted changes, or not committed at all, has none (its
  last commit is not what the page shows);
- in a shallow clone the oldest commit present lists every file as if it had
  created it, so its files are ignored; and since older commits are missing
  the list would be incomplete, items show 最后更新 only, no 修订记录.

The history is read on every build into the catalog (``Catalog.history``,
asked by the item template with ``catalog.history_of(item)``), so it is part
of the data a page is rendered from and can never be stale.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

RECORD, UNIT = "\x1e", "\x1f"


@dataclass(frozen=True)
class Revision:
    date: dt.date
    subject: str
    commit: str


@dataclass
class History:
    """An item file's commits, newest first; ``complete`` is False in a shallow clone."""

    revisions: list[Revision] = field(default_factory=list)
    complete: bool = True

    @property
    def updated(self) -> dt.date:
        return self.revisions[0].date


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=600, check=True).stdout


def read_history(content: Path) -> dict[str, History]:
    """{path relative to ``content``, with / separators: History} for every
    committed, unmodified file below ``content``."""
    content = content.resolve()
    try:
        top, shallow = _git(content, "rev-parse", "--show-toplevel", "--is-shallow-repository").split("\n")[:2]
        log = _git(content, "log", "--no-renames", "--name-only", "--relative",
                   f"--format={RECORD}%H{UNIT}%P{UNIT}%cs{UNIT}%s", "--", ".")
        status = _git(content, "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    is_shallow = shallow.strip() == "true"
    histories: dict[Path, History] = {}
    for record in log.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        commit, parents, date, subject = header.split(UNIT, 3)
        if is_shallow and not parents:
            continue  # the shallow boundary: it cannot tell which files it created or changed
        revision = Revision(dt.date.fromisoformat(date), subject.strip(), commit)
        for name in names.split("\n"):
            if name:
                histories.setdefault(name, History(complete=not is_shallow)).revisions.append(revision)
    for entry in status.split("\0"):
        if len(entry) > 3:  # "XY path": modified, added, untracked … the page is not the committed file
            changed = (Path(top) / entry[3:]).resolve()
            if changed.is_relative_to(content):
                histories.pop(changed.relative_to(content).as_posix(), None)
    return histories
