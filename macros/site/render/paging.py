"""Every list that grows with the content, cut into pages of a fixed size: the render layer's view of the index.

An overview that showed every item would grow without bound as content is added (at 100× today's
content /tips/ would be 2.4 MB of HTML). So each list shows at most ``PAGE_SIZE[key]`` entries per
page and continues on page 2, 3, … (generated pages, see macros/site/pages.py and render/pager.py). With
today's content every list fits on its first page, so the site only changes once the content grows.

The lists, in the order the site shows them, and each item's position in them are made once per index, in
one pass over the content, the first time a page asks (``lists``): which page holds an item is a dictionary
lookup (``Paged.page_of``, used by render/links.py for every link), so the cost stays linear in the amount
of content. The engine (macros/engine/) knows nothing of pages, their sizes or their headings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from ...engine.index import Index
from ...engine.kinds import KINDS

PAGE_SIZE = {
    # Each kind's overview: Kind.page_size in macros/engine/kinds.py. Tips 25: 1.2 kB of HTML per tip, at most 1.7,
    # so a full page ≤ ~60 kB (~11 kB gzip); lessons 20 (1.2 kB each); bouwstenen 10 (2.5 kB each);
    # scenarios and checklists 50 (one link and a sentence, ~0.2-0.3 kB); routekaart 20 (route stops, ~0.4 kB).
    **{kind.folder: kind.page_size for kind in KINDS},
    "all-checklists": 30,   # today 29; whole checklists, 3.1 kB on average but up to 8.2 kB (10-tien-lessen):
                            # 30 of the longest would still be ~45 kB gzip; the printable page (toolkit pdf)
    "themes": 50,           # today 18; the index of themes (~0.2 kB each)
    "regions": 50,          # today 9; the index of example regions (~0.2 kB each)
    "theme": 100,           # per theme page, links to what carries the theme (today at most 39)
    "region": 20,           # per region page, the examples quoted in full (today at most 4)
}
"""Entries per page of each list that grows with the content; "theme" and "region" are the size for
every theme's and region's own page. Chosen so that today's content fits on one page with room to
grow, and a full page stays near today's largest pages (well under 60 kB gzip of HTML, so that a page
with its ~80 kB of assets stays under the 150 kB of issue 6). A count, not a byte budget: an item only
moves to another page when items before it are added or removed, not when a text is edited."""

TIP_GROUPS = {"belangrijk": "Wat belangrijk is bij", "aandacht": "Besteed ook aandacht aan"}
"""The tip groups in the order the tips overview shows them, with their headings (render/items.py)."""


@dataclass
class Paged:
    """One list, in the order the site shows it, cut into pages of ``size`` entries."""

    entries: list
    size: int
    position: dict[str, int] = field(default_factory=dict)
    """Reference of an item → its place in ``entries`` (0-based), for lists of items."""

    @property
    def pages(self) -> int:
        """The number of pages (at least 1, also for an empty list)."""
        return max(1, -(-len(self.entries) // self.size))

    def page(self, number: int) -> list:
        """The entries shown on page ``number`` (1-based)."""
        return self.entries[(number - 1) * self.size: number * self.size]

    def first(self, number: int) -> int:
        """The place (0-based) in the whole list of the first entry on page ``number``."""
        return (number - 1) * self.size

    def page_of(self, ref: str) -> int:
        """The page (1-based) that shows the item ``ref``."""
        return self.position[ref] // self.size + 1


_made: WeakKeyDictionary = WeakKeyDictionary()
"""Index → its lists, made once per index (an index is built anew after every change in `mkdocs serve`)."""


def lists(index: Index) -> dict[str, Paged]:
    """Every list that grows with the content, by key: the keys of PAGE_SIZE for the overviews, and
    ``theme/<id>`` and ``region/<id>`` for the page of each theme and region."""
    if index not in _made:
        _made[index] = _lists(index)
    return _made[index]


def _lists(index: Index) -> dict[str, Paged]:
    items, checklists = index.items, index.checklists
    rank = {group: n for n, group in enumerate(TIP_GROUPS)}
    tips = sorted((t for t in items["tips"].values() if t.data.get("group") in rank), key=lambda t: rank[t.data["group"]])
    phases: dict[str, list] = {}
    for checklist in checklists.values():
        phases.setdefault(phase(checklist), []).append(checklist)
    out = {kind.folder: _items(items[kind.folder].values(), kind.folder) for kind in KINDS}  # in file order,
    out |= {  # except where the overview groups them
        "tips": _items(tips, "tips"),
        "checklists": _items([c for members in phases.values() for c in members], "checklists", _checklist_ref),
        "all-checklists": _items(checklists.values(), "all-checklists", _checklist_ref),
        "themes": Paged(list(index.themes), PAGE_SIZE["themes"]),
        "regions": Paged(list(index.regions), PAGE_SIZE["regions"]),
    }
    order = {kind.folder: n for n, kind in enumerate(KINDS)}  # a theme page lists the kinds in the table's order
    for theme_id in index.themes:
        mentions = sorted(index.by_theme.get(theme_id, []), key=lambda m: order[m.item.kind])
        out[f"theme/{theme_id}"] = Paged(mentions, PAGE_SIZE["theme"])
    for region_id in index.regions:
        # The examples about the region first, then the texts that name it in passing (render/overviews.py).
        mentions = sorted(index.by_region.get(region_id, []), key=lambda m: m.example is None)
        out[f"region/{region_id}"] = Paged(mentions, PAGE_SIZE["region"])
    return out


def _items(entries, key: str, ref=lambda item: item.ref) -> Paged:
    """A list of items (or checklists), with the place of each by its reference."""
    entries = list(entries)
    return Paged(entries, PAGE_SIZE[key], {ref(entry): n for n, entry in enumerate(entries)})


def _checklist_ref(checklist) -> str:
    return checklist.item.ref


def phase(checklist) -> str:
    """The routekaart chapter a checklist comes from first ("" for starting up): the checklists
    overview groups them by it (render/checklist.py names the groups)."""
    first = checklist.origins[0] if checklist.origins else ""
    return first.split("#")[0] if first.startswith("routekaart/") else ""
