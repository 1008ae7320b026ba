"""Reading: item files (YAML front matter + Markdown) into catalog entries."""
from .reader import register  # noqa: F401
