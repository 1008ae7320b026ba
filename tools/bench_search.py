"""Search figures for the sample catalog and generated corpora (issue 3).

    make bench-search                              sample and 10k items
    make bench-search BENCH_SEARCH_COUNTS="10000 100000"

For each corpus: the full build's wall time and peak memory, the search
index's share of it (time to build the index and to write it, and how much
the index raised the build's peak memory), the index's bytes on disk (and
gzip), and, for a fixed list of queries (2-8 Chinese characters, 文号,
索引号, mixed), the gzip bytes a cold browser fetches to show the first page
of results: search.html, its CSS and scripts (lunr.js included), the
manifest, the shards and the display chunks; and the median time of those
queries, cold, in node and in headless Chromium (served from localhost). Known-item recall: for 100
items picked at random, a 4-8 character piece of the title found in at most
10 titles must find the item in the top 10. Prints a table; asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import make_corpus  # tools/make_corpus.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
COLD = ROOT / "tools" / "cold_queries.js"
QUERIES = [  # fixed: 2-8 Chinese characters, mixed, 文号 and 索引号 are added per corpus
    "低保", "就业", "老旧小区改造", "城乡低保", "政府信息公开", "营商环境", "安全生产", "乡村振兴",
    "医疗保险", "财政预算", "食品安全", "人居环境整治", "义务教育", "行政处罚", "文物保护单位",
    "养老服务", "防汛抗旱", "网站信息安全", "政务公开工作要点", "2024年预算", "12345热线", "税",
]
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def build(content: Path, output: Path, work: Path, figures: bool = True) -> dict:
    """A cold build (no read cache) with its wall time, CPU time and peak memory,
    then (``figures``) the search index's own figures (``index_figures``, in a process of its own)."""
    # A cold build: the index's share of a build that reads every file and renders every page.
    extra = "CATALOG_READ_CACHE='\"\"' CATALOG_PAGE_CACHE='\"\"' SEARCH_TOKEN_CACHE='\"\"'"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html", f"CONTENT={content}",
                             f"OUTPUT={output}", f"EXTRA_SETTINGS={extra}"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"build of {content} failed:\n{result.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak = max(after.ru_maxrss, before.ru_maxrss) // 1024
    if not figures:
        return {"seconds": seconds}
    figures_file = work / f"{output.name}-index.json"
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), __file__, "--index-figures", str(content),
                    "--work", str(work / f"{output.name}-index")], check=True, stdout=figures_file.open("w"))
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak, **json.loads(figures_file.read_text())}


def index_figures(content: Path, scratch: Path) -> dict:
    """Time and memory of building and writing the search index of ``content``,
    with the build's own code, after reading the items as the build does."""
    from pelican.settings import read_settings

    from catalog_model.settings import site_settings
    from catalog_validation.validate import validate_tree
    from search_index import builder, documents, shards

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content.resolve())})
    typed = site_settings(settings)
    catalog, _ = validate_tree(settings, bodies=True)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    started, cpu = time.perf_counter(), time.process_time()
    items = documents.indexed_items(catalog, typed.SEARCH_SNIPPET_CHARS)
    index = builder.build((d.fields() for d in items), documents.FIELDS)
    index_seconds, index_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    manifest = shards.write_index(scratch, index, items, typed.SEARCH_SHARD_BYTES, typed.SEARCH_DOC_CHUNK,
                                  typed.SEARCH_LENGTH_BLOCK)
    shutil.rmtree(scratch, ignore_errors=True)
    return {"index_seconds": index_seconds, "index_cpu_seconds": index_cpu,
            "write_seconds": time.perf_counter() - started, "write_cpu_seconds": time.process_time() - cpu,
            "index_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - rss_before,
            "documents": manifest["docs"], "terms": len(index.terms), "shards": len(manifest["shards"]),
            "docs": [d.row() for d in items]}


# Injected by the bench (the page carries no timing hooks): the time from
# DOMContentLoaded, when search.js starts the query given in ?q=, until the
# result count or a no-result message is announced in the status region.
TIMER = """
addEventListener("DOMContentLoaded", () => {
  const started = performance.now();
  const status = document.getElementById("search-status");
  if (!status) return;
  new MutationObserver(() => {
    const said = status.textContent.trim();
    if (said && !said.startsWith(%s) && window.gkSearchMs === undefined) window.gkSearchMs = performance.now() - started;
  }).observe(status, {childList: true, characterData: true, subtree: true});
});
"""


def chromium_ms(output: Path, queries: list[str]) -> str:
    """Median time from the start of a query to its results, cold, in headless Chromium."""
    from catalog_model.text import ui_text
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "n/a (no playwright)"
    from chromium import CHROMIUM, CHROMIUM_ARGS, served

    times = []
    with served(output) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for q in queries:
            context = browser.new_context()  # cold: empty cache
            page = context.new_page()
            page.add_init_script(TIMER % json.dumps(ui_text()["search_loading"].rstrip("…")))
            page.goto(f"{base}search.html?q={q}")
            page.wait_for_function("window.gkSearchMs !== undefined", timeout=60000)
            times.append(page.evaluate("window.gkSearchMs"))
            context.close()
        browser.close()
    return f"{statistics.median(times):.0f}"


def known_items(docs: list[dict], count: int, rnd: random.Random) -> list[dict]:
    """Items with a distinctive 4-8 character piece of their title (in <= 10 titles)."""
    titles = "\n".join(d["title"] for d in docs)
    picked = []
    for ref in rnd.sample(range(len(docs)), min(count * 3, len(docs))):
        title = docs[ref]["title"]
        pieces = [title[i:i + n] for n in (4, 5, 6, 7, 8) for i in range(len(title) - n + 1)]
        rnd.shuffle(pieces)
        piece = next((p for p in pieces if re.fullmatch(r"[\u4e00-\u9fff0-9]+", p) and titles.count(p) <= 10), None)
        if piece:
            picked.append({"q": piece, "ref": ref})
        if len(picked) == count:
            break
    return picked


SENTENCE = "\n\n本条于修订时补充一句：相关工作按照年度计划继续推进。\n"


def changed(a: Path, b: Path) -> tuple[list[str], int, int]:
    """Files that differ between two output trees (changed, added or removed), their
    bytes in b (a removed file: in a), and the bytes of tree b."""
    files_a = {p.relative_to(a): p for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b): p for p in b.rglob("*") if p.is_file()}
    differ = [rel for rel in sorted(files_a.keys() | files_b.keys())
              if rel not in files_a or rel not in files_b or files_a[rel].read_bytes() != files_b[rel].read_bytes()]
    size = sum((files_b.get(rel) or files_a[rel]).stat().st_size for rel in differ)
    return [str(rel) for rel in differ], size, sum(p.stat().st_size for p in files_b.values())


def edit_costs(content: Path, output: Path, work: Path) -> dict:
    """What a mirror fetches again after one edit: files (search files among them) and
    bytes changed by adding a sentence to one item's body, and by changing its title."""
    edited = work / "edited-content"
    shutil.rmtree(edited, ignore_errors=True)
    shutil.copytree(content, edited)
    item = sorted(edited.rglob("*.md"))[len(list(edited.rglob("*.md"))) // 2]
    original = item.read_text(encoding="utf-8")
    out = {}
    title = re.search(r'^title: "(.*)"$', original, re.M)
    for what, text in (("body", original.rstrip("\n") + SENTENCE),
                       ("title", original.replace(title.group(0), f'title: "{title.group(1)}（修订）"', 1))):
        item.write_text(text, encoding="utf-8")
        after = work / f"out-edit-{what}"
        build(edited, after, work, figures=False)
        differ, size, total = changed(output, after)
        search = [f for f in differ if f.startswith("search/")]
        out[f"{what} edit: files (search) / % of bytes"] = f"{len(differ)} ({len(search)}) / {100 * size / total:.2f}%"
        out[f"_{what}_changed"] = differ
        shutil.rmtree(after, ignore_errors=True)
    item.write_text(original, encoding="utf-8")
    return out


def measure(name: str, content: Path, work: Path, edits: bool = False) -> dict:
    output = work / f"out-{name}"
    b = build(content, output, work)
    docs = b.pop("docs")
    rnd = random.Random(3)
    queries = list(QUERIES)
    with_doc_no = [d for d in docs if d["doc_no"]]
    queries += [d["doc_no"] for d in rnd.sample(with_doc_no, min(2, len(with_doc_no)))]
    queries += [d["index_no"] for d in rnd.sample(docs, 2)]
    known = known_items(docs, 100, rnd)
    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from known_items import pieces_without_marks
    from search_index.tokenizer import tokenize
    unmarked = pieces_without_marks(docs, 100, rnd, tokenize)
    known += [{"q": k["q"], "ref": k["ref"], "unmarked": True} for k in unmarked]
    (work / "q.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    (work / "k.json").write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    search = output / "search"
    result = subprocess.run(["node", str(COLD), str(search), str(work / "q.json"), str(work / "k.json")],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    report = json.loads(result.stdout)
    page = output / "search.html"
    static = gz(page) + sum(gz((page.parent / href).resolve()) for href in ASSET.findall(page.read_text(encoding="utf-8")))
    sizes = {}
    cold = [static + sum(sizes.setdefault(p, gz(search / p)) for p in q["fetched"]) for q in report["queries"]]
    files = [p for p in search.rglob("*") if p.is_file() and p.name != "lunr.min.js"]
    index_bytes = sum(p.stat().st_size for p in files)
    index_gz = sum(gz(p) for p in files)
    plain, marked = ([k for k in known if k.get("unmarked", False) is flag] for flag in (False, True))
    ranks = [k["rank"] for k in report["known"]]
    found = sum(1 for k, rank in zip(known, ranks, strict=False) if 1 <= rank <= 10 and k in plain)
    found_unmarked = sum(1 for k, rank in zip(known, ranks, strict=False) if 1 <= rank <= 10 and k in marked)
    heaviest = max(range(len(cold)), key=cold.__getitem__)
    return {
        "corpus": name, "items": b["documents"], "terms": b["terms"], "shards": b["shards"],
        "build s": f"{b['seconds']:.1f}",
        "index build s": f"{b['index_seconds']:.1f}", "index write s": f"{b['write_seconds']:.1f}",
        "index % of build": f"{100 * (b['index_seconds'] + b['write_seconds']) / b['seconds']:.0f}%",
        "build CPU s": f"{b['cpu_seconds']:.1f}",
        "index CPU s": f"{b['index_cpu_seconds'] + b['write_cpu_seconds']:.1f}",
        "index % of build CPU": f"{100 * (b['index_cpu_seconds'] + b['write_cpu_seconds']) / b['cpu_seconds']:.0f}%",
        "peak RSS MB": b["peak_mb"], "index +RSS MB": b["index_rss_mb"],
        "index MB": f"{index_bytes / 2**20:.1f}", "index gzip MB": f"{index_gz / 2**20:.1f}",
        "manifest KiB gz": f"{gz(search / 'manifest.json') / 1024:.1f}",
        "static KiB gz": f"{static / 1024:.1f}",
        "cold KiB gz median": f"{statistics.median(cold) / 1024:.1f}",
        "cold KiB gz max": f"{max(cold) / 1024:.1f} ({report['queries'][heaviest]['q']})",
        "length blocks fetched, median / max": "{} / {}".format(
            statistics.median(sum(p.startswith("l/") for p in q["fetched"]) for q in report["queries"]),
            max(sum(p.startswith("l/") for p in q["fetched"]) for q in report["queries"])),
        "scored / matching, median": "{} / {}".format(statistics.median(q["scored"] for q in report["queries"]),
                                                      statistics.median(q["count"] for q in report["queries"])),
        "queries": len(cold),
        "node query ms median": f"{statistics.median(q['ms'] for q in report['queries']):.0f}",
        "chromium query ms median": chromium_ms(output, queries),
        "known-item top 10": f"{found}/{len(plain)}",
        "known-item top 10, typed without the title's marks": f"{found_unmarked}/{len(marked)}",
        "_per_query": {q["q"]: (round(c / 1024, 1), q["count"], q["mode"]) for q, c in zip(report["queries"], cold, strict=True)},
        "_missed": [{**k, "title": docs[k["ref"]]["title"]} for k in report["known"] if not 1 <= k["rank"] <= 10],
        "_per_query_ms": {q["q"]: round(q["ms"]) for q in report["queries"]},
        **(edit_costs(content, output, work) if edits else {}),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default=os.environ.get("BENCH_SEARCH_COUNTS", "10000"))
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--verbose", action="store_true", help="also print each query's cold bytes")
    ap.add_argument("--edits", default=os.environ.get("BENCH_SEARCH_EDITS", ""),
                    help="corpus sizes at which to measure the files an edit changes (two more builds each)")
    ap.add_argument("--index-figures", type=Path, help=argparse.SUPPRESS)  # internal: one corpus's index figures
    args = ap.parse_args()
    if args.index_figures:
        print(json.dumps(index_figures(args.index_figures, args.work), ensure_ascii=False))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = [measure("sample", ROOT / "content", work)]
    for count in map(int, args.counts.split()):
        corpus = work / f"corpus-{count}"
        if not corpus.exists():
            make_corpus.generate(corpus, count)
        rows.append(measure(f"{count // 1000}k", corpus, work, edits=str(count) in args.edits.split()))
        print(f"measured {count} items", file=sys.stderr)
    if args.verbose:
        for row in rows:
            print(row["corpus"], json.dumps(row["_per_query"], ensure_ascii=False))
            print(row["corpus"], "known items missed:", json.dumps(row["_missed"], ensure_ascii=False))
            print(row["corpus"], "query ms:", json.dumps(row["_per_query_ms"], ensure_ascii=False))
            for what in ("body", "title"):
                if f"_{what}_changed" in row:
                    print(row["corpus"], what, "edit changed:", " ".join(row[f"_{what}_changed"]))
    keys = list(dict.fromkeys(k for r in rows for k in r if not k.startswith("_")))
    print("| " + " | ".join(["measure"] + [r["corpus"] for r in rows]) + " |")
    print("| " + " | ".join(["---"] * (len(rows) + 1)) + " |")
    for key in keys[1:]:
        print("| " + " | ".join([key] + [str(r.get(key, "—")) for r in rows]) + " |")
    print(f"(work folder: {work})", file=sys.stderr)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
