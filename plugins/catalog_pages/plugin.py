"""Pelican wiring of the catalog pages."""
from pelican import signals

from catalog_model.settings import check_settings
from catalog_model.signals import site_written

from .filters import add_filters
from .generator import get_generators
from .sitemap import write_on_site_written


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
    site_written.connect(write_on_site_written)
