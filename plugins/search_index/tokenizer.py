"""The search tokenizer, specified once (here and in SPEC) and implemented
identically in ``theme/static/js/search/tokenizer.js`` for query time.

SPEC (version 3):
  1. Normalise the text to Unicode NFKC (full-width ＡＢ１２ become AB12, 〔〕 stay).
  2. Scan it for maximal runs of
     - ASCII letters and digits ``[0-9A-Za-z]``: one token per run, lower-cased
       (A-Z only; words and numbers are kept whole: ``2024``, ``pm2``);
     - Han characters (U+3007 〇, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF,
       U+20000-323AF, i.e. the CJK unified and compatibility ideographs in and
       outside the BMP): a run of n >= 2 characters gives its n-1 overlapping
       bigrams (老旧小区 -> 老旧 旧小 小区), a lone character stays a unigram.
  3. Everything else (punctuation, spaces, symbols, other scripts) separates
     tokens and is dropped.
  4. Joints (only where asked, see below): where two runs follow each other,
     the two characters that face each other form a bigram as well, placed
     before the second run's tokens, unless both runs are ASCII (words stay
     words: ``pm2.5`` gives no ``25``):
     - *boundary bigrams*, where an ASCII run and a Han run touch
       (局2016年 -> 局 局2 2016 6年 年): they keep the order of a title's words
       across a change of script, which bag-of-bigrams otherwise loses
       (政府2024年 and 2024年…政府 would look alike);
     - *bridges*, where only dropped characters (step 3: 《》、：quotes, spaces)
       stand between the runs (办法》的通知 -> 办法 法的 的通 通知, 发〔2024 ->
       发 发2 2024): people type a title without its punctuation, and the
       bigram that spans the mark must then be in the index.
Characters are code points, never UTF-16 units, on both sides.

Two lunr pipeline functions carry it, under stable names (lunr.py here,
lunr.js in the browser): ``gongkai-tokenize`` (steps 1-3) for most fields and
``gongkai-tokenize-boundary`` (1-4) for the fields that ask for boundary
bigrams (the title: short, and what known-item searches quote). An index
names both in its pipeline; loading it where they are not registered fails
loudly. Queries are tokenized with boundary bigrams (query.js decides their role).
"""
from __future__ import annotations

import re
import unicodedata

NAME = "gongkai-tokenize"
BOUNDARY_NAME = "gongkai-tokenize-boundary"
VERSION = 3

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
TOKEN_RE = re.compile(f"([0-9A-Za-z]+)|([{HAN}]+)")


def tokenize(text: str, boundaries: bool = False) -> list[str]:
    """The search terms of ``text`` in order (see SPEC above)."""
    out: list[str] = []
    append, extend, add = out.append, out.extend, str.__add__
    text = unicodedata.normalize("NFKC", text)
    if not boundaries:  # the hot path (bodies are most of the text): no call per run
        for word, han in TOKEN_RE.findall(text):
            if word:
                append(word.lower())
            elif len(han) == 1:
                append(han)
            else:
                extend(map(add, han[:-1], han[1:]))  # overlapping bigrams
        return out
    return [term for term, _ in joined_tokens(text)]


def joined_tokens(text: str) -> list[tuple[str, str]]:
    """The search terms of ``text`` with joints (SPEC step 4), each with its kind of
    joint: "" (none), "touch" (a boundary bigram) or "gap" (a bridge); query.js
    treats joints as optional and lets only a boundary bigram carry a cut-off edge."""
    out: list[tuple[str, str]] = []
    append = out.append
    text = unicodedata.normalize("NFKC", text)
    last, last_word, end = "", None, -1
    for m in TOKEN_RE.finditer(text):
        word, han = m.groups()
        run = word.lower() if word else han
        # runs of one kind are maximal: touching runs differ in kind; runs apart join unless both are words
        if last and not (word and last_word):
            append((last + run[0], "touch" if m.start() == end else "gap"))
        if word or len(han) == 1:
            append((run, ""))
        else:
            out.extend((a + b, "") for a, b in zip(han[:-1], han[1:], strict=False))
        last, last_word, end = run[-1], bool(word), m.end()
    return out


def _lunr_function(boundaries: bool):
    def lunr_tokenize(token, i=None, tokens=None):
        """A lunr pipeline function: one lunr Token in, its search terms out."""
        from lunr.token import Token
        return [Token(term, token.metadata) for term in tokenize(str(token), boundaries)]
    return lunr_tokenize


def register_with_lunr() -> None:
    """Register both pipeline functions with lunr.py under their stable names."""
    from lunr.pipeline import Pipeline
    for name, boundaries in ((NAME, False), (BOUNDARY_NAME, True)):
        if name not in Pipeline.registered_functions:
            Pipeline.register_function(_lunr_function(boundaries), name)
