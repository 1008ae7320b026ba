"""Mirroring: atomic, mtime-preserving publication of a finished build."""
from .plugin import register  # noqa: F401
