"""Check a built site: every internal link, image, stylesheet and script
resolves to a file in the output (错链死链), and no section is empty (空白栏目).

The output is gongkai's own HTML (Jinja templates, nh3-serialised bodies),
whose attributes are always double-quoted, so a regular expression reads the
links exactly and far faster than an HTML parser: the check stays a small
fraction of the build at 100k pages. External links are collected, never fetched.

A rebuild reads only the pages it produced: the cache (kept by the plugin)
holds each page's file identity and what it links to, so a page that is the
very same file as when it was last checked is read again only when one of the
files it links to has disappeared since (or when it had a broken link then).
"""
from __future__ import annotations

import os
import posixpath
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from catalog_model.output_files import files_below

LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')
NOT_FILES = ("mailto:", "tel:", "data:")  # data: (the empty favicon) names no file; nh3 strips it from bodies
CACHE_FORMAT = 2


@dataclass
class BrokenLink:
    page: str  # output page, relative to the output folder
    target: str  # the link as written


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    broken: list[BrokenLink] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    read: list[str] = field(default_factory=list)  # the pages read (not known from the cache)


@dataclass
class PageLinks:
    """What one page links to: internal targets with the output file each
    resolves to, links broken whatever the site holds, and external links."""

    count: int = 0
    internal: list[tuple[str, str]] = field(default_factory=list)  # (target as written, resolved file)
    broken: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


def check_site(output: Path, cache: dict | None = None) -> LinkReport:
    """Check every page below ``output``. ``cache`` (see :func:`_cached`) is
    read and updated: a page that is the very same file as when it was last
    checked (a page a rebuild carried over) is not read again unless a file it
    links to has disappeared since. The report is the same either way."""
    files = files_below(output)
    report = LinkReport()
    pages = sorted(f for f in files if f.endswith(".html"))
    if cache is None:
        for page in pages:
            _add(report, page, _read(output, page), files)
        return report
    if cache.get("format") != CACHE_FORMAT:
        cache.clear()
        cache.update(format=CACHE_FORMAT, files="", targets=[], pages={})
    known, targets = cache["pages"], cache["targets"]
    index = {target: n for n, target in enumerate(targets)}
    # Files gone since the last check: a page that links to one of them is read again.
    gone = {index[name] for name in cache["files"].split("\0") if name not in files and name in index}
    checked = {}
    for page in pages:
        stat = files[page].stat()
        identity = (stat.st_ino, stat.st_dev, stat.st_size, stat.st_mtime_ns)
        entry = known.get(page)
        if entry is None or entry[0] != identity or entry[5] or (gone and not gone.isdisjoint(_ids(entry[2]))):
            links = _read(output, page)
            ids = array("I", (index.setdefault(resolved, len(index)) for resolved in
                              dict.fromkeys(resolved for _, resolved in links.internal)))
            dangling = any(resolved not in files for _, resolved in links.internal)
            entry = (identity, links.count, ids.tobytes(), tuple(links.broken), tuple(links.external), dangling)
            _add(report, page, links, files)
            report.read.append(page)
        else:  # the same file, every file it links to still there: what it reported last time
            report.pages += 1
            report.links += entry[1]
            report.external.update(entry[4])
            report.broken += [BrokenLink(page, target) for target in entry[3]]
        checked[page] = entry
    targets[len(targets):] = list(index)[len(targets):]
    cache["pages"], cache["files"] = checked, "\0".join(files)
    if len(targets) > 2 * len(files) + 1024:
        _compact(cache)
    return report


def published(cache: dict, folder: str, pages: list[str]) -> None:
    """The checked ``pages`` are now in ``folder`` (the published site), where
    publishing gave those whose bytes did not change their old mtime back:
    take their identity there, so that the next build knows them. Publishing
    writes no page's bytes, and a page whose inode or size differs is left to be read again."""
    known = cache.get("pages", {})
    for page in pages:
        entry = known.get(page)
        try:
            stat = os.stat(os.path.join(folder, page))
        except OSError:
            continue
        if entry is not None and entry[0][:3] == (stat.st_ino, stat.st_dev, stat.st_size):
            known[page] = ((stat.st_ino, stat.st_dev, stat.st_size, stat.st_mtime_ns), *entry[1:])


def _read(output: Path, page: str) -> PageLinks:
    with open(f"{output}/{page}", encoding="utf-8") as fh:
        return page_links(page, fh.read())


def _add(report: LinkReport, page: str, links: PageLinks, files) -> None:
    report.pages += 1
    report.links += links.count
    report.external.update(links.external)
    report.broken += [BrokenLink(page, target) for target in links.broken]
    report.broken += [BrokenLink(page, target) for target, resolved in links.internal if resolved not in files]


def _ids(data: bytes) -> array:
    ids = array("I")
    ids.frombytes(data)
    return ids


def _compact(cache: dict) -> None:
    """Number again only the targets some page still links to (the list grows as pages come and go)."""
    old, index = cache["targets"], {}
    for page, entry in cache["pages"].items():
        ids = array("I", (index.setdefault(old[n], len(index)) for n in _ids(entry[2])))
        cache["pages"][page] = (entry[0], entry[1], ids.tobytes(), *entry[3:])
    cache["targets"] = list(index)


def page_links(page: str, html: str) -> PageLinks:
    links = PageLinks()
    folder = posixpath.dirname(page)
    ids = None
    for target in LINK.findall(html):
        links.count += 1
        url = urlsplit(target.replace("&amp;", "&"))
        if url.scheme or url.netloc:
            if url.scheme in ("http", "https"):
                links.external.append(target)
            elif not target.startswith(NOT_FILES):
                links.broken.append(target)  # javascript:, data:, file: …
            continue
        if not url.path:  # a fragment on the same page
            ids = ids if ids is not None else set(ID.findall(html))
            if url.fragment and url.fragment not in ids:
                links.broken.append(target)
            continue
        resolved = posixpath.normpath(posixpath.join(folder, unquote(url.path)))
        if url.path.endswith("/"):
            resolved = posixpath.join(resolved, "index.html")
        links.internal.append((target, resolved))
    return links
