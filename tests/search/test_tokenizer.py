"""The tokenizer: its SPEC, and Python (index time) = JavaScript (query time)
on a few thousand strings."""
from __future__ import annotations

import json
import random

import pytest

from catalog_helpers import ROOT, make_corpus
from search_helpers import node

from search_index.tokenizer import joined_tokens, tokenize

SPEC_EXAMPLES = [
    ("老旧小区改造", ["老旧", "旧小", "小区", "区改", "改造"]),
    ("税", ["税"]),
    ("清政办〔2024〕3号", ["清政", "政办", "2024", "3", "号"]),
    ("清政办［２０２４］１２号", ["清政", "政办", "2024", "12", "号"]),  # full width: NFKC
    ("PM2.5浓度", ["pm2", "5", "浓度"]),
    ("ＡＢＣ-12 x", ["abc", "12", "x"]),
    ("111305340000000102/2024-00001", ["111305340000000102", "2024", "00001"]),
    ("𠀀𠀁𠀂 与 〇", ["𠀀𠀁", "𠀁𠀂", "与", "〇"]),  # outside the BMP: code points, not UTF-16 halves
    ("——“，。！？、；：（）《》【】", []),
    ("Café ÄÖÜ καλή", ["caf"]),  # only ASCII letters and Han make words
    ("", []),
]


# Step 4: the facing characters of consecutive runs form a bigram (joints), unless both are words.
# (text, tokens with joints, tokens without them)
BOUNDARY_EXAMPLES = [
    ("局2016年政府", ["局", "局2", "2016", "6年", "年政", "政府"],
     ["局", "2016", "年政", "政府"]),
    ("清政办〔2024〕3号", ["清政", "政办", "办2", "2024", "3", "3号", "号"],
     ["清政", "政办", "2024", "3", "号"]),  # a bridge across 〔, none 2024〕3
    ("PM2.5浓度", ["pm2", "5", "5浓", "浓度"],
     ["pm2", "5", "浓度"]),
    ("ＡＢ１２号", ["ab12", "2号", "号"],
     ["ab12", "号"]),  # after NFKC, lower-cased
    ("𠀀2a𠀁", ["𠀀", "𠀀2", "2a", "a𠀁", "𠀁"],
     ["𠀀", "2a", "𠀁"]),  # code points on both sides of the boundary
    ("老旧小区 2024", ["老旧", "旧小", "小区", "区2", "2024"],
     ["老旧", "旧小", "小区", "2024"]),  # a bridge across the space
    ("关于印发《办法》的通知", ["关于", "于印", "印发", "发办", "办法", "法的", "的通", "通知"],
     ["关于", "于印", "印发", "办法", "的通", "通知"]),  # bridges across marks
    ("安全、环保：“双控”", ["安全", "全环", "环保", "保双", "双控"],
     ["安全", "环保", "双控"]),
    ("abc 12 x", ["abc", "12", "x"],
     ["abc", "12", "x"]),  # words stay apart
]


@pytest.mark.parametrize("text, tokens", SPEC_EXAMPLES)
def test_spec_examples_python(text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize("text, tokens, plain", BOUNDARY_EXAMPLES)
def test_boundary_bigrams_python(text, tokens, plain):
    assert tokenize(text, boundaries=True) == tokens
    assert tokenize(text) == plain


def test_spec_examples_javascript():
    texts = [t for t, _ in SPEC_EXAMPLES] + [t for t, _, _ in BOUNDARY_EXAMPLES]
    got = json.loads(node("tokenize.js", stdin=json.dumps(texts)))
    assert [g[0] for g in got[:len(SPEC_EXAMPLES)]] == [tokens for _, tokens in SPEC_EXAMPLES]
    assert [g[:2] for g in got[len(SPEC_EXAMPLES):]] == [[plain, joined] for _, joined, plain in BOUNDARY_EXAMPLES]


def text_lines(root) -> list[str]:
    """Every distinct non-empty line of the Markdown files under root, in a stable order."""
    lines = (line for path in sorted(root.rglob("*.md")) for line in path.read_text(encoding="utf-8").splitlines())
    return list(dict.fromkeys(line for line in lines if line.strip()))


@pytest.fixture(scope="module")
def document_lines(tmp_path_factory) -> list[str]:
    """Lines of real-looking documents: the sample content's and a generated corpus's
    (front matter, 文号 and 索引号, tables, headings, prose), 600 in all."""
    corpus = tmp_path_factory.mktemp("parity-corpus")
    make_corpus.generate(corpus, 60, attachments=True)
    rnd = random.Random(20261202)
    return rnd.sample(text_lines(ROOT / "content"), 300) + rnd.sample(text_lines(corpus), 300)


def parity_strings(titles: list[str]) -> list[str]:
    rnd = random.Random(20261124)
    strings = list(titles)
    organs = ["清政", "清政办", "清人社", "连政", "清教"]
    for _ in range(400):  # 文号 in every spelling editors use
        year, n = rnd.randint(2000, 2030), rnd.randint(1, 300)
        open_, close = rnd.choice(["〔〕", "[]", "（）", "［］", "()", "【】"])
        digits = str(year) if rnd.random() < .7 else str(year).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        strings.append(f"{rnd.choice(organs)}{open_}{digits}{close}{n}号")
    pools = ["清河县人民政府关于做好就业创业工作的通知老旧小区改造城乡低保",
             "ABCxyz0123456789", "０１２３４５６７８９ＡＢＣｘｙｚ", " \t\n-—_/.,;:!?，。、；：！？“”（）《》〔〕",
             "𠀀𠀁𠂇𡈽𤆬𪚥𫠠𬺰𰀀", "〇々〆ヶあアㄅ가é", "\u3000\u00a0\ufeff\u200b", "㈠①Ⅻ㎏℃﹙﹚"]
    for _ in range(2500):  # mixed ASCII/Chinese, full-width, punctuation, rare characters
        strings.append("".join(rnd.choice(rnd.choice(pools)) for _ in range(rnd.randint(1, 40))))
    return strings


def test_python_and_javascript_agree(sample_search, document_lines):
    _, docs = sample_search
    strings = parity_strings(document_lines + [d["title"] for d in docs] + [d["fields"]["body"][:500] for d in docs])
    assert len(strings) > 3000
    js = json.loads(node("tokenize.js", stdin=json.dumps(strings, ensure_ascii=False)))
    python = [[tokenize(s), tokenize(s, boundaries=True), [kind for _, kind in joined_tokens(s)]] for s in strings]
    differ = [(s, py, j) for s, py, j in zip(strings, python, js, strict=True) if py != j]
    assert differ == []
    assert sum(len(joined) > len(plain) for plain, joined, _ in python) > 1000  # joints were exercised
    kinds = {kind for _, _, k in python for kind in k}
    assert kinds == {"", "touch", "gap"}  # both kinds of joint were told apart


@pytest.mark.parametrize("boundaries", [False, True])
def test_index_time_terms_are_the_tokenizers_terms_in_its_order(sample_search, document_lines, boundaries):
    """terms.py (numpy, a batch at a time) finds what tokenize finds, token for token,
    in the same order, on every parity string."""
    import numpy as np

    from search_index import terms
    _, docs = sample_search
    strings = parity_strings(document_lines + [d["title"] for d in docs] + [d["fields"]["body"][:500] for d in docs])
    strings += ["İstanbul ＡＢ局2016年政府", "lone \ud800 surrogate", ""]
    term_keys = terms.TermKeys()
    batch = terms.tokens(strings, [boundaries] * len(strings), term_keys)
    order = np.lexsort((batch.positions, batch.segments))
    found = [[] for _ in strings]
    for segment, key in zip(batch.segments[order].tolist(), batch.keys[order].tolist(), strict=True):
        found[segment].append(term_keys.term(key))
    assert found == [tokenize(s, boundaries) for s in strings]
    assert batch.lengths.tolist() == [len(t) for t in found]
