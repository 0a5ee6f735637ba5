"""render/overviews.py: themes, example regions, glossary, sources and the route map."""

from __future__ import annotations

from macros.site.render import overviews

from .conftest import read_yaml, write_yaml


def test_the_themes_index_counts_what_carries_each_theme(make_index):
    def one_theme(content):
        write_yaml(content / "themes.yml", [{"id": "privacy", "title": "Privacy", "description": "Over [gegevens]()."}])
        for path in content.rglob("*.yml"):
            data = read_yaml(path)
            if isinstance(data, dict) and "themes" in data:
                data["themes"] = ["privacy"]
                for section in data.get("sections", []):
                    section.pop("themes", None)
                write_yaml(path, data)

    index = make_index(one_theme)
    assert overviews.themes_index(index, "themas/index.md") == (
        '<div class="toolkit-index" markdown>\n\n'
        "- **[Privacy](privacy.md)** (6)  \n  Over gegevens.\n\n</div>")  # the six items, no section


def test_a_theme_page_groups_what_carries_it_by_kind(mini):
    assert overviews.theme_page(mini, "themas/projectleiderschap.md", "projectleiderschap") == (
        "[← Alle thema's](index.md)\n{: .toolkit-back }\n\n"
        "# Projectleiderschap\n\n"
        "De projectleider als aanjager van de samenwerking.\n{: .toolkit-tagline }\n\n"
        "## Tips\n\n"
        "- [Een voorbeeldtip](../tips/index.md#01-voorbeeld)\n\n"
        "## Scenario's\n\n"
        "- [Een voorbeeldscenario](../scenarios/01-voorbeeld.md)\n"
        "    - [Keuzes in de regio](../scenarios/01-voorbeeld.md#keuzes)\n\n"
        "## Routekaart\n\n"
        "- [Een voorbeeldelement](../routekaart/01-voorbeeld.md)\n"
        "    - [Eerste paragraaf](../routekaart/01-voorbeeld.md#eerste-paragraaf)")


def test_a_section_carrying_a_theme_its_item_does_not_is_listed_under_the_items_name(make_index):
    def section_only(content):
        chapter = read_yaml(content / "routekaart" / "01-voorbeeld.yml")
        chapter["themes"] = ["privacy"]
        write_yaml(content / "routekaart" / "01-voorbeeld.yml", chapter)

    out = overviews.theme_page(make_index(section_only), "themas/projectleiderschap.md", "projectleiderschap")
    assert ("## Routekaart\n\n- Een voorbeeldelement\n"
            "    - [Eerste paragraaf](../routekaart/01-voorbeeld.md#eerste-paragraaf)") in out


def test_a_theme_nothing_carries_yet_says_so(make_index):
    def unused(content):
        themes = read_yaml(content / "themes.yml") + [{"id": "leeg", "title": "Leeg", "description": "Nog niets."}]
        write_yaml(content / "themes.yml", themes)

    assert overviews.theme_page(make_index(unused), "themas/leeg.md", "leeg").endswith(
        "# Leeg\n\nNog niets.\n{: .toolkit-tagline }\n\nEr is nog geen inhoud met dit thema.")


def test_the_regions_index_counts_examples(mini):
    assert overviews.regions_index(mini, "regios/index.md") == (
        '<div class="toolkit-index" markdown>\n\n'
        "- **[Achterhoek](achterhoek.md)** (1 voorbeeld)  \n  Arbeidsmarktregio in het oosten van Gelderland.\n"
        "- **[Twente](twente.md)** (0 voorbeelden)  \n  Arbeidsmarktregio in het oosten van Overijssel.\n\n</div>")


def test_a_region_page_quotes_its_examples_with_where_they_come_from(mini):
    assert overviews.region_page(mini, "regios/achterhoek.md", "achterhoek") == (
        "[← Alle voorbeeldregio's](index.md)\n{: .toolkit-back }\n\n"
        "# Achterhoek\n\n"
        "Arbeidsmarktregio in het oosten van Gelderland.\n{: .toolkit-tagline }\n\n"
        "## Voorbeelden uit de documenten\n\n"
        "> In de Achterhoek is er bijvoorbeeld een vaste projectleider.\n\n"
        "Uit [Routekaart: Een voorbeeldelement › Eerste paragraaf](../routekaart/01-voorbeeld.md#eerste-paragraaf)"
        "\n{: .toolkit-meta }")


def test_a_region_named_in_passing_comes_after_the_examples(make_index):
    def in_passing(content):
        scenario = read_yaml(content / "scenarios" / "01-voorbeeld.yml")
        scenario["sections"][0]["body"][0]["text"] = "In de Achterhoek kiezen ze anders.\n\nEen andere alinea."
        scenario["sections"][0]["regions"] = ["achterhoek"]
        write_yaml(content / "scenarios" / "01-voorbeeld.yml", scenario)

    out = overviews.region_page(make_index(in_passing), "regios/achterhoek.md", "achterhoek")
    assert out.endswith(
        "## Ook genoemd in de documenten\n\n"
        "> In de Achterhoek kiezen ze anders.\n\n"
        "Uit [Scenario: Een voorbeeldscenario › Keuzes in de regio](../scenarios/01-voorbeeld.md#keuzes)"
        "\n{: .toolkit-meta }")
    assert out.index("## Voorbeelden uit de documenten") < out.index("## Ook genoemd in de documenten")


def test_a_region_without_examples_says_so(mini):
    assert overviews.region_page(mini, "regios/twente.md", "twente").endswith(
        "\n\nDe documenten geven nog geen voorbeelden uit deze regio.")


def test_the_glossary_is_alphabetical_whatever_the_case_with_abbreviations_spelled_out(mini):
    assert overviews.glossary(mini) == (
        "casuïstiek\n:   Het samen bespreken van echte situaties van cliënten.\n\n"
        "UWV\n:   **Uitvoeringsinstituut Werknemersverzekeringen.** "
        "De organisatie die uitkeringen regelt en mensen helpt aan werk.")
    assert overviews.abbreviations(mini) == {"UWV": "Uitvoeringsinstituut Werknemersverzekeringen"}


def test_a_source_with_all_its_facts(make_index):
    def full(content):
        write_yaml(content / "sources.yml", [{
            "id": "voorbeeldbron", "title": "Voorbeeldbron", "kind": "Rapport", "subtitle": "Een ondertitel",
            "date": "maart 2024", "publisher": "Een bureau", "authors": ["A. Jansen", "B. de Vries"],
            "commissioned_by": ["UWV", "Divosa"], "section": "lessons"}])

    assert overviews.sources(make_index(full), "bronnen.md") == (
        "## Voorbeeldbron {#voorbeeldbron}\n\n"
        "Soort\n:   Rapport\n\nOndertitel\n:   Een ondertitel\n\nDatum\n:   maart 2024\n\n"
        "Opgesteld door\n:   Een bureau\n\nAuteurs\n:   A. Jansen, B. de Vries\n\n"
        "In opdracht van\n:   UWV, Divosa\n\nIn deze toolkit\n:   [Lessen](lessen/index.md)")


def test_the_route_map_links_each_element_from_where_it_is_shown(mini):
    stop = ('<li class="toolkit-route__stop" markdown="span">[<span class="toolkit-route__number" aria-hidden="true">1'
            '</span><span class="toolkit-route__title">Een voorbeeldelement</span><span class="toolkit-route__tagline">'
            'De samenwerking gaat door na de eerste impuls</span>]({}){{ .toolkit-route__link }}</li>')
    home = overviews.routemap(mini, "index.md")
    assert home == ('<nav class="toolkit-route" aria-label="Routekaart: de elementen van borging en inbedding" '
                    'markdown="1">\n<ol class="toolkit-route__stops" markdown="1">\n'
                    + stop.format("routekaart/01-voorbeeld.md") + "\n</ol>\n</nav>")
    assert stop.format("01-voorbeeld.md") in overviews.routemap(mini, "routekaart/index.md")


def test_a_long_route_continues_on_the_routekaart_and_the_home_page_links_there(make_index):
    def more(content):
        chapter = read_yaml(content / "routekaart" / "01-voorbeeld.yml")
        for n in (2, 3):
            write_yaml(content / "routekaart" / f"0{n}-e.yml",
                       {**chapter, "id": f"0{n}-e", "title": f"Element <{n}>", "related": []})

    index = make_index(more, sizes={"routekaart": 2})
    home = overviews.routemap(index, "index.md")
    assert home.endswith("</nav>\n\n[Alle 3 elementen van de routekaart](routekaart/index.md)")
    assert "Element &lt;2&gt;" in home and "Element &lt;3&gt;" not in home
    second = overviews.routemap(index, "routekaart/pagina/2.md", page=2)
    assert '<ol class="toolkit-route__stops" start="3" markdown="1">' in second
    assert '<span class="toolkit-route__number" aria-hidden="true">3</span>' in second
    assert "# Routekaart, pagina 2 van 2 {: .toolkit-pages__title}" in second
