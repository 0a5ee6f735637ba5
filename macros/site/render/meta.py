"""The line under each item or section: its themes, its source and what is related."""

from __future__ import annotations

import os

from ...engine.index import Index
from . import links


def meta(index: Index, current: str, data: dict, ref: str, source: str | None = None, edit: str = "",
         checklists: list | None = None) -> str:
    """Themes as links, the source document, the checklists made from it (``checklists``; by default
    every checklist that uses ``ref``), related items in both directions, and (with ``edit``, the URL
    to change the item's YAML file) an edit link."""
    parts = []
    themes = data.get("themes") or []
    if themes:
        label = "Thema" if len(themes) == 1 else "Thema's"
        names = ", ".join(links.md_link(index.themes[t]["title"], current, links.theme_page(t)) for t in themes)
        parts.append(f"{label}: {names}")
    if source:
        parts.append("Bron: " + links.md_link(index.sources[source]["title"], current, f"bronnen.md#{source}"))
    if edit:
        parts.append(f"[Bewerk dit onderdeel]({edit})")
    out = ""
    if parts:
        out += " · ".join(parts) + "\n{: .toolkit-meta }"
    made = as_checklist(index, current, index.checklists_by_ref.get(ref, []) if checklists is None else checklists)
    if made:
        out += ("\n\n" if out else "") + made
    related = index.related.get(ref, [])
    if related:
        out += ("\n\n" if out else "") + f"Zie ook: {link_list(index, current, related)}\n{{: .toolkit-related }}"
    return out


def by_item(index: Index, refs: list[str]) -> list[tuple[object, bool, list]]:
    """References grouped by the item they are in, in order of first appearance: (item, whether the
    item itself is referred to, its sections referred to)."""
    groups: dict[str, tuple] = {}
    for ref in refs:
        item, section = index.lookup(ref)
        whole, sections = groups.setdefault(item.ref, (item, [False], []))[1:]
        if section is None:
            whole[0] = True
        elif section not in sections:
            sections.append(section)
    return [(item, whole[0], sections) for item, whole, sections in groups.values()]


def link_list(index: Index, current: str, refs: list[str]) -> str:
    """Links to references as one line, each item named once with its sections after it in brackets:
    'Tip: Projectgroep, Scenario: Een projectgroep inrichten (Toch graag een kleinere projectgroep)'.
    An item whose sections alone are referred to is named without a link."""
    out = []
    for item, whole, sections in by_item(index, refs):
        name = links.md_link(item.title, current, links.target(index, item.ref)) if whole else links.escape(item.title)
        entry = f"{links.KIND_LABELS[item.kind][0]}: {name}"
        if sections:
            entry += " (" + ", ".join(links.md_link(s.title, current, links.target(index, s.ref)) for s in sections) + ")"
        out.append(entry)
    return ", ".join(out)


def checklist_places(index: Index, parts: dict[str, tuple], whole: str) -> dict[str, list]:
    """Where on one page each checklist made from its parts is named, once. ``parts`` gives each
    reference on the page with its place in the page's tree (a tuple; a prefix is a part that holds
    it), ``whole`` the key for the page as a whole. A checklist is named at the one part it draws
    from, or at the nearest part that holds all the parts it draws from, or else at ``whole``."""
    found: dict[str, tuple] = {}
    for ref, path in parts.items():
        for checklist in index.checklists_by_ref.get(ref, []):
            found.setdefault(checklist.id, (checklist, []))[1].append(path)
    at_path = {path: ref for ref, path in parts.items()}
    places: dict[str, list] = {}
    for checklist, paths in found.values():
        common = tuple(os.path.commonprefix(paths))
        while common and common not in at_path:  # ('sections', 1, 'sections') → ('sections', 1)
            common = common[:-1]
        places.setdefault(at_path.get(common, whole), []).append(checklist)
    return places


def item_parts(item) -> dict[str, tuple]:
    """The parts of an item's page for checklist_places: the item, and each section by its path."""
    return {item.ref: (), **{section.ref: section.path for section in item.sections.values()}}


def as_checklist(index: Index, current: str, checklists: list) -> str:
    """The line that names the checklists made from a part of the page ("" without any)."""
    if not checklists:
        return ""
    names = ", ".join(links.md_link(c.title, current, links.target(index, c.item.ref)) for c in checklists)
    return f"Als checklist: {names}\n{{: .toolkit-as-checklist }}"


def label_of(index: Index, ref: str) -> str:
    """How a reference reads in a list of links: 'Les: Start het proces…', 'Routekaart: Hoofdstuk › Paragraaf'."""
    item, section = index.lookup(ref)
    kind = links.KIND_LABELS[item.kind][0]
    return f"{kind}: {item.title} › {section.title}" if section else f"{kind}: {item.title}"
