"""A region's own copy: configuration only, its own content in regio/, edit links, new items."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys

import pytest
import yaml

from sitebuild import ROOT, build, copy_project

from test_site_build import article, read

REGION_TIP = """# yaml-language-server: $schema=../schema/tip.schema.json
id: 17-lokale-werkgeversdag
title: Lokale werkgeversdag
group: aandacht
text: Organiseer één keer per jaar een werkgeversdag in Twente, samen met het Werkplein.
themes: [werkgevers]
source: tips-regionaal-samenwerken
"""


def _configure(project, **toolkit):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = text.replace("site_name: Toolkit regionale samenwerking GGZ en Werk & Inkomen",
                         "site_name: Toolkit GGZ en werk Twente")
    for key, value in toolkit.items():
        marker = f"    {key}:"
        start = lines.index(marker)
        end = lines.index("\n", start)
        lines = lines[:start] + f"    {key}: {value}" + lines[end:]
    config.write_text(lines, encoding="utf-8")


@pytest.fixture(scope="module")
def region_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("regio"))
    national = {p.relative_to(ROOT): p.read_bytes() for p in (ROOT / "content").rglob("*") if p.is_file()}
    _configure(project, region='"Regio Twente"',
               contact='{text: "Vragen over de samenwerking in Twente?", name: "Team Werk en Gezondheid", email: "werk@twente.example"}',
               show_national_contact="false", colors='{primary: "#3a2a6b", accent: "#8a1538"}')
    regio = project / "regio"
    (regio / "tips").mkdir(parents=True)
    (regio / "tips" / "17-lokale-werkgeversdag.yml").write_text(REGION_TIP, encoding="utf-8")
    replaced = (ROOT / "content" / "tips" / "05-casuistiekbesprekingen.yml").read_text(encoding="utf-8")
    (regio / "tips" / "05-casuistiekbesprekingen.yml").write_text(
        replaced.replace("title: Casuïstiekbesprekingen", "title: Casuïstiekbesprekingen in Twente"), encoding="utf-8")
    (regio / "regions.yml").write_text("- id: twente-oost\n  name: Twente-Oost\n"
                                       "  description: Het oosten van de arbeidsmarktregio Twente.\n", encoding="utf-8")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p.relative_to(project): p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == national
    return project, site


def test_region_name_and_contact_come_from_configuration(region_site):
    _, site = region_site
    home = read(site, "")
    assert "<title>Home - Toolkit GGZ en werk Twente</title>" in home
    assert "de versie van <strong>Regio Twente</strong>" in article(home)
    colofon = html.unescape(article(read(site, "bronnen/")))  # Markdown writes e-mail addresses as entities
    assert "Team Werk en Gezondheid" in colofon and "werk@twente.example" in colofon
    assert "Marije Nool" not in colofon  # the national contact is switched off


def test_region_colours_come_from_configuration(region_site):
    _, site = region_site
    css = (site / "assets" / "kleuren.css").read_text(encoding="utf-8")
    assert "--toolkit-primary: #3a2a6b;" in css and "--toolkit-accent: #8a1538;" in css
    assert '<link rel="stylesheet" href="assets/kleuren.css">' in read(site, "")


def test_region_content_is_added_and_replaces_by_name(region_site):
    _, site = region_site
    tips = article(read(site, "tips/"))
    assert 'id="17-lokale-werkgeversdag"' in tips and "Werkplein" in tips
    assert "Casuïstiekbesprekingen in Twente" in tips and ">Casuïstiekbesprekingen<" not in tips
    assert (site / "regios" / "twente-oost" / "index.html").exists()
    assert 'href="../../tips/#17-lokale-werkgeversdag"' in article(read(site, "themas/werkgevers/"))


def test_a_problem_in_region_content_names_its_folder(region_site, tmp_path):
    project, _ = region_site
    bad = project / "regio" / "tips" / "18-kapot.yml"
    bad.write_text(REGION_TIP.replace("17-lokale-werkgeversdag", "18-kapot").replace("group: aandacht", "groep: aandacht"),
                   encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "macros", "check", "--content", str(project / "content"),
                                 "--overlay", str(project / "regio")], capture_output=True, text=True, timeout=120)
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert "regio/tips/18-kapot.yml:4:1: error: onbekend veld 'groep' (bedoelde je 'group'?)" in result.stdout.splitlines()


def test_unreadable_colours_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    _configure(project, colors='{primary: "#7fb3d5"}')
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    line = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index('    colors: {primary: "#7fb3d5"}') + 1
    assert (f"mkdocs.yml:{line}:23: error: extra.toolkit.colors.primary: '#7fb3d5' heeft te weinig contrast met wit "
            "(2.3:1, minimaal 4.5:1); kies een donkerdere kleur") in result.stdout + result.stderr


def test_edit_links_open_the_yaml_file(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "# repo_url: https://git.example.org/ORGANISATIE/toolkit\n# edit_uri: edit/main/docs/",
        "repo_url: https://example.org/toolkit\nedit_uri: edit/main/docs/"), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    scenario = read(site, "scenarios/01-projectleider-aanstellen/")
    assert 'href="https://example.org/toolkit/edit/main/content/scenarios/01-projectleider-aanstellen.yml"' in scenario
    theme = read(site, "themas/privacy/")
    assert 'href="https://example.org/toolkit/edit/main/content/themes.yml"' in theme
    tips = article(read(site, "tips/"))
    assert '<a href="https://example.org/toolkit/edit/main/content/tips/11-privacy-van-clienten.yml">Bewerk dit onderdeel</a>' in tips
    assert 'href="https://example.org/toolkit/edit/main/docs/tips/index.md"' in read(site, "tips/")  # the page itself
    assert 'data-md-component="source"' not in scenario  # no request to the code host's API


# --- toolkit new ----------------------------------------------------------------------------------

def toolkit(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_new_writes_a_valid_numbered_skeleton_and_never_overwrites(tmp_path):
    project = copy_project(tmp_path / "project")
    content = project / "content"
    number = {kind: max(int(p.name[:2]) for p in (content / kind).glob("*.yml")) + 1 for kind in ("tips", "checklists")}
    tip = f"content/tips/{number['tips']:02d}-clienten-echt-betrekken.yml"
    result = toolkit("new", "tip", "Cliënten écht betrekken!", "--content", "content", cwd=project)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(f"Nieuw bestand: {tip}.")
    written = project / tip
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/tip.schema.json\n")
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["title"] == "Cliënten écht betrekken!"
    for kind in ("les", "scenario", "routekaart", "bouwsteen", "checklist"):
        assert toolkit("new", kind, "Nieuw onderdeel", "--content", "content", cwd=project).returncode == 0
    assert (content / "checklists" / f"{number['checklists']:02d}-nieuw-onderdeel.yml").exists()
    check = toolkit("check", "--content", str(content))
    assert check.returncode == 1  # the skeletons' texts are placeholders, which may not reach the site
    assert (f"{tip}:7:7: error: text: dit is nog de voorbeeldtekst van "
            "'toolkit new'; vervang hem door je eigen tekst") in check.stdout.splitlines()
    for new in (content / kind for kind in ("tips", "lessons", "scenarios", "routekaart", "bouwstenen", "checklists")):
        for path in new.glob("*-nieuw-onderdeel.yml"):  # as an editor fills them in
            path.write_text(path.read_text(encoding="utf-8").replace("Schrijf hier", "Tekst over"), encoding="utf-8")
    written.write_text(written.read_text(encoding="utf-8").replace("Schrijf hier", "Tekst over"), encoding="utf-8")
    check = toolkit("check", "--content", str(content))
    assert check.returncode == 0, check.stdout
    before = written.read_bytes()
    again = toolkit("new", "tip", "Cliënten écht betrekken", "--content", "content", cwd=project)
    assert again.returncode == 1
    assert again.stderr.strip() == ("Niets geschreven: er is al een tip 'clienten-echt-betrekken': "
                                    f"{tip}; kies een andere titel.")
    assert written.read_bytes() == before
    assert toolkit("new", "recept", "Iets", "--content", "content", cwd=project).stderr.startswith(
        "Niets geschreven: onbekende soort 'recept'")


# --- mkdocs serve -----------------------------------------------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 90) -> bool:
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_content_or_region_files_change(tmp_path):
    """An editor's preview (the README's command, which rebuilds only changed pages): saving a YAML
    file in content/ or regio/ updates every page that shows it, and search finds each page once."""
    import json
    import os

    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / ".venv").symlink_to(sys.prefix)  # the venv running the tests
    (project / "regio").mkdir()
    port = _free_port()
    server = subprocess.Popen(["bash", "scripts/serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(base + "tips/", "Privacy van cliënten")
        assert "Privacy van cliënten borgen" not in _get(base + "themas/privacy/")
        tip = project / "content" / "tips" / "11-privacy-van-clienten.yml"
        tip.write_text(tip.read_text(encoding="utf-8").replace("title: Privacy van cliënten",
                                                               "title: Privacy van cliënten borgen"), encoding="utf-8")
        assert _wait_for(base + "tips/", "Privacy van cliënten borgen")
        for page in ("themas/privacy/", "themas/casuistiek/", "scenarios/05-verbinding-via-casuistiek/"):
            assert "Privacy van cliënten borgen" in _get(base + page), page  # pages that list or link the tip
        search = json.loads(_get(base + "search/search_index.json"))["docs"]
        locations = [doc["location"] for doc in search]
        assert len(locations) == len(set(locations))
        assert any("Privacy van cliënten borgen" in doc["title"] for doc in search if doc["location"].startswith("tips/"))
        (project / "regio" / "tips").mkdir()
        (project / "regio" / "tips" / "17-lokale-werkgeversdag.yml").write_text(REGION_TIP, encoding="utf-8")
        assert _wait_for(base + "tips/", "Lokale werkgeversdag")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str) -> str:
    import urllib.request

    return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")


def test_region_copy_is_served_by_the_shipped_nginx_with_all_headers(region_site, browser, tmp_path):
    """The whole path of a new region: its name, contact and one local tip, built, headers made,
    served through deploy/nginx.conf: headers pass and the pages load without a CSP violation."""
    from test_deploy import _assert_security_headers, _open, running_nginx

    project, site = region_site
    with running_nginx(site, project / "mkdocs.yml", tmp_path) as nginx:
        status, headers, body = nginx.get("/tips/")
        assert status == 200 and "Lokale werkgeversdag" in body.decode("utf-8")
        _assert_security_headers(headers, nginx.csp)
        status, headers, _ = nginx.get("/.well-known/security.txt")
        assert status == 200
        _assert_security_headers(headers, nginx.csp)
        context = browser.new_context()
        context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                                "e => window.__csp.push(e.violatedDirective));")
        try:
            for path in ("", "tips/", "bronnen/", "regios/twente-oost/"):
                page, response, problems = _open(context, f"http://127.0.0.1:{nginx.http}/{path}")
                assert response.status == 200 and page.evaluate("window.__csp") == [] and problems == [], path
                page.close()
        finally:
            context.close()
