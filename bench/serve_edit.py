"""How fast ``mkdocs serve`` shows an edit: change a tip's title in its YAML, poll the page until it shows.

The time runs from the moment the file is written until the served tips page contains the new
title: MkDocs noticing the change, rebuilding (with scripts/serve's --dirty only the pages whose
content changed, see macros/site/dirty.py), and serving it. (A browser with the
page open reloads right after that, through livereload's long poll.)
"""

from __future__ import annotations

import re
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import MKDOCS_ENV, PYTHON, free_port

POLL = 0.05


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str | None, deadline: float) -> bool:
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and (text is None or text in body):
            return True
        time.sleep(POLL)
    return False


SERVE_FLAGS = ["--dirty", "--livereload"]
"""What scripts/serve (the README's preview command) passes to ``mkdocs serve``."""


def run(project: Path, rounds: int = 3, flags: list[str] = SERVE_FLAGS) -> dict:
    """Start ``mkdocs serve`` on ``project`` (a copy), edit a tip's title ``rounds`` times."""
    tip = sorted((project / "content" / "tips").glob("*.yml"))[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = base + "tips/"
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        proc = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *flags],
                                cwd=project, env=MKDOCS_ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            started = time.monotonic()
            if not _wait_for(page, None, started + 300):
                log.seek(0)
                return {"error": "mkdocs serve did not start: " + log.read()[-2000:]}
            first_build = time.monotonic() - started
            time.sleep(1.0)  # let the watcher settle after the first build
            seconds = []
            original = tip.read_text(encoding="utf-8")
            for n in range(1, rounds + 1):
                title = f"Benchmarktitel {n} {int(time.time())}"
                text = re.sub(r"(?m)^title: .*$", f"title: {title}", original, count=1)
                t0 = time.monotonic()
                tip.write_text(text, encoding="utf-8")
                if not _wait_for(page, title, t0 + 120):
                    log.seek(0)
                    return {"error": f"the new title did not appear within 120 s: {log.read()[-2000:]}"}
                seconds.append(time.monotonic() - t0)
                time.sleep(1.0)  # a pause between edits, as an editor would have
            return {"seconds": seconds, "first_build_s": first_build, "file": tip.name, "page": "/tips/"}
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
