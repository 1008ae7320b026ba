"""Validation: cross-file checks and the one report that stops a bad build."""
from .plugin import register  # noqa: F401
