"""Stage 2: check each file on its own — its schema, its name, and what its text may contain.

Every message names the field path and what was expected, in Dutch, for editors. The tests pin
these texts; change them only together with tests/test_bad_content.py.
"""

from __future__ import annotations

import datetime
import difflib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from .kinds import KINDS, ref_pattern
from .load import ITEM_TYPES, LIST_FILES, Document
from .problems import Problem, field_path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "content" / "schema"
"""The JSON Schemas, shared by this validator and the editors' IDEs."""

NUMBERED_RE = re.compile(r"^[0-9]{2}(-[a-z0-9]+)+$")

UNIQUE_KEY = {"glossary": "term", "borgingsscan": "chapter"}
"""The field that must be unique in each list file (default: id)."""

_TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "velden (naam: waarde)",
    "boolean": "true of false",
    "integer": "een getal",
    "number": "een getal",
    "null": "niets",
}
_DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "form", "frame", "frameset", "link", "meta", "base"}
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
_EVENT_ATTR_RE = re.compile(r"\s(on[a-zA-Z]+)\s*=")
_BAD_URL_RE = re.compile(r"(?:\]\(\s*<?|<|href\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_HASH_LINK_RE = re.compile(r"\[([^\]]+)\]\(\s*#\s*\)")


@lru_cache(maxsize=4)
def _schemas(schema_dir: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}


@lru_cache(maxsize=4)
def _fast_validators(schema_dir: Path) -> dict[str, jsonschema_rs.Validator]:
    """Compiled (Rust) validators that only answer "valid or not": a build of valid content never
    needs more, and importing and running ``jsonschema`` took a tenth of the whole build."""
    schemas = _schemas(schema_dir)
    registry = jsonschema_rs.Registry(list(schemas.items()))
    return {name.removesuffix(".schema.json"): jsonschema_rs.validator_for(s, registry=registry)
            for name, s in schemas.items()}


def _passes(kind: str, data, schema_dir: Path) -> bool:
    """True when the data is valid under its schema; False also for values JSON does not have
    (a YAML date), which the full validator then explains."""
    try:
        return _fast_validators(schema_dir)[schema_name(kind)].is_valid(data)
    except ValueError:
        return False


@lru_cache(maxsize=4)
def _validators(schema_dir: Path) -> dict:
    """Full validators (``jsonschema``) whose errors become the Dutch messages; imported only when
    some file is invalid."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    schemas = _schemas(schema_dir)
    registry = Registry().with_resources((name, DRAFT202012.create_resource(s)) for name, s in schemas.items())
    return {name.removesuffix(".schema.json"): Draft202012Validator(_inline(s, schemas, name), registry=registry)
            for name, s in schemas.items()}


def _inline(node, schemas: dict, current: str, stack: tuple = ()):
    """The schema with every ``$ref`` replaced by what it points to, so validating needs no look-ups
    (they were most of the time of a check); a recursive reference (a section's subsections) stays,
    written in full so the registry resolves it from anywhere."""
    if isinstance(node, list):
        return [_inline(value, schemas, current, stack) for value in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if ref is None:
        return {key: _inline(value, schemas, current, stack) for key, value in node.items()}
    target_file, _, pointer = ref.partition("#")
    target_file = target_file or current
    if (target_file, pointer) in stack:
        return {**node, "$ref": f"{target_file}#{pointer}"}
    target = schemas[target_file]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    resolved = _inline(target, schemas, target_file, stack + ((target_file, pointer),))
    return {**resolved, **{key: value for key, value in node.items() if key != "$ref"}}


def schema_name(kind: str) -> str:
    """The schema for a content kind (a folder of items or a list file)."""
    return ITEM_TYPES.get(kind) or LIST_FILES[kind]


def validate(kind: str, doc: Document, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """All problems of one loaded file: name, schema, and unsafe or broken text."""
    problems = _name_problems(kind, doc)
    if not _passes(kind, doc.data, schema_dir):
        for error in _validators(schema_dir)[schema_name(kind)].iter_errors(doc.data):
            problems.extend(_translate(error, doc))
    for path, text in walk_strings(doc.data):
        problems.extend(_text_problems(doc, path, text))
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

def _translate(error, doc: Document) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = field_path(path)
    prefix = f"{where}: " if where else ""
    kind = error.validator
    value = error.instance

    if kind == "oneOf" and not error.context:  # valid under more than one branch
        names = [name for branch in error.validator_value for name in branch.get("required", [])]
        return [doc.problem(path, f"{prefix}gebruik precies één van deze velden: {', '.join(names)}")]
    if kind == "anyOf" or kind == "oneOf":
        return _translate_any_of(error, doc)
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        problems = []
        for key in value:
            if key in allowed:
                continue
            what = "soort blok" if error.schema.get("maxProperties") == 1 else "veld"
            hint = suggest(key, allowed)
            message = f"{prefix}onbekend {what} '{key}'" + (
                f" (bedoelde je '{hint}'?)" if hint else f"; toegestaan: {', '.join(allowed)}")
            problems.append(doc.problem(path + (key,), message, key=True))
        return problems
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value and not _misspelled(name, value, error.schema)]
        # A field required by an if/then rule says which value made it required.
        because = ""
        if "then" in error.schema_path and isinstance(value, dict) and isinstance(value.get("kind"), str):
            because = f" (nodig bij kind: {value['kind']})"
        return [doc.problem(path, f"{prefix}verplicht veld '{name}' ontbreekt{because}") for name in missing]
    if kind in ("maxProperties", "minProperties") and error.schema.get("maxProperties") == 1:
        allowed = ", ".join(error.schema.get("properties", {}))
        found = ", ".join(value) if value else "geen"
        return [doc.problem(path, f"{prefix}een blok heeft precies één soort ({allowed}); hier: {found}")]
    return [doc.problem(path, prefix + _simple_message(error, doc, path))]


def _simple_message(error, doc: Document, path: tuple) -> str:
    kind, value, expected = error.validator, error.instance, error.validator_value
    if kind == "type":
        return _type_message(expected, value, doc.raw.get(path))
    if kind in ("minLength", "pattern") and (expected == 1 or expected == "\\S"):
        return "mag niet leeg zijn"
    if kind == "pattern":
        if expected == ref_pattern():
            folders = [kind.folder for kind in KINDS if kind.referable]
            return (f"'{value}' is geen geldige verwijzing; schrijf soort/id of soort/id#paragraaf, "
                    f"met soort {', '.join(folders[:-1])} of {folders[-1]}")
        if expected.startswith("^[0-9]{2}"):
            return (f"'{value}' is geen geldige id; gebruik een nummer van twee cijfers, kleine letters en "
                    "streepjes, zoals '06-casuistiekbijeenkomsten'")
        return f"'{value}' is geen geldige id; gebruik kleine letters (a-z), cijfers en streepjes"
    if kind == "enum":
        choices = ", ".join(map(str, expected))
        if isinstance(value, bool) and path in doc.raw:
            return f"YAML leest {doc.raw[path]} als ja/nee-waarde; kies uit: {choices}"
        return f"'{value}' is geen geldige waarde; kies uit: {choices}"
    if kind == "minItems":
        return "de lijst is leeg; geef minstens één waarde"
    if kind == "uniqueItems":
        seen = set()
        for item in value:
            marker = json.dumps(item, sort_keys=True)
            if marker in seen:
                return f"'{item}' staat er twee keer in"
            seen.add(marker)
    return error.message


def _type_message(expected, value, raw) -> str:
    wanted = " of ".join(_TYPE_NAMES[t] for t in ([expected] if isinstance(expected, str) else expected))
    if value is None:
        return f"is leeg; verwacht {wanted}"
    if isinstance(value, bool) and raw is not None:
        return f"verwacht {wanted}, maar YAML leest {raw} als ja/nee-waarde; zet het tussen aanhalingstekens: \"{raw}\""
    if isinstance(value, (datetime.date, datetime.datetime)) and raw is not None:
        return f"verwacht {wanted}, maar YAML leest {raw} als datum; zet het tussen aanhalingstekens: \"{raw}\""
    if isinstance(value, (int, float)) and raw is not None:
        return f"verwacht {wanted}, maar YAML leest {raw} als getal; zet het tussen aanhalingstekens: \"{raw}\""
    if isinstance(value, str) and raw is not None and not isinstance(raw, str):
        raw = None
    actual = {str: "tekst", list: "een lijst", dict: "velden (naam: waarde)"}.get(type(value), type(value).__name__)
    if not isinstance(value, (str, list, dict)):
        actual = f"'{raw if raw is not None else value}'"
    return f"verwacht {wanted}, maar hier staat {actual}"


def _translate_any_of(error, doc: Document) -> list[Problem]:
    """Explain the branch that fits the value's type (text, or an object with fields)."""
    branches: dict[int, list] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [errs for errs in branches.values()
               if not any(e.validator == "type" and not e.relative_path for e in errs)]
    path = tuple(error.absolute_path)
    prefix = f"{field_path(path)}: " if path else ""
    if all(e.validator == "required" for errs in branches.values() for e in errs):
        names = [n for errs in branches.values() for e in errs for n in e.validator_value]
        if any(_misspelled(n, error.instance, error.schema) for n in names):
            return []  # the unknown field's "bedoelde je" message already says what to write
        return [doc.problem(path, f"{prefix}geef minstens een van deze velden: {', '.join(dict.fromkeys(names))}")]
    if len(fitting) == 1:
        problems = []
        for sub in fitting[0]:
            problems.extend(_translate(sub, doc))
        return problems
    types = []
    for errs in branches.values():
        for e in errs:
            if e.validator == "type" and not e.relative_path:
                types += [e.validator_value] if isinstance(e.validator_value, str) else e.validator_value
    return [doc.problem(path, prefix + _type_message(list(dict.fromkeys(types)) or "string", error.instance, doc.raw.get(path)))]


def _misspelled(name: str, value, schema: dict) -> bool:
    """True when an unknown field in value is a typo of the missing field name.

    The unknown field is reported with "bedoelde je 'name'?"; saying that name is missing as well
    would report one mistake twice.
    """
    if not isinstance(value, dict) or schema.get("additionalProperties") is not False:
        return False
    allowed = list(schema.get("properties", {}))
    return any(key not in allowed and suggest(key, allowed) == name for key in value)


def suggest(word: str, choices) -> str | None:
    """The closest of the known names to a misspelt one (for 'bedoelde je …?'), or None."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None
