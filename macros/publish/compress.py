"""Precompressed copies of a built site's text files (`toolkit compress SITE_DIR`).

First the site's own stylesheets (``assets/*.css``: the toolkit's and a region's; Material's are
minified already) lose their comments and spaces (rcssmin): toolkit.css goes from 3.6 to 2.5 kB
gzip, on the first load of every page. The sources in overrides/ and docs/ keep their comments.

Then, for every page, stylesheet, script, search index, sitemap and SVG, ``x.css`` gets ``x.css.gz`` beside it.
nginx with ``gzip_static on`` (deploy/site.conf) sends that file to a browser that accepts gzip, instead of
compressing each response itself at level 6. The files are written with Zopfli, a gzip compressor that
takes far longer but makes files about 5% smaller than gzip at level 9; any browser reads them. That time is
spent once per build, on all cores, not on every request.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..cli import ToolkitError

TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
"""The files deploy/site.conf compresses (gzip_types, and text/html always); source maps and images are not."""

MIN_BYTES = 256
"""gzip_min_length in deploy/site.conf: smaller files are sent as they are."""


ITERATIONS = 1
"""Zopfli's rounds per file: 1 makes Material's bundle.js 33,886 bytes in 0.15 s, the default 15 makes it
33,855 bytes in 0.33 s (gzip -9: 34,876), so more rounds double the time for 0.1 %."""


def gzip_bytes(data: bytes) -> bytes:
    import zopfli.gzip

    return zopfli.gzip.compress(data, numiterations=ITERATIONS)


def _write_one(path: Path) -> tuple[int, int]:
    """Write path.gz when it is smaller than path (else remove an old one); (bytes, bytes sent compressed)."""
    data = path.read_bytes()
    target = path.with_name(path.name + ".gz")
    packed = gzip_bytes(data) if len(data) >= MIN_BYTES else None
    if packed is None or len(packed) >= len(data):
        target.unlink(missing_ok=True)
        return len(data), len(data)
    target.write_bytes(packed)
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # nginx's Last-Modified and ETag come from the .gz
    return len(data), len(packed)


def minify_css(site_dir: Path) -> tuple[int, int, int]:
    """Minify SITE_DIR/assets/*.css in place (not *.min.css); returns (files, bytes before, bytes after)."""
    import rcssmin

    count = before = after = 0
    for path in sorted((site_dir / "assets").glob("*.css")):
        if path.name.endswith(".min.css"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ToolkitError(f"{path}: geen UTF-8-tekst; is dit een gebouwde site?") from None
        small = rcssmin.cssmin(text)
        count, before, after = count + 1, before + len(text.encode()), after + len(small.encode())
        if small != text:
            path.write_text(small, encoding="utf-8")
    return count, before, after


def write(site_dir: Path) -> tuple[int, int, int]:
    """Write the .gz files of SITE_DIR; returns (files compressed, their bytes, the bytes of their .gz)."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name.endswith(TYPES))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Zopfli releases the GIL
        sizes = [(raw, packed) for raw, packed in pool.map(_write_one, files) if packed < raw]
    return len(sizes), sum(raw for raw, _ in sizes), sum(packed for _, packed in sizes)
