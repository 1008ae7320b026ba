"""Exact incremental builds: an output is reused only when its inputs' fingerprint is unchanged."""
from .plugin import register  # noqa: F401
