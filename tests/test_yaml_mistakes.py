"""Every mistake named, never a traceback (issue 9 §3): dates YAML cannot
read, several mistakes in one file, input-method mistakes (full-width colon
and spaces), and YAML's own errors, all in Chinese on the right line."""
import pytest

from catalog_helpers import COUNTY, item

# Line numbers: 1 is "---", then title 2, index_no 3, publisher 4, date 5,
# category 6, validity 7, and keys added by a test from line 8 on.
DATE_HINT = "月份应为 1–12，日不能超过该月的天数（例如 2 月没有 30 日）"


def only(tree, text):
    tree.write("a.md", text)
    return tree.problems()


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-01", "2025-2-30", "2025-04-31"])
def test_impossible_calendar_date_is_a_message(tree, date):
    assert only(tree, item(date=date)) == [f"a.md:5: 发布日期(date): 日期 {date} 不存在 ({DATE_HINT})"]


def test_impossible_date_in_an_optional_date_field(tree):
    assert only(tree, item(expires="2026-02-29")) == [f"a.md:8: 有效期至(expires): 日期 2026-02-29 不存在 ({DATE_HINT})"]


def test_leap_day_is_a_date(tree):
    assert only(tree, item(date="2024-02-29")) == []


def test_value_yaml_cannot_construct_is_judged_by_the_field(tree):
    assert only(tree, item(date="!!timestamp 昨天")) == [
        "a.md:5: 发布日期(date): 应为 YYYY-MM-DD 格式的日期，收到 '昨天' (例如 2025-03-12)"]


# --- several mistakes in one file ------------------------------------------------

INTERPRETATION = {"category": "政策解读", "validity": None}


def test_every_mistake_of_a_file_and_no_blame_elsewhere(tree):
    """A misspelled key, a bad date and an unknown publisher are all reported;
    the correct 政策解读 pointing at that file is not blamed."""
    tree.write("a.md", item(tittle="x", date="2025-02-30", publisher="清河县政府"))
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", interprets=f"{COUNTY}/2025-00001", **INTERPRETATION))
    assert tree.problems() == [
        "a.md:4: 发布机构(publisher): 发布机构 '清河县政府' 不在机构名录（organs.yaml）中 "
        "(是否想写 清河县人民政府、连庄镇人民政府？)",
        f"a.md:5: 发布日期(date): 日期 2025-02-30 不存在 ({DATE_HINT})",
        "a.md:8: tittle: 未知字段 tittle (是否想写 title？)",
    ]


def test_dangling_reference_is_reported_when_the_target_is_absent(tree):
    tree.write("a.md", item(date="2025-02-30"))
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", interprets=f"{COUNTY}/2025-00009", **INTERPRETATION))
    assert tree.problems() == [
        f"a.md:5: 发布日期(date): 日期 2025-02-30 不存在 ({DATE_HINT})",
        f"b.md:7: 解读对象(interprets): 解读对象指向的索引号 {COUNTY}/2025-00009 不存在 "
        "(检查索引号是否抄错，或被引用的文件是否为草稿)",
    ]


def test_reference_to_a_file_whose_index_no_was_rejected(tree):
    """The target file claims the 索引号, even though its pattern check failed
    (say, a 6-digit serial): the reference is not the mistake."""
    tree.write("a.md", item(index_no=f"{COUNTY}/2025-000001"))
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", interprets=f"{COUNTY}/2025-000001", **INTERPRETATION))
    assert [p.split(" ")[0] for p in tree.problems()] == ["a.md:3:"]


def test_rejected_files_still_count_for_unique_index_nos(tree):
    tree.write("a.md", item(date="2025-02-30"))
    tree.write("b.md", item())
    assert (f"b.md:3: 索引号(index_no): 索引号 {COUNTY}/2025-00001 已被 a.md 使用 "
            "(每条信息的索引号必须唯一，请改用未使用的序号)") in tree.problems()


def test_privacy_allowance_of_a_rejected_file_still_applies(tree):
    text = item(date="2025-02-30").replace(
        "---\n\n", "privacy_allow:\n  - {value: '13800138000', reason: 服务热线}\n---\n\n服务热线 13800138000。\n")
    assert only(tree, text) == [f"a.md:5: 发布日期(date): 日期 2025-02-30 不存在 ({DATE_HINT})"]


# --- input-method mistakes ---------------------------------------------------------

FW_SPACE = "字段名前后有全角空格 (删去全角空格（中文输入法下的空格）；缩进和冒号后都用半角空格)"


def test_full_width_colon_is_named_on_its_line_and_the_rest_is_checked(tree):
    text = item(date="2025-02-30").replace("title: ", "标题：")
    assert only(tree, text) == [
        "a.md:2: 标题(title): 字段名后用了全角冒号“：” (改为半角冒号加空格：标题: …)",
        f"a.md:5: 发布日期(date): 日期 2025-02-30 不存在 ({DATE_HINT})",
    ]


def test_full_width_colon_between_key_and_value_with_spaces(tree):
    assert only(tree, item().replace("publisher: ", "publisher ： ")) == [
        "a.md:4: 发布机构(publisher): 字段名后用了全角冒号“：” (改为半角冒号加空格：publisher: …)"]


def test_full_width_colon_inside_a_key(tree):
    assert only(tree, item().replace("date:", "发布：日期:")) == [
        "a.md:5: 发布日期(date): 字段名 发布：日期 中有全角冒号“：” (删去字段名中的“：”，字段名后只写一个半角冒号加空格)"]


@pytest.mark.parametrize("written", ["\u3000title: ", "title\u3000: ", "title:\u3000", "\u3000\u3000title: "])
def test_full_width_space_around_a_key(tree, written):
    assert only(tree, item().replace("title: ", written)) == [f"a.md:2: 标题(title): {FW_SPACE}"]


def test_full_width_space_in_a_nested_list(tree):
    tree.write("files/a.pdf", b"%PDF-1.4\n")
    text = item().replace("---\n\n", "attachments:\n  -\u3000file: files/a.pdf\n    title\u3000: 表\n---\n\n")
    assert only(tree, text) == [f"a.md:9: file: {FW_SPACE}", f"a.md:10: 标题(title): {FW_SPACE}"]


def test_colons_in_values_and_block_text_are_not_mistakes(tree):
    text = item(title="关于：做好就业工作的通知", keywords="[清河：乡村振兴]").replace(
        "---\n\n", "summary: |\n  一、目标：稳就业\n  标题：不是字段\n---\n\n")
    assert only(tree, text) == []


def test_organs_file_with_a_full_width_colon(tree):
    tree.write("organs.yaml", f"- name: 清河县人民政府\n  code：\"{COUNTY}\"\n  kind: 县政府\n")
    assert tree.problems() == ["organs.yaml:2: code: 字段名后用了全角冒号“：” (改为半角冒号加空格：code: …)"]


# --- YAML's own errors, in Chinese ---------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    (item(title="关于: 通知"),
     "a.md:2: 标题(title): 值中有“冒号加空格”，被当成了另一个字段 (用引号括住整个值，例如 title: '关于: …'；"
     "若是上一行的字段，检查此行是否多了缩进)"),
    (item().replace("date:", "  date:"),
     "a.md:5: 发布日期(date): 值中有“冒号加空格”，被当成了另一个字段 (用引号括住整个值，例如 title: '关于: …'；"
     "若是上一行的字段，检查此行是否多了缩进)"),
    (item().replace("date: 2025-03-12", "date 2025-03-12\nx"),
     "a.md:5: 此行不是“字段: 值”的形式 (字段名后应写半角冒号加空格；若是上一行值的续行，请把值写在同一行或用引号括住)"),
    (item(title="*重要* 通知"),
     "a.md:2: 标题(title): 值以 * 或 & 开头，被当作 YAML 的锚点或别名 (用引号括住整个值，例如 title: '*重要* 通知')"),
    (item(title="@通知"), "a.md:2: 标题(title): 值不能以 @ 开头 (用引号括住整个值，例如 title: '@…')"),
    (item().replace("date:", "\tdate:"), "a.md:5: 发布日期(date): 用了制表符（Tab） (缩进和冒号后请用半角空格，不用 Tab)"),
    (item(title="[通知] 关于"),
     "a.md:2: 标题(title): 缩进不一致，或此行不是“字段: 值”的形式 (同一层的字段左边对齐，列表项以“- ”开头；"
     "值以 [ 或 { 开头且后面还有文字时，用引号括住整个值)"),
    (item(title='"关于'),
     "a.md:2: 标题(title): 从此行开始的引号没有结束 (补上结束的引号；值中本身有引号时，改用另一种引号括住)"),
    (item(title='"A\\d"'),
     "a.md:2: 标题(title): 双引号中的反斜杠 \\ 被当作转义符 (改用单引号括住这个值（单引号中的 \\ 原样保留）)"),
    (item(title="!draft x"),
     "a.md:2: 标题(title): 不支持以 ! 开头的标记 !draft (删去 ! 开头的标记；值本身以 ! 开头时用引号括住)"),
    (item().replace("title: ", "? [a]\n: x\nother: "), "a.md:2: 字段名不能是列表或映射 (每行写一个“字段: 值”，字段名是文字)"),
    (item().replace("category:", "%YAML 1.1\ncategory:"),
     "a.md:6: 元数据中间不能有 ---、... 或 % 开头的行 (元数据只有开头和结尾各一行 ---；正文写在结尾的 --- 之后)"),
])
def test_yaml_errors_are_told_in_chinese_on_their_line(tree, text, expected):
    assert only(tree, text) == [expected]


def test_yaml_error_without_a_translation_gets_the_generic_message(tree):
    assert only(tree, "---\n|,]\n---\n正文\n") == [
        "a.md:2: 此行的写法无法识别（YAML 格式错误） (检查冒号后是否有空格、引号是否成对、缩进是否一致)"]


ALIAS = "值以 * 或 & 开头，被当作 YAML 的锚点或别名 (用引号括住整个值，例如 title: '*重要* 通知')"


def test_recursive_alias_is_named(tree):
    assert only(tree, item(keywords="&x [*x]")) == [f"a.md:8: 主题词(keywords): {ALIAS}"]


def test_alias_expansion_is_refused(tree):
    """Nested aliases would build billions of copies ("billion laughs")."""
    laughs = "a0: &a0 [lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12))
    assert only(tree, item().replace("---\n\n", laughs + "---\n\n")) == [f"a.md:9: a1: {ALIAS}"]


def test_first_full_width_colon_is_the_separator(tree):
    assert only(tree, item().replace("title: ", "标题：关于：")) == [
        "a.md:2: 标题(title): 字段名后用了全角冒号“：” (改为半角冒号加空格：标题: …)"]


def test_rules_between_fields_run_beside_other_mistakes(tree):
    text = item(title="''", written="2025-04-01", status="withdrawn")
    assert only(tree, text) == [  # a missing field is named on line 1, as everywhere
        "a.md:1: 撤回原因(withdrawn_reason): 撤回的信息必须说明撤回原因 (添加 withdrawn_reason: …（撤回原因）)",
        "a.md:2: 标题(title): 不能为空",
        "a.md:8: 成文日期(written): 成文日期 2025-04-01 晚于发布日期 2025-03-12 (检查两个日期是否写反)",
    ]


def test_rule_between_fields_is_not_judged_on_a_rejected_field(tree):
    """有效性 misspelled: only that is said, not also that a 政策文件 needs one."""
    [message] = only(tree, item(validity="有校"))
    assert message.startswith("a.md:7: 有效性(validity): 应为以下之一：有效、失效、废止、已修改；收到 '有校'")
