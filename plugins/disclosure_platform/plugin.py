"""Pelican wiring of the platform."""
from pelican import signals

from catalog_validation.advisories import add_advisory
from catalog_validation.tree import item_excludes
from catalog_validation.validate import add_content_check

from .advice import platform_advice
from .content import check_platform
from .generator import get_generators


def exclude_pages(pelican) -> None:
    """Pelican reads no page as an item (the same folders ``validate_tree`` skips)."""
    pelican.settings["ARTICLE_EXCLUDES"] = item_excludes(pelican.settings)


def register_checks() -> None:
    """The checks the build and `make check` run on pages and 年报 data, and the advice."""
    add_content_check(check_platform)
    add_advisory(platform_advice)


def register() -> None:
    register_checks()
    signals.initialized.connect(exclude_pages)
    signals.get_generators.connect(get_generators)
