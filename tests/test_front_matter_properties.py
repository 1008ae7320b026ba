"""Property-based test of reading (issue 9 §3): whatever a clerk's editor puts
in a file, reading and validating it never raises, every problem names the
file and a line of it, YAML's English never reaches the editor, and a file
that is not published is named by at least one error.

Deterministic for CI (``derandomize``, no example database) and small: a
fixed number of examples from random text and from mutations of a valid item.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog_helpers import COUNTY, item
from catalog_model.problems import ERROR

VALID = item(keywords="[就业, 创业]", written="2025-03-01", doc_no="清政〔2025〕1号",
             interprets=f"{COUNTY}/2025-00002")
# What input methods and other systems put into front matter, and what YAML reads specially.
NASTY = ["：", "\u3000", "\t", ": ", " #", "*重要*", "&a", "*a", "!!int x", "!!timestamp x", "!!binary x",
         "!foo", "2025-02-30", "2025-13-01", "2025-2-3", "0x1g", "1e999", "[", "]", "{", "}", "'", '"',
         "\\d", "? [a]\n: x", "---", "...", "%YAML 1.1", "@", "`", "|", ">", "- ", "~", "null", "&x [*x]",
         "<<: *a", "!!set {a}", "!!omap [a]", "{[1]: 2}", "\ufeff", "\r", "\x00", "\udcff", "标题：", "发布日期",
         "status: draft", "status: 撤回", "title: [1, 2]", "attachments: x", "privacy_allow: [{value: 1}]"]

_text = st.lists(st.sampled_from(list("abz09:-_ #'\"[]{}|>*&!?%@`\t\n,\\：　标题发布日期，、") + NASTY),
                 max_size=30).map("".join)


@st.composite
def mutated(draw) -> str:
    lines = VALID.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        n = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["insert", "replace_value", "delete", "duplicate", "swap", "indent"]))
        line = lines[n]
        if kind == "insert":
            at = draw(st.integers(0, len(line)))
            lines[n] = line[:at] + draw(st.sampled_from(NASTY) | _text) + line[at:]
        elif kind == "replace_value" and ": " in line:
            lines[n] = line.split(": ", 1)[0] + ": " + draw(st.sampled_from(NASTY))
        elif kind == "delete":
            del lines[n]
        elif kind == "duplicate":
            lines.insert(n, line)
        elif kind == "swap":
            m = draw(st.integers(0, len(lines) - 1))
            lines[n], lines[m] = lines[m], line
        else:
            lines[n] = draw(st.sampled_from(["  ", "\u3000", "\t", "- "])) + line
        if not lines:
            lines = [""]
    return "\n".join(lines)


front_matter = mutated() | _text.map(lambda head: f"---\n{head}\n---\n正文\n")

# Phrases of libyaml's and Python's own messages, which an editor must never see.
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|mapping|could not|Error|invalid|object)\b")


@settings(max_examples=300, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=front_matter)
def test_no_front_matter_gives_a_traceback(tree, text):
    try:
        data = text.encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "replace")
    path = tree.write("a.md", data)
    from catalog_validation.validate import validate_tree
    catalog, problems = validate_tree(tree.settings())  # reading and every catalog check
    n_lines = data.count(b"\n") + 1
    for p in problems:
        assert p.path == "a.md", p
        assert 1 <= p.line <= n_lines, p
        assert not ENGLISH.search(p.text + p.hint), p
    read = next(iter(catalog.items), None)  # None only for a draft: drafts are not in the catalog
    if read is not None and read.meta is None:
        assert any(p.severity == ERROR and p.path == "a.md" for p in problems), (text, problems)
    path.unlink()
