"""Images in item bodies: published like attachments, sized, lazy, weighed.

An image is written ``![说明](files/2025/图解.png)`` with a path below
content/ (``catalog_reader.body_checks`` made sure it exists and has alt
text). On the page its ``src`` points at the published copy under
``attachments/``, it gets its ``width`` and ``height`` (read from the file's
header with ``imagesize``, so the page does not jump while it loads on a slow
link), ``loading="lazy"`` (a body image is always below the metadata table,
below the fold on a phone) and its type and size in words after it, as for
attachments. ``![装饰](…)`` marks a decorative image: ``alt=""``.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import imagesize
from markupsafe import escape

from catalog_model.text import ui_text

from .attachments import AttachmentFile, describe

DECORATIVE_ALT = "装饰"  # the same marker catalog_reader.body_checks accepts
IMG = re.compile(r"<img\b([^>]*)>")
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


def body_images(root: Path, srcs: list[str]) -> dict[str, AttachmentFile]:
    """The published file of each image source, by source."""
    return {src: describe(root, src, None) for src in dict.fromkeys(srcs)}


def rewrite(html: str, files: dict[str, AttachmentFile], prefix: str) -> str:
    """``html`` with every known image pointed at its published copy, sized and lazy, its size after it."""
    text = ui_text()

    def one(match: re.Match) -> str:
        attrs = dict(ATTR.findall(match.group(1)))
        src = unescape(attrs.get("src", ""))
        if src not in files:
            return match.group()
        file = files[src]
        alt = unescape(attrs.get("alt", ""))
        out = {"src": prefix + file.save_as, "alt": "" if alt == DECORATIVE_ALT else alt}
        width, height = imagesize.get(file.source)
        if width > 0 and height > 0:
            out.update(width=str(width), height=str(height))
        out.update(loading="lazy", decoding="async")
        tag = "<img " + " ".join(f'{k}="{escape(v)}"' for k, v in out.items()) + ">"
        size = text["attachment_size"].format(type=file.kind, size=file.size)
        return f'{tag}<span class="gk-image-size">（{escape(size)}）</span>'

    return IMG.sub(one, html)
