"""make import: a county CMS export (CSV in UTF-8 or GB18030, .xlsx) becomes a
content tree that the build accepts as it is."""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from catalog_helpers import COUNTY, ROOT, TOWN, tree_bytes
from import_exports import HEADERS, OLD_SITE, good_rows, write_csv, write_xlsx
from personal_numbers import make_id

from catalog_import.tree import ATTACHMENTS_FILE, CATALOG_FILE, REPORT_FILE, import_catalog
from catalog_model.vocabulary import DEFAULT_INDEX_NO_PATTERN


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def item_file(out, section, index_no):
    return out / section / f"{index_no}.md"


def download_attachments(out):
    """What the operator does with import-attachments.tsv (here: a stand-in file per row)."""
    lines = (out / ATTACHMENTS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "old_url\tpath"
    for line in lines[1:]:
        url, path = line.split("\t")
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(f"downloaded from {url}\n".encode())
    return [line.split("\t") for line in lines[1:]]


def tree_problems(root):
    """What the build's validation says about a content tree (no build)."""
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree({"PATH": str(root), "ARTICLE_EXCLUDES": ["files"], "CATALOG_REFERENCE_DATE": "2026-01-01"})
    return [str(p) for p in sorted(problems)]


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "import_catalog.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_utf8_csv_becomes_items_organs_and_catalog_settings(tmp_path):
    rows = good_rows()
    export = write_csv(tmp_path / "export.csv", rows, "utf-8-sig")
    out = tmp_path / "out"
    result = import_catalog(export, out)
    assert not result.bad_rows, result.lines()

    first = front_matter(item_file(out, "policies", rows[0]["索引号"]))
    assert first["title"] == rows[0]["名称"]
    assert str(first["date"]) == "2021-03-05" and str(first["written"]) == "2021-03-01"
    assert first["doc_no"] == "清政〔2021〕3号" and first["validity"] == "有效"
    assert first["topic"] == "农业、林业、水利\\农业" and first["keywords"] == ["春耕", "补贴"]
    assert first["source_url"] == rows[0]["原网址"]
    keys = list(first)
    from catalog_model.schema import FIELDS
    assert keys == [k for k in FIELDS if k in keys], "keys follow the content model's order"

    organs = yaml.safe_load((out / "organs.yaml").read_text(encoding="utf-8"))
    assert {(o["name"], o["code"], o["kind"]) for o in organs} == {
        ("清河县人民政府", COUNTY, "县政府"), ("连庄镇人民政府", TOWN, "乡镇")}
    settings = yaml.safe_load((out / CATALOG_FILE).read_text(encoding="utf-8"))
    assert settings == {"organ_code_scheme": "uscc", "index_no_pattern": DEFAULT_INDEX_NO_PATTERN}

    # Attachments are listed for download, never fetched, and the items point at them.
    downloads = dict(download_attachments(out))
    assert downloads == {f"{OLD_SITE}/module/download/P020210305.pdf":
                         f"files/{rows[0]['索引号']}/P020210305.pdf",
                         f"{OLD_SITE}/art/picture/0/spring.jpg": f"files/{rows[0]['索引号']}/spring.jpg"}
    assert [a["file"] for a in first["attachments"]] == [f"files/{rows[0]['索引号']}/P020210305.pdf"]
    body = item_file(out, "policies", rows[0]["索引号"]).read_text(encoding="utf-8")
    assert "| 种子补贴 | 100 |" in body, "a simple table becomes a Markdown table"
    assert "../../attachments/files/" in body and OLD_SITE + "/module" not in body
    assert f"](files/{rows[0]['索引号']}/spring.jpg)" in body, "a body image is written as its content path"
    second = item_file(out, "finance", rows[1]["索引号"]).read_text(encoding="utf-8")
    assert 'rowspan="2"' in second, "a table with merged cells is kept as HTML"
    third = item_file(out, "news", rows[2]["索引号"]).read_text(encoding="utf-8")
    assert "1\\. 落实责任" in third, "plain text is not turned into a list by accident"

    # The build's own validation accepts the tree as written.
    assert tree_problems(out) == []
    assert "备注" in "\n".join(result.lines()), "a column that matches no field is reported"


def test_gb18030_csv_and_xlsx_give_the_same_tree_as_utf8(tmp_path):
    rows = good_rows()
    trees = {}
    for name, export in (("utf8", write_csv(tmp_path / "u.csv", rows, "utf-8")),
                         ("gb18030", write_csv(tmp_path / "g.csv", rows, "gb18030")),
                         ("xlsx", write_xlsx(tmp_path / "x.xlsx", rows))):
        result = import_catalog(export, tmp_path / name)
        assert not result.bad_rows, result.lines()
        trees[name] = tree_bytes(tmp_path / name)
    assert trees["utf8"] == trees["gb18030"] == trees["xlsx"]


def test_reimport_is_byte_identical_and_keeps_mtimes(tmp_path):
    export = write_csv(tmp_path / "e.csv", good_rows())
    out = tmp_path / "out"
    import_catalog(export, out)
    first = tree_bytes(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    import_catalog(export, out)
    import_catalog(export, tmp_path / "again")
    assert tree_bytes(out) == first == tree_bytes(tmp_path / "again")
    assert mtimes == {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_file_in_neither_encoding_is_one_clear_error(tmp_path):
    export = tmp_path / "utf16.csv"
    export.write_bytes(",".join(HEADERS).encode("utf-16"))
    result = run_cli(export, tmp_path / "out")
    assert result.returncode == 1
    assert "utf16.csv: 文件既不是 UTF-8 也不是 GB18030" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_missing_required_column_is_named(tmp_path):
    headers = [h for h in HEADERS if h != "栏目"]
    export = write_csv(tmp_path / "e.csv", good_rows(), headers=headers)
    result = import_catalog(export, tmp_path / "out")
    assert [line for line in result.lines() if "缺少必需的列" in line] == [
        line for line in result.lines() if line.startswith("e.csv:row 1: 信息类别(category): 缺少必需的列")]
    assert not (tmp_path / "out").exists()


def _defective_rows():
    """One defect per row, after the good rows (which are rows 2-4)."""
    base = dict(good_rows()[2], 正文="简短的正文。")
    bad_code = COUNTY[:-1] + next(c for c in "0123456789" if c != COUNTY[-1])
    person = make_id()
    return [
        dict(base, 索引号=f"{TOWN}/2021-00010", 名称=""),                               # 5: empty title
        dict(base, 索引号=f"{TOWN}/2021-00011", 发文日期="2021年13月5日"),              # 6: impossible date
        dict(base, 索引号=f"{TOWN}/2021-00012", 发文日期="去年春天"),                     # 7: not a date
        dict(base, 索引号=f"{bad_code}/2021-00013", 发文机关="清河县人民政府"),        # 8: bad check character
        dict(base, 索引号=f"{TOWN}/2021-00001"),                                          # 9: duplicate of row 4
        dict(base, 索引号=f"{TOWN}/2021-00014", 时效="差不多有效"),                      # 10: bad 有效性
        dict(base, 索引号=f"{TOWN}/2021-00015", 正文=f"联系人身份证号{person}。"),       # 11: privacy finding
        dict(base, 索引号=f"{TOWN}/2021-00016", 栏目="杂项"),                             # 12: unknown section
        dict(base, 索引号=f"{TOWN}/2021-00017",                                           # 13: script (warning only)
             正文='<p onclick="steal()">正文</p><script>alert(1)</script>'),
        dict(base, 索引号=f"{TOWN}/2021-00018", 正文='<a href="/doc/1.html">相对链接</a>', 原网址=""),  # 14
        dict(base, 索引号="清河/2021-1"),                                                 # 15: unreadable 索引号
    ], person, bad_code


def test_every_defect_is_reported_at_once_and_nothing_is_written(tmp_path):
    defective, person, bad_code = _defective_rows()
    export = write_csv(tmp_path / "e.csv", good_rows() + defective, "gb18030")
    out = tmp_path / "out"
    result = run_cli(export, out)
    assert result.returncode == 1
    assert not out.exists(), "nothing is written unless every row passes"
    lines = result.stderr.splitlines()

    def at(row, column):
        return [line for line in lines if line.startswith(f"e.csv:row {row}: {column}: ")]

    assert at(5, "名称") and "缺少必填字段" in at(5, "名称")[0]
    assert "日期 '2021年13月5日' 不存在" in at(6, "发文日期")[0]
    assert "无法识别的日期 '去年春天'" in at(7, "发文日期")[0]
    assert f"机构代码 {bad_code} 校验位不正确" in at(8, "索引号")[0]
    assert "与第 4 行重复" in at(9, "索引号")[0]
    assert "在第 9 行再次出现" in " ".join(at(4, "索引号")), "both rows of a duplicate are named"
    assert "有效性 '差不多有效' 无法识别" in at(10, "时效")[0]
    assert at(11, "正文") and "疑似身份证号" in at(11, "正文")[0] and person not in result.stderr
    assert "杂项" in at(12, "栏目")[0]
    assert [line for line in lines if line.startswith("e.csv:row 13:")] == [
        "e.csv:row 13: 警告: 正文: 正文中的脚本（script、on… 事件或 javascript: 链接）已删除"]
    assert "相对链接 /doc/1.html" in at(14, "正文")[0]
    assert "'清河/2021-1' 的格式无法识别" in at(15, "索引号")[0]
    bad_rows = {int(line.split(":row ")[1].split(":")[0]) for line in lines
                if ":row " in line and "警告" not in line}
    assert bad_rows == {4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15}
    assert "导入未通过：11 行有错误（共 14 行）" in lines[-1]
    assert "Traceback" not in result.stderr


def test_skip_bad_writes_the_good_rows_and_a_report(tmp_path):
    defective, _, _ = _defective_rows()
    rows = good_rows() + defective
    export = write_csv(tmp_path / "e.csv", rows)
    out = tmp_path / "out"
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "import", f"FROM={export}",
                             f"OUT={out}", "SKIP_BAD=1"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    # Rows 2, 3 (good), 13 (its script was removed) import; row 4 shares its 索引号 with row 9.
    assert written == sorted([f"policies/{rows[0]['索引号']}.md", f"finance/{rows[1]['索引号']}.md",
                              f"news/{rows[11]['索引号']}.md"])
    report = (out / REPORT_FILE).read_text(encoding="utf-8")
    assert "e.csv:row 6: 发文日期:" in report and "e.csv:row 9: 索引号:" in report
    assert "script" not in (out / f"news/{rows[11]['索引号']}.md").read_text(encoding="utf-8").replace(
        "正文", "")
    organs = yaml.safe_load((out / "organs.yaml").read_text(encoding="utf-8"))
    assert sorted(o["name"] for o in organs) == ["清河县人民政府", "连庄镇人民政府"]


def test_a_mapping_file_overrides_header_names(tmp_path):
    rows = [{("文件题目" if k == "名称" else k): v for k, v in r.items()} for r in good_rows()]
    headers = ["文件题目" if h == "名称" else h for h in HEADERS]
    export = write_csv(tmp_path / "e.csv", rows, headers=headers)
    assert "缺少必需的列" in "\n".join(import_catalog(export, tmp_path / "no-map").lines())
    mapping = tmp_path / "map.yaml"
    mapping.write_text("文件题目: title\n备注: null\n", encoding="utf-8")
    result = import_catalog(export, tmp_path / "out", mapping)
    assert not result.bad_rows and not result.lines(), result.lines()
    assert front_matter(item_file(tmp_path / "out", "news", rows[2]["索引号"]))["title"] == rows[2]["文件题目"]


def org_code(n: int) -> str:
    first8 = f"{n:08d}"
    check = 11 - sum(int(c) * w for c, w in zip(first8, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return first8 + {10: "X", 11: "0"}.get(check, str(check))


@pytest.mark.parametrize("codes, rest, scheme, pattern", [
    ([org_code(14349), org_code(3129766)], "2017-00110", "orgcode",
     r"(?P<code>[0-9A-Z]{8}[0-9X])/(?P<year>\d{4})-(?P<serial>\d{5})"),
    ([org_code(3129766), org_code(14349)], "201901-00336", "orgcode",
     r"(?P<code>[0-9A-Z]{8}[0-9X])/(?P<year>\d{4})\d{2}-(?P<serial>\d{5})"),
    (["6107280000", "6107280101"], "2024-001005", "local",
     r"(?P<code>[0-9]{10})/(?P<year>\d{4})-(?P<serial>\d{6})"),
    (["bgs01", "jyj02"], "2023-00011", "local", r"(?P<code>[a-z0-9]{5})/(?P<year>\d{4})-(?P<serial>\d{5})"),
])
def test_the_organ_code_scheme_and_index_format_are_detected(tmp_path, codes, rest, scheme, pattern):
    import re
    rows = [dict(good_rows()[2], 索引号=f"{codes[0]}/{rest}"),
            dict(good_rows()[2], 索引号=f"{codes[1]}/{rest}", 发文机关="连庄镇财政所")]
    result = import_catalog(write_csv(tmp_path / "e.csv", rows), tmp_path / "out")
    assert not result.bad_rows, result.lines()
    settings = yaml.safe_load((tmp_path / "out" / CATALOG_FILE).read_text(encoding="utf-8"))
    assert settings["organ_code_scheme"] == scheme and settings["index_no_pattern"] == pattern
    if scheme == "local":
        assert all(re.fullmatch(settings["organ_code_pattern"], c) for c in codes)
    assert all(re.fullmatch(pattern, r["索引号"]) for r in rows)


def test_a_bad_organization_code_check_character_is_a_row_error(tmp_path):
    good = org_code(14349)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    rows = [dict(good_rows()[2], 索引号=f"{good}/2017-00110"),
            dict(good_rows()[2], 索引号=f"{bad}/2017-00111", 发文机关="连庄镇财政所")]
    result = import_catalog(write_csv(tmp_path / "e.csv", rows), tmp_path / "out")
    assert [r.number for r in result.bad_rows] == [3]
    assert f"机构代码 {bad} 校验位不正确（9 位组织机构代码" in "\n".join(result.lines())


def test_imported_tree_builds_as_is_with_redirects(tmp_path):
    """make html CONTENT=OUT: no edits, only the attachments the operator downloaded."""
    from catalog_helpers import build
    rows = good_rows()
    out = tmp_path / "out"
    assert not import_catalog(write_csv(tmp_path / "e.csv", rows), out).bad_rows
    download_attachments(out)
    site = tmp_path / "site"
    result = build(out, site, LINK_CHECK_ALLOW_EMPTY_SECTIONS=True, CATALOG_SITE_URL="https://new.example.cn/xxgk")
    assert result.returncode == 0, result.stderr
    for row in rows:
        assert (site / "items" / f"{row['索引号']}.html").is_file()
    assert (site / "attachments" / "files" / rows[0]["索引号"] / "P020210305.pdf").is_file()
    nginx = (tmp_path / "site.redirects.nginx.conf").read_text(encoding="utf-8")
    assert (f'"/art/2021/3/5/art_12_345.html" "https://new.example.cn/xxgk/items/{rows[0]["索引号"]}.html";'
            in nginx)
    assert '"/col/col12/index.html?uid=7&pageNum=2"' in nginx
    assert not (site / "site.redirects.nginx.conf").exists(), "server configuration is not served"


def test_worker_processes_give_the_same_tree_and_problems(tmp_path, monkeypatch):
    from catalog_import import tree as import_tree
    defective, _, _ = _defective_rows()
    export = write_csv(tmp_path / "e.csv", good_rows() + defective)
    serial = import_catalog(export, tmp_path / "serial", skip_bad=True)
    monkeypatch.setattr(import_tree, "PARALLEL_FROM", 2)
    monkeypatch.setattr(import_tree, "CHUNK", 3)
    monkeypatch.setattr(import_tree.os, "cpu_count", lambda: 2)
    parallel = import_catalog(export, tmp_path / "parallel", skip_bad=True)
    assert parallel.lines() == serial.lines() and len(serial.bad_rows) > 0
    assert tree_bytes(tmp_path / "parallel") == tree_bytes(tmp_path / "serial")


def _scheme_rows(codes, rests):
    return [dict(good_rows()[0], 索引号=f"{codes[0]}/{rests[0]}"),
            dict(good_rows()[2], 索引号=f"{codes[1]}/{rests[1]}")]


def test_an_orgcode_export_builds_with_its_own_catalog_yaml(tmp_path):
    """000014349/2017-00110-style 索引号 with YYYYMM: the tree carries its scheme, the build needs no settings."""
    from catalog_helpers import build
    rows = _scheme_rows([org_code(14349), org_code(3129766)], ["201903-00110", "201904-00336"])
    out = tmp_path / "out"
    result = import_catalog(write_csv(tmp_path / "e.csv", rows), out)
    assert not result.bad_rows, result.lines()
    download_attachments(out)
    site = tmp_path / "site"
    built = build(out, site, LINK_CHECK_ALLOW_EMPTY_SECTIONS=True)
    assert built.returncode == 0, built.stderr
    for row in rows:
        assert (site / "items" / f"{row['索引号']}.html").is_file()
    assert "201903-00110" in (tmp_path / "site.redirects.nginx.conf").read_text(encoding="utf-8")


def test_a_local_code_export_validates_with_its_own_catalog_yaml(tmp_path):
    rows = _scheme_rows(["bgs01", "czj02"], ["2023-00011", "2023-00012"])
    out = tmp_path / "out"
    assert not import_catalog(write_csv(tmp_path / "e.csv", rows), out).bad_rows
    download_attachments(out)
    assert tree_problems(out) == []
    (out / CATALOG_FILE).unlink()  # without it the build would expect 统一社会信用代码
    assert any("organs.yaml" in p for p in tree_problems(out))


def test_index_nos_differing_only_in_case_are_duplicates(tmp_path):
    rows = [dict(good_rows()[2], 索引号="bgs01/2023-00011"), dict(good_rows()[2], 索引号="BGS01/2023-00011")]
    result = import_catalog(write_csv(tmp_path / "e.csv", rows), tmp_path / "out")
    assert [r.number for r in result.bad_rows] == [2, 3]
    assert "索引号 BGS01/2023-00011 与第 2 行重复" in "\n".join(result.lines())


def test_a_generated_catalog_survives_export_and_import(tmp_path):
    """tools/make_corpus.py's catalog, exported as a CMS would (make_import_export.py) and imported:
    the tree validates and every item keeps its 索引号, title, publisher, dates, section and validity."""
    sys.path.insert(0, str(ROOT / "tools"))
    import make_corpus
    from make_import_export import export_rows, write_export
    corpus = tmp_path / "corpus"
    make_corpus.generate(corpus, 120, attachments=True)
    export = tmp_path / "export.xlsx"
    write_export(export_rows(corpus), export)
    out = tmp_path / "out"
    result = import_catalog(export, out)
    assert not result.bad_rows, result.lines()
    for url, path in download_attachments(out):
        (out / path).write_bytes((corpus / url.split("/", 3)[3]).read_bytes())
    assert tree_problems(out) == []
    keys = ("index_no", "title", "publisher", "date", "written", "category", "doc_no", "validity", "expires")
    originals = {}
    for path in corpus.glob("*/*.md"):
        meta = front_matter(path)
        if meta.get("status") != "draft":
            originals[meta["index_no"]] = {k: meta.get(k) for k in keys}
    imported = {}
    for path in out.glob("*/*/*.md"):
        meta = front_matter(path)
        imported[meta["index_no"]] = {k: meta.get(k) for k in keys}
    assert imported == originals and len(imported) > 100
