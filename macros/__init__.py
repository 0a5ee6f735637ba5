"""The toolkit's content engine and its mkdocs-macros entry point (``define_env``)."""

from __future__ import annotations

import logging
from pathlib import Path


def define_env(env):
    """mkdocs-macros entry: validate content, write generated pages, register the macros."""
    from mkdocs.exceptions import PluginError

    from . import pages
    from .config import Options
    from .engine import load_index
    from .problems import ContentError
    from .render.overviews import abbreviations
    from .site import Site

    options = Options.from_mkdocs(env.conf)
    try:
        index = load_index(options.content)
    except ContentError as err:
        log = logging.getLogger("mkdocs.toolkit")
        for problem in err.problems:
            log.error(str(problem))
        count = len(err.problems)
        raise PluginError(f"De inhoud heeft {count} {'probleem' if count == 1 else 'problemen'}; "
                          "de site is niet gebouwd en de vorige versie in site/ is niet aangeraakt.") from None
    pages.sync(index, Path(env.conf["docs_dir"]))
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = abbreviations(index)
    site = Site(index, options, env)
    for name in Site.MACROS:
        env.macro(getattr(site, name), name)
    env.variables["counts"] = {kind: len(table) for kind, table in index.items.items()}
