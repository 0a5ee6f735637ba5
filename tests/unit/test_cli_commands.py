"""Each `toolkit` command in-process (macros.cli.main) on a tiny project in tmp_path: what it prints and writes
when it succeeds. tests/test_cli.py has the failures and the success of `check` and of `new --content regio`."""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path

import pytest

import macros
import macros.site.entry
import macros.publish.pdf
from macros import cli

from .conftest import read_yaml, write_yaml


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- toolkit check ------------------------------------------------------------------------------------------

def test_check_report_lists_what_an_editor_may_finish(content, capsys):
    themes = read_yaml(content / "content" / "themes.yml")
    write_yaml(content / "content" / "themes.yml", themes + [{"id": "leeg", "title": "Leeg", "description": "Niets."}])
    status, out, err = run(capsys, "check", "--report")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert "content/routekaart/01-voorbeeld.yml:22:23: note: sections[0].body[2].example.text: link 'Achterhoek' " \
           "heeft nog geen adres" in lines
    assert "content/themes.yml:10:7: note: thema 'leeg' wordt nog door geen enkel onderdeel gebruikt" in lines
    assert lines[-2:] == ["1 link zonder adres.", "Inhoud in orde: 6 onderdelen, 4 thema's, 2 regio's, 2 begrippen."]


def test_check_on_github_annotates_each_problem(content, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    tip = content / "content" / "tips" / "01-voorbeeld.yml"
    tip.write_text(tip.read_text(encoding="utf-8").replace("group: belangrijk", "group: 100%"), encoding="utf-8")
    assert run(capsys, "check") == (1, (
        "content/tips/01-voorbeeld.yml:4:8: error: group: '100%' is geen geldige waarde; kies uit: belangrijk, aandacht\n"
        "::error file=content/tips/01-voorbeeld.yml,line=4,col=8::group: '100%25' is geen geldige waarde; kies uit: "
        "belangrijk, aandacht\n"), "1 probleem gevonden.\n")


def test_check_also_checks_the_settings(content, capsys):
    (content / "mkdocs.yml").write_text("site_name: x\nextra:\n  toolkit:\n    colors:\n      primary: '#ffff00'\n",
                                        encoding="utf-8")
    assert run(capsys, "check") == (1, (
        "mkdocs.yml:5:16: error: extra.toolkit.colors.primary: '#ffff00' heeft te weinig contrast met wit "
        "(1.1:1, minimaal 4.5:1); kies een donkerdere kleur\n"), "1 probleem gevonden.\n")


# --- toolkit new ---------------------------------------------------------------------------------------------

def test_new_writes_a_skeleton_that_check_explains_until_it_is_filled_in(content, capsys):
    assert run(capsys, "new", "les", "Cliënten écht betrekken!") == (0, (
        "Nieuw bestand: content/lessons/02-clienten-echt-betrekken.yml. Vul de teksten en thema's in en draai "
        "'toolkit check'.\n"), "")
    path = content / "content" / "lessons" / "02-clienten-echt-betrekken.yml"
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/lesson.schema.json\n"
        "# Nieuw bestand, gemaakt met 'toolkit new'. Vervang de voorbeeldteksten en kies de thema's;\n"
        "# 'toolkit check' controleert het bestand.\n"
        "id: 02-clienten-echt-betrekken\n"
        "title: Cliënten écht betrekken!\n"
        "points:\n- Schrijf hier het eerste punt van de les.\n"
        "themes:\n- projectleiderschap\n"
        "source: voorbeeldbron\n")
    assert run(capsys, "check") == (1, (
        "content/lessons/02-clienten-echt-betrekken.yml:7:3: error: points[0]: dit is nog de voorbeeldtekst van "
        "'toolkit new'; vervang hem door je eigen tekst\n"), "1 probleem gevonden.\n")


def test_new_checklist_names_its_title_in_the_intro_and_has_no_source(content, capsys):
    assert run(capsys, "new", "checklist", 'Start "project"')[0] == 0
    data = read_yaml(content / "content" / "checklists" / "02-start-project.yml")
    assert data == {"id": "02-start-project", "title": 'Start "project"',
                    "intro": "Schrijf hier waarvoor en wanneer je de checklist 'Start \"project\"' gebruikt.",
                    "items": [{"text": "Schrijf hier het eerste punt om af te vinken."}],
                    "themes": ["projectleiderschap"]}


# --- toolkit headers ------------------------------------------------------------------------------------------

def test_headers_with_its_own_config_and_nginx_file(project, capsys):
    (project / "instellingen.yml").write_text("site_url: https://toolkit.example.nl/\n", encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert run(capsys, "headers", "site", "--config", "instellingen.yml", "--nginx", "uit/csp.conf") == (0, (
        "Let op: geen security.txt gemaakt; vul extra.toolkit.security.contact in mkdocs.yml in.\n"
        "CSP voor 1 pagina's met 0 inline scripts en 0 inline stijlen (als sha256-hash).\n"
        "  nginx:           uit/csp.conf\n"
        "  andere hosting:  site/_headers\n"), "")
    assert (project / "uit" / "csp.conf").read_text(encoding="utf-8").startswith(
        "# Generated by `toolkit headers` from the built site")


def test_headers_with_a_local_site_url_writes_nothing(project, capsys):
    (project / "mkdocs.yml").write_text("site_url: http://127.0.0.1:8000/\n", encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    status, out, err = run(capsys, "headers", "site")
    assert (status, err) == (1, "Niets geschreven: 1 probleem.\n")
    assert out.startswith("Let op: geen security.txt gemaakt;")
    assert "site_url is http://127.0.0.1:8000/: een adres dat alleen op deze computer werkt." in out
    assert sorted(p.name for p in project.rglob("*")) == ["index.html", "mkdocs.yml", "site"]


# --- toolkit compress -------------------------------------------------------------------------------------------

def test_compress_a_tiny_site(project, capsys):
    site = project / "site"
    (site / "assets").mkdir(parents=True)
    page = "<!doctype html><title>x</title>" + "<p>Samen werken aan werk.</p>" * 400
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "assets" / "toolkit.css").write_text("/* uitleg */\n" + ".a {\n  color : red;\n}\n" * 100, encoding="utf-8")
    assert run(capsys, "compress", "site") == (0, (
        "1 stylesheet verkleind: 2.2 kB wordt 1.3 kB.\n"
        "2 bestanden gecomprimeerd naar .gz: 13 kB wordt 0 kB.\n"), "")
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode() == page


def test_compress_a_site_without_own_stylesheets_says_nothing_about_them(project, capsys):
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>kort</p>", encoding="utf-8")
    assert run(capsys, "compress", "site") == (0, "0 bestanden gecomprimeerd naar .gz: 0 kB wordt 0 kB.\n", "")


# --- toolkit pages ---------------------------------------------------------------------------------------------

@pytest.fixture
def site_project(content, monkeypatch) -> Path:
    """The mini content with a tiny mkdocs.yml and an empty docs/, as a region's checkout before its first build."""
    monkeypatch.setattr(macros.site.entry, "_last_good", None)  # define_env remembers the last good build in this process
    monkeypatch.setattr(macros.site.entry, "_nothing_good", False)
    (content / "mkdocs.yml").write_text("site_name: Toolkit\nplugins:\n  - macros:\n      module_name: macros\n",
                                        encoding="utf-8")
    (content / "macros").symlink_to(Path(macros.__file__).parent, target_is_directory=True)  # as in a checkout
    (content / "docs").mkdir()
    return content


def test_pages_writes_the_generated_pages_without_building(site_project, capsys):
    assert run(capsys, "pages") == (0, f"De pagina's uit de inhoud staan klaar in {site_project / 'docs'}.\n", "")
    docs = site_project / "docs"
    assert (docs / "scenarios" / "01-voorbeeld.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Een voorbeeldscenario"\ngenerated: true\n---\n\n{{ scenario_page("01-voorbeeld") }}\n')
    assert (docs / "themas" / "casuistiek.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Casuïstiek"\ngenerated: true\n---\n\n{{ theme_page("casuistiek") }}\n')
    assert (docs / "tips" / "index.md").read_text(encoding="utf-8").endswith("{{ tips_overview() }}\n")
    assert "--toolkit-primary: #0b4f6c;" in (docs / "assets" / "kleuren.css").read_text(encoding="utf-8")


def test_pages_needs_the_macros_plugin(site_project, capsys):
    (site_project / "mkdocs.yml").write_text("site_name: Toolkit\n", encoding="utf-8")
    assert run(capsys, "pages") == (1, "", "mkdocs.yml: de plugin 'macros' staat niet onder plugins, dus er zijn geen "
                                           "pagina's uit de inhoud te maken.\n")
    assert list((site_project / "docs").iterdir()) == []


def test_pages_stops_on_content_problems_and_writes_nothing(site_project, capsys, caplog):
    tip = site_project / "content" / "tips" / "01-voorbeeld.yml"
    tip.write_text(tip.read_text(encoding="utf-8").replace("group: belangrijk", "groep: belangrijk"), encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs.toolkit"):
        assert run(capsys, "pages") == (1, "", (
            "De inhoud heeft 1 probleem; de site is niet gebouwd en de vorige versie in site/ is niet aangeraakt.\n"))
    assert [r.getMessage() for r in caplog.records] == [
        "content/tips/01-voorbeeld.yml:4:1: error: onbekend veld 'groep' (bedoelde je 'group'?)"]
    assert list((site_project / "docs").iterdir()) == []


# --- toolkit pdf: Chromium replaced by a function that writes the PDF it is asked for --------------------------

@pytest.fixture
def printing(monkeypatch) -> list:
    """What `toolkit pdf` would run, recorded; each 'Chromium' writes a small file where its PDF should go."""
    ran = []

    def fake_run(command, **kwargs):
        ran.append(command)
        target = next((arg.split("=", 1)[1] for arg in command if arg.startswith("--print-to-pdf=")), command[-1])
        Path(target).write_bytes(b"%PDF-1.4 " + command[-1].encode())

    monkeypatch.setenv("TOOLKIT_CHROMIUM", "chromium")
    monkeypatch.setattr(macros.publish.pdf.subprocess, "run", fake_run)
    return ran


def built_checklists(site: Path, *pages: str) -> None:
    for page in pages:
        (site / page).mkdir(parents=True)
        (site / page / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")


def test_pdf_prints_each_checklist_and_the_page_with_all(project, capsys, printing):
    built_checklists(project / "site", "checklists/01-a", "checklists/02-b", "checklists/alle")
    assert run(capsys, "pdf", "site") == (0, "3 PDF's geschreven naar site/checklists/pdf.\n", "")
    assert sorted(p.name for p in (project / "site" / "checklists" / "pdf").iterdir()) == [
        "01-a.pdf", "02-b.pdf", "alle-checklists.pdf"]
    urls = sorted(re.sub(r"^http://127\.0\.0\.1:\d+/", "", command[-1]) for command in printing)
    assert urls == ["checklists/01-a/", "checklists/02-b/", "checklists/alle/"]


def test_pdf_joins_the_parts_of_the_page_with_all_checklists(project, capsys, printing, monkeypatch):
    monkeypatch.setattr(macros.publish.pdf.shutil, "which", lambda name: "/usr/bin/" + name)
    built_checklists(project / "site", "checklists/01-a", "checklists/alle", "checklists/alle/pagina/2",
                     "checklists/alle/pagina/10")
    assert run(capsys, "pdf", "site") == (0, "2 PDF's geschreven naar site/checklists/pdf.\n", "")
    join = next(command for command in printing if command[0] == "/usr/bin/pdfunite")
    assert [Path(part).name for part in join[1:-1]] == [
        "alle-checklists-0.pdf", "alle-checklists-1.pdf", "alle-checklists-2.pdf"]
    assert join[-1] == str(Path("site") / "checklists" / "pdf" / "alle-checklists.pdf")


def test_pdf_without_pdfunite_for_a_page_with_all_in_parts(project, capsys, printing, monkeypatch):
    monkeypatch.setattr(macros.publish.pdf.shutil, "which", lambda name: None)
    built_checklists(project / "site", "checklists/01-a", "checklists/alle", "checklists/alle/pagina/2")
    assert run(capsys, "pdf", "site") == (1, "", (
        "Geen PDF's geschreven: pdfunite niet gevonden: nodig om de delen van de pagina met alle checklists samen te "
        "voegen; installeer het (Debian: apt-get install poppler-utils).\n"))
    assert printing == []


# --- toolkit --help ----------------------------------------------------------------------------------------------

def test_help_names_every_command_in_dutch(project, capsys):
    status, out, err = run(capsys, "--help")
    assert (status, err) == (0, "")
    assert out.startswith("gebruik: toolkit [-h] commando ...\n\nWerk met de inhoud van de toolkit.\n")
    for command in ("check", "headers", "compress", "new", "pdf", "pages", "cms", "outputs"):
        assert re.search(rf"^    {command} +\S", out, re.M), command


def test_outputs_writes_feed_and_open_data_into_a_site_another_tool_built(site_project, capsys):
    (site_project / "site").mkdir()
    (site_project / "site" / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    assert run(capsys, "outputs") == (0, "Feed, open data en editor staan in site.\n", "")
    assert (site_project / "site" / "feed.xml").read_text(encoding="utf-8").startswith("<?xml")
    tips = json.loads((site_project / "site" / "data" / "tips.json").read_text(encoding="utf-8"))
    assert "01-voorbeeld" in json.dumps(tips)


def test_outputs_needs_a_built_site(site_project, capsys):
    assert run(capsys, "outputs") == (1, "", "Geen gebouwde site in site; bouw eerst de site.\n")
