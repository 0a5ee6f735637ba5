"""``toolkit pdf``: a PDF of every checklist and of the complete set, from the built site.

Headless Chromium prints the same HTML with the same print stylesheet a visitor's browser uses, so
the PDF and paper are alike. The site is served on 127.0.0.1 for the duration of the command.

When there are more checklists than fit on one page (macros/site/render/paging.py), the page with all of them
continues on ``checklists/alle/pagina/2/`` and on: each part is printed and the parts are joined into
one PDF with ``pdfunite`` (Debian: poppler-utils). With one part, as today, nothing else is needed.

The routekaart as a booklet (macros/site/render/booklet.py) is printed until its table of contents names the
page each element starts on: Chromium cannot fill in page numbers itself, so the booklet is printed without
them, ``pdfinfo -dests`` (poppler-utils) tells on which page each element's heading (a link target of the
table of contents) landed, and the booklet is printed again with those numbers (served from memory beside
the built page, with links that work in a PDF: booklet.print_links). The numbers take no room of their own, so the second print is the last; a third is allowed.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..cli import ToolkitError, os_reason
from ..site.render import booklet
from ..site.render.checklist import ALL_PDF, PDF_DIR
from ..site.render.links import page_url

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

BOOKLET_PRINTS = 3
"""At most this many prints of the booklet until the page numbers in its table of contents are right."""

_PRINTED = "?afdruk"
"""The booklet's address as it is printed: served from memory, with its page numbers and print_links."""


def find_browser() -> str | None:
    """Chromium or Chrome: $TOOLKIT_CHROMIUM, else the first on PATH."""
    return os.environ.get("TOOLKIT_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)


def pages(site_dir: Path) -> dict[str, list[str]]:
    """PDF name → site paths of the pages to print, in order: every checklist (one page each), and
    the page with all of them followed by its further pages (``checklists/alle/pagina/2/``, …)."""
    found = {}
    for page in sorted((site_dir / "checklists").glob("*/index.html")):
        name = page.parent.name
        if name not in ("alle", "pdf", "pagina"):
            found[name] = [f"checklists/{name}/"]
    if (site_dir / "checklists" / "alle" / "index.html").exists():
        more = [p.parent.name for p in (site_dir / "checklists" / "alle" / "pagina").glob("*/index.html")]
        found[ALL_PDF] = ["checklists/alle/"] + [f"checklists/alle/pagina/{n}/" for n in sorted(more, key=int)]
    return found


def write(site_dir: Path, browser: str, workers: int = 2) -> list[Path]:
    """Print every checklist page to SITE_DIR/checklists/pdf/<id>.pdf, and the routekaart as a booklet to
    SITE_DIR/<booklet.PDF> when the site has it; returns the files written."""
    out_dir = site_dir / PDF_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = pages(site_dir)
    joiner = shutil.which("pdfunite")
    if joiner is None and any(len(parts) > 1 for parts in wanted.values()):
        raise ToolkitError("Geen PDF's geschreven: pdfunite niet gevonden: nodig om de delen van de pagina met alle "
                           "checklists samen te voegen; installeer het (Debian: apt-get install poppler-utils).")
    has_booklet = (site_dir / page_url(booklet.PAGE) / "index.html").is_file()
    reader = shutil.which("pdfinfo")
    if has_booklet and reader is None:
        raise ToolkitError("Geen PDF's geschreven: pdfinfo niet gevonden: nodig om de paginanummers in de "
                           "inhoudsopgave van de routekaart te zetten; installeer het (Debian: apt-get install "
                           "poppler-utils).")
    served: dict[str, bytes] = {}
    handler = functools.partial(_Quiet, directory=str(site_dir), served=served)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool, tempfile.TemporaryDirectory(prefix="toolkit-parts-") as tmp:
            jobs = {(name, n): pool.submit(_print, browser, base + path,
                                           out_dir / f"{name}.pdf" if len(parts) == 1 else Path(tmp) / f"{name}-{n}.pdf")
                    for name, parts in wanted.items() for n, path in enumerate(parts)}
            if has_booklet:
                jobs[("booklet", 0)] = pool.submit(_print_booklet, browser, reader, base, site_dir, served)
            try:
                printed = {key: job.result() for key, job in jobs.items()}
            except BaseException:  # one page failed (or Ctrl+C): print no further pages
                pool.shutdown(cancel_futures=True)
                raise
            written = [printed[("booklet", 0)]] if has_booklet else []
            for name, parts in wanted.items():
                if len(parts) == 1:
                    written.append(printed[(name, 0)])
                else:
                    target = out_dir / f"{name}.pdf"
                    _run("pdfunite", [joiner, *(str(printed[(name, n)]) for n in range(len(parts))), str(target)],
                         f"bij {name}.pdf", timeout=300)
                    written.append(target)
            return written
    finally:
        server.shutdown()


def _print_booklet(browser: str, reader: str, base: str, site_dir: Path, served: dict[str, bytes]) -> Path:
    """Print the routekaart as a booklet to SITE_DIR/<booklet.PDF>, again until the page numbers in its table of
    contents are the pages its elements start on (see the module's doc); ``served``: pages served from memory."""
    path = page_url(booklet.PAGE)
    built = booklet.print_links((site_dir / path / "index.html").read_text(encoding="utf-8"))
    target = site_dir / booklet.PDF
    target.parent.mkdir(parents=True, exist_ok=True)
    numbers: dict[str, int] = {}
    for _ in range(BOOKLET_PRINTS):
        served["/" + path + _PRINTED] = booklet.fill_pages(built, numbers).encode("utf-8")
        _print(browser, base + path + _PRINTED, target)
        found = _chapter_pages(reader, target, booklet.chapters(built))
        if found == numbers:
            return target
        numbers = found
    raise ToolkitError(f"Fout bij het maken van de PDF's: de paginanummers in de inhoudsopgave van {path} kloppen na "
                       f"{BOOKLET_PRINTS} keer afdrukken nog niet.")


def _chapter_pages(reader: str, pdf: Path, chapters: list[str]) -> dict[str, int]:
    """Element id → the page of the PDF its heading is on: the named destinations (``pdfinfo -dests``) that
    Chromium writes for the targets of the table of contents' links."""
    listing = _run("pdfinfo", [reader, "-dests", str(pdf)], f"bij {pdf.name}", timeout=60)
    found = {name: int(page) for page, name in re.findall(r'^\s*(\d+) \[.*\] "(.*)"$', listing, re.MULTILINE)}
    missing = [chapter for chapter in chapters if chapter not in found]
    if missing:
        raise ToolkitError(f"Fout bij het maken van de PDF's: in {pdf.name} staat het begin van {missing[0]} niet; "
                           "is de inhoudsopgave van de routekaart veranderd?")
    return {chapter: found[chapter] for chapter in chapters}


def _print(browser: str, url: str, target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="toolkit-pdf-") as profile:
        _run("Chromium", [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
                          "--no-pdf-header-footer", f"--print-to-pdf={target}", url],
             f"bij {_page(url)}", timeout=120)
    if not target.exists() or target.stat().st_size == 0:
        raise ToolkitError(f"Fout bij het maken van de PDF's: Chromium schreef geen PDF bij {_page(url)}.")
    return target


def _run(name: str, command: list[str], where: str, timeout: int) -> str:
    """Run Chromium, pdfunite or pdfinfo and return what it wrote; a failure becomes a ToolkitError that says
    which program, where and why."""
    try:
        done = subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    except subprocess.CalledProcessError as err:
        said = (err.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise ToolkitError(f"Fout bij het maken van de PDF's: {name} stopte met foutcode {err.returncode} {where}"
                           + (f": {said[-1].strip()}" if said else ".")) from None
    except subprocess.TimeoutExpired:
        raise ToolkitError(f"Fout bij het maken van de PDF's: {name} was na {timeout} seconden nog niet klaar "
                           f"{where}.") from None
    except OSError as err:
        raise ToolkitError(f"Fout bij het maken van de PDF's: {name} start niet: {command[0]}: "
                           f"{os_reason(err)}.") from None
    return (done.stdout or b"").decode("utf-8", "replace") if done is not None else ""


def _page(url: str) -> str:
    """The site path of a page on the local server: checklists/01-x/."""
    return url.split("/", 3)[-1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """The built site, and the pages in ``served`` (request path → HTML) from memory."""

    def __init__(self, *args, served: dict[str, bytes] | None = None, **kwargs):
        self.served = {} if served is None else served
        super().__init__(*args, **kwargs)

    def do_GET(self):
        body = self.served.get(self.path)
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass
