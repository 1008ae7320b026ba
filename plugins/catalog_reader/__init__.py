"""Reading: item files (YAML front matter + Markdown) into catalog entries."""
from .plugin import register  # noqa: F401
