"""Paginated listings that stay put when the catalog grows.

Pages are cut from the oldest item forward: page 1 holds the 20 oldest
items, page 2 the next 20, and so on; each page shows its items newest first.
Adding a new item therefore changes only the newest page and the landing
page (``index.html``, the newest items) — not every page of the section, as
numbering from the newest would. That is what keeps a one-item edit a
few-file change for mirrors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable, Sequence


@dataclass
class ListingPage:
    save_as: str
    items: list  # newest first
    number: int | None = None  # None for the landing page
    newer: str | None = None  # save_as of the page with newer items
    older: str | None = None
    total: int = 0
    years: list[tuple[int, str]] = field(default_factory=list)  # landing only: (year, save_as)


def paginate(base: str, items: Sequence[Any], size: int,
             year_of: Callable[[Any], int]) -> list[ListingPage]:
    """Listing pages under ``base`` for ``items`` sorted oldest first.

    Returns the landing page first, then the numbered pages (only when the
    items do not all fit on the landing page).
    """
    n = len(items)
    landing = ListingPage(f"{base}/index.html", list(reversed(items[-size:])), total=n)
    if n <= size:
        return [landing]
    count = (n + size - 1) // size
    chunks = [ListingPage(_chunk(base, k), list(reversed(items[(k - 1) * size:k * size])), number=k, total=n)
              for k in range(1, count + 1)]
    for page in chunks:
        page.older = _chunk(base, page.number - 1) if page.number > 1 else None
        page.newer = _chunk(base, page.number + 1) if page.number < count else landing.save_as
    # The first item not on the landing page is the (size+1)-th newest.
    landing.older = _chunk(base, (n - size - 1) // size + 1)
    newest_of_year: dict[int, int] = {}
    for position, item in enumerate(items):
        newest_of_year[year_of(item)] = position
    landing.years = [(year, _chunk(base, position // size + 1))
                     for year, position in sorted(newest_of_year.items(), reverse=True)]
    return [landing, *chunks]


def _chunk(base: str, number: int) -> str:
    return f"{base}/{number}.html"
