"""``toolkit new <soort> "<titel>"``: a valid skeleton file for a new item, with the next number."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .load import ITEM_TYPES

KINDS = {
    "tip": "tips", "tips": "tips",
    "les": "lessons", "lesson": "lessons", "lessons": "lessons",
    "scenario": "scenarios", "scenarios": "scenarios",
    "routekaart": "routekaart", "hoofdstuk": "routekaart", "chapter": "routekaart",
    "bouwsteen": "bouwstenen", "bouwstenen": "bouwstenen",
    "checklist": "checklists", "checklists": "checklists",
}
"""The words an editor may use for each kind (Dutch first), mapped to its folder in content/."""

NUMBER_RE = re.compile(r"^(\d{2})-(.+)\.yml$")


class NewError(Exception):
    """A skeleton could not be written; the message says why, in Dutch."""


def slug(title: str, words: int = 6) -> str:
    """Lowercase ASCII kebab-case from a Dutch title: 'Cliënten betrekken!' → 'clienten-betrekken'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_title.lower())
    if not parts:
        raise NewError(f"van de titel '{title}' is geen bestandsnaam te maken; gebruik letters of cijfers")
    return "-".join(parts[:words])


def create(kind_word: str, title: str, content_dir: Path) -> Path:
    """Write the skeleton and return its path; refuses when an item with this name already exists."""
    folder = KINDS.get(kind_word.lower())
    if folder is None:
        raise NewError(f"onbekende soort '{kind_word}'; kies uit: tip, les, scenario, routekaart, bouwsteen, checklist")
    directory = content_dir / folder
    name = slug(title)
    numbers = []
    for existing in sorted(directory.glob("*.yml")):
        match = NUMBER_RE.match(existing.name)
        if not match:
            continue
        numbers.append(int(match.group(1)))
        if match.group(2) == name:
            raise NewError(f"er is al een {kind_word} '{name}': {existing.as_posix()}; kies een andere titel")
    number = max(numbers, default=0) + 1
    if number > 99:
        raise NewError(f"{folder}/ heeft al 99 genummerde bestanden")
    item_id = f"{number:02d}-{name}"
    target = directory / f"{item_id}.yml"
    if target.exists():  # cannot happen after the scan above, but never overwrite an editor's file
        raise NewError(f"{target.as_posix()} bestaat al")
    data = {"id": item_id, "title": title, **_body(folder, title), **_refs(folder, content_dir)}
    header = (f"# yaml-language-server: $schema=../schema/{ITEM_TYPES[folder]}.schema.json\n"
              "# Nieuw bestand, gemaakt met 'toolkit new'. Vervang de voorbeeldteksten en kies de thema's;\n"
              "# 'toolkit check' controleert het bestand.\n")
    directory.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": fails rather than overwrite
        out.write(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return target


def _body(folder: str, title: str) -> dict:
    section = {"id": "eerste-paragraaf", "title": "Eerste paragraaf",
               "body": [{"text": "Schrijf hier de tekst van de paragraaf."},
                        {"actions": {"items": ["Schrijf hier het eerste actiepunt."]}}]}
    return {
        "tips": {"group": "aandacht", "text": "Schrijf hier de tip in één of twee zinnen."},
        "lessons": {"points": ["Schrijf hier het eerste punt van de les."]},
        "scenarios": {"intro": "Schrijf hier de inleiding.", "sections": [section]},
        "routekaart": {"tagline": "Eén zin die zegt waar dit element over gaat.",
                       "intro": "Schrijf hier de inleiding.", "sections": [section]},
        "bouwstenen": {"insights": ["Schrijf hier het eerste inzicht."]},
        "checklists": {"intro": f"Waarvoor en wanneer je de checklist '{title}' gebruikt.",
                       "items": [{"text": "Schrijf hier het eerste punt om af te vinken."}]},
    }[folder]


def _refs(folder: str, content_dir: Path) -> dict:
    """A theme and source that exist, so the skeleton passes `toolkit check` from the start."""
    themes = _ids(content_dir / "themes.yml", "id")
    out = {"themes": themes[:1]} if themes else {}
    if folder != "checklists":
        sources = yaml.safe_load((content_dir / "sources.yml").read_text(encoding="utf-8")) or []
        matching = [s["id"] for s in sources if s.get("section") == folder] or [s["id"] for s in sources]
        if matching:
            out["source"] = matching[0]
    return out


def _ids(path: Path, key: str) -> list[str]:
    if not path.exists():
        return []
    return [entry[key] for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if key in entry]
