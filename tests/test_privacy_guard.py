"""The privacy guard in the build: personal numbers stop it, masked, unless allowed."""
from catalog_helpers import ROOT, item, make_corpus
from personal_numbers import fullwidth, make_card, make_id

HINT = "请打码（如 1101**********1234）后发布；确需公开的（如机构服务电话），在 privacy_allow 中登记该号码并写明理由"


def body_item(body: str, **fields) -> str:
    return item(category="公示公告", validity=None, **fields).replace("现将有关事项通知如下。\n", body + "\n")


def test_id_number_in_body_is_reported_masked_with_its_line(tree):
    pid = make_id()
    tree.write("a.md", body_item(f"申请人身份证号{pid}，经审核符合条件。"))
    [message] = tree.problems()
    assert message == f"a.md:11: 正文(body): 疑似身份证号 {pid[:4]}{'*' * 10}{pid[-4:]} ({HINT})"
    assert pid not in message


def test_mobile_number_in_metadata_names_the_field(tree):
    tree.write("a.md", body_item("正文。", summary="'联系人电话 138 0013 8000'"))
    assert tree.problems() == [f"a.md:7: 内容概述(summary): 疑似手机号码 1380***8000 ({HINT})"]


def test_full_width_bank_card_is_found(tree):
    card = make_card()
    tree.write("a.md", body_item(f"补贴发放至银行卡{fullwidth(card)}。"))
    [message] = tree.problems()
    assert "疑似银行卡号" in message and card not in message and fullwidth(card) not in message


def test_private_email_is_found_and_office_mailbox_is_not(tree):
    tree.write("a.md", body_item("来信请寄 xxgk@qinghe.gov.cn，勿寄 zhangsan1990@163.com。"))
    [message] = tree.problems()
    assert "疑似电子邮箱 z***@163.com" in message


def test_allowlisted_number_is_published(tree):
    text = body_item("服务热线 138 0013 8000。").replace(
        "---\n\n", "privacy_allow:\n  - {value: '13800138000', reason: 县政务服务中心服务电话}\n---\n\n")
    tree.write("a.md", text)
    assert tree.problems() == []


def test_allowlist_entry_needs_a_reason(tree):
    text = body_item("服务热线 138 0013 8000。").replace(
        "---\n\n", "privacy_allow:\n  - {value: '13800138000'}\n---\n\n")
    tree.write("a.md", text)
    assert "a.md:8: 公开豁免(privacy_allow): 缺少必填字段 (请添加 reason: …（理由）)" in tree.problems()


def test_text_attachment_is_scanned(tree):
    pid = make_id(seq="456")
    tree.write("files/list.csv", f"姓名,身份证号\n某某,{pid}\n")
    tree.write("a.md", body_item("见附件。").replace("---\n\n", "attachments:\n  - {file: files/list.csv, title: 名单}\n---\n\n"))
    assert tree.problems() == [f"files/list.csv:2: 疑似身份证号 {pid[:4]}{'*' * 10}{pid[-4:]} ({HINT})"]


def test_build_with_personal_number_fails_without_printing_it(tmp_path, tree):
    pid = make_id(seq="789")
    tree.write("a.md", body_item(f"身份证号{pid}"))
    result = tree.build(tmp_path / "output")
    assert result.returncode != 0
    assert "疑似身份证号" in result.stderr and pid not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists()


def test_sample_catalog_has_no_findings():
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree({"PATH": str(ROOT / "content"), "ARTICLE_EXCLUDES": ["files"],
                                 "CATALOG_REFERENCE_DATE": "2026-01-01"})
    assert [str(p) for p in problems if "疑似" in p.text] == []


def test_no_false_positives_on_a_10k_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.generate(corpus, 10000, attachments=True)
    from catalog_validation.validate import validate_tree
    _, problems = validate_tree({"PATH": str(corpus), "ARTICLE_EXCLUDES": ["files"],
                                 "CATALOG_REFERENCE_DATE": "2026-01-01"})
    assert [str(p) for p in problems] == []
