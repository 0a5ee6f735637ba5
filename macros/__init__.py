"""The toolkit's content engine and its mkdocs-macros entry point (``define_env``)."""

from __future__ import annotations

import logging
from pathlib import Path


def define_env(env):
    """mkdocs-macros entry: validate content, write generated pages, register the macros.

    Zensical (Material's successor) calls it too, once per page: see macros/zensical_compat.py."""
    from . import dirty, pages, theme, zensical_compat
    from .config import Options, option_problems
    from .engine import load_index
    from .problems import ContentError
    from .render.overviews import abbreviations
    from .site import Site

    zensical = zensical_compat.running(env)
    if zensical:
        zensical_compat.adapt(env)
    setting_problems = option_problems(Path(env.conf["config_file_path"]))
    if setting_problems:
        _stop(map(str, setting_problems), "De instellingen onder extra.toolkit in mkdocs.yml zijn niet bruikbaar; "
                                          "de site is niet gebouwd.")
    options = Options.from_mkdocs(env.conf)
    try:
        index = (zensical_compat.load_index(options.content, options.overlay) if zensical
                 else load_index(options.content, options.overlay))
    except ContentError as err:
        count = len(err.problems)
        kept = "" if zensical else " en de vorige versie in site/ is niet aangeraakt"  # Zensical empties site/
        _stop(map(str, err.problems), f"De inhoud heeft {count} {'probleem' if count == 1 else 'problemen'}; "
                                      f"de site is niet gebouwd{kept}.")
    chosen, problems = theme.colors(options.colors)
    if problems:
        _stop((f"mkdocs.yml: error: {p}" for p in problems), "De kleuren in mkdocs.yml zijn niet bruikbaar; "
                                                              "de site is niet gebouwd.")
    theme.write(Path(env.conf["docs_dir"]), chosen)
    pages.sync(index, Path(env.conf["docs_dir"]), options.edit_base)
    if options.overlay and "watch" in env.conf and str(options.overlay) not in env.conf["watch"]:
        env.conf["watch"].append(str(options.overlay))  # `mkdocs serve` reloads on the region's files too
    glossary = abbreviations(index)
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = glossary
    if zensical:
        zensical_compat.use_glossary(glossary)
    site = Site(index, options, env)
    for name, macro in site.macros().items():
        env.macro(macro, name)
    env.variables["counts"] = {kind: len(table) for kind, table in index.items.items()}
    if not zensical and dirty.is_dirty(env.conf):
        dirty.quiet_warning()
        dirty.mark_changed(env.conf, site, env.variables)


def on_pre_page_macros(env):
    """mkdocs-macros, before each page: a generated page's title is text, not a template."""
    from .pages import hold_title

    hold_title(env.page.meta)


def on_post_page_macros(env):
    """mkdocs-macros, after each page: give the page its title back (see on_pre_page_macros)."""
    from .pages import give_back_title

    give_back_title(env.page.meta)


def _stop(problems, message: str):
    """Log every problem (one GNU-style line each) and end the build before anything is written."""
    from mkdocs.exceptions import PluginError

    log = logging.getLogger("mkdocs.toolkit")
    for problem in problems:
        log.error(problem)
    raise PluginError(message)
