"""Build-time figures: gongkai against plain Pelican (and Hugo when installed), same corpora, same run.

    make bench                            generated 1k and 10k corpora
    make bench BENCH_COUNTS="10000 100000"
    make bench BENCH_COUNTS=100000 BENCH_BUILDERS=gongkai

For each corpus (from tools/make_corpus.py, or the script named by
MAKE_CORPUS) and each builder, back to back: a full build (cold: no caches),
a rebuild with nothing changed, and a rebuild after editing one item's title;
wall time and peak RSS of each (the largest single process: worker processes
are not summed); output files and MB; for gongkai, how many files the edit
changed and its time as a ratio to plain Pelican's. Plain Pelican uses its
default theme, YAML front matter (bench/plain_pelican) and its content cache.
Prints one Markdown table; asserts nothing. The machine is shared: compare
ratios within one run, not seconds across runs.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = Path(os.environ.get("MAKE_CORPUS", ROOT / "tools" / "make_corpus.py"))
PLAIN = ROOT / "bench" / "plain_pelican"
PELICAN = ROOT / ".venv" / "bin" / "pelican"


def run(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def timed(command: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS in MB (GNU time's maximum resident set size: the
    largest single process, worker processes are not summed)."""
    if not Path("/usr/bin/time").exists():
        return run(command), 0
    with tempfile.NamedTemporaryFile("r", prefix="gongkai-bench-time-") as report:
        seconds = run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command])
        return seconds, int(report.read().split()[-1]) // 1024


class Gongkai:
    name = "gongkai"

    def __init__(self, work: Path):
        self.work = work

    def build(self, content: Path, output: Path) -> tuple[float, int]:
        return timed(["make", "--no-print-directory", "-C", str(ROOT), "html", f"CONTENT={content}",
                      f"OUTPUT={output}", f"EXTRA_SETTINGS=CATALOG_READ_CACHE='\"{self.work}/cache-{output.name}/items\"' "
                      f"CATALOG_PAGE_CACHE='\"{self.work}/cache-{output.name}/pages\"'"])


class PlainPelican:
    name = "plain Pelican"

    def __init__(self, work: Path):
        self.work = work

    def build(self, content: Path, output: Path) -> tuple[float, int]:
        return timed([str(PELICAN), str(content), "-s", str(PLAIN / "pelicanconf.py"), "-o", str(output),
                      "--cache-path", str(self.work / f"cache-{output.name}"), "-q"])


class Hugo:
    """Debian's hugo with minimal layouts; the corpus's YAML front matter is Hugo's own format."""
    name = "Hugo"

    def __init__(self, work: Path):
        self.work = work
        self.site = work / "hugo-site"
        layouts = self.site / "layouts" / "_default"
        layouts.mkdir(parents=True, exist_ok=True)
        (self.site / "hugo.toml").write_text('title = "bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
        (layouts / "single.html").write_text("<!DOCTYPE html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>"
                                             "{{ .Content }}\n")
        (layouts / "list.html").write_text("<!DOCTYPE html><title>{{ .Title }}</title><ul>{{ range .Pages }}"
                                           '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</ul>\n')

    def build(self, content: Path, output: Path) -> tuple[float, int]:
        return timed(["hugo", "--quiet", "-s", str(self.site), "--contentDir", str(content),
                      "-d", str(output), "--cacheDir", str(self.work / f"cache-{output.name}")])


def files(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(parent, name))
            out[os.path.relpath(os.path.join(parent, name), folder)] = (stat.st_size, stat.st_mtime_ns)
    return out


def item_paths(content: Path) -> list[Path]:
    from catalog_model.content_tree import item_files
    return item_files({"PATH": str(content), "ARTICLE_EXCLUDES": ["files"]})


def edit_one_item(content: Path) -> None:
    items = item_paths(content)
    target = items[len(items) // 2]
    text = target.read_text(encoding="utf-8")
    target.write_text(re.sub(r'^(title: "?)', r"\1（更正）", text, count=1, flags=re.M), encoding="utf-8")


def measure(builder, corpus: Path, work: Path) -> dict:
    content = work / f"{builder.name.replace(' ', '-')}-{corpus.name}"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(corpus, content)
    output = work / f"out-{content.name}"
    full, rss_full = builder.build(content, output)
    before = files(output)
    again, rss_again = builder.build(content, output)
    edit_one_item(content)
    edited, rss_edit = builder.build(content, output)
    after = files(output)
    changed = [k for k, v in after.items() if before.get(k) != v]
    shutil.rmtree(content)
    shutil.rmtree(output)
    return {"builder": builder.name, "items": len(item_paths(corpus)),
            "full": full, "again": again, "edited": edited, "rss": max(rss_full, rss_again, rss_edit),
            "files": len(after), "mb": sum(s for s, _ in after.values()) / 2**20, "changed": len(changed)}


def table(rows: list[dict]) -> str:
    plain = {r["items"]: r for r in rows if r["builder"] == PlainPelican.name}
    lines = ["| items | builder | full build s | no-change s | one-edit s | peak RSS MB | output files | output MB "
             "| files changed by the edit | full build ms per item | ratio to plain Pelican (full / no-change / one-edit) |",
             "|" + "---|" * 11]
    for r in rows:
        base = plain.get(r["items"])
        ratio = " / ".join(f"{r[k] / base[k]:.2f}" for k in ("full", "again", "edited")) if base else ""
        lines.append(f"| {r['items']} | {r['builder']} | {r['full']:.1f} | {r['again']:.1f} | {r['edited']:.1f} "
                     f"| {r['rss']} | {r['files']} | {r['mb']:.1f} | {r['changed']} | {1000 * r['full'] / r['items']:.2f} "
                     f"| {ratio} |")
    return "\n".join(lines)


def machine() -> str:
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?") if Path("/proc/meminfo").exists() else "?"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {os.cpu_count()} cores, {int(memory) // 2**20 if memory != '?' else '?'} GB, "
            f"Python {platform.python_version()}, load average {load:.1f} at the end of the run")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default=os.environ.get("BENCH_COUNTS", "1000 10000"))
    ap.add_argument("--builders", default=os.environ.get("BENCH_BUILDERS", ""),
                    help="only these builders (gongkai, plain, hugo); default all that are installed")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    if not MAKE_CORPUS.is_file():
        sys.exit(f"no corpus generator at {MAKE_CORPUS} (set MAKE_CORPUS)")
    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    builders = [Gongkai(work), PlainPelican(work)] + ([Hugo(work)] if shutil.which("hugo") else [])
    if args.builders:
        builders = [b for b in builders if b.name.split()[0].lower() in args.builders.lower().split()]
    rows = []
    for count in map(int, args.counts.split()):
        corpus = work / f"corpus-{count}"
        if not corpus.exists():
            subprocess.run([sys.executable, str(MAKE_CORPUS), "--count", str(count), "--out", str(corpus),
                            "--attachments"], check=True, capture_output=True)
        for builder in builders:
            rows.append(measure(builder, corpus, work))
            print(f"{count} items, {builder.name}: done", file=sys.stderr, flush=True)
    print(table(rows))
    print(f"\nMachine: {machine()}.")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
