"""The page "Wat is er nieuw" (docs/nieuw.md): what changed in the content, newest first, by day.

The changes come from git (macros/engine/history.py); the Atom feed (macros/site/feed.py) names them with the
same words and links.
"""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from ...engine import history as git_history
from ...engine.history import ADDED, CHANGED, MOVED, REMOVED, SHALLOW, UNAVAILABLE, Change, History
from ...engine.index import Index
from ...engine.kinds import BY_FOLDER, KINDS
from . import links

PAGE = "nieuw.md"
"""The docs path of the page (docs/nieuw.md), which the feed links to."""

MAX_DAYS = 20
"""The page shows the last this many days on which something changed."""

COLLAPSE = 10
"""More changes than this of one kind with one status on one day show as one line ("Nieuw: 29 checklists")."""

WORDS = {ADDED: "Nieuw", CHANGED: "Bijgewerkt", MOVED: "Verhuisd", REMOVED: "Verwijderd"}
"""How the page and the feed name each status."""

LIST_PAGES = {"themes": ("Thema's", "themas/index.md"), "regions": ("Voorbeeldregio's", "regios/index.md"),
              "sources": ("Bronnen", "bronnen.md"), "glossary": ("Begrippen", "begrippen.md"),
              "borgingsscan": ("Borgingsscan", "borgingsscan.md")}
"""Each list file (macros/engine/load.py LIST_FILES) as the page names it, and the page that shows it. A region's
regio/hidden.yml is not here: what it hides is simply not on the site, and is not news."""

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")

UNAVAILABLE_NOTE = ("Dit overzicht is niet beschikbaar: deze versie van de site is gebouwd zonder de geschiedenis "
                    "van de inhoud (niet uit een git-repository, maar bijvoorbeeld uit een zip- of tar-bestand). "
                    "De feed heeft daarom ook geen berichten.")
SHALLOW_NOTE = ("Dit overzicht is onvolledig: deze versie van de site is gebouwd uit een kopie met alleen het "
                "nieuwste deel van de geschiedenis van de inhoud (een ondiepe git-kopie). Oudere wijzigingen "
                "ontbreken hier en in de feed.")
NOTHING_NOTE = "Er zijn nog geen wijzigingen in de inhoud bekend."
"""What the page says when it cannot show (all) changes (see macros/engine/history.py)."""


_histories: WeakKeyDictionary = WeakKeyDictionary()
"""Index → its history: the page, the feed, the redirects and the overviews' old anchors ask once per build."""


def site_history(options, index: Index) -> History:
    """The history of the site's content folders: the national content and a region's own (Options); mapped onto
    ``index`` once (an index is built anew for every build)."""
    if index not in _histories:
        _histories[index] = git_history.history(index, [options.content, *([options.overlay] if options.overlay else [])])
    return _histories[index]


def shown(history: History) -> list[Change]:
    """The changes a visitor is told about, newest first, and at the same time in the order of the page (_order):
    items and the list files of LIST_PAGES."""
    return sorted((c for c in history.changes if c.kind in BY_FOLDER or c.kind in LIST_PAGES),
                  key=lambda c: (-c.time.timestamp(), *_order(c)))


def dutch_date(day: date) -> str:
    """'30 november 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_anchor(day: date) -> str:
    """The anchor of a day's heading on the page: '2026-11-30'."""
    return day.isoformat()


def label(change: Change) -> str:
    """What changed, as a link list names it: 'Tip: Projectleiderschap', or for a list file 'Thema's'."""
    if change.kind in LIST_PAGES:
        return LIST_PAGES[change.kind][0]
    return f"{BY_FOLDER[change.kind].singular}: {change.title}"


def word(change: Change) -> str:
    """'Nieuw', 'Bijgewerkt', …; a list file that is not new is 'Bijgewerkt' (the list stays, its entries changed)."""
    return WORDS[CHANGED] if change.kind in LIST_PAGES and change.status != ADDED else WORDS[change.status]


def destination(index: Index, change: Change) -> str | None:
    """The docs path (with anchor) that shows what changed now, or None for something that is gone."""
    if change.kind in LIST_PAGES:
        return LIST_PAGES[change.kind][1]
    return links.target(index, change.ref) if change.ref else None


def page(history: History, index: Index, current: str, directory_urls: bool = True) -> str:
    """The Markdown of the page: a note when the history is missing or incomplete, the feed, and per day
    (newest first, the last MAX_DAYS days with changes) a list of what was added, changed, moved and removed."""
    feed = links.file_href(current, "feed.xml", directory_urls)
    follow = f'<p>Volg de wijzigingen in een feedlezer: <a href="{feed}" type="application/atom+xml">Atom-feed</a>.</p>'
    if history.state == UNAVAILABLE:
        return "\n\n".join([UNAVAILABLE_NOTE, follow])
    changes = shown(history)
    days: dict[date, list[Change]] = {}
    for change in changes:
        days.setdefault(change.day, []).append(change)
    out = [SHALLOW_NOTE] if history.state == SHALLOW else []
    if not days:
        out.append(NOTHING_NOTE)
    elif len(days) > MAX_DAYS:
        first = list(days)[MAX_DAYS - 1]
        out.append(f"Hier staan de laatste {MAX_DAYS} dagen waarop de inhoud veranderde, vanaf {dutch_date(first)}; "
                   "oudere wijzigingen staan niet op deze pagina.")
    out.append(follow)
    for day, members in list(days.items())[:MAX_DAYS]:
        out.append(links.heading(2, dutch_date(day), f"#{day_anchor(day)}"))
        out.append("\n".join(f"- {line}" for line in _lines(index, current, members)))
    return "\n\n".join(out)


_ORDER = {ADDED: 0, CHANGED: 1, MOVED: 2, REMOVED: 3}
_KIND_ORDER = {name: n for n, name in enumerate([kind.folder for kind in KINDS] + list(LIST_PAGES))}


def _order(change: Change) -> tuple:
    """New first, then changed, moved, removed; by kind as the site orders them; then by title."""
    return _ORDER[change.status], _KIND_ORDER[change.kind], change.title.casefold()


def _lines(index: Index, current: str, changes: list[Change]) -> list[str]:
    """One line per change of a day, in the order of _order. Many changes of one kind with one status are one line with the kind's overview."""
    groups: dict[tuple, list[Change]] = {}
    for change in sorted(changes, key=_order):
        groups.setdefault((word(change), change.kind), []).append(change)
    out = []
    for (status, kind), members in groups.items():
        if kind in LIST_PAGES:
            members = members[:1]  # the national list and a region's are one page
        if len(members) > COLLAPSE and kind in BY_FOLDER:
            text = f"{len(members)} {BY_FOLDER[kind].count_word}"
            target = BY_FOLDER[kind].overview if members[0].status != REMOVED else None
            out.append(f"{status}: " + (links.md_link(text, current, target) if target else links.escape(text)))
            continue
        for change in members:
            target = destination(index, change)
            text = label(change)
            out.append(f"{status}: " + (links.md_link(text, current, target) if target else links.escape(text)))
    return out
