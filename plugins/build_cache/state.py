"""The build cache of the running build (None when it is off)."""
from __future__ import annotations

record = None  # OutputRecord of this build
declared: dict[str, str] = {}  # save_as -> fingerprint, for pages written by Pelican's generators
