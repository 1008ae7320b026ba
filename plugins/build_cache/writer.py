"""The one function every page write goes through: Pelican's ``write_file``
with the page's input fingerprint.

A page written with a fingerprint (or whose ``save_as`` was given one with
:func:`declare`, for the pages Pelican's own generators write) is reused from
the published site when the fingerprint is unchanged; a page without one is
always rendered. A fingerprint must cover everything the page shows.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from pelican.writers import Writer

from . import state


def declare(save_as: str, fingerprint: str) -> None:
    """Give the page Pelican will write at ``save_as`` its input fingerprint."""
    state.declared[save_as] = fingerprint


def enabled() -> bool:
    """Whether this build reuses unchanged pages (otherwise fingerprints are not worth computing)."""
    return state.record is not None


def page_fingerprint(*inputs) -> str | None:
    """The fingerprint of a page with these inputs, None when there is no
    build cache (then every page is rendered)."""
    record = state.record
    return record.fingerprint(*inputs) if record is not None else None


def carry_over(save_as: str, fingerprint: str | None) -> bool:
    """For a page rendered outside ``write_file`` (e.g. in worker processes):
    True when its published copy was linked into staging; False when it must
    be written (then any link at ``save_as`` is released first)."""
    record = state.record
    if record is None:
        return False
    if record.reuse(save_as, fingerprint):
        return True
    record.release(save_as)
    return False


def produced(save_as: str, fingerprint: str | None) -> None:
    """The page at ``save_as`` was written (after :func:`carry_over` said so)."""
    if state.record is not None:
        state.record.record(save_as, fingerprint, [save_as])


def reuse(key: str, fingerprint: str | None) -> bool:
    """For outputs written other than by ``write_file`` (e.g. a folder of index
    files): carry the published files of ``key`` over when its fingerprint is
    unchanged. False when they must be produced (inside :func:`output_record`)."""
    return state.record is not None and state.record.reuse(key, fingerprint)


@contextmanager
def output_record(key: str, fingerprint: str | None, staging: Path, folder: Path):
    """Record the files that appear below ``folder`` (in staging) while the
    block runs as the output ``key``."""
    before = _files(folder)
    yield
    if state.record is not None:
        rel = folder.relative_to(staging).as_posix()
        state.record.record(key, fingerprint, [f"{rel}/{name}" for name in sorted(_files(folder) - before)])


def _files(folder: Path) -> set[str]:
    found = set()
    for parent, _, names in os.walk(folder):
        rel = os.path.relpath(parent, folder)
        found.update(name if rel == "." else f"{rel}/{name}" for name in names)
    return found


class CachingWriter(Writer):
    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, fingerprint=None, **kwargs):
        record = state.record
        if record is None or not name or paginated:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        fingerprint = fingerprint or state.declared.pop(name, None)
        if carry_over(name, fingerprint):
            return None
        result = super().write_file(name, template, context, relative_urls, paginated, template_name,
                                    override_output, url, **kwargs)
        produced(name, fingerprint)
        return result
