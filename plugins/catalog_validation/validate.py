"""Validate a whole content tree: every problem of every file, together."""
from __future__ import annotations

import os
from pathlib import Path

from catalog_model.catalog import Catalog
from catalog_model.catalog_file import scheme_settings
from catalog_model.content_tree import item_files
from catalog_model.history import read_history
from catalog_model.item import Item
from catalog_model.organs import load_registry
from catalog_model.problems import Problem
from catalog_model.reference_date import reference_date
from catalog_model.settings import site_settings
from catalog_model.vocabulary import Vocabulary
from catalog_reader.item_reader import ItemReader, read_item

from .checks import check_catalog


# Checks of other content beside the items (the platform's pages, 年报 data),
# added by their plugins' register(): (catalog, settings) -> problems. They run
# in the build and in `make check` alike, so one report lists every problem.
CONTENT_CHECKS: list = []


def add_content_check(check) -> None:
    if check not in CONTENT_CHECKS:
        CONTENT_CHECKS.append(check)


def validate_items(items: list[Item], settings: dict) -> tuple[Catalog, list[Problem]]:
    """Cross-check the items of one build; returns the catalog and all problems
    (the items' own problems included)."""
    root = Path(settings["PATH"]).resolve()
    typed = site_settings(settings)
    organs_file = typed.CATALOG_ORGANS_FILE
    scheme = scheme_settings(settings)  # catalog.yaml's own problems
    vocabulary = Vocabulary.from_settings(settings)
    organs, problems = load_registry(root / organs_file, organs_file, vocabulary.organ_codes)
    problems += scheme.problems
    published = [i for i in items if not i.is_draft]
    catalog = Catalog(published, organs, reference_date(settings), typed, vocabulary,
                      history=read_history(root) if typed.CATALOG_GIT_HISTORY else {})
    problems += [p for i in items for p in i.problems]
    problems += check_catalog(catalog, root, vocabulary.index_no_pattern)
    for check in CONTENT_CHECKS:
        problems += check(catalog, settings)
    return catalog, problems


def validate_tree(settings: dict, bodies: bool = False) -> tuple[Catalog, list[Problem]]:
    """Read and validate every item below ``settings['PATH']`` without building
    (``make check``, tests); returns (catalog, problems). With ``bodies`` the
    Markdown bodies are rendered too, exactly as the build renders them."""
    if bodies:
        reader = ItemReader.from_settings(settings)
        items = [reader.read(path) for path in item_files(settings)]
    else:
        root = Path(settings["PATH"]).resolve()
        vocabulary = Vocabulary.from_settings(settings)
        items = [read_item(path, root, vocabulary)[0] for path in item_files(settings)]
    return validate_items(items, settings)


def display_prefix(settings: dict) -> str:
    """The content folder as the editor typed it (``content/``), for messages."""
    root = Path(settings["PATH"]).resolve()
    try:
        shown = root.relative_to(Path.cwd().resolve())
    except ValueError:
        shown = root
    return "" if str(shown) == "." else f"{shown.as_posix()}{os.sep}"
