"""Known-item queries typed as a new user types them: a piece of a title without
the marks the title holds (《》、：quotes, brackets, spaces). Used by the search
tests and by tools/bench_search.py; pure functions of the documents."""
from __future__ import annotations

import random
import re

MARKS = "《》〈〉「」『』“”‘’\"'、，,：:；;（）()【】〔〕[] 　·—-"
MARK_RE = re.compile("[" + re.escape(MARKS) + "]")
WORD_RE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")
# numbers and words apart stay apart (2024—2026 is not 20242026): no such piece
ASCII_APART = re.compile("[0-9A-Za-z][" + re.escape(MARKS) + "]+[0-9A-Za-z]")


def unmarked(text: str) -> str:
    return MARK_RE.sub("", text)


def inside_word(text: str, at: int) -> bool:
    """Whether a cut before ``text[at]`` splits an ASCII word or number."""
    pair = text[max(at - 1, 0):at + 1]
    return 0 < at < len(text) and pair.isascii() and pair.isalnum()


def pieces_without_marks(docs: list[dict], count: int, rnd: random.Random, tokenize) -> list[dict]:
    """Up to ``count`` {q, ref}: a piece of a title that spans one of its marks, typed
    without them, 4-10 characters of Han, digits or letters, whose terms are all in at
    most 10 titles (``tokenize``: the search tokenizer), so that the top 10 can hold it:
    with bigrams, 于印发清河县农 is in every 清河县农…关于印发《清河县…》."""
    holding: dict[str, set] = {}
    for ref, d in enumerate(docs):
        for term in tokenize(d["title"], True):
            holding.setdefault(term, set()).add(ref)

    def titles_holding(piece: str) -> int:
        sets = sorted((holding.get(term, set()) for term in set(tokenize(piece, False))), key=len)
        return len(set.intersection(*sets)) if sets else 0

    titles = "\n".join(unmarked(d["title"]) for d in docs)
    picked = []
    for ref in rnd.sample(range(len(docs)), len(docs)):
        title = docs[ref]["title"]
        spans = [m.start() for m in MARK_RE.finditer(title) if 0 < m.start() < len(title) - 1]
        rnd.shuffle(spans)
        for at in spans:
            start = max(0, at - rnd.randint(2, 5))
            end = at + rnd.randint(3, 7)
            raw = title[start:end]
            piece = unmarked(raw)
            # a number or word cut in two is a prefix query (another matter, tested elsewhere)
            if ASCII_APART.search(raw) or inside_word(title, start) or inside_word(title, end):
                continue
            if 4 <= len(piece) <= 10 and WORD_RE.fullmatch(piece) and titles.count(piece) <= 10 \
                    and titles_holding(piece) <= 10:
                picked.append({"q": piece, "ref": ref, "title": title})
                break
        if len(picked) == count:
            break
    return picked
