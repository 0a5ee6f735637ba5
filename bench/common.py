"""Shared helpers of the benchmark: project copies, measured subprocesses, a local static server."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
PROJECT_FILES = ("mkdocs.yml", "content", "docs", "macros", "overrides")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MKDOCS_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
"""How builds run: without Material's end-of-life notice, and with Python's bytecode cache on, as on
an editor's or a region's machine: the first build compiles the engine's modules (about 0.08 s here)
and the next ones load them. This machine's shell turns the cache off (PYTHONDONTWRITEBYTECODE=1),
which would make every build of the real site, and none of the bare ones, compile them again."""
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
"""Files a web server would send gzip-compressed; images and fonts are sent as they are."""


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """A throwaway copy of the project (the files a build reads), so nothing touches the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


@dataclass
class Measured:
    seconds: float
    cpu_s: float
    peak_rss_mb: float
    returncode: int
    output: str


def run_measured(cmd: list[str], cwd: Path, timeout: float = 1800, env: dict | None = None) -> Measured:
    """Run a command; wall time, CPU time (user + system) and peak resident memory of that one
    child, from os.wait4. CPU time hardly changes when other work shares the machine; wall time does."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env or MKDOCS_ENV, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Measured(seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, out.read())


def mkdocs_build(project: Path, site_dir: Path) -> Measured:
    result = run_measured([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=project)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.output[-4000:]}")
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def gzip_size(data: bytes) -> int:
    """Size after gzip at level 6 (the usual default of web servers)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def transfer_size(name: str, data: bytes) -> int:
    """What a server with gzip for text types would send: gzip for text, the file itself otherwise."""
    return gzip_size(data) if name.lower().endswith(TEXT_TYPES) else len(data)


def sent_size(file: Path) -> int:
    """What a host sends for a file: the precompressed .gz beside a text file when there is one (written by
    `toolkit compress`; nginx sends it with gzip_static), else transfer_size."""
    packed = file.with_name(file.name + ".gz")
    if file.name.lower().endswith(TEXT_TYPES) and packed.is_file():
        return packed.stat().st_size
    return transfer_size(file.name, file.read_bytes())


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def url_of(site_dir: Path, page: Path) -> str:
    """Site-relative URL of a built page: index.html → '', tips/index.html → 'tips/'."""
    rel = page.relative_to(site_dir).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for text types when the client accepts it (as real hosting does): the .gz
    beside the file when there is one (as nginx's gzip_static), else compressed here at level 6."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = path / "index.html"
        if not (path.is_file() and path.name.lower().endswith(TEXT_TYPES)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        packed = path.with_name(path.name + ".gz")
        body = packed.read_bytes() if packed.is_file() else gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


class StaticServer:
    """Serve a built site on 127.0.0.1 at a free port for the duration of a ``with`` block."""

    def __init__(self, directory: Path):
        handler = functools.partial(_Handler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> "StaticServer":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
