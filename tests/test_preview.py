"""The editor's preview (scripts/serve: `mkdocs serve --dirty --livereload`) never hangs and is right
after every kind of edit: content with problems shows them in Dutch at the top of every page (the last
site without problems below), and an edited shared file (glossary, themes, regions, sources,
borgingsscan, a referenced item) rebuilds every page that shows it."""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, copy_project, mkdocs
from test_region import _free_port, _get, _wait_for
from test_site_browser import axe_violations
from test_site_html import check

TIP = Path("content/tips/01-projectleiderschap.yml")
PROBLEM = ("content/tips/01-projectleiderschap.yml:3:1: error: onbekend veld 'onzin'; "
           "toegestaan: id, title, group, text, points, themes, related, source")
KEPT = "Deze preview toont de laatste versie zonder problemen."
NOTICE = "De pagina verschijnt zodra de problemen hierboven zijn opgelost."


@contextlib.contextmanager
def serving(project: Path):
    """scripts/serve in ``project`` on a free port; yields the base URL."""
    port = _free_port()
    server = subprocess.Popen(["bash", "scripts/serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site folder
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / ".venv").symlink_to(sys.prefix)  # the venv running the tests
    return project


def _text(url: str) -> str:
    """The page as a reader sees its characters (entities decoded); a request that hangs fails (timeout)."""
    return html.unescape(_get(url))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _banner(page) -> str:
    return page.locator(".toolkit-preview-problems").inner_text()


def test_problems_show_on_every_page_over_the_last_good_site_until_fixed(tmp_path, browser):
    """A tip saved with an unknown field (and a new title): the open page reloads by itself and shows the
    problem with file:line:col above the last version without problems (the old title); no request hangs.
    Saved fixed, the page reloads again without the problems. The same for a setting in mkdocs.yml."""
    project = _project(tmp_path)
    tip = project / TIP
    with serving(project) as base:
        assert _wait_for(base + "tips/", "Projectleiderschap")
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(base + "tips/", wait_until="load")
            assert page.locator(".toolkit-preview-problems").count() == 0
            _edit(tip, "title: Projectleiderschap\n", "onzin: ja\ntitle: Projectleiderschap aanstellen\n")
            page.wait_for_selector(".toolkit-preview-problems", timeout=90_000)  # livereload reloaded the page
            assert _banner(page).splitlines()[:2] == ["De inhoud heeft 1 probleem", PROBLEM]
            assert KEPT in _banner(page)
            assert page.get_by_role("alert").count() == 1
            assert axe_violations(page) == []
            for path in ("tips/", "routekaart/", "begrippen/", "themas/projectleiderschap/"):
                served = _text(base + path)
                assert PROBLEM in served and KEPT in served, path
            served = _text(base + "tips/")
            assert "Projectleiderschap" in served and "Projectleiderschap aanstellen" not in served
            (tmp_path / "checked").mkdir()
            (tmp_path / "checked" / "tips.html").write_text(_get(base + "tips/"), encoding="utf-8")
            assert check(tmp_path / "checked") == []

            _edit(tip, "onzin: ja\n", "")
            page.wait_for_selector(".toolkit-preview-problems", state="detached", timeout=90_000)
            assert "Projectleiderschap aanstellen" in page.locator("article").inner_text()
            for path in ("tips/", "routekaart/", "begrippen/"):
                assert "toolkit-preview-problems" not in _get(base + path), path

            settings = project / "mkdocs.yml"
            _edit(settings, "show_national_contact: true ", "show_national_contact: misschien ")
            page.wait_for_selector(".toolkit-preview-problems", timeout=90_000)
            line = next(n for n, text in enumerate(settings.read_text(encoding="utf-8").splitlines(), 1)
                        if "show_national_contact: misschien" in text)
            assert _banner(page).splitlines()[:2] == [
                "De instellingen onder extra.toolkit in mkdocs.yml zijn niet bruikbaar",
                f"mkdocs.yml:{line}:28: error: extra.toolkit.show_national_contact: verwacht true of false, "
                "maar hier staat tekst"]
            _edit(settings, "show_national_contact: misschien ", "show_national_contact: true ")
            page.wait_for_selector(".toolkit-preview-problems", state="detached", timeout=90_000)
        finally:
            context.close()


def test_preview_started_with_problems_shows_them_until_fixed(tmp_path):
    """Started on content with a problem, the preview answers every page with the problem and a notice
    instead of hanging or stopping; `mkdocs build` still stops with it. Fixed, the site appears."""
    project = _project(tmp_path)
    tip = project / TIP
    _edit(tip, "title: Projectleiderschap\n", "onzin: ja\ntitle: Projectleiderschap\n")
    build = mkdocs(project, "build", "--site-dir", str(tmp_path / "site"))
    assert build.returncode != 0 and PROBLEM in build.stderr and "Traceback" not in build.stderr
    with serving(project) as base:
        assert _wait_for(base, "toolkit-preview-problems")
        for path in ("", "tips/", "bronnen/"):
            served = _text(base + path)
            assert PROBLEM in served and NOTICE in served and "Deze preview toont de site zodra" in served, path
        with pytest.raises(urllib.error.HTTPError) as missing:  # a page not (yet) written: MkDocs' 404 page
            _get(base + "bestaat-niet/")
        assert missing.value.code == 404 and PROBLEM in html.unescape(missing.value.read().decode("utf-8"))
        _edit(tip, "onzin: ja\n", "")
        assert _wait_for(base + "tips/", "Wees zorgvuldig bij het aanstellen van een projectleider")
        for path in ("", "tips/", "bronnen/"):
            served = _get(base + path)
            assert "toolkit-preview-problems" not in served and NOTICE not in served, path


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _pages(project: Path, folder: str) -> list[str]:
    """The URL paths of the item pages in docs/<folder>/ (scenarios, routekaart chapters)."""
    return [f"{folder}/{p.stem}/" for p in sorted((project / "docs" / folder).glob("*.md")) if p.stem != "index"]


def _first_shown(base: str, candidates):
    """The first (value, path) of ``candidates`` (value, path, text) whose page shows ``text``."""
    for value, path, text in candidates:
        if text in _text(base + path):
            return value, path
    raise AssertionError("none of the candidates is shown anywhere")


def _h1(url: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", _text(url))[1]


def test_dirty_preview_rebuilds_every_page_that_shows_an_edited_shared_file(tmp_path):
    """One preview (it rebuilds only changed pages), one edit to each shared file: after each, the pages
    that show it have the new text. Each edit adds a word found nowhere else, waited for on one page."""
    project = _project(tmp_path)
    content = project / "content"
    with serving(project) as base:
        assert _wait_for(base + "tips/", "Projectleiderschap")
        chapters, scenarios = _pages(project, "routekaart"), _pages(project, "scenarios")

        # The borgingsscan: a statement on the scan page (first: the glossary's edit is then not the
        # preview's first rebuild, which once rebuilt every page).
        scan = _load(content / "borgingsscan.yml")
        statement = scan[0]["statements"][0]
        statement["text"] += " Stellingwijziging."
        _save(content / "borgingsscan.yml", scan)
        assert _wait_for(base + "borgingsscan/", "Stellingwijziging")
        assert statement["text"] in _text(base + "borgingsscan/")

        # The glossary: an abbreviation's tooltip, added when Markdown is converted (not by a macro).
        glossary = _load(content / "glossary.yml")
        abbreviations = [entry for entry in glossary if entry["kind"] == "afkorting" and entry.get("full")]
        entry, chapter = _first_shown(base, ((e, path, f'<abbr title="{e["full"]}">{e["term"]}</abbr>')
                                             for e in abbreviations for path in chapters))
        old, entry["full"] = entry["full"], entry["full"] + " (woordenlijstwijziging)"
        _save(content / "glossary.yml", glossary)
        assert _wait_for(base + chapter, "woordenlijstwijziging")
        served = _text(base + chapter)
        assert f'<abbr title="{entry["full"]}">{entry["term"]}</abbr>' in served
        assert f'<abbr title="{old}">' not in served

        # Themes: a theme's title in the meta line of an item page, and on the theme's page.
        themes = _load(content / "themes.yml")
        theme, scenario = _first_shown(base, ((t, path, f'themas/{t["id"]}/">{t["title"]}</a>')
                                              for t in themes for path in scenarios))
        theme["title"] += " themawijziging"
        _save(content / "themes.yml", themes)
        assert _wait_for(base + scenario, "themawijziging")
        assert f'Thema: <a href="../../themas/{theme["id"]}/">{theme["title"]}</a>' in _text(base + scenario)
        assert _h1(base + f'themas/{theme["id"]}/') == theme["title"]

        # Regions: a region's name (renamed everywhere, as the texts of its examples must name it) and
        # description on its page, its name in the titles of its examples.
        regions = _load(content / "regions.yml")
        region, chapter = _first_shown(base, ((r, path, f'Voorbeeld uit {r["name"]}')
                                              for r in regions if " " not in r["name"] for path in chapters))
        name = region["name"] + " Regiowijziging"
        region["name"], region["description"] = name, region["description"] + " Beschrijvingswijziging."
        whole_name = re.compile(r"(?<![\w-])" + re.escape(name.split()[0]) + r"(?![\w-])")
        for file in sorted(content.rglob("*.yml")):
            if file.name != "regions.yml":
                text = file.read_text(encoding="utf-8")
                if whole_name.search(text):
                    file.write_text(whole_name.sub(name, text), encoding="utf-8")
        _save(content / "regions.yml", regions)
        assert _wait_for(base + f'regios/{region["id"]}/', "Beschrijvingswijziging")
        assert _h1(base + f'regios/{region["id"]}/') == name
        assert region["description"] in _text(base + f'regios/{region["id"]}/')
        assert re.search(rf"Voorbeeld uit [^<]*{re.escape(name)}", _text(base + chapter))

        # Sources: a source's title after "Bron:" on the tips.
        sources = _load(content / "sources.yml")
        source, _ = _first_shown(base, ((s, "tips/", f'Bron: <a href="../bronnen/#{s["id"]}">{s["title"]}</a>')
                                        for s in sources))
        source["title"] += " bronwijziging"
        _save(content / "sources.yml", sources)
        assert _wait_for(base + "tips/", "bronwijziging")
        assert f'Bron: <a href="../bronnen/#{source["id"]}">{source["title"]}</a>' in _text(base + "tips/")

        # A referenced item: a scenario's title in the "Zie ook" of the tips that refer to it.
        files = sorted((content / "scenarios").glob("*.yml"))
        file, _ = _first_shown(base, ((f, "tips/", f'scenarios/{_load(f)["id"]}/">{_load(f)["title"]}</a>')
                                      for f in files))
        item = _load(file)
        item["title"] += " titelwijziging"
        _save(file, item)
        assert _wait_for(base + "tips/", "titelwijziging")
        assert f'Scenario: <a href="../scenarios/{item["id"]}/">{item["title"]}</a>' in _text(base + "tips/")
        assert _h1(base + f'scenarios/{item["id"]}/') == item["title"]
