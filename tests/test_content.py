"""The real content: it validates, it is complete, and it is cross-linked the way the site needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sitebuild import ROOT

from macros.engine import CONTENT_DIR, check
from macros.engine.load import ITEM_TYPES
from macros.engine.schemas import SCHEMA_DIR, schema_name


@pytest.fixture(scope="module")
def index():
    index, problems = check()
    assert problems == [], "\n".join(map(str, problems))
    return index


def toolkit(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_check_passes_on_the_real_content():
    result = toolkit("check")
    assert result.returncode == 0, result.stdout
    count = sum(len(items) for items in index_of_real_content().items.values())
    assert result.stdout.startswith(f"Inhoud in orde: {count} onderdelen, ")


def index_of_real_content():
    index, _ = check()
    return index


def test_every_source_document_is_there(index):
    """The five source documents each feed their part of the toolkit (the rule, not how many items)."""
    assert {source["section"] for source in index.sources.values()} == {
        "tips", "scenarios", "lessons", "routekaart", "bouwstenen"}
    assert all(index.items[kind] for kind in ("tips", "scenarios", "lessons", "routekaart", "bouwstenen"))


def test_unused_themes_regions_and_unlisted_action_points_are_notes(tmp_path):
    """Nothing refers to a new theme or region yet, or no checklist uses new action points yet: the site
    shows that as it is, and `toolkit check --report` names the place (a note, not an error)."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    with open(content / "themes.yml", "a", encoding="utf-8") as themes:
        themes.write("- id: nieuw-thema\n  title: Nieuw thema\n  description: Nog zonder inhoud.\n")
    checklist = content / "checklists" / "21-aanmeldprocedure.yml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace(
        "- from: routekaart/04-spreiding-en-uitbreiding-clienten#kijk-kritisch-naar-de-aanmeldprocedure",
        "- text: Een eigen punt."), encoding="utf-8")
    index, problems = check(content)
    assert problems == []
    notes = [str(note) for note in index.notes]
    line = (content / "themes.yml").read_text(encoding="utf-8").splitlines().index("- id: nieuw-thema") + 1
    assert f"content/themes.yml:{line}:7: note: thema 'nieuw-thema' wordt nog door geen enkel onderdeel gebruikt" in notes
    assert any(note.startswith("content/routekaart/04-spreiding-en-uitbreiding-clienten.yml:") and
               note.endswith(": note: sections[0].body: de actiepunten van 'routekaart/04-spreiding-en-uitbreiding-"
                             "clienten#kijk-kritisch-naar-de-aanmeldprocedure' staan nog in geen checklist; maak er een "
                             "met 'toolkit new checklist'") for note in notes), notes


def test_action_points_are_separate_items(index):
    chapter = index.items["routekaart"]["04-spreiding-en-uitbreiding-clienten"]
    body = chapter.sections["kijk-kritisch-naar-de-aanmeldprocedure"].data["body"]
    steps = next(block["actions"] for block in body if "actions" in block)
    assert steps.get("ordered") is True and len(steps["items"]) == 7


def test_related_links_work_both_ways(index):
    some_ref, targets = next(iter(index.related.items()))
    for target in targets:
        assert some_ref in index.related[target]


def test_content_files_name_their_schema():
    """The first line lets VS Code (yaml-language-server) offer completion and checks while editing."""
    wrong = []
    for folder in ITEM_TYPES:
        for path in (CONTENT_DIR / folder).glob("*.yml"):
            expected = f"# yaml-language-server: $schema=../schema/{schema_name(folder)}.schema.json"
            if path.read_text(encoding="utf-8").splitlines()[0] != expected:
                wrong.append(path.name)
    for stem in ("themes", "regions", "sources", "glossary"):
        first = (CONTENT_DIR / f"{stem}.yml").read_text(encoding="utf-8").splitlines()[0]
        if first != f"# yaml-language-server: $schema=schema/{stem}.schema.json":
            wrong.append(f"{stem}.yml")
    assert wrong == []


def _fields_without_description(node, path="") -> list[str]:
    missing = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            if "description" not in prop:
                missing.append(f"{path}.{name}")
        for key, value in node.items():
            if key == "if":  # a condition on a field's value, not a field definition
                continue
            missing += _fields_without_description(value, f"{path}.{key}" if key != "properties" else path)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            missing += _fields_without_description(value, f"{path}[{i}]")
    return missing


@pytest.mark.parametrize("schema", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_schema_describes_every_field_in_dutch(schema):
    data = json.loads((SCHEMA_DIR / schema).read_text(encoding="utf-8"))
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert _fields_without_description(data) == []


def test_report_lists_links_without_address():
    result = toolkit("check", "--report")
    assert result.returncode == 0
    assert ("content/sources.yml:70:25: note: [3].intro: link 'convenant verhalen' heeft nog geen adres"
            in result.stdout.splitlines())
    assert all("(#)" not in line for line in result.stdout.splitlines())


def test_problems_become_github_annotations(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    tip = content / "tips" / "02-borgen-continuiteit.yml"
    tip.write_text(tip.read_text(encoding="utf-8").replace("group: aandacht", "group: soms"), encoding="utf-8")
    result = toolkit("check", "--content", str(content), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    plain = [l for l in lines if l.startswith("content/tips/02-borgen-continuiteit.yml:")]
    assert len(plain) == 1 and ": error: group: 'soms' is geen geldige waarde" in plain[0]
    line = plain[0].split(":")[1]
    assert f"::error file=content/tips/02-borgen-continuiteit.yml,line={line},col=8::group: 'soms' is geen geldige waarde; kies uit: belangrijk, aandacht" in lines
