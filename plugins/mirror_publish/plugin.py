"""Pelican wiring: once the written site passed its checks (``site_checked``,
sent after ``site_written``'s checks; a check that exits stops everything and
the previous output stays as it was), add the precompressed siblings and the
manifest to staging, then publish staging over the output.

The work is in proportion to what the build produced. A file the build cache
carried over (a hard link of the published file, still as the build record
found it) whose identity the publish record (``known.py``) knows is the
published file: its SHA-256 is known, its published siblings are linked
beside it when they too are still as published, and its mtime is already the
published one. Every other file is read once (``files.py``): hashed, compared
with the published copy (same bytes: the published mtime), compressed.
Without a build record every file is such a file, as on a first build.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals

from build_cache.writer import carried_files
from catalog_model.settings import check_settings
from catalog_model.signals import require_plugin, site_checked, site_published

from .compress import SUFFIXES, Levels, is_text_name
from .files import Done, Job, Task, keep_mtime_if_same, link, produce, scan, write_new
from .known import Identity, PublishedFiles, identity
from .manifest import CHUNK_DIR, ROOT_NAME, commit_of, is_manifest_file, manifest_files
from .publish import swap_in

logger = logging.getLogger(__name__)


def publish(pelican, catalog) -> None:
    settings = catalog.settings
    staging = Path(pelican.output_path).resolve()
    published = Path(settings.MIRROR_PUBLISH_PATH).resolve() if settings.MIRROR_PUBLISH_PATH else None
    if staging == published:
        raise ValueError("MIRROR_PUBLISH_PATH must differ from the output (staging) path")
    levels = Levels(settings.MIRROR_GZIP_LEVEL, settings.MIRROR_BROTLI_QUALITY) if settings.MIRROR_PRECOMPRESS else None
    job = Job(str(staging), str(published) if published else None, settings.MIRROR_COMPRESS_EXTENSIONS,
              settings.MIRROR_COMPRESS_MIN_BYTES, levels, hash_files=settings.MIRROR_MANIFEST)
    known = PublishedFiles.open(settings.CATALOG_PAGE_CACHE if published else None, job.published or "")
    done = prepare(job, known, carried_files(), settings.MIRROR_COMPRESS_WORKERS)
    layout: list = []
    logger.info("Precompressed %d files (%d unchanged, siblings reused)", done.compressed, done.siblings_reused)
    if settings.MIRROR_MANIFEST:
        commit = settings.MIRROR_COMMIT
        if commit is None:
            commit = commit_of(Path(pelican.settings["PATH"]))
        listed = done.entries
        entries = [[rel, listed[rel][0][1], listed[rel][1]] for rel in sorted(listed) if not is_manifest_file(rel)]
        kept: dict[str, tuple[Identity, str | None]] = {}
        files, layout = manifest_files(entries, commit, catalog.reference_date.isoformat(),
                                       settings.MIRROR_MANIFEST_CHUNK_FILES,
                                       _published_chunks(entries, known, done, kept))
        write_manifest(job, known, files, kept, done)
    if published is None:
        return  # plain `pelican` run: it wrote straight into OUTPUT_PATH
    remover = swap_in(staging, published)
    known.save({rel: (*ident, sha) for rel, (ident, sha) in done.entries.items()}, layout)
    logger.info("Published %s: %d files changed, %d unchanged", published, done.changed, done.unchanged)
    try:
        # Every published file as it now is (size, mtime): the build cache records them.
        site_published.send(pelican, catalog=catalog,
                            files={rel: (ident[1], ident[2]) for rel, (ident, _) in done.entries.items()})
    finally:
        if remover is not None:
            remover.join()


def prepare(job: Job, known: PublishedFiles, carried: dict[str, Identity], workers: int | None) -> Done:
    """Siblings, SHA-256 and mtimes of every file of staging: from the publish
    record for carried-over files it knows, by reading for the others."""
    done = Done()
    tasks: list[Task] = []
    for rel, entry in sorted(scan(job.staging).items()):
        ident = carried.get(rel)
        # Still the published file the build record checked (nothing wrote through the link since)?
        is_carried = ident is not None and identity(entry.stat(follow_symlinks=False)) == ident
        if not (is_carried and _carry(job, known, rel, ident, done)):
            tasks.append((rel, is_carried, _known_of(known, rel)))
    done.merge(produce(job, tasks, workers))
    return done


def _carry(job: Job, known: PublishedFiles, rel: str, ident: Identity, done: Done) -> bool:
    """A carried-over file with its SHA-256 and siblings from the publish record;
    False when the record does not vouch for all of them."""
    sha = known.sha256(rel, ident)
    if sha is None and job.hash_files:
        return False
    siblings = []
    if job.levels is not None and ident[1] >= job.min_bytes and is_text_name(rel, job.extensions):
        for suffix in SUFFIXES:
            found = known.unchanged(rel + suffix)
            if found is None or (found[1] is None and job.hash_files):
                return False
            siblings.append((rel + suffix, found))
    for name, (sibling_ident, sibling_sha) in siblings:
        link(os.path.join(job.published, name), os.path.join(job.staging, name))
        done.entries[name] = (sibling_ident, sibling_sha)
        done.from_record.add(name)
    done.entries[rel] = (ident, sha)
    done.from_record.add(rel)
    done.unchanged += 1 + len(siblings)
    done.siblings_reused += bool(siblings)
    return True


def _known_of(known: PublishedFiles, rel: str) -> dict | None:
    """The publish record's entries of ``rel`` and its siblings (None when it does not know ``rel``)."""
    if rel not in known.files:
        return None
    return {name: known.files[name] for name in (rel, *(rel + s for s in SUFFIXES)) if name in known.files}


def _published_chunks(entries: list[list], known: PublishedFiles, done: Done, kept: dict):
    """For manifest_files: the published chunk that holds exactly ``entries[start:end]``, if any.

    It does when the chunk that began with the same file ended with the same
    file after as many files, every one of them a carried-over file whose
    entry is the publish record's (a new file in the range would be produced,
    a removed one would change the count), and it is still as published
    (its identity goes into ``kept``)."""
    def published(start: int, end: int) -> tuple[str, str] | None:
        old = known.chunks.get(entries[start][0])
        if old is None or old[:2] != (entries[end - 1][0], end - start):
            return None
        if not all(entries[n][0] in done.from_record for n in range(start, end)):
            return None
        found = known.unchanged(old[2])
        if found is None:
            return None
        kept[old[2]] = found
        return old[2], old[3]
    return published


def write_manifest(job: Job, known: PublishedFiles, files: dict[str, bytes | None], kept: dict,
                   done: Done) -> None:
    """Write the manifest's files into staging: a chunk the publish record
    knows unchanged in the published folder is linked (its name is its hash)."""
    os.makedirs(os.path.join(job.staging, CHUNK_DIR), exist_ok=True)
    for rel, body in files.items():
        path = os.path.join(job.staging, rel)
        found = kept.get(rel) or (known.unchanged(rel) if rel != ROOT_NAME and job.published else None)
        if found is not None:
            link(os.path.join(job.published, rel), path)
            done.entries[rel] = found
            done.unchanged += 1
            continue
        write_new(path, body)
        if job.published is not None and keep_mtime_if_same(path, os.path.join(job.published, rel), body):
            done.unchanged += 1
        else:
            done.changed += 1
        done.entries[rel] = (identity(os.stat(path)), None)


def require_catalog(pelican) -> None:
    require_plugin(pelican, "catalog_validation", "mirror_publish")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.initialized.connect(require_catalog)
    site_checked.connect(publish)
