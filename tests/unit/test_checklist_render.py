"""render/checklist.py: the checklists overview, a checklist's page and the page with all checklists."""

from __future__ import annotations

import markdown
import pytest

from macros.engine.checklists import key_of
from macros.site.render import checklist

from .conftest import write_yaml

LEAD_GROUP = (
    "## Eerste paragraaf {#01-voorbeeld-1 .toolkit-checklist__group}\n\n"
    '- <span class="toolkit-checklist__lead">Dit kun je doen door:</span>\n'
    '    - <input type="checkbox" id="c-01-voorbeeld-f573935ddd" data-key="f573935ddd"> '
    '<label for="c-01-voorbeeld-f573935ddd">Inzichtelijk te maken waar de winst zit.</label>\n'
    '    - <input type="checkbox" id="c-01-voorbeeld-1ae0a2914a" data-key="1ae0a2914a"> '
    '<label for="c-01-voorbeeld-1ae0a2914a">Op alle niveaus bijeenkomsten te organiseren</label>\n'
    "        - Uitvoerend: één keer per maand")


def test_the_overview_groups_checklists_by_the_routekaart_element_they_come_from(mini):
    assert checklist.overview(mini, "checklists/index.md") == (  # one checklist, one theme: no filter form
        '<div class="toolkit-index toolkit-filter-group" markdown>\n\n'
        "## Borgen: Een voorbeeldelement\n\n"
        "- [Een voorbeeldchecklist](01-voorbeeld.md) (4 punten)  \n  Waar je op let.\n"
        '  {: data-id="01-voorbeeld" data-themes="privacy" data-group="01-voorbeeld" }\n\n</div>')


def test_a_checklist_not_from_the_routekaart_is_about_starting_up(make_index):
    def own(content):
        write_yaml(content / "checklists" / "02-eigen.yml",
                   {"id": "02-eigen", "title": "Eigen", "intro": "Alleen eigen punten.", "items": [{"text": "Een."}]})

    out = checklist.overview(make_index(own), "checklists/index.md")
    assert out.index("## Borgen: Een voorbeeldelement") < out.index("## Starten met een regionale samenwerking\n\n"
                                                                     "- [Eigen](02-eigen.md) (1 punt)")


def test_a_checklists_points_stand_under_where_they_come_from_with_their_lead(mini):
    out = checklist.page(mini, "checklists/01-voorbeeld.md", "01-voorbeeld", "https://toolkit.example.nl/")
    assert out.split("\n\n")[:2] == ["[← Alle checklists](index.md)\n{: .toolkit-back }", "# Een voorbeeldchecklist"]
    assert ('<div class="toolkit-checklist" data-checklist="01-voorbeeld" data-title="Een voorbeeldchecklist" markdown>'
            "\n\nWaar je op let.\n{: .toolkit-checklist__intro }\n\n"
            '<p class="toolkit-checklist__status" aria-live="polite" hidden></p>\n\n' + LEAD_GROUP + "\n\n"
            "## Een voorbeeldles {#01-voorbeeld-2 .toolkit-checklist__group}\n\n"
            '- <input type="checkbox" id="c-01-voorbeeld-d85dccdc15" data-key="d85dccdc15"> '
            '<label for="c-01-voorbeeld-d85dccdc15">Zo ontstaat begrip voor elkaars taal.</label>\n\n'
            "## Aanvullende punten {#01-voorbeeld-3 .toolkit-checklist__group}\n\n"
            '- <input type="checkbox" id="c-01-voorbeeld-3fa9290c84" data-key="3fa9290c84"> '
            '<label for="c-01-voorbeeld-3fa9290c84">Een eigen punt.</label>\n\n'
            '<div class="toolkit-checklist__sign"><span>Naam:</span><span>Datum:</span></div>\n\n'
            "Bron: Routekaart: Een voorbeeldelement ([Eerste paragraaf](../routekaart/01-voorbeeld.md#eerste-paragraaf)),"
            " Les: [Een voorbeeldles](../lessen/index.md#01-voorbeeld)  \n"
            'Adres: <span class="toolkit-checklist__address">https://toolkit.example.nl/checklists/01-voorbeeld/</span>'
            "\n{: .toolkit-checklist__source }\n\n</div>") in out
    assert out.endswith(
        "Je vinkjes worden alleen in deze browser op dit apparaat bewaard. Er gaat niets naar een server; wil je ze "
        "delen, gebruik dan *Exporteren* of *Link met vinkjes*.\n{: .toolkit-privacy }\n\n"
        '<p class="toolkit-checklist__download" markdown="span"><a href="../pdf/01-voorbeeld.pdf" download>'
        "Download als PDF</a> · [Alle checklists afdrukken](alle.md)</p>")


def test_a_checklist_of_only_its_own_points_has_no_group_heading(make_index):
    def own(content):
        write_yaml(content / "checklists" / "02-eigen.yml",
                   {"id": "02-eigen", "title": "Eigen", "intro": "Alleen eigen punten.",
                    "items": [{"text": "Een."}, {"text": "Een."}]})

    out = checklist.page(make_index(own), "checklists/02-eigen.md", "02-eigen", "https://toolkit.example.nl/")
    assert "toolkit-checklist__group" not in out and "Aanvullende punten" not in out
    # the same text twice is still two boxes, each with its own key
    key = key_of("Een.")
    assert ('<p class="toolkit-checklist__status" aria-live="polite" hidden></p>\n\n'
            f'- <input type="checkbox" id="c-02-eigen-{key}" data-key="{key}"> '
            f'<label for="c-02-eigen-{key}">Een.</label>\n'
            f'- <input type="checkbox" id="c-02-eigen-{key}-1" data-key="{key}-1"> '
            f'<label for="c-02-eigen-{key}-1">Een.</label>\n\n') in out
    assert ('Bron: deze toolkit  \nAdres: <span class="toolkit-checklist__address">'
            "https://toolkit.example.nl/checklists/02-eigen/</span>\n{: .toolkit-checklist__source }") in out


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000/", "", "http://localhost/"])
def test_a_local_site_url_prints_no_address(mini, site_url):
    out = checklist.page(mini, "checklists/01-voorbeeld.md", "01-voorbeeld", site_url)
    assert "Adres:" not in out
    assert "Les: [Een voorbeeldles](../lessen/index.md#01-voorbeeld)\n{: .toolkit-checklist__source }" in out


def test_the_offline_bundle_has_no_pdf_and_says_a_link_works_on_this_computer_only(mini):
    out = checklist.page(mini, "checklists/01-voorbeeld.md", "01-voorbeeld", "https://t.example.nl/", offline=True)
    assert ".pdf" not in out
    assert out.endswith(
        "Je vinkjes worden alleen in deze browser op dit apparaat bewaard. Er gaat niets naar een server; wil je ze "
        "delen, gebruik dan *Exporteren* en stuur het bestand mee. Een *Link met vinkjes* werkt in deze "
        "offline-versie alleen op deze computer.\n{: .toolkit-privacy }\n\n"
        '<p class="toolkit-checklist__download" markdown="span">[Alle checklists afdrukken](alle.md)</p>')


def test_a_pdf_link_without_directory_urls(mini):
    out = checklist.page(mini, "checklists/01-voorbeeld.md", "01-voorbeeld", "", directory_urls=False)
    assert '<a href="pdf/01-voorbeeld.pdf" download>Download als PDF</a>' in out


def test_the_page_with_all_checklists_gives_each_its_heading_one_level_deeper(mini):
    out = checklist.all_checklists(mini, "checklists/alle.md", "https://toolkit.example.nl/")
    assert out.startswith('<p class="toolkit-checklist__download"><a href="../pdf/alle-checklists.pdf" download>'
                          "Download alle checklists als PDF</a></p>\n\n"
                          '<div class="toolkit-all-checklists" markdown>\n\n'
                          "## Een voorbeeldchecklist {#01-voorbeeld}\n\n")
    assert "\n### Eerste paragraaf {#01-voorbeeld-1 .toolkit-checklist__group}\n" in out
    assert "\n### Aanvullende punten {#01-voorbeeld-3 .toolkit-checklist__group}\n" in out
    assert out.endswith("</div>\n\n</div>")
    assert checklist.all_checklists(mini, "checklists/alle.md", "", offline=True).startswith(
        '<div class="toolkit-all-checklists" markdown>')


def test_the_filter_of_the_checklists_offers_their_phases(make_index):
    def own(content):
        write_yaml(content / "checklists" / "02-eigen.yml", {"id": "02-eigen", "title": "Eigen", "intro": "Alleen eigen punten.",
                                                             "items": [{"text": "Een."}], "themes": ["privacy"]})

    out = checklist.overview(make_index(own), "checklists/index.md")
    assert ('<fieldset class="toolkit-filter__field" data-attribute="group">\n<legend>Fase</legend>\n'
            '<label class="toolkit-filter__option"><input type="checkbox" name="fase" value="01-voorbeeld"> '
            "Borgen: Een voorbeeldelement</label>\n"
            '<label class="toolkit-filter__option"><input type="checkbox" name="fase" value="starten"> '
            "Starten met een regionale samenwerking</label>\n</fieldset>") in out
    assert 'data-attribute="themes"' not in out  # both checklists are about privacy: nothing to choose
    html = markdown.markdown(out, extensions=["attr_list", "md_in_html"])
    assert '<div class="toolkit-index toolkit-filter-group">\n<h2>Starten met een regionale samenwerking</h2>' in html
    assert '<li data-group="starten" data-id="02-eigen" data-themes="privacy"><a href="02-eigen.md">Eigen</a>' in html


def test_a_checklist_page_names_its_permanent_identifier(mini):
    out = checklist.page(mini, "checklists/01-voorbeeld.md", "01-voorbeeld", "https://toolkit.example.nl/")
    assert "Identificatie: urn:nl:tgw:checklists:01-voorbeeld\n{: .toolkit-meta .toolkit-identifier }" in out
