"""Live preview for editors: serve the output and rebuild when content changes.

    make devserver   →  http://127.0.0.1:8000/

Rebuilds run ``make html`` (the same command as a normal build, so a file
with errors shows the same report and leaves the last good site in place).
File watching is watchdog's; several saves in quick succession make one build.
"""
from __future__ import annotations

import argparse
import functools
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
QUIET_SECONDS = 0.5


class Rebuilder(FileSystemEventHandler):
    def __init__(self, make_args: list[str], ignored: list[Path]):
        self.make_args, self.ignored = make_args, [p.resolve() for p in ignored]
        self.changed = threading.Event()

    def on_any_event(self, event) -> None:
        path = Path(event.src_path).resolve()
        if event.is_directory or any(path.is_relative_to(p) for p in self.ignored):
            return
        self.changed.set()

    def build(self) -> None:
        started = time.monotonic()
        result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html", *self.make_args])
        status = "完成" if result.returncode == 0 else "失败（网站保持上一次成功的版本）"
        print(f"构建{status}，用时 {time.monotonic() - started:.1f} 秒", flush=True)

    def run_forever(self) -> None:
        while True:
            self.changed.wait()
            time.sleep(QUIET_SECONDS)  # let a burst of saves settle into one build
            self.changed.clear()
            self.build()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--content", default="content")
    ap.add_argument("--output", default="output")
    ap.add_argument("--settings", default="pelicanconf.py")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--make-arg", action="append", default=[], help="extra VAR=value for make html")
    args = ap.parse_args()
    content, output = Path(args.content).resolve(), Path(args.output).resolve()
    rebuilder = Rebuilder([f"CONTENT={content}", f"OUTPUT={output}", f"SETTINGS={args.settings}", *args.make_arg],
                          ignored=[output, output.with_name(f".{output.name}.staging"),
                                   output.with_name(f".{output.name}.retired"), ROOT / ".venv"])
    rebuilder.build()

    observer = Observer()
    for watched in (content, ROOT / "theme", ROOT / "plugins"):
        observer.schedule(rebuilder, str(watched), recursive=True)
    observer.schedule(rebuilder, str(ROOT), recursive=False)  # pelicanconf.py
    observer.start()
    threading.Thread(target=rebuilder.run_forever, daemon=True).start()

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"预览地址 http://127.0.0.1:{args.port}/index.html （Ctrl-C 退出）", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()


if __name__ == "__main__":
    main()
