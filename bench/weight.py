"""First-load transfer weight: a page loaded in Chromium with an empty cache, every response recorded.

The weight of a response is what a host with gzip for text types sends (common.sent_size): the .gz
beside the file when `toolkit compress` wrote one, else gzip at level 6; computed from the files on disk. The
search index, which Material's search worker fetches after the page has loaded, is counted apart.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from common import CHROMIUM, CHROMIUM_ARGS, gzip_size, html_pages, sent_size, url_of


def heaviest_candidates(site_dir: Path, count: int = 3) -> list[str]:
    """URLs of the pages with the most gzip-compressed HTML (the assets are shared by all pages)."""
    pages = sorted(html_pages(site_dir), key=lambda p: gzip_size(p.read_bytes()), reverse=True)
    return [url_of(site_dir, p) for p in pages if p.name != "404.html"][:count]


def measure(browser, base_url: str, site_dir: Path, url: str) -> dict:
    """Load one page with an empty cache; the responses by type, in transfer bytes."""
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page.goto(base_url + url, wait_until="networkidle")
    page.wait_for_timeout(500)  # let the search worker fetch its index
    context.close()
    resources, search_index, external = [], 0, []
    for address in dict.fromkeys(seen):
        parsed = urlparse(address)
        if not address.startswith(base_url):
            if parsed.scheme in ("http", "https"):
                external.append(address)
            continue
        path = parsed.path.lstrip("/")
        file = site_dir / path
        if file.is_dir() or not path:
            file = file / "index.html"
        if not file.is_file():
            continue
        size = sent_size(file)
        if path.endswith("search_index.json"):
            search_index = size
            continue
        resources.append({"url": path or "/", "kind": _kind(file.name), "bytes": size})
    by_kind: dict[str, int] = {}
    for res in resources:
        by_kind[res["kind"]] = by_kind.get(res["kind"], 0) + res["bytes"]
    return {
        "url": "/" + url,
        "total_kb": sum(r["bytes"] for r in resources) / 1024,
        "by_kind_kb": {k: v / 1024 for k, v in sorted(by_kind.items())},
        "requests": len(resources),
        "search_index_kb": search_index / 1024,
        "external_requests": external,
        "resources": resources,
    }


def _kind(name: str) -> str:
    name = name.lower()
    for ext, kind in ((".html", "html"), (".css", "css"), (".js", "js"), (".woff", "font"), (".ttf", "font"),
                      (".svg", "image"), (".png", "image"), (".jpg", "image"), (".webp", "image"), (".ico", "image")):
        if ext in name:
            return kind
    return "other"


def run(site_dir: Path, base_url: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            home = measure(browser, base_url, site_dir, "")
            candidates = [measure(browser, base_url, site_dir, url) for url in heaviest_candidates(site_dir)]
        finally:
            browser.close()
    heaviest = max(candidates + [home], key=lambda r: r["total_kb"])
    return {"home": home, "heaviest": heaviest, "candidates": [{k: c[k] for k in ("url", "total_kb")} for c in candidates]}
