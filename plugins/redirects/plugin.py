"""Pelican wiring: once the written site passed its checks, write the redirect
files beside the output (``output.redirects.nginx.conf`` and
``output.redirects.htaccess``, like ``output.external-links.txt``): they are
server configuration, not pages to serve.

Targets are absolute under ``CATALOG_SITE_URL``, or site-root-relative
(``/items/…``) when it is not set.
"""
from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from catalog_model.catalog import Catalog
from catalog_model.signals import require_plugin, site_checked

from .maps import apache_rules, nginx_map

logger = logging.getLogger(__name__)
NGINX_SUFFIX, APACHE_SUFFIX = "redirects.nginx.conf", "redirects.htaccess"


def write_redirects(pelican, catalog: Catalog) -> None:
    settings = catalog.settings
    base = (settings.CATALOG_SITE_URL or "").rstrip("/")
    # Withdrawn items keep their page (a tombstone), so their old address leads there too.
    pairs = [(item.meta.source_url, f"{base}/{item.url}") for item in catalog.valid_items if item.meta.source_url]
    target = Path(settings.MIRROR_PUBLISH_PATH or pelican.output_path).resolve()
    for suffix, text in ((NGINX_SUFFIX, nginx_map(pairs)), (APACHE_SUFFIX, apache_rules(pairs))):
        path = target.with_name(f"{target.name}.{suffix}")
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    logger.info("Redirects: %d old addresses (%s.%s, .%s)", len(pairs), target.name, NGINX_SUFFIX, APACHE_SUFFIX)


def _require_catalog(pelican) -> None:
    require_plugin(pelican, "catalog_validation", "redirects")


def register() -> None:
    signals.initialized.connect(_require_catalog)
    site_checked.connect(write_redirects)
