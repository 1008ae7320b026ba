"""The dependency record: for each output of the published site, the
fingerprint of its inputs and the files it wrote.

A build writes into a staging folder that mirror_publish swaps in for the
published one. When an output's fingerprint equals the recorded one and its
published files are still exactly as recorded (size and mtime), the build
hard-links those files into staging instead of producing them again: the
same bytes, the same mtime, no rendering. The record is saved only once the
build has been published, so it always describes the published folder.

:attr:`OutputRecord.carried` tells the publishing step which files of staging
are such links (their bytes, compressed siblings and manifest entries are the
published ones), so that it spends its time on what the build produced.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
from pathlib import Path

from .unchanged import files_below

logger = logging.getLogger(__name__)
FORMAT = 2


class OutputRecord:
    def __init__(self, path: Path, staging: Path, published: Path, site: str):
        self.path, self.staging, self.published, self.site = path, staging, published, site
        self.previous: dict[str, tuple[str, list[tuple[str, int, int]]]] = {}
        self.current: dict[str, tuple[str, list[str]]] = {}  # key -> (fingerprint, files)
        self.reused = self.produced = 0
        # The whole build's inputs (unchanged.py) and the published folder's files, as last published.
        self.inputs: str | None = None
        self.previous_inputs: str | None = None
        self.previous_files: dict[str, tuple[int, int]] = {}
        # Files of staging that are hard links of published files: rel -> (inode, size, mtime_ns)
        # of the published file when it was linked, which its recorded size and mtime matched.
        self.carried: dict[str, tuple[int, int, int]] = {}
        self._folders: set[str] = set()

    @classmethod
    def open(cls, folder: Path, staging: Path, published: Path, site: str) -> OutputRecord:
        """The record of the site published at ``published`` (one per published folder)."""
        name = hashlib.sha256(str(published).encode()).hexdigest()[:16]
        record = cls(folder / f"{name}.pickle", staging, published, site)
        try:
            with open(record.path, "rb") as fh:
                saved = pickle.load(fh)
            if saved.get("format") == FORMAT and saved.get("published") == str(published):
                record.previous = saved["outputs"]
                record.previous_inputs, record.previous_files = saved["inputs"], saved["files"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
            pass  # no record, or unreadable: produce everything
        return record

    def unchanged(self, inputs: str) -> bool:
        """Whether a build with these ``inputs`` would produce the published
        site as it is: same inputs as when it was published, and every file of
        the published folder still there with the size and mtime it had then."""
        self.inputs = inputs
        return (inputs == self.previous_inputs and bool(self.previous_files)
                and files_below(str(self.published)) == self.previous_files)

    def fingerprint(self, *parts) -> str:
        """The fingerprint of an output with inputs ``parts``: plain values
        (strings, numbers, dates, lists, tuples and dicts of them), whose
        ``repr`` is deterministic and cheap."""
        return hashlib.blake2b(f"{self.site}{parts!r}".encode(), digest_size=16).hexdigest()

    def reuse(self, key: str, fingerprint: str | None) -> bool:
        """Link the published files of ``key`` into staging if its inputs are
        unchanged; False (produce it) otherwise, or without a fingerprint."""
        if fingerprint is None:
            return False
        old = self.previous.get(key)
        if old is None or old[0] != fingerprint:
            return False
        sources = []
        for rel, size, mtime in old[1]:
            source = os.path.join(self.published, rel)
            try:
                stat = os.stat(source)
            except OSError:
                return False
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return False  # changed by hand since it was published
            sources.append((rel, source, stat))
        for rel, source, stat in sources:
            target = os.path.join(self.staging, rel)
            folder = os.path.dirname(target)
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)  # another file system: a copy, not carried as far as others know
            else:
                self.carried[rel] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        self.current[key] = (fingerprint, [rel for rel, _, _ in sources])
        self.reused += 1
        return True

    def record(self, key: str, fingerprint: str | None, files: list[str]) -> None:
        """``key`` was produced into ``files`` (paths relative to staging)."""
        self.produced += 1
        if fingerprint is not None:
            self.current[key] = (fingerprint, files)

    def release(self, rel: str) -> None:
        """About to write ``rel`` in staging: if it is a link to a published
        file, unlink it first, so that writing never alters the published copy."""
        if self.carried.pop(rel, None) is not None:
            try:
                os.unlink(os.path.join(self.staging, rel))
            except OSError:
                pass

    def save(self, published_files: dict[str, tuple[int, int]] | None = None) -> None:
        """Record the published site (after the swap): fingerprints and file stats;
        ``published_files``: every published file's (size, mtime) when the publisher knows them
        (else they are read from the folder). Only ever compared with the folder as
        found by the next build (:meth:`unchanged`), so a wrong entry costs a build, never a skip."""
        if published_files is None:
            published_files = files_below(str(self.published))
        outputs = {}
        for key, (fingerprint, files) in self.current.items():
            stats = []
            for rel in files:
                found = published_files.get(rel)
                if found is None:
                    break  # removed after writing: do not record it
                stats.append((rel, *found))
            else:
                outputs[key] = (fingerprint, stats)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        with open(temporary, "wb") as fh:
            pickle.dump({"format": FORMAT, "published": str(self.published), "outputs": outputs,
                         "inputs": self.inputs,
                         "files": published_files}, fh,
                        pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.path)
        logger.info("Build cache: %d outputs reused, %d produced", self.reused, self.produced)
