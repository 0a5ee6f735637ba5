"""Stage 4a: the thin Markdown pages that the site needs per item, theme and region.

Scenarios, routekaart chapters, themes and regions each get a page of their own, and a list longer
than one page (macros/site/render/paging.py) gets its pages 2, 3, … (``tips/pagina/2.md``, ``themas/privacy/pagina/2.md``).
Their Markdown is one macro call, so it is written here from the index at configuration time (before
MkDocs collects files): adding a YAML file or entry adds its page, without anyone editing Markdown.
The files carry ``generated: true`` in their front matter, are ignored by git, and are removed when
their item goes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..engine.index import Index
from ..engine.kinds import KINDS
from .render import booklet, links, pager
from .render import paging

GENERATED = "generated: true"

FOLDERS = tuple(dict.fromkeys([*(kind.folder for kind in KINDS if kind.own_pages),
                               *(kind.overview.split("/")[0] for kind in KINDS), "themas", "regios"]))
"""The folders under docs/ that can hold generated pages (.gitignore and not_in_nav in mkdocs.yml list
the ones with a page per item: tests/test_kinds.py)."""

LIST_MACROS = {**{kind.folder: kind.macro or "kind_overview" for kind in KINDS},
               "all-checklists": "all_checklists", "themes": "themes_overview", "regions": "regions_overview",
               "theme": "theme_page", "region": "region_page"}
"""The macro that shows a page of each list (macros/site/render/paging.py); for "theme" and "region" it takes the id
first, kind_overview (a kind without an overview of its own) the kind's folder."""

NOT_SEARCHED = {"all-checklists"}
"""Lists whose pages only repeat what other pages show (each checklist has its own page): left out of
the search index, like the hand-written first page (docs/checklists/alle.md)."""


def wanted(index: Index, edit_base: str = "", docs: str = "docs", docs_dir: Path | None = None) -> dict[str, str]:
    """Path under docs/ → file text, for every generated page. With ``edit_base`` (see Options) each
    page's edit link opens the YAML file it comes from, or for page 2, 3, … of an overview the
    hand-written first page (in ``docs``, the name of the docs folder). With ``docs_dir``, a kind whose
    overview page is not there (a kind just added to macros/engine/kinds.py) gets a generated one."""
    pages = {}
    for kind in KINDS:
        for item in index.of_kind(kind.folder) if kind.own_pages else ():
            pages[f"{kind.folder}/{item.id}.md"] = _stub(item.title, _item_call(kind, item.id), edit_base,
                                                         item.doc.display)
        if docs_dir is not None and not _hand_written(docs_dir / kind.overview):
            pages[kind.overview] = _stub(kind.plural, _list_call(kind.folder), edit_base)
    for theme_id, theme in index.themes.items():
        pages[f"themas/{theme_id}.md"] = _stub(theme["title"], f'theme_page("{theme_id}")', edit_base,
                                               index.origins.get(("themes", theme_id), ""))
    for region_id, region in index.regions.items():
        pages[f"regios/{region_id}.md"] = _stub(region["name"], f'region_page("{region_id}")', edit_base,
                                                index.origins.get(("regions", region_id), ""))
    if index.of_kind("routekaart"):  # the routekaart as a booklet to print; edit: the routekaart's overview
        pages[booklet.PAGE] = _stub(booklet.TITLE, "routekaart_booklet()", edit_base,
                                    f"{docs}/{links.list_page('routekaart', 1)}", unsearched=True)
    for key, paged in paging.lists(index).items():
        kind, _, key_id = key.partition("/")
        if key_id:  # a theme's or region's page: edit its entry in themes.yml or regions.yml
            source = index.origins.get(({"theme": "themes", "region": "regions"}[kind], key_id), "")
        else:  # an overview: edit its hand-written first page
            source = f"{docs}/{links.list_page(key, 1)}"
        for number in range(2, paged.pages + 1):
            pages[links.list_page(key, number)] = _stub(pager.title(index, key, number), _list_call(key, number),
                                                        edit_base, source, key in NOT_SEARCHED)
    return pages


ITEM_MACROS = {"scenarios": "scenario_page", "routekaart": "chapter_page", "checklists": "checklist_page"}
"""The macro that shows an item's own page; any other kind with pages of its own uses item_page."""


def _item_call(kind, item_id: str) -> str:
    macro = ITEM_MACROS.get(kind.folder)
    return f"{macro}({json.dumps(item_id)})" if macro else f"item_page({json.dumps(kind.folder)}, {json.dumps(item_id)})"


def _list_call(key: str, number: int | None = None) -> str:
    """The macro call that shows page ``number`` of the list ``key`` (page 1 without a number)."""
    kind, _, key_id = key.partition("/")
    macro = LIST_MACROS[kind]
    first = key_id or (kind if macro == "kind_overview" else "")
    args = ([json.dumps(first)] if first else []) + ([str(number)] if number is not None else [])
    return f"{macro}({', '.join(args)})"


def _hand_written(path: Path) -> bool:
    return path.is_file() and not _is_generated(path)


def sync(index: Index, docs_dir: Path, edit_base: str = "") -> None:
    """Write missing or changed generated pages and remove stale ones; touch nothing else."""
    pages = wanted(index, edit_base, docs_dir.name, docs_dir)
    for folder in {path.split("/")[0] for path in pages} | set(FOLDERS):
        for existing in sorted((docs_dir / folder).rglob("*.md")):
            rel = existing.relative_to(docs_dir).as_posix()
            if rel not in pages and _is_generated(existing):
                existing.unlink()
                _remove_empty(existing.parent, docs_dir / folder)
    for rel, text in pages.items():
        target = docs_dir / rel
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def add_to_nav(nav: list | None) -> None:
    """Give the overview of a kind that the menu in mkdocs.yml does not name (one just added to
    macros/engine/kinds.py) a place at the end of the menu, so that it can be found (and the strict build,
    which refuses pages outside the menu, passes). Without a ``nav`` MkDocs lists every page itself."""
    if nav is None:
        return
    named = nav_pages(nav)
    nav += [{kind.plural: kind.overview} for kind in KINDS if kind.overview not in named]


def nav_pages(nav) -> set[str]:
    """The docs paths in mkdocs.yml's ``nav`` (a list of paths, {title: path} and {title: [...]})."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(nav_pages, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_pages, nav))
    return set()


def _remove_empty(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``top`` while they are empty (``pagina/``)."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _is_generated(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return text.startswith("---\n") and GENERATED in text.split("---", 2)[1].splitlines()


JINJA_START = re.compile(r"\{[{%#]")
"""Where Jinja would start a tag, expression or comment: ``{{``, ``{%``, ``{#``."""


def hold_title(meta: dict) -> None:
    """Before mkdocs-macros renders a generated page: take away a title that looks like a template
    ('Werken met het sjabloon {{ regio }}'), which it would render as one and fail on. Content text
    is text. ``give_back_title`` puts it back after rendering, for the page's <title> and search."""
    title = meta.get("title")
    if meta.get("generated") and isinstance(title, str) and JINJA_START.search(title):
        meta["toolkit_title"] = meta.pop("title")


def give_back_title(meta: dict) -> None:
    """After rendering: the title that ``hold_title`` took away, as it is."""
    if "toolkit_title" in meta:
        meta["title"] = meta.pop("toolkit_title")


def _stub(title: str, call: str, edit_base: str = "", source: str = "", unsearched: bool = False) -> str:
    edit = f"edit_url: {json.dumps(edit_base + source)}\n" if edit_base and source else ""
    search = "search:\n  exclude: true\n" if unsearched else ""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{edit}{search}{GENERATED}\n---\n\n{{{{ {call} }}}}\n"
