"""gongkai's own signals, after Pelican's ``finalized``, in a fixed order.

Blinker calls the receivers of one signal in no guaranteed order, so
"check, then publish" cannot be two receivers of ``finalized``. The
catalog_validation plugin (which builds the catalog) sends these two, one
after the other, once Pelican has written the whole site:

- ``site_written(pelican, catalog=…)``: checks of the written site (the link
  check). A receiver that finds it unfit reports why and raises
  ``SystemExit``; nothing is published.
- ``site_checked(pelican, catalog=…)``: every check passed; publish it
  (mirror_publish swaps the staging folder in).
"""
from blinker import signal

site_written = signal("gongkai.site_written")
site_checked = signal("gongkai.site_checked")
# Sent by mirror_publish once the build is the published site (after the swap), with
# ``catalog`` and ``files``: every published file's (size, mtime).
site_published = signal("gongkai.site_published")


def require_plugin(pelican, name: str, needed_by: str) -> None:
    """Fail loudly, before the build starts, when a plugin we rely on is not enabled."""
    loaded = {str(p).rsplit(".", 1)[-1] for p in pelican.settings.get("PLUGINS", [])}
    if name not in loaded:
        raise RuntimeError(f"{needed_by} needs the {name} plugin: add '{name}' to PLUGINS")
