"""The offline bundle: `bash scripts/offline ZIP` builds the site to open from disk and zips it. Unzipped, it
works over file:// in Chromium without any request to a server: a link leads to another page, and search finds
a known result."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from sitebuild import ROOT, copy_project
from test_search import search

SEARCH_INPUT = "input[data-md-component='search-query']"

REGION_CONFIG = """\
INHERIT: mkdocs.yml
site_name: Toolkit GGZ en werk Twente
extra:
  toolkit:
    region: Regio Twente
    contact: {name: Team Werk en Gezondheid, phone: "053 123 4567"}
    colors: {primary: "#3a2a6b"}
"""


def _config(name: str) -> dict:
    with open(ROOT / name, "rb") as f:
        return yaml_load(f)  # resolves INHERIT as mkdocs does


def _plugins(config: dict) -> dict:
    items = config["plugins"].items() if isinstance(config["plugins"], dict) else (
        next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in config["plugins"])
    return dict(items)


def test_offline_config_differs_from_the_site_only_where_it_must():
    """INHERIT replaces lists: the offline config repeats plugins and features, and must keep them in step."""
    site, offline = _config("mkdocs.yml"), _config("mkdocs-offline.yml")
    assert offline["theme"]["features"] == [f for f in site["theme"]["features"] if f != "navigation.instant"]
    assert {**offline["theme"], "features": None} == {**site["theme"], "features": None}
    assert _plugins(offline) == {**_plugins(site), "offline": None}
    assert {k: v for k, v in offline.items() if k not in ("theme", "plugins", "extra")} == \
        {k: v for k, v in site.items() if k not in ("theme", "plugins", "extra")}
    assert offline["extra"] == {**site["extra"], "polyfills": offline["extra"]["polyfills"]}


def make_bundle(project, tmp):
    """Run `bash scripts/offline ZIP` of a project and unzip what it made; returns the unzipped site."""
    result = subprocess.run(["bash", str(project / "scripts" / "offline"), str(tmp / "toolkit.zip")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Offline-versie klaar" in result.stdout
    with zipfile.ZipFile(tmp / "toolkit.zip") as archive:
        archive.extractall(tmp / "unzipped")
    return tmp / "unzipped" / "toolkit-offline"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return make_bundle(ROOT, tmp_path_factory.mktemp("offline"))


def test_a_region_bundle_has_the_region_settings(tmp_path):
    """In a region's checkout, whose settings are in mkdocs.regio.yml, the offline bundle is the region's site."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "mkdocs-offline.yml", project)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    for shared in (".venv", "node_modules"):
        (project / shared).symlink_to(ROOT / shared)
    (project / "mkdocs.regio.yml").write_text(REGION_CONFIG, encoding="utf-8")
    site = make_bundle(project, tmp_path)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Home - Toolkit GGZ en werk Twente</title>" in home
    assert "<strong>Regio Twente</strong>" in home and "Team Werk en Gezondheid" in home and "053 123 4567" in home
    assert "--toolkit-primary: #3a2a6b;" in (site / "assets" / "kleuren.css").read_text(encoding="utf-8")
    assert (site / "search" / "search_index.js").is_file()  # still the offline build


def test_bundle_has_the_search_index_as_script_and_the_worker_shim(bundle):
    assert (bundle / "search" / "search_index.js").read_text().startswith("var __index = ")
    assert (bundle / "assets" / "javascripts" / "iframe-worker" / "shim.js").is_file()
    assert "unpkg.com" not in (bundle / "index.html").read_text()  # no script from the internet


def test_bundle_works_from_disk(browser, bundle):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def offline_only(route):
        if not route.request.url.startswith("file://"):
            problems.append(f"request outside the bundle: {route.request.url}")
            return route.abort()
        return route.continue_()

    context.route("**/*", offline_only)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.goto((bundle / "index.html").as_uri(), wait_until="load")

    page.click("a.md-tabs__link[href='tips/index.html']")
    page.wait_for_url("**/tips/index.html")
    assert page.title().startswith("Tips - ")

    page.click(SEARCH_INPUT)
    page.keyboard.type("projectleider", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    assert any(href.startswith(bundle.as_uri()) and "projectleiderschap" in href for href in hrefs), hrefs
    assert problems == []
    context.close()


def test_search_from_disk_ignores_diacritics(browser, bundle):
    """The folding in overrides/assets/javascripts/lunr/min/lunr.nl.min.js also works in the worker shim over
    file:// (tests/test_search.py has the rest): 'clienten' finds the pages with 'cliënten'."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((bundle / "index.html").as_uri(), wait_until="load")
    result = search(page, "clienten")
    assert (bundle / "tips" / "index.html").as_uri() + "?h=clienten#11-privacy-van-clienten" in result["links"]
    assert any(word.lower().startswith("cliënt") for word in result["marked"]), result["marked"]
    assert errors == []
    context.close()


def test_checklist_script_loads_from_disk(browser, bundle):
    """toolkit.js adds checklist.js on checklist pages only, from the bundle's own assets folder over file://."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((bundle / "index.html").as_uri(), wait_until="networkidle")  # whatever toolkit.js would load has arrived
    assert page.locator("script[src$='checklist.js']").count() == 0
    checklist = bundle / "checklists" / "21-aanmeldprocedure.html"  # the offline version has no directory URLs
    page.goto(checklist.as_uri(), wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    assert page.eval_on_selector("script[src$='checklist.js']", "s => s.src") == \
        (bundle / "assets" / "checklist.js").as_uri()
    page.locator(".toolkit-checklist input[type=checkbox]").first.check()
    page.reload(wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    assert page.locator(".toolkit-checklist input[type=checkbox]").first.is_checked()
    assert errors == []
    context.close()


# --- links and sharing from disk ---------------------------------------------------------------------------
# No link to a file that is not in the zip (the checklist PDFs are made for the published site only), and
# 'Link met vinkjes' says that its link opens only on this computer, with the export file as the way to share.

SHARED = "21-aanmeldprocedure"
OFFLINE_REACH = ("Let op: deze link werkt alleen op deze computer, want hij wijst naar een bestand van de "
                 "offline-versie. Wil je de vinkjes delen, gebruik dan Exporteren en stuur het bestand mee.")
REFERENCE = re.compile(r"""<(?:a|link|script|img|source|iframe)\b[^>]*?\s(?:href|src)=["']([^"']*)["']""", re.I)


def _missing(bundle: Path) -> list[str]:
    """Every link or asset reference to a local file that the bundle does not hold, as 'page: reference'.
    Skips 404.html: only a web server shows it, so MkDocs gives it links from the site root."""
    missing = []
    for page in sorted(bundle.rglob("*.html")):
        if page.relative_to(bundle).as_posix() == "404.html":
            continue
        for reference in REFERENCE.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(html.unescape(reference))
            if parts.scheme or parts.netloc or not parts.path:  # another site, or a place on this page
                continue
            target = page.parent / unquote(parts.path)
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.resolve().is_relative_to(bundle.resolve()):
                missing.append(f"{page.relative_to(bundle)}: {reference}")
    return missing


def test_every_local_link_in_the_bundle_leads_to_a_file_in_it(bundle):
    assert (bundle / "checklists" / f"{SHARED}.html").is_file()  # the check below has pages to look at
    assert _missing(bundle) == []


def test_checklists_offline_offer_printing_and_export_instead_of_pdfs(bundle):
    page = (bundle / "checklists" / f"{SHARED}.html").read_text(encoding="utf-8")
    assert "Download als PDF" not in page and ".pdf" not in page
    assert '<a href="alle.html">Alle checklists afdrukken</a>' in page
    assert ("wil je ze delen, gebruik dan <em>Exporteren</em> en stuur het bestand mee. Een <em>Link met vinkjes</em> "
            "werkt in deze offline-versie alleen op deze computer.") in page
    every = (bundle / "checklists" / "alle.html").read_text(encoding="utf-8")
    assert "Download alle checklists als PDF" not in every and ".pdf" not in every


def test_the_published_site_keeps_its_pdf_links(site_dir):
    page = (site_dir / "checklists" / SHARED / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../pdf/{SHARED}.pdf" download>Download als PDF</a>' in page
    assert "gebruik dan <em>Exporteren</em> of <em>Link met vinkjes</em>." in page
    every = (site_dir / "checklists" / "alle" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../pdf/alle-checklists.pdf" download>Download alle checklists als PDF</a>' in every


def _share(page) -> tuple[str, str]:
    page.wait_for_selector(".toolkit-checklist__tools")
    page.locator(".toolkit-checklist input[type=checkbox]").first.check()
    page.click("button:has-text('Link met vinkjes')")
    page.wait_for_function("document.querySelector('.toolkit-checklist__message').textContent.length > 0")
    return page.input_value(".toolkit-checklist__link"), page.inner_text(".toolkit-checklist__message")


def test_a_shared_link_offline_says_it_only_works_on_this_computer(browser, bundle):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((bundle / "checklists" / f"{SHARED}.html").as_uri(), wait_until="load")
    link, message = _share(page)
    assert link.startswith((bundle / "checklists" / f"{SHARED}.html").as_uri() + f"#vinkjes={SHARED}:")
    assert message in (f"De link is gekopieerd. {OFFLINE_REACH}", f"Kopieer de link hieronder. {OFFLINE_REACH}")
    assert errors == []
    context.close()


def test_a_shared_link_online_promises_the_same_ticks(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + f"checklists/{SHARED}/", wait_until="load")
    _, message = _share(page)
    assert message in ("De link is gekopieerd. Wie hem opent, ziet dezelfde vinkjes.",
                       "Kopieer de link hieronder. Wie hem opent, ziet dezelfde vinkjes.")
    context.close()
