"""Validate a whole content tree: every problem of every file, together."""
from __future__ import annotations

import os
from pathlib import Path

from catalog_model.catalog import Catalog
from catalog_model.entry import Entry
from catalog_model.organs import load_registry
from catalog_model.problems import Problem
from catalog_model.reference_date import reference_date
from catalog_model.vocabulary import Vocabulary

from .checks import check_catalog

ORGANS_FILE = "organs.yaml"

# Checks of other content beside the items (the platform's pages, 年报 data),
# added by their plugins' register(): (catalog, settings) -> problems. They run
# in the build and in `make check` alike, so one report lists every problem.
CONTENT_CHECKS: list = []


def add_content_check(check) -> None:
    if check not in CONTENT_CHECKS:
        CONTENT_CHECKS.append(check)


def validate_entries(entries: list[Entry], settings: dict) -> tuple[Catalog, list[Problem]]:
    """Cross-check the entries of one build; returns the catalog and all problems
    (the entries' own problems included)."""
    root = Path(settings["PATH"]).resolve()
    organs_file = settings.get("CATALOG_ORGANS_FILE", ORGANS_FILE)
    organs, problems = load_registry(root / organs_file, organs_file)
    published = [e for e in entries if not e.is_draft]
    catalog = Catalog(published, organs, reference_date(settings))
    vocabulary = Vocabulary.from_settings(settings)
    problems += [p for e in entries for p in e.problems]
    problems += check_catalog(catalog, root, vocabulary.index_no_pattern)
    for check in CONTENT_CHECKS:
        problems += check(catalog, settings)
    return catalog, problems


def display_prefix(settings: dict) -> str:
    """The content folder as the editor typed it (``content/``), for messages."""
    root = Path(settings["PATH"]).resolve()
    try:
        shown = root.relative_to(Path.cwd().resolve())
    except ValueError:
        shown = root
    return "" if str(shown) == "." else f"{shown.as_posix()}{os.sep}"
