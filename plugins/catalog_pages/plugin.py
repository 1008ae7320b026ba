"""Pelican wiring of the catalog pages."""
from pelican import signals

from catalog_model.settings import check_settings

from .filters import add_filters
from .generator import get_generators


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
