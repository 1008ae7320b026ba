"""Link check (错链死链): no broken internal link and no empty section is published."""
from .plugin import register  # noqa: F401
