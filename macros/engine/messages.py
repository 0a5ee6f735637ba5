"""The Dutch messages for what the JSON Schemas refuse: each names the field path and what was expected.

The tests pin these texts (tests/test_bad_content.py). A rule whose message is its own carries it in
the schema as ``x-message`` (with ``{value}`` for the value found), next to the rule it explains.
"""

from __future__ import annotations

import datetime
import difflib
import json

from .load import Document
from .problems import Problem, field_path

_TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "velden (naam: waarde)",
    "boolean": "true of false",
    "integer": "een getal",
    "number": "een getal",
    "null": "niets",
}


def translate(error, doc: Document) -> list[Problem]:
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
    if kind in ("minLength", "pattern") and error.schema.get("x-message"):  # the rule's own message, in the schema
        return error.schema["x-message"].format(value=value)
    if kind == "pattern":
        return f"'{value}' heeft niet de vorm die hier nodig is ({expected})"
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
            problems.extend(translate(sub, doc))
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
