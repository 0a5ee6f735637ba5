"""Stage 3: resolve cross-references and build the index the site layer queries.

Everything is built in one pass over the items with dictionaries, so the cost stays linear in the
amount of content: no lookup scans a list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import checklists as checklist_stage
from . import scan as scan_stage
from .load import ITEM_TYPES, Document
from .kinds import ref_pattern
from .problems import Problem, field_path
from .messages import suggest
from .validate import walk_strings

UNKNOWN_LINK_RE = re.compile(r"\[([^\]]+)\]\(\s*\)")
"""A Markdown link whose address is unknown: ``[text]()``."""
REF_RE = re.compile(ref_pattern())
"""A reference to an item of a referable kind, optionally to one of its sections (macros/engine/kinds.py)."""


class _Titled:
    """An item or a section: its title is the one in its data."""

    data: dict

    @property
    def title(self) -> str:
        return self.data["title"]


@dataclass
class Section(_Titled):
    """A section inside a scenario or routekaart chapter, with its place in the item."""

    item: "Item"
    id: str
    data: dict
    path: tuple
    depth: int

    @property
    def ref(self) -> str:
        return f"{self.item.ref}#{self.id}"


@dataclass
class Item(_Titled):
    """One content item (a tip, lesson, scenario, routekaart chapter or bouwsteen)."""

    kind: str
    data: dict
    doc: Document
    sections: dict[str, Section] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.id}"


@dataclass
class Mention:
    """Something that carries a theme or names a region: an item, or a section inside one; for a
    region, the example block about it, or (``quote``, Markdown) the text of a section that names
    the region outside an example block (the section's ``regions``)."""

    item: Item
    section: Section | None = None
    example: dict | None = None
    quote: str | None = None

    @property
    def ref(self) -> str:
        return self.section.ref if self.section else self.item.ref

    @property
    def title(self) -> str:
        return self.section.title if self.section else self.item.title


@dataclass(eq=False)
class Index:
    """All content, resolved: the one object the site layer asks questions."""

    items: dict[str, dict[str, Item]]
    themes: dict[str, dict]
    regions: dict[str, dict]
    sources: dict[str, dict]
    glossary: list[dict]
    by_theme: dict[str, list[Mention]]
    by_region: dict[str, list[Mention]]
    related: dict[str, list[str]]
    unknown_links: list[Problem]
    checklists: dict[str, "checklist_stage.Checklist"] = field(default_factory=dict)
    checklists_by_ref: dict[str, list] = field(default_factory=dict)
    scan: list = field(default_factory=list)
    origins: dict = field(default_factory=dict)
    """(list file, id) → the file an entry comes from, e.g. ('themes', 'privacy') → 'content/themes.yml'."""
    notes: list[Problem] = field(default_factory=list)
    """Things an editor may want to finish, which the site handles as they are (`toolkit check --report`):
    a theme or region nothing refers to yet, action points that no checklist uses yet."""
    hidden: dict[str, str] = field(default_factory=dict)
    """References of the items a region hides (regio/hidden.yml) → the file that hides them."""

    def of_kind(self, kind: str) -> list[Item]:
        """Items of one kind in their numbered order."""
        return list(self.items.get(kind, {}).values())

    def lookup(self, ref: str) -> tuple[Item, Section | None]:
        """The item (and section) a reference like ``routekaart/01-x#y`` points to."""
        target, _, anchor = ref.partition("#")
        kind, _, item_id = target.partition("/")
        item = self.items[kind][item_id]
        return item, (item.sections[anchor] if anchor else None)

    def title_of(self, ref: str) -> str:
        item, section = self.lookup(ref)
        return section.title if section else item.title


def build(documents: dict[str, list[tuple[str, Document]]]) -> tuple[Index, list[Problem]]:
    """Resolve references between the validated documents and build the index."""
    # List files, national first: a region's entries are added, or replace national ones by id.
    lists = {kind: [doc for _, doc in docs] for kind, docs in documents.items() if kind not in ITEM_TYPES and docs}
    found = {kind: _entries(lists.get(kind, []), kind, key)
             for kind, key in (("themes", "id"), ("regions", "id"), ("sources", "id"), ("glossary", "term"))}
    themes, regions, sources, glossary = (found[kind][0] for kind in ("themes", "regions", "sources", "glossary"))
    origins = {where: doc.display for _, _, places in found.values() for where, (doc, _) in places.items()}
    places = {where: place for _, _, kind_places in found.values() for where, place in kind_places.items()}

    items: dict[str, dict[str, Item]] = {kind: {} for kind in ITEM_TYPES}
    for kind in ITEM_TYPES:
        # National items first, in file order; a region's file with the same name takes the national one's place.
        for _, doc in sorted(documents.get(kind, []), key=lambda pair: (pair[1].layer != "content", pair[1].path.name)):
            if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                item = Item(kind, doc.data, doc)
                _collect_sections(item, doc.data.get("sections"), ("sections",), 1)
                items[kind][item.id] = item
    hidden, problems = _hide(lists.get("hidden", []), items)
    # A list file that could not be read is already reported; checking ids against it would call
    # every theme (or region, or source) in every item unknown.
    check = _Checker(items, hidden, {kind for kind, docs in lists.items() if any(doc.data is None for doc in docs)})

    by_theme: dict[str, list[Mention]] = defaultdict(list)
    by_region: dict[str, list[Mention]] = defaultdict(list)
    related: dict[str, list[str]] = defaultdict(list)
    unknown_links: list[Problem] = []
    for table in items.values():
        for item in table.values():
            doc = item.doc
            check.id(doc, ("source",), item.data.get("source"), sources, "onbekend brondocument", "sources")
            carriers = [(item.data, (), None)] + [(s.data, s.path, s) for s in item.sections.values()]
            for data, base, section in carriers:
                for i, theme in enumerate(_as_list(data.get("themes"))):
                    if check.id(doc, base + ("themes", i), theme, themes, "onbekend thema", "themes"):
                        by_theme[theme].append(Mention(item, section))
                for i, ref in enumerate(_as_list(data.get("related"))):
                    if isinstance(ref, str) and check.ref(doc, base + ("related", i), ref):
                        own = section.ref if section else item.ref
                        related[own].append(ref)
                        related[ref].append(own)
                for region, mention in _region_mentions(check, item, section, data, base, regions):
                    by_region[region].append(mention)
            unknown_links += _unknown_links(doc)
    for docs in lists.values():
        for doc in docs:
            unknown_links += _unknown_links(doc)

    checklists, checklists_by_ref, resolved = checklist_stage.resolve(items, check.ref)
    problems += check.problems + resolved
    notes = check.notes
    for checklist_id in [c for c in checklists if not checklists[c].points]:  # all its points were hidden
        item = items["checklists"].pop(checklist_id)
        del checklists[checklist_id]
        notes.append(item.doc.problem(("items",), f"items: checklist '{checklist_id}' wordt niet getoond: al zijn "
                                                  "punten komen uit verborgen onderdelen", severity="note"))
    checklists_by_ref = {ref: [c for c in users if c.id in checklists] for ref, users in checklists_by_ref.items()}
    checklists_by_ref = {ref: users for ref, users in checklists_by_ref.items() if users}
    for mentions in by_theme.values():  # a checklist taken out above carried its themes
        mentions[:] = [m for m in mentions if m.item.id in items[m.item.kind]]
    scan, resolved = scan_stage.resolve(lists.get("borgingsscan", []), items["routekaart"],
                                        {ref.partition("/")[2] for ref in hidden if ref.startswith("routekaart/")})
    problems += resolved
    notes += _unused(places, "themes", themes, by_theme, "thema '{}' wordt nog door geen enkel onderdeel gebruikt")
    notes += _unused(places, "regions", regions, by_region, "over regio '{}' staat nog geen voorbeeld in de inhoud")
    notes += _actions_without_checklist(items, checklists_by_ref)
    index = Index(
        items=items, themes=themes, regions=regions, sources=sources, glossary=list(glossary.values()),
        by_theme=dict(by_theme), by_region=dict(by_region),
        related={ref: list(dict.fromkeys(refs)) for ref, refs in related.items()}, unknown_links=unknown_links,
        checklists=checklists, checklists_by_ref=checklists_by_ref, scan=scan, origins=origins,
        notes=notes, hidden=hidden)
    return index, problems


def _entries(docs: list[Document], kind: str, key: str) -> tuple[dict[str, dict], str, dict[tuple, tuple]]:
    """The entries of a list file (national first, then a region's, which replace by ``key``), by key;
    the kind; and (kind, key) → (the Document it comes from, its position in that file)."""
    merged, places = {}, {}
    for doc in docs:
        for position, entry in enumerate(doc.data if isinstance(doc.data, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get(key), str):
                merged[entry[key]] = entry
                places[(kind, entry[key])] = (doc, position)
    return merged, kind, places


@dataclass
class _Checker:
    """Checks the ids and references in items against what exists, and keeps what it found."""

    items: dict
    hidden: dict
    unreadable: set
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def id(self, doc, path: tuple, value, table: dict, what: str, kind: str) -> bool:
        """Whether ``value`` is an id in ``table`` (the entries of list file ``kind``); reports it if not."""
        if isinstance(value, str) and value not in table and kind not in self.unreadable:
            hint = suggest(value, table)
            self.problems.append(doc.problem(path, f"{field_path(path)}: {what} '{value}'"
                                                   + (f" (bedoelde je '{hint}'?)" if hint else "")))
            return False
        return isinstance(value, str)

    def ref(self, doc, path: tuple, ref: str) -> bool:
        """Whether ``ref`` points at an item (and section) that is shown; a reference to a hidden item is
        dropped with a note, one to nothing is a problem, a malformed one was reported by the schema."""
        if not REF_RE.match(ref):
            return False
        target, _, anchor = ref.partition("#")
        if target in self.hidden:  # a region hid it: the link goes, and --report says where
            self.notes.append(doc.problem(path, f"{field_path(path)}: verwijzing naar '{ref}' valt weg: de regio "
                                                f"verbergt {target} ({self.hidden[target]})", severity="note"))
            return False
        kind, _, item_id = target.partition("/")
        item = self.items.get(kind, {}).get(item_id)
        if item is None:
            self.problems.append(doc.problem(path, f"{field_path(path)}: verwijzing '{ref}' wijst naar niets: "
                                                   f"{target} bestaat niet"))
            return False
        if anchor and anchor not in item.sections:
            self.problems.append(doc.problem(path, f"{field_path(path)}: verwijzing '{ref}' wijst naar niets: "
                                                   f"{target} heeft geen paragraaf '{anchor}'"))
            return False
        return True


def _region_mentions(check: _Checker, item: Item, section, data: dict, base: tuple, regions: dict):
    """(region id, Mention) for each example block about a region in ``data`` (an item or section), and
    for each region a section names outside an example block (its ``regions``)."""
    doc = item.doc
    for j, block in enumerate(_as_list(data.get("body"))):
        example = block.get("example") if isinstance(block, dict) else None
        if not isinstance(example, dict):
            continue
        for k, region in enumerate(_as_list(example.get("regions"))):
            path = base + ("body", j, "example", "regions", k)
            if check.id(doc, path, region, regions, "onbekende regio", "regions"):
                if isinstance(example.get("text"), str) and not names(example["text"], regions[region]["name"]):
                    check.problems.append(doc.problem(path, f"{field_path(path)}: de tekst van dit voorbeeld noemt "
                                                            f"'{regions[region]['name']}' niet; een voorbeeld hoort "
                                                            "alleen bij de regio's die het noemt"))
                yield region, Mention(item, section, example)
    for k, region in enumerate(_as_list(data.get("regions")) if section else []):
        path = base + ("regions", k)
        if check.id(doc, path, region, regions, "onbekende regio", "regions"):
            quotes = naming(data, regions[region]["name"])
            if not quotes:
                check.problems.append(doc.problem(path, f"{field_path(path)}: de tekst van deze paragraaf noemt "
                                                        f"'{regions[region]['name']}' niet buiten een voorbeeldblok"))
            for quote in quotes:
                yield region, Mention(item, section, quote=quote)


def _unused(places: dict, kind: str, table: dict, used: dict, message: str) -> list[Problem]:
    """A note at each entry of list file ``kind`` that nothing refers to yet (``used``: id → mentions)."""
    return [places[(kind, entry_id)][0].problem((places[(kind, entry_id)][1], "id"), message.format(entry_id),
                                                severity="note")
            for entry_id in table if not used.get(entry_id) and (kind, entry_id) in places]


def _hide(docs: list[Document], items: dict) -> tuple[dict[str, str], list[Problem]]:
    """Take the items a region hides (regio/hidden.yml: a list of references such as 'tips/05-x') out of
    ``items``; returns reference → the hiding file's name, and the references that name no item."""
    hidden, problems = {}, []
    for doc in docs:
        for i, ref in enumerate(doc.data if isinstance(doc.data, list) else []):
            if not isinstance(ref, str) or "/" not in ref:
                continue  # the schema reported it
            kind, _, item_id = ref.partition("/")
            if item_id in items.get(kind, {}):
                hidden[ref] = doc.display
            elif ref not in hidden:
                hint = suggest(item_id, items.get(kind, {}))
                problems.append(doc.problem((i,), f"[{i}]: '{ref}' bestaat niet; verberg een onderdeel met zijn map en "
                                                  f"bestandsnaam zonder .yml" + (f" (bedoelde je '{kind}/{hint}'?)" if hint else "")))
    for ref in hidden:
        kind, _, item_id = ref.partition("/")
        items[kind].pop(item_id)
    return hidden, problems


def _actions_without_checklist(items: dict, checklists_by_ref: dict) -> list[Problem]:
    """A note for each scenario, chapter or section whose action points no checklist uses yet."""
    notes = []
    for kind in ("scenarios", "routekaart"):
        for item in items.get(kind, {}).values():
            for section in [None, *item.sections.values()]:
                data, ref = (section.data, section.ref) if section else (item.data, item.ref)
                body = _as_list(data.get("body"))
                if ref not in checklists_by_ref and any(isinstance(b, dict) and "actions" in b for b in body):
                    path = (section.path if section else ()) + ("body",)
                    notes.append(item.doc.problem(path, f"{field_path(path)}: de actiepunten van '{ref}' staan nog in "
                                                        "geen checklist; maak er een met 'toolkit new checklist'",
                                                  severity="note"))
    return notes


FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]]+\]")


def names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a whole word ('Nijmegen' does not name 'Rijk van Nijmegen')."""
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def naming(data: dict, name: str) -> list[str]:
    """The pieces of a section's own text (not its subsections', not its example blocks') that name
    ``name``, as Markdown to quote: a paragraph, or an item of an action list or list with the list's
    lead sentence above it, so that it reads as in the source. Footnote marks are left out."""
    found = []
    for block in _as_list(data.get("body")):
        kind, value = next(iter(block.items())) if isinstance(block, dict) and block else (None, None)
        if kind == "text" and isinstance(value, str):
            found += [p for p in value.split("\n\n") if names(p, name) and not p.lstrip().startswith("[^")]
        elif kind in ("actions", "list") and isinstance(value, dict):
            for entry in _as_list(value.get("items")):
                text = entry if isinstance(entry, str) else entry.get("text") if isinstance(entry, dict) else None
                if isinstance(text, str) and names(text, name):
                    lead = f"{value['lead']}\n\n" if isinstance(value.get("lead"), str) else ""
                    found.append(f"{lead}- {text}")
    return [FOOTNOTE_REF_RE.sub("", piece).strip() for piece in found]


def _unknown_links(doc: Document) -> list[Problem]:
    """Links written ``[text]()``: their address is unknown and an editor may fill it in."""
    return [doc.problem(path, f"{field_path(path)}: link '{match.group(1)}' heeft nog geen adres",
                        severity="note", offset=match.start())
            for path, text in walk_strings(doc.data) for match in UNKNOWN_LINK_RE.finditer(text)]


def _collect_sections(item: Item, sections, path: tuple, depth: int) -> None:
    for i, section in enumerate(_as_list(sections)):
        if isinstance(section, dict) and isinstance(section.get("id"), str):
            here = path + (i,)
            item.sections.setdefault(section["id"], Section(item, section["id"], section, here, depth))
            _collect_sections(item, section.get("sections"), here + ("sections",), depth + 1)


def _as_list(value) -> list:
    return value if isinstance(value, list) else []
