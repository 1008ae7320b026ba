"""The build cache of the running build (None when it is off)."""
from __future__ import annotations

record = None  # OutputRecord of this build
