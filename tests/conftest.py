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


# A skipped test hides a missing part of the product or of the machine `make test`
# sets up (a built page, chromium, java): the run lists the skips with their reasons
# (-rs, pyproject.toml) and fails.
SKIPPED: list[str] = []


def pytest_runtest_logreport(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus) -> None:
    if SKIPPED and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if SKIPPED:
        terminalreporter.write_line(f"{len(SKIPPED)} skipped: a skip fails this suite (see the reasons above)",
                                    red=True)
