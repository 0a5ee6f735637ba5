"""render/booklet.py: the routekaart as a booklet (cover, table of contents, every element), its link on the
routekaart's overview, and how `toolkit pdf` prints it (Chromium and pdfinfo replaced by fakes)."""

from __future__ import annotations

import re
import urllib.request
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

import macros.publish.pdf
from macros.site.pages import wanted
from macros.site.render import booklet, overviews

from .conftest import read_yaml, write_yaml
from .test_cli_commands import run
from .test_site import site

DAY = date(2025, 2, 3)


def second_chapter(content: Path) -> None:
    """A second routekaart element after the mini content's own, with a paragraph of the same id."""
    chapter = read_yaml(content / "routekaart" / "01-voorbeeld.yml")
    write_yaml(content / "routekaart" / "02-tweede.yml", {**chapter, "id": "02-tweede", "title": "Tweede element",
                                                          "sections": chapter["sections"][:1]})


def test_the_cover_has_the_one_h1_the_subtitle_the_region_and_the_date(make_index):
    def subtitle(content):
        sources = read_yaml(content / "sources.yml")
        write_yaml(content / "sources.yml", [{**sources[0], "section": "routekaart", "subtitle": "Een ondertitel"}])

    out = booklet.booklet(make_index(subtitle), booklet.PAGE, "Regio Twente", DAY)
    assert out.startswith('<div class="toolkit-booklet__cover" markdown>\n\n'
                          "# Routekaart borging & inbedding {.toolkit-booklet__title}\n\n"
                          "Een ondertitel\n{: .toolkit-booklet__subtitle }\n\n"
                          "Regio Twente\n{: .toolkit-booklet__region }\n\n"
                          "3 februari 2025\n{: .toolkit-booklet__date }\n\n</div>\n\n")
    assert re.findall(r"^# ", out, re.MULTILINE) == ["# "]


def test_without_a_region_or_subtitle_the_cover_has_title_and_date(mini):
    cover = booklet.booklet(mini, booklet.PAGE, "", date(2024, 12, 31)).split("</div>")[0]
    assert "toolkit-booklet__region" not in cover and "toolkit-booklet__subtitle" not in cover
    assert "31 december 2024\n{: .toolkit-booklet__date }" in cover


def test_the_table_of_contents_links_every_element_in_order_with_room_for_its_page(make_index):
    out = booklet.booklet(make_index(second_chapter), booklet.PAGE, "", DAY)
    assert ('<nav class="toolkit-booklet__toc" aria-labelledby="inhoud" markdown>\n\n## Inhoud {#inhoud}\n\n'
            '1. [<span class="toolkit-booklet__entry">Een voorbeeldelement</span> '
            '<span class="toolkit-booklet__page" data-chapter="01-voorbeeld"></span>](#01-voorbeeld)\n'
            '1. [<span class="toolkit-booklet__entry">Tweede element</span> '
            '<span class="toolkit-booklet__page" data-chapter="02-tweede"></span>](#02-tweede)\n\n</nav>') in out


def test_each_element_is_its_page_a_level_down_without_back_link_or_pager(make_index):
    index = make_index(second_chapter)
    out = booklet.booklet(index, booklet.PAGE, "", DAY)
    headings = re.findall(r"^#+ .*$", out, re.MULTILINE)
    assert headings == [
        "# Routekaart borging & inbedding {.toolkit-booklet__title}", "## Inhoud {#inhoud}",
        "## 1. Een voorbeeldelement {#01-voorbeeld .toolkit-booklet__chapter}",
        "### Eerste paragraaf {#01-voorbeeld-eerste-paragraaf}", "#### Een subparagraaf {#01-voorbeeld-subparagraaf}",
        "## 2. Tweede element {#02-tweede .toolkit-booklet__chapter}",
        "### Eerste paragraaf {#02-tweede-eerste-paragraaf}", "#### Een subparagraaf {#02-tweede-subparagraaf}"]
    assert "toolkit-back" not in out and "toolkit-pager" not in out and "Volgende:" not in out
    first = out.split("{#01-voorbeeld .toolkit-booklet__chapter}\n\n", 1)[1]
    assert first.startswith("De samenwerking gaat door na de eerste impuls\n{: .toolkit-tagline }\n\n"
                            "Een korte inleiding.\n\n### Eerste paragraaf")
    assert "Meer voorbeelden uit [Achterhoek](../regios/achterhoek.md)" in first  # links from the booklet's page


def test_two_elements_keep_their_own_footnotes(make_index):
    def footnotes(content):
        second_chapter(content)
        for name, note in (("01-voorbeeld", "Eerste noot."), ("02-tweede", "Tweede noot.")):
            chapter = read_yaml(content / "routekaart" / f"{name}.yml")
            chapter["intro"] = f"Een inleiding.[^1]\n\n[^1]: {note}"
            write_yaml(content / "routekaart" / f"{name}.yml", chapter)

    out = booklet.booklet(make_index(footnotes), booklet.PAGE, "", DAY)
    assert "Een inleiding.[^01-voorbeeld-1]\n\n[^01-voorbeeld-1]: Eerste noot." in out
    assert "Een inleiding.[^02-tweede-1]\n\n[^02-tweede-1]: Tweede noot." in out


def test_a_dutch_date_for_every_month():
    assert [booklet.dutch_date(date(2025, month, 1)).split()[1] for month in range(1, 13)] == [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december"]


BUILT = ('<html><head><link rel="canonical" href="{canonical}"><link rel="stylesheet" href="../../assets/t.css">'
         '</head><body><a href="#01-a"><span class="toolkit-booklet__entry">A</span> '
         '<span class="toolkit-booklet__page" data-chapter="01-a"></span></a>'
         '<a href="#02-b"><span class="toolkit-booklet__page" data-chapter="02-b"></span></a>'
         '<a class="x" href="../../regios/achterhoek/">Achterhoek</a> <a href="https://example.org/">elders</a>'
         '</body></html>')


def test_page_numbers_fill_the_slots_of_the_table_of_contents():
    page = BUILT.format(canonical="https://toolkit.example.nl/routekaart/boekje/")
    assert booklet.chapters(page) == ["01-a", "02-b"]
    filled = booklet.fill_pages(page, {"01-a": 3, "02-b": 12})
    assert '<span class="toolkit-booklet__page" data-chapter="01-a">3</span>' in filled
    assert '<span class="toolkit-booklet__page" data-chapter="02-b">12</span>' in filled
    assert booklet.fill_pages(page, {}) == page


def test_printed_links_lead_to_the_published_site():
    page = booklet.print_links(BUILT.format(canonical="https://toolkit.example.nl/routekaart/boekje/"))
    assert '<a class="x" href="https://toolkit.example.nl/regios/achterhoek/">Achterhoek</a>' in page
    assert '<a href="https://example.org/">elders</a>' in page and '<a href="#01-a">' in page
    assert '<link rel="stylesheet" href="../../assets/t.css">' in page


def test_printed_links_without_a_real_address_are_plain_text():
    page = booklet.print_links(BUILT.format(canonical="http://127.0.0.1:8000/routekaart/boekje/"))
    assert '<a class="x">Achterhoek</a>' in page
    assert '<a href="https://example.org/">elders</a>' in page and '<a href="#01-a">' in page


def test_the_booklet_is_a_generated_page_left_out_of_search(mini):
    assert wanted(mini, "https://example.org/edit/main/")[booklet.PAGE] == (
        '---\ntitle: "Routekaart borging & inbedding"\nedit_url: "https://example.org/edit/main/docs/routekaart/index.md"\n'
        "search:\n  exclude: true\ngenerated: true\n---\n\n{{ routekaart_booklet() }}\n")


# --- the link on the routekaart's overview ----------------------------------------------------------------------

LINK = ('<p class="toolkit-booklet__download"><a href="pdf/routekaart-borging-en-inbedding.pdf" download>'
        'Download de routekaart als boekje (PDF)</a></p>')


def test_the_routekaart_links_to_the_booklet_under_the_route(mini, tmp_path):
    out = site(mini, tmp_path, "routekaart/index.md").routemap()
    assert out.endswith("</ol>\n</nav>\n\n" + LINK)
    home = site(mini, tmp_path, "index.md").routemap()
    assert "toolkit-booklet__download" not in home


def test_the_offline_bundle_has_no_booklet_link(mini, tmp_path):
    offline = {"plugins": {"material/offline": SimpleNamespace(config=SimpleNamespace(enabled=True))}}
    out = site(mini, tmp_path, "routekaart/index.md", offline).routemap()
    assert ".pdf" not in out and "boekje" not in out


def test_a_later_page_of_the_route_has_no_link(make_index):
    index = make_index(second_chapter, sizes={"routekaart": 1})
    assert "toolkit-booklet__download" not in overviews.routemap(index, "routekaart/pagina/2.md", 2, "x.pdf")
    assert "toolkit-booklet__download" in overviews.routemap(index, "routekaart/index.md", 1, "x.pdf")


def test_the_booklet_macro_renders_for_its_page(mini, tmp_path):
    out = site(mini, tmp_path, booklet.PAGE, region="Regio Twente").routekaart_booklet()
    assert "Regio Twente\n{: .toolkit-booklet__region }" in out
    assert "Meer voorbeelden uit [Achterhoek](../regios/achterhoek.md)" in out


# --- toolkit pdf: Chromium and pdfinfo replaced by fakes -----------------------------------------------------------

@pytest.fixture
def printing(project, monkeypatch) -> SimpleNamespace:
    """A built site with a booklet of two elements; each 'Chromium' fetches the page it prints (as Chromium does)
    and writes a small PDF; 'pdfinfo -dests' says element i starts on page ``starts[i]`` of the latest print."""
    page = project / "site" / "routekaart" / "boekje"
    page.mkdir(parents=True)
    (project / "site" / "checklists").mkdir()
    (page / "index.html").write_text(BUILT.format(canonical="http://127.0.0.1:8000/routekaart/boekje/"),
                                     encoding="utf-8")
    seen = SimpleNamespace(pages=[], urls=[], starts=[[3, 9]])

    def fake_run(command, **kwargs):
        if command[0] == "/usr/bin/pdfinfo":
            starts = seen.starts[min(len(seen.pages), len(seen.starts)) - 1]
            listing = "Page  Destination                 Name\n" + "".join(
                f'{n:4d} [ XYZ   12  842 null      ] "{name}"\n' for n, name in zip(starts, ["01-a", "02-b"]))
            return SimpleNamespace(stdout=listing.encode())
        seen.urls.append(command[-1])
        seen.pages.append(urllib.request.urlopen(command[-1]).read().decode())
        target = next(arg.split("=", 1)[1] for arg in command if arg.startswith("--print-to-pdf="))
        Path(target).write_bytes(b"%PDF-1.4")
        return SimpleNamespace(stdout=b"")

    monkeypatch.setenv("TOOLKIT_CHROMIUM", "chromium")
    monkeypatch.setattr(macros.publish.pdf.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(macros.publish.pdf.subprocess, "run", fake_run)
    return seen


def test_pdf_prints_the_booklet_again_with_its_page_numbers(project, capsys, printing):
    assert run(capsys, "pdf", "site") == (0, (
        "0 PDF's geschreven naar site/checklists/pdf. "
        "De routekaart als boekje: site/routekaart/pdf/routekaart-borging-en-inbedding.pdf.\n"), "")
    assert (project / "site" / booklet.PDF).read_bytes() == b"%PDF-1.4"
    assert [re.sub(r"^http://127\.0\.0\.1:\d+/", "", url) for url in printing.urls] == [
        "routekaart/boekje/?afdruk", "routekaart/boekje/?afdruk"]
    first, second = printing.pages
    assert 'data-chapter="01-a"></span>' in first
    assert 'data-chapter="01-a">3</span>' in second and 'data-chapter="02-b">9</span>' in second
    assert '<a class="x">Achterhoek</a>' in second  # no link to the computer that printed it


def test_pdf_prints_until_the_numbers_stay(project, capsys, printing):
    printing.starts = [[3, 9], [3, 10], [3, 10]]
    assert run(capsys, "pdf", "site")[0] == 0
    assert 'data-chapter="02-b">10</span>' in printing.pages[-1] and len(printing.pages) == 3


def test_pdf_gives_up_when_the_numbers_keep_changing(project, capsys, printing):
    printing.starts = [[3, 9], [3, 10], [3, 11]]
    assert run(capsys, "pdf", "site") == (1, "", (
        "Fout bij het maken van de PDF's: de paginanummers in de inhoudsopgave van routekaart/boekje/ kloppen na "
        "3 keer afdrukken nog niet.\n"))


def test_pdf_names_an_element_it_cannot_find(project, capsys, printing):
    printing.starts = [[3]]
    assert run(capsys, "pdf", "site") == (1, "", (
        "Fout bij het maken van de PDF's: in routekaart-borging-en-inbedding.pdf staat het begin van 02-b niet; "
        "is de inhoudsopgave van de routekaart veranderd?\n"))


def test_pdf_without_pdfinfo(project, capsys, printing, monkeypatch):
    monkeypatch.setattr(macros.publish.pdf.shutil, "which", lambda name: None)
    assert run(capsys, "pdf", "site") == (1, "", (
        "Geen PDF's geschreven: pdfinfo niet gevonden: nodig om de paginanummers in de inhoudsopgave van de "
        "routekaart te zetten; installeer het (Debian: apt-get install poppler-utils).\n"))
    assert printing.urls == []
