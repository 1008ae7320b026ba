"""Pelican wiring: after the site is written and checked, write the redirect
files beside the output (``output.redirects.nginx.conf`` and
``output.redirects.htaccess``, like ``output.external-links.txt``): they are
server configuration, not pages to serve.

Targets are absolute under ``CATALOG_SITE_URL``, or site-root-relative
(``/items/…``) when it is not set.
"""
from __future__ import annotations

import logging
from itertools import chain
from pathlib import Path

from pelican import signals

from mirror_publish.signals import before_publish

from .maps import apache_rules, nginx_map

logger = logging.getLogger(__name__)
NGINX_SUFFIX, APACHE_SUFFIX = "redirects.nginx.conf", "redirects.htaccess"

_build: dict = {}


def remember_sources(generators) -> None:
    context = generators[0].context
    articles = chain(context.get("articles", []), context.get("hidden_articles", []))
    _build["pairs"] = [(a.catalog.item.source_url, a.url) for a in articles
                       if getattr(a, "catalog", None) and a.catalog.item and a.catalog.item.source_url]


def write_redirects(pelican) -> None:
    settings = pelican.settings
    base = (settings.get("CATALOG_SITE_URL") or "").rstrip("/")
    pairs = [(old, f"{base}/{url}") for old, url in _build.get("pairs", [])]
    target = Path(settings.get("MIRROR_PUBLISH_PATH") or settings["OUTPUT_PATH"]).resolve()
    for suffix, text in ((NGINX_SUFFIX, nginx_map(pairs)), (APACHE_SUFFIX, apache_rules(pairs))):
        path = target.with_name(f"{target.name}.{suffix}")
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    logger.info("Redirects: %d old addresses (%s.%s, .%s)", len(pairs), target.name, NGINX_SUFFIX, APACHE_SUFFIX)


def register() -> None:
    signals.all_generators_finalized.connect(remember_sources)
    before_publish.connect(write_redirects)
