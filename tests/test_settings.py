"""The options under extra.toolkit in mkdocs.yml: each mistake gets its own Dutch message naming the
option, at its line and column, from `toolkit check` and from the build alike."""

from __future__ import annotations

import shutil

import pytest

from sitebuild import ROOT, build, copy_project

from macros.site.config import option_problems

BLOCK = """\
site_name: Toolkit
extra:
  toolkit:
{options}
"""


def problems(tmp_path, options: str) -> list[str]:
    (tmp_path / "content").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(BLOCK.format(options=options), encoding="utf-8")
    return [str(p) for p in option_problems(config)]


def test_the_real_settings_are_fine():
    assert option_problems(ROOT / "mkdocs.yml") == []


@pytest.mark.parametrize("options, expected", [
    ("    contact:\n      phone: 0201234567",
     'mkdocs.yml:5:14: error: extra.toolkit.contact.phone: verwacht tekst, maar YAML leest 0201234567 als een getal; '
     'zet de waarde tussen aanhalingstekens: "0201234567"'),
    ("    colors:\n      primary: #0b4f6c",
     'mkdocs.yml:5:15: error: extra.toolkit.colors.primary: YAML leest alles na # als opmerking, dus hier staat niets; '
     'zet de waarde tussen aanhalingstekens: "#0b4f6c"'),
    ('    colors: {accent: "#cccccc"}',
     "mkdocs.yml:4:22: error: extra.toolkit.colors.accent: '#cccccc' heeft te weinig contrast met wit (1.6:1, "
     "minimaal 4.5:1); kies een donkerdere kleur"),
    ('    colors: {link: "blauw"}',
     "mkdocs.yml:4:20: error: extra.toolkit.colors.link: 'blauw' is geen kleur; schrijf zes hexadecimale cijfers, "
     'zoals "#0a5a7d" (tussen aanhalingstekens)'),
    ('    colors: {paars: "#3a2a6b"}',
     "mkdocs.yml:4:14: error: extra.toolkit.colors.paars: onbekend veld; mogelijk zijn primary, accent, link"),
    ("    kleuren: {}",
     "mkdocs.yml:4:5: error: extra.toolkit.kleuren: onbekend veld; mogelijk zijn content, overlay, region, contact, "
     "national_contact, show_national_contact, colors, security, license, editor"),
    ("    editor: {backend: bitbucket, repo: regio/toolkit}",
     "mkdocs.yml:4:23: error: extra.toolkit.editor.backend: 'bitbucket' kent de editor niet; kies uit github, gitlab, "
     "gitea, forgejo"),
    ("    region: 2024",
     'mkdocs.yml:4:13: error: extra.toolkit.region: verwacht tekst, maar YAML leest 2024 als een getal; zet de waarde '
     'tussen aanhalingstekens: "2024"'),
    ("    show_national_contact: misschien",
     "mkdocs.yml:4:28: error: extra.toolkit.show_national_contact: verwacht true of false, maar hier staat tekst"),
    ("    national_contact:\n      email: marije.nool",
     "mkdocs.yml:5:14: error: extra.toolkit.national_contact.email: 'marije.nool' is geen e-mailadres"),
    ("    contact: Bel ons",
     "mkdocs.yml:4:14: error: extra.toolkit.contact: verwacht een blok met de velden text, name, phone, email, maar "
     "hier staat tekst"),
    ("    security:\n      contact: security@example.org",
     "mkdocs.yml:5:16: error: extra.toolkit.security.contact: 'security@example.org' is geen adres; begin met "
     "mailto:, https:// of tel:"),
    ("    security:\n      expires: nooit",
     "mkdocs.yml:5:16: error: extra.toolkit.security.expires: verwacht een aantal dagen (zoals 180) of een datum "
     "(JJJJ-MM-DD), maar hier staat tekst"),
    ("    content: inhoud",
     "mkdocs.yml:4:14: error: extra.toolkit.content: de map 'inhoud' bestaat niet"),
])
def test_each_option_has_its_own_message(tmp_path, options, expected):
    assert problems(tmp_path, options) == [expected]


def test_good_values_of_every_option_pass(tmp_path):
    assert problems(tmp_path, """\
    content: content
    overlay: regio
    region: "Regio Twente"
    contact: {text: "Vragen?", name: Team, phone: "020 123 4567", email: team@example.org}
    national_contact: {}
    show_national_contact: false
    colors: {primary: "#3a2a6b", accent: "#8a1538", link: "#0a5a7d"}
    security:
      contact: [mailto:security@example.org, "https://example.org/melden"]
      expires: 2027-01-31
      preferred_languages: nl, en""") == []


def test_the_build_stops_on_a_setting_yaml_misread(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    contact: {}", "    contact:\n      phone: 0201234567", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert ("extra.toolkit.contact.phone: verwacht tekst, maar YAML leest 0201234567 als een getal; zet de waarde "
            'tussen aanhalingstekens: "0201234567"') in result.stdout + result.stderr


def test_toolkit_check_reports_the_settings_too(tmp_path, monkeypatch, capsys):
    from macros.cli import main

    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text(BLOCK.format(options="    colors:\n      primary: #0b4f6c"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ['mkdocs.yml:5:15: error: extra.toolkit.colors.primary: YAML leest alles na # als '
                                'opmerking, dus hier staat niets; zet de waarde tussen aanhalingstekens: "#0b4f6c"']
    assert err.strip() == "1 probleem gevonden."


def test_a_region_file_is_checked_with_the_file_it_inherits(tmp_path):
    """mkdocs.regio.yml INHERITs mkdocs.yml: each problem is reported in the file where its value stands, and a
    national value the region replaces is not the region's problem."""
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(BLOCK.format(options=(
        "    colors:\n      primary: #0b4f6c\n    national_contact:\n      phone: 0201234567")), encoding="utf-8")
    region = tmp_path / "mkdocs.regio.yml"
    region.write_text('INHERIT: mkdocs.yml\nextra:\n  toolkit:\n    region: 2024\n    colors:\n'
                      '      primary: "#3a2a6b"\n', encoding="utf-8")
    assert [str(p) for p in option_problems(region)] == [
        'mkdocs.regio.yml:4:13: error: extra.toolkit.region: verwacht tekst, maar YAML leest 2024 als een getal; '
        'zet de waarde tussen aanhalingstekens: "2024"',
        'mkdocs.yml:7:14: error: extra.toolkit.national_contact.phone: verwacht tekst, maar YAML leest 0201234567 '
        'als een getal; zet de waarde tussen aanhalingstekens: "0201234567"',
    ]


@pytest.mark.parametrize("inherit, expected", [
    ("mkdocs.yml", []),
    ("landelijk.yml", ["mkdocs.regio.yml:1:10: error: INHERIT: het bestand 'landelijk.yml' bestaat niet"]),
    ("mkdocs.regio.yml", ["mkdocs.regio.yml:1:10: error: INHERIT: 'mkdocs.regio.yml' verwijst (via via) terug "
                          "naar dit bestand"]),
    ("[mkdocs.yml]", ["mkdocs.regio.yml:1:10: error: INHERIT: verwacht de naam van een bestand, zoals mkdocs.yml"]),
])
def test_what_a_region_file_inherits_must_be_a_file(tmp_path, inherit, expected):
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(BLOCK.format(options="    region: Landelijk"), encoding="utf-8")
    region = tmp_path / "mkdocs.regio.yml"
    region.write_text(f"INHERIT: {inherit}\nsite_name: Toolkit Regio Twente\n", encoding="utf-8")
    assert [str(p) for p in option_problems(region)] == expected


def test_the_file_a_region_inherits_must_be_valid_yaml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra: [\n", encoding="utf-8")
    region = tmp_path / "mkdocs.regio.yml"
    region.write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    assert [str(p) for p in option_problems(region)] == [
        "mkdocs.yml:3:1: error: mkdocs.yml is geen geldige YAML: expected the node content, but found '<stream end>'"]


def test_toolkit_check_reads_the_region_file_when_there_is_one(tmp_path, monkeypatch, capsys):
    from macros.cli import main

    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text(BLOCK.format(options="    region: \"\""), encoding="utf-8")
    (tmp_path / "mkdocs.regio.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  toolkit:\n    colors:\n"
                                               "      primary: #0b4f6c\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ['mkdocs.regio.yml:5:15: error: extra.toolkit.colors.primary: YAML leest alles na # '
                                'als opmerking, dus hier staat niets; zet de waarde tussen aanhalingstekens: '
                                '"#0b4f6c"']
    assert err.strip() == "1 probleem gevonden."


def test_the_build_names_the_region_file_of_a_misread_setting(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.regio.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  toolkit:\n    contact:\n"
                                              "      phone: 0531234567\n", encoding="utf-8")
    result = build(project, tmp_path / "site")  # with mkdocs.regio.yml, as the scripts build a region's site
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert ('mkdocs.regio.yml:5:14: error: extra.toolkit.contact.phone: verwacht tekst, maar YAML leest 0531234567 '
            'als een getal; zet de waarde tussen aanhalingstekens: "0531234567"') in result.stdout + result.stderr
