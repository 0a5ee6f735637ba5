"""Zensical, Material for MkDocs' successor, builds the same site from the same mkdocs.yml.

The real project is built twice: with MkDocs (the session's strict build) and with Zensical, in a
copy as on a fresh checkout: without what a build writes into docs/, then ``toolkit pages`` and
``zensical build --strict`` (README.md, "Overstappen naar Zensical"). Both builds must have the same
pages, each with the same title and article text (abbreviation tooltips included), and the same files
of the project's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from sitebuild import ROOT, as_checkout, copy_project, pages

# Files that come from the theme or the search, not from the project: they differ between the two.
THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "search/", "search.json", "sitemap.xml.gz")
# Tags after which a browser starts a new line or cell: their text must not run together.
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p",
          "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a Python module in the project folder (which puts the project's macros/ on sys.path)."""
    return subprocess.run([sys.executable, "-m", *args], cwd=project, env={**os.environ, "NO_COLOR": "1", **(env or {})},
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def zensical_dir(site_dir, tmp_path_factory) -> Path:
    """The real project built with Zensical; copied after the MkDocs build, so from the same sources."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    ignored = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "-z", "--", "docs"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for rel in filter(None, ignored.split("\0")):  # what a build wrote into docs/: not there on a fresh checkout
        (project / rel).unlink(missing_ok=True)
    checkout = as_checkout(project)
    result = run(project, "macros", "pages", env=checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run(project, "zensical", "build", "--clean", "--strict", env=checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run(project, "macros", "outputs", env=checkout)  # Zensical runs no post-build step (README)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _Article(HTMLParser):
    """The title of a page and the text of its article, as a visitor reads it; an abbreviation is
    followed by its tooltip in brackets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.parts, self.depth, self.hidden, self.abbrs = "", [], 0, 0, []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if not self.depth:
            self.depth = 1 if tag == "article" else 0
            return
        if tag not in VOID:
            self.depth += 1
            if tag in ("script", "style", "template"):
                self.hidden += 1
            if tag == "abbr":
                self.abbrs.append(dict(attrs).get("title") or "")
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if tag in ("script", "style", "template"):
            self.hidden -= 1
        if tag == "abbr" and self.abbrs:
            self.parts.append(f" [{self.abbrs.pop()}]")
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self.depth and not self.hidden:
            self.parts.append(data)


def page_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def own_files(site: Path) -> dict[str, bytes | None]:
    """The project's files in a built site → their bytes (None for pages and the sitemap, compared otherwise)."""
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(THEME_FILES):
            files[rel] = None if rel.endswith((".html", ".xml")) else path.read_bytes()
    return files


def own_assets(site: Path, url: str) -> list[str]:
    """The project's stylesheets and scripts a page loads (extra_css, extra_javascript), as site paths."""
    found = []

    class Head(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            ref = attrs.get("href") if tag == "link" and attrs.get("rel") == "stylesheet" else attrs.get("src")
            if tag in ("link", "script") and ref and "://" not in ref and not any(t in ref for t in THEME_FILES[:2]):
                found.append(urljoin(f"/{url}", ref))  # './assets/x.css' and 'assets/x.css' are the same file

    Head().feed(page_file(site, url).read_text(encoding="utf-8"))
    return found


def page_text(site: Path, url: str) -> tuple[str, str]:
    """(title, article text) of a built page, whitespace normalised."""
    parser = _Article()
    parser.feed(page_file(site, url).read_text(encoding="utf-8"))
    return " ".join(parser.title.split()), " ".join("".join(parser.parts).split())


@pytest.fixture(scope="module")
def named_pages() -> dict[str, str]:
    """URL paths of the home page, the tips, the first routekaart chapter and the first theme."""
    sys.path.insert(0, str(ROOT))
    from macros.engine import load_index

    index = load_index()
    return {"home": "", "tips": "tips/", "routekaart-hoofdstuk": f"routekaart/{index.of_kind('routekaart')[0].id}/",
            "thema": f"themas/{next(iter(index.themes))}/"}


def test_zensical_builds_the_same_pages(site_dir, zensical_dir):
    mkdocs_pages, zensical_pages = set(pages(site_dir)), set(pages(zensical_dir))
    assert sorted(mkdocs_pages - zensical_pages) == [], "pagina's die Zensical niet bouwt"
    assert sorted(zensical_pages - mkdocs_pages) == [], "pagina's die alleen Zensical bouwt"


@pytest.mark.parametrize("name", ["home", "tips", "routekaart-hoofdstuk", "thema"])
def test_zensical_page_has_the_same_text(site_dir, zensical_dir, named_pages, name):
    url = named_pages[name]
    title, text = page_text(zensical_dir, url)
    assert len(text) > 200, f"{url or '/'}: nauwelijks tekst in de Zensical-versie: {text!r}"
    assert (title, text) == page_text(site_dir, url)


def test_every_zensical_page_has_the_same_text(site_dir, zensical_dir):
    differ = [url or "/" for url in pages(site_dir)
              if page_file(zensical_dir, url).exists()
              and page_text(site_dir, url) != page_text(zensical_dir, url)]
    assert differ == []


def test_zensical_copies_the_same_files(site_dir, zensical_dir):
    """Logo, stylesheets, scripts and the colours written from mkdocs.yml: the same files, byte for byte."""
    mkdocs_files, zensical_files = own_files(site_dir), own_files(zensical_dir)
    assert sorted(set(mkdocs_files) ^ set(zensical_files)) == []
    assert [rel for rel in mkdocs_files if mkdocs_files[rel] != zensical_files[rel]] == []


def test_zensical_pages_load_the_same_stylesheets_and_scripts(site_dir, zensical_dir, named_pages):
    for url in named_pages.values():
        assets = own_assets(site_dir, url)
        assert any(ref.endswith("toolkit.css") for ref in assets), assets
        assert own_assets(zensical_dir, url) == assets, url or "/"
