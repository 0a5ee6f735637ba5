"""Stage 4c: with ``mkdocs serve --dirty``, rebuild exactly the pages whose content changed.

MkDocs' dirty mode rebuilds a page only when its Markdown file is newer than its HTML. The
toolkit's pages are mostly one macro call over the YAML in content/, so an edited YAML file changes
no Markdown file: without help, the preview would keep showing the old text. Here every page gets a
fingerprint of what its HTML is made of: its Markdown after the macros (rendered with Jinja and the
toolkit's macros, as mkdocs-macros does), the glossary entries that become tooltips in it, and what
every page shares (mkdocs.yml, the templates, the navigation's titles, the problems the preview
shows). A page whose fingerprint differs from the previous build in this process gets its built HTML
marked as older than its source, so MkDocs rebuilds it. Editors' files are never touched.

Without ``--dirty`` (``mkdocs build``, plain ``mkdocs serve``) nothing here runs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path

from .config import inherited_files
from .pages import nav_pages

log = logging.getLogger("mkdocs.toolkit")

JINJA_START = re.compile(r"\{[{%]")
"""Where a page calls macros: ``{{`` or ``{%``."""

_previous: dict[str, str] = {}
"""Docs path → fingerprint of the page at the previous build in this process (the serve process)."""


def is_dirty(conf) -> bool:
    """Whether MkDocs builds only modified pages. MkDocs tells its plugins at startup (``on_startup``);
    mkdocs-macros passes nothing on, so this asks the search plugin what it was told. A site without
    search is treated as not dirty: every page is rebuilt, which is slower but never stale."""
    plugins = conf.get("plugins") or {}
    told = [getattr(plugins[name], "is_dirty", None) for name in ("material/search", "search") if name in plugins]
    return bool(told and told[0])


def mark_changed(conf, site, variables: dict) -> list[str]:
    """Mark the built HTML of every page whose HTML would change as stale; returns their paths.

    ``site`` is the macros.site.Site of this build, ``variables`` mkdocs-macros' page variables; with
    ``site`` None (nothing to render: the preview's notice pages) every page is marked."""
    from jinja2 import Environment, StrictUndefined
    from mkdocs.structure.files import File

    docs_dir, site_dir = Path(conf["docs_dir"]), conf["site_dir"]
    texts = {path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(docs_dir.rglob("*.md"))}
    shared = _shared(conf, texts)
    glossary = ((conf.get("mdx_configs") or {}).get("abbr") or {}).get("glossary") or {}
    jinja = Environment(undefined=StrictUndefined)
    fingerprints, changed = {}, []
    for rel, text in texts.items():
        fingerprints[rel] = "" if site is None else _fingerprint(
            text, shared, glossary,
            lambda markdown: jinja.from_string(markdown).render({**variables, **site.on_page(rel).macros()}))
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


def _fingerprint(text: str, shared: str, glossary: dict, render) -> str:
    """What a page's HTML is made of: ``shared``, its Markdown after the macros, and the glossary
    entries that Python-Markdown's abbr turns into tooltips in it (at conversion, after the macros:
    an edited abbreviation changes no Markdown). Empty (always rebuild) if rendering fails."""
    if JINJA_START.search(text):
        try:
            text = render(text)
        except Exception:  # noqa: BLE001 - e.g. a variable only mkdocs-macros knows; the real build reports errors
            return ""
    used = [[term, full] for term, full in sorted(glossary.items()) if re.search(rf"\b{re.escape(term)}\b", text)]
    return shared + _digest(text.encode("utf-8") + b"\0" + json.dumps(used).encode("utf-8"))


def _shared(conf, texts: dict[str, str]) -> str:
    """What every page depends on: mkdocs.yml, ``extra`` as the templates see it (with the problems the
    preview shows), the theme overrides (templates, CSS, JS) and the navigation: the titles of its pages
    (``texts``: docs path → Markdown)."""
    parts = [*(path.read_bytes() for path in inherited_files(Path(conf["config_file_path"]))),
             json.dumps(conf.get("extra"), sort_keys=True, default=str).encode()]
    custom = getattr(conf["theme"], "custom_dir", None)
    if custom and Path(custom).is_dir():  # relative in the first build's settings, absolute in later ones
        parts += [f"{p.relative_to(custom).as_posix()}:{p.stat().st_mtime_ns}".encode()
                  for p in sorted(Path(custom).rglob("*")) if p.is_file()]
    in_nav = nav_pages(conf.get("nav")) if conf.get("nav") else set(texts)
    parts += [f"{rel}:{_title_lines(texts[rel])}".encode("utf-8") for rel in sorted(in_nav & set(texts))]
    return _digest(b"\0".join(parts))


def _title_lines(text: str) -> str:
    """Where MkDocs finds a page's title: its front matter and its first heading."""
    front = text.split("---", 2)[1] if text.startswith("---") and text.count("---") >= 2 else ""
    heading = next((line for line in text.splitlines() if line.startswith("# ")), "")
    return front + "\0" + heading


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
