"""Where a build's time goes: one `make html`-equivalent build under pyinstrument.

    .venv/bin/python tools/profile_build.py CONTENT OUTPUT [--min-seconds 0.5]

Builds CONTENT into OUTPUT exactly as `make html` does (staging folder,
published with mirror_publish, read and page caches on), in this process under
pyinstrument's sampling profiler, and prints the call tree down to frames of at
least --min-seconds. Run it twice for a no-change rebuild; edit a file in
between for a one-edit rebuild. Worker processes (reading) are not sampled:
their share shows as the main process waiting.

With --memory, prints instead how the main process's resident memory grows:
every half second, its RSS and the deepest gongkai/Pelican frame running,
then the peak and the frame it was reached in.
"""
from __future__ import annotations

import argparse
import re
import sys
import threading
import time
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("content", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--min-seconds", type=float, default=0.5)
    ap.add_argument("--memory", action="store_true", help="sample RSS by phase instead of profiling time")
    args = ap.parse_args()
    output = args.output.resolve()
    staging = output.with_name(f".{output.name}.staging")
    sys.argv = ["pelican", str(args.content), "--settings", str(ROOT / "pelicanconf.py"), "--output",
                str(staging), "--fatal", "errors", "--extra-settings", f'MIRROR_PUBLISH_PATH="{output}"']
    from pelican import main as pelican_main
    if args.memory:
        sample_memory(pelican_main)
        return
    profiler = Profiler()
    profiler.start()
    try:
        pelican_main()
    except SystemExit:
        pass
    profiler.stop()
    for line in profiler.output_text(show_all=True).splitlines():
        seconds = re.search(r"(\d+\.\d{3}) ", line)
        if seconds and float(seconds.group(1)) >= args.min_seconds:
            print(line[:160])


def rss_mb() -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS"))


def phase(frame) -> str:
    """The innermost frame of our plugins (or Pelican's generators) in the main thread's stack."""
    while frame is not None:
        name = frame.f_code.co_filename
        if "/plugins/" in name or "pelican/generators" in name:
            return f"{Path(name).parent.name}/{Path(name).name}:{frame.f_code.co_name}"
        frame = frame.f_back
    return "(pelican)"


def sample_memory(run) -> None:
    main_thread, samples, done = threading.get_ident(), [], threading.Event()

    def sampler():
        while not done.wait(0.5):
            samples.append((rss_mb(), phase(sys._current_frames().get(main_thread))))
    started = time.perf_counter()
    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    try:
        run()
    except SystemExit:
        pass
    done.set()
    thread.join()
    runs: list[list] = []  # consecutive samples in one module: [module, highest RSS, its frame]
    for rss, where in samples:
        module = where.split(":")[0]
        if runs and runs[-1][0] == module:
            if rss > runs[-1][1]:
                runs[-1][1:] = [rss, where]
        else:
            runs.append([module, rss, where])
    for _, rss, where in runs:
        print(f"{rss:6d} MB  {where}")
    peak = max(samples, default=(rss_mb(), "(end)"))
    print(f"peak {peak[0]} MB in {peak[1]}; {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
