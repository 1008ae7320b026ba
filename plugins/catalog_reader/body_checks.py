"""Checks of an item's body that the front matter cannot carry.

- Every image needs alt text: a reader who cannot see it (screen reader, a
  2G link that never loads it) gets nothing otherwise (WCAG 1.1.1). An image
  that only decorates is marked explicitly with the alt text ``装饰``, which
  the page turns into ``alt=""``. The image file must exist under content/.
- A 政策解读 whose form is 图解 carries its content as text too (its body).
Problems name the line of the image in the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from catalog_model.html_text import collapsed_text
from catalog_model.problems import Problem, problem
from catalog_model.schema import field_name
from catalog_model.text import message
from catalog_model.vocabulary import GRAPHIC_FORM

DECORATIVE_ALT = "装饰"
# A graphic interpretation's text version: at least a sentence or two.
GRAPHIC_TEXT_MIN_CHARS = 30
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
HTML_ATTR = re.compile(r"""(\w+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def body_images(body: str, body_line: int) -> list[tuple[int, str, str | None]]:
    """(line, src, alt or None) of every image in a Markdown body."""
    found = []
    for n, line in enumerate(body.split("\n")):
        for match in MARKDOWN_IMAGE.finditer(line):
            found.append((body_line + n, match["src"], match["alt"]))
        for match in HTML_IMAGE.finditer(line):
            attrs = {k.lower(): v.strip("\"'") for k, v in HTML_ATTR.findall(match.group())}
            found.append((body_line + n, attrs.get("src", ""), attrs.get("alt")))
    return found


def body_problems(path: str, meta, images: list, html: str, body_line: int, root: Path) -> list[Problem]:
    """``images`` as found by ``body_images``."""
    where = f"{message('body')}(body)"
    problems = []
    for line, src, alt in images:
        if alt is None or not alt.strip():
            problems.append(problem(path, line, where, "image_alt_missing", src=src))
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|\.\./)", src, re.I) or not (root / src).is_file():
            problems.append(problem(path, line, where, "image_missing", src=src))
    if meta and meta.interpretation_form == GRAPHIC_FORM and len(collapsed_text(html)) < GRAPHIC_TEXT_MIN_CHARS:
        problems.append(problem(path, body_line, field_name("interpretation_form"), "graphic_needs_text",
                                min=GRAPHIC_TEXT_MIN_CHARS))
    return problems
