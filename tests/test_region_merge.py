"""A region's copy takes in national updates with `git pull` without a merge conflict: the region's settings are in
mkdocs.regio.yml (which INHERITs mkdocs.yml) and its content in regio/, files the national project never touches.
After the merge the region's settings, replacements and hidden items still win, and the national changes come
through."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from sitebuild import ROOT, build, copy_project, remove_generated

from test_site_build import article, read

REGION_CONFIG = """\
# De instellingen van Regio Twente; de rest komt uit mkdocs.yml.
INHERIT: mkdocs.yml
site_name: Toolkit GGZ en werk Twente
extra:
  toolkit:
    region: Regio Twente
    contact:
      name: Team Werk en Gezondheid
      phone: "053 123 4567"
    colors: {primary: "#3a2a6b", accent: "#8a1538"}
"""

NATIONAL_NAME = "Toolkit GGZ en Werk & Inkomen (nieuwe naam)"
NATIONAL_PHONE = "030 765 4321"


def git(repo, *args: str) -> subprocess.CompletedProcess:
    """git in the test repository only: no user or system settings, no network."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def commit(repo, message: str) -> None:
    for step in (["add", "--all"], ["commit", "--quiet", "-m", message]):
        result = git(repo, *step)
        assert result.returncode == 0, result.stdout + result.stderr


def toolkit(repo, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "macros", *args], cwd=repo, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def new_tip(repo, title: str, text: str, *options: str):
    """A tip made as an editor makes one (`toolkit new`), with its text filled in; returns its file."""
    match = re.search(r"Nieuw bestand: (\S+\.yml)\.", toolkit(repo, "new", "tip", title, *options))
    path = repo / match.group(1)
    path.write_text(path.read_text(encoding="utf-8").replace("text: Schrijf hier de tip in één of twee zinnen.",
                                                             f"text: {text}"), encoding="utf-8")
    return path


def set_text(path, text: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["text"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def change(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """A region's checkout (git) that took in a national update: (repo, the region's tips, the national tips)."""
    repo = copy_project(tmp_path_factory.mktemp("merge") / "toolkit")
    shutil.copytree(ROOT / "regio", repo / "regio")
    shutil.copy2(ROOT / ".gitignore", repo / ".gitignore")
    remove_generated(repo)  # as in a fresh clone: pages a build writes are not in git
    assert git(repo, "init", "--quiet", "--initial-branch", "main").returncode == 0
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    commit(repo, "Landelijke toolkit")
    tips = sorted((repo / "content" / "tips").glob("*.yml"))
    replaced, edited, hidden = tips[0], tips[1], tips[2]

    # The region: its settings, a tip of its own, and its version of a national tip.
    assert git(repo, "switch", "--quiet", "-c", "regio").returncode == 0
    (repo / "mkdocs.regio.yml").write_text(REGION_CONFIG, encoding="utf-8")
    own = new_tip(repo, "Lokale werkgeversdag", "Organiseer elk jaar een werkgeversdag in Twente, met het Werkplein.",
                  "--content", "regio")
    (repo / "regio" / "tips" / replaced.name).write_text(replaced.read_text(encoding="utf-8"), encoding="utf-8")
    set_text(repo / "regio" / "tips" / replaced.name, "In Twente bespreken we casussen elke maand met alle partners.")
    (repo / "regio" / "hidden.yml").write_text(f"- tips/{hidden.stem}\n", encoding="utf-8")
    commit(repo, "Regio Twente")

    # The national project, meanwhile: content, mkdocs.yml (name, contact, menu) and the code.
    assert git(repo, "switch", "--quiet", "-c", "landelijk", "main").returncode == 0
    set_text(replaced, "Landelijke nieuwe tekst van de tip die Twente zelf schreef.")
    set_text(edited, "Landelijk bijgewerkte tekst van deze tip.")
    set_text(hidden, "Landelijk bijgewerkte tekst van de tip die Twente verbergt.")
    national = new_tip(repo, "Nieuwe landelijke tip", "Een nieuwe landelijke tip over samen beginnen.")
    config = repo / "mkdocs.yml"
    change(config, "site_name: Toolkit regionale samenwerking GGZ en Werk & Inkomen", f"site_name: {NATIONAL_NAME}")
    change(config, 'phone: "06 3070 3827"', f'phone: "{NATIONAL_PHONE}"')
    change(config, "      - Toegankelijkheid: toegankelijkheid.md\n",
           "      - Toegankelijkheid: toegankelijkheid.md\n      - Nieuws: nieuws.md\n")
    (repo / "docs" / "nieuws.md").write_text("# Nieuws\n\nWat er nieuw is in de toolkit.\n", encoding="utf-8")
    with open(repo / "macros" / "site" / "theme.py", "a", encoding="utf-8") as code:
        code.write("# A national update of the code.\n")
    commit(repo, "Landelijke update")

    assert git(repo, "switch", "--quiet", "regio").returncode == 0
    result = git(repo, "merge", "--no-edit", "landelijk")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "CONFLICT" not in result.stdout
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout == ""
    assert git(repo, "status", "--porcelain").stdout == ""
    return repo, {"own": own, "replaced": replaced, "edited": edited, "hidden": hidden, "national": national}


@pytest.fixture(scope="module")
def merged_site(merged, tmp_path_factory):
    repo, _ = merged
    site = tmp_path_factory.mktemp("merged-site")
    result = build(repo, site)  # as scripts/build does: mkdocs.regio.yml, because the region has one
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_merge_keeps_each_side_of_every_file(merged):
    repo, _ = merged
    assert (repo / "mkdocs.regio.yml").read_text(encoding="utf-8") == REGION_CONFIG
    assert git(repo, "diff", "--quiet", "landelijk", "--", "mkdocs.yml", "content", "macros", "docs").returncode == 0


def test_the_region_settings_win(merged_site):
    home = read(merged_site, "")
    assert "<title>Home - Toolkit GGZ en werk Twente</title>" in home
    assert NATIONAL_NAME not in home
    page = article(home)
    assert "de versie van <strong>Regio Twente</strong>" in page
    assert "Team Werk en Gezondheid" in page and "053 123 4567" in page
    css = (merged_site / "assets" / "kleuren.css").read_text(encoding="utf-8")
    assert "--toolkit-primary: #3a2a6b;" in css and "--toolkit-accent: #8a1538;" in css


def test_the_national_settings_come_through(merged_site):
    home = read(merged_site, "")
    assert NATIONAL_PHONE in article(home)  # the national contact, beside the region's own
    assert "06 3070 3827" not in home
    assert 'href="nieuws/"' in home  # the new menu item
    assert "Wat er nieuw is in de toolkit." in article(read(merged_site, "nieuws/"))


def test_the_region_content_wins_and_the_national_content_comes_through(merged, merged_site):
    _, tips = merged
    page = article(read(merged_site, "tips/"))
    assert "In Twente bespreken we casussen elke maand met alle partners." in page  # the region's version
    assert "Landelijke nieuwe tekst van de tip die Twente zelf schreef." not in page
    assert f'id="{tips["own"].stem}"' in page and "Organiseer elk jaar een werkgeversdag in Twente" in page
    assert f'id="{tips["national"].stem}"' in page and "Een nieuwe landelijke tip over samen beginnen." in page
    assert "Landelijk bijgewerkte tekst van deze tip." in page
    assert f'id="{tips["hidden"].stem}"' not in page  # hidden by the region, also after the national change
    assert "Landelijk bijgewerkte tekst van de tip die Twente verbergt." not in page


def test_mkdocs_yml_stays_the_national_site(merged, tmp_path):
    """The region's settings are only in mkdocs.regio.yml: built with mkdocs.yml, the checkout is the national site."""
    repo, _ = merged
    result = build(repo, tmp_path / "site", config="mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    home = read(tmp_path / "site", "")
    assert f"<title>Home - {NATIONAL_NAME}</title>" in home
    assert "Regio Twente" not in home and "Team Werk en Gezondheid" not in home
