"""Accessible tables in the official layout, and their CSV exports.

A table is a list of header rows and body rows of cells. Every header cell
has an id; every data cell lists, in ``headers``, the ids of all the header
cells above it and to its left (WCAG 1.3.1, H43): with headers spanning
several rows and columns, ``scope`` alone cannot tell a screen reader which
headers apply. The CSV holds the same rows, header texts flattened.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str
    header: bool = False
    id: str = ""
    colspan: int = 1
    rowspan: int = 1
    scope: str = ""  # "col", "row", "colgroup", "rowgroup" for header cells
    headers: str = ""  # ids, for data cells
    numeric: bool = False


@dataclass
class Table:
    key: str  # for ids and the CSV file name
    caption: str
    head: list[list[Cell]] = field(default_factory=list)
    body: list[list[Cell]] = field(default_factory=list)
    csv_header: list[str] = field(default_factory=list)
    csv_rows: list[list[str]] = field(default_factory=list)
    csv_name: str = ""  # set when the table is exported

    def csv_bytes(self) -> bytes:
        """UTF-8 with a BOM, so that a spreadsheet opens it as UTF-8; CRLF as RFC 4180 says."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.csv_header)
        writer.writerows(self.csv_rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")


def number(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return str(value)


def simple_table(key: str, caption: str, corner: str, columns: list[str],
                 rows: list[tuple[str, list]]) -> Table:
    """One header row, one row header per row."""
    table = Table(key, caption)
    col_ids = [f"{key}-c{i}" for i in range(len(columns))]
    table.head = [[Cell(corner, True, f"{key}-corner", scope="col"),
                   *(Cell(c, True, i, scope="col") for c, i in zip(columns, col_ids, strict=False))]]
    for r, (label, values) in enumerate(rows):
        row_id = f"{key}-r{r}"
        table.body.append([Cell(label, True, row_id, scope="row"),
                           *(Cell(number(v), headers=f"{c} {row_id}", numeric=True)
                             for v, c in zip(values, col_ids, strict=False))])
        table.csv_rows.append([label, *(number(v) for v in values)])
    table.csv_header = [corner, *columns]
    return table
