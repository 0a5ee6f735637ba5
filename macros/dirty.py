"""Stage 4c: with ``mkdocs serve --dirty``, rebuild exactly the pages whose content changed.

MkDocs' dirty mode rebuilds a page only when its Markdown file is newer than its HTML. The
toolkit's pages are mostly one macro call over the YAML in content/, so an edited YAML file changes
no Markdown file: without help, the preview would keep showing the old text. Here every page that
calls macros is rendered (Jinja with the toolkit's macros, as mkdocs-macros does) and fingerprinted;
a page whose fingerprint differs from the previous build in this process gets its built HTML marked
as older than its source, so MkDocs rebuilds it. Editors' files are never touched.

Without ``--dirty`` (``mkdocs build``, plain ``mkdocs serve``) nothing here runs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.toolkit")

_previous: dict[str, str] = {}
"""Docs path → fingerprint of the page at the previous build in this process (the serve process)."""


def is_dirty(conf) -> bool:
    """Whether MkDocs builds only modified pages: its search plugin is told so at startup (MkDocs
    tells plugins, and mkdocs-macros passes nothing on); without search, the command line says it."""
    plugins = conf.get("plugins") or {}
    told = [getattr(plugins[name], "is_dirty", None) for name in ("material/search", "search") if name in plugins]
    if told and told[0] is not None:
        return bool(told[0])
    return "--dirty" in sys.argv[1:]


def mark_changed(conf, site, variables: dict) -> list[str]:
    """Mark the built HTML of every page whose rendered Markdown changed as stale; returns their paths.

    ``site`` is the macros.site.Site of this build, ``variables`` mkdocs-macros' page variables."""
    from jinja2 import Environment, StrictUndefined
    from mkdocs.structure.files import File

    docs_dir, site_dir = Path(conf["docs_dir"]), conf["site_dir"]
    shared = _shared(conf)
    jinja = Environment(undefined=StrictUndefined)
    fingerprints, changed = {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        fingerprints[rel] = _fingerprint(path.read_text(encoding="utf-8"), shared,
                                         lambda text: jinja.from_string(text).render({**variables, **site.on_page(rel).macros()}))
        if not fingerprints[rel] or _previous.get(rel) != fingerprints[rel]:
            changed.append(File(rel, str(docs_dir), site_dir, conf.get("use_directory_urls", True)))
            if os.path.exists(changed[-1].abs_dest_path):
                os.utime(changed[-1].abs_dest_path, (0, 0))
    _forget_search_entries(conf, changed)
    _previous.clear()
    _previous.update(fingerprints)
    return [file.src_uri for file in changed]


def quiet_warning() -> None:
    """MkDocs warns on every dirty build that links may be stale; for content edits they are not (above)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyWarningFilter) for f in logger.filters):
        logger.addFilter(_DirtyWarningFilter())


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _forget_search_entries(conf, pages: list) -> None:
    """Drop the search entries of pages about to be rebuilt, so the preview's search has no doubles.

    Material keeps the previous search index across dirty rebuilds and replaces the entries of only
    the first rebuilt page (material/plugins/search/plugin.py, generate_search_index). ``pages``: MkDocs Files."""
    plugin = (conf.get("plugins") or {}).get("material/search")
    previous = getattr(plugin, "search_index_prev", None)
    if previous is None or not pages:
        return
    urls = {"" if page.url == "./" else page.url for page in pages}
    previous.entries = [entry for entry in previous.entries if entry["location"].partition("#")[0] not in urls]


def _fingerprint(text: str, shared: str, render) -> str:
    """A page's fingerprint: ``shared`` plus its rendered Markdown; empty (always rebuild) if that fails."""
    if "{{" not in text and "{%" not in text:
        return shared  # a plain page: MkDocs itself sees when its own file changes
    try:
        return shared + _digest(render(text).encode("utf-8"))
    except Exception:  # noqa: BLE001 - e.g. a variable only mkdocs-macros knows; the real build reports errors
        return ""


def _shared(conf) -> str:
    """What every page depends on: mkdocs.yml and the theme overrides (templates, CSS, JS)."""
    parts = [Path(conf["config_file_path"]).read_bytes()]
    custom = getattr(conf["theme"], "custom_dir", None)
    if custom and Path(custom).is_dir():
        parts += [f"{p}:{p.stat().st_mtime_ns}".encode() for p in sorted(Path(custom).rglob("*")) if p.is_file()]
    return _digest(b"\0".join(parts))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
