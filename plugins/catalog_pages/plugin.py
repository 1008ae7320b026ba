"""Pelican wiring of the catalog pages."""
from pelican import signals

from .filters import add_filters
from .generator import get_generators


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
