"""The per-file work of publishing, done once per file the build produced.

Each produced file is read once: its SHA-256 (for the manifest), whether its
bytes equal the published copy (then it gets the published mtime back, so
``rsync -a`` skips it), and its compressed siblings — the published ones,
hard-linked, when its bytes are unchanged and those siblings are still as
published; otherwise compressed again. Batches run in a process pool on every
core (zlib and brotli hold the GIL for much of their work); each file's result
depends on its bytes only, so the tree is the same for any number of workers.

Files the build carried over (hard links of published files, see
``build_cache``) never come here when the publish record knows them.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from stat import S_ISREG

from catalog_model.output_files import files_below

from .compress import SUFFIXES, Levels, compress_bytes, is_text_name
from .known import Identity, identity

# A task: (path relative to staging, whether it is a carried-over published file,
# the publish record's entries of it and its siblings — None when it has none).
Task = tuple[str, bool, "dict | None"]


@dataclass(frozen=True)
class Job:
    staging: str
    published: str | None
    extensions: tuple[str, ...]
    min_bytes: int
    levels: Levels | None  # None: no siblings
    hash_files: bool = True  # the manifest needs each file's SHA-256


@dataclass
class Done:
    entries: dict[str, tuple[Identity, str | None]] = field(default_factory=dict)  # rel -> (identity, sha256)
    from_record: set[str] = field(default_factory=set)  # files whose entry is the publish record's
    unchanged: int = 0  # files whose bytes equal the published copy's
    changed: int = 0
    compressed: int = 0  # text files compressed again
    siblings_reused: int = 0  # text files that got the published siblings

    def merge(self, other: Done) -> None:
        self.entries.update(other.entries)
        self.from_record |= other.from_record
        self.unchanged += other.unchanged
        self.changed += other.changed
        self.compressed += other.compressed
        self.siblings_reused += other.siblings_reused


def scan(root: str) -> dict[str, os.DirEntry]:
    return files_below(root)


def precompress(staging: str, published: str | None, extensions: tuple[str, ...], min_bytes: int,
                levels: Levels, workers: int | None = None) -> tuple[int, int]:
    """Write siblings for every text file of ``staging`` (reusing the published
    ones of files whose bytes are unchanged), nothing else. Returns (reused, compressed)."""
    job = Job(str(staging), str(published) if published else None, extensions, min_bytes, levels, hash_files=False)
    done = produce(job, [(rel, False, None) for rel in sorted(scan(job.staging))], workers)
    return done.siblings_reused, done.compressed


def produce(job: Job, tasks: list[Task], workers: int | None = None) -> Done:
    """Do the work of ``tasks`` in ``workers`` processes (default one per core)."""
    count = max(1, min(workers or os.cpu_count() or 1, len(tasks) // 50 or 1))
    if count == 1:
        return _batch(job, tasks)
    batches = [tasks[i::count * 4] for i in range(count * 4)]
    done = Done()
    with ProcessPoolExecutor(count) as pool:
        for part in pool.map(_batch, [job] * len(batches), batches):
            done.merge(part)
    return done


def _batch(job: Job, tasks: list[Task]) -> Done:
    done = Done()
    for rel, carried, known in tasks:
        _one(job, rel, carried, known, done)
    return done


def _one(job: Job, rel: str, carried: bool, known: dict | None, done: Done) -> None:
    path = os.path.join(job.staging, rel)
    with open(path, "rb") as fh:
        data = fh.read()
    same = carried or (job.published is not None and keep_mtime_if_same(path, _published(job, rel), data))
    if same:
        done.unchanged += 1
    else:
        done.changed += 1
    _add(job, rel, path, data, done)
    if job.levels is None or len(data) < job.min_bytes or not is_text_name(rel, job.extensions):
        return
    if same and _link_published_siblings(job, rel, known, done):
        done.siblings_reused += 1
        return
    done.compressed += 1
    for suffix, packed in zip(SUFFIXES, compress_bytes(data, job.levels), strict=True):
        sibling = path + suffix
        write_new(sibling, packed)
        if job.published is not None and keep_mtime_if_same(sibling, _published(job, rel + suffix), packed):
            done.unchanged += 1
        else:
            done.changed += 1
        _add(job, rel + suffix, sibling, packed, done)


def _published(job: Job, rel: str) -> str:
    return os.path.join(job.published, rel)


def _add(job: Job, rel: str, path: str, data: bytes | None, done: Done, sha: str | None = None) -> None:
    if sha is None and job.hash_files:
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read()
        sha = hashlib.sha256(data).hexdigest()
    done.entries[rel] = (identity(os.stat(path)), sha)


def _link_published_siblings(job: Job, rel: str, known: dict | None, done: Done) -> bool:
    """Hard-link the published siblings of ``rel`` (whose bytes are the
    published ones) into staging, if they are still what was published from
    those bytes: by the publish record when it knows them, else (no record, as
    before there was one) when they exist."""
    siblings = [rel + suffix for suffix in SUFFIXES]
    shas: list[str | None] = [None] * len(siblings)
    if known:
        try:
            stats = [os.stat(_published(job, name)) for name in (rel, *siblings)]
        except OSError:
            return False
        for n, (name, stat) in enumerate(zip((rel, *siblings), stats, strict=True)):
            entry = known.get(name)
            if entry is None or entry[:3] != identity(stat):
                return False
            if n:
                shas[n - 1] = entry[3]
    elif not all(os.path.isfile(_published(job, name)) for name in siblings):
        return False
    for name, sha in zip(siblings, shas, strict=True):
        target = os.path.join(job.staging, name)
        link(_published(job, name), target)
        done.unchanged += 1
        _add(job, name, target, None, done, sha)
    return True


def keep_mtime_if_same(new: str, old: str, data: bytes) -> bool:
    """Give ``new`` (holding ``data``) the mtime of ``old`` if ``old`` holds the same bytes."""
    try:
        stat = os.stat(old)
        if stat.st_size != len(data) or not S_ISREG(stat.st_mode):
            return False
        with open(old, "rb") as fh:
            if fh.read() != data:
                return False
    except OSError:
        return False
    os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return True


def link(source: str, target: str) -> None:
    """``target`` becomes a hard link of ``source`` (a copy with its mtime on another file system)."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_new(path: str, data: bytes) -> None:
    """Write ``path`` as a new file: never through a hard link into a published file."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    with open(path, "wb") as fh:
        fh.write(data)
