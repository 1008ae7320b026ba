"""Tests for the personal-information detectors in plugins/privacy_guard."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalog_helpers import ROOT, credit_code, make_corpus
from personal_numbers import bad_luhn, fullwidth, id_check, id_with_check, luhn_digit, make_card, make_id, wrong_check
from privacy_guard.detectors import Finding, scan


def kinds(text: str) -> list[str]:
    return [f.kind for f in scan(text)]


# --- 居民身份证号 ------------------------------------------------------------------

def test_valid_18_digit_id_in_chinese_text():
    pid = make_id()
    findings = scan(f"申请人张某，身份证号码{pid}，现住清河县。")
    assert findings == [Finding("id_card", "疑似身份证号", 1, pid[:4] + "*" * 10 + pid[-4:], pid)]


def test_valid_15_digit_id():
    pid = "130534900307123"  # region 130534, born 1990-03-07, old form without check
    findings = scan(f"旧身份证号{pid}。")
    assert [(f.kind, f.value_digits) for f in findings] == [("id_card", pid)]


def test_wrong_check_character_is_not_an_id():
    pid = wrong_check(make_id())
    assert "id_card" not in kinds(f"身份证号码{pid}")


@pytest.mark.parametrize("birth", ["19900230", "19901301", "18991231", "21000101", "19900000"])
def test_invalid_birth_date_is_not_an_id(birth):
    # The check character is correct, only the date is impossible.
    assert "id_card" not in kinds(f"身份证号码{make_id(birth=birth)}")


def test_invalid_15_digit_date_and_province():
    assert scan("编号130534901332123。") == []  # month 13
    assert scan("编号990534900307123。") == []  # no province 99


def test_invalid_province_is_not_an_id():
    first17 = "990105199003071230"[:17]
    assert scan(f"身份证号码{first17 + id_check(first17)}") == []


def test_full_width_digits():
    pid = make_id()
    findings = scan(f"身份证号码：{fullwidth(pid)}")
    assert [(f.kind, f.value_digits) for f in findings] == [("id_card", pid)]


def test_lower_case_x_check_character():
    pid = id_with_check("X")
    findings = scan(f"身份证号码{pid[:-1]}x，")
    assert [(f.kind, f.value_digits) for f in findings] == [("id_card", pid)]
    assert findings[0].masked.endswith(pid[-4:])


def test_id_inside_longer_runs_is_ignored():
    pid = make_id()
    assert scan(f"编号9{pid}") == []
    # a trailing digit chosen so that the 19-digit run is not a Luhn-valid card either
    tail = next(d for d in "0123456789" if luhn_digit(pid) != d)
    assert scan(f"编号{pid}{tail}") == []
    assert scan(f"编号A{pid}") == []
    assert scan(f"编号{pid}B") == []


def test_valid_id_is_not_also_a_bank_card():
    # Find an ID that also passes Luhn: it must still be reported once, as an ID.
    pid = next(p for p in (make_id(seq=f"{s:03d}") for s in range(1000))
               if p.isdigit() and luhn_digit(p[:-1]) == p[-1])
    assert kinds(f"号码{pid}") == ["id_card"]


# --- 手机号码 --------------------------------------------------------------------

@pytest.mark.parametrize("written", ["13800138000", "138 0013 8000", "138-0013-8000",
                                     "１３８００１３８０００", "１３８　００１３　８０００"])
def test_mobile_forms(written):
    findings = scan(f"联系电话：{written}。")
    assert [(f.kind, f.value_digits, f.masked) for f in findings] == [
        ("mobile", "13800138000", "1380***8000")]
    assert findings[0].label == "疑似手机号码"


def test_mobile_at_sentence_end_with_ascii_period():
    assert kinds("Tel 13912345678.") == ["mobile"]


@pytest.mark.parametrize("text", [
    "流水号913800138000", "流水号138001380001", "合计13800138000123元",
    "代码1113053400000006X1", "编号A13800138000", "编号13800138000B",
    "比例0.13800138000", "12800138000", "1 138 0013 8000 2",
])
def test_mobile_not_inside_other_tokens(text):
    assert kinds(text) == []


# --- 银行卡号 --------------------------------------------------------------------

def test_bank_card_valid_luhn():
    card = make_card()
    findings = scan(f"开户行：清河县农村信用社，卡号{card}。")
    assert [(f.kind, f.label, f.value_digits) for f in findings] == [("bank_card", "疑似银行卡号", card)]
    assert findings[0].masked == card[:4] + "*" * (len(card) - 8) + card[-4:]


def test_bank_card_invalid_luhn():
    assert scan(f"卡号{bad_luhn(make_card())}。") == []


def test_bank_card_grouped_by_spaces():
    card = make_card("622848001234567")  # 16 digits
    grouped = " ".join(card[i:i + 4] for i in range(0, 16, 4))
    findings = scan(f"账号：{grouped}")
    assert [(f.kind, f.value_digits) for f in findings] == [("bank_card", card)]
    card19 = make_card("622202100112345678")
    grouped19 = " ".join(card19[i:i + 4] for i in range(0, 19, 4))
    assert [f.value_digits for f in scan(f"账号 {grouped19}")] == [card19]


@pytest.mark.parametrize("length", [16, 17, 18, 19])
def test_bank_card_lengths(length):
    card = make_card("62" + "1" * (length - 3))
    assert kinds(f"卡号{card}") == ["bank_card"]


def test_bank_card_too_long_or_too_short():
    assert scan(f"卡号{make_card('62' + '9' * 12)}") == []  # 15 digits (and no valid ID date)
    assert scan(f"卡号{make_card('62' + '1' * 17)}") == []  # 20 digits


def test_all_digit_credit_code_is_not_a_bank_card():
    # About one all-digit 统一社会信用代码 in ten passes Luhn by chance; such codes
    # appear in every 索引号 of their organ and must not be reported as bank cards.
    code = next(c for c in map(credit_code, range(1, 1000)) if c.isdigit() and luhn_digit(c[:-1]) == c[-1])
    assert scan(f"索引号：{code}/2025-00004") == []
    assert scan(f'  code: "{code}"') == []


# --- 电子邮箱 --------------------------------------------------------------------

def test_private_email():
    findings = scan("来信请发送至 zhangsan1990@163.com 。")
    assert findings == [Finding("email", "疑似电子邮箱", 1, "z***@163.com", "zhangsan1990@163.com")]


@pytest.mark.parametrize("address", [
    "xxgk@qinghe.gov.cn", "zhang@qinghe.gov.cn", "li@redcross.org.cn",
    "office@example.com", "zwgk_qh@163.com", "Service@example.com", "webmaster@qinghe.com",
    "bangongshi@126.com", "info@example.cn", "contact@example.com", "admin@example.com",
])
def test_public_emails_are_not_flagged(address):
    assert scan(f"联系邮箱：{address}") == []


def test_full_width_at_sign():
    assert [f.masked for f in scan("邮箱：wang.wu＠qq.com")] == ["w***@qq.com"]


# --- masking, line numbers, mixed text --------------------------------------------

def test_masking_never_contains_the_full_value():
    pid, card = make_id(), make_card()
    text = f"{pid}\n{card}\n13800138000\n138 0013 8000\nzhangsan@163.com\n{pid[:-1]}15"
    findings = scan(text)
    assert len(findings) == 5
    for f in findings:
        assert f.value_digits not in f.masked
        assert "*" in f.masked
        assert f.value_digits not in repr(f.masked)


def test_line_numbers_in_multi_line_text():
    pid, card = make_id(), make_card()
    text = "\n".join([
        "---",
        "title: 测试",
        "---",
        "",
        f"身份证号码{fullwidth(pid)}",      # line 5, full-width (NFKC changes nothing in length here)
        "ﬁ㍿ 普通文字 2025-03-12",           # line 6, NFKC changes this line's length
        f"手机 138 0013 8000；卡号{card}",   # line 7
        "邮箱 lisi@qq.com",                 # line 8
    ])
    assert [(f.kind, f.line) for f in scan(text)] == [
        ("id_card", 5), ("mobile", 7), ("bank_card", 7), ("email", 8)]
    assert [f.line for f in scan(text, first_line=11)] == [15, 17, 17, 18]


def test_crlf_line_endings():
    assert [(f.kind, f.line) for f in scan("第一行\r\n手机13800138000\r\n")] == [("mobile", 2)]


@pytest.mark.parametrize("text", [
    "成文日期20250312", "金额1234567890123元", "电话0314-1234567", "电话：0319－8123456",
    "索引号：11130534000000017X/2025-00001", "索引号：111305340000001157/2025-00001",
    "文号：清政〔2025〕12号", "预算总额 12,345,678.90 元", "0000000000000000",
    "| 合计 | 38962 | 3862.18 |", "统一社会信用代码：11130534000000019X",
])
def test_ordinary_numbers_are_not_personal_information(text):
    assert scan(text) == []


# --- real content ---------------------------------------------------------------

def _text_files(root: Path, patterns: tuple[str, ...]) -> list[Path]:
    return sorted(p for pattern in patterns for p in root.rglob(pattern))


def test_sample_catalog_has_no_findings():
    files = _text_files(ROOT / "content", ("*.md", "*.csv", "*.txt"))
    assert len(files) > 50
    found = {str(p.relative_to(ROOT)): [(f.kind, f.line, f.masked) for f in scan(p.read_text(encoding="utf-8"))]
             for p in files}
    assert {k: v for k, v in found.items() if v} == {}


def test_generated_corpus_has_no_findings(tmp_path):
    make_corpus.generate(tmp_path, 2000)
    files = _text_files(tmp_path, ("*.md", "organs.yaml"))
    assert len(files) >= 2001
    found = {}
    for p in files:
        hits = scan(p.read_text(encoding="utf-8"))
        if hits:
            found[str(p.relative_to(tmp_path))] = [(f.kind, f.line, f.masked) for f in hits]
    assert found == {}
