"""The table of content kinds (macros/engine/kinds.py) is the one place a kind is described: the schemas and
the static files agree with it, and a new kind is one entry plus its schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from sitebuild import ROOT, build, copy_project, remove_generated

from macros.engine.kinds import KINDS, ref_pattern

SCHEMAS = ROOT / "content" / "schema"


def test_the_schemas_reference_patterns_are_the_tables():
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    checklist = json.loads((SCHEMAS / "checklist.schema.json").read_text(encoding="utf-8"))
    hidden = json.loads((SCHEMAS / "hidden.schema.json").read_text(encoding="utf-8"))
    assert common["$defs"]["related"]["items"]["pattern"] == ref_pattern()
    assert checklist["properties"]["items"]["items"]["properties"]["from"]["pattern"] == ref_pattern()
    assert hidden["items"]["pattern"] == ref_pattern(with_anchor=False, kinds=KINDS)


def test_every_kind_has_its_schema():
    assert [kind.schema for kind in KINDS if not (SCHEMAS / f"{kind.schema}.schema.json").is_file()] == []


def test_generated_pages_of_each_kind_are_ignored_by_git_and_left_out_of_the_nav():
    """Pages written per item (macros/site/pages.py) are not the editors' files and not in the menu."""
    gitignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    not_in_nav = mkdocs.split("not_in_nav: |", 1)[1].split("\n\n", 1)[0].split()
    for kind in KINDS:
        if kind.own_pages:
            assert f"/docs/{kind.folder}/*.md" in gitignore, kind.folder
            assert f"/{kind.folder}/*.md" in not_in_nav, kind.folder


NEW_KIND = '''    Kind("praktijkvoorbeelden", "praktijkvoorbeeld", "Praktijkvoorbeeld", "Praktijkvoorbeelden",
         "praktijkvoorbeelden/index.md", 20, ("praktijkvoorbeeld", "praktijkvoorbeelden"),
         {"text": f"{PLACEHOLDER} het voorbeeld uit de praktijk."}),
'''

NEW_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "praktijkvoorbeeld.schema.json",
    "title": "Praktijkvoorbeeld",
    "description": "Een voorbeeld uit de praktijk van de regio.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "text", "themes", "source"],
    "properties": {
        "id": {"$ref": "common.schema.json#/$defs/numbered_id", "description": "Gelijk aan de bestandsnaam."},
        "title": {"$ref": "common.schema.json#/$defs/plain", "description": "Titel."},
        "text": {"$ref": "common.schema.json#/$defs/markdown", "description": "Het voorbeeld."},
        "themes": {"$ref": "common.schema.json#/$defs/themes", "description": "Thema's."},
        "related": {"$ref": "common.schema.json#/$defs/related", "description": "Verwante onderdelen."},
        "source": {"$ref": "common.schema.json#/$defs/source", "description": "Het brondocument."},
    },
}


def test_a_new_kind_is_one_table_entry_plus_its_schema(tmp_path):
    """A region's 'praktijkvoorbeelden': with one entry in macros/engine/kinds.py and its schema, `toolkit new`
    makes one, and the site has its overview page, links from its theme's page and search entries."""
    project = copy_project(tmp_path / "project")
    kinds = project / "macros" / "engine" / "kinds.py"
    text = kinds.read_text(encoding="utf-8")
    end = '\n)\n"""Every kind, in the order theme pages list them."""'
    assert end in text
    kinds.write_text(text.replace(end, "\n" + NEW_KIND.rstrip("\n") + end, 1), encoding="utf-8")
    (project / "content" / "schema" / "praktijkvoorbeeld.schema.json").write_text(json.dumps(NEW_SCHEMA, indent=2),
                                                                                  encoding="utf-8")
    new = subprocess.run([sys.executable, "-m", "macros", "new", "praktijkvoorbeeld", "Werkgeversontbijt in de regio"],
                         cwd=project, capture_output=True, text=True, timeout=120)
    assert new.returncode == 0, new.stderr
    written = project / "content" / "praktijkvoorbeelden" / "01-werkgeversontbijt-in-de-regio.yml"
    assert new.stdout.startswith("Nieuw bestand: content/praktijkvoorbeelden/01-werkgeversontbijt-in-de-regio.yml.")
    written.write_text(written.read_text(encoding="utf-8").replace(
        "Schrijf hier het voorbeeld uit de praktijk.", "Elke maand ontbijten werkgevers met de jobcoaches."),
        encoding="utf-8")
    theme = re.search(r"^- (\S+)$", written.read_text(encoding="utf-8"), re.M).group(1)
    remove_generated(project)
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    overview = (site / "praktijkvoorbeelden" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="01-werkgeversontbijt-in-de-regio">Werkgeversontbijt in de regio' in overview
    assert "Elke maand ontbijten werkgevers met de jobcoaches." in overview
    theme_page = (site / "themas" / theme / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="praktijkvoorbeelden">Praktijkvoorbeelden', theme_page)
    assert 'href="../../praktijkvoorbeelden/#01-werkgeversontbijt-in-de-regio"' in theme_page
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "praktijkvoorbeelden/#01-werkgeversontbijt-in-de-regio" in [doc["location"] for doc in search["docs"]]


def test_the_reference_message_names_the_referable_kinds():
    """A rule's message lives in the schema next to the rule (x-message); the one for references lists
    exactly the kinds that can be referenced."""
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    message = common["$defs"]["related"]["items"]["x-message"]
    named = re.search(r"met soort (.*)$", message).group(1).replace(" of ", ", ").split(", ")
    assert named == [kind.folder for kind in KINDS if kind.referable]
