"""Write a synthetic CMS metadata export for the import benchmark.

    python tools/make_import_export.py 10000 export.csv [--encoding gb18030|utf-8] [--xlsx]

Rows look like a county CMS's: variant headers, dates typed several ways,
文号 in square brackets, 有效性 synonyms, HTML bodies with paragraphs, a
table and an attachment link. Deterministic: the same count gives the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from catalog_model.organs import check_character  # noqa: E402
from catalog_model.vocabulary import DEFAULT_SECTIONS, GENRES, TOPICS  # noqa: E402

HEADERS = ["索引号", "标题", "发布机构", "发布日期", "成文日期", "文号", "主题分类", "体裁", "有效性",
           "信息类别", "正文", "原网址", "关键词"]
ORGANS = ["清河县人民政府", "清河县人民政府办公室", "清河县财政局", "清河县教育局", "清河县民政局",
          "清河县卫生健康局", "连庄镇人民政府", "葛仙庄镇人民政府", "王官庄镇人民政府", "城关街道办事处"]
WORDS = "关于 做好 进一步 加强 全县 工作 实施 方案 通知 公告 意见 年度 预算 决算 民生 就业 教育 医疗 农业 安全".split()


def code(n: int) -> str:
    first17 = f"11130534{n:08d}0"
    return first17 + check_character(first17)


def rows(count: int):
    rng = random.Random(20240601)
    serials: dict[tuple[int, int], int] = {}
    for n in range(count):
        organ = rng.randrange(len(ORGANS))
        year = 2015 + n * 10 // count
        serials[organ, year] = serials.get((organ, year), 0) + 1
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice([f"{year}/{month}/{day}", f"{year}年{month}月{day}日", f"{year}.{month:02d}.{day:02d}",
                           f"{year}-{month:02d}-{day:02d}"])
        section = rng.choice(DEFAULT_SECTIONS)[0]
        title = "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10)))
        body = "".join(f"<p>{''.join(rng.choice(WORDS) for _ in range(rng.randint(10, 60)))}。</p>"
                       for _ in range(rng.randint(2, 8)))
        if n % 3 == 0:
            body += "<table><tr><th>项目</th><th>金额</th></tr>" + "".join(
                f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(1, 9999)}</td></tr>" for _ in range(5)) + "</table>"
        if n % 4 == 0:
            body += f'<p>附件：<a href="/module/download/P0{n:07d}.pdf">附件{n}</a></p>'
        yield [f"{code(organ + 1)}/{year}-{serials[organ, year]:05d}", title, ORGANS[organ], date, "",
               f"清政[{year}]{n % 300 + 1}号" if n % 5 == 0 else "", rng.choice(TOPICS[1:]),
               rng.choice(GENRES), rng.choice(["有效", "现行有效", "失效", "已废止"]), section, body,
               f"http://www.qinghe.gov.cn/art/{year}/{month}/{day}/art_{n}.html", "、".join(rng.sample(WORDS, 3))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--encoding", default="utf-8-sig")
    args = parser.parse_args()
    if args.out.suffix == ".xlsx":
        from openpyxl import Workbook
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADERS)
        for row in rows(args.count):
            sheet.append(row)
        book.save(args.out)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(rows(args.count))
    args.out.write_bytes(buffer.getvalue().encode(args.encoding))


if __name__ == "__main__":
    main()
