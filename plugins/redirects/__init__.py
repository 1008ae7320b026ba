"""Redirects from the previous site's addresses (``source_url``) to the new pages."""
from .plugin import register  # noqa: F401
