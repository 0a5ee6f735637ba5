"""Stage 3c: the borgingsscan, statements per routekaart element that point at its sections."""

from __future__ import annotations

from dataclasses import dataclass

from .checklists import key_of
from .problems import Problem


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    section: object  # the index Section that explains it


def resolve(docs: list, chapters: dict, hidden: set = frozenset()) -> tuple[list[tuple[object, list[Statement]]], list[Problem]]:
    """The scan as (chapter item, statements) in file order, and references that point nowhere.
    A later file (a region's) replaces the statements of a chapter that an earlier one has; the
    statements of a chapter a region hides (``hidden``, chapter ids) are left out."""
    scan, problems = {}, []
    for doc in docs:
        if isinstance(doc.data, list):
            problems += _resolve_file(doc, chapters, scan, hidden)
    return list(scan.values()), problems


def _resolve_file(doc, chapters: dict, scan: dict, hidden: set) -> list[Problem]:
    problems = []
    for i, entry in enumerate(doc.data):
        if not isinstance(entry, dict) or not isinstance(entry.get("chapter"), str) or entry["chapter"] in hidden:
            continue
        chapter = chapters.get(entry["chapter"])
        if chapter is None:
            problems.append(doc.problem((i, "chapter"), f"[{i}].chapter: onbekend element '{entry['chapter']}'; "
                                                        "gebruik een id uit content/routekaart/"))
            continue
        statements = []
        for j, statement in enumerate(entry.get("statements") or []):
            if not isinstance(statement, dict) or not isinstance(statement.get("section"), str):
                continue
            section = chapter.sections.get(statement["section"])
            if section is None:
                problems.append(doc.problem((i, "statements", j, "section"),
                                            f"[{i}].statements[{j}].section: routekaart/{chapter.id} heeft geen "
                                            f"paragraaf '{statement['section']}'"))
                continue
            statements.append(Statement(key_of(statement["text"]), statement["text"], section))
        scan[chapter.id] = (chapter, statements)
    return problems
