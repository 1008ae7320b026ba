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
    # 文号: the trailing 号 may start a bigram (号文…): an optional prefix
    "清政办〔2024〕3号": [("清政", "", "req"), ("政办", "", "req"), ("2024", "", "req"), ("3", "", "req"),
                      ("号", "*", "opt")],
    # a number at the end may be cut off: a prefix
    "水利局202": [("水利", "", "req"), ("利局", "", "req"), ("202", "*", "req")],
    # a lone character at the start is the end of a bigram we cannot see: optional
    "局2016年政府": [("局", "", "opt"), ("2016", "", "req"), ("年政", "", "req"), ("政府", "", "req")],
    # a year cut at the start, when one catalog year ends so
    "017年第6期": [("2017", "", "req"), ("年第", "", "req"), ("6", "", "req"), ("期", "*", "opt")],
    # nothing would be required: everything is
    "2024年": [("2024", "", "req"), ("年", "*", "req")],
    "，。": [],
}


@pytest.fixture(scope="module")
def plans():
    got = json.loads(node("plan.js", stdin=json.dumps({"queries": list(CASES), "years": YEARS}, ensure_ascii=False)))
    return {q: [(c["term"], "*" if c["prefix"] else "", "req" if c["required"] else "opt") for c in clauses]
            for q, clauses in zip(CASES, got)}


@pytest.mark.parametrize("q", CASES)
def test_plan(plans, q):
    assert plans[q] == CASES[q]
