"""Attachments: published under ``attachments/``, described by type and size
(township readers pay for every megabyte, so the size is shown before the click)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from catalog_model.units import human_size

OUTPUT_DIR = "attachments"


@dataclass(frozen=True)
class AttachmentFile:
    source: Path
    save_as: str
    title: str
    kind: str  # PDF, XLSX, …
    size: str  # 12.3 KB


def published_path(file: str) -> str:
    """Where an attached file (a path below content/) is published, relative to the site root."""
    return f"{OUTPUT_DIR}/{file}"


def describe(content_root: Path, file: str, title: str | None) -> AttachmentFile:
    source = content_root / file
    return AttachmentFile(source, published_path(file), title or Path(file).name,
                          Path(file).suffix.lstrip(".").upper() or "文件", human_size(source.stat().st_size))


def publish(attachment: AttachmentFile, output: Path) -> None:
    target = output / attachment.save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(attachment.source, target)
