"""Where a build's time goes: one `make html`-equivalent build under pyinstrument.

    .venv/bin/python tools/profile_build.py CONTENT OUTPUT [--min-seconds 0.5]

Builds CONTENT into OUTPUT exactly as `make html` does (staging folder,
published with mirror_publish, read and page caches on), in this process under
pyinstrument's sampling profiler, and prints the call tree down to frames of at
least --min-seconds. Run it twice for a no-change rebuild; edit a file in
between for a one-edit rebuild. Worker processes (reading) are not sampled:
their share shows as the main process waiting.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("content", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--min-seconds", type=float, default=0.5)
    args = ap.parse_args()
    output = args.output.resolve()
    staging = output.with_name(f".{output.name}.staging")
    sys.argv = ["pelican", str(args.content), "--settings", str(ROOT / "pelicanconf.py"), "--output",
                str(staging), "--fatal", "errors", "--extra-settings", f'MIRROR_PUBLISH_PATH="{output}"']
    from pelican import main as pelican_main
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


if __name__ == "__main__":
    main()
