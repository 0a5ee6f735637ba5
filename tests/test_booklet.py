"""The routekaart as a booklet: `toolkit pdf` prints the booklet page of a built site to one PDF, read back per page
with pdftotext. A cover, a table of contents that names the page each element starts on, every element of the
routekaart in order from a new page, page numbers on every page but the cover, real text, no table row split.

The site is the real content with a table added to every element (the routekaart has none of its own today), so
that rows meet page ends."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys

import pytest
import yaml

from sitebuild import ROOT, build, copy_project, remove_generated

from macros.engine import load_index
from macros.site.render import booklet

TABLE_FROM = "scenarios/03-regionale-context.yml"
"""A scenario whose body has a table with rows of several lines: copied into every element."""


def _letters(text: str) -> str:
    """Only letters and digits: a PDF's line breaks, hyphens where a word wraps and list bullets are not text."""
    return re.sub(r"\W+", "", text)


def _table(content) -> dict:
    body = yaml.safe_load((content / TABLE_FROM).read_text(encoding="utf-8"))["body"]
    return next(block for block in body if "situations_table" in block)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """A built copy of the project with a table in every element, printed by `toolkit pdf` (only the booklet:
    the checklist pages are taken out of the built copy); returns the project and the text of each page, as laid
    out and in reading order."""
    project = copy_project(tmp_path_factory.mktemp("booklet") / "project")
    remove_generated(project)
    table = _table(project / "content")
    for path in sorted((project / "content" / "routekaart").glob("*.yml")):
        chapter = yaml.safe_load(path.read_text(encoding="utf-8"))
        chapter["sections"][0]["body"].insert(1, table)
        path.write_text(yaml.safe_dump(chapter, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in (site / "checklists").glob("*/index.html"):
        page.unlink()
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", str(site)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"De routekaart als boekje: {site / booklet.PDF}." in result.stdout
    return project, _sheets(site / booklet.PDF, "-layout"), _sheets(site / booklet.PDF, "-raw")


def _sheets(pdf, mode: str) -> list[str]:
    """The text of each page: ``-layout`` as the page shows it (the footer last), ``-raw`` in the order it was
    written (a table cell's lines one after another)."""
    text = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def chapters(printed):
    return load_index(printed[0] / "content").of_kind("routekaart")


def _lines(sheet: str) -> list[str]:
    return [line.strip() for line in sheet.splitlines() if line.strip()]


def _start(sheets: list[str], heading: str) -> int | None:
    """The number (1, 2, …) of the page that starts with the heading, which may wrap over lines."""
    return next((n for n, sheet in enumerate(sheets, 1) if _letters(" ".join(_lines(sheet))).startswith(_letters(heading))),
                None)


def test_the_cover_has_the_title_and_nothing_else_after_it(printed):
    sheets = printed[1]
    cover = " ".join(_lines(sheets[0]))
    assert cover.startswith("Routekaart borging & inbedding Regionale samenwerking GGZ en Werk & Inkomen")
    assert re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                     r"december) \d{4}$", cover)
    assert _lines(sheets[1])[0] == "Inhoud"


def test_every_element_starts_a_page_of_its_own_in_order(printed, chapters):
    starts = [_start(printed[1], f"{n}. {chapter.title}") for n, chapter in enumerate(chapters, 1)]
    assert None not in starts and starts == sorted(set(starts)) and starts[0] == 3


def test_the_table_of_contents_names_the_page_each_element_starts_on(printed, chapters):
    sheets = printed[1]
    toc = _lines(sheets[1])
    for n, chapter in enumerate(chapters, 1):
        entry = next(line for line in toc if line.startswith(f"{n}. {chapter.title}"))
        page = int(re.search(r"(\d+)$", entry).group(1))
        assert _start(sheets, f"{n}. {chapter.title}") == page, entry


def test_every_page_but_the_cover_carries_its_number(printed):
    sheets = printed[1]
    assert [_lines(sheet)[-1] for sheet in sheets[1:]] == [str(n) for n in range(2, len(sheets) + 1)]
    assert "1" not in _lines(sheets[0])


def test_the_text_is_real_text(printed, chapters):
    text = _letters("".join(printed[2]))
    for chapter in chapters:
        assert _letters(chapter.data["tagline"]) in text
        for section in chapter.data["sections"]:
            assert _letters(section["title"]) in text


def test_no_table_row_is_split_over_two_pages(printed, chapters):
    """Every row of the table in each element: the situation and each of its approaches whole on one page of the
    element's pages, and all on the same page."""
    sheets = printed[1]
    starts = [_start(sheets, f"{n}. {chapter.title}") for n, chapter in enumerate(chapters, 1)] + [len(sheets) + 1]
    rows = _table(printed[0] / "content")["situations_table"]["rows"]
    split = []
    for chapter, first, after in zip(chapters, starts, starts[1:]):
        own = {n: _letters(printed[2][n - 1]) for n in range(first, after)}
        for row in rows:
            where = {next((n for n, sheet in own.items() if _letters(cell) in sheet), None)
                     for cell in [row["situation"], *row["approach"]]}
            if len(where) != 1 or None in where:
                split.append(f"{chapter.id}: row '{row['situation'][:40]}' on pages {sorted(where, key=str)}")
    assert split == []


def test_the_routekaart_links_to_the_booklet_it_made(printed):
    site = printed[0] / "site"
    page = (site / "routekaart" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+)" download>Download de routekaart als boekje \(PDF\)</a>', page).group(1)
    assert (site / posixpath.normpath(posixpath.join("routekaart", href))).is_file()
