"""Build-time figures for the sample catalog and generated corpora.

    make bench                       sample, 1k and 10k items
    make bench BENCH_COUNTS="1000 100000"

For each corpus: a full build, a rebuild with nothing changed, and a rebuild
after editing one item (its title), each with wall time and peak memory; the
output's size and file count; and how many output files the one-item edit
changed (what a mirror has to copy). Prints a table; asserts nothing.
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

import make_corpus  # tools/make_corpus.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def build(content: Path, output: Path) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of one `make html`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html",
                             f"CONTENT={content}", f"OUTPUT={output}"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"build of {content} failed:\n{result.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024


def files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def item_paths(content: Path) -> list[Path]:
    from catalog_model.content_tree import item_files
    return item_files({"PATH": str(content), "ARTICLE_EXCLUDES": ["files"]})


def edit_one_item(content: Path) -> None:
    items = item_paths(content)
    target = items[len(items) // 2]
    text = target.read_text(encoding="utf-8")
    target.write_text(re.sub(r'^(title: "?)', r"\1（更正）", text, count=1, flags=re.M), encoding="utf-8")


def measure(name: str, content: Path, work: Path) -> dict:
    output = work / f"out-{name}"
    full, rss = build(content, output)
    before = files(output)
    again, _ = build(content, output)
    untouched = files(output) == before
    edit_one_item(content)
    edited, _ = build(content, output)
    after = files(output)
    changed = [k for k, v in after.items() if before.get(k) != v]
    pages = sum(1 for k in changed if k.endswith(".html"))
    size = sum(s for s, _ in after.values())
    return {"corpus": name, "items": len(item_paths(content)), "full build s": f"{full:.1f}",
            "no-change s": f"{again:.1f}", "one-edit s": f"{edited:.1f}", "peak RSS MB": rss,
            "output files": len(after), "output MB": f"{size / 2**20:.1f}",
            "pages changed by one edit": pages, "other files changed": len(changed) - pages,
            "no-change rebuild untouched": untouched}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default=os.environ.get("BENCH_COUNTS", "1000 10000"))
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    rows = []
    sample = work / "sample"
    shutil.copytree(ROOT / "content", sample, dirs_exist_ok=True)
    rows.append(measure("sample", sample, work))
    for count in map(int, args.counts.split()):
        corpus = work / f"corpus-{count}"
        if not corpus.exists():
            make_corpus.generate(corpus, count, attachments=True)
        rows.append(measure(f"{count}", corpus, work))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
