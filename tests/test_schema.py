"""Every per-item rule of the content model: a bad file gets file:line: field: message (hint)."""
import pytest

from catalog_helpers import COUNTY, item

# Line numbers: 1 is "---", then title 2, index_no 3, publisher 4, date 5,
# category 6, validity 7, and keys added by a test from line 8 on.


def only(tree, text):
    tree.write("a.md", text)
    return tree.problems()


def test_chinese_labels_are_accepted_as_keys(tree):
    text = item().replace("title:", "标题:").replace("publisher:", "发布机构:").replace("date:", "发布日期:")
    assert only(tree, text) == []


def test_same_field_under_key_and_label(tree):
    assert only(tree, item(标题="重复的标题")) == [
        "a.md:8: 标题(title): 同时写了 title 和 标题 (二者是同一字段，只保留一个)"]


def test_unknown_key_gets_did_you_mean(tree):
    assert only(tree, item(tittle="x")) == ["a.md:8: tittle: 未知字段 tittle (是否想写 title？)"]


def test_unknown_chinese_key_gets_did_you_mean(tree):
    assert only(tree, item(发布时间="2025-01-01")) == ["a.md:8: 发布时间: 未知字段 发布时间 (是否想写 发布日期？)"]


def test_unknown_key_without_close_match(tree):
    [message] = only(tree, item(colour="red"))
    assert message == "a.md:8: colour: 未知字段 colour (可用字段见 README 的\"内容模型\"表)"


@pytest.mark.parametrize("key,label", [("title", "标题"), ("index_no", "索引号"), ("publisher", "发布机构"),
                                       ("date", "发布日期"), ("category", "信息类别")])
def test_required_field_missing(tree, key, label):
    [message] = only(tree, item(**{key: None}))
    assert message == f"a.md:1: {label}({key}): 缺少必填字段 (请添加 {key}: …（{label}）)"


def test_empty_title(tree):
    assert only(tree, item(title="''")) == ["a.md:2: 标题(title): 不能为空"]


def test_title_that_is_not_text(tree):
    assert only(tree, item(title="[1, 2]")) == ["a.md:2: 标题(title): 应为文本，收到 [1, 2]"]


def test_index_no_pattern(tree):
    [message] = only(tree, item(index_no="2025-001"))
    assert message.startswith("a.md:3: 索引号(index_no): 索引号格式不符，收到 '2025-001' (应形如 ")


def test_date_format(tree):
    assert only(tree, item(date="2025/3/12")) == [
        "a.md:5: 发布日期(date): 应为 YYYY-MM-DD 格式的日期，收到 '2025/3/12' (例如 2025-03-12)"]


def test_impossible_date(tree):
    assert only(tree, item(date="'2025-02-30'")) == [
        "a.md:5: 发布日期(date): 日期 2025-02-30 不存在 (月份应为 1–12，日不能超过该月的天数（例如 2 月没有 30 日）)"]


def test_written_after_date(tree):
    assert only(tree, item(written="2025-04-01")) == [
        "a.md:8: 成文日期(written): 成文日期 2025-04-01 晚于发布日期 2025-03-12 (检查两个日期是否写反)"]


def test_category_must_be_a_section(tree):
    [message] = only(tree, item(category="政策文档"))
    assert message.startswith("a.md:6: 信息类别(category): 应为以下之一：政策文件、政策解读、")
    assert message.endswith("收到 '政策文档' (是否想写 政策文件？)")


def test_topic_first_level(tree):
    [message] = only(tree, item(topic="政务公开"))
    assert message.startswith("a.md:8: 主题分类(topic): 主题分类的一级类目 '政务公开' 不在国务院主题分类中")


def test_topic_with_second_level(tree):
    assert only(tree, item(topic="综合政务\\政务公开")) == []


def test_genre(tree):
    assert only(tree, item(genre="通之"))[0].endswith("收到 '通之' (是否想写 通知？)")


@pytest.mark.parametrize("written,fixed", [("清政办[2025]12号", "清政办〔2025〕12号"),
                                           ("清政办(2025)12号", "清政办〔2025〕12号"),
                                           ("清政办［2025］12号", "清政办〔2025〕12号"),
                                           ("清政办〔25〕12号", "清政办〔2025〕12号")])
def test_doc_no_bracket_variants_are_warned_with_the_fix(tree, written, fixed):
    assert only(tree, item(doc_no=f"'{written}'")) == [
        f"a.md:8: 警告: 文号(doc_no): 文号 '{written}' 的年份应使用六角括号〔〕并写全四位年份 (应写作 {fixed})"]


def test_doc_no_correct_form_passes(tree):
    assert only(tree, item(doc_no="清政办〔2025〕12号")) == []


def test_keywords_must_be_a_list(tree):
    assert only(tree, item(keywords="{a: 1}"))[0].startswith("a.md:8: 主题词(keywords): 应为列表")


def test_keywords_may_be_written_with_dunhao(tree):
    assert only(tree, item(keywords="就业、创业")) == []


def test_validity_value(tree):
    assert only(tree, item(validity="有效的"))[0].startswith("a.md:7: 有效性(validity): 应为以下之一：有效、失效、废止、已修改")


def test_validity_required_for_policy_documents(tree):
    assert only(tree, item(validity=None)) == [
        "a.md:1: 有效性(validity): 政策文件必须注明有效性 (添加 validity: 有效（或 失效 / 废止 / 已修改）)"]


def test_validity_not_required_elsewhere(tree):
    assert only(tree, item(validity=None, category="工作动态")) == []


def test_expires_is_a_date(tree):
    assert only(tree, item(expires="明年"))[0].startswith("a.md:8: 有效期至(expires): 应为 YYYY-MM-DD")


def test_summary_length(tree):
    assert only(tree, item(summary="很" * 101)) == [
        "a.md:8: 内容概述(summary): 不能超过 100 个字，现有 101 个字 (删减文字，或删去此字段以从正文自动摘要)"]


def test_status_value(tree):
    assert only(tree, item(status="hidden"))[0].startswith("a.md:8: 状态(status): 应为以下之一：published、withdrawn、draft")


def test_withdrawn_needs_reason(tree):
    assert only(tree, item(status="withdrawn")) == [
        "a.md:1: 撤回原因(withdrawn_reason): 撤回的信息必须说明撤回原因 (添加 withdrawn_reason: …（撤回原因）)"]


def test_draft_problems_are_warnings(tree):
    problems = only(tree, item(status="draft", date="明天"))
    assert problems and all(": 警告: " in p for p in problems)


def test_attachment_path_must_stay_in_content(tree):
    text = item().replace("---\n\n", "attachments:\n  - file: ../secret.pdf\n---\n\n")
    assert only(tree, text)[0].startswith("a.md:9: 附件(attachments): 附件路径 '../secret.pdf' 应是 content/ 下的相对路径")


def test_attachment_entry_must_be_a_mapping(tree):
    text = item().replace("---\n\n", "attachments:\n  - files/a.pdf\n---\n\n")
    assert only(tree, text)[0].startswith("a.md:9: 附件(attachments): 每个附件应写 file 和 title")


def test_unknown_key_inside_attachment(tree):
    tree.write("files/a.pdf", b"%PDF-1.4\n")
    text = item().replace("---\n\n", "attachments:\n  - file: files/a.pdf\n    size: 3\n---\n\n")
    assert only(tree, text)[0].startswith("a.md:10: 附件(attachments): 未知字段 size")


def test_all_problems_of_all_files_are_reported_together(tree):
    tree.write("a.md", item(date="昨天"))
    tree.write("b/c.md", item(index_no=f"{COUNTY}/2025-00002", category="新闻"))
    problems = tree.problems()
    assert [p.split(":")[0] for p in problems] == ["a.md", "b/c.md"]


def test_index_no_pattern_is_configurable(tree):
    tree.write("a.md", item(index_no="QH-2025-0001"))
    settings = tree.settings() | {"CATALOG_INDEX_NO_PATTERN": r"QH-(?P<year>\d{4})-\d{4}"}
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree(settings)
    assert problems == []


def test_status_may_be_written_in_chinese(tree):
    assert only(tree, item(status="已撤回", withdrawn_reason="内容有误")) == []
