"""The JSON Schemas of the content (content/schema/): loading them, and validators for each kind.

A compiled validator (jsonschema-rs) answers "valid?" for every file in every build; the full
``jsonschema`` validator runs only for an invalid file, to explain it (macros/engine/messages.py words that).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from .load import ITEM_TYPES, LIST_FILES

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "content" / "schema"
"""The JSON Schemas, shared by this validator and the editors' IDEs."""


@lru_cache(maxsize=4)
def schemas_in(schema_dir: Path) -> dict[str, dict]:
    """File name → parsed JSON Schema, for every ``*.schema.json`` in ``schema_dir``; read once (do not change them)."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}


@lru_cache(maxsize=4)
def _fast_validators(schema_dir: Path) -> dict[str, jsonschema_rs.Validator]:
    """Compiled (Rust) validators that only answer "valid or not": a build of valid content never
    needs more, and importing and running ``jsonschema`` took a tenth of the whole build."""
    schemas = schemas_in(schema_dir)
    registry = jsonschema_rs.Registry(list(schemas.items()))
    return {name.removesuffix(".schema.json"): jsonschema_rs.validator_for(s, registry=registry)
            for name, s in schemas.items()}


def passes(kind: str, data, schema_dir: Path) -> bool:
    """True when the data is valid under its schema; False also for values JSON does not have
    (a YAML date), which the full validator then explains."""
    try:
        return _fast_validators(schema_dir)[schema_name(kind)].is_valid(data)
    except ValueError:
        return False


@lru_cache(maxsize=4)
def validators(schema_dir: Path) -> dict:
    """Full validators (``jsonschema``) whose errors become the Dutch messages; imported only when
    some file is invalid."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    schemas = schemas_in(schema_dir)
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
