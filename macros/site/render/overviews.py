"""Pages that cut across the content: themes, example regions, glossary and sources."""

from __future__ import annotations

import html

from ...engine.index import Index
from . import blocks, links, pager
from .booklet import DOWNLOAD
from .meta import by_item, label_of
from . import paging


def themes_index(index: Index, current: str, page: int = 1) -> str:
    def row(theme_id: str) -> str:
        theme = index.themes[theme_id]
        count = len(index.by_theme.get(theme_id, []))
        return (f"- **{links.md_link(theme['title'], current, links.theme_page(theme_id))}** ({count})  \n"
                f"  {blocks.text(theme['description'])}")
    return _index_page(index, current, "themes", page, row)


def _index_page(index: Index, current: str, key: str, page: int, row) -> str:
    """One page of the list ``key`` (themes or regions): a row per entry, and the pager."""
    rows = [row(entry_id) for entry_id in paging.lists(index)[key].page(page)]
    return pager.page(index, current, key, page, ['<div class="toolkit-index" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"])


def _entry_head(current: str, back: str, back_page: str, title: str, description: str, page: int) -> list[str]:
    """Above a theme's or region's page: the link back to all of them, and on page 1 its name and description."""
    head = [f"[← {back}]({links.relative(current, back_page)})\n{{: .toolkit-back }}"]
    if page == 1:
        head += [links.heading(1, title), f"{blocks.text(description)}\n{{: .toolkit-tagline }}"]
    return head


def theme_page(index: Index, current: str, theme_id: str, page: int = 1) -> str:
    theme = index.themes[theme_id]
    key = f"theme/{theme_id}"
    before = _entry_head(current, "Alle thema's", "themas/index.md", theme["title"], theme["description"], page)
    out, found = [], []
    for mention in paging.lists(index)[key].page(page):
        if not found or found[-1][0].item.kind != mention.item.kind:
            found.append([])
        found[-1].append(mention)
    for mentions in found:
        out.append(f"## {links.KIND_LABELS[mentions[0].item.kind][1]}")
        out.append(_nested_links(index, current, [m.ref for m in mentions]))
    if not found:
        out.append("Er is nog geen inhoud met dit thema.")
    return pager.page(index, current, key, page, out, before)


def _nested_links(index: Index, current: str, refs: list[str]) -> str:
    """A Markdown list of links, each item once, with the sections that are meant as a list under it."""
    lines = []
    for item, whole, sections in by_item(index, refs):
        lines.append("- " + (links.md_link(item.title, current, links.target(index, item.ref)) if whole
                             else links.escape(item.title)))
        lines += [f"    - {links.md_link(s.title, current, links.target(index, s.ref))}" for s in sections]
    return "\n".join(lines)


def regions_index(index: Index, current: str, page: int = 1) -> str:
    def row(region_id: str) -> str:
        region = index.regions[region_id]
        count = sum(1 for mention in index.by_region.get(region_id, []) if mention.example)
        word = "voorbeeld" if count == 1 else "voorbeelden"
        return (f"- **{links.md_link(region['name'], current, links.region_page(region_id))}** ({count} {word})  \n"
                f"  {blocks.text(region['description'])}")
    return _index_page(index, current, "regions", page, row)


def region_page(index: Index, current: str, region_id: str, page: int = 1) -> str:
    region = index.regions[region_id]
    key = f"region/{region_id}"
    before = _entry_head(current, "Alle voorbeeldregio's", "regios/index.md", region["name"], region["description"], page)
    out = []
    mentions = paging.lists(index)[key].page(page)
    heading = None
    for mention in mentions:
        wanted = "## Voorbeelden uit de documenten" if mention.example else "## Ook genoemd in de documenten"
        if wanted != heading:
            heading = wanted
            out.append(heading)
        where = links.md_link(label_of(index, mention.ref), current, links.target(index, mention.ref))
        out.append(blocks.quote(mention.example["text"] if mention.example else mention.quote))
        out.append(f"Uit {where}\n{{: .toolkit-meta }}")
    if not mentions:
        out.append("De documenten geven nog geen voorbeelden uit deze regio.")
    return pager.page(index, current, key, page, out, before)


def glossary(index: Index) -> str:
    out = []
    for entry in sorted(index.glossary, key=lambda e: e["term"].casefold()):
        full = f"**{entry['full']}.** " if entry.get("full") else ""
        out.append(f"{entry['term']}\n:   {full}{blocks.text(entry['description'])}")
    return "\n\n".join(out)


def abbreviations(index: Index) -> dict[str, str]:
    """Abbreviation → tooltip text, for Python-Markdown's abbr glossary (every page)."""
    return {e["term"]: e["full"] for e in index.glossary if e["kind"] == "afkorting" and e.get("full")}


def defined_term_set(terms: list[dict], scheme: str, name: str) -> str:
    """The glossary as schema.org markup for search engines: a JSON-LD data block (a DefinedTermSet with a
    DefinedTerm per term, from macros/site/opendata.py's glossary_terms). A browser never runs it, so the CSP
    (script-src) does not apply; its context is inline, so reading it fetches nothing."""
    import json

    data = {"@context": {"@vocab": "https://schema.org/", "@language": "nl"}, "@type": "DefinedTermSet",
            "@id": scheme, "name": name, "inLanguage": "nl",
            "hasDefinedTerm": [{"@type": "DefinedTerm", "@id": term["identifier"], "name": term["term"],
                                **({"alternateName": term["full"]} if term.get("full") else {}),
                                "description": term["definition"], "inDefinedTermSet": {"@id": scheme}}
                               for term in terms]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # never ends the element
    return f'<script type="application/ld+json">{text}</script>'


def sources(index: Index, current: str) -> str:
    out = []
    for source_id, source in index.sources.items():
        out.append(links.heading(2, source["title"], f"#{source_id}"))
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


def routemap(index: Index, current: str, page: int = 1, booklet_pdf: str = "") -> str:
    """The route map: the elements as numbered stops on a route, each a link to its chapter.
    The links are Markdown, so MkDocs writes them right for every URL style (also the offline zip).
    On the routekaart's own pages a long route continues on further pages; elsewhere (the home page)
    the first page's stops show, with a link to the routekaart for the rest. With ``booklet_pdf`` (the
    URL of the routekaart as a booklet, render/booklet.py; none in the offline zip) the routekaart's
    first page links to it under the route."""
    paged = paging.lists(index)["routekaart"]
    stops = []
    for number, chapter in enumerate(paged.page(page), paged.first(page) + 1):
        label = (f'<span class="toolkit-route__number" aria-hidden="true">{number}</span>'
                 f'<span class="toolkit-route__title">{html.escape(chapter.title)}</span>'
                 f'<span class="toolkit-route__tagline">{html.escape(chapter.data["tagline"])}</span>')
        target = links.relative(current, links.target(index, chapter.ref))
        stops.append(f'<li class="toolkit-route__stop" markdown="span">[{label}]({target}){{ .toolkit-route__link }}</li>')
    start = f' start="{paged.first(page) + 1}"' if page > 1 else ""
    route = ('<nav class="toolkit-route" aria-label="Routekaart: de elementen van borging en inbedding" markdown="1">\n'
             f'<ol class="toolkit-route__stops"{start} markdown="1">\n' + "\n".join(stops) + "\n</ol>\n</nav>")
    if current == links.list_page("routekaart", page):
        download = f'<p class="toolkit-booklet__download"><a href="{html.escape(booklet_pdf)}" download>{DOWNLOAD}</a></p>' \
            if booklet_pdf and page == 1 else ""
        return pager.page(index, current, "routekaart", page, [route, download])
    if paged.pages == 1:
        return route
    more = links.md_link(f"Alle {len(paged.entries)} elementen van de routekaart", current, links.list_page("routekaart", 1))
    return f"{route}\n\n{more}"
