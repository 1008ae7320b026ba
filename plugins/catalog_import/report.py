"""How the import names a row's problems: ``FILE:row N: column: message (hint)``.

Problems are the build's :class:`~catalog_model.problems.Problem` with the
export's file as path and the spreadsheet row as line (0 for the whole file);
texts come from zh_CN.yaml.
"""
from __future__ import annotations

from collections.abc import Iterable

from catalog_model.problems import WARNING, Problem
from catalog_model.text import message


def format_problem(p: Problem) -> str:
    where = f"{p.path}:row {p.line}: " if p.line else f"{p.path}: "
    tag = "警告: " if p.severity == WARNING else ""
    field = f"{p.field}: " if p.field else ""
    hint = f" ({p.hint})" if p.hint else ""
    return f"{where}{tag}{field}{p.text}{hint}"


def report(problems: Iterable[Problem]) -> list[str]:
    """Every problem, by row, then by column as the export orders them."""
    return [format_problem(p) for p in sorted(problems, key=lambda p: (p.line, p.severity != WARNING))]


def summary(msg_key: str, **fields) -> str:
    return message(msg_key, **fields)
