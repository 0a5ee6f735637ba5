"""Synthetic content: the real content multiplied k times, with new ids, valid for the same engine.

Copy c (1 … k-1) of every item file gets the id ``<id>-x<c>`` and a title ending in ``(variant c+1)``;
every theme and region is copied the same way. Inside copy c, references (``related``, a checklist's
``from``), themes and regions point at copy c, so each copy is a complete, self-consistent toolkit
and per-theme and per-region pages keep their real size while the overviews grow k times. Sources
and the glossary are not multiplied.

The engine refuses a content file over ``max_bytes`` (macros/engine/load.py MAX_BYTES). themes.yml and
regions.yml get only as many copies as fit under it; copy c then uses theme copy c mod n.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml

LIST_FILES = {"themes.yml": "title", "regions.yml": "name"}
"""List files whose entries are multiplied, with the field that carries the visible name."""
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NUMBERED = re.compile(r"^[0-9]{2}(-[a-z0-9]+)+$")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when there, same output
    def ignore_aliases(self, data):  # the engine refuses anchors and aliases
        return True


def item_folders(content: Path) -> list[Path]:
    """Folders holding one file per item (every folder of numbered .yml files, e.g. tips/, checklists/)."""
    return sorted(d for d in content.iterdir()
                  if d.is_dir() and any(NUMBERED.match(p.stem) for p in d.glob("*.yml")))


def multiply(content: Path, factor: int, max_bytes: int | None = None) -> dict:
    """Multiply the content in ``content`` (a copy!) in place; returns the counts afterwards and,
    under "capped", the list files that got fewer copies than ``factor`` because of ``max_bytes``."""
    if factor < 2:
        return count(content)
    folders = item_folders(content)
    items = {(d.name, p.stem) for d in folders for p in d.glob("*.yml")}
    copies = {name: _multiply_list(content / name, label, factor, max_bytes) for name, label in LIST_FILES.items()}
    themes = {e["id"] for e in yaml.safe_load((content / "themes.yml").read_text(encoding="utf-8"))}
    regions = {e["id"] for e in yaml.safe_load((content / "regions.yml").read_text(encoding="utf-8"))}

    def suffixed(value: str, c: int, copies_made: int) -> str:
        c %= copies_made
        return f"{value}-x{c}" if c else value

    def remap(value, c: int, key: str | None = None):
        if isinstance(value, dict):
            return {k: remap(v, c, k) for k, v in value.items()}
        if isinstance(value, list):
            return [remap(v, c, key) for v in value]
        if isinstance(value, str):
            if key in ("themes", "theme") and value in themes:
                return suffixed(value, c, copies["themes.yml"])
            if key in ("regions", "region") and value in regions:
                return suffixed(value, c, copies["regions.yml"])
            target, hash_, anchor = value.partition("#")
            kind, slash, item_id = target.partition("/")
            if slash and (kind, item_id) in items:
                return f"{kind}/{item_id}-x{c}{hash_}{anchor}"
        return value

    for folder in folders:
        for path in sorted(folder.glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            header = "".join([line + "\n" for line in text.splitlines() if line.startswith("#")][:1])
            data = yaml.load(text, Loader=_Loader)
            for c in range(1, factor):
                new = remap(copy.deepcopy(data), c)
                new["id"] = f"{data['id']}-x{c}"
                new["title"] = f"{data['title']} (variant {c + 1})"
                (folder / f"{new['id']}.yml").write_text(header + _dump(new), encoding="utf-8")
    result = count(content)
    result["capped"] = {name.removesuffix(".yml"): n for name, n in copies.items() if n < factor}
    return result


def _multiply_list(path: Path, label: str, factor: int, max_bytes: int | None) -> int:
    """Write ``factor`` copies of each entry of a list file, or as many as fit; returns the number."""
    text = path.read_text(encoding="utf-8")
    entries = yaml.safe_load(text)
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    out, size, made = list(entries), len((header + _dump(entries)).encode("utf-8")), 1
    for c in range(1, factor):
        batch = []
        for entry in entries:
            new = copy.deepcopy(entry)
            new["id"] = f"{entry['id']}-x{c}"
            new[label] = f"{entry[label]} (variant {c + 1})"
            batch.append(new)
        extra = len(_dump(batch).encode("utf-8"))
        if max_bytes is not None and size + extra > max_bytes:
            break
        out += batch
        size += extra
        made += 1
    path.write_text(header + _dump(out), encoding="utf-8")
    return made


def count(content: Path) -> dict:
    counts = {d.name: len(list(d.glob("*.yml"))) for d in item_folders(content)}
    for name in LIST_FILES:
        counts[name.removesuffix(".yml")] = len(yaml.safe_load((content / name).read_text(encoding="utf-8")))
    counts["items"] = sum(v for k, v in counts.items() if k not in ("themes", "regions"))
    return counts


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
