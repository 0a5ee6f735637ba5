"""The routekaart as a booklet: one page with a cover, a table of contents and every element, which
``toolkit pdf`` prints to the PDF bestuurders read on paper (macros/publish/pdf.py).

Each element is its own page's Markdown (render/items.py ``page``) without the back link and the pager,
its headings one level down so that the cover's title is the booklet's one h1, and its anchors prefixed
with the element's id so that two elements may have a paragraph (or a footnote) of the same id. The print stylesheet
(overrides/assets/toolkit.css) starts each element on a new page and numbers the pages but the cover.

Chromium cannot put the page number of a heading in the table of contents (no ``target-counter()``), so
each entry holds an empty ``PAGE_SLOT``: ``toolkit pdf`` prints once, reads on which page each element
starts, and prints again with the numbers filled in (``fill_pages``), its links made to work in a PDF
(``print_links``).
"""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from ...engine.index import Index
from ...publish.address import is_local
from . import items, links

PAGE = "routekaart/boekje.md"
"""The docs path of the booklet (a generated page, not in the menu)."""

PDF = "routekaart/pdf/routekaart-borging-en-inbedding.pdf"
"""Where ``toolkit pdf`` writes the booklet in the built site."""

TITLE = "Routekaart borging & inbedding"
"""The booklet's title, on its cover."""

DOWNLOAD = "Download de routekaart als boekje (PDF)"
"""The link to the PDF on the routekaart's overview."""

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")

PAGE_SLOT = '<span class="toolkit-booklet__page" data-chapter="{}"></span>'
"""The place of an element's page number in the table of contents; empty until ``fill_pages``."""

_SLOT = re.compile(r'(<span class="toolkit-booklet__page" data-chapter="([^"]+)">)(</span>)')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
_LINK = re.compile(r'(<a\b[^>]*?) href="([^"#][^"]*)"')
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_HEADING = re.compile(r"^(#{1,5}) (.*?)( \{[^}]*\})?$", re.MULTILINE)


def dutch_date(day: date) -> str:
    """'3 februari 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def booklet(index: Index, current: str, region: str, built: date) -> str:
    """The booklet's Markdown: cover (title, the source's subtitle, ``region`` when there is one, the
    date of the build), table of contents and every routekaart element in order."""
    chapters = index.of_kind("routekaart")
    subtitle = next((s.get("subtitle", "") for s in index.sources.values() if s.get("section") == "routekaart"), "")
    cover = [links.heading(1, TITLE, ".toolkit-booklet__title")]
    cover += [f"{html.escape(line)}\n{{: .{css} }}" for line, css in
              ((subtitle, "toolkit-booklet__subtitle"), (region, "toolkit-booklet__region"),
               (dutch_date(built), "toolkit-booklet__date")) if line]
    toc = ["1. " + links.md_link(f'<span class="toolkit-booklet__entry">{html.escape(chapter.title)}</span> '
                                 + PAGE_SLOT.format(chapter.id), current, f"{PAGE}#{chapter.id}") for chapter in chapters]
    out = ['<div class="toolkit-booklet__cover" markdown>\n\n' + "\n\n".join(cover) + "\n\n</div>",
           '<nav class="toolkit-booklet__toc" aria-labelledby="inhoud" markdown>\n\n## Inhoud {#inhoud}\n\n'
           + "\n".join(toc) + "\n\n</nav>"]
    out += [chapter_part(index, current, chapter.id, number) for number, chapter in enumerate(chapters, 1)]
    return "\n\n".join(out)


def chapter_part(index: Index, current: str, chapter_id: str, number: int) -> str:
    """One element as the booklet shows it: its own page, without back link and pager, headed
    '<number>. <title>' at level 2, with every heading below one level down."""
    page = items.page(index, current, "routekaart", chapter_id)
    back, head, body = page.split("\n\n", 2)
    assert back.endswith("{: .toolkit-back }") and head.startswith("# "), "render/items.py page changed its start"
    body = re.sub(r'\n\n<nav class="toolkit-pager"[^\n]*>\n\n.*?\n\n</nav>$', "", body, flags=re.DOTALL)
    title = index.items["routekaart"][chapter_id].title
    heading = links.heading(2, f"{number}. {title}", f"#{chapter_id} .toolkit-booklet__chapter")
    body = _FOOTNOTE.sub(lambda m: f"[^{chapter_id}-{m.group(1)}]", body)  # one page: each element its own notes
    return heading + "\n\n" + _HEADING.sub(lambda m: _shift(m, chapter_id), body)


def _shift(match: re.Match, chapter_id: str) -> str:
    """A heading one level down; its anchor ('{#x}') prefixed with the element's id."""
    level, text, attrs = match.groups()
    return f"#{level} {text}" + re.sub(r"(?<=[{ ])#(?=\S)", f"#{chapter_id}-", attrs or "")


def print_links(page_html: str) -> str:
    """The booklet's HTML as ``toolkit pdf`` prints it: a link to another page of the site points at the
    published site (the page's canonical address), or, when the site has no real address yet (a local
    site_url), is plain text; no link in the PDF leads to the computer that printed it."""
    found = _CANONICAL.search(page_html)
    here = html.unescape(found.group(1)) if found else ""

    def absolute(match: re.Match) -> str:
        href = html.unescape(match.group(2))
        if urlsplit(href).scheme:
            return match.group(0)
        return match.group(1) if is_local(here) else f'{match.group(1)} href="{html.escape(urljoin(here, href))}"'
    return _LINK.sub(absolute, page_html)


def chapters(page_html: str) -> list[str]:
    """The ids of the elements in the table of contents of the booklet's HTML, in order."""
    return [m.group(2) for m in _SLOT.finditer(page_html)]


def fill_pages(page_html: str, pages: dict[str, int]) -> str:
    """The booklet's HTML with each element's page number (``pages``: element id → page) in its slot."""
    return _SLOT.sub(lambda m: m.group(1) + (str(pages[m.group(2)]) if m.group(2) in pages else "") + m.group(3),
                     page_html)
