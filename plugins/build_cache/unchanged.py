"""Nothing changed since the last publication: then there is nothing to build.

A no-change rebuild is what an editor's preview and CI do most often. Every
output is a function of the build's inputs, so when every input is what the
published site was built from, and the published folder is exactly as that
build left it, the published site *is* this build's result. The inputs are:

- everything every page depends on (:func:`site_fingerprint`: the code and
  library versions, the theme, the settings, the reference date);
- the bytes and names of every file of the content tree (items, attachments,
  images, organ registry, platform pages, 年报 data: anything a build may read);
- the git state the revision history and the manifest's commit come from
  (HEAD, the content's status, a shallow clone's boundary);
- the bytes of lunr.js, copied into every site from node_modules.

The published folder is compared by the name, size and mtime of every file
with what was recorded when it was published: a file edited, added or
removed by hand sends the build down the normal path, which restores it.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from catalog_model.output_files import files_below as listed_files
from catalog_model.settings import site_settings

from .fingerprint import digest, file_digest, folder_digest


def inputs_fingerprint(settings: dict, site: str) -> str:
    """The fingerprint of every input of the whole site (``site``: its site fingerprint)."""
    content = os.path.realpath(settings["PATH"])
    lunr = site_settings(settings).SEARCH_LUNR_JS
    return digest(site, folder_digest(content, skip=(".git",)), git_state(content), file_digest(Path(lunr)) if lunr else "")


def git_state(content: str) -> tuple[str, str, str]:
    """HEAD, the content's status (modified and untracked files) and the
    shallow boundary: what history.py and the manifest read from git.
    Empty outside git (then the tree's bytes are all there is)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=content, capture_output=True,
                              text=True, errors="replace", timeout=600, check=True).stdout
    try:
        head = git("rev-parse", "HEAD", "--git-dir")
        status = git("status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.SubprocessError):
        return ("", "", "")
    git_dir = os.path.join(content, head.split("\n")[1])
    shallow = os.path.join(git_dir, "shallow")
    return head, status, file_digest(Path(shallow)) if os.path.exists(shallow) else ""


def files_below(root: str, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file below ``root`` (relative POSIX path) with its (size, mtime in ns);
    linked folders followed, as Pelican follows them."""
    found = {}
    for rel, entry in listed_files(root, skip, follow_links=True).items():
        stat = entry.stat()
        found[rel] = (stat.st_size, stat.st_mtime_ns)
    return found
