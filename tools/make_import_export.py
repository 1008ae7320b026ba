"""Write a CMS metadata export, as a county's old system gives it, from a
generated catalog (``tools/make_corpus.py``): for the import's tests and figures.

    python tools/make_import_export.py COUNT EXPORT.csv|EXPORT.xlsx [--encoding gb18030] [--corpus DIR]

Each published or withdrawn item of the corpus becomes a row, typed the way
clerks type: CMS header names, dates as 2021/3/5, 2021年3月5日 or 2021.03.05,
文号 in square brackets, 有效性 as 现行有效 or 已废止, 主题分类 with ``/``, 主题词
joined with 、, the body as HTML (tables included) with a link to its
attachment on the old site, and the item's address there (原网址). The corpus
is written to ``--corpus`` (a temporary folder otherwise): its ``files/`` are
what the operator would download. The same arguments give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
from pathlib import Path

import markdown
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus

OLD_SITE = "http://www.qinghe.gov.cn"
HEADERS = ["索引号", "标题", "发布机构", "发布日期", "成文日期", "文号", "主题分类", "体裁", "有效性",
           "信息类别", "正文", "原网址", "关键词", "内容概述", "有效期至"]
VALIDITY_SPELLINGS = {"有效": ("有效", "现行有效"), "废止": ("废止", "已废止"), "失效": ("失效", "已失效"),
                      "已修改": ("已修改", "已修订")}


def _date(rng: random.Random, value) -> str:
    if not value:
        return ""
    y, m, d = value.year, value.month, value.day
    return rng.choice([f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{y}.{m:02d}.{d:02d}", f"{value}"])


def old_url(meta: dict, n: int) -> str:
    day = meta["date"]
    return f"{OLD_SITE}/art/{day.year}/{day.month}/{day.day}/art_{n}.html"


def export_rows(corpus: Path) -> list[list[str]]:
    """One row per published or withdrawn item of a generated corpus, in file order."""
    rows = []
    to_html = markdown.Markdown(extensions=["tables"])
    for n, path in enumerate(sorted(corpus.glob("*/*.md"))):
        head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = yaml.safe_load(head.removeprefix("---\n"))
        if meta.get("status") == "draft":
            continue
        rng = random.Random(f"export:{n}")
        html = to_html.reset().convert(body)
        for attachment in meta.get("attachments", []):
            html += f'<p><a href="/{attachment["file"]}">{attachment["title"]}</a></p>'
        validity = meta.get("validity")
        rows.append([
            meta["index_no"], meta["title"], meta["publisher"], _date(rng, meta["date"]),
            _date(rng, meta.get("written")), (meta.get("doc_no") or "").replace("〔", "[").replace("〕", "]"),
            (meta.get("topic") or "").replace("\\", "/"), meta.get("genre") or "",
            rng.choice(VALIDITY_SPELLINGS[validity]) if validity else "", meta["category"], html,
            old_url(meta, n), "、".join(meta.get("keywords", [])), meta.get("summary") or "",
            _date(rng, meta.get("expires"))])
    return rows


def write_export(rows: list[list[str]], out: Path, encoding: str = "utf-8-sig") -> None:
    if out.suffix == ".xlsx":
        from openpyxl import Workbook
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for row in [HEADERS] + rows:
            sheet.append(row)
        book.save(out)
        return
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADERS] + rows)
    out.write_bytes(buffer.getvalue().encode(encoding))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="items in the generated corpus (drafts are not exported)")
    parser.add_argument("out", type=Path, help="the export to write: .csv or .xlsx")
    parser.add_argument("--encoding", default="utf-8-sig", help="for CSV: utf-8-sig (default), utf-8, gb18030")
    parser.add_argument("--corpus", type=Path, help="where to write the corpus (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp)
        make_corpus.generate(corpus, args.count, args.seed, attachments=True)
        rows = export_rows(corpus)
        write_export(rows, args.out, args.encoding)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
