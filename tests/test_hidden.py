"""A region hides national items with regio/hidden.yml: they disappear from the whole site, references
to them are dropped (and named by `toolkit check --report`), and `toolkit check` tells the region when a
national file it hides or replaces has changed since."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from sitebuild import ROOT, build, copy_project, remove_generated

from macros.engine import check
from macros.engine.upstream import notices

HIDDEN = ["tips/05-casuistiekbesprekingen", "lessons/06-casuistiekbijeenkomsten",
          "routekaart/06-voorbij-een-project-erbij", "checklists/10-tien-lessen"]


def hide(project, refs) -> None:
    (project / "regio").mkdir(exist_ok=True)
    (project / "regio" / "hidden.yml").write_text(
        "# yaml-language-server: $schema=../content/schema/hidden.schema.json\n"
        "# Landelijke onderdelen die deze regio niet toont.\n" + "".join(f"- {ref}\n" for ref in refs), encoding="utf-8")


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hidden") / "project")
    hide(project, HIDDEN)
    remove_generated(project)
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def test_an_unknown_id_is_an_error_with_its_line(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    hide(tmp_path, ["tips/05-casuistiekbesprekingen", "tips/05-casuistiekbespreking"])
    _, problems = check(tmp_path / "content", overlay=tmp_path / "regio")
    assert [str(p) for p in problems] == [
        "regio/hidden.yml:4:3: error: [1]: 'tips/05-casuistiekbespreking' bestaat niet; verberg een onderdeel met zijn "
        "map en bestandsnaam zonder .yml (bedoelde je 'tips/05-casuistiekbesprekingen'?)"]


def test_hidden_items_are_nowhere_on_the_site(hidden_site):
    """Not their pages, not in lists, theme and region pages, search, the sitemap, or the checklists."""
    _, site = hidden_site
    ids = [ref.split("/")[1] for ref in HIDDEN]
    found = [f"{path.relative_to(site)}: {item_id}" for path in site.rglob("*")
             if path.suffix in (".html", ".json", ".xml") for item_id in ids
             if item_id in path.read_text(encoding="utf-8")
             and not path.relative_to(site).as_posix().startswith("data/schema/")]  # examples in the field docs
    assert (site / "data" / "tips.json").is_file()  # the open data is searched too
    assert found == []
    assert not (site / "routekaart" / "06-voorbij-een-project-erbij").exists()
    assert not (site / "checklists" / "10-tien-lessen").exists()


def test_what_referred_to_a_hidden_item_keeps_the_rest(hidden_site):
    """Checklist 07 drew points from the hidden tip: it keeps its other points; a chapter that named the hidden
    chapter under 'Zie ook' keeps its other links."""
    _, site = hidden_site
    checklist = (site / "checklists" / "07-casuistiekbespreking" / "index.html").read_text(encoding="utf-8")
    assert "Succesfactoren van casuïstiekbesprekingen" in checklist
    assert "Alle aanwezigen met minstens één casus" not in checklist
    scan = (site / "borgingsscan" / "index.html").read_text(encoding="utf-8")
    assert "Voorbij" not in re.sub(r"<[^>]+>", "", scan)


def test_report_names_every_dropped_reference(hidden_site):
    project, _ = hidden_site
    index, problems = check(project / "content", overlay=project / "regio")
    assert problems == []
    dropped = [str(note) for note in index.notes if "valt weg" in note.message]
    assert any(note.startswith("content/scenarios/05-verbinding-via-casuistiek.yml:") and
               "verwijzing naar 'tips/05-casuistiekbesprekingen' valt weg: de regio verbergt "
               "tips/05-casuistiekbesprekingen (regio/hidden.yml)" in note for note in dropped), dropped


def git(project, *args, date="2026-01-01T12:00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True, text=True)


def test_check_tells_the_region_what_changed_nationally(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    hide(project, ["lessons/06-casuistiekbijeenkomsten"])
    replaced = project / "regio" / "tips" / "05-casuistiekbesprekingen.yml"
    replaced.parent.mkdir(parents=True)
    shutil.copy(project / "content" / "tips" / "05-casuistiekbesprekingen.yml", replaced)
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.name=Regio", "-c", "user.email=regio@example.org", "add", "-A")
    git(project, "-c", "user.name=Regio", "-c", "user.email=regio@example.org", "commit", "-q", "-m", "regio")
    index, _ = check(project / "content", overlay=project / "regio")
    assert notices(index, project / "content", project / "regio") == []
    for rel in ("tips/05-casuistiekbesprekingen.yml", "lessons/06-casuistiekbijeenkomsten.yml", "tips/01-projectleiderschap.yml"):
        path = project / "content" / rel
        path.write_text(path.read_text(encoding="utf-8") + "# landelijk bijgewerkt\n", encoding="utf-8")
    git(project, "-c", "user.name=Land", "-c", "user.email=land@example.org", "commit", "-q", "-am", "landelijk",
        date="2026-03-02T12:00:00")
    index, _ = check(project / "content", overlay=project / "regio")
    assert [str(n) for n in notices(index, project / "content", project / "regio")] == [
        "content/tips/05-casuistiekbesprekingen.yml:1:1: notice: landelijk gewijzigd op 02-03-2026, na de laatste "
        "wijziging van regio/tips/05-casuistiekbesprekingen.yml, dat dit bestand vervangt; kijk of je de wijziging "
        "wilt overnemen",
        "content/lessons/06-casuistiekbijeenkomsten.yml:1:1: notice: landelijk gewijzigd op 02-03-2026, na de laatste "
        "wijziging van regio/hidden.yml, dat dit bestand verbergt; kijk of je de wijziging wilt overnemen"]


def test_no_notices_without_git(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    hide(tmp_path, ["lessons/06-casuistiekbijeenkomsten"])
    index, _ = check(tmp_path / "content", overlay=tmp_path / "regio")
    assert notices(index, tmp_path / "content", tmp_path / "regio") == []


def test_toolkit_check_prints_the_notices_and_passes(tmp_path, monkeypatch, capsys):
    from macros.cli import main

    test_check_tells_the_region_what_changed_nationally(tmp_path)
    monkeypatch.chdir(tmp_path / "project")
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("content/tips/05-casuistiekbesprekingen.yml:1:1: notice: landelijk gewijzigd op 02-03-2026")
    assert out[1].startswith("content/lessons/06-casuistiekbijeenkomsten.yml:1:1: notice: landelijk gewijzigd op 02-03-2026")
    assert out[-1].startswith("Inhoud in orde: ")
