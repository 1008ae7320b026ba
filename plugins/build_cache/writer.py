"""The one function every page write goes through: Pelican's ``write_file``
with the page's input fingerprint.

A page written with a fingerprint is reused from the published site when
the fingerprint is unchanged; a page without one is always rendered. A
fingerprint must cover everything the page shows. Outputs written other than
by ``write_file`` (pages rendered in worker processes, the search index's
files) use :func:`carry_over` or :func:`reuse`, then :func:`produced`.
"""
from __future__ import annotations

from pelican.writers import Writer

from . import state


def enabled() -> bool:
    """Whether this build reuses unchanged pages (otherwise fingerprints are not worth computing)."""
    return state.record is not None


def page_fingerprint(*inputs) -> str | None:
    """The fingerprint of a page with these inputs, None when there is no
    build cache (then every page is rendered)."""
    record = state.record
    return record.fingerprint(*inputs) if record is not None else None


def carried_files() -> dict[str, tuple[int, int, int]]:
    """The files of staging that are hard links of published files, with the
    (inode, size, mtime_ns) the record found them with: empty without a record."""
    return state.record.carried if state.record is not None else {}


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


def reuse(key: str, fingerprint: str | None) -> bool:
    """For outputs written other than by ``write_file`` (e.g. a folder of index
    files): carry the published files of ``key`` over when its fingerprint is
    unchanged. False when they must be produced (then record them with :func:`produced`)."""
    return state.record is not None and state.record.reuse(key, fingerprint)


def produced(key: str, fingerprint: str | None, files: list[str] | None = None) -> None:
    """Record that ``key`` was produced (after :func:`carry_over` or :func:`reuse`
    said so) into ``files`` (paths relative to staging; default the file ``key``)."""
    if state.record is not None:
        state.record.record(key, fingerprint, files if files is not None else [key])


class CachingWriter(Writer):
    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, fingerprint=None, **kwargs):
        record = state.record
        if record is None or not name or paginated:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        if carry_over(name, fingerprint):
            return None
        result = super().write_file(name, template, context, relative_urls, paginated, template_name,
                                    override_output, url, **kwargs)
        produced(name, fingerprint)
        return result
