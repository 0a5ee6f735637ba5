"""Overview pages of tips, lessons and bouwstenen, and the pages of scenarios and routekaart chapters."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ...engine.index import Index, Item
from ...engine.kinds import BY_FOLDER
from .paging import TIP_GROUPS
from . import blocks, filters, links, pager
from .meta import as_checklist, checklist_places, item_parts, meta
from . import paging
from .. import opendata



def source_intro(index: Index, section: str) -> tuple[str, str]:
    """The intro and closing text of the source document behind a section of the toolkit."""
    for source in index.sources.values():
        if source.get("section") == section:
            intro = blocks.text(source["intro"]) if source.get("intro") else ""
            return intro, blocks.text(source["closing"]) if source.get("closing") else ""
    return "", ""


def edit_url(item: Item, edit_base: str) -> str:
    """The URL that opens the item's YAML file for editing, or "" when the site has no repo_url."""
    return edit_base + item.doc.display if edit_base else ""


def _places(index: Index, items: list[Item]) -> dict[str, list]:
    """Where an overview page names each checklist made from its items: at the item, or once for the
    whole page (key "") when it draws from several items on it, like "De tien lessen"."""
    return checklist_places(index, {item.ref: (n,) for n, item in enumerate(items)}, "")


_old_ids: WeakKeyDictionary = WeakKeyDictionary()
"""Index → item reference → the ids it had before (macros/engine/history.py moves), for the items without a page of
their own: their old address is an anchor on the overview, which keeps working as an extra anchor."""


def use_moves(index: Index, moves) -> None:
    """Remember the old ids of the items of ``index`` (``History.moves``) for the overviews."""
    old: dict[str, list[str]] = {}
    for move in moves:
        old.setdefault(move.ref, []).append(move.old_id)
    _old_ids[index] = old


def old_anchors(index: Index, item: Item) -> str:
    """Empty anchors with the ids ``item`` had before, so that links to its old address still land on it."""
    return "".join(f'<a id="{old_id}"></a>' for old_id in _old_ids.get(index, {}).get(item.ref, []))


def tips(index: Index, current: str, edit_base: str = "", page: int = 1) -> str:
    """The tips under the heading of their group, each tip and each group in a container the filter can hide."""
    shown = paging.lists(index)["tips"].page(page)
    places = _places(index, shown)
    groups: dict[str, list[str]] = {}  # the tips come sorted by group (render/paging.py)
    for tip in shown:
        group = tip.data["group"]
        groups.setdefault(group, []).append(filters.item(filters.item_attributes(tip.id, tip.data["themes"], group), [
            old_anchors(index, tip), links.heading(3, tip.title, f"#{tip.id}"),
            blocks.text(tip.data["text"]) if tip.data.get("text") else "",
            blocks.list_items(tip.data["points"]) if tip.data.get("points") else "",
            opendata.identifier_line(index, tip),
            meta(index, current, tip.data, tip.ref, tip.data["source"], edit_url(tip, edit_base), places.get(tip.ref, [])),
        ]))
    choice = filters.Groups("groep", "Groep", tuple((group, TIP_GROUPS[group]) for group in groups))
    out = [filters.form(index, "tips", "tips", page, [tip.data for tip in shown], choice)]
    out += [filters.group([f"## {TIP_GROUPS[group]} {{#{group}}}", *entries]) for group, entries in groups.items()]
    out.append(as_checklist(index, current, places.get("", [])))
    return pager.page(index, current, "tips", page, out)


def lessons(index: Index, current: str, edit_base: str = "", page: int = 1) -> str:
    paged = paging.lists(index)["lessons"]
    intro, closing = source_intro(index, "lessons")
    out = [intro] if page == 1 else []
    shown = paged.page(page)
    places = _places(index, shown)
    out.append(filters.form(index, "lessons", "lessons", page, [lesson.data for lesson in shown]))
    for number, lesson in enumerate(shown, paged.first(page) + 1):
        out.append(filters.item(filters.item_attributes(lesson.id, lesson.data["themes"]), [
            old_anchors(index, lesson), links.heading(2, f"{number}. {lesson.title}", f"#{lesson.id}"),
            blocks.list_items(lesson.data["points"]),
            opendata.identifier_line(index, lesson),
            meta(index, current, lesson.data, lesson.ref, lesson.data["source"], edit_url(lesson, edit_base),
                 places.get(lesson.ref, [])),
        ]))
    out.append(as_checklist(index, current, places.get("", [])))
    if closing and page == paged.pages:
        out.append(f'<div class="toolkit-closing" markdown>\n\n{closing}\n\n</div>')
    return pager.page(index, current, "lessons", page, out)


def bouwstenen(index: Index, current: str, edit_base: str = "", page: int = 1) -> str:
    return anchored(index, current, "bouwstenen", edit_base, page)


def anchored(index: Index, current: str, kind: str, edit_base: str = "", page: int = 1) -> str:
    """The overview of a kind whose items have no page of their own: each item under its heading (its
    anchor), with its text, its points, insights and groups of points, and its meta line. The bouwstenen,
    and any kind added to macros/engine/kinds.py without an overview of its own."""
    out = []
    shown = paging.lists(index)[kind].page(page)
    places = _places(index, shown)
    for item in shown:
        out += [anchors for anchors in [old_anchors(index, item)] if anchors]
        out.append(links.heading(2, item.title, f"#{item.id}"))
        if item.data.get("text"):
            out.append(blocks.text(item.data["text"]))
        for name in ("points", "insights"):
            if item.data.get(name):
                out.append(blocks.list_items(item.data[name]))
        for group in item.data.get("groups", []):
            out.append(links.heading(3, group["title"], f"#{item.id}-{group['kind']}"))
            out.append(blocks.list_items(group["items"]))
        out.append(opendata.identifier_line(index, item))
        out.append(meta(index, current, item.data, item.ref, item.data["source"], edit_url(item, edit_base),
                        places.get(item.ref, [])))
    out.append(as_checklist(index, current, places.get("", [])))
    return pager.page(index, current, kind, page, out)


def overview(index: Index, current: str, kind: str, page: int = 1) -> str:
    """A list of the items of one kind with their own page (scenarios, routekaart chapters)."""
    intro, _ = source_intro(index, kind)
    out = [intro] if page == 1 else []
    entries = []
    shown = paging.lists(index)[kind].page(page)
    out.append(filters.form(index, kind, kind, page, [item.data for item in shown]))
    for item in shown:
        line = f"- **{links.md_link(item.title, current, links.target(index, item.ref))}**"
        summary = item.data.get("tagline") or _first_sentence(item.data.get("intro", ""))
        if summary:
            line += f"  \n  {summary}"
        entries.append(line + filters.list_item(item.id, item.data.get("themes") or []))
    out.append('<div class="toolkit-index" markdown>\n\n' + "\n".join(entries) + "\n\n</div>")
    return pager.page(index, current, kind, page, out)


def page(index: Index, current: str, kind: str, item_id: str) -> str:
    """The whole page of one scenario or routekaart chapter."""
    item = index.items[kind][item_id]
    overview = links.SECTION_PAGES[kind]
    back = f"[← {BY_FOLDER[kind].back_label}]({links.relative(current, overview)})\n{{: .toolkit-back }}"
    out = [back, links.heading(1, item.title)]
    if item.data.get("tagline"):
        out.append(f"{blocks.text(item.data['tagline'])}\n{{: .toolkit-tagline }}")
    if item.data.get("intro"):
        out.append(blocks.text(item.data["intro"]))
    places = checklist_places(index, item_parts(item), item.ref)
    out += [blocks.render(block, current, index.regions) for block in item.data.get("body", [])]
    out += _sections(index, current, item, item.data.get("sections", []), 2, places)
    out.append(opendata.identifier_line(index, item))
    out.append(meta(index, current, item.data, item.ref, item.data["source"], checklists=places.get(item.ref, [])))
    out.append(_pager(index, current, item))
    return "\n\n".join(part for part in out if part)


def _pager(index: Index, current: str, item: Item) -> str:
    """Links to the previous and next item of the same kind (these pages are not in the navigation)."""
    siblings = paging.lists(index)[item.kind]
    at = siblings.position[item.ref]
    parts = []
    if at > 0:
        before = siblings.entries[at - 1]
        parts.append(f"Vorige: {links.md_link(before.title, current, links.target(index, before.ref))}")
    if at + 1 < len(siblings.entries):
        after = siblings.entries[at + 1]
        parts.append(f"Volgende: {links.md_link(after.title, current, links.target(index, after.ref))}")
    if not parts:
        return ""
    label = "Andere scenario's" if item.kind == "scenarios" else "Andere elementen van de routekaart"
    return f'<nav class="toolkit-pager" aria-label="{label}" markdown>\n\n' + "  \n".join(parts) + "\n\n</nav>"


def _sections(index: Index, current: str, item: Item, sections: list, level: int, places: dict) -> list[str]:
    out = []
    for section in sections:
        ref = f"{item.ref}#{section['id']}"
        out.append(links.heading(level, section["title"], f"#{section['id']}"))
        out += [blocks.render(block, current, index.regions) for block in section.get("body", [])]
        out += _sections(index, current, item, section.get("sections", []), level + 1, places)
        out.append(meta(index, current, section, ref, checklists=places.get(ref, [])))
    return out


def _first_sentence(value: str) -> str:
    value = blocks.text(value).split("\n\n")[0].replace("\n", " ")
    end = value.find(". ")
    return value[: end + 1] if 0 < end < 220 else (value if len(value) < 220 else value[:217].rsplit(" ", 1)[0] + " …")
