"""Fixtures shared by all tests (helpers live in catalog_helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalog_helpers import ROOT, Tree, build


@pytest.fixture
def tree(tmp_path) -> Tree:
    return Tree(tmp_path / "content")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample catalog in content/, built once for the whole session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(ROOT / "content", output)
    assert result.returncode == 0, result.stderr
    return output
