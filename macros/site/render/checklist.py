"""Checklists: real checkboxes with labels, remembered in the browser by overrides/assets/toolkit.js.

Without JavaScript a checklist still shows and prints: the buttons and the progress line stay
hidden, the boxes simply don't remember their ticks.
"""

from __future__ import annotations

import html

from . import paging
from ...publish.address import is_local
from ...engine.checklists import Checklist
from ...engine.index import Index
from . import blocks, filters, links, pager
from .. import opendata
from .meta import link_list

PDF_DIR = "checklists/pdf"
"""Where ``toolkit pdf`` writes the PDF of each checklist in the built site."""

ALL_PDF = "alle-checklists"
"""The name of the PDF with every checklist."""

PRIVACY = ("Je vinkjes worden alleen in deze browser op dit apparaat bewaard. Er gaat niets naar een server; "
           "wil je ze delen, gebruik dan *Exporteren* of *Link met vinkjes*.")

PRIVACY_OFFLINE = ("Je vinkjes worden alleen in deze browser op dit apparaat bewaard. Er gaat niets naar een server; "
                   "wil je ze delen, gebruik dan *Exporteren* en stuur het bestand mee. Een *Link met vinkjes* werkt "
                   "in deze offline-versie alleen op deze computer.")
"""The privacy line in the offline bundle: a link there is a file:// address on this computer."""


def phase_of(index: Index, checklist: Checklist) -> str:
    """The group a checklist belongs to on the overview: a routekaart element, or starting up."""
    chapter_ref = paging.phase(checklist)
    if chapter_ref:
        chapter, _ = index.lookup(chapter_ref)
        return f"Borgen: {chapter.title}"
    return "Starten met een regionale samenwerking"


STARTING = "starten"
"""The phase of the checklists that come from no routekaart element, in the filter's query (``?fase=starten``)."""


def overview(index: Index, current: str, page: int = 1) -> str:
    """The checklists grouped by phase, each group in a container the filter can hide, with its checklists as
    list items that carry their id, themes and phase (``?fase=`` is the chapter's id, or "starten")."""
    shown = paging.lists(index)["checklists"].page(page)
    groups: dict[str, tuple[str, list[Checklist]]] = {}
    for checklist in shown:
        groups.setdefault(paging.phase(checklist).partition("/")[2] or STARTING,
                          (phase_of(index, checklist), []))[1].append(checklist)
    choice = filters.Groups("fase", "Fase", tuple((phase, title) for phase, (title, _) in groups.items()))
    out = [filters.form(index, "checklists", "checklists", page, [c.item.data for c in shown], choice)]
    for phase, (title, members) in groups.items():
        entries = "\n".join(f"- {links.md_link(c.title, current, links.target(index, c.item.ref))} "
                            f"({len(c.points)} {'punt' if len(c.points) == 1 else 'punten'})  \n"
                            f"  {blocks.text(c.item.data['intro'])}"
                            + filters.list_item(c.id, c.item.data.get("themes") or [], phase) for c in members)
        out.append(filters.group([f"## {title}", entries], "toolkit-index"))
    return pager.page(index, current, "checklists", page, out)


def page(index: Index, current: str, checklist_id: str, site_url: str, directory_urls: bool = True,
         offline: bool = False) -> str:
    """A checklist's own page. ``offline``: for the offline bundle, which has no PDFs (``toolkit pdf`` makes
    them for the published site only), so no link to one."""
    checklist = index.checklists[checklist_id]
    back = f"[← Alle checklists]({links.relative(current, 'checklists/index.md')})\n{{: .toolkit-back }}"
    print_all = links.md_link("Alle checklists afdrukken", current, "checklists/alle.md")
    if not offline:
        pdf = links.file_href(current, f"{PDF_DIR}/{checklist_id}.pdf", directory_urls)
        print_all = f'<a href="{pdf}" download>Download als PDF</a> · {print_all}'
    download = f'<p class="toolkit-checklist__download" markdown="span">{print_all}</p>'
    return "\n\n".join([back, links.heading(1, checklist.title), render(index, current, checklist, site_url, level=None),
                        opendata.identifier_line(index, checklist.item),
                        f"{PRIVACY_OFFLINE if offline else PRIVACY}\n{{: .toolkit-privacy }}", download])


def all_checklists(index: Index, current: str, site_url: str, directory_urls: bool = True, page: int = 1,
                   offline: bool = False) -> str:
    """The page with every checklist, to print; beyond one page's worth it continues on further pages,
    and the PDF of all checklists (``toolkit pdf``) joins their prints; not in the offline bundle (``offline``)."""
    pdf = links.file_href(current, f"{PDF_DIR}/{ALL_PDF}.pdf", directory_urls)
    download = "" if offline else \
        f'<p class="toolkit-checklist__download"><a href="{pdf}" download>Download alle checklists als PDF</a></p>\n\n'
    lists = "\n\n".join(render(index, current, c, site_url, level=2) for c in paging.lists(index)["all-checklists"].page(page))
    return pager.page(index, current, "all-checklists", page,
                      [f'{download}<div class="toolkit-all-checklists" markdown>\n\n{lists}\n\n</div>'])


OWN_POINTS = "Aanvullende punten"
"""The heading over a checklist's own points (``text:`` items), when it also has points from elsewhere."""


def render(index: Index, current: str, checklist: Checklist, site_url: str, level: int | None) -> str:
    """One checklist; with ``level`` it gets its own heading (for the page with all checklists). Its
    points come in groups headed by the item or section they come from, and a point that continues the
    lead sentence of its action list stands under that lead, so every point reads as in the source."""
    cid = checklist.id
    head = links.heading(level, checklist.title, f"#{cid}") + "\n\n" if level else ""
    groups = checklist.groups
    parts = []
    for number, group in enumerate(groups, 1):
        if group.origin or len(groups) > 1:
            title = index.title_of(group.origin) if group.origin else OWN_POINTS
            parts.append(links.heading((level or 1) + 1, title, f"#{cid}-{number} .toolkit-checklist__group"))
        parts.append(_points(cid, group.points))
    items = "\n\n".join(parts)
    origins = link_list(index, current, checklist.origins)
    # A local site_url (the default, for `mkdocs serve`) would print an address no reader can open: no line then.
    address = "" if is_local(site_url) else \
        site_url.rstrip("/") + "/" + links.page_url(links.target(index, checklist.item.ref))
    source = f"Bron: {origins}" if origins else "Bron: deze toolkit"
    if address:
        source += f'  \nAdres: <span class="toolkit-checklist__address">{html.escape(address)}</span>'
    return (f'{head}<div class="toolkit-checklist" data-checklist="{cid}" data-title="{html.escape(checklist.title)}" markdown>\n\n'
            f"{blocks.text(checklist.item.data['intro'])}\n{{: .toolkit-checklist__intro }}\n\n"
            f'<p class="toolkit-checklist__status" aria-live="polite" hidden></p>\n\n'
            f"{items}\n\n"
            f'<div class="toolkit-checklist__sign"><span>Naam:</span><span>Datum:</span></div>\n\n'
            f"{source}\n{{: .toolkit-checklist__source }}\n\n"
            f"</div>")


def _points(cid: str, points) -> str:
    """A group's points as a Markdown list; points that share a lead sentence are a nested list under
    that lead, which has no box of its own (plain Markdown, not HTML with markdown="1": that made the
    checklist pages the slowest of the build)."""
    lines, lead = [], None
    for point in points:
        if point.lead != lead:
            lead = point.lead
            if lead:
                lines.append(f'- <span class="toolkit-checklist__lead">{_inline(lead)}</span>')
        lines.append(_point(cid, point, "    " if lead else ""))
    return "\n".join(lines)


def _point(cid: str, point, pad: str = "") -> str:
    """One point as a Markdown list item: a real checkbox and its label, then its sub-points."""
    box = f"c-{cid}-{point.key}"
    sub = "".join(f"\n{pad}    - {_inline(p)}" for p in point.points)
    return f'{pad}- <input type="checkbox" id="{box}" data-key="{point.key}"> <label for="{box}">{_inline(point.text)}</label>{sub}'


def _inline(value: str) -> str:
    return blocks.text(value).replace("\n", " ")
