"""Read the rows of a CMS metadata export.

CSV comes in UTF-8 (with or without BOM) or GB18030 (what Excel on a Chinese
Windows saves as "CSV"); the encoding is detected from the bytes, never
assumed: a file that decodes as neither is one clear error. ``.xlsx`` is read
with openpyxl; date cells arrive as dates.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first
record row 2 (a CSV record with line breaks inside quotes is still one row).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UTF8_BOM = b"\xef\xbb\xbf"
# Characters that never appear in a real export; seeing them after decoding as
# GB18030 means the bytes were something else (Latin-1, UTF-16 …).
_IMPLAUSIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


class TableError(Exception):
    """The file cannot be read as a table at all (one message for the whole file)."""

    def __init__(self, msg_key: str, **fields):
        super().__init__(msg_key)
        self.msg_key, self.fields = msg_key, fields


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number, cells), blank rows left out
    encoding: str  # utf-8, utf-8-sig, gb18030 or xlsx


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise TableError("import_no_file", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise TableError("import_xls")
    return _read_csv(path.read_bytes())


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV export and the encoding it was in."""
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _encoding_error(data, exc) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise _encoding_error(data, utf8_error) from None
        bad = _IMPLAUSIBLE.search(text)
        if bad:
            raise _encoding_error(data, utf8_error) from None
        return text, "gb18030"


def _encoding_error(data: bytes, exc: UnicodeDecodeError) -> TableError:
    return TableError("import_encoding", at=data[: exc.start].count(b"\n") + 1)


def _read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as exc:
        raise TableError("import_csv_syntax", row=reader.line_num, problem=str(exc)) from None
    if not records:
        raise TableError("import_empty")
    rows = [(n, cells) for n, cells in enumerate(records[1:], 2) if any(c.strip() for c in cells)]
    return Table(list(records[0]), rows, encoding)


def _read_xlsx(path: Path) -> Table:
    # Imported here: only .xlsx exports need it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise TableError("import_xlsx_unreadable", problem=str(exc)) from None
    try:
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = next(values, None)
        if header is None:
            raise TableError("import_empty")
        rows = []
        for n, cells in enumerate(values, 2):
            cells = ["" if c is None else c for c in cells]
            if any(str(c).strip() for c in cells):
                rows.append((n, cells))
    finally:
        book.close()
    return Table(["" if h is None else str(h) for h in header], rows, "xlsx")
