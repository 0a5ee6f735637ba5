"""The mkdocs-macros entry point (``define_env`` and the page hooks), re-exported by macros/__init__.py."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

PREVIEW_KEY = "toolkit_preview"
"""``config.extra`` key that overrides/partials/preview-problems.html reads: the problems the preview shows."""

_last_good = None
"""(options, index, colours) of the last build in this process that had no problems: in `mkdocs serve`,
a build with problems keeps showing this (see _Stopped)."""

_nothing_good = False
"""True while `mkdocs serve` has not built the site once without problems: every page is then a notice."""


class _Stopped(Exception):
    """Content or settings with problems: ``problems`` (one GNU-style line each), ``heading`` (what is
    wrong, short, Dutch), ``message`` (the build's last word: what `mkdocs build` ends with)."""

    def __init__(self, problems, heading: str, message: str):
        super().__init__(message)
        self.problems, self.heading, self.message = [str(p) for p in problems], heading, message


def define_env(env):
    """mkdocs-macros entry: validate content, write generated pages, register the macros.

    With problems, `mkdocs build` stops with them. `mkdocs serve` keeps serving: the last site
    without problems (or, before there was one, a notice on every page), with the problems at the top
    of each page (overrides/partials/preview-problems.html) until the files are fixed.

    Zensical (Material's successor) calls it too, once per page: see macros/site/zensical_compat.py."""
    global _last_good, _nothing_good
    from . import dirty, pages, theme, zensical_compat
    from .render import items, news
    from .render.overviews import abbreviations
    from .bindings import Site

    zensical = zensical_compat.running(env)
    if zensical:
        zensical_compat.adapt(env)
    (env.conf.get("extra") or {}).pop(PREVIEW_KEY, None)
    try:
        options, index, chosen = _load(env, zensical)
    except _Stopped as stop:
        if zensical or not _serving():
            _stop(stop.problems, stop.message)
        _show_in_preview(env, stop)
        if _last_good is None:
            _nothing_good = True
            if not (Path(env.conf["docs_dir"]) / theme.CSS_FILE).exists():
                theme.write(Path(env.conf["docs_dir"]), theme.DEFAULTS)
            if dirty.is_dirty(env.conf):
                dirty.mark_changed(env.conf, None, env.variables)
            return
        options, index, chosen = _last_good
    else:
        _last_good, _nothing_good = (options, index, chosen), False
    theme.write(Path(env.conf["docs_dir"]), chosen)
    pages.sync(index, Path(env.conf["docs_dir"]), options.edit_base)
    pages.add_to_nav(env.conf.get("nav"))
    glossary = abbreviations(index)
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = glossary
    if zensical:
        zensical_compat.use_glossary(glossary)
    site = Site(index, options, env)
    items.use_moves(index, news.site_history(options, index).moves)  # old ids stay anchors on the overviews
    for name, macro in site.macros().items():
        env.macro(macro, name)
    env.variables["counts"] = {kind: len(table) for kind, table in index.items.items()}
    if not zensical and dirty.is_dirty(env.conf):
        dirty.quiet_warning()
        dirty.mark_changed(env.conf, site, env.variables)


def _load(env, zensical: bool):
    """The options, content index and site colours; raises _Stopped with every problem of the first
    kind found (settings, then content, then colours)."""
    from . import theme, zensical_compat
    from .config import Options, option_problems
    from ..engine import load_index
    from ..engine.problems import ContentError

    setting_problems = option_problems(Path(env.conf["config_file_path"]))
    if setting_problems:
        raise _Stopped(setting_problems, "De instellingen onder extra.toolkit in mkdocs.yml zijn niet bruikbaar",
                       "De instellingen onder extra.toolkit in mkdocs.yml zijn niet bruikbaar; de site is niet gebouwd.")
    options = Options.from_mkdocs(env.conf)
    if options.overlay and "watch" in env.conf and str(options.overlay) not in env.conf["watch"]:
        env.conf["watch"].append(str(options.overlay))  # `mkdocs serve` reloads on the region's files too
    try:
        index = (zensical_compat.load_index(options.content, options.overlay) if zensical
                 else load_index(options.content, options.overlay))
    except ContentError as err:
        count = len(err.problems)
        heading = f"De inhoud heeft {count} {'probleem' if count == 1 else 'problemen'}"
        kept = "" if zensical else " en de vorige versie in site/ is niet aangeraakt"  # Zensical empties site/
        raise _Stopped(err.problems, heading, f"{heading}; de site is niet gebouwd{kept}.") from None
    chosen, problems = theme.colors(options.colors)
    if problems:
        raise _Stopped((f"mkdocs.yml: error: {p}" for p in problems), "De kleuren in mkdocs.yml zijn niet bruikbaar",
                       "De kleuren in mkdocs.yml zijn niet bruikbaar; de site is niet gebouwd.")
    return options, index, chosen


def _serving() -> bool:
    """Whether `mkdocs serve` runs this build. MkDocs tells plugins at startup (on_startup), but
    mkdocs-macros passes nothing on, so: whether its serve command is on the call stack."""
    frame = sys._getframe(1)
    tail = os.path.join("mkdocs", "commands", "serve.py")
    while frame is not None:
        if frame.f_code.co_filename.endswith(tail):
            return True
        frame = frame.f_back
    return False


def _show_in_preview(env, stop: _Stopped) -> None:
    """Log the problems, as a build would, and hand them to the page template (config.extra)."""
    log = logging.getLogger("mkdocs.toolkit")
    for problem in stop.problems:
        log.error(problem)
    kept = ("de preview toont de laatste versie zonder problemen" if _last_good
            else "de preview toont de site zodra ze zijn opgelost")
    log.warning(f"{stop.heading}; {kept}, met de problemen bovenaan elke pagina.")
    env.conf["extra"][PREVIEW_KEY] = {"heading": stop.heading, "problems": stop.problems, "kept": bool(_last_good)}


def on_pre_page_macros(env):
    """mkdocs-macros, before each page: a generated page's title is text, not a template; while the
    preview has no site without problems yet, each page is only the notice (see define_env)."""
    from .pages import hold_title

    hold_title(env.page.meta)
    if _nothing_good:
        env.markdown = "De pagina verschijnt zodra de problemen hierboven zijn opgelost."


def on_post_page_macros(env):
    """mkdocs-macros, after each page: give the page its title back (see on_pre_page_macros)."""
    from .pages import give_back_title

    give_back_title(env.page.meta)


def on_post_build(env):
    """mkdocs-macros, after MkDocs has written the site: the files that are not pages (macros/site/outputs.py),
    from the index this build used. Nothing while the preview has no site without problems yet."""
    from . import outputs

    if _last_good is None or _nothing_good:
        return
    options, index, _ = _last_good
    outputs.write(env.conf, options, index)


def _stop(problems, message: str):
    """Log every problem (one GNU-style line each) and end the build before anything is written."""
    from mkdocs.exceptions import PluginError

    log = logging.getLogger("mkdocs.toolkit")
    for problem in problems:
        log.error(problem)
    raise PluginError(message)
