"""Live preview for editors: serve the output and rebuild when content changes.

    make devserver   →  http://127.0.0.1:8000/

Rebuilds run ``make html`` (the same command as a normal build, so a file with
errors gets the same report and the last good site stays in place). Only real
changes count: files created, written, deleted or moved under the content,
``theme/``, ``plugins/`` and the settings files; never a file being opened or
read, nor the build's own outputs (output, staging, caches, link lists). A
burst of changes (a ``git pull`` of 500 files) makes one build.

When a build fails, every page shows an error page listing each
``file:line: field: message``. Pages served by this preview (and only by it)
load ``/__devserver__/reload.js`` (tools/devserver_reload.js), which reloads
the page when a build finishes. Ctrl-C (or SIGTERM) stops the server, the
watcher and a running build.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, \
    FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from catalog_model.text import _load as load_text  # noqa: E402

QUIET_SECONDS = 0.5  # a build starts once changes have stopped arriving for this long
CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}
IGNORED_PARTS = {".git", ".cache", "__pycache__", "node_modules", ".venv", ".pytest_cache"}
IGNORED_SUFFIXES = (".pyc", ".swp", ".swx", ".tmp", "~", ".external-links.txt", ".partial")
PROBLEM = re.compile(r"^(?P<where>[^\s:][^:]*:\d+): (?P<rest>.+)$")
RELOAD_PATH, STATUS_PATH = "/__devserver__/reload.js", "/__devserver__/status"
RELOAD_JS = Path(__file__).with_name("devserver_reload.js")
# The error page carries the same policy as the site's pages: no inline script or style.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"


def text(key: str, **fields) -> str:
    return load_text()["devserver"][key].format(**fields)


class ChangeFilter(FileSystemEventHandler):
    """Tells the builder about real changes only."""

    def __init__(self, on_change, ignored: list[Path], settings_files: set[Path], watched_roots: list[Path]):
        self.on_change, self.ignored = on_change, [p.resolve() for p in ignored]
        self.settings_files, self.watched_roots = settings_files, [p.resolve() for p in watched_roots]

    def relevant(self, path: Path) -> bool:
        if any(path.is_relative_to(p) for p in self.ignored):
            return False
        if IGNORED_PARTS & set(path.parts) or path.name.endswith(IGNORED_SUFFIXES) or path.name.startswith(".#"):
            return False
        if path.parent == ROOT and path not in self.settings_files:
            return False  # the repository root is watched for the settings files only
        return any(path.is_relative_to(r) for r in self.watched_roots) or path in self.settings_files

    def on_any_event(self, event) -> None:
        if event.event_type not in CHANGES:
            return  # opened, closed, closed without writing: not a change
        if event.is_directory and event.event_type == EVENT_TYPE_MODIFIED:
            return  # a folder's mtime moves with every file written in it
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if any(self.relevant(Path(os.fsdecode(p)).absolute()) for p in paths):
            self.on_change()


class Builder:
    """Runs ``make html`` when asked, one build at a time, and keeps the result."""

    def __init__(self, make_args: list[str]):
        self.make_args = make_args
        self.generation = 0  # builds finished
        self.ok, self.problems, self.tail = True, [], []
        self.process: subprocess.Popen | None = None
        self.last_change = 0.0
        self.pending = threading.Event()
        self.stopping = False

    def changed(self) -> None:
        self.last_change = time.monotonic()
        self.pending.set()

    def build(self) -> None:
        started = time.monotonic()
        self.process = subprocess.Popen(["make", "--no-print-directory", "-C", str(ROOT), "html", *self.make_args],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)  # its own process group: stopped as one
        lines = []
        for line in self.process.stdout:
            print(line, end="", flush=True)
            lines.append(line.rstrip("\n"))
        code = self.process.wait()
        self.process = None
        if self.stopping:
            return
        self.ok = code == 0
        self.problems = [] if self.ok else [line for line in lines if PROBLEM.match(line)]
        self.tail = [] if self.ok else lines[-40:]
        self.generation += 1
        key = "build_ok" if self.ok else "build_failed"
        print(text(key, seconds=time.monotonic() - started), flush=True)

    def run_forever(self) -> None:
        while not self.stopping:
            self.pending.wait()
            while time.monotonic() - self.last_change < QUIET_SECONDS:  # let the burst settle
                time.sleep(QUIET_SECONDS / 5)
            self.pending.clear()
            if not self.stopping:
                self.build()

    def stop(self) -> None:
        self.stopping = True
        self.pending.set()
        process = self.process
        if process and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)


def reload_tag(generation: int) -> str:
    return f'<script src="{RELOAD_PATH}?g={generation}" defer></script>'


def error_page(builder: Builder) -> bytes:
    """Every problem of the failed build, escaped; reloads itself after the next build."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in builder.problems)
    tail = html.escape("\n".join(builder.tail))
    body = (f'<p>{html.escape(text("error_intro"))}</p>\n<h2>{html.escape(text("error_list"))}</h2>\n'
            f'<ol class="devserver-problems">\n{items}\n</ol>\n' if items else
            f'<p>{html.escape(text("error_intro"))}</p>\n<h2>{html.escape(text("error_output"))}</h2>\n'
            f'<pre>{tail}</pre>\n')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(text("error_title"))}</title>
{reload_tag(builder.generation)}
</head>
<body>
<main>
<h1>{html.escape(text("error_title"))}</h1>
{body}</main>
</body>
</html>
"""
    return page.encode()


class PreviewHandler(SimpleHTTPRequestHandler):
    """The output as files; every HTML page gets the reload script; a failed build gets the error page."""

    builder: Builder

    def log_message(self, *args) -> None:
        pass  # the console is for build reports

    def send_bytes(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        builder = self.builder
        if path == STATUS_PATH:
            return self.send_bytes(200, "application/json", json.dumps(
                {"generation": builder.generation, "ok": builder.ok}).encode())
        if path == RELOAD_PATH:
            return self.send_bytes(200, "text/javascript; charset=utf-8", RELOAD_JS.read_bytes())
        if path.endswith("/"):
            path += "index.html"
        if not path.endswith(".html"):
            return super().do_GET()
        if not builder.ok:
            return self.send_bytes(500, "text/html; charset=utf-8", error_page(builder))
        file = Path(self.translate_path(path))
        if not file.is_file():
            return super().do_GET()  # 404
        page = file.read_bytes().replace(b"</body>", reload_tag(builder.generation).encode() + b"\n</body>", 1)
        return self.send_bytes(200, "text/html; charset=utf-8", page)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--content", default="content")
    ap.add_argument("--output", default="output")
    ap.add_argument("--settings", default="pelicanconf.py")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--make-arg", action="append", default=[], help="extra VAR=value for make html")
    args = ap.parse_args()
    content, output = Path(args.content).resolve(), Path(args.output).resolve()
    settings_files = {(ROOT / args.settings).resolve(), (ROOT / "pelicanconf.py").resolve()}
    builder = Builder([f"CONTENT={content}", f"OUTPUT={output}", f"SETTINGS={args.settings}", *args.make_arg])
    ignored = [output, output.with_name(f".{output.name}.staging"), output.with_name(f".{output.name}.retired"),
               ROOT / ".cache", ROOT / ".venv", ROOT / "node_modules"]
    watched = [content, ROOT / "theme", ROOT / "plugins"]
    changes = ChangeFilter(builder.changed, ignored, settings_files, watched)

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    observer = Observer()
    server = None
    try:
        builder.build()
        for folder in watched:
            observer.schedule(changes, str(folder), recursive=True)
        observer.schedule(changes, str(ROOT), recursive=False)  # the settings files
        observer.start()
        threading.Thread(target=builder.run_forever, daemon=True).start()
        handler = type("Handler", (PreviewHandler,), {"builder": builder})
        server = ThreadingHTTPServer(("127.0.0.1", args.port), partial(handler, directory=str(output)))
        print(text("serving", port=args.port), flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        builder.stop()
        observer.stop()
        if server:
            server.server_close()
        if observer.is_alive():
            observer.join(timeout=5)


if __name__ == "__main__":
    main()
