"""Stage 3b: checklists, whose items are references to action points elsewhere in the content.

A checklist lists ``from: <ref>`` entries (all action points of an item or section, or the ones
picked with ``only``) and, where the source has none, ``text:`` items of its own. The text lives in
one place: here it is only looked up. Each point gets a short stable key from its text, under which
the browser remembers whether it was ticked.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from .problems import Problem, field_path


@dataclass(frozen=True)
class Point:
    """One point to tick: its text (Markdown), its sub-points (shown, not ticked), where it comes from,
    and the lead sentence of its action list (Markdown, e.g. "Daarbij is het belangrijk dat er:"),
    without which the point would not read as a sentence: the checklist shows it above the point."""

    key: str
    text: str
    points: tuple = ()
    origin: str | None = None
    lead: str | None = None


@dataclass(frozen=True)
class Group:
    """Consecutive points of a checklist from one place: an item or section (``origin``, its reference),
    or the checklist's own points (``origin`` None)."""

    origin: str | None
    points: tuple


@dataclass
class Checklist:
    item: object  # the checklist's Item in the index
    points: list[Point] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def groups(self) -> list[Group]:
        """The points in order, cut where the place they come from changes."""
        out: list[Group] = []
        for point in self.points:
            if out and out[-1].origin == point.origin:
                out[-1] = Group(point.origin, out[-1].points + (point,))
            else:
                out.append(Group(point.origin, (point,)))
        return out


def key_of(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def action_points(item, section=None) -> list[tuple[str, tuple, str | None]]:
    """The points a reader would tick in an item or section, as (text, sub-points, lead): its action
    blocks, each point with its block's lead sentence (None without one), or a tip's, lesson's or
    bouwsteen's list of points (their lead is the item's title, which the checklist shows as the
    heading of the group)."""
    data = section.data if section else item.data
    found = []
    for block in data.get("body") or []:
        if isinstance(block, dict) and isinstance(block.get("actions"), dict):
            lead = block["actions"].get("lead") if isinstance(block["actions"].get("lead"), str) else None
            for entry in block["actions"].get("items") or []:
                if isinstance(entry, str):
                    found.append((entry, (), lead))
                elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
                    found.append((entry["text"], tuple(entry.get("points") or ()), lead))
    if not section:
        for name in ("points", "insights"):
            found += [(p, (), None) for p in data.get(name) or [] if isinstance(p, str)]
    return found


def resolve(items: dict, ref_exists) -> tuple[dict[str, Checklist], dict[str, list[Checklist]], list[Problem]]:
    """Expand every checklist; returns them by id, the checklists that use each reference, and problems."""
    checklists, by_ref, problems = {}, {}, []
    for item in items.get("checklists", {}).values():
        checklist = Checklist(item)
        doc = item.doc
        for i, entry in enumerate(item.data.get("items") or []):
            if not isinstance(entry, dict):
                continue
            here = ("items", i)
            if isinstance(entry.get("text"), str):
                checklist.points.append(Point(key_of(entry["text"]), entry["text"]))
                continue
            ref = entry.get("from")
            if not isinstance(ref, str) or not ref_exists(doc, here + ("from",), ref):
                continue
            target, _, anchor = ref.partition("#")
            kind, _, item_id = target.partition("/")
            source_item = items[kind][item_id]
            found = action_points(source_item, source_item.sections[anchor] if anchor else None)
            if not found:
                problems.append(doc.problem(here + ("from",), f"{field_path(here + ('from',))}: '{ref}' bevat geen actiepunten"))
                continue
            only = entry.get("only")
            if isinstance(only, list):
                picked = []
                for j, number in enumerate(only):
                    if isinstance(number, int) and 1 <= number <= len(found):
                        picked.append(found[number - 1])
                    else:
                        problems.append(doc.problem(here + ("only", j), f"{field_path(here + ('only', j))}: punt {number} bestaat niet; "
                                                                         f"'{ref}' heeft {len(found)} actiepunten"))
                found = picked
            checklist.points += [Point(key_of(text), text, points, ref, lead) for text, points, lead in found]
            checklist.origins.append(ref)
            by_ref.setdefault(ref, []).append(checklist)
        _unique_keys(checklist)
        checklists[item.id] = checklist
    return checklists, by_ref, problems


def _unique_keys(checklist: Checklist) -> None:
    """The same text twice in one checklist still gives two boxes, each with its own key."""
    seen: dict[str, int] = {}
    for i, point in enumerate(checklist.points):
        count = seen.get(point.key, 0)
        seen[point.key] = count + 1
        if count:
            checklist.points[i] = replace(point, key=f"{point.key}-{count}")
