"""A file the editor's tools got wrong: clear messages with file and line, no traceback."""
from catalog_helpers import item


def test_valid_file_has_no_problems(tree):
    tree.write("a.md", item())
    assert tree.problems() == []


def test_bom_is_reported(tree):
    tree.write("a.md", b"\xef\xbb\xbf" + item().encode())
    assert tree.problems() == [
        'a.md:1: 文件以 BOM（字节顺序标记）开头 (请用"UTF-8"而不是"UTF-8 with BOM"另存此文件)']


def test_gbk_file_is_named_as_gbk_with_line(tree):
    tree.write("a.md", item(title="关于做好就业工作的通知").encode("gbk"))
    [message] = tree.problems()
    assert message.startswith("a.md:2: 文件不是 UTF-8 编码，看起来是 GBK/GB18030")
    assert "另存为 UTF-8" in message


def test_missing_front_matter(tree):
    tree.write("a.md", "# 标题\n\n正文\n")
    assert tree.problems()[0].startswith("a.md:1: 文件开头没有元数据块 (第一行应为 ---")


def test_unclosed_front_matter(tree):
    tree.write("a.md", "---\ntitle: 标题\n\n正文\n")
    assert tree.problems()[0].startswith("a.md:1: 元数据块没有结束行 ---")


def test_broken_yaml_names_the_line(tree):
    tree.write("a.md", "---\ntitle: 标题\nindex_no: [unclosed\ndate: 2025-01-01\n---\n正文\n")
    assert tree.problems() == [  # the line the bracket was opened on, not where YAML noticed
        "a.md:3: 索引号(index_no): 从此行开始的方括号 [ ] 或花括号 { } 没有成对 (补上 ] 或 }，列表项之间用半角逗号；"
        "值本身以 [ 或 { 开头时用引号括住，例如 title: '[通知] …')"]


def test_key_written_twice_is_an_error(tree):
    text = item().replace("category: 政策文件", "category: 政策文件\ntitle: 另一个标题")
    tree.write("a.md", text)
    assert "a.md:7: title: 字段重复出现（第 2 行已写过） (删除其中一个)" in tree.problems()


def test_front_matter_that_is_not_a_mapping(tree):
    tree.write("a.md", "---\n- 标题\n---\n正文\n")
    assert tree.problems()[0].startswith("a.md:2: 元数据应为")


def test_crlf_line_endings_are_fine(tree):
    tree.write("a.md", item().replace("\n", "\r\n").encode())
    assert tree.problems() == []
