"""The output manifest: every published file with its size and SHA-256, so a
mirror can prove its copy whole (``make verify-mirror DIR=…``).

A 100k-item site has 300k+ files: one manifest of them would be tens of MB,
re-fetched by every mirror after every edit. So ``manifest.json`` is small: the
build's commit and date, totals, and a list of *chunks*. The sorted file list
is cut into chunks where a path's own hash says so (content-defined, about
``chunk_files`` paths each), and each chunk is written to
``manifest/<sha256 of its bytes>.json``. An edit changes the entries of a few
files, so only their chunks get new names and bytes: the others keep both,
and their modification time, as every unchanged output does.

The publish step hands in each file's size and SHA-256, computed once, or
known from the publish record (``known.py``) for files carried over from the
published site.

The build date never comes from the clock: it is the build's reference date
(``CATALOG_REFERENCE_DATE`` / ``SOURCE_DATE_EPOCH`` / last commit date).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from catalog_model.output_files import files_below

FORMAT, VERSION = "gongkai-manifest", 1
ROOT_NAME, CHUNK_DIR = "manifest.json", "manifest"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_manifest_file(rel: str) -> bool:
    return rel == ROOT_NAME or rel.startswith(CHUNK_DIR + "/")


def list_files(root: Path) -> list[str]:
    """Every regular file below ``root`` but the manifest's own, as sorted POSIX paths."""
    return sorted(rel for rel in files_below(root) if not is_manifest_file(rel))


def _ends_chunk(rel: str, chunk_files: int) -> bool:
    return int.from_bytes(hashlib.sha256(rel.encode()).digest()[:4], "big") % chunk_files == 0


def _dump(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


def commit_of(content: Path) -> str:
    """The commit the content is at ("" outside git); a dirty tree gets a ``+dirty`` mark."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=content, capture_output=True, text=True,
                              timeout=60, check=True).stdout.strip()
    try:
        commit = git("rev-parse", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=normal", "--", ".")  # a new item file counts
    except (OSError, subprocess.SubprocessError):
        return ""
    return commit + ("+dirty" if dirty else "")


def manifest_files(entries: list[list], commit: str, build_date: str, chunk_files: int,
                   published=None) -> tuple[dict[str, bytes | None], list[tuple[str, str, int, str, str]]]:
    """The manifest's files (path -> bytes: the chunks, then ``manifest.json``)
    for ``entries``, the sorted ``[path, size, sha256]`` of every file but the
    manifest's own, and the chunks' layout ``(first, last, count, file, sha256)``.
    ``published(start, end)`` may name a published chunk that holds exactly
    ``entries[start:end]`` as ``(file, sha256)``: its bytes are not made again (None)."""
    files: dict[str, bytes | None] = {}
    chunks, layout, start = [], [], 0
    for end, entry in enumerate(entries, 1):
        if end == len(entries) or _ends_chunk(entry[0], chunk_files):
            known = published(start, end) if published else None
            if known is None:
                body = _dump({"files": entries[start:end]})
                digest = hashlib.sha256(body).hexdigest()
                name = f"{CHUNK_DIR}/{digest[:32]}.json"
                files[name] = body
            else:
                name, digest = known
                files[name] = None
            chunks.append({"file": name, "sha256": digest, "first": entries[start][0], "count": end - start})
            layout.append((entries[start][0], entry[0], end - start, name, digest))
            start = end
    manifest = {"format": FORMAT, "version": VERSION, "commit": commit, "build_date": build_date,
                "files": len(entries), "bytes": sum(entry[1] for entry in entries), "chunks": chunks}
    files[ROOT_NAME] = _dump(manifest)
    return files, layout


def read_manifest(manifest_path: Path) -> tuple[dict, dict[str, tuple[int, str]], list[str]]:
    """The root manifest, every listed file as ``{path: (size, sha256)}``, and problems with the chunks."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ValueError(f"{manifest_path}: not a {FORMAT} version {VERSION} manifest")
    entries, problems = {}, []
    for chunk in manifest["chunks"]:
        path = manifest_path.parent / chunk["file"]
        try:
            body = path.read_bytes()
        except OSError:
            problems.append(chunk["file"])
            continue
        if hashlib.sha256(body).hexdigest() != chunk["sha256"]:
            problems.append(chunk["file"])
            continue
        for rel, size, digest in json.loads(body)["files"]:
            entries[rel] = (size, digest)
    return manifest, entries, problems


def verify(mirror: Path, manifest_path: Path) -> dict[str, list[str]]:
    """Compare a mirror folder with a manifest: missing, changed and extra files."""
    manifest, expected, broken_chunks = read_manifest(manifest_path)
    present = set(list_files(mirror))
    referenced = {c["file"] for c in manifest["chunks"]}
    result = {"missing": [], "changed": [], "extra": [], "broken manifest chunks": broken_chunks}
    for rel, (size, digest) in sorted(expected.items()):
        path = mirror / rel
        if rel not in present:
            result["missing"].append(rel)
        elif path.stat().st_size != size or sha256_file(path) != digest:
            result["changed"].append(rel)
    result["extra"] = sorted(present - expected.keys())
    chunk_dir = mirror / CHUNK_DIR
    if chunk_dir.is_dir():
        result["extra"] += sorted(f"{CHUNK_DIR}/{name}" for name in os.listdir(chunk_dir)
                                  if f"{CHUNK_DIR}/{name}" not in referenced)
    if manifest_path.resolve().parent != mirror.resolve():
        own = mirror / ROOT_NAME
        if not own.is_file() or own.read_bytes() != manifest_path.read_bytes():
            result["changed" if own.is_file() else "missing"].append(ROOT_NAME)
        result["missing"] += sorted(f for f in referenced if not (mirror / f).is_file())
    return result
