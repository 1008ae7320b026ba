"""Paths of the site derived from content (an item's 索引号, an organ's code).

Such a path is a URL and a file name at once: the site is copied to Windows
file servers, opened from file:// and mirrored with rsync. Whatever the
county's 索引号 scheme, each segment must therefore be a valid file name on
every OS, and two paths must not differ only in letter case (one would
overwrite the other on a case-insensitive disk). The path is used as written,
so URLs that are already printed stay the same.
"""
from __future__ import annotations

import re

# Letters, digits and - _ . only: no characters Windows forbids (<>:"|?*\),
# no spaces or non-ASCII that URLs would have to escape.
SAFE_CHARACTERS = re.compile(r"[A-Za-z0-9/_.-]+")
# Device names Windows reserves in any folder, with or without an extension.
RESERVED = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?", re.IGNORECASE)
MAX_LENGTH = 100  # far below Windows' 260-character path limit, with the output folder in front


def path_problem(path: str) -> str | None:
    """None when ``path`` is safe as a site path; otherwise the zh_CN.yaml key of the reason."""
    if not SAFE_CHARACTERS.fullmatch(path):
        return "url_characters"
    if len(path) > MAX_LENGTH:
        return "url_too_long"
    for segment in path.split("/"):
        if segment in ("", ".", "..") or segment.endswith("."):
            return "url_segment"
        if RESERVED.fullmatch(segment):
            return "url_reserved"
    return None


def case_key(path: str) -> str:
    """Paths equal under this key are one file on Windows and macOS."""
    return path.casefold()
