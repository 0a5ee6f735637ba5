"""On paper: pages printed by Chromium to PDF (A4, the site's print stylesheet), read back per page with
pdftotext. A table row never splits over two pages; the borgingsscan starts on the first page, not after
an empty one; a printed checklist never shows an address that only works on the computer it was built on."""

from __future__ import annotations

import re
import subprocess

import pytest

from sitebuild import pages

from macros.engine import load_index
from macros.site.render import checklist as checklist_render


def _pdf_pages(page, path) -> list[str]:
    """The page printed to PDF as `toolkit pdf` and a visitor's browser print it; the text of each sheet."""
    page.emulate_media(media="print")
    page.pdf(path=str(path), prefer_css_page_size=True)  # the stylesheet's @page: A4
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _letters(text: str) -> str:
    """Only letters and digits: a PDF's line breaks, hyphens where a word wraps and list bullets are not text."""
    return re.sub(r"\W+", "", text)


def _sheet_with(sheets: list[str], text: str) -> int | None:
    """The number of the sheet that holds the whole text; None when it is spread over sheets (or absent)."""
    wanted = _letters(text)
    return next((number for number, sheet in enumerate(sheets) if wanted in _letters(sheet)), None)


@pytest.fixture(scope="module")
def print_context(browser):
    context = browser.new_context()
    yield context
    context.close()


def _table_pages(site_dir) -> list[str]:
    return [path for path in pages(site_dir)
            if path.endswith("/") and 'class="toolkit-table"' in (site_dir / path / "index.html").read_text(encoding="utf-8")]


def test_site_has_pages_with_tables(site_dir):
    assert any(path.startswith("scenarios/") for path in _table_pages(site_dir))


def test_no_table_row_is_split_over_two_pages(print_context, site_dir, base_url, tmp_path):
    """Each row's first cell and last cell are each whole on one sheet, and on the same sheet."""
    split = []
    for path in _table_pages(site_dir):
        page = print_context.new_page()
        page.goto(base_url + path, wait_until="load")
        rows = page.eval_on_selector_all(".toolkit-table tbody tr", """rows => rows.map(row => [
            row.cells[0].textContent, row.cells[row.cells.length - 1].textContent])""")
        sheets = _pdf_pages(page, tmp_path / "page.pdf")
        page.close()
        assert rows and len(sheets) >= 1, path
        for first, last in rows:
            where = (_sheet_with(sheets, first), _sheet_with(sheets, last))
            if None in where or where[0] != where[1]:
                split.append(f"{path}: row '{' '.join(first.split())[:50]}' on sheets {where}")
    assert split == []


def _scan_page(context, base_url):
    page = context.new_page()
    page.goto(base_url + "borgingsscan/", wait_until="load")
    page.wait_for_selector(".toolkit-scan[data-ready]")
    return page


def test_an_unanswered_scan_prints_as_a_compact_form(print_context, base_url, tmp_path):
    """Nothing answered: the statements to fill in on paper, starting on the first sheet right under the
    introduction, each whole on a sheet; no empty result."""
    page = _scan_page(print_context, base_url)
    first = page.eval_on_selector(".toolkit-scan__element", "e => e.dataset.title")
    statements = page.eval_on_selector_all(".toolkit-scan__statement legend", "all => all.map(l => l.textContent)")
    first_element = page.eval_on_selector_all(".toolkit-scan__element:first-of-type legend",
                                              "all => all.map(l => l.textContent)")
    sheets = _pdf_pages(page, tmp_path / "scan.pdf")
    page.close()
    assert _sheet_with(sheets, "Borgingsscan") == 0
    assert _sheet_with(sheets, f"1. {first}") == 0
    assert [_sheet_with(sheets, text) for text in first_element] == [0] * len(first_element)
    assert None not in [_sheet_with(sheets, text) for text in statements]
    assert _letters("Nee Deels Ja") in _letters(sheets[0])
    assert _sheet_with(sheets, "Uitslag") is None and _sheet_with(sheets, "nog niet ingevuld") is None


def test_an_answered_scan_prints_its_result_on_the_first_page(print_context, base_url, tmp_path):
    """'Uitslag afdrukken': the result with its date and every element's score on the first sheet, the
    reading advice after it; the questions stay on screen."""
    page = _scan_page(print_context, base_url)
    for statement in page.query_selector_all(".toolkit-scan__statement"):
        statement.query_selector("input[value='0']").check()
    rows = page.eval_on_selector_all(".toolkit-scan__chart tbody tr", """rows => rows.map(row =>
        row.cells[0].textContent + ' ' + row.querySelector('.toolkit-scan__score').textContent)""")
    advice = page.eval_on_selector_all(".toolkit-scan__advice li", "all => all.map(li => li.textContent)")
    legend = page.eval_on_selector(".toolkit-scan__statement legend", "l => l.textContent")
    sheets = _pdf_pages(page, tmp_path / "scan.pdf")
    page.close()
    assert _sheet_with(sheets, "Uitslag Ingevuld op") == 0
    assert [_sheet_with(sheets, row) for row in rows] == [0] * len(rows)
    assert advice and None not in [_sheet_with(sheets, text) for text in advice]
    assert _sheet_with(sheets, legend) is None


# --- the address on a printed checklist -------------------------------------------------------------

@pytest.fixture(scope="module")
def index():
    return load_index()


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]/",
                                      "http://0.0.0.0:8000/", ""])
def test_a_printed_checklist_never_shows_a_local_address(index, site_url):
    checklist = index.checklists["21-aanmeldprocedure"]
    html = checklist_render.render(index, "checklists/21-aanmeldprocedure.md", checklist, site_url, level=None)
    assert "Adres:" not in html and "toolkit-checklist__address" not in html
    assert "Bron: " in html  # the rest of the footer stays


def test_a_printed_checklist_shows_the_real_address(index):
    checklist = index.checklists["21-aanmeldprocedure"]
    html = checklist_render.render(index, "checklists/21-aanmeldprocedure.md", checklist,
                                   "https://toolkit.jouwregio.nl/", level=None)
    assert ('Adres: <span class="toolkit-checklist__address">'
            'https://toolkit.jouwregio.nl/checklists/21-aanmeldprocedure/</span>') in html
