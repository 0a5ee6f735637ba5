"""Stage 4a: the thin Markdown pages that the site needs per item, theme and region.

Scenarios, routekaart chapters, themes and regions each get a page of their own. Their Markdown is
one macro call, so it is written here from the index at configuration time (before MkDocs collects
files): adding a YAML file or entry adds its page, without anyone editing Markdown. The files carry
``generated: true`` in their front matter, are ignored by git, and are removed when their item goes.
"""

from __future__ import annotations

import json
from pathlib import Path

from .index import Index

GENERATED = "generated: true"


def wanted(index: Index, edit_base: str = "") -> dict[str, str]:
    """Path under docs/ → file text, for every generated page. With ``edit_base`` (see Options) each
    page's edit link opens the YAML file it comes from."""
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
    return pages


def sync(index: Index, docs_dir: Path, edit_base: str = "") -> None:
    """Write missing or changed generated pages and remove stale ones; touch nothing else."""
    pages = wanted(index, edit_base)
    for folder in {path.split("/")[0] for path in pages} | {"scenarios", "routekaart", "checklists", "themas", "regios"}:
        for existing in (docs_dir / folder).glob("*.md"):
            rel = f"{folder}/{existing.name}"
            if rel not in pages and _is_generated(existing):
                existing.unlink()
    for rel, text in pages.items():
        target = docs_dir / rel
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def _is_generated(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return text.startswith("---\n") and GENERATED in text.split("---", 2)[1].splitlines()


def _stub(title: str, call: str, edit_base: str = "", source: str = "") -> str:
    edit = f"edit_url: {json.dumps(edit_base + source)}\n" if edit_base and source else ""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{edit}{GENERATED}\n---\n\n{{{{ {call} }}}}\n"
