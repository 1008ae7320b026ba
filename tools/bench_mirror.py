"""Mirror figures: what precompression costs, and what rsync re-sends after a
one-item edit, as a share of the site.

    make bench-mirror                          a generated 10k corpus
    make bench-mirror BENCH_MIRROR_COUNT=100000
    .venv/bin/python tools/bench_mirror.py --corpus DIR

Builds the corpus, compresses every text file once more on its own (wall and
CPU seconds, all cores), mirrors the output with ``rsync -a --stats``, edits
one item's title, rebuilds, re-syncs, and prints the files and bytes rsync
transferred against the site's totals. Prints a table; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tools"))

import make_corpus  # noqa: E402  tools/make_corpus.py, beside this script
from bench import Gongkai, edit_one_item  # noqa: E402
from mirror_publish.compress import Levels, is_text  # noqa: E402
from mirror_publish.files import precompress  # noqa: E402
from catalog_model.settings import SiteSettings  # noqa: E402


def rsync_stats(source: Path, target: Path) -> dict[str, int]:
    out = subprocess.run(["rsync", "-a", "--delete", "--stats", f"{source}/", f"{target}/"],
                         capture_output=True, text=True, check=True).stdout
    found = {}
    for key, label in (("files", "Number of regular files transferred"), ("bytes", "Total transferred file size"),
                       ("sent", "Total bytes sent"), ("site_files", "Number of files"),
                       ("site_bytes", "Total file size")):
        found[key] = int(re.search(rf"^{label}: ([\d,]+)", out, re.M).group(1).replace(",", ""))
    return found


def compression_cost(site: Path) -> tuple[int, int, float, float]:
    """(text files, their bytes, wall s, CPU s) of compressing every text file of ``site`` again."""
    defaults = SiteSettings()
    extensions, min_bytes = defaults.MIRROR_COMPRESS_EXTENSIONS, defaults.MIRROR_COMPRESS_MIN_BYTES
    texts = [p for p in site.rglob("*") if p.is_file() and is_text(p, extensions, min_bytes)]
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    precompress(site, None, extensions, min_bytes, Levels(defaults.MIRROR_GZIP_LEVEL, defaults.MIRROR_BROTLI_QUALITY))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True))
    return len(texts), sum(p.stat().st_size for p in texts), wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=int(os.environ.get("BENCH_MIRROR_COUNT", "10000")))
    ap.add_argument("--corpus", type=Path, default=None, help="a content tree (default: generate --count items)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-mirror-"))
    corpus = work / "corpus"
    if not corpus.exists():
        if args.corpus:
            shutil.copytree(args.corpus, corpus)
        else:
            make_corpus.generate(corpus, args.count, attachments=True)
    output, mirror = work / "output", work / "mirror"
    build = Gongkai(work).build
    full, _ = build(corpus, output)
    texts, text_bytes, wall, cpu = compression_cost(output)
    first = rsync_stats(output, mirror)
    chunks_before = {p.name for p in (output / "manifest").iterdir()}
    edit_one_item(corpus)
    edited, _ = build(corpus, output)
    second = rsync_stats(output, mirror)
    chunks_after = {p.name for p in (output / "manifest").iterdir()}
    rows = [
        ("items", len(list(corpus.rglob("*.md")))),
        ("site: files / MB", f"{first['site_files']:,} / {first['site_bytes'] / 2**20:.1f}"),
        ("full build s (precompression included)", f"{full:.1f}"),
        ("text files compressed / MB", f"{texts:,} / {text_bytes / 2**20:.1f}"),
        ("compressing all of them, wall s / CPU s", f"{wall:.1f} / {cpu:.1f}"),
        ("one-edit rebuild s", f"{edited:.1f}"),
        ("rsync after one edit: files transferred",
         f"{second['files']:,} ({second['files'] / second['site_files']:.2%} of the files)"),
        ("rsync after one edit: bytes of those files",
         f"{second['bytes']:,} ({second['bytes'] / second['site_bytes']:.3%} of the bytes)"),
        ("rsync after one edit: bytes sent (delta transfer)", f"{second['sent']:,}"),
        ("manifest chunks rewritten by the edit", f"{len(chunks_after - chunks_before)} of {len(chunks_after)}"),
    ]
    print("| measure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
