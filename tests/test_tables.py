"""Scenario tables (macros/site/render/blocks.py): every cell is Markdown like every other text field.

A throwaway site from the mini content has a scenario whose table cells (dimension, scenario,
considerations, situation, approach and both captions) hold bold, italic, a link, a link without an
address and an abbreviation from the glossary; the real site's tables must give their abbreviations
a tooltip too."""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build, copy_project

MINI = Path(__file__).resolve().parent / "fixtures" / "mini-content"
UWV = "Uitvoeringsinstituut Werknemersverzekeringen"  # the mini content's glossary


def rich(name: str) -> str:
    """Cell Markdown with everything a cell may hold; ``name`` tells the cells apart."""
    return f"{name}: **vet** en *schuin* via het [WSP](https://example.org/), [x]() bij het UWV"


SCENARIO = {
    "id": "02-tabellen",
    "title": "Tabellen met Markdown",
    "body": [
        {"options_table": {
            "caption": rich("bijschrift keuzes"),
            "rows": [{"dimension": rich("variatie"),
                      "options": [{"scenario": rich("scenario een"),
                                   "considerations": [rich("overweging een"), rich("overweging twee")]},
                                  {"scenario": rich("scenario twee"), "considerations": [rich("overweging drie")]}]}],
        }},
        {"situations_table": {
            "caption": rich("bijschrift situaties"),
            "rows": [{"situation": rich("situatie"), "approach": [rich("aanpak een"), rich("aanpak twee")]}],
        }},
    ],
    "themes": ["projectleiderschap"],
    "source": "voorbeeldbron",
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> list[str]:
    """The two tables of the scenario page of a site built from the mini content, as HTML."""
    project = copy_project(tmp_path_factory.mktemp("tables"))
    content = project / "content"
    for child in content.iterdir():
        if child.name != "schema":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(MINI, content, dirs_exist_ok=True)
    (content / "scenarios" / "02-tabellen.yml").write_text(
        "# yaml-language-server: $schema=../schema/scenario.schema.json\n"
        + yaml.safe_dump(SCENARIO, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "scenarios" / "02-tabellen" / "index.html").read_text(encoding="utf-8")
    found = _tables(page)
    assert len(found) == 2, found
    return found


def _tables(page: str) -> list[str]:
    return re.findall(r'<div class="toolkit-table">(.*?)</div>', page, re.S)


def _cells(table: str) -> dict[str, list[str]]:
    """The inner HTML of each kind of cell: caption, row headings, data cells and the points in them."""
    cells = {
        "caption": re.findall(r"<caption>(.*?)</caption>", table, re.S),
        "rowgroup": re.findall(r'<th [^>]*scope="rowgroup"[^>]*>(.*?)</th>', table, re.S),
        "row": re.findall(r'<th [^>]*scope="row"[^>]*>(.*?)</th>', table, re.S),
        "scenario": re.findall(r"""<td data-label="Scenario's">(.*?)</td>""", table, re.S),
    }
    for label in ("Overwegingen", "Aanpak"):
        cells[label] = [li for td in re.findall(rf'<td data-label="{label}">(.*?)</td>', table, re.S)
                        for li in re.findall(r"<li>(.*?)</li>", td, re.S)]
    return {kind: found for kind, found in cells.items() if found}


def test_every_kind_of_cell_is_markdown(tables):
    options, situations = (_cells(table) for table in tables)
    assert sorted(options) == ["Overwegingen", "caption", "rowgroup", "scenario"]
    assert sorted(situations) == ["Aanpak", "caption", "row"]
    cells = [(kind, cell) for found in (options, situations) for kind, values in found.items() for cell in values]
    assert len(cells) == 11  # 2 captions, variatie, 2 scenario's, 3 overwegingen, situatie, 2 aanpakken
    for kind, cell in cells:
        assert "<strong>vet</strong>" in cell, (kind, cell)
        assert "<em>schuin</em>" in cell, (kind, cell)
        assert re.search(r'<a href="https://example\.org/"[^>]*>WSP</a>', cell), (kind, cell)
        assert f'<abbr title="{UWV}">UWV</abbr>' in cell, (kind, cell)
        assert ", x bij" in cell, (kind, cell)  # a link without an address is plain text
        assert not re.search(r"\*|\[|\]|\(\)|<p\b|markdown", cell), (kind, cell)


def test_tables_have_no_markdown_leftovers(tables):
    for table in tables:
        assert "markdown=" not in table
        assert "**" not in table and "](" not in table
        caption = re.search(r"<caption>(.*?)</caption>", table, re.S).group(1)
        assert "<p" not in caption
        assert table.lstrip().startswith("<table"), "de tabel staat niet in een <p>"


def test_tables_stay_accessible(tables):
    options, situations = tables
    assert re.findall(r'<th scope="col">(.*?)</th>', options) == ["Variatie in", "Scenario&#39;s", "Overwegingen"]
    assert re.findall(r'<th scope="col">(.*?)</th>', situations) == ["Scenario&#39;s", "Aanpak"]
    assert re.search(r'<th rowspan="2" scope="rowgroup">', options)
    assert len(re.findall(r"""<td data-label="Scenario's">""", options)) == 2
    assert len(re.findall(r'<td data-label="Overwegingen">', options)) == 2
    assert len(re.findall(r'<th scope="row">', situations)) == 1
    assert len(re.findall(r'<td data-label="Aanpak">', situations)) == 1


def _table_cells(block) -> list[str]:
    """The Markdown of every cell of the scenario tables anywhere in a scenario's data."""
    if isinstance(block, list):
        return [cell for entry in block for cell in _table_cells(entry)]
    if not isinstance(block, dict):
        return []
    found = []
    for key, value in block.items():
        if key in ("options_table", "situations_table"):
            found += [value["caption"]] if value.get("caption") else []
            for row in value["rows"]:
                found += [row["dimension"]] if "dimension" in row else [row["situation"], *row["approach"]]
                for option in row.get("options", []):
                    found += [option["scenario"], *option["considerations"]]
        else:
            found += _table_cells(value)
    return found


def test_real_tables_give_abbreviations_a_tooltip(site_dir):
    """The real scenario tables (today: pages 02, 03 and 05) show each abbreviation of the glossary
    that their cells use with its tooltip, as the text around them does."""
    sys.path.insert(0, str(ROOT))
    from macros.engine import load_index
    from macros.site.render.overviews import abbreviations

    index = load_index()
    glossary = abbreviations(index)
    checked = 0
    for item in index.of_kind("scenarios"):
        cells = _table_cells(item.data)
        if not cells:
            continue
        page = (site_dir / "scenarios" / item.id / "index.html").read_text(encoding="utf-8")
        shown = "".join(_tables(page))
        assert shown, item.id
        assert "markdown=" not in shown and "**" not in shown, item.id
        tooltips = [(html.unescape(title), html.unescape(term))
                    for title, term in re.findall(r'<abbr title="([^"]*)">(.*?)</abbr>', shown)]
        for term, full in glossary.items():
            uses = sum(len(re.findall(rf"\b{re.escape(term)}\b", cell)) for cell in cells)
            assert tooltips.count((full, term)) == uses, (item.id, term)
            checked += uses
        assert len(tooltips) == sum(tooltips.count((full, term)) for term, full in glossary.items()), item.id
    assert checked, "no abbreviation in any scenario table: this test would check nothing"
