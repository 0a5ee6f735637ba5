"""Zensical compatibility: Material for MkDocs' successor builds this site from the same mkdocs.yml.

Zensical reads mkdocs.yml and runs our ``define_env`` through its own port of mkdocs-macros, which
differs from mkdocs-macros in four ways; ``define_env`` calls this module only under Zensical:

- it calls ``define_env`` again for every page, while rendering that page: ``load_index`` reuses the
  loaded content as long as no file in content/ changed, so a build stays fast;
- its ``env.conf`` has ``root_dir`` (the folder of mkdocs.yml) instead of ``config_file_path`` and a
  ``docs_dir`` relative to that folder, and its ``env.page`` has ``path`` where MkDocs has
  ``file.src_uri``: ``adapt`` fills in the names the rest of the package uses;
- the page's Markdown parser is made before ``define_env`` runs, so the abbreviation glossary set in
  ``mdx_configs`` only reaches the pages after it: ``use_glossary`` also gives it to the current page;
- it lists docs/ before rendering any page, so the pages that ``define_env`` writes (macros/site/pages.py)
  must be there before ``zensical build``: run ``toolkit pages`` first (README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from ..engine.index import Index

_loaded: dict = {}


def running(env) -> bool:
    """True when Zensical, not mkdocs-macros, calls ``define_env``."""
    return type(env).__module__.startswith("zensical.")


def adapt(env) -> None:
    """Give Zensical's env the MkDocs names that ``define_env`` and the macros read."""
    conf = env.conf
    root = Path(conf["root_dir"]).resolve()
    # Only the folder of config_file_path is used (Options.from_mkdocs).
    env.conf = {**conf, "config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / conf["docs_dir"])}
    if env.page is not None and not hasattr(env.page, "file"):
        env.page.file = SimpleNamespace(src_uri=env.page.path)


def load_index(content: Path, overlay: Path | None = None) -> Index:
    """The index of the content, loaded again only when a file in the content folders has changed."""
    from ..engine import load_index as load

    folders = [Path(content)] + ([Path(overlay)] if overlay else [])
    files = sorted(path for folder in folders for path in folder.rglob("*") if path.is_file())
    key = (str(content), str(overlay), tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))
    if _loaded.get("key") != key:
        _loaded.clear()
        _loaded.update(index=load(content, overlay), key=key)
    return _loaded["index"]


def use_glossary(glossary: dict[str, str]) -> None:
    """Add the abbreviations to the Markdown parser of the page being rendered.

    Zensical calls ``define_env`` from its macros preprocessor, so that parser is the ``md`` of the
    nearest preprocessor up the call stack."""
    from markdown.extensions.abbr import AbbrExtension
    from markdown.preprocessors import Preprocessor

    frame = sys._getframe(1)
    while frame is not None:
        caller = frame.f_locals.get("self")
        if isinstance(caller, Preprocessor):
            for extension in caller.md.registeredExtensions:
                if isinstance(extension, AbbrExtension):
                    extension.load_glossary(glossary)
                    extension.abbrs.update(extension.glossary)
            return
        frame = frame.f_back
