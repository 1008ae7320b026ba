"""The 年报 data file: what the report writer types, one YAML file per organ
and year (``content/report-data/<year>/<name>.yaml``), validated like items
(``file:line: 标签(field): message (hint)``, every problem at once) and
checked against the arithmetic the format implies.

The file holds the parts of the report the catalog cannot know: section
二's 行政许可/行政处罚/行政强制 decisions and 行政事业性收费, section 三
(依申请公开) and section 四 (行政复议、行政诉讼). It may also type section
二's 规章 and 行政规范性文件 figures, which are then checked against the
figures computed from the catalog (``annual_report``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from catalog_model.organs import OrganRegistry
from catalog_model.problems import Problem, problem
from catalog_model.text import message
from catalog_model.yaml_errors import load_checked

from .report_format import (ACTIVE_COUNTS, ACTIVE_DOC_COLUMNS, ACTIVE_DOC_ROWS, ACTIVE_FEES, APPLICANTS,
                            APPLICATION_ROWS, OUTCOMES, RESULT_ROWS, RESULTS_TOTAL, REVIEW_GROUPS)


@dataclass(frozen=True)
class DataField:
    key: str
    label: str
    required: bool
    rule: str
    shape: str  # "text", "year", "count", "amount", "doc_row", "applications", "outcomes"


# One declaration per key of the data file; the README's table is printed from it.
DATA_FIELDS: tuple[DataField, ...] = (
    DataField("organ", "机构", True, "the full name of an organ in `organs.yaml`", "text"),
    DataField("year", "年度", True, "the report's year (YYYY); one file per organ and year", "year"),
    *(DataField(r.key, r.alias, False, f"optional list of 3 counts ({'、'.join(ACTIVE_DOC_COLUMNS)}); "
                "checked against the figures computed from the catalog", "doc_row") for r in ACTIVE_DOC_ROWS),
    *(DataField(r.key, r.alias, True, f"{r.group}: 本年处理决定数量, a count", "count") for r in ACTIVE_COUNTS),
    DataField(ACTIVE_FEES.key, ACTIVE_FEES.alias, True, f"{ACTIVE_FEES.group}: 本年收费金额 in 万元, ≥ 0", "amount"),
    DataField("applications", "依申请公开", True,
              "section 三: each row (`new` 本年新收, `carried_in` 上年结转, the 办理结果 rows `granted` … `other`, "
              f"`total` 总计, `carried_out` 结转下年度; Chinese short names accepted) a list of {len(APPLICANTS)} "
              f"counts: {'、'.join(APPLICANTS)}. Checked: 总计 = the sum of the columns; (七)总计 = the sum of "
              "the 办理结果 rows; 本年新收 + 上年结转 = (七)总计 + 结转下年度", "applications"),
    *(DataField(g.key, g.alias, True, f"section 四: a list of {len(OUTCOMES)} counts ({'、'.join(OUTCOMES)}); "
                "总计 = the sum of the other four", "outcomes") for g in REVIEW_GROUPS),
)
BY_KEY = {f.key: f for f in DATA_FIELDS}
BY_ALIAS = {f.label: f.key for f in DATA_FIELDS}
ROW_BY_KEY = {r.key: r for r in APPLICATION_ROWS}
ROW_BY_ALIAS = {r.alias: r.key for r in APPLICATION_ROWS}


@dataclass
class ReportData:
    """One organ's typed figures for one year."""

    source_path: str
    organ: str
    year: int
    values: dict[str, Any] = field(default_factory=dict)  # key -> int | float | list[int]
    applications: dict[str, list[int]] = field(default_factory=dict)  # row key -> 7 counts
    lines: dict[tuple, int] = field(default_factory=dict)  # (key,) or ("applications", row) -> line

    def line(self, *loc) -> int:
        return self.lines.get(tuple(loc), self.lines.get(loc[:1], 1))


def field_label(key: str, row: str | None = None) -> str:
    """How messages name a place in the data file: 依申请公开(applications.new)."""
    if row:
        return f"{BY_KEY[key].label}·{ROW_BY_KEY[row].alias}({key}.{row})"
    return f"{BY_KEY[key].label}({key})" if key in BY_KEY else key


def data_files(root: Path, folder: str) -> list[Path]:
    return sorted(p for p in (root / folder).rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def read_data_file(path: Path, root: Path) -> tuple[ReportData | None, list[Problem]]:
    rel = path.resolve().relative_to(root).as_posix()
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [problem(rel, 1, "", "bom")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [problem(rel, data[: exc.start].count(b"\n") + 1, "", "encoding_unknown",
                              hint_key="encoding_hint")]
    raw, lines, duplicates, problems = load_checked(text, rel)
    if raw is None and problems:
        return None, problems
    problems += [problem(rel, d.line, d.key, "duplicate_key", first=d.first) for d in duplicates]
    if not isinstance(raw, dict):
        return None, problems + [problem(rel, 1, "", "not_mapping")]
    return _validate(raw, lines, rel, problems)


def _validate(raw: dict, lines: dict, rel: str, problems: list[Problem]):
    values: dict[str, Any] = {}
    out_lines: dict[tuple, int] = {}
    for written, value in raw.items():
        key = BY_ALIAS.get(str(written), str(written))
        line = lines.get((written,), 1)
        if key not in BY_KEY:
            close = get_close_matches(str(written), [*BY_KEY, *BY_ALIAS], n=1, cutoff=0.5)
            problems.append(problem(rel, line, str(written), "unknown_key", key=written,
                                    hint_key="report_unknown_key_hint_close" if close else "report_unknown_key_hint",
                                    suggestion=close[0] if close else ""))
            continue
        out_lines[(key,)] = line
        shaped = _shaped(BY_KEY[key], value, written, lines, rel, problems, out_lines)
        if shaped is not None:
            values[key] = shaped
    for f in DATA_FIELDS:
        if f.required and f.key not in values and (f.key,) not in out_lines:
            problems.append(problem(rel, 1, field_label(f.key), "missing", key=f.key, label=f.label))
    if any(p.severity == "error" for p in problems) or not {"organ", "year"} <= set(values):
        return None, problems
    report = ReportData(rel, values.pop("organ"), values.pop("year"), values,
                        values.pop("applications", {}), out_lines)
    return report, problems + arithmetic_problems(report)


def _shaped(f: DataField, value: Any, written, lines: dict, rel: str, problems: list, out_lines: dict):
    where = (rel, lines.get((written,), 1), field_label(f.key))
    if f.shape == "text":
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(*where, "not_text", got=value))
            return None
        return value.strip()
    if f.shape == "year":
        if not (isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100):
            problems.append(problem(*where, "report_year", got=value))
            return None
        return value
    if f.shape == "count":
        return value if _count(value) else problems.append(problem(*where, "report_count", got=value))
    if f.shape == "amount":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        return value if ok else problems.append(problem(*where, "report_amount", got=value))
    if f.shape in ("doc_row", "outcomes"):
        size = len(ACTIVE_DOC_COLUMNS) if f.shape == "doc_row" else len(OUTCOMES)
        return _counts(value, size, where, problems)
    # applications: a mapping of rows
    if not isinstance(value, dict):
        problems.append(problem(*where, "report_rows", hint_key="report_rows_hint"))
        return None
    rows: dict[str, list[int]] = {}
    for written_row, row_value in value.items():
        row = ROW_BY_ALIAS.get(str(written_row), str(written_row))
        line = lines.get((written, written_row), where[1])
        out_lines[(f.key, row)] = line
        if row not in ROW_BY_KEY:
            close = get_close_matches(str(written_row), [*ROW_BY_KEY, *ROW_BY_ALIAS], n=1, cutoff=0.5)
            problems.append(problem(rel, line, field_label(f.key), "unknown_key", key=written_row,
                                    hint_key="report_unknown_key_hint_close" if close else "report_unknown_key_hint",
                                    suggestion=close[0] if close else ""))
            continue
        counts = _counts(row_value, len(APPLICANTS), (rel, line, field_label(f.key, row)), problems)
        if counts is not None:
            rows[row] = counts
    for row in APPLICATION_ROWS:
        if row.key not in rows and (f.key, row.key) not in out_lines:
            problems.append(problem(*where, "report_row_missing", row=row.label, key=row.key, alias=row.alias))
    return rows


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _counts(value: Any, size: int, where: tuple, problems: list) -> list[int] | None:
    if not isinstance(value, list) or len(value) != size or not all(_count(v) for v in value):
        problems.append(problem(*where, "report_counts", size=size, got=value))
        return None
    return value


def arithmetic_problems(report: ReportData) -> list[Problem]:
    """Every sum the format implies, per row and per column; each mismatch
    names the row, the column and the two numbers."""
    found: list[Problem] = []
    apps = report.applications

    def mismatch(loc: tuple, row: str, column: str, written: int, expected: int, rule: str) -> None:
        found.append(problem(report.source_path, report.line(*loc), field_label(*loc), "report_sum",
                             row=row, column=column, written=written, expected=expected, rule=message(rule)))

    wrong_totals = set()
    for row in APPLICATION_ROWS:  # 总计 column = the sum of the six kinds of applicant
        counts = apps.get(row.key)
        if counts and sum(counts[:-1]) != counts[-1]:
            wrong_totals.add(row.key)
            mismatch(("applications", row.key), row.label, APPLICANTS[-1], counts[-1], sum(counts[:-1]),
                     "rule_row_total")
    if all(r.key in apps for r in APPLICATION_ROWS):
        # A wrong 总计 cell was reported above; checking its column again would report it twice.
        columns = APPLICANTS if not wrong_totals else APPLICANTS[:-1]
        for c, column in enumerate(columns):
            results = sum(apps[r.key][c] for r in RESULT_ROWS)
            if results != apps[RESULTS_TOTAL.key][c]:
                mismatch(("applications", RESULTS_TOTAL.key), RESULTS_TOTAL.label, column,
                         apps[RESULTS_TOTAL.key][c], results, "rule_results_total")
            received = apps["new"][c] + apps["carried_in"][c]
            settled = apps[RESULTS_TOTAL.key][c] + apps["carried_out"][c]
            if received != settled:
                mismatch(("applications", "carried_out"), "四、结转下年度继续办理", column,
                         apps["carried_out"][c], received - apps[RESULTS_TOTAL.key][c], "rule_balance")
    for group in REVIEW_GROUPS:
        counts = report.values.get(group.key)
        if counts and sum(counts[:-1]) != counts[-1]:
            mismatch((group.key,), group.label, OUTCOMES[-1], counts[-1], sum(counts[:-1]), "rule_row_total")
    return found


def check_data(reports: list[ReportData], organs: OrganRegistry) -> list[Problem]:
    """Across files: a known organ; one file per organ and year."""
    problems: list[Problem] = []
    first: dict[tuple, ReportData] = {}
    for r in sorted(reports, key=lambda r: r.source_path):
        if organs.organs and organs.get(r.organ) is None:
            near = organs.nearest(r.organ)
            problems.append(problem(r.source_path, r.line("organ"), field_label("organ"), "unknown_publisher",
                                    hint_key="unknown_publisher_hint_close" if near else None,
                                    got=r.organ, suggestion="、".join(near)))
        key = (r.organ, r.year)
        if key in first:
            problems.append(problem(r.source_path, r.line("year"), field_label("year"), "report_twice",
                                    organ=r.organ, year=r.year, other=first[key].source_path))
        else:
            first[key] = r
    return problems
