"""Pelican wiring of the platform."""
from pelican import signals

from catalog_model.content_tree import item_excludes
from catalog_validation.advisories import add_advisory
from catalog_validation.validate import add_content_check

from .advice import platform_advice
from .content import check_platform
from .generator import get_generators


def exclude_pages(pelican) -> None:
    """Pelican's article generator skips the pages folder, as ``item_files`` does:
    a county whose settings name another CATALOG_PAGES_DIR (or leave ARTICLE_EXCLUDES
    without it) still never has a page read as an item."""
    excludes = item_excludes(pelican.settings)
    if excludes != list(pelican.settings.get("ARTICLE_EXCLUDES", [])):
        pelican.settings["ARTICLE_EXCLUDES"] = excludes


def register_checks() -> None:
    """The checks the build and `make check` run on pages and 年报 data, and the advice."""
    add_content_check(check_platform)
    add_advisory(platform_advice)


def register() -> None:
    register_checks()
    signals.initialized.connect(exclude_pages)
    signals.get_generators.connect(get_generators)
