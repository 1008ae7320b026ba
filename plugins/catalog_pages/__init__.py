"""Catalog pages: home, section and organ listings, item-page relations."""
from .plugin import register  # noqa: F401
