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


def pieces_without_marks(docs: list[dict], count: int, rnd: random.Random) -> list[dict]:
    """Up to ``count`` {q, ref}: a piece of a title that spans one of its marks, typed
    without them, 4-10 characters of Han, digits or letters, found in at most 10 titles
    once their marks are dropped (so that the top 10 can hold it)."""
    titles = "\n".join(unmarked(d["title"]) for d in docs)
    picked = []
    for ref in rnd.sample(range(len(docs)), len(docs)):
        title = docs[ref]["title"]
        spans = [m.start() for m in MARK_RE.finditer(title) if 0 < m.start() < len(title) - 1]
        rnd.shuffle(spans)
        for at in spans:
            start = max(0, at - rnd.randint(2, 5))
            raw = title[start:at + rnd.randint(3, 7)]
            piece = unmarked(raw)
            if ASCII_APART.search(raw):
                continue
            if 4 <= len(piece) <= 10 and WORD_RE.fullmatch(piece) and titles.count(piece) <= 10:
                picked.append({"q": piece, "ref": ref, "title": title})
                break
        if len(picked) == count:
            break
    return picked
