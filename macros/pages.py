"""Stage 4a: the thin Markdown pages that the site needs per item, theme and region.

Scenarios, routekaart chapters, themes and regions each get a page of their own, and a list longer
than one page (macros/paging.py) gets its pages 2, 3, … (``tips/pagina/2.md``, ``themas/privacy/pagina/2.md``).
Their Markdown is one macro call, so it is written here from the index at configuration time (before
MkDocs collects files): adding a YAML file or entry adds its page, without anyone editing Markdown.
The files carry ``generated: true`` in their front matter, are ignored by git, and are removed when
their item goes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .index import Index
from .render import links, pager

GENERATED = "generated: true"

FOLDERS = ("scenarios", "routekaart", "checklists", "themas", "regios", "tips", "lessen", "bouwstenen")
"""The folders under docs/ that can hold generated pages."""

LIST_MACROS = {"tips": "tips_overview", "lessons": "lessons_overview", "bouwstenen": "bouwstenen_overview",
               "scenarios": "scenarios_overview", "routekaart": "routemap", "checklists": "checklists_overview",
               "all-checklists": "all_checklists", "themes": "themes_overview", "regions": "regions_overview",
               "theme": "theme_page", "region": "region_page"}
"""The macro that shows a page of each list (macros/paging.py); for "theme" and "region" it takes the id first."""

NOT_SEARCHED = {"all-checklists"}
"""Lists whose pages only repeat what other pages show (each checklist has its own page): left out of
the search index, like the hand-written first page (docs/checklists/alle.md)."""


def wanted(index: Index, edit_base: str = "", docs: str = "docs") -> dict[str, str]:
    """Path under docs/ → file text, for every generated page. With ``edit_base`` (see Options) each
    page's edit link opens the YAML file it comes from, or for page 2, 3, … of an overview the
    hand-written first page (in ``docs``, the name of the docs folder)."""
    pages = {}
    for kind, folder, macro in (("scenarios", "scenarios", "scenario_page"), ("routekaart", "routekaart", "chapter_page"),
                                ("checklists", "checklists", "checklist_page")):
        for item in index.of_kind(kind):
            pages[f"{folder}/{item.id}.md"] = _stub(item.title, f'{macro}("{item.id}")', edit_base, item.doc.display)
    for theme_id, theme in index.themes.items():
        pages[f"themas/{theme_id}.md"] = _stub(theme["title"], f'theme_page("{theme_id}")', edit_base,
                                               index.origins.get(("themes", theme_id), ""))
    for region_id, region in index.regions.items():
        pages[f"regios/{region_id}.md"] = _stub(region["name"], f'region_page("{region_id}")', edit_base,
                                                index.origins.get(("regions", region_id), ""))
    for key, paged in index.lists.items():
        kind, _, key_id = key.partition("/")
        if key_id:  # a theme's or region's page: edit its entry in themes.yml or regions.yml
            source = index.origins.get(({"theme": "themes", "region": "regions"}[kind], key_id), "")
        else:  # an overview: edit its hand-written first page
            source = f"{docs}/{links.list_page(key, 1)}"
        for number in range(2, paged.pages + 1):
            call = f'{LIST_MACROS[kind]}({f"{json.dumps(key_id)}, " if key_id else ""}{number})'
            pages[links.list_page(key, number)] = _stub(pager.title(index, key, number), call, edit_base, source,
                                                               key in NOT_SEARCHED)
    return pages


def sync(index: Index, docs_dir: Path, edit_base: str = "") -> None:
    """Write missing or changed generated pages and remove stale ones; touch nothing else."""
    pages = wanted(index, edit_base, docs_dir.name)
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
