"""Listing pages are cut from the oldest item, so growth touches few pages."""
from catalog_pages.listing import paginate


def pages_for(n, size=3):
    return paginate("s", list(range(n)), size, year_of=lambda i: 2020 + i // 4)


def test_small_listing_is_only_the_landing_page():
    [landing] = pages_for(3)
    assert landing.items == [2, 1, 0] and landing.older is None


def test_every_item_is_on_exactly_one_numbered_page_newest_first():
    landing, *chunks = pages_for(10)
    assert landing.items == [9, 8, 7]
    assert [c.items for c in chunks] == [[2, 1, 0], [5, 4, 3], [8, 7, 6], [9]]
    assert [c.save_as for c in chunks] == ["s/1.html", "s/2.html", "s/3.html", "s/4.html"]


def test_navigation_links_run_both_ways():
    landing, *chunks = pages_for(10)
    assert landing.older == "s/3.html"  # holds item 6, the newest one not on the landing page
    assert [c.older for c in chunks] == [None, "s/1.html", "s/2.html", "s/3.html"]
    assert [c.newer for c in chunks] == ["s/2.html", "s/3.html", "s/4.html", "s/index.html"]


def test_year_links_point_at_the_page_with_the_newest_item_of_that_year():
    landing, *_ = pages_for(10)
    assert landing.years == [(2022, "s/4.html"), (2021, "s/3.html"), (2020, "s/2.html")]


def test_adding_an_item_changes_only_the_newest_page_and_the_landing():
    before = {p.save_as: p.items for p in pages_for(10)}
    after = {p.save_as: p.items for p in pages_for(11)}
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"s/index.html", "s/4.html"}
