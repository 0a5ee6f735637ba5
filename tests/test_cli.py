"""The `toolkit` command, in-process: every failure is one Dutch message on stderr and exit status 1 (2 for
wrong usage), never a traceback; every default path is relative to the folder the command runs in."""

from __future__ import annotations

import errno
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import cli
from macros.engine.problems import ContentError, Problem
from macros.engine.validate import SCHEMA_DIR
from sitebuild import ROOT

MINI = ROOT / "tests" / "fixtures" / "mini-content"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def content(project) -> Path:
    """A project folder with the small valid content of the tests (content/, with its schemas) and regio/ with only
    its README, as in a fresh checkout."""
    shutil.copytree(MINI, project / "content")
    shutil.copytree(SCHEMA_DIR, project / "content" / "schema")
    (project / "regio").mkdir()
    (project / "regio" / "README.md").write_text("# Eigen inhoud van de regio\n", encoding="utf-8")
    return project


@pytest.fixture
def checklist_site(project) -> Path:
    page = project / "site" / "checklists" / "01-x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<!doctype html><title>x</title><p>x</p>", encoding="utf-8")
    return project / "site"


def fake_chromium(folder: Path, script: str) -> Path:
    path = folder / "chromium"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)
    return path


# --- toolkit check ------------------------------------------------------------------------------------------

def test_check_reads_content_and_regio_in_the_working_directory(content, capsys):
    assert run(capsys, "check") == (0, "Inhoud in orde: 6 onderdelen, 3 thema's, 2 regio's, 2 begrippen.\n", "")


def test_check_without_the_content_folder(project, capsys):
    assert run(capsys, "check", "--content", "bestaat-niet") == (1, "", (
        "Map met inhoud niet gevonden: bestaat-niet. Draai 'toolkit check' in de map van de toolkit, of geef de map "
        "met --content.\n"))


def test_check_in_a_folder_without_content(project, capsys):
    assert run(capsys, "check") == (1, "", (
        "Map met inhoud niet gevonden: content. Draai 'toolkit check' in de map van de toolkit, of geef de map "
        "met --content.\n"))


def test_check_with_a_missing_overlay_named_on_purpose(content, capsys):
    assert run(capsys, "check", "--overlay", "elders") == (
        1, "", "Map met eigen inhoud van de regio niet gevonden: elders.\n")


def test_check_prints_the_problems_and_says_how_many_on_stderr(content, capsys):
    tip = content / "content" / "tips" / "01-voorbeeld.yml"
    tip.write_text(tip.read_text(encoding="utf-8").replace("group: belangrijk", "groep: belangrijk"), encoding="utf-8")
    status, out, err = run(capsys, "check")
    assert status == 1
    assert out == "content/tips/01-voorbeeld.yml:4:1: error: onbekend veld 'groep' (bedoelde je 'group'?)\n"
    assert err == "1 probleem gevonden.\n"


def test_check_report_into_a_closed_pipe_says_nothing(content, capsys, monkeypatch):
    class Closed:
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def fileno(self):
            raise OSError("no file descriptor")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["check", "--report"]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("reader", ["head -1", "true"])
def test_check_report_piped_into_head_ends_without_a_traceback(reader):
    """`true` reads nothing and exits at once, so the pipe is certainly closed before the report is written."""
    command = f"{shlex.quote(sys.executable)} -m macros check --report | {reader}"
    result = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == (1 if reader == "head -1" else 0)


# --- toolkit new ---------------------------------------------------------------------------------------------

def test_new_tip_for_a_region_goes_into_regio_tips_with_the_next_national_number(content, capsys):
    """A region adds its own tips in regio/tips/ (regio/README.md): the folder is made, the number follows
    content/tips/ so the tip is added rather than replacing a national one, and theme and source exist."""
    status, out, err = run(capsys, "new", "tip", "Titel", "--content", "regio")
    assert (status, err) == (0, "")
    assert out == "Nieuw bestand: regio/tips/02-titel.yml. Vul de teksten en thema's in en draai 'toolkit check'.\n"
    text = (content / "regio" / "tips" / "02-titel.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../content/schema/tip.schema.json\n")
    assert "themes:\n- projectleiderschap\n" in text and "source: voorbeeldbron\n" in text
    assert run(capsys, "check")[0] == 1  # until the editor replaces the placeholder text
    fill_in(content / "regio" / "tips" / "02-titel.yml")
    assert run(capsys, "check") == (0, "Inhoud in orde: 7 onderdelen, 3 thema's, 2 regio's, 2 begrippen.\n", "")


def fill_in(path):
    """What an editor does after 'toolkit new': replace the placeholder texts with their own."""
    path.write_text(path.read_text(encoding="utf-8").replace("Schrijf hier", "Onze tekst over"), encoding="utf-8")


def test_new_tip_for_a_region_makes_regio_when_it_is_not_there(content, capsys):
    shutil.rmtree(content / "regio")
    assert run(capsys, "new", "tip", "Titel", "--content", "regio")[:2] == (
        0, "Nieuw bestand: regio/tips/02-titel.yml. Vul de teksten en thema's in en draai 'toolkit check'.\n")
    fill_in(content / "regio" / "tips" / "02-titel.yml")
    assert run(capsys, "check")[0] == 0


def test_new_refuses_a_name_the_national_content_has(content, capsys):
    assert run(capsys, "new", "tip", "Voorbeeld", "--content", "regio") == (1, "", (
        "Niets geschreven: er is al een tip 'voorbeeld': content/tips/01-voorbeeld.yml; kies een andere titel.\n"))


def test_new_in_a_folder_without_content(project, capsys):
    assert run(capsys, "new", "tip", "Titel") == (1, "", (
        "Niets geschreven: map met inhoud niet gevonden: content; draai 'toolkit new' in de map van de toolkit, "
        "of geef de map met --content.\n"))
    assert list(project.iterdir()) == []


def test_new_with_an_unknown_kind_is_wrong_usage(content, capsys):
    assert run(capsys, "new", "onbekend", "x") == (2, "", (
        "Niets geschreven: onbekende soort 'onbekend'; kies uit: tip, les, scenario, routekaart, bouwsteen, "
        "checklist.\n"))


def test_new_with_a_title_without_letters_is_wrong_usage(content, capsys):
    assert run(capsys, "new", "tip", "!!!") == (2, "", (
        "Niets geschreven: van de titel '!!!' is geen bestandsnaam te maken; gebruik letters of cijfers.\n"))


def test_new_with_an_unreadable_list_file(content, capsys):
    (content / "content" / "themes.yml").write_text("- id: [\n", encoding="utf-8")
    assert run(capsys, "new", "tip", "Titel") == (1, "", (
        "Niets geschreven: content/themes.yml is niet te lezen; draai 'toolkit check' voor de fout.\n"))


# --- toolkit pdf ---------------------------------------------------------------------------------------------

def test_pdf_without_a_built_site(project, capsys):
    assert run(capsys, "pdf", "bestaat-niet") == (
        1, "", "Geen gebouwde site met checklists in bestaat-niet; bouw eerst met 'mkdocs build'.\n")


def test_pdf_without_chromium(checklist_site, capsys, monkeypatch):
    monkeypatch.delenv("TOOLKIT_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(checklist_site))  # no browser there
    assert run(capsys, "pdf", "site") == (1, "", (
        "Chromium niet gevonden; installeer het (Debian: apt-get install chromium) of zet TOOLKIT_CHROMIUM.\n"))


def test_pdf_when_chromium_fails(checklist_site, capsys, monkeypatch):
    chromium = fake_chromium(checklist_site.parent, "echo 'iets ging mis' >&2\nexit 3\n")
    monkeypatch.setenv("TOOLKIT_CHROMIUM", str(chromium))
    assert run(capsys, "pdf", "site") == (1, "", (
        "Fout bij het maken van de PDF's: Chromium stopte met foutcode 3 bij checklists/01-x/: iets ging mis\n"))


def test_pdf_when_chromium_writes_no_pdf(checklist_site, capsys, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CHROMIUM", str(fake_chromium(checklist_site.parent, "exit 0\n")))
    assert run(capsys, "pdf", "site") == (
        1, "", "Fout bij het maken van de PDF's: Chromium schreef geen PDF bij checklists/01-x/.\n")


def test_pdf_when_chromium_does_not_start(checklist_site, capsys, monkeypatch):
    missing = checklist_site.parent / "geen-chromium"
    monkeypatch.setenv("TOOLKIT_CHROMIUM", str(missing))
    assert run(capsys, "pdf", "site") == (
        1, "", f"Fout bij het maken van de PDF's: Chromium start niet: {missing}: bestaat niet.\n")


def test_pdf_when_chromium_hangs(checklist_site, capsys, monkeypatch):
    import macros.publish.pdf

    def hang(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setenv("TOOLKIT_CHROMIUM", "chromium")
    monkeypatch.setattr(macros.publish.pdf.subprocess, "run", hang)
    assert run(capsys, "pdf", "site") == (
        1, "", "Fout bij het maken van de PDF's: Chromium was na 120 seconden nog niet klaar bij checklists/01-x/.\n")


# --- toolkit headers, compress, pages ------------------------------------------------------------------------

def test_headers_reads_the_mkdocs_yml_of_the_working_directory(project, capsys):
    """Run in another checkout, `toolkit headers site` uses that checkout's settings and writes its csp.conf,
    not those of the folder the package was installed from."""
    national = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n      contact: []" in national
    config = re.sub(r"(?m)^site_name: .*$", "site_name: Toolkit Regio Elders", national, count=1)
    config = re.sub(r"(?m)^site_url: .*$", "site_url: https://toolkit.elders.example/", config, count=1)
    config = config.replace("\n      contact: []", "\n      contact: mailto:beveiliging@elders.example", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<!doctype html><title>x</title><script>var x=1;</script>")
    real_csp = ROOT / "deploy" / "generated" / "csp.conf"
    before = real_csp.stat().st_mtime_ns if real_csp.exists() else None

    status, out, err = run(capsys, "headers", "site")

    assert (status, err) == (0, "")
    assert "  nginx:           deploy/generated/csp.conf\n" in out
    assert (project / "deploy" / "generated" / "csp.conf").is_file()
    txt = (project / "site" / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Contact: mailto:beveiliging@elders.example\n" in txt
    assert "Canonical: https://toolkit.elders.example/.well-known/security.txt\n" in txt
    assert (real_csp.stat().st_mtime_ns if real_csp.exists() else None) == before


def test_headers_reads_the_region_file_when_there_is_one(project, capsys):
    """A region keeps its settings in mkdocs.regio.yml, which INHERITs the national mkdocs.yml: `toolkit headers
    site` uses the two together, without --config."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "mkdocs.regio.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_url: https://toolkit.elders.example/\n"
        "extra:\n  toolkit:\n    security:\n      contact: mailto:beveiliging@elders.example\n", encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<!doctype html><title>x</title><p>x</p>")

    status, out, err = run(capsys, "headers", "site")

    assert (status, err) == (0, "")
    txt = (project / "site" / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Contact: mailto:beveiliging@elders.example\n" in txt
    assert "Preferred-Languages: nl, en\n" in txt  # from the national mkdocs.yml
    assert "Canonical: https://toolkit.elders.example/.well-known/security.txt\n" in txt


def test_headers_without_mkdocs_yml(project, capsys):
    assert run(capsys, "headers", "site") == (1, "", (
        "mkdocs.yml niet gevonden. Draai 'toolkit headers' in de map van de site, of geef het bestand met "
        "--config.\n"))


@pytest.mark.parametrize("config, message", [
    ("site_name: x\nextra: [\n", "mkdocs.yml is geen geldige YAML (regel 3, kolom 1)."),
    ("- site_name\n", "mkdocs.yml bevat geen instellingen: verwacht een regel 'naam: waarde' per instelling."),
    ("extra: [toolkit]\n", "mkdocs.yml: extra moet instellingen bevatten ('naam: waarde'), geen lijst."),
    ("extra:\n  toolkit:\n    security: ja\n",
     "mkdocs.yml: extra.toolkit.security moet instellingen bevatten ('naam: waarde'), geen losse waarde."),
    ("extra:\n  toolkit:\n    security:\n      contact: [1]\n",
     "mkdocs.yml: extra.toolkit.security.contact moet een adres of een lijst met adressen zijn."),
    ("site_url: [x]\n", "mkdocs.yml: site_url moet een adres zijn, zoals https://toolkit.example.nl/."),
    ("INHERIT: elders.yml\n", "mkdocs.yml: het bestand achter INHERIT bestaat niet."),
])
def test_headers_with_an_invalid_mkdocs_yml(project, capsys, config, message):
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert run(capsys, "headers", "site") == (1, "", message + "\n")
    assert not (project / "deploy").exists()


def test_headers_on_a_site_that_is_not_utf8(project, capsys):
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_bytes(b"<p>caf\xe9</p>")
    assert run(capsys, "headers", "site") == (1, "", (
        "site/index.html: geen UTF-8-tekst; is dit een gebouwde site? Niets geschreven.\n"))


def test_compress_on_a_folder_that_is_not_a_site(project, capsys):
    (project / "leeg").mkdir()
    assert run(capsys, "compress", "leeg") == (1, "", "Geen gebouwde site in leeg; bouw eerst met 'mkdocs build'.\n")


def test_pages_without_mkdocs_yml(project, capsys):
    assert run(capsys, "pages") == (1, "", (
        "mkdocs.yml niet gevonden. Draai 'toolkit pages' in de map van de site, of geef het bestand met --config.\n"))


def test_pages_with_a_config_mkdocs_refuses(project, capsys):
    (project / "mkdocs.yml").write_text("extra: {}\n", encoding="utf-8")  # no site_name
    assert run(capsys, "pages") == (
        1, "", "mkdocs.yml: de instellingen kloppen niet (zie hierboven); niets geschreven.\n")


# --- wrong usage ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    ([], "gebruik: toolkit [-h] commando ...\ntoolkit: ontbreekt: commando. Zie 'toolkit --help'.\n"),
    (["bouw"], "gebruik: toolkit [-h] commando ...\ntoolkit: onbekend commando 'bouw'; kies uit: check, headers, "
               "compress, new, pdf, cms, outputs, pages. Zie 'toolkit --help'.\n"),
    (["check", "--bogus"], "gebruik: toolkit check [-h] [--content MAP] [--overlay MAP] [--report]\n"
                          "                       [--config BESTAND]\n"
                           "toolkit check: niet herkend: --bogus. Zie 'toolkit check --help'.\n"),
    (["check", "--content"], "gebruik: toolkit check [-h] [--content MAP] [--overlay MAP] [--report]\n"
                          "                       [--config BESTAND]\n"
                             "toolkit check: --content heeft een waarde nodig. Zie 'toolkit check --help'.\n"),
    (["new", "tip"], "gebruik: toolkit new [-h] [--content MAP] soort titel\n"
                     "toolkit new: ontbreekt: titel. Zie 'toolkit new --help'.\n"),
    (["pdf"], "gebruik: toolkit pdf [-h] site\ntoolkit pdf: ontbreekt: site. Zie 'toolkit pdf --help'.\n"),
])
def test_wrong_usage_exits_with_2_and_says_so_in_dutch(project, capsys, args, message):
    assert run(capsys, *args) == (2, "", message)


def test_help_is_dutch_and_exits_with_0(project, capsys):
    status, out, err = run(capsys, "new", "--help")
    assert (status, err) == (0, "")
    assert out.startswith("gebruik: toolkit new [-h] [--content MAP] soort titel\n")
    assert "argumenten:\n  soort          tip, les, scenario, routekaart, bouwsteen of checklist\n" in out
    assert "  -h, --help     toon deze uitleg en stop\n" in out


# --- what no command can prevent ------------------------------------------------------------------------------

@pytest.mark.parametrize("error, message", [
    (KeyboardInterrupt(), "Afgebroken."),
    (PermissionError(errno.EACCES, "Permission denied", "content/tips"),
     "Kan content/tips niet lezen of schrijven: geen toestemming."),
    (OSError(errno.ENOSPC, "No space left on device"), "Fout bij lezen of schrijven: de schijf is vol."),
    (ContentError([Problem("content/tips/01-x.yml", 3, 1, "kapot")]),
     "content/tips/01-x.yml:3:1: error: kapot\nDe inhoud heeft 1 probleem."),
    (ValueError("iets"), "Onverwachte fout in toolkit (ValueError: iets). Draai het commando opnieuw met "
                         "TOOLKIT_DEBUG=1 ervoor voor de details, en meld de fout bij de beheerders van de toolkit."),
])
def test_any_other_failure_is_one_dutch_message(project, capsys, monkeypatch, error, message):
    def fail(*args):
        raise error

    monkeypatch.setattr(cli, "run_check", fail)
    assert run(capsys, "check") == (1, "", message + "\n")


def test_toolkit_debug_shows_the_traceback_of_an_unexpected_error(project, monkeypatch):
    def fail(*args):
        raise ValueError("iets")

    monkeypatch.setattr(cli, "run_check", fail)
    monkeypatch.setenv("TOOLKIT_DEBUG", "1")
    with pytest.raises(ValueError, match="iets"):
        cli.main(["check"])


# --- scripts (issue item 9) -------------------------------------------------------------------------------------

STRICT, QUIET = {"--strict", "-s"}, {"--quiet", "-q"}


def strict_and_quiet(line: str) -> bool:
    """An mkdocs or zensical command line with both --strict and --quiet: MkDocs counts only the warnings it
    prints, so --quiet lets a --strict build pass with warnings."""
    words = line.split()
    builder = any(Path(word).name in ("mkdocs", "zensical") for word in words)
    flags = set(words) | {f"-{c}" for word in words if re.fullmatch(r"-[a-z]{2,}", word) for c in word[1:]}
    return builder and bool(flags & STRICT) and bool(flags & QUIET)


def test_the_check_for_strict_and_quiet_finds_them():
    assert strict_and_quiet("NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --config-file x.yml")
    assert strict_and_quiet(".venv/bin/python -m mkdocs build -sq")
    assert strict_and_quiet("zensical build --strict -q")
    assert not strict_and_quiet(".venv/bin/mkdocs build --strict --config-file x.yml")
    assert not strict_and_quiet(".venv/bin/python -m pip install --quiet -r requirements.lock")


def test_no_script_builds_strict_and_quiet():
    files = [*sorted((ROOT / "scripts").iterdir()), ROOT / ".ci" / "run",
             *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\\\n", " ")  # continued lines are one command
        found += [f"{path.relative_to(ROOT)}: {line.strip()}" for line in text.splitlines() if strict_and_quiet(line)]
    assert found == []
