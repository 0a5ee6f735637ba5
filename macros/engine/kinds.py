"""The content kinds: each kind of item is declared once, here; everything else derives from this table.

Like Astro's content collections: a kind names its folder (under content/ and regio/), its JSON Schema,
its Dutch labels, its overview page and how the site shows it, and the skeleton `toolkit new` writes.
Loading (macros/engine/load.py), references (macros/engine/index.py), paging, links, labels, generated pages, the
macros pages call and `toolkit new` all read it. The reference patterns in the JSON Schemas are checked
against it by tests/test_kinds.py. Adding a kind is one entry here plus its schema in content/schema/.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLACEHOLDER = "Schrijf hier"
"""How every text of a new skeleton starts; `toolkit check` refuses text that still does (macros/engine/index.py),
so that no placeholder reaches the site."""


@dataclass(frozen=True)
class Kind:
    """One kind of content item: one YAML file per item in ``folder``."""

    folder: str
    """Folder under content/ (and regio/) with one file per item, e.g. "tips"; also the kind's name in
    references ("tips/01-projectleiderschap") and in paging's list keys."""

    schema: str
    """Name of its JSON Schema: content/schema/<schema>.schema.json."""

    singular: str
    """Dutch label of one item, as link lists show it: "Tip: Projectleiderschap"."""

    plural: str
    """Dutch label of the kind, as headings show it: "Tips"."""

    overview: str
    """Docs path of its overview page, e.g. "tips/index.md". When docs/ has no such page, one is
    generated that shows the list (macros/site/pages.py)."""

    page_size: int
    """Items per page of the overview list before it continues on page 2 (macros/site/render/paging.py)."""

    words: tuple[str, ...]
    """What editors may type for it in `toolkit new <soort>`, Dutch first."""

    skeleton: dict = field(default_factory=dict)
    """The fields `toolkit new` writes besides id, title, themes and source; their texts start with
    PLACEHOLDER ("{title}" is replaced by the new item's title)."""

    own_pages: bool = False
    """Whether each item has a page of its own (docs/<folder>/<id>.md); otherwise an item is an anchor
    on (a page of) the overview."""

    referable: bool = True
    """Whether ``related`` and checklists' ``from`` may name its items."""

    counted: str = ""
    """What the overview's pager counts ("26–50 van 160 tips"); default: the plural in lower case."""

    back: str = ""
    """The back link on an item's own page ("← Alle scenario's"); default: "Alle " + counted."""

    macro: str = ""
    """The macro that shows a page of the overview; default: the generic ``kind_overview``."""

    @property
    def count_word(self) -> str:
        return self.counted or self.plural.lower()

    @property
    def back_label(self) -> str:
        return self.back or f"Alle {self.count_word}"


_SECTION_SKELETON = {"id": "eerste-paragraaf", "title": f"{PLACEHOLDER} de kop van de paragraaf",
                     "body": [{"text": f"{PLACEHOLDER} de tekst van de paragraaf."},
                              {"actions": {"items": [f"{PLACEHOLDER} het eerste actiepunt."]}}]}

KINDS: tuple[Kind, ...] = (
    Kind("tips", "tip", "Tip", "Tips", "tips/index.md", 25, ("tip", "tips"),
         {"group": "aandacht", "text": f"{PLACEHOLDER} de tip in één of twee zinnen."}, macro="tips_overview"),
    Kind("lessons", "lesson", "Les", "Lessen", "lessen/index.md", 20, ("les", "lesson", "lessons"),
         {"points": [f"{PLACEHOLDER} het eerste punt van de les."]}, macro="lessons_overview"),
    Kind("scenarios", "scenario", "Scenario", "Scenario's", "scenarios/index.md", 50, ("scenario", "scenarios"),
         {"intro": f"{PLACEHOLDER} de inleiding.", "sections": [_SECTION_SKELETON]}, own_pages=True,
         macro="scenarios_overview"),
    Kind("routekaart", "chapter", "Routekaart", "Routekaart", "routekaart/index.md", 20,
         ("routekaart", "hoofdstuk", "chapter"),
         {"tagline": f"{PLACEHOLDER} in één zin waar dit element over gaat.", "intro": f"{PLACEHOLDER} de inleiding.",
          "sections": [_SECTION_SKELETON]}, own_pages=True, counted="elementen", back="Routekaart: alle elementen",
         macro="routemap"),
    Kind("bouwstenen", "bouwsteen", "Bouwsteen", "Bouwstenen", "bouwstenen/index.md", 10, ("bouwsteen", "bouwstenen"),
         {"insights": [f"{PLACEHOLDER} het eerste inzicht."]}, macro="bouwstenen_overview"),
    Kind("checklists", "checklist", "Checklist", "Checklists", "checklists/index.md", 50, ("checklist", "checklists"),
         {"intro": f"{PLACEHOLDER} waarvoor en wanneer je de checklist '{{title}}' gebruikt.",
          "items": [{"text": f"{PLACEHOLDER} het eerste punt om af te vinken."}]},
         own_pages=True, referable=False, macro="checklists_overview"),
)
"""Every kind, in the order theme pages list them."""

BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
"""Kind by folder name ("tips")."""


def ref_pattern(with_anchor: bool = True, kinds=None) -> str:
    """The pattern of a reference to an item (and with ``with_anchor``, optionally a section): the
    referable kinds, or ``kinds``; the JSON Schemas use the same pattern (tests/test_kinds.py)."""
    folders = "|".join(kind.folder for kind in (kinds or [k for k in KINDS if k.referable]))
    slug = "[a-z0-9]+(-[a-z0-9]+)*"
    return f"^({folders})/{slug}" + (f"(#{slug})?" if with_anchor else "") + "$"
