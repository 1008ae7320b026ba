"""CMS exports written by the import tests: the rows a county's old system
gives, in CSV (UTF-8, GB18030) and .xlsx, with the headers clerks use."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from catalog_helpers import COUNTY, TOWN

# Headers as one CMS names them (variants of the usual names on purpose).
HEADERS = ["索引号", "名称", "发文机关", "发文日期", "生成日期", "发文字号", "主题分类", "文种", "时效",
           "栏目", "正文", "原网址", "关键词", "备注"]
OLD_SITE = "http://www.qinghe.gov.cn"


def good_rows() -> list[dict]:
    """Rows that import cleanly, each typed the way a clerk would."""
    return [
        {"索引号": f"{COUNTY}/2021-00001", "名称": "清河县人民政府关于做好2021年春耕生产工作的通知",
         "发文机关": "清河县人民政府", "发文日期": "2021/3/5", "生成日期": "2021年3月1日",
         "发文字号": "清政[2021]3号", "主题分类": "农业、林业、水利/农业", "文种": "通知", "时效": "现行有效",
         "栏目": "政策文件", "关键词": "春耕、补贴",
         "正文": '<p>各乡镇人民政府：</p><table><tr><th>项目</th><th>金额（元）</th></tr>'
                 '<tr><td>种子补贴</td><td>100</td></tr></table>'
                 '<p>附件：<a href="/module/download/P020210305.pdf">补贴标准表</a></p>'
                 '<p><img src="../../../picture/0/spring.jpg" alt="春耕现场"></p>',
         "原网址": f"{OLD_SITE}/art/2021/3/5/art_12_345.html", "备注": "无"},
        {"索引号": f"{COUNTY}/2021-00002", "名称": "清河县人民政府关于2020年度预算执行情况的报告",
         "发文机关": "清河县人民政府", "发文日期": "2021.03.20", "生成日期": "", "发文字号": "",
         "主题分类": "", "文种": "报告", "时效": "", "栏目": "财政信息", "关键词": "",
         "正文": '<table><tr><td rowspan="2">收入</td><td>税收</td></tr><tr><td>非税</td></tr></table>',
         "原网址": f"{OLD_SITE}/col/col12/index.html?uid=7&pageNum=2", "备注": ""},
        {"索引号": f"{TOWN}/2021-00001", "名称": "连庄镇召开防汛工作会议", "发文机关": "连庄镇人民政府",
         "发文日期": "2021-06-01", "生成日期": "", "发文字号": "", "主题分类": "", "文种": "",
         "时效": "", "栏目": "工作动态", "关键词": "",
         "正文": "6月1日，连庄镇召开防汛工作会议。\n1. 落实责任；\n2. 备足物资。",
         "原网址": "", "备注": ""},
    ]


def rows_table(rows: list[dict], headers: list[str] = HEADERS) -> list[list]:
    return [headers] + [[row.get(h, "") for h in headers] for row in rows]


def write_csv(path: Path, rows: list[dict], encoding: str = "utf-8", headers: list[str] = HEADERS) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows_table(rows, headers))
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[dict], headers: list[str] = HEADERS) -> Path:
    """An .xlsx made as Excel would: dates as date cells (one as a bare serial number)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for n, values in enumerate(rows_table(rows, headers)):
        if n:
            values = [_cell(h, v, n) for h, v in zip(headers, values, strict=True)]
        sheet.append(values)
    book.save(path)
    return path


def _cell(header: str, value, n: int):
    if header not in ("发文日期", "生成日期") or not value:
        return value
    day = dt.date(*map(int, re.findall(r"\d+", value)))  # the test rows' dates: year, month, day in order
    if n == 2:  # a date cell formatted "General": Excel's serial day number
        return (day - dt.date(1899, 12, 30)).days
    return dt.datetime(day.year, day.month, day.day)
