"""The line under each item or section: its themes, its source and what is related."""

from __future__ import annotations

from ..index import Index
from . import links


def meta(index: Index, current: str, data: dict, ref: str, source: str | None = None, edit: str = "") -> str:
    """Themes as links, the source document, related items in both directions, and (with ``edit``,
    the URL to change the item's YAML file) an edit link."""
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
    as_checklist = index.checklists_by_ref.get(ref, [])
    if as_checklist:
        names = ", ".join(links.md_link(c.title, current, links.target(index, c.item.ref)) for c in as_checklist)
        out += ("\n\n" if out else "") + f"Als checklist: {names}\n{{: .toolkit-as-checklist }}"
    related = index.related.get(ref, [])
    if related:
        see = ", ".join(links.md_link(label_of(index, r), current, links.target(index, r)) for r in related)
        out += ("\n\n" if out else "") + f"Zie ook: {see}\n{{: .toolkit-related }}"
    return out


def label_of(index: Index, ref: str) -> str:
    """How a reference reads in a list of links: 'Les: Start het proces…', 'Routekaart: Hoofdstuk › Paragraaf'."""
    item, section = index.lookup(ref)
    kind = links.KIND_LABELS[item.kind][0]
    return f"{kind}: {item.title} › {section.title}" if section else f"{kind}: {item.title}"
