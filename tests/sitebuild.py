"""Helpers for the site tests: build the site, serve it on 127.0.0.1, list its pages."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PROJECT_FILES = ("mkdocs.yml", "content", "docs", "macros", "overrides")

SETTLE = """() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))
    .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"""
"""JavaScript that resolves once every running CSS transition and animation has ended and the page has
been painted: what a user sees once the page is still. Browser tests check that state, never one
halfway through a transition, whatever Chromium's version or the machine's speed."""


class SettledBrowser:
    """Chromium for the tests: every context and page prefers reduced motion, so Material's and the
    toolkit's transitions are off (``@media (prefers-reduced-motion)`` in their stylesheets) and each
    state a test checks is the settled one. Everything else is the Playwright browser's own."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("reduced_motion", "reduce")
        return self._browser.new_context(**options)

    def new_page(self, **options):
        options.setdefault("reduced_motion", "reduce")
        return self._browser.new_page(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


def settle(page) -> None:
    """Wait until the page is still: no transition or animation running (see SETTLE)."""
    page.evaluate(SETTLE)


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run mkdocs in a project folder, as an editor or CI would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def build(project: Path, site_dir: Path, config: str | None = None) -> subprocess.CompletedProcess:
    """Build a project strictly, with ``config`` (a file name in the project) or else the settings its scripts use:
    a region's mkdocs.regio.yml when it has one, else mkdocs.yml (macros.cli.site_config)."""
    from macros.cli import site_config

    config_file = project / config if config else site_config(project)
    return mkdocs(project, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir))


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project to change content in, without touching the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def as_checkout(project: Path) -> dict[str, str]:
    """Make a copy of the project like a set-up checkout: its npm packages (the editor at /admin/, linked), and
    the environment for builds that read the project's git history ("Wat is er nieuw", the feed)."""
    (project / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    return {"GIT_DIR": str(ROOT / ".git"), "GIT_WORK_TREE": str(project)}


def remove_generated(project: Path) -> None:
    """Remove the pages a build writes into docs/ (``generated: true``), so that the next build writes them
    from the content of ``project`` alone."""
    for page in (project / "docs").rglob("*.md"):
        if "generated: true" in page.read_text(encoding="utf-8"):
            page.unlink()


def pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a URL path, e.g. '', 'tips/', '404.html'; not the editor at /admin/,
    Decap CMS's application with its own policy, tested in tests/test_cms_browser.py."""
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith("admin/"):
            continue
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 at a free port; returns (base_url, stop)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown


def expected_pages() -> list[str]:
    """The URL paths the site must have, known from the sources before building: hand-written
    pages in docs/ plus one page per scenario, chapter, theme and region, and the redirect page at the old
    address of an item that got another id (macros/site/feed.py)."""
    sys.path.insert(0, str(ROOT))
    from macros.engine import load_index
    from macros.engine.history import history
    from macros.site.pages import _is_generated, wanted

    docs = ROOT / "docs"
    index = load_index()
    sources = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not _is_generated(p)}
    sources |= set(wanted(index))
    sources |= {f"{move.kind}/{move.old_id}.md" for move in history(index, [ROOT / "content", ROOT / "regio"]).moves}
    urls = {md[: -len("index.md")] if md.endswith("index.md") else md[:-3] + "/" for md in sources}
    return sorted(urls) + ["404.html"]
