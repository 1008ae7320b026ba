"""The 年报 statistics: computed from the catalog in one pass, joined with the
writer's data file, checked, and laid out as the official tables.

From the catalog, per organ and year (and the county, the sum of all organs):
section 二's first table — 规章 and 行政规范性文件 (settings
``CATALOG_REPORT_REGULATIONS`` / ``CATALOG_REPORT_NORMATIVE``): 本年制发件数
(by 成文日期, else 发布日期), 本年废止件数 (废止 items, in the year of their
废止依据's 发布日期) and 现行有效件数 at 31 December (issued by then, not yet
repealed, not past 有效期至; a 失效/已修改/废止 item with no date to place it
is not counted as in force) — and the items published by section.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from catalog_model.catalog import Catalog
from catalog_model.problems import Problem, problem

from .report_data import ReportData, field_label
from .report_format import (ACTIVE_COUNTS, ACTIVE_DOC_COLUMNS, ACTIVE_DOC_ROWS, ACTIVE_FEES, APPLICANT_GROUP,
                            APPLICANTS, APPLICATION_ROWS, OUTCOMES, RESULT_ROWS, RESULTS_HEADING, REVIEW_GROUPS)
from .selectors import Selector
from .tables import Cell, Table, number, simple_table

COUNTY = ""  # the key of the county-wide figures


@dataclass
class Computed:
    """Figures from the catalog for one organ (or the county) and one year."""

    docs: dict[str, list[int]] = field(default_factory=lambda: {r.key: [0, 0, 0] for r in ACTIVE_DOC_ROWS})
    by_section: Counter = field(default_factory=Counter)


class CatalogFigures:
    """Everything the 年报 computes from the catalog, gathered in one pass."""

    def __init__(self, catalog: Catalog, regulations: Selector, normative: Selector):
        self._issued: dict[tuple, Counter] = defaultdict(Counter)  # (organ, kind) -> year -> n
        self._repealed: dict[tuple, Counter] = defaultdict(Counter)
        self._starts: dict[tuple, Counter] = defaultdict(Counter)  # in force from the end of this year
        self._ends: dict[tuple, Counter] = defaultdict(Counter)  # … until the end of the year before this
        self._sections: dict[tuple, Counter] = defaultdict(Counter)  # (organ, year) -> section -> n
        for listed in catalog.listed:
            item = listed.meta
            for organ in (item.publisher, COUNTY):
                self._sections[organ, item.date.year][item.category] += 1
            kind = "regulations" if regulations.matches(item) else "normative" if normative.matches(item) else None
            if kind is None:
                continue
            issued = (item.written or item.date).year
            end = _end_year(item, catalog)
            repealed = _repeal_date(item, catalog)
            for organ in (item.publisher, COUNTY):
                self._issued[organ, kind][issued] += 1
                if repealed:
                    self._repealed[organ, kind][repealed.year] += 1
                if end is None or end > issued:
                    self._starts[organ, kind][issued] += 1
                    if end is not None:
                        self._ends[organ, kind][end] += 1

    def computed(self, organ: str, year: int) -> Computed:
        out = Computed(by_section=Counter(self._sections.get((organ, year), {})))
        for row in ACTIVE_DOC_ROWS:
            key = (organ, row.key)
            in_force = (sum(n for y, n in self._starts[key].items() if y <= year)
                        - sum(n for y, n in self._ends[key].items() if y <= year))
            out.docs[row.key] = [self._issued[key][year], self._repealed[key][year], in_force]
        return out


def _repeal_date(item, catalog: Catalog) -> dt.date | None:
    if item.validity != "废止":
        return None
    dates = [catalog.by_index[i].meta.date for i in item.repealed_by if i in catalog.by_index]
    return min(dates) if dates else None


def _end_year(item, catalog: Catalog) -> int | None:
    """The first year at whose end the item is no longer in force (None: still in force).
    Unknowable (失效 … with no date) counts as never in force."""
    ends = []
    repealed = _repeal_date(item, catalog)
    if repealed:
        ends.append(repealed.year)
    if item.expires:  # in force at 31 December of year Y only when expires >= that day
        ends.append(item.expires.year + (1 if item.expires >= dt.date(item.expires.year, 12, 31) else 0))
    if ends:
        return min(ends)
    return None if item.validity in (None, "有效") else (item.written or item.date).year


def computed_problems(report: ReportData, computed: Computed) -> list[Problem]:
    """Typed 规章/行政规范性文件 figures that disagree with the catalog's."""
    found = []
    for row in ACTIVE_DOC_ROWS:
        typed = report.values.get(row.key)
        for c, column in enumerate(ACTIVE_DOC_COLUMNS):
            if typed and typed[c] != computed.docs[row.key][c]:
                found.append(problem(report.source_path, report.line(row.key), field_label(row.key),
                                     "report_computed", row=row.label, column=column, written=typed[c],
                                     expected=computed.docs[row.key][c]))
    return found


def summed(reports: list[ReportData]) -> dict:
    """The county's typed figures: the sum over its organs' files for the year."""
    values: dict = {}
    for r in reports:
        for key, value in [*r.values.items(), *(("applications." + k, v) for k, v in r.applications.items())]:
            if isinstance(value, list):
                values[key] = [a + b for a, b in zip(values.get(key, [0] * len(value)), value, strict=False)]
            else:
                values[key] = values.get(key, 0) + value
    return values


def report_tables(key: str, values: dict, computed: Computed, sections: list[str]) -> list[Table]:
    """The report's tables in the official order; ``values`` as typed (or summed),
    with application rows under ``applications.<row>``."""
    return [
        simple_table(f"{key}-t1", "二（一）第二十条第（一）项", "信息内容", list(ACTIVE_DOC_COLUMNS),
                     [(r.label, computed.docs[r.key]) for r in ACTIVE_DOC_ROWS]),
        simple_table(f"{key}-t2", "二（二）第二十条第（五）项", "信息内容", ["本年处理决定数量"],
                     [(r.label, [values.get(r.key, 0)]) for r in ACTIVE_COUNTS[:1]]),
        simple_table(f"{key}-t3", "二（三）第二十条第（六）项", "信息内容", ["本年处理决定数量"],
                     [(r.label, [values.get(r.key, 0)]) for r in ACTIVE_COUNTS[1:]]),
        simple_table(f"{key}-t4", "二（四）第二十条第（八）项", "信息内容", ["本年收费金额（单位：万元）"],
                     [(ACTIVE_FEES.label, [values.get(ACTIVE_FEES.key, 0)])]),
        simple_table(f"{key}-t5", "二（五）本年主动公开信息数（按信息类别）", "信息类别", ["条数"],
                     [(name, [computed.by_section.get(name, 0)]) for name in sections]),
        applications_table(f"{key}-t6", values),
        reviews_table(f"{key}-t7", values),
    ]


def applications_table(key: str, values: dict) -> Table:
    """三、收到和处理政府信息公开申请情况, with its three levels of row and column headers."""
    table = Table(key, "三、收到和处理政府信息公开申请情况")
    ids = {name: f"{key}-c{i}" for i, name in enumerate(APPLICANTS)}
    top, group = f"{key}-applicants", f"{key}-org"
    corner = Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3)
    table.head = [
        [corner, Cell("申请人情况", True, top, colspan=len(APPLICANTS), scope="colgroup")],
        [Cell(APPLICANTS[0], True, ids[APPLICANTS[0]], rowspan=2, scope="col"),
         Cell(APPLICANT_GROUP, True, group, colspan=len(APPLICANTS) - 2, scope="colgroup"),
         Cell(APPLICANTS[-1], True, ids[APPLICANTS[-1]], rowspan=2, scope="col")],
        [Cell(name, True, ids[name], scope="col") for name in APPLICANTS[1:-1]],
    ]
    column_headers = [f"{ids[n]} {top}" + (f" {group}" if 0 < i < len(APPLICANTS) - 1 else "")
                      for i, n in enumerate(APPLICANTS)]
    results_id = f"{key}-results"
    result_keys = {r.key for r in RESULT_ROWS} | {"total"}
    n_results = len(RESULT_ROWS) + 1
    seen_groups: set[str] = set()
    groups = list(dict.fromkeys(r.group for r in RESULT_ROWS if r.group))
    for r, row in enumerate(APPLICATION_ROWS):
        row_id = f"{key}-r{r}"
        cells: list[Cell] = []
        headers = row_id
        if row.key in result_keys:
            if not seen_groups and row.key == RESULT_ROWS[0].key:
                cells.append(Cell(RESULTS_HEADING, True, results_id, rowspan=n_results, scope="rowgroup"))
                seen_groups.add("")
            headers = f"{row_id} {results_id}"
            if row.group:
                gid = f"{key}-g{groups.index(row.group)}"
                if row.group not in seen_groups:
                    size = sum(1 for x in RESULT_ROWS if x.group == row.group)
                    cells.append(Cell(row.group, True, gid, rowspan=size, scope="rowgroup"))
                    seen_groups.add(row.group)
                headers += f" {gid}"
                cells.append(Cell(row.label, True, row_id, scope="row"))
            else:
                cells.append(Cell(row.label, True, row_id, colspan=2, scope="row"))
        else:
            cells.append(Cell(row.label, True, row_id, colspan=3, scope="row"))
        counts = values.get(f"applications.{row.key}", [0] * len(APPLICANTS))
        cells += [Cell(number(v), headers=f"{column_headers[c]} {headers}", numeric=True)
                  for c, v in enumerate(counts)]
        table.body.append(cells)
        label = " ".join(x for x in (RESULTS_HEADING if row.key in result_keys else "", row.group, row.label) if x)
        table.csv_rows.append([label, *(number(v) for v in counts)])
    table.csv_header = ["项目", *APPLICANTS]
    return table


def reviews_table(key: str, values: dict) -> Table:
    """四、政府信息公开行政复议、行政诉讼情况: 15 columns under two levels of headers."""
    table = Table(key, "四、政府信息公开行政复议、行政诉讼情况")
    review, suit = REVIEW_GROUPS[0], REVIEW_GROUPS[1:]
    suit_id = f"{key}-suit"
    row1 = [Cell(review.label, True, f"{key}-{review.key}", colspan=len(OUTCOMES), scope="colgroup"),
            Cell("行政诉讼", True, suit_id, colspan=len(OUTCOMES) * len(suit), scope="colgroup")]
    row2: list[Cell] = []
    row3: list[Cell] = []
    data: list[Cell] = []
    csv_header: list[str] = []
    for g in REVIEW_GROUPS:
        gid = f"{key}-{g.key}"
        if g is not review:
            row2.append(Cell(g.alias, True, gid, colspan=len(OUTCOMES), scope="colgroup"))
        for o, outcome in enumerate(OUTCOMES):
            oid = f"{gid}-o{o}"
            (row2 if g is review else row3).append(
                Cell(outcome, True, oid, rowspan=2 if g is review else 1, scope="col"))
            counts = values.get(g.key, [0] * len(OUTCOMES))
            data.append(Cell(number(counts[o]), headers=f"{oid} {gid}" + ("" if g is review else f" {suit_id}"),
                             numeric=True))
            csv_header.append(f"{g.label}：{outcome}")
    table.head = [row1, row2, row3]
    table.body = [data]
    table.csv_header = csv_header
    table.csv_rows = [[c.text for c in data]]
    return table
