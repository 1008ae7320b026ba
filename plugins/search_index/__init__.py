"""Chinese full-text search: bigram tokenizer, term-sharded lunr index, search.html."""
from .plugin import register  # noqa: F401
