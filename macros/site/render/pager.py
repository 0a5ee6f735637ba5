"""The pages of a long list (macros/site/render/paging.py): the heading and count above each page, the pager below.

Page 1 is the hand-written overview (or a theme's or region's page); pages 2, 3, … are generated
(macros/site/pages.py). Nothing is added while a list fits on one page, as all of today's lists do.
"""

from __future__ import annotations

import html

from ...engine.index import Index
from ...engine.kinds import KINDS
from . import links
from . import paging

WINDOW = 2
"""The pager links the first and last page and this many pages either side of the current one, so it
stays short however many pages there are."""

LISTS = {
    **{kind.folder: (kind.plural, kind.count_word, f"de {kind.plural.lower()}") for kind in KINDS},
    "all-checklists": ("Alle checklists", "checklists", "alle checklists"),
    "themes": ("Thema's", "thema's", "de thema's"),
    "regions": ("Voorbeeldregio's", "regio's", "de voorbeeldregio's"),
}
"""List key → (title of its pages, what it counts, how its pager is named: "Pagina's van de tips")."""


def labels(index: Index, key: str) -> tuple[str, str, str]:
    """Title, counted noun and pager name of a list, also of a theme's or region's own page."""
    kind, _, key_id = key.partition("/")
    if kind == "theme":
        title = index.themes[key_id]["title"]
        return title, "onderdelen", f"thema {title}"
    if kind == "region":
        name = index.regions[key_id]["name"]
        return name, "voorbeelden", f"regio {name}"
    return LISTS[key]


def page(index: Index, current: str, key: str, number: int, parts: list[str], before: list[str] = ()) -> str:
    """The Markdown of page ``number`` of a list: ``before`` (a back link, page 1's own heading), ``head``,
    the parts that show its entries, ``nav``."""
    out = [*before, *head(index, key, number), *parts, nav(index, current, key, number)]
    return "\n\n".join(part for part in out if part)


def title(index: Index, key: str, number: int) -> str:
    """The title of page ``number`` (2, 3, …) of a list: "Tips, pagina 2 van 7"."""
    return f"{labels(index, key)[0]}, pagina {number} van {paging.lists(index)[key].pages}"


def head(index: Index, key: str, number: int) -> list[str]:
    """Above the entries: from page 2 on the page's heading, and on every page of a list that has
    more than one the entries it shows ("26–50 van 160 tips"); nothing for a list of one page."""
    paged = paging.lists(index)[key]
    if paged.pages == 1:
        return []
    first = paged.first(number)
    shown = f"{first + 1}–{first + len(paged.page(number))} van {len(paged.entries)} {labels(index, key)[1]}"
    heading = [links.heading(1, title(index, key, number), ": .toolkit-pages__title")] if number > 1 else []
    return heading + [f"{shown}\n{{: .toolkit-pages__count }}"]


def nav(index: Index, current: str, key: str, number: int) -> str:
    """Below the entries: links to the previous and next page and to the pages around this one; ""
    for a list of one page."""
    paged = paging.lists(index)[key]
    last = paged.pages
    if last == 1:
        return ""

    def link(text: str, to: int, attrs: str = "") -> str:
        href = links.relative(current, links.list_page(key, to))
        return f'<li markdown="span">[{text}]({href})' + (f"{{ {attrs} }}" if attrs else "") + "</li>"

    entries = [link("Vorige", number - 1, 'rel="prev"')] if number > 1 else []
    shown = sorted({1, last} | set(range(max(1, number - WINDOW), min(last, number + WINDOW) + 1)))
    previous = 0
    for page in shown:
        if page > previous + 1:
            entries.append('<li class="toolkit-pages__gap" aria-hidden="true">…</li>')
        current_page = 'aria-current="page"' if page == number else ""
        entries.append(link(f'<span class="toolkit-visually-hidden">Pagina </span>{page}', page, current_page))
        previous = page
    if number < last:
        entries.append(link("Volgende", number + 1, 'rel="next"'))
    name = html.escape(f"Pagina's van {labels(index, key)[2]}", quote=False).replace('"', "&quot;")
    return (f'<nav class="toolkit-pages" aria-label="{name}" markdown="1">\n'
            '<ul class="toolkit-pages__list" markdown="1">\n' + "\n".join(entries) + "\n</ul>\n</nav>")
