"""The first line of a content file tells the editor's IDE which JSON Schema it follows. A file copied from content/
into regio/ keeps a line that points nowhere from its new folder; the check says which line to write instead."""

from __future__ import annotations

import shutil

import pytest

from sitebuild import ROOT

from macros.engine.load import discover, load, shown_path
from macros.engine.validate import SCHEMA_DIR, schema_line

MINI = ROOT / "tests" / "fixtures" / "mini-content"


def notes(root, *layers, schema_dir=SCHEMA_DIR) -> list[str]:
    found = []
    for layer in layers:
        for kind, path in discover(layer):
            doc, _ = load(path, shown_path(path, root), layer=layer.name)
            found += [str(note) for note in schema_line(kind, doc, schema_dir)]
    return found


@pytest.fixture
def project(tmp_path):
    """A copy of the small test content with its schemas, and an empty regio/ next to it."""
    shutil.copytree(MINI, tmp_path / "content")
    shutil.copytree(SCHEMA_DIR, tmp_path / "content" / "schema")
    (tmp_path / "regio" / "tips").mkdir(parents=True)
    return tmp_path


def test_the_toolkits_own_content_names_schemas_that_exist():
    assert notes(ROOT, ROOT / "content", *[p for p in [ROOT / "regio"] if p.is_dir()]) == []


def test_a_tip_copied_into_regio_is_told_which_schema_line_to_write(project):
    shutil.copy(project / "content" / "tips" / "01-voorbeeld.yml", project / "regio" / "tips" / "02-eigen.yml")
    assert notes(project, project / "content", project / "regio", schema_dir=project / "content" / "schema") == [
        "regio/tips/02-eigen.yml:1:33: note: de schemaregel (../schema/tip.schema.json) wijst naar een schema dat "
        "vanaf deze map niet bestaat, dus je editor helpt niet bij dit bestand; schrijf op de eerste regel: "
        "# yaml-language-server: $schema=../../content/schema/tip.schema.json"]


def test_the_line_it_suggests_is_accepted(project):
    copied = (project / "content" / "tips" / "01-voorbeeld.yml").read_text(encoding="utf-8")
    (project / "regio" / "tips" / "02-eigen.yml").write_text(
        copied.replace("$schema=../schema/", "$schema=../../content/schema/", 1), encoding="utf-8")
    assert notes(project, project / "regio", schema_dir=project / "content" / "schema") == []


def test_a_list_file_copied_into_regio_and_a_wrong_kind_of_schema(project):
    shutil.copy(project / "content" / "themes.yml", project / "regio" / "themes.yml")
    tip = (project / "content" / "tips" / "01-voorbeeld.yml").read_text(encoding="utf-8")
    (project / "content" / "tips" / "01-voorbeeld.yml").write_text(
        tip.replace("tip.schema.json", "lesson.schema.json", 1), encoding="utf-8")
    assert notes(project, project / "content", project / "regio", schema_dir=project / "content" / "schema") == [
        "content/tips/01-voorbeeld.yml:1:33: note: de schemaregel (../schema/lesson.schema.json) wijst naar het "
        "schema van een ander soort bestand, niet naar tip.schema.json, dus je editor helpt niet bij dit bestand; "
        "schrijf op de eerste regel: # yaml-language-server: $schema=../schema/tip.schema.json",
        "regio/themes.yml:1:33: note: de schemaregel (schema/themes.schema.json) wijst naar een schema dat vanaf "
        "deze map niet bestaat, dus je editor helpt niet bij dit bestand; schrijf op de eerste regel: "
        "# yaml-language-server: $schema=../content/schema/themes.schema.json"]


def test_check_report_names_the_schema_line_of_a_copied_file(tmp_path, monkeypatch, capsys):
    """A tip copied from content/tips/ into regio/tips/: `toolkit check --report` gives the line to write."""
    import shutil

    from macros.cli import main

    from sitebuild import ROOT

    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "regio" / "tips").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "tips" / "05-casuistiekbesprekingen.yml", tmp_path / "regio" / "tips")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--report"]) == 0
    assert ("regio/tips/05-casuistiekbesprekingen.yml:1:33: note: de schemaregel (../schema/tip.schema.json) wijst naar "
            "een schema dat vanaf deze map niet bestaat, dus je editor helpt niet bij dit bestand; schrijf op de eerste "
            "regel: # yaml-language-server: $schema=../../content/schema/tip.schema.json") in capsys.readouterr().out.splitlines()
