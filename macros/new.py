"""``toolkit new <soort> "<titel>"``: a valid skeleton file for a new item, with the next number.

``--content regio`` writes a region's own item into regio/ (README.md, "Een eigen regio-versie"): the folder for
its kind is made when it is not there yet, and the number follows the national files in content/ as well, so the
new file adds an item rather than replacing a national one. The theme and source it names come from either folder.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import yaml

from .cli import ToolkitError
from .engine.kinds import BY_FOLDER
from .engine.kinds import KINDS as CONTENT_KINDS
from .engine.load import ITEM_TYPES

KINDS = {word: kind.folder for kind in CONTENT_KINDS for word in kind.words}
"""The words an editor may use for each kind (Dutch first; macros/engine/kinds.py), mapped to its folder in content/."""

NUMBER_RE = re.compile(r"^(\d{2})-(.+)\.yml$")

LAYERS = ("content", "regio")
"""The folders `toolkit check` reads together (national content and a region's own); a new item's number and
references take all of them into account that sit beside the folder it is written to."""


def _refused(message: str, status: int = 1) -> ToolkitError:
    """Nothing was written, and why (in Dutch)."""
    return ToolkitError(f"Niets geschreven: {message}.", status)


def slug(title: str, words: int = 6) -> str:
    """Lowercase ASCII kebab-case from a Dutch title: 'Cliënten betrekken!' → 'clienten-betrekken'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_title.lower())
    if not parts:
        raise _refused(f"van de titel '{title}' is geen bestandsnaam te maken; gebruik letters of cijfers", 2)
    return "-".join(parts[:words])


def create(kind_word: str, title: str, content_dir: Path) -> Path:
    """Write the skeleton and return its path; refuses when an item with this name already exists."""
    folder = KINDS.get(kind_word.lower())
    if folder is None:
        raise _refused(f"onbekende soort '{kind_word}'; kies uit: {', '.join(k.words[0] for k in CONTENT_KINDS)}", 2)
    if content_dir.exists() and not content_dir.is_dir():
        raise _refused(f"{content_dir.as_posix()} is geen map")
    directory = content_dir / folder
    name = slug(title)
    layers = _layers(content_dir)
    if not content_dir.is_dir() and len(layers) == 1:  # no content here at all: not the toolkit's folder
        raise _refused(f"map met inhoud niet gevonden: {content_dir.as_posix()}; draai 'toolkit new' in de map van de "
                       "toolkit, of geef de map met --content")
    numbers = []
    for existing in sorted(p for layer in layers for p in (layer / folder).glob("*.yml")):
        match = NUMBER_RE.match(existing.name)
        if not match:
            continue
        numbers.append(int(match.group(1)))
        if match.group(2) == name:
            raise _refused(f"er is al een {kind_word} '{name}': {existing.as_posix()}; kies een andere titel")
    number = max(numbers, default=0) + 1
    if number > 99:
        raise _refused(f"{folder}/ heeft al 99 genummerde bestanden")
    item_id = f"{number:02d}-{name}"
    target = directory / f"{item_id}.yml"
    if target.exists():  # cannot happen after the scan above, but never overwrite an editor's file
        raise _refused(f"{target.as_posix()} bestaat al")
    data = {"id": item_id, "title": title, **_body(folder, title), **_refs(folder, layers)}
    schemas = next((layer / "schema" for layer in layers if (layer / "schema").is_dir()), content_dir / "schema")
    schema = Path(os.path.relpath(schemas, directory)).as_posix()  # regio/tips/ → ../../content/schema
    header = (f"# yaml-language-server: $schema={schema}/{ITEM_TYPES[folder]}.schema.json\n"
              "# Nieuw bestand, gemaakt met 'toolkit new'. Vervang de voorbeeldteksten en kies de thema's;\n"
              "# 'toolkit check' controleert het bestand.\n")
    directory.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": fails rather than overwrite
        out.write(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return target


def _body(folder: str, title: str) -> dict:
    """The kind's skeleton (macros/engine/kinds.py) for an item with this title."""
    return json.loads(json.dumps(BY_FOLDER[folder].skeleton).replace("{title}", json.dumps(title)[1:-1]))


def _layers(content_dir: Path) -> list[Path]:
    """CONTENT_DIR first, then content/ and regio/ beside it when they exist (see LAYERS)."""
    found = [content_dir]
    for name in LAYERS:
        other = content_dir.parent / name
        if other.is_dir() and other.resolve() != content_dir.resolve():
            found.append(other)
    return found


def _refs(folder: str, layers: list[Path]) -> dict:
    """A theme and source that exist, so the skeleton passes `toolkit check` from the start."""
    themes = [entry["id"] for layer in layers for entry in _entries(layer / "themes.yml") if "id" in entry]
    out = {"themes": themes[:1]} if themes else {}
    if folder != "checklists":
        sources = [entry for layer in layers for entry in _entries(layer / "sources.yml") if "id" in entry]
        matching = [s["id"] for s in sources if s.get("section") == folder] or [s["id"] for s in sources]
        if matching:
            out["source"] = matching[0]
    return out


def _entries(path: Path) -> list[dict]:
    """The entries of a list file such as themes.yml; none when it is missing. `toolkit check` explains a broken one."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise _refused(f"{path.as_posix()} is niet te lezen; draai 'toolkit check' voor de fout") from None
    return [entry for entry in data if isinstance(entry, dict)] if isinstance(data, list) else []
