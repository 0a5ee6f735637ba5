"""Pages that cut across the content: themes, example regions, glossary and sources."""

from __future__ import annotations

import html

from ..index import KIND_ORDER, Index
from . import blocks, links
from .meta import label_of


def themes_index(index: Index, current: str) -> str:
    rows = []
    for theme_id, theme in index.themes.items():
        count = len(index.by_theme.get(theme_id, []))
        rows.append(f"- **{links.md_link(theme['title'], current, links.theme_page(theme_id))}** ({count})  \n"
                    f"  {blocks.text(theme['description'])}")
    return '<div class="toolkit-index" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def theme_page(index: Index, current: str, theme_id: str) -> str:
    theme = index.themes[theme_id]
    out = [f"[← Alle thema's]({links.relative(current, 'themas/index.md')})\n{{: .toolkit-back }}", f"# {theme['title']}", f"{blocks.text(theme['description'])}\n{{: .toolkit-tagline }}"]
    mentions = index.by_theme.get(theme_id, [])
    for kind in KIND_ORDER:
        found = [m for m in mentions if m.item.kind == kind]
        if not found:
            continue
        out.append(f"## {links.KIND_LABELS[kind][1]}")
        out.append("\n".join(f"- {links.md_link(label_of(index, m.ref).split(': ', 1)[1], current, links.target(m.ref))}"
                             for m in found))
    if not mentions:
        out.append("Er is nog geen inhoud met dit thema.")
    return "\n\n".join(out)


def regions_index(index: Index, current: str) -> str:
    rows = []
    for region_id, region in index.regions.items():
        count = len(index.by_region.get(region_id, []))
        word = "voorbeeld" if count == 1 else "voorbeelden"
        rows.append(f"- **{links.md_link(region['name'], current, links.region_page(region_id))}** ({count} {word})  \n"
                    f"  {blocks.text(region['description'])}")
    return '<div class="toolkit-index" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def region_page(index: Index, current: str, region_id: str) -> str:
    region = index.regions[region_id]
    out = [f"[← Alle voorbeeldregio's]({links.relative(current, 'regios/index.md')})\n{{: .toolkit-back }}",
           f"# {region['name']}", f"{blocks.text(region['description'])}\n{{: .toolkit-tagline }}"]
    mentions = index.by_region.get(region_id, [])
    if mentions:
        out.append("## Voorbeelden uit de documenten")
    for mention in mentions:
        where = links.md_link(label_of(index, mention.ref), current, links.target(mention.ref))
        out.append(f"> {blocks.text(mention.example['text'])}".replace("\n", "\n> "))
        out.append(f"Uit {where}\n{{: .toolkit-meta }}")
    if not mentions:
        out.append("De documenten geven nog geen voorbeelden uit deze regio.")
    return "\n\n".join(out)


def glossary(index: Index) -> str:
    out = []
    for entry in sorted(index.glossary, key=lambda e: e["term"].casefold()):
        full = f"**{entry['full']}.** " if entry.get("full") else ""
        out.append(f"{entry['term']}\n:   {full}{blocks.text(entry['description'])}")
    return "\n\n".join(out)


def abbreviations(index: Index) -> dict[str, str]:
    """Abbreviation → tooltip text, for Python-Markdown's abbr glossary (every page)."""
    return {e["term"]: e["full"] for e in index.glossary if e["kind"] == "afkorting" and e.get("full")}


def sources(index: Index, current: str) -> str:
    out = []
    for source_id, source in index.sources.items():
        out.append(f"## {source['title']} {{#{source_id}}}")
        facts = [("Soort", source["kind"])]
        if source.get("subtitle"):
            facts.append(("Ondertitel", source["subtitle"]))
        if source.get("date"):
            facts.append(("Datum", source["date"]))
        if source.get("publisher"):
            facts.append(("Opgesteld door", source["publisher"]))
        if source.get("authors"):
            facts.append(("Auteurs", ", ".join(source["authors"])))
        if source.get("commissioned_by"):
            facts.append(("In opdracht van", ", ".join(source["commissioned_by"])))
        page = links.SECTION_PAGES[source["section"]]
        facts.append(("In deze toolkit", links.md_link(links.KIND_LABELS[source["section"]][1], current, page)))
        out.append("\n\n".join(f"{label}\n:   {value}" for label, value in facts))
    return "\n\n".join(out)


def routemap(index: Index, current: str) -> str:
    """The route map: the six elements as numbered stops on a route, each a link to its chapter.
    The links are Markdown, so MkDocs writes them right for every URL style (also the offline zip)."""
    stops = []
    for number, chapter in enumerate(index.of_kind("routekaart"), 1):
        label = (f'<span class="toolkit-route__number" aria-hidden="true">{number}</span>'
                 f'<span class="toolkit-route__title">{html.escape(chapter.title)}</span>'
                 f'<span class="toolkit-route__tagline">{html.escape(chapter.data["tagline"])}</span>')
        target = links.relative(current, links.target(chapter.ref))
        stops.append(f'<li class="toolkit-route__stop" markdown="span">[{label}]({target}){{ .toolkit-route__link }}</li>')
    return ('<nav class="toolkit-route" aria-label="Routekaart: de elementen van borging en inbedding" markdown="1">\n'
            '<ol class="toolkit-route__stops" markdown="1">\n' + "\n".join(stops) + "\n</ol>\n</nav>")
