"""macros/site/cms.py: the editor's configuration is the content model, field for field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from macros import cli
from macros.engine.kinds import KINDS
from macros.engine.load import LIST_FILES
from macros.engine.schemas import SCHEMA_DIR
from macros.publish import headers
from macros.site import cms

from .conftest import MINI

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}


def properties(node: dict, file: str):
    """Every (name, property) pair of a schema, nested ones included, with $refs followed once each."""
    seen = set()

    def walk(node, file):
        node, file = cms._resolve(node, SCHEMAS, file)
        for name, prop in (node.get("properties") or {}).items():
            yield name, prop
            key = (file, json.dumps(prop, sort_keys=True))
            if key not in seen:
                seen.add(key)
                yield from walk(prop, file)
        for key in ("items",):
            if isinstance(node.get(key), dict) and (file, json.dumps(node[key], sort_keys=True)) not in seen:
                seen.add((file, json.dumps(node[key], sort_keys=True)))
                yield from walk(node[key], file)
        for variant in node.get("anyOf") or []:
            yield from walk(variant, file)
    yield from walk(node, file)


def test_every_field_of_every_schema_has_a_dutch_label_for_the_editor():
    missing = [f"{file}: {name}" for file, schema in SCHEMAS.items() for name, prop in properties(schema, file)
               if not prop.get("title")]
    assert missing == []


def agree(fields: list[dict], node: dict, file: str, where: str, in_block: bool = False) -> list[str]:
    """Where the form and the schema disagree: names, labels, required, patterns, enums, nesting. Inside a text
    block (one kind each) every field is optional: Decap would check the kinds the editor left empty too."""
    node, file = cms._resolve(node, SCHEMAS, file)
    variants = [cms._resolve(v, SCHEMAS, file) for v in node.get("anyOf") or []]
    node, file = next(((v, f) for v, f in variants if v.get("type") == "object"), (node, file))
    props = node.get("properties", {})
    problems = []
    if [f["name"] for f in fields] != list(props):
        return [f"{where}: velden {[f['name'] for f in fields]} != schema {list(props)}"]
    for field in fields:
        prop = props[field["name"]]
        target, target_file = cms._resolve(prop, SCHEMAS, file)
        path = f"{where}.{field['name']}"
        if field["label"] != prop["title"]:
            problems.append(f"{path}: label")
        block = in_block or node.get("maxProperties") == 1
        required = field["name"] in node.get("required", []) and not block
        if field["required"] != required:
            problems.append(f"{path}: required {field['required']} != {required}")
        if "enum" in target and field.get("options") != target["enum"]:
            problems.append(f"{path}: enum")
        if target.get("pattern", "\\S") != "\\S" and field.get("widget") != "select" \
                and field.get("pattern", [None])[0] != target["pattern"]:  # a select offers only valid ids
            problems.append(f"{path}: pattern")
        if field.get("widget") == "object":
            problems += agree(field["fields"], target, target_file, path, block)
        elif field.get("widget") == "list" and "fields" in field:
            problems += agree(field["fields"], target["items"], target_file, path, block)
        elif field.get("widget") == "hidden" and path.count(".sections") <= cms.NESTING:
            problems.append(f"{path}: niet te bewerken")
        if target.get("type") == "array" and target.get("minItems") and field.get("widget") != "hidden" \
                and field.get("min") != target["minItems"]:
            problems.append(f"{path}: min {field.get('min')} != {target['minItems']}")
    return problems


def test_the_editor_offers_every_field_of_every_kind_with_the_schemas_rules(mini):
    config = cms.config(mini, {}, "content")
    assert [c["name"] for c in config["collections"]] == [kind.folder for kind in KINDS]
    for collection, kind in zip(config["collections"], KINDS):
        assert collection["folder"] == f"content/{kind.folder}"
        assert (collection["label"], collection["label_singular"]) == (kind.plural, kind.singular)
        schema = SCHEMAS[f"{kind.schema}.schema.json"]
        assert agree(collection["fields"], schema, f"{kind.schema}.schema.json", kind.folder) == []


def test_the_lists_are_files_the_editor_edits_entry_by_entry(mini):
    stems = tuple(LIST_FILES)
    lists = cms.config(mini, {}, "regio", list_files=stems)["collections"][-1]
    assert (lists["name"], lists["label"]) == ("lijsten", "Lijsten")
    for entry, stem in zip(lists["files"], stems, strict=True):
        schema = SCHEMAS[f"{LIST_FILES[stem]}.schema.json"]
        assert (entry["file"], entry["label"]) == (f"regio/{stem}.yml", schema["title"])
        [field] = entry["fields"]
        assert (field["name"], field["widget"], field["required"]) == (cms.LIST_KEY, "list", True)
        if "fields" in field:
            assert agree(field["fields"], schema["items"], f"{LIST_FILES[stem]}.schema.json", stem) == []
    script = (Path(cms.ASSETS) / "toolkit.js").read_text(encoding="utf-8")
    assert f'const LIST_KEY = "{cms.LIST_KEY}";' in script


def test_fields_that_name_other_content_offer_exactly_what_exists(mini):
    tips = {f["name"]: f for f in cms.config(mini, {}, "content")["collections"][0]["fields"]}
    assert [o["value"] for o in tips["themes"]["options"]] == list(mini.themes)
    assert tips["themes"]["multiple"] is True and tips["themes"]["min"] == 1
    assert [o["value"] for o in tips["source"]["options"]] == list(mini.sources)
    refs = [o["value"] for o in tips["related"]["options"]]
    expected = [item.ref for kind in KINDS if kind.referable for item in mini.items[kind.folder].values()]
    assert [ref for ref in refs if "#" not in ref] == expected
    assert all(mini.lookup(ref) for ref in refs)  # every section offered exists too


def test_a_new_item_gets_the_next_free_number_as_toolkit_new_does(mini):
    for collection in cms.config(mini, {}, "content")["collections"]:
        numbers = [int(i[:2]) for i in mini.items[collection["name"]]]
        ids = {f["name"]: f for f in collection["fields"]}["id"]
        assert ids["default"] == f"{max(numbers, default=0) + 1:02d}-"
        assert collection["slug"] == "{{id}}" and collection["extension"] == "yml"


def test_markdown_fields_get_the_text_editor_and_the_dutch_ui():
    config = cms.config(index_of(), {}, "content")
    assert config["locale"] == "nl"
    tips = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert tips["text"]["widget"] == "markdown" and tips["title"]["widget"] == "string"
    assert tips["group"] == {"name": "group", "label": "Groep", "required": True, "widget": "select",
                             "options": ["belangrijk", "aandacht"], "hint": SCHEMAS["tip.schema.json"]["properties"]
                             ["group"]["description"]}


def index_of():
    from macros.engine import load_index
    return load_index(MINI)


@pytest.mark.parametrize("editor, backend, mode", [
    ({}, {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}, "simple"),
    ({"backend": "github", "repo": "regio/toolkit", "base_url": "https://login.example.nl"},
     {"name": "github", "repo": "regio/toolkit", "branch": "main", "base_url": "https://login.example.nl"},
     "editorial_workflow"),
    ({"backend": "gitlab", "repo": "regio/toolkit", "branch": "inhoud", "base_url": "https://gitlab.example.nl",
      "api_root": "https://gitlab.example.nl/api/v4", "app_id": "abc"},
     {"name": "gitlab", "repo": "regio/toolkit", "branch": "inhoud", "base_url": "https://gitlab.example.nl",
      "api_root": "https://gitlab.example.nl/api/v4", "app_id": "abc", "auth_type": "pkce"}, "editorial_workflow"),
    ({"backend": "gitea", "repo": "regio/toolkit", "api_root": "https://code.example.nl/api/v1", "app_id": "x"},
     {"name": "gitea", "repo": "regio/toolkit", "branch": "main", "api_root": "https://code.example.nl/api/v1",
      "app_id": "x"}, "simple"),
])
def test_a_region_chooses_its_git_host_with_settings_only(mini, editor, backend, mode):
    config = cms.config(mini, editor, "regio")
    assert (config["backend"], config["publish_mode"]) == (backend, mode)
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert config["collections"][0]["folder"] == "regio/tips"


def test_only_admin_may_run_code_from_strings_and_talk_to_the_git_host():
    admin = headers.admin_policy({"backend": "gitlab", "repo": "r/t", "base_url": "https://gitlab.example.nl",
                                  "api_root": "https://gitlab.example.nl/api/v4"})
    assert "script-src 'self' 'unsafe-eval'" in admin
    assert "connect-src 'self' blob: https://gitlab.example.nl http://127.0.0.1:8081" in admin
    assert "unsafe-eval" not in headers.policy(headers.Inline())
    github = headers.admin_policy({"backend": "github", "repo": "r/t"})
    assert "connect-src 'self' blob: https://api.github.com http://127.0.0.1:8081" in github


def test_toolkit_cms_writes_the_config_the_build_writes(content, capsys):
    (content / "mkdocs.yml").write_text("site_name: T\nextra:\n  toolkit:\n    editor:\n      backend: github\n"
                                        "      repo: regio/toolkit\n", encoding="utf-8")
    assert cli.main(["cms"]) == 0
    assert capsys.readouterr() == ("De instellingen van de editor staan in site/admin/config.yml.\n", "")
    written = yaml.safe_load((content / "site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert written["backend"] == {"name": "github", "repo": "regio/toolkit", "branch": "main"}
    assert [c.get("folder") for c in written["collections"]] == [f"content/{kind.folder}" for kind in KINDS] + [None]
    lists = [stem for stem in LIST_FILES if (content / "content" / f"{stem}.yml").is_file()]
    assert [f["file"] for f in written["collections"][-1]["files"]] == [f"content/{stem}.yml" for stem in lists]


def test_toolkit_cms_names_a_wrong_editor_setting_at_its_line(content, capsys):
    (content / "mkdocs.yml").write_text("site_name: T\nextra:\n  toolkit:\n    editor:\n      backend: bitbucket\n",
                                        encoding="utf-8")
    assert cli.main(["cms"]) == 1
    assert capsys.readouterr().err == (
        "mkdocs.yml:5:7: error: extra.toolkit.editor: de editor heeft ook repo nodig: de repository als "
        "'organisatie/naam'\n"
        "mkdocs.yml:5:16: error: extra.toolkit.editor.backend: 'bitbucket' kent de editor niet; kies uit github, "
        "gitlab, gitea, forgejo\nNiets geschreven: de instellingen kloppen niet.\n")
    assert not (content / "site").exists()


def test_every_list_point_form_is_known_to_the_editors_format():
    """admin/toolkit.js reads and writes list points by the fields of a list: they must be the schema's."""
    script = (Path(cms.ASSETS) / "toolkit.js").read_text(encoding="utf-8")
    fields = list(SCHEMAS["common.schema.json"]["$defs"]["list"]["properties"])
    assert f"const LIST = {json.dumps(fields)};" in script


def test_a_file_as_the_editor_writes_it_passes_toolkit_check(content, capsys):
    """Decap drops comments (the yaml-language-server line) and writes its own quoting: nothing depends on either."""
    tip = content / "content" / "tips" / "01-voorbeeld.yml"
    text = tip.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:")
    data = yaml.safe_load(text)
    tip.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style='"'), encoding="utf-8")
    assert cli.main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("Inhoud in orde:")
