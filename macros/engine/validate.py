"""Stage 2: check each file on its own — its schema, its name, and what its text may contain.

Every message names the field path and what was expected, in Dutch, for editors. The tests pin
these texts; change them only together with tests/test_bad_content.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .kinds import PLACEHOLDER
from .load import ITEM_TYPES, LIST_FILES, Document
from .messages import translate
from .problems import Problem, field_path
from .schemas import SCHEMA_DIR, passes, schema_name, validators

NUMBERED_RE = re.compile(r"^[0-9]{2}(-[a-z0-9]+)+$")

UNIQUE_KEY = {"glossary": "term", "borgingsscan": "chapter"}
"""The field that must be unique in each list file (default: id)."""

_DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "form", "frame", "frameset", "link", "meta", "base"}
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
_EVENT_ATTR_RE = re.compile(r"\s(on[a-zA-Z]+)\s*=")
_BAD_URL_RE = re.compile(r"(?:\]\(\s*<?|<|href\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_HASH_LINK_RE = re.compile(r"\[([^\]]+)\]\(\s*#\s*\)")


def validate(kind: str, doc: Document, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """All problems of one loaded file: name, schema, and unsafe or broken text."""
    problems = _name_problems(kind, doc)
    if not passes(kind, doc.data, schema_dir):
        for error in validators(schema_dir)[schema_name(kind)].iter_errors(doc.data):
            problems.extend(translate(error, doc))
    for path, text in walk_strings(doc.data):
        problems.extend(_text_problems(doc, path, text))
        if kind in ITEM_TYPES and text.lstrip().startswith(PLACEHOLDER):  # no skeleton text reaches the site
            problems.append(doc.problem(path, f"{field_path(path)}: dit is nog de voorbeeldtekst van 'toolkit new'; "
                                              "vervang hem door je eigen tekst"))
    if kind in ITEM_TYPES and isinstance(doc.data, dict):
        problems.extend(_id_matches_stem(doc))
        problems.extend(_unique_sections(doc))
    if kind in LIST_FILES and isinstance(doc.data, list):
        problems.extend(_unique_entries(doc, UNIQUE_KEY.get(kind, "id")))
    return problems


SCHEMA_LINE_RE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
"""The first line that tells an editor's IDE (VS Code's YAML extension) which JSON Schema a file follows."""


def schema_line(kind: str, doc: Document, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """A note when a file's first line names a JSON Schema that is not there, seen from the file's own folder: a
    file copied from content/tips/ into regio/tips/ keeps ``../schema/tip.schema.json``, and the IDE stops helping.
    The note gives the line to write instead. A note, not an error: the site builds the same either way."""
    first = doc.lines[0] if doc.lines else ""
    match = SCHEMA_LINE_RE.search(first)
    if not match or first[:match.start()].strip():
        return []
    wanted = f"{schema_name(kind)}.schema.json"
    named = match.group(1)
    target = doc.path.parent / named
    if target.name == wanted and target.is_file():
        return []
    right = Path(os.path.relpath(Path(schema_dir) / wanted, doc.path.parent)).as_posix()
    why = ("wijst naar een schema dat vanaf deze map niet bestaat" if not target.is_file()
           else f"wijst naar het schema van een ander soort bestand, niet naar {wanted}")
    return [Problem(doc.display, 1, match.start(1) + 1,
                    f"de schemaregel ({named}) {why}, dus je editor helpt niet bij dit bestand; "
                    f"schrijf op de eerste regel: # yaml-language-server: $schema={right}", severity="note")]


def walk_strings(data, path: tuple = ()):
    """Every string in the data with its path, in document order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk_strings(value, path + (i,))


def _name_problems(kind: str, doc: Document) -> list[Problem]:
    if kind not in ITEM_TYPES:
        return []
    name = doc.path.name
    if doc.path.suffix != ".yml":
        return [Problem(doc.display, 1, 1, f"bestandsnaam '{name}' moet eindigen op .yml")]
    if not NUMBERED_RE.match(doc.path.stem):
        return [Problem(doc.display, 1, 1,
                        f"bestandsnaam '{name}' is geen geldige id; gebruik een nummer van twee cijfers, "
                        "kleine letters en streepjes, zoals '06-casuistiekbijeenkomsten.yml'")]
    return []


def _id_matches_stem(doc: Document) -> list[Problem]:
    value = doc.data.get("id")
    stem = doc.path.stem
    if isinstance(value, str) and value != stem and NUMBERED_RE.match(stem):
        return [doc.problem(("id",), f"id: '{value}' is niet gelijk aan de bestandsnaam '{stem}'; maak ze gelijk")]
    return []


def _unique_sections(doc: Document) -> list[Problem]:
    seen, problems = {}, []

    def visit(sections, path):
        if not isinstance(sections, list):
            return
        for i, section in enumerate(sections):
            if not isinstance(section, dict):
                continue
            here = path + (i,)
            sid = section.get("id")
            if isinstance(sid, str):
                if sid in seen:
                    problems.append(doc.problem(here + ("id",),
                                                f"{field_path(here + ('id',))}: paragraaf-id '{sid}' komt al voor op regel {seen[sid]}"))
                else:
                    seen[sid] = doc.at(here + ("id",))[0]
            visit(section.get("sections"), here + ("sections",))

    visit(doc.data.get("sections"), ("sections",))
    return problems


def _unique_entries(doc: Document, key: str) -> list[Problem]:
    seen, problems = {}, []
    for i, entry in enumerate(doc.data):
        value = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(doc.problem((i, key), f"[{i}].{key}: '{value}' komt al voor op regel {seen[value]}"))
        else:
            seen[value] = doc.at((i, key))[0]
    return problems


def _text_problems(doc: Document, path: tuple, text: str) -> list[Problem]:
    where = field_path(path)
    problems = []
    if "<!--" in text:
        problems.append(doc.problem(path, f"{where}: HTML-commentaar is niet toegestaan; gebruik een YAML-commentaar (# …) op een eigen regel",
                                    offset=text.index("<!--")))
    opened = set()
    for match in _TAG_RE.finditer(text):
        tag = match.group(2).lower()
        if match.group(1):
            if tag in opened:
                continue  # the opening tag is already reported: one problem per element
        else:
            opened.add(tag)
        event = _EVENT_ATTR_RE.search(match.group(3) or "")
        if event:
            message = f"HTML-attribuut '{event.group(1)}' is niet toegestaan"
        elif tag in _DANGEROUS_TAGS:
            message = f"HTML-element <{tag}> is niet toegestaan"
        else:
            message = f"HTML ('{match.group(0)}') is niet toegestaan; schrijf Markdown, zoals **vet** en *cursief*"
        problems.append(doc.problem(path, f"{where}: {message}", offset=match.start()))
    for match in _BAD_URL_RE.finditer(text):
        problems.append(doc.problem(path, f"{where}: een link naar '{match.group(1).lower()}:' is niet toegestaan",
                                    offset=match.start(1)))
    for match in _HASH_LINK_RE.finditer(text):
        label = match.group(1)
        problems.append(doc.problem(path, f"{where}: link '{label}' wijst naar '#'; laat het adres leeg als het onbekend is: [{label}]()",
                                    offset=match.start()))
    return problems


# --- schema errors in Dutch --------------------------------------------------------------------
