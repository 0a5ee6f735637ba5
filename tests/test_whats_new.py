"""'Wat is er nieuw' in built sites: the page, the Atom feed linked from every page, the redirect of a renamed
checklist, and the notice of a shallow clone in the offline bundle. The page's axe and Nu HTML Checker runs on the
real site are those of every page (tests/test_site_browser.py, tests/test_site_html.py: docs/nieuw.md is one of the
pages they walk)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from sitebuild import ROOT, build, copy_project, pages, serve
from test_site_browser import axe_violations
from test_site_html import check

from macros.site.render import news
from unit.test_history import commit, git

FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">')


def read(site: Path, path: str) -> str:
    file = site / path
    return (file / "index.html" if file.is_dir() else file).read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def day(page: str, anchor: str) -> list[str]:
    """The lines of a day's list on the built page, as a visitor reads them."""
    section = page.split(f'id="{anchor}"', 1)[1].split("</ul>", 1)[0]
    return [text(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def test_every_page_links_the_feed(site_dir):
    for path in pages(site_dir):
        found = FEED_LINK.findall(read(site_dir, path))
        assert len(found) == 1, path
        title, href = found[0]
        assert html.unescape(title) == "Toolkit regionale samenwerking GGZ en Werk & Inkomen: wat is er nieuw"
        if path != "404.html":  # the 404 page links from the site's root, wherever it is shown
            assert (site_dir / path / href).resolve() == (site_dir / "feed.xml").resolve(), path


def test_feed_of_the_site_is_valid_and_leads_to_its_pages(site_dir):
    """Every link of the feed, resolved as a reader does against the feed's address, is a page of the site and,
    with an anchor, lands on that anchor."""
    parsed = feedparser.parse((site_dir / "feed.xml").read_bytes(), response_headers={
        "content-location": "http://127.0.0.1/feed.xml", "content-type": "application/atom+xml"})
    assert not parsed.bozo and parsed.version == "atom10"
    assert {link.rel: link.href for link in parsed.feed.links} == {"self": "http://127.0.0.1/feed.xml",
                                                                   "alternate": "http://127.0.0.1/nieuw/"}
    assert 0 < len(parsed.entries) <= 50
    for entry in parsed.entries:
        address = urlsplit(entry.link)
        page = read(site_dir, address.path.lstrip("/"))
        if address.fragment:
            assert f'id="{address.fragment}"' in page, entry.link


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the project under git, in which an editor removed a tip and renamed a checklist (file and id)
    on 15 November 2026, after everything arrived on 1 October; built as it is."""
    tmp = tmp_path_factory.mktemp("whats-new")
    project = copy_project(tmp / "project")
    shutil.copy2(ROOT / "mkdocs-offline.yml", project)
    shutil.rmtree(project / ".git", ignore_errors=True)  # only the history made here
    git(project, "init", "-q", "-b", "main")
    commit(project, "2026-10-01T12:00:00+02:00")
    (project / "content" / "tips" / "12-onderlinge-afhankelijkheden.yml").unlink()
    git(project, "mv", "content/checklists/29-ruimte-in-agendas.yml", "content/checklists/29-ruimte-in-de-agenda.yml")
    renamed = project / "content" / "checklists" / "29-ruimte-in-de-agenda.yml"
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("id: 29-ruimte-in-agendas", "id: 29-ruimte-in-de-agenda")
                       .replace("title: Ruimte in agenda's", "title: Ruimte in de agenda"), encoding="utf-8")
    commit(project, "2026-11-15T09:30:00+01:00")
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, tmp / "site"


def test_page_names_the_rename_and_the_removal(edited):
    _, site = edited
    page = read(site, "nieuw/")
    assert day(page, "2026-11-15") == ["Verhuisd: Checklist: Ruimte in de agenda",
                                       "Verwijderd: Tip: Onderlinge afhankelijkheden"]
    assert '<a href="../checklists/29-ruimte-in-de-agenda/">Checklist: Ruimte in de agenda</a>' in page
    assert "Onderlinge afhankelijkheden</a>" not in page  # named, without a link to a page that is gone


def test_old_address_of_a_renamed_item_leads_to_its_new_page(edited, browser, tmp_path):
    _, site = edited
    old = site / "checklists" / "29-ruimte-in-agendas" / "index.html"
    redirect = old.read_text(encoding="utf-8")
    assert "<p>Deze pagina is verhuisd naar <a href=\"../29-ruimte-in-de-agenda/\">Ruimte in de agenda</a>.</p>" \
        in redirect
    shutil.copy2(old, tmp_path / "redirect.html")
    shutil.copy2(site / "nieuw" / "index.html", tmp_path / "nieuw.html")
    assert check(tmp_path) == []  # Nu HTML Checker
    url, stop = serve(site)
    try:
        page = browser.new_page()
        page.goto(url + "checklists/29-ruimte-in-agendas/")
        page.wait_for_url(url + "checklists/29-ruimte-in-de-agenda/")
        assert page.title().startswith("Ruimte in de agenda - ")
        page.set_content(redirect.replace('<meta http-equiv="refresh"', '<meta name="x-no-refresh"'))
        assert axe_violations(page) == []  # what a browser that does not follow the refresh shows
        page.close()
    finally:
        stop()


def test_offline_bundle_of_a_shallow_clone_says_what_it_misses(edited, tmp_path):
    """`git clone --depth 1` (as CI systems do): the page says the overview is incomplete, the feed has no entries
    rather than every file as new. The bundle's heads do not link the feed (overrides/main.html: opened from disk,
    Material would fetch sitemap.xml beside it, which a browser refuses over file://)."""
    project, _ = edited
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(tmp_path / "clone")], check=True)
    result = build(tmp_path / "clone", tmp_path / "site", "mkdocs-offline.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "nieuw.html").read_text(encoding="utf-8")
    assert f"<p>{news.SHALLOW_NOTE}</p>" in page
    assert f"<p>{news.NOTHING_NOTE}</p>" in page
    assert "application/atom+xml" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    parsed = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.subtitle == news.SHALLOW_NOTE
    assert {link.rel: link.href for link in parsed.feed.links} == {"self": "feed.xml", "alternate": "nieuw.html"}
