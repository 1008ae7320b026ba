"""Import a whole export: every row checked, then written all at once.

Nothing is written unless every row passes, or ``skip_bad`` is given: then
the good rows are written and the problems of the others go to
``import-report.txt``. The same export always gives the same bytes: file
names come from the 索引号, keys follow the content model's order, lists are
sorted, and nothing depends on the clock or on the machine.
"""
from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalog_model.problems import ERROR, Problem, problem
from catalog_model.vocabulary import DEFAULT_INDEX_NO_PATTERN, Vocabulary

from .columns import Columns, load_mapping, match_columns
from .report import report, summary
from .rows import Row, convert_body, read_row, validate_row
from .scheme import Scheme, detect, well_formed
from .table import TableError, read_table

ORGANS_FILE = "organs.yaml"
CATALOG_FILE = "catalog.yaml"  # the organ-code scheme and 索引号 format, read by the build
ATTACHMENTS_FILE = "import-attachments.tsv"
REPORT_FILE = "import-report.txt"
PARALLEL_FROM, CHUNK = 1000, 250  # rows: below this, starting workers costs more than it saves
_TOWNSHIP = re.compile(r"(乡|镇|街道)(人民政府|政府|办事处|党委)?$|(乡|镇)人民政府|街道办事处")
_COUNTY_GOVERNMENT = re.compile(r"(县|区|市|旗)人民政府(办公室)?$")


@dataclass
class Result:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # of the file and of every row
    scheme: Scheme | None = None
    columns: Columns | None = None
    written: list[str] = field(default_factory=list)  # files written below the output folder
    organs: int = 0  # organs in the written organs.yaml
    downloads: int = 0  # attachments listed for the operator to download

    @property
    def bad_rows(self) -> list[Row]:
        return [r for r in self.rows if r.failed]

    @property
    def file_failed(self) -> bool:
        """A problem of the whole file (encoding, headers): no row can be imported."""
        return any(p.severity == ERROR and p.line <= 1 for p in self.problems)

    def lines(self) -> list[str]:
        return report(self.problems)


def import_catalog(export: Path, out: Path, mapping_file: Path | None = None, skip_bad: bool = False,
                   vocabulary: Vocabulary | None = None) -> Result:
    result = check_export(export, mapping_file, vocabulary or Vocabulary())
    if result.file_failed or result.scheme is None or (result.bad_rows and not skip_bad):
        return result
    good = [r for r in result.rows if not r.failed]
    files, result.organs, result.downloads = plan_tree(good, result.scheme)
    result.written = write_files(out, files)
    if result.bad_rows:
        text = "\n".join(result.lines()) + "\n"
        (out / REPORT_FILE).write_text(text, encoding="utf-8")
        result.written.append(REPORT_FILE)
    elif (out / REPORT_FILE).exists():
        (out / REPORT_FILE).unlink()  # a report from an earlier import would be stale
    return result


def check_export(export: Path, mapping_file: Path | None, vocabulary: Vocabulary) -> Result:
    source = export.name
    result = Result()
    mapping = None
    if mapping_file is not None:
        mapping, result.problems = load_mapping(mapping_file)
        if result.problems:
            return result
    try:
        table = read_table(export)
    except TableError as exc:
        result.problems.append(problem(source, 0, "", exc.msg_key, **exc.fields))
        return result
    columns, result.problems = match_columns(table.headers, source, mapping)
    result.columns = columns
    if result.problems:
        return result
    if columns.ignored:
        result.problems.append(problem(source, 1, "", "import_columns_ignored", severity="warning",
                                       columns="、".join(columns.ignored)))
    rows = [read_row(n, cells, columns, source) for n, cells in table.rows]
    result.rows = rows
    scheme = _check_index_nos(rows, columns, source)
    result.scheme = scheme
    _check_organs([r for r in rows if scheme and r.code and not scheme.code_problem(r.code)], columns, source)
    pattern = scheme.index_no_pattern if scheme else DEFAULT_INDEX_NO_PATTERN
    rule = Vocabulary(sections=vocabulary.sections, index_no_pattern=pattern,
                      organ_codes=scheme.organ_codes if scheme else vocabulary.organ_codes)
    result.rows = rows = _finish_rows(rows, columns, source, rule, vocabulary)
    for row in rows:
        result.problems += row.problems
    return result


def _finish(rows: list[Row], columns: Columns, source: str, rule: Vocabulary, vocabulary: Vocabulary) -> list[Row]:
    for row in rows:
        convert_body(row, columns, source)
        validate_row(row, columns, source, rule, _item_path(row, vocabulary))
    return rows


def _finish_rows(rows: list[Row], columns: Columns, source: str, rule: Vocabulary,
                 vocabulary: Vocabulary) -> list[Row]:
    """Convert and check the rows, in worker processes for a large export (one per
    core, rows in chunks); the result is the same, in the same order."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(rows) < PARALLEL_FROM:
        return _finish(rows, columns, source, rule, vocabulary)
    chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        done = pool.map(_finish, chunks, *([x] * len(chunks) for x in (columns, source, rule, vocabulary)))
        return [row for chunk in done for row in chunk]


def _check_index_nos(rows: list[Row], columns: Columns, source: str) -> Scheme | None:
    """Duplicates and unreadable 索引号 are row problems; the rest decide the scheme,
    against which every row's organ code is then checked."""
    column = columns.column("index_no")
    by_number = {r.number: r for r in rows}
    numbers = defaultdict(list)
    for row in rows:
        if "index_no" in row.meta:
            # Pages are files: two 索引号 differing only in case are one file on Windows and macOS.
            numbers[row.meta["index_no"].lower()].append(row.number)
    for found in numbers.values():
        index_no = by_number[found[0]].meta["index_no"]
        if len(found) < 2:
            continue
        # Which of the rows is right cannot be told, so none of them is imported.
        by_number[found[0]].problems.append(problem(source, found[0], column, "import_duplicate_index_no_first",
                                                    index_no=index_no, others="、".join(map(str, found[1:]))))
        for n in found[1:]:
            by_number[n].problems.append(problem(source, n, column, "import_duplicate_index_no",
                                                 index_no=by_number[n].meta["index_no"], first=found[0]))
    readable = [r for r in rows if well_formed(r.meta.get("index_no") or "")]
    for row in rows:
        if "index_no" in row.meta and row not in readable:
            row.problems.append(problem(source, row.number, column, "import_index_no_format",
                                        got=row.meta["index_no"]))
    if not readable:
        return None
    scheme = detect([r.meta["index_no"] for r in readable])
    for row in readable:
        msg_key = scheme.code_problem(row.code)
        if msg_key:
            row.problems.append(problem(source, row.number, column, msg_key, code=row.code,
                                        scheme=_scheme_name(scheme)))
    return scheme


def _scheme_name(scheme: Scheme) -> str:
    from catalog_model.text import message
    return message(f"import_scheme_{scheme.organ_code_scheme}")


def _check_organs(rows: list[Row], columns: Columns, source: str) -> None:
    """One code per publisher and one publisher per code: the registry is built from them.
    (Rows whose code is wrong for the scheme were reported already and are left out.)"""
    codes_of: dict[str, Counter] = defaultdict(Counter)
    names_of: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if row.code and row.meta.get("publisher"):
            codes_of[row.meta["publisher"]][row.code] += 1
            names_of[row.code.lower()][row.meta["publisher"]] += 1  # organ pages are folders too
    for row in rows:
        name, code = row.meta.get("publisher"), row.code
        if not (name and code):
            continue
        usual = _most_common(codes_of[name])
        if code != usual:
            row.problems.append(problem(source, row.number, columns.column("index_no"), "import_organ_two_codes",
                                        publisher=name, code=code, usual=usual))
            continue
        other = _most_common(names_of[code.lower()])
        if name != other:
            row.problems.append(problem(source, row.number, columns.column("publisher"),
                                        "import_code_two_organs", publisher=name, code=code, other=other))


def _most_common(counts: Counter) -> str:
    # Most rows decide; on a tie the first in sort order, so the answer never depends on row order.
    return min(counts, key=lambda k: (-counts[k], k))


def _item_path(row: Row, vocabulary: Vocabulary) -> str:
    """<section slug>/<索引号>.md: the file name is the 索引号, as the item's URL is."""
    sections = dict(vocabulary.sections)
    folder = sections.get(row.meta.get("category"), "items")
    return f"{folder}/{row.meta.get('index_no') or f'row-{row.number}'}.md"


def organ_kind(name: str) -> str:
    if _TOWNSHIP.search(name):
        return "乡镇"
    if _COUNTY_GOVERNMENT.search(name):
        return "县政府"
    return "县直部门"


def plan_tree(rows: list[Row], scheme: Scheme) -> tuple[dict[str, str], int, int]:
    """Every file of the imported tree (path -> text), the number of organs and of downloads."""
    files: dict[str, str] = {r.path: r.text for r in rows}
    organs = sorted({(r.meta["publisher"], r.code) for r in rows}, key=lambda o: (o[1], o[0]))
    files[ORGANS_FILE] = _organs_yaml(organs)
    files[CATALOG_FILE] = (f"# {summary('import_catalog_comment')}\n"
                           + yaml.dump(scheme.settings(), Dumper=yaml.SafeDumper, allow_unicode=True,
                                       sort_keys=False, width=1_000_000))
    downloads = sorted({(a.url, a.file) for r in rows for a in (r.body.attachments if r.body else [])},
                       key=lambda d: (d[1], d[0]))
    files[ATTACHMENTS_FILE] = "old_url\tpath\n" + "".join(f"{url}\t{path}\n" for url, path in downloads)
    return files, len(organs), len(downloads)


def write_files(out: Path, files: dict[str, str]) -> list[str]:
    """Write each file; one whose bytes are already there keeps its modification time."""
    for rel, text in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    return sorted(files)


def _organs_yaml(organs: list[tuple[str, str]]) -> str:
    entries = [{"name": name, "code": code, "kind": organ_kind(name)} for name, code in organs]
    head = f"# {summary('import_organs_comment')}\n"
    return head + yaml.dump(entries, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False,
                            default_style=None, width=1_000_000)
