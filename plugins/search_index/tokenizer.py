"""The search tokenizer, specified once (here and in SPEC) and implemented
identically in ``theme/static/js/search/tokenizer.js`` for query time.

SPEC (version 1):
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
Characters are code points, never UTF-16 units, on both sides.

The tokenizer is registered as the lunr pipeline function ``gongkai-tokenize``
(lunr.py here, lunr.js in the browser): an index built with it names it in its
pipeline, and loading such an index where it is not registered fails loudly.
"""
from __future__ import annotations

import re
import unicodedata

NAME = "gongkai-tokenize"
VERSION = 1

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
TOKEN_RE = re.compile(f"([0-9A-Za-z]+)|([{HAN}]+)")


def tokenize(text: str) -> list[str]:
    """The search terms of ``text`` in order (see SPEC above)."""
    out: list[str] = []
    for word, han in TOKEN_RE.findall(unicodedata.normalize("NFKC", text)):
        if word:
            out.append(word.lower())
        elif len(han) == 1:
            out.append(han)
        else:
            out.extend(map(str.__add__, han[:-1], han[1:]))  # overlapping bigrams
    return out


def lunr_tokenize(token, i=None, tokens=None):
    """The lunr pipeline function: one lunr Token in, its search terms out."""
    from lunr.token import Token
    return [Token(term, token.metadata) for term in tokenize(str(token))]


def register_with_lunr() -> None:
    """Register the pipeline function with lunr.py under its stable name."""
    from lunr.pipeline import Pipeline
    if NAME not in Pipeline.registered_functions:
        Pipeline.register_function(lunr_tokenize, NAME)
