"""Real 索引号 and organ codes (issue 9 §2): the three code schemes, the content
tree's catalog.yaml, and the rule that every derived path is a safe file name."""
import pytest

from catalog_helpers import COUNTY, item
from catalog_model.catalog_file import scheme_settings
from catalog_model.organ_codes import valid_credit_code, valid_org_code
from catalog_reader.read_cache import fingerprint

# The 索引号 formats named in the issue, as printed on real government sites.
ORGCODE_PATTERN = r"(?P<code>[0-9A-Z]{8}[0-9X])/(?P<year>\d{4})(?P<month>\d{2})?-(?P<serial>\d{5})"
LOCAL_CODES = r"\d{10}|[a-z]{3}\d{2}"


def organs(*codes: str) -> str:
    return "".join(f"- name: 机构{n}\n  code: \"{code}\"\n  kind: 县直部门\n" for n, code in enumerate(codes))


def flip_last(code: str) -> str:
    return code[:-1] + ("1" if code[-1] != "1" else "2")


# --- check characters, computed by hand from the standards' weights -----------

@pytest.mark.parametrize("code", [
    "000014349",  # 3·0+…+5·1+8·4+4·3+2·4 = 57, 57 mod 11 = 2, 11 − 2 = 9
    "003129766",  # 159 mod 11 = 5 → 6
    "00000030X",  # 4·3 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X
    "000000000",  # 0 mod 11 = 0, 11 − 0 = 11 → 0
    "A00000003",  # A is worth 10: 3·10 = 30, 30 mod 11 = 8 → 3
])
def test_gb11714_check_character(code):
    assert valid_org_code(code)
    assert not valid_org_code(flip_last(code))


@pytest.mark.parametrize("code", ["00001434-9", "00001434", "0000143490", "a00000003", "00000030x"])
def test_gb11714_shape(code):
    assert not valid_org_code(code)


def test_gb32100_check_character():
    assert valid_credit_code("11441700007280420Y")
    assert not valid_credit_code("11441700007280420X")


# --- each scheme, each real 索引号 format ----------------------------------------

SCHEMES = {
    "uscc": ("", ["11441700007280420Y"], ["11441700007280420Y/2021-00050"]),
    "orgcode": (f"organ_code_scheme: orgcode\nindex_no_pattern: '{ORGCODE_PATTERN}'\n",
                ["000014349", "003129766"], ["000014349/2017-00110", "003129766/201901-00336"]),
    "local": (f"organ_code_scheme: local\norgan_code_pattern: '{LOCAL_CODES}'\n",
              ["6107280000", "4303000006", "bgs01"],
              ["6107280000/2024-001005", "4303000006/2024-1272047", "bgs01/2023-00011"]),
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_real_index_numbers_of_each_scheme(tree, scheme):
    catalog, codes, index_nos = SCHEMES[scheme]
    tree.write("catalog.yaml", catalog)
    tree.write("organs.yaml", organs(*codes))
    for n, index_no in enumerate(index_nos):
        publisher = f"机构{codes.index(index_no.split('/')[0])}"
        tree.write(f"{n}.md", item(index_no=index_no, publisher=publisher))
    assert tree.problems() == []


@pytest.mark.parametrize("scheme,bad,message", [
    ("uscc", flip_last("11441700007280420Y"), "统一社会信用代码 '{bad}' 校验位不正确或格式不符 "
     "(统一社会信用代码为 18 位，按 GB 32100 校验；请与机构证书核对)"),
    ("orgcode", flip_last("000014349"), "组织机构代码 '{bad}' 校验位不正确或格式不符 "
     "(组织机构代码为 9 位（8 位本体代码加 1 位校验码，不带连字符），按 GB 11714 校验；请与机构证书核对)"),
    ("orgcode", "11441700007280420Y", "组织机构代码 '{bad}' 校验位不正确或格式不符 "
     "(组织机构代码为 9 位（8 位本体代码加 1 位校验码，不带连字符），按 GB 11714 校验；请与机构证书核对)"),
    ("local", "BGS01", f"机构代码 '{{bad}}' 不符合本县的机构代码格式 {LOCAL_CODES} "
     "(格式由 catalog.yaml 的 organ_code_pattern（或 pelicanconf.py 的 CATALOG_ORGAN_CODE_PATTERN）规定)"),
])
def test_organ_code_of_the_wrong_scheme_or_check_character(tree, scheme, bad, message):
    tree.write("catalog.yaml", SCHEMES[scheme][0])
    tree.write("organs.yaml", organs(bad))
    assert f"organs.yaml:2: code: {message.replace('{bad}', bad)}" in tree.problems()


@pytest.mark.parametrize("scheme,hint", [
    ("uscc", "应形如 <发布机构的18位统一社会信用代码>/<年份>-<5位序号>，例如 11130534000000017X/2025-00012"),
    ("local", f"应形如 <发布机构代码>/<年份>-<序号>，例如 bgs01/2025-00012；机构代码须符合 {LOCAL_CODES}"),
    ("orgcode", f"应符合本目录的索引号格式 {ORGCODE_PATTERN}（catalog.yaml 的 index_no_pattern 或 "
     "CATALOG_INDEX_NO_PATTERN）"),
])
def test_index_no_hint_follows_the_scheme(tree, scheme, hint):
    tree.write("catalog.yaml", SCHEMES[scheme][0])
    tree.write("a.md", item(index_no="2025-001"))
    assert f"a.md:3: 索引号(index_no): 索引号格式不符，收到 '2025-001' ({hint})" in tree.problems()


def test_orgcode_default_index_no(tree):
    tree.write("catalog.yaml", "organ_code_scheme: orgcode\n")
    tree.write("organs.yaml", organs("000014349"))
    tree.write("a.md", item(index_no="000014349/2017-00110", publisher="机构0"))
    tree.write("b.md", item(index_no="003129766/2017-00111", publisher="机构0"))
    assert tree.problems() == ["b.md:3: 索引号(index_no): 索引号中的机构代码 003129766 与发布机构 机构0 的代码 "
                               "000014349 不一致 (索引号应以 000014349/ 开头)"]


# --- the path rule ---------------------------------------------------------------

URL_HINT = "只用英文字母、数字和 - _ . /；每段不能为空、不能以 . 结尾，不能是 CON、PRN、AUX、NUL、COM1–9、LPT1–9"


@pytest.mark.parametrize("index_no,reason", [
    ("'a:b/2024-1'", "含有不能用于网址和文件名的字符"),
    ("'A B/2024-1'", "含有不能用于网址和文件名的字符"),
    ("'县府办/2024-1'", "含有不能用于网址和文件名的字符"),
    ("'../2024-1'", "有空的一段、“.”、“..”或以“.”结尾的一段，不能用作网址和文件名"),
    ("'ab./2024-1'", "有空的一段、“.”、“..”或以“.”结尾的一段，不能用作网址和文件名"),
    ("'ab//2024-1'", "有空的一段、“.”、“..”或以“.”结尾的一段，不能用作网址和文件名"),
    ("'con/2024-1'", "含有 Windows 保留的名称，不能用作文件名"),
    ("'ab/LPT1.2024'", "含有 Windows 保留的名称，不能用作文件名"),
    ("'" + "a" * 95 + "/2024-1'", "超过 100 个字符，不能用作网址和文件名"),
])
def test_index_no_must_be_a_file_name_on_every_os(tree, index_no, reason):
    tree.write("catalog.yaml", "index_no_pattern: '.+'\n")
    tree.write("a.md", item(index_no=index_no))
    assert tree.problems() == [f"a.md:3: 索引号(index_no): 索引号 {index_no} {reason} ({URL_HINT})"]


def test_index_nos_differing_only_in_case(tree):
    tree.write("catalog.yaml", r"index_no_pattern: '[A-Za-z]{3}\d{2}/\d{4}-\d{5}'" + "\n")
    tree.write("a.md", item(index_no="bgs01/2023-00011"))
    tree.write("b.md", item(index_no="BGS01/2023-00011"))
    assert tree.problems() == [
        "b.md:3: 索引号(index_no): 索引号 BGS01/2023-00011 与 a.md 的索引号 bgs01/2023-00011 只差字母大小写 "
        "(两者的页面在 Windows 和 macOS 上是同一个文件；请改用不同的索引号)"]


def test_organ_codes_differing_only_in_case(tree):
    tree.write("catalog.yaml", "organ_code_scheme: local\norgan_code_pattern: '[A-Za-z]{3}[0-9]{2}'\n")
    tree.write("organs.yaml", organs("bgs01", "BGS01"))
    assert tree.problems() == [
        "organs.yaml:5: code: 机构代码 BGS01 已由 机构0 使用（不区分大小写） "
        "(每个机构的代码必须不同；代码也是网址，只差大小写的两个代码在 Windows 上是同一个文件夹)"]


def test_local_organ_code_must_be_a_file_name(tree):
    tree.write("catalog.yaml", "organ_code_scheme: local\norgan_code_pattern: '.+'\n")
    tree.write("organs.yaml", organs("PRN", "办公室"))
    assert tree.problems() == [
        f"organs.yaml:2: code: 机构代码 'PRN' 含有 Windows 保留的名称，不能用作文件名 ({URL_HINT})",
        f"organs.yaml:5: code: 机构代码 '办公室' 含有不能用于网址和文件名的字符 ({URL_HINT})"]


# --- catalog.yaml ----------------------------------------------------------------

def test_catalog_file_problems_are_named(tree):
    tree.write("catalog.yaml", "organ_code_scheme: orgcod\nindex_pattern: x\norgan_code_pattern: '[a-'\n")
    assert tree.problems() == [
        "catalog.yaml:1: organ_code_scheme: 应为以下之一：uscc、orgcode、local；收到 'orgcod' (是否想写 orgcode？)",
        "catalog.yaml:2: index_pattern: 未知字段 index_pattern (是否想写 index_no_pattern？)",
        "catalog.yaml:3: organ_code_pattern: 不是有效的正则表达式：第 1 个字符起的方括号 [ 没有对应的 ] "
        "(在 catalog.yaml 中用单引号括住正则表达式，例如 index_no_pattern: "
        r"'(?P<code>\d{10})/(?P<year>\d{4})-(?P<serial>\d{6})')",
    ]


def test_catalog_file_unknown_key_without_close_match(tree):
    tree.write("catalog.yaml", "colour: red\n")
    assert tree.problems() == ["catalog.yaml:1: colour: 未知字段 colour "
                               "(catalog.yaml 可用的键：organ_code_scheme、organ_code_pattern、index_no_pattern)"]


def test_local_scheme_needs_a_pattern(tree):
    tree.write("catalog.yaml", "# 本县代码\norgan_code_scheme: local\n")
    tree.write("organs.yaml", organs("bgs01"))
    tree.write("a.md", item(index_no="bgs01/2023-00011", publisher="机构0"))
    assert tree.problems() == ["catalog.yaml:2: organ_code_scheme: 机构代码方案为 local 时必须写明 organ_code_pattern "
                               r"(例如 organ_code_pattern: '[a-z]{3}\d{2}'（本县机构代码的正则表达式）)"]


def test_pattern_of_another_scheme_is_a_warning(tree):
    tree.write("catalog.yaml", "organ_code_pattern: '[a-z]+'\n")
    assert tree.problems() == ["catalog.yaml:1: 警告: organ_code_pattern: 机构代码方案为 uscc，organ_code_pattern 不起作用 "
                               "(只有 organ_code_scheme 为 local 时才使用 organ_code_pattern；删去它，或改用 local)"]


def test_catalog_file_that_is_not_a_mapping(tree):
    tree.write("catalog.yaml", "- orgcode\n")
    assert tree.problems() == ["catalog.yaml:1: catalog.yaml 应为“键: 值”的形式 (例如 organ_code_scheme: orgcode)"]


def test_empty_catalog_file_means_defaults(tree):
    tree.write("catalog.yaml", "# nothing yet\n")
    tree.write("a.md", item())
    assert tree.problems() == []


def test_catalog_file_wins_over_settings(tree):
    tree.write("catalog.yaml", "organ_code_scheme: uscc\nindex_no_pattern: '(?P<code>[0-9A-Z]{18})/QH-\\d{4}'\n")
    tree.write("a.md", item(index_no=f"{COUNTY}/QH-0001"))
    settings = tree.settings() | {"CATALOG_ORGAN_CODE_SCHEME": "orgcode",
                                  "CATALOG_INDEX_NO_PATTERN": r"QH-(?P<year>\d{4})-\d{4}"}
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree(settings)
    assert problems == []


def test_settings_alone_declare_the_scheme(tree):
    tree.write("organs.yaml", organs("000014349"))
    tree.write("a.md", item(index_no="000014349/2017-00110", publisher="机构0"))
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree(tree.settings() | {"CATALOG_ORGAN_CODE_SCHEME": "orgcode"})
    assert problems == []
    _, problems = validate_tree(tree.settings())
    assert [p.text for p in problems][0].startswith("统一社会信用代码 '000014349'")


def test_bad_setting_names_the_setting(tree):
    found = scheme_settings(tree.settings() | {"CATALOG_ORGAN_CODE_SCHEME": "gb11714"}).problems
    assert [str(p) for p in found] == [
        "pelicanconf.py:1: CATALOG_ORGAN_CODE_SCHEME: 应为以下之一：uscc、orgcode、local；收到 'gb11714'"]


def test_catalog_file_is_part_of_the_read_cache_fingerprint(tree):
    before = fingerprint(tree.settings())
    tree.write("catalog.yaml", "organ_code_scheme: orgcode\n")
    assert fingerprint(tree.settings()) != before


def test_imported_tree_builds_with_its_own_scheme(tree, tmp_path):
    """A tree carrying catalog.yaml builds with make html CONTENT=… alone; the
    page is at the path of its 索引号, letter case kept."""
    catalog, codes, index_nos = SCHEMES["local"]
    tree.write("catalog.yaml", catalog)
    tree.write("organs.yaml", organs(*codes))
    for n, index_no in enumerate(index_nos):
        tree.write(f"{n}.md", item(index_no=index_no, publisher=f"机构{codes.index(index_no.split('/')[0])}"))
    result = tree.build(tmp_path / "output")
    assert result.returncode == 0, result.stderr
    for index_no in index_nos:
        assert (tmp_path / "output" / "items" / f"{index_no}.html").is_file()
    for code in codes:
        assert (tmp_path / "output" / "organs" / code / "index.html").is_file()


def test_catalog_file_typed_with_a_chinese_input_method(tree):
    """A full-width colon is named on its line, and the value still read."""
    tree.write("catalog.yaml", "organ_code_scheme：orgcode\n")
    tree.write("organs.yaml", organs("000014349"))
    tree.write("a.md", item(index_no="000014349/2017-00110", publisher="机构0"))
    assert tree.problems() == [
        "catalog.yaml:1: organ_code_scheme: 字段名后用了全角冒号“：” (改为半角冒号加空格：organ_code_scheme: …)"]


def test_catalog_file_with_a_backslash_in_double_quotes(tree):
    tree.write("catalog.yaml", 'index_no_pattern: "\\d+"\n')
    assert tree.problems() == [
        "catalog.yaml:1: index_no_pattern: 双引号中的反斜杠 \\ 被当作转义符 (改用单引号括住这个值（单引号中的 \\ 原样保留）)"]


def test_local_pattern_that_does_not_fit_the_default_index_no(tree):
    tree.write("catalog.yaml", "organ_code_scheme: local\norgan_code_pattern: '(?P<code>[a-z]+)'\n")
    assert tree.problems() == [
        "catalog.yaml:2: organ_code_pattern: 放进默认的索引号格式（机构代码/年份-序号）后无法使用 "
        "(不要在 organ_code_pattern 中写命名组（如 (?P<code>…)），或用 index_no_pattern 写出完整的索引号格式)"]


@pytest.mark.parametrize("pattern,reason", [
    ("'(a'", "第 1 个字符起的圆括号 ( 没有对应的 )"),
    ("'a)'", "第 2 个字符处多了一个 )"),
    ("'*a'", "第 1 个字符处的 * + ? 或 {n} 前面没有可重复的内容"),
    (r"'\q'", "第 1 个字符处的反斜杠转义无法识别"),
    ("123", "应为文字，收到 123"),
    ("'(?P<a>x)(?P<a>y)'", "第 13 个字符处的命名组与前面的重名"),
])
def test_broken_regular_expressions_are_told_in_chinese(tree, pattern, reason):
    tree.write("catalog.yaml", f"index_no_pattern: {pattern}\n")
    [message] = tree.problems()
    assert message.startswith(f"catalog.yaml:1: index_no_pattern: 不是有效的正则表达式：{reason} (")
