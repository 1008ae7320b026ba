"""Pelican wiring: check the written site before mirror_publish swaps it in."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import sys
from itertools import chain
from pathlib import Path

from pelican import signals

from catalog_model.problems import Problem, errors, problem, report
from catalog_validation.validate import display_prefix
from mirror_publish.signals import before_publish

from .checker import check_site

logger = logging.getLogger(__name__)
DEFAULTS = {
    "LINK_CHECK_ALLOW_EMPTY_SECTIONS": False,  # a county with unused sections should drop them from CATALOG_SECTIONS
}

# What the generators knew, kept for the check that runs after writing.
_build: dict = {}


def remember_build(generators) -> None:
    context = generators[0].context
    articles = chain(context.get("articles", []), context.get("hidden_articles", []))
    _build["sources"] = {a.save_as: a.catalog.source_path for a in articles if hasattr(a, "catalog")}
    _build["sections"] = [(s.name, s.url, s.count) for s in context.get("catalog_sections", [])]


def gate(pelican) -> None:
    settings = pelican.settings
    output = Path(pelican.output_path)
    cache_file = _cache_file(settings)
    cache = _load(cache_file) if cache_file else None
    result = check_site(output, cache)
    if cache_file:
        _save(cache_file, cache)
    root = Path(settings["PATH"])
    sources = _build.get("sources", {})
    problems: list[Problem] = [_broken(link, sources, root) for link in result.broken]
    if not settings.get("LINK_CHECK_ALLOW_EMPTY_SECTIONS", DEFAULTS["LINK_CHECK_ALLOW_EMPTY_SECTIONS"]):
        problems += [_generated(problem(url, 1, "", "empty_section", name=name))
                     for name, url, count in _build.get("sections", []) if count == 0]
    external = _write_external_report(result.external, settings)
    logger.info("Link check: %d pages, %d links, %d broken, %d external (listed in %s)",
                result.pages, result.links, len(result.broken), len(result.external), external)
    if problems:
        print(report(problems, display_prefix(settings), "report_link_errors"), file=sys.stderr)
    if errors(problems):
        raise SystemExit(1)


def _cache_file(settings) -> Path | None:
    """Links of pages already checked, beside the build cache's records (none without one)."""
    folder, target = settings.get("CATALOG_PAGE_CACHE"), settings.get("MIRROR_PUBLISH_PATH")
    if not folder or not target:
        return None
    return Path(folder) / f"links-{hashlib.sha256(str(Path(target).resolve()).encode()).hexdigest()[:16]}.pickle"


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


def _write_external_report(links: set[str], settings) -> str:
    """External links are listed for an editor to review, never fetched."""
    target = Path(settings.get("MIRROR_PUBLISH_PATH") or settings["OUTPUT_PATH"]).resolve()
    path = target.with_name(f"{target.name}.external-links.txt")
    path.write_text("".join(f"{link}\n" for link in sorted(links)), encoding="utf-8")
    return str(path)


def register() -> None:
    signals.all_generators_finalized.connect(remember_build)
    before_publish.connect(gate)
