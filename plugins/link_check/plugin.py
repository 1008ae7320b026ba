"""Pelican wiring: check the written site before mirror_publish swaps it in."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import sys
from pathlib import Path

from pelican import signals

from catalog_model.catalog import Catalog
from catalog_model.problems import Problem, errors, problem, report
from catalog_model.settings import check_settings
from catalog_model.signals import require_plugin, site_published, site_written
from catalog_validation.validate import display_prefix

from .checker import check_site, published

logger = logging.getLogger(__name__)


def gate(pelican, catalog: Catalog) -> None:
    """Connected to ``site_written``: check the written site; exit on errors,
    so that it is never published."""
    settings = catalog.settings
    output = Path(pelican.output_path)
    cache_file = _cache_file(settings)
    cache = _load(cache_file) if cache_file else None
    result = check_site(output, cache)
    if cache_file:
        _save(cache_file, cache)
        _pending[:] = [(cache_file, cache, result.read, settings.MIRROR_PUBLISH_PATH)]
    root = Path(pelican.settings["PATH"])
    sources = {item.url: item.source_path for item in catalog.valid_items}
    problems: list[Problem] = [_broken(link, sources, root) for link in result.broken]
    if not settings.LINK_CHECK_ALLOW_EMPTY_SECTIONS:
        problems += [_generated(problem(catalog.section_url(name), 1, "", "empty_section", name=name))
                     for name, count in catalog.section_counts() if count == 0]
    external = _write_external_report(result.external, settings.MIRROR_PUBLISH_PATH or pelican.output_path)
    logger.info("Link check: %d pages, %d links, %d broken, %d external (listed in %s)",
                result.pages, result.links, len(result.broken), len(result.external), external)
    if problems:
        print(report(problems, display_prefix(pelican.settings), "report_link_errors"), file=sys.stderr)
    if errors(problems):
        raise SystemExit(1)


# The cache of this build's check, until the checked site is published.
_pending: list[tuple[Path, dict, list[str], str]] = []


def update_cache(pelican, catalog=None, files=None) -> None:
    """Connected to ``site_published``: the pages read are now published (some with their old mtime back)."""
    for cache_file, cache, read, folder in _pending:
        published(cache, folder, read)
        _save(cache_file, cache)
    _pending.clear()


def _cache_file(settings) -> Path | None:
    """Links of pages already checked, beside the build cache's records (none without one)."""
    if not settings.CATALOG_PAGE_CACHE or not settings.MIRROR_PUBLISH_PATH:
        return None
    published = str(Path(settings.MIRROR_PUBLISH_PATH).resolve())
    return Path(settings.CATALOG_PAGE_CACHE) / f"links-{hashlib.sha256(published.encode()).hexdigest()[:16]}.pickle"


def _load(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            cache = pickle.load(fh)
        return cache if isinstance(cache, dict) else {}
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return {}


def _save(path: Path, cache: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    with open(temporary, "wb") as fh:
        pickle.dump(cache, fh, pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def _broken(link, sources: dict[str, str], root: Path) -> Problem:
    source = sources.get(link.page)
    if source is None:  # a template's link: name the generated page
        return _generated(problem(link.page, 1, "", "broken_link", target=link.target, page=link.page))
    return problem(source, _line_of(root / source, link.target), "", "broken_link",
                   target=link.target, page=link.page)


def _generated(found: Problem) -> Problem:
    return dataclasses.replace(found, in_content=False)


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if text in line:
            return number
    return 1


def _write_external_report(links: set[str], published: str) -> str:
    """External links are listed for an editor to review, never fetched."""
    target = Path(published).resolve()
    path = target.with_name(f"{target.name}.external-links.txt")
    path.write_text("".join(f"{link}\n" for link in sorted(links)), encoding="utf-8")
    return str(path)


def require_catalog(pelican) -> None:
    require_plugin(pelican, "catalog_validation", "link_check")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.initialized.connect(require_catalog)
    site_written.connect(gate)
    site_published.connect(update_cache)
