"""``toolkit pdf``: a PDF of every checklist and of the complete set, from the built site.

Headless Chromium prints the same HTML with the same print stylesheet a visitor's browser uses, so
the PDF and paper are alike. The site is served on 127.0.0.1 for the duration of the command.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .render.checklist import ALL_PDF, PDF_DIR

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """Chromium or Chrome: $TOOLKIT_CHROMIUM, else the first on PATH."""
    return os.environ.get("TOOLKIT_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)


def pages(site_dir: Path) -> dict[str, str]:
    """PDF name → site path of the page to print: every checklist, and the page with all of them."""
    found = {}
    for page in sorted((site_dir / "checklists").glob("*/index.html")):
        name = page.parent.name
        if name not in ("alle", "pdf"):
            found[name] = f"checklists/{name}/"
    if (site_dir / "checklists" / "alle" / "index.html").exists():
        found[ALL_PDF] = "checklists/alle/"
    return found


def write(site_dir: Path, browser: str, workers: int = 2) -> list[Path]:
    """Print every checklist page to SITE_DIR/checklists/pdf/<id>.pdf; returns the files written."""
    out_dir = site_dir / PDF_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            jobs = {name: pool.submit(_print, browser, base + path, out_dir / f"{name}.pdf")
                    for name, path in pages(site_dir).items()}
            return [job.result() for job in jobs.values()]
    finally:
        server.shutdown()


def _print(browser: str, url: str, target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="toolkit-pdf-") as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
                        "--no-pdf-header-footer", f"--print-to-pdf={target}", url],
                       check=True, capture_output=True, timeout=120)
    if not target.exists() or target.stat().st_size == 0:
        raise RuntimeError(f"Chromium schreef geen PDF voor {url}")
    return target


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
