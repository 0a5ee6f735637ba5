"""render/blocks.py: the content blocks (text, lists, examples, quotes, the scenario tables) as Markdown."""

from __future__ import annotations

from macros.site.render import blocks

REGIONS = {"achterhoek": {"name": "Achterhoek"}, "twente": {"name": "Twente"}, "rvn": {"name": 'Rijk "van" Nijmegen'}}


def test_a_link_without_an_address_shows_as_plain_text():
    assert blocks.text("  In de [Achterhoek]() en [Twente](https://twente.nl).\n") == \
        "In de Achterhoek en [Twente](https://twente.nl)."


def test_a_list_with_sub_points_and_continued_lines():
    assert blocks.list_items(["Eerst", {"text": "Dan\ndit", "points": ["a", "b\nc"]}]) == (
        "- Eerst\n- Dan\n    dit\n    - a\n    - b\n      c")
    assert blocks.list_items(["Een", "Twee"], ordered=True) == "1. Een\n2. Twee"


def test_an_action_list_has_its_lead_above_the_box():
    block = {"lead": "Dit kun je doen door:", "items": ["Te beginnen."]}
    assert blocks.render({"actions": block}, "x.md", REGIONS) == (
        'Dit kun je doen door:\n\n<div class="toolkit-actions" markdown>\n\n- Te beginnen.\n\n</div>')
    assert blocks.render({"list": {"items": ["Een"], "ordered": True}}, "x.md", REGIONS) == (
        '<div class="toolkit-list" markdown>\n\n1. Een\n\n</div>')


def test_an_example_from_elsewhere_is_titled_voorbeeld_and_names_no_region():
    assert blocks.example({"text": "De gemeente Utrecht doet het zo."}, "scenarios/01-x.md", REGIONS) == (
        '!!! example "Voorbeeld"\n\n    De gemeente Utrecht doet het zo.')


def test_an_example_about_regions_is_titled_with_them_and_links_their_pages():
    block = {"regions": ["achterhoek", "twente"], "text": "In de Achterhoek en Twente.\n\nTweede alinea."}
    assert blocks.example(block, "scenarios/01-x.md", REGIONS) == (
        '!!! example "Voorbeeld uit Achterhoek en Twente"\n\n'
        "    In de Achterhoek en Twente.\n\n"
        "    Tweede alinea.\n\n"
        "    Meer voorbeelden uit [Achterhoek](../regios/achterhoek.md), [Twente](../regios/twente.md)")


def test_three_regions_are_joined_with_commas_and_en_and_a_quote_in_a_name_is_escaped():
    block = {"regions": ["achterhoek", "twente", "rvn"], "text": "Tekst."}
    assert blocks.example(block, "index.md", REGIONS).splitlines()[0] == (
        '!!! example "Voorbeeld uit Achterhoek, Twente en Rijk &quot;van&quot; Nijmegen"')


def test_a_quote_keeps_its_paragraphs():
    assert blocks.quote("Eerste regel\n\nTweede [regel]()") == "> Eerste regel\n>\n> Tweede regel"


def test_the_options_table_groups_the_scenarios_of_a_dimension():
    block = {"caption": "Variatie\nin keuzes", "rows": [{"dimension": "Grootte", "options": [
        {"scenario": "Klein", "considerations": ["Snel", "Weinig\ndraagvlak"]},
        {"scenario": "Groot", "considerations": ["Breed"]}]}]}
    assert blocks.options_table(block) == (
        '<div class="toolkit-table" markdown>\n<table class="toolkit-options" markdown="span">\n'
        "<caption>Variatie in keuzes</caption>\n"
        '<thead><tr><th scope="col">Variatie in</th><th scope="col">Scenario&#39;s</th>'
        '<th scope="col">Overwegingen</th></tr></thead>\n'
        "<tbody markdown>\n"
        '<tr markdown><th scope="rowgroup" rowspan="2" markdown>Grootte</th>'
        '<td data-label="Scenario&#39;s" markdown>Klein</td>'
        '<td data-label="Overwegingen" markdown><ul markdown><li markdown>Snel</li><li markdown>Weinig draagvlak</li>'
        "</ul></td></tr>\n"
        '<tr markdown><td data-label="Scenario&#39;s" markdown>Groot</td>'
        '<td data-label="Overwegingen" markdown><ul markdown><li markdown>Breed</li></ul></td></tr>\n'
        "</tbody>\n</table>\n</div>")


def test_the_situations_table_without_a_caption():
    block = {"rows": [{"situation": "Twee subregio's", "approach": ["Een projectgroep per subregio"]}]}
    assert blocks.situations_table(block) == (
        '<div class="toolkit-table" markdown>\n<table class="toolkit-situations" markdown="span">\n'
        '<thead><tr><th scope="col">Scenario&#39;s</th><th scope="col">Aanpak</th></tr></thead>\n'
        "<tbody markdown>\n"
        '<tr markdown><th scope="row" markdown>Twee subregio\'s</th><td data-label="Aanpak" markdown>'
        "<ul markdown><li markdown>Een projectgroep per subregio</li></ul></td></tr>\n"
        "</tbody>\n</table>\n</div>")


def test_each_kind_of_block_renders_as_its_own():
    assert blocks.render({"text": "Gewoon [x]()."}, "x.md", REGIONS) == "Gewoon x."
    assert blocks.render({"quote": "Citaat"}, "x.md", REGIONS) == "> Citaat"
    assert blocks.render({"example": {"text": "Elders."}}, "x.md", REGIONS).startswith('!!! example "Voorbeeld"')
    assert 'class="toolkit-situations"' in blocks.render({"situations_table": {"rows": []}}, "x.md", REGIONS)
    assert 'class="toolkit-options"' in blocks.render({"options_table": {"rows": []}}, "x.md", REGIONS)
