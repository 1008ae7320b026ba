"""Rules that need the whole catalog: organs, unique 索引号, link targets, attachments."""
from catalog_helpers import COUNTY, TOWN, credit_code, item


def test_unknown_publisher_gets_nearest_names(tree):
    tree.write("a.md", item(publisher="清河县政府"))
    [message] = tree.problems()
    assert message.startswith(
        "a.md:4: 发布机构(publisher): 发布机构 '清河县政府' 不在机构名录（organs.yaml）中 (是否想写 清河县人民政府")


def test_index_no_code_must_match_publisher(tree):
    tree.write("a.md", item(publisher="连庄镇人民政府"))
    assert tree.problems() == [
        (f"a.md:3: 索引号(index_no): 索引号中的机构代码 {COUNTY} 与发布机构 连庄镇人民政府 的代码 {TOWN} 不一致 "
         f"(索引号应以 {TOWN}/ 开头)")]


def test_duplicate_index_no_names_both_files(tree):
    tree.write("a.md", item())
    tree.write("b.md", item(title="另一条"))
    assert tree.problems() == [
        f"b.md:3: 索引号(index_no): 索引号 {COUNTY}/2025-00001 已被 a.md 使用 (每条信息的索引号必须唯一，请改用未使用的序号)"]


def test_interprets_target_must_exist(tree):
    tree.write("a.md", item())
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", category="政策解读", validity=None,
                            interprets=f"[{COUNTY}/2025-00009]"))
    assert tree.problems() == [
        (f"b.md:7: 解读对象(interprets): 解读对象指向的索引号 {COUNTY}/2025-00009 不存在 "
         "(检查索引号是否抄错，或被引用的文件是否为草稿)")]


def test_link_to_a_draft_is_missing(tree):
    tree.write("a.md", item(status="draft"))
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", replaces=f"{COUNTY}/2025-00001"))
    assert tree.problems()[0].startswith("b.md:8: 替代(replaces): 替代指向的索引号")


def test_repealed_by_cannot_point_at_itself(tree):
    tree.write("a.md", item(repealed_by=f"{COUNTY}/2025-00001"))
    assert tree.problems() == ["a.md:8: 废止依据(repealed_by): 废止依据不能指向本条信息自身"]


def test_attachment_must_exist(tree):
    tree.write("a.md", item().replace("---\n\n", "attachments:\n  - {file: files/a.pdf, title: 表}\n---\n\n"))
    assert tree.problems() == [
        "a.md:8: 附件(attachments): 附件 files/a.pdf 不存在 (把文件放到 content/files/a.pdf，或改正路径)"]


def test_organs_file_missing(tree):
    (tree.root / "organs.yaml").unlink()
    tree.write("a.md", item())
    assert ("organs.yaml:1: 找不到发布机构名录 organs.yaml "
            "(在 content/ 下建立 organs.yaml，列出每个发布机构的 name、code、kind)") in tree.problems()


def test_organ_with_bad_credit_code(tree):
    bad = credit_code(3)[:-1] + ("0" if credit_code(3)[-1] != "0" else "1")
    tree.write("organs.yaml", f"- name: 清河县民政局\n  code: \"{bad}\"\n  kind: 县直部门\n")
    assert tree.problems()[0].startswith(f"organs.yaml:2: code: 统一社会信用代码 '{bad}' 校验位不正确")


def test_organ_with_bad_kind(tree):
    tree.write("organs.yaml", f"- name: 清河县民政局\n  code: \"{credit_code(3)}\"\n  kind: 部门\n")
    assert tree.problems()[0].startswith("organs.yaml:3: kind: 发布机构名录第 1 项：")


def test_organ_listed_twice(tree):
    tree.write("organs.yaml", (f"- name: 清河县民政局\n  code: \"{credit_code(3)}\"\n  kind: 县直部门\n") * 2)
    assert tree.problems() == ["organs.yaml:4: name: 机构 '清河县民政局' 在名录中重复"]


def test_organs_file_in_gbk_is_reported_not_a_traceback(tree):
    tree.write("organs.yaml", "- name: 清河县民政局\n  code: x\n  kind: 县直部门\n".encode("gbk"))
    assert tree.problems()[0].startswith("organs.yaml:1: 文件不是 UTF-8 编码 (请在编辑器中选择\"另存为 UTF-8\")")
