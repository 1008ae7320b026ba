"""Query semantics (theme/static/js/search/query.js): which terms are required,
which are prefixes, for the pieces people type."""
from __future__ import annotations

import json

import pytest

from search_helpers import node

YEARS = list(range(2016, 2026))
CASES = {
    # every bigram required; a Han bigram is never a prefix
    "老旧小区改": [("老旧", "", "req"), ("旧小", "", "req"), ("小区", "", "req"), ("区改", "", "req")],
    # a lone character that is the whole query: a prefix
    "税": [("税", "*", "req")],
    # 文号: the boundary bigram 3号 is optional and carries the trailing 号
    # (the bridge 办2 across 〔 is optional too)
    "清政办〔2024〕3号": [("清政", "", "req"), ("政办", "", "req"), ("办2", "", "opt"), ("2024", "", "req"),
                      ("3", "", "req"), ("3号", "", "opt")],
    # a number at the end may be cut off: a prefix
    "水利局202": [("水利", "", "req"), ("利局", "", "req"), ("局2", "", "opt"), ("202", "*", "req")],
    # a one-digit number cut at the end is carried by the boundary bigram
    "民政府2": [("民政", "", "req"), ("政府", "", "req"), ("府2", "", "opt")],
    # a lone character at the start, the end of a bigram we cannot see, likewise
    "局2016年政府": [("局2", "", "opt"), ("2016", "", "req"), ("6年", "", "opt"), ("年政", "", "req"), ("政府", "", "req")],
    # a year cut at the start, when one catalog year ends so
    "017年第6期": [("2017", "", "req"), ("7年", "", "opt"), ("年第", "", "req"), ("第6", "", "opt"), ("6", "", "req"),
                ("6期", "", "opt")],
    # a year beyond the catalog's, which titles name (plans): ten years either side count
    "026年计划": [("2026", "", "req"), ("6年", "", "opt"), ("年计", "", "req"), ("计划", "", "req")],
    # a year cut to one digit is ambiguous (2016, 2026): dropped, its boundary bigram stays
    "6年计划": [("6年", "", "opt"), ("年计", "", "req"), ("计划", "", "req")],
    # a lone character at the start or end, not next to a boundary: optional (a prefix at the end)
    # (a bridge across the space is optional and carries nothing: the space was typed)
    "关于 通": [("关于", "", "req"), ("于通", "", "opt"), ("通", "*", "opt")],
    "区 老旧": [("区", "", "opt"), ("区老", "", "opt"), ("老旧", "", "req")],
    # words typed apart: both required, the bridge between them optional
    "营商环境 政策": [("营商", "", "req"), ("商环", "", "req"), ("环境", "", "req"), ("境政", "", "opt"),
                ("政策", "", "req")],
    # a title typed without its marks (办法》的通知): the title's bridge 法的 is an ordinary bigram
    "办法的通知": [("办法", "", "req"), ("法的", "", "req"), ("的通", "", "req"), ("通知", "", "req")],
    "办法》的通知": [("办法", "", "req"), ("法的", "", "opt"), ("的通", "", "req"), ("通知", "", "req")],
    # nothing would be required: every word is, boundary bigrams stay optional
    "2024年": [("2024", "", "req"), ("4年", "", "opt")],
    # only a boundary bigram: it is required
    "局2": [("局2", "", "req")],
    # a repeated term once
    "老旧 老旧小区": [("老旧", "", "req"), ("旧老", "", "opt"), ("旧小", "", "req"), ("小区", "", "req")],
    "，。": [],
}


@pytest.fixture(scope="module")
def plans():
    got = json.loads(node("plan.js", stdin=json.dumps({"queries": list(CASES), "years": YEARS}, ensure_ascii=False)))
    return {q: [(c["term"], "*" if c["prefix"] else "", "req" if c["required"] else "opt") for c in clauses]
            for q, clauses in zip(CASES, got, strict=True)}


@pytest.mark.parametrize("q", CASES)
def test_plan(plans, q):
    assert plans[q] == CASES[q]
