"""render/items.py: the overviews of tips, lessons and bouwstenen, and the pages of scenarios and chapters."""

from __future__ import annotations

import markdown

from macros.site.render import items

from .conftest import add_tips, read_yaml, write_yaml


def test_tips_stand_under_their_group_with_their_meta_line(mini):
    out = items.tips(mini, "tips/index.md", "https://example.org/edit/main/")
    assert out.split("\n\n")[:6] == [  # the mini content has one tip, one theme: nothing to filter, so no form
        '<div class="toolkit-filter-group" markdown>',
        "## Wat belangrijk is bij {#belangrijk}",
        '<div class="toolkit-filter-item" data-id="01-voorbeeld" data-themes="projectleiderschap" data-group="belangrijk"'
        " markdown>",
        "### Een voorbeeldtip {#01-voorbeeld}",
        "Stel een projectleider aan met een goed netwerk in de regio.",
        "- Spreek een concrete resultaatverplichting af",
    ]
    assert ("Thema: [Projectleiderschap](../themas/projectleiderschap.md) · Bron: [Voorbeeldbron](../bronnen.md#"
            "voorbeeldbron) · [Bewerk dit onderdeel](https://example.org/edit/main/mini-content/tips/01-voorbeeld.yml)"
            "\n{: .toolkit-meta }") in out


def test_without_an_edit_address_there_is_no_edit_link(mini):
    assert "Bewerk dit onderdeel" not in items.tips(mini, "tips/index.md")


def test_each_group_heading_comes_once(make_index):
    out = items.tips(make_index(lambda content: add_tips(content, 2)), "tips/index.md")
    assert out.count("## Wat belangrijk is bij {#belangrijk}") == 1
    assert out.count("## Besteed ook aandacht aan {#aandacht}") == 1
    assert out.index("{#belangrijk}") < out.index("### Een voorbeeldtip") < out.index("{#aandacht}") < \
        out.index("### Tip 1 {#02-tip-1}") < out.index("### Tip 2 {#02-tip-2}")


def test_page_two_of_the_tips_continues_with_the_next_tips_and_a_pager(make_index):
    index = make_index(lambda content: add_tips(content, 4), sizes={"tips": 2})
    out = items.tips(index, "tips/pagina/2.md", page=2)
    assert out.startswith("# Tips, pagina 2 van 3 {: .toolkit-pages__title}\n\n"
                          "3–4 van 5 tips\n{: .toolkit-pages__count }\n\n"
                          '<div class="toolkit-filter-group" markdown>\n\n'
                          "## Besteed ook aandacht aan {#aandacht}\n\n"
                          '<div class="toolkit-filter-item" data-id="02-tip-2" data-themes="privacy" data-group="aandacht" '
                          "markdown>\n\n### Tip 2 {#02-tip-2}")
    assert "### Tip 4 {#02-tip-4}" not in out
    assert out.endswith("</ul>\n</nav>")


def test_lessons_are_numbered_across_pages(make_index):
    def more_lessons(content):
        lesson = read_yaml(content / "lessons" / "01-voorbeeld.yml")
        for n in (2, 3):
            write_yaml(content / "lessons" / f"0{n}-les.yml", {**lesson, "id": f"0{n}-les", "title": f"Les {n}"})

    index = make_index(more_lessons, sizes={"lessons": 2})
    assert "## 1. Een voorbeeldles {#01-voorbeeld}" in items.lessons(index, "lessen/index.md")
    assert "## 3. Les 3 {#03-les}" in items.lessons(index, "lessen/pagina/2.md", page=2)


def test_the_lessons_source_opens_the_first_page_and_closes_the_last(make_index):
    def intro_and_closing(content):
        write_yaml(content / "sources.yml", [
            {"id": "voorbeeldbron", "title": "Voorbeeldbron", "kind": "Document", "section": "lessons",
             "intro": "Zo begon het.", "closing": "Tot slot."}])
        lesson = read_yaml(content / "lessons" / "01-voorbeeld.yml")
        write_yaml(content / "lessons" / "02-les.yml", {**lesson, "id": "02-les", "title": "Les 2"})

    index = make_index(intro_and_closing, sizes={"lessons": 1})
    first, last = items.lessons(index, "lessen/index.md"), items.lessons(index, "lessen/pagina/2.md", page=2)
    assert ('\n\nZo begon het.\n\n<div class="toolkit-filter-item" data-id="01-voorbeeld" data-themes="casuistiek" markdown>'
            "\n\n## 1. Een voorbeeldles {#01-voorbeeld}") in first and "Tot slot." not in first
    assert "Zo begon het." not in last
    assert '<div class="toolkit-closing" markdown>\n\nTot slot.\n\n</div>' in last


def test_a_bouwsteen_with_its_insights_and_groups(mini):
    assert items.bouwstenen(mini, "bouwstenen/index.md").split("\n\n")[:4] == [
        "## Een voorbeeldbouwsteen {#01-voorbeeld}",
        "- Taal is belangrijk: gebruik de taal van de inwoner.",
        "### Tips en voorbeelden {#01-voorbeeld-tips}",
        "- Zoek elkaar op.",
    ]


def test_the_overview_of_scenarios_shows_each_with_its_first_sentence(mini):
    assert items.overview(mini, "scenarios/index.md", "scenarios").split("</form>\n\n")[1] == (
        '<div class="toolkit-index" markdown>\n\n'
        "- **[Een voorbeeldscenario](01-voorbeeld.md)**  \n  Elke regio maakt eigen keuzes.\n"
        '  {: data-id="01-voorbeeld" data-themes="projectleiderschap casuistiek" }\n\n</div>')


def test_the_overview_of_the_routekaart_shows_each_with_its_tagline(mini):
    assert "- **[Een voorbeeldelement](01-voorbeeld.md)**  \n  De samenwerking gaat door na de eerste impuls" in \
        items.overview(mini, "routekaart/index.md", "routekaart")


def test_a_long_intro_is_cut_at_its_first_sentence_or_a_word():
    assert items._first_sentence("Eerste zin. Tweede zin.") == "Eerste zin."
    assert items._first_sentence("woord " * 60) == " ".join(["woord"] * 36) + " …"
    assert items._first_sentence("Kort\nen goed\n\nTweede alinea.") == "Kort en goed"


def test_a_chapter_page(mini):
    out = items.page(mini, "routekaart/01-voorbeeld.md", "routekaart", "01-voorbeeld")
    parts = out.split("\n\n")
    assert parts[:5] == [
        "[← Routekaart: alle elementen](index.md)\n{: .toolkit-back }",
        "# Een voorbeeldelement",
        "De samenwerking gaat door na de eerste impuls\n{: .toolkit-tagline }",
        "Een korte inleiding.",
        "## Eerste paragraaf {#eerste-paragraaf}",
    ]
    assert "### Een subparagraaf {#subparagraaf}" in parts
    assert "Als checklist: [Een voorbeeldchecklist](../checklists/01-voorbeeld.md)\n{: .toolkit-as-checklist }" in parts
    assert out.endswith("Thema's: [Projectleiderschap](../themas/projectleiderschap.md), [Privacy](../themas/privacy.md)"
                        " · Bron: [Voorbeeldbron](../bronnen.md#voorbeeldbron)\n{: .toolkit-meta }")


def test_a_scenario_page_links_back_to_all_scenarios(mini):
    out = items.page(mini, "scenarios/01-voorbeeld.md", "scenarios", "01-voorbeeld")
    assert out.startswith("[← Alle scenario's](index.md)\n{: .toolkit-back }\n\n# Een voorbeeldscenario\n\n")
    assert "toolkit-pager" not in out  # the only scenario: nothing before or after it


def test_a_scenario_page_links_the_previous_and_next_scenario(make_index):
    def three(content):
        scenario = read_yaml(content / "scenarios" / "01-voorbeeld.yml")
        for n, title in ((2, "Tweede [scenario]"), (3, "Derde")):
            write_yaml(content / "scenarios" / f"0{n}-s.yml", {**scenario, "id": f"0{n}-s", "title": title})

    out = items.page(make_index(three), "scenarios/02-s.md", "scenarios", "02-s")
    assert out.startswith("[← Alle scenario's](index.md)\n{: .toolkit-back }\n\n# Tweede \\[scenario\\]\n\n")
    assert out.endswith('<nav class="toolkit-pager" aria-label="Andere scenario\'s" markdown>\n\n'
                        "Vorige: [Een voorbeeldscenario](01-voorbeeld.md)  \nVolgende: [Derde](03-s.md)\n\n</nav>")



# --- the filter (render/filters.py, overrides/assets/filter.js) --------------------------------------------------

def _html(markdown_text: str) -> str:
    """The Markdown as the site renders it (the extensions of mkdocs.yml that the overviews use)."""
    return markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html"])


def test_each_tip_carries_its_id_themes_and_group_for_the_filter(make_index):
    index = make_index(lambda content: add_tips(content, 2))
    out = _html(items.tips(index, "tips/index.md"))
    for tip in index.items["tips"].values():
        assert (f'<div class="toolkit-filter-item" data-group="{tip.data["group"]}" data-id="{tip.id}" '
                f'data-themes="{" ".join(tip.data["themes"])}">\n<h3 id="{tip.id}">') in out
    assert out.count('<div class="toolkit-filter-group">\n<h2 id=') == 2


def test_the_tips_filter_offers_the_themes_and_groups_of_the_tips_on_the_page(make_index):
    out = items.tips(make_index(lambda content: add_tips(content, 2)), "tips/index.md")
    assert out.startswith(
        '<form class="toolkit-filter" data-filter="tips" data-singular="Tip" data-noun="tips" aria-label="Tips filteren" '
        'hidden>\n<details class="toolkit-filter__choices">\n<summary>Kies op thema en groep</summary>\n'
        '<fieldset class="toolkit-filter__field" data-attribute="themes">\n<legend>Thema</legend>\n'
        '<label class="toolkit-filter__option"><input type="checkbox" name="thema" value="projectleiderschap"> '
        "Projectleiderschap</label>\n"
        '<label class="toolkit-filter__option"><input type="checkbox" name="thema" value="privacy"> Privacy</label>\n'
        '</fieldset>\n<fieldset class="toolkit-filter__field" data-attribute="group">\n<legend>Groep</legend>\n'
        '<label class="toolkit-filter__option"><input type="checkbox" name="groep" value="belangrijk"> '
        "Wat belangrijk is bij</label>\n"
        '<label class="toolkit-filter__option"><input type="checkbox" name="groep" value="aandacht"> '
        "Besteed ook aandacht aan</label>\n</fieldset>\n</details>\n"
        '<p class="toolkit-filter__status" role="status"></p>\n'
        '<p class="toolkit-filter__tools"><button type="button" class="md-button" data-action="all">Alle tonen</button> '
        '<button type="button" class="md-button" data-action="csv">Download als CSV</button> '
        '<button type="button" class="md-button" data-action="print">Afdrukken</button></p>\n</form>\n\n')
    assert 'value="casuistiek"' not in out  # the theme of the lesson, not of a tip


def test_on_a_list_of_several_pages_the_filter_says_it_chooses_from_this_page(make_index):
    index = make_index(lambda content: add_tips(content, 4), sizes={"tips": 2})
    first = items.tips(index, "tips/index.md")
    assert ('<p class="toolkit-filter__scope">Dit filter kiest uit de tips op deze pagina (pagina 1 van 3). '
            "Alles met één thema staat bij elkaar op de pagina van dat thema.</p>\n") in first
    assert 'value="aandacht"' in first and 'data-id="02-tip-1"' in first and 'data-id="02-tip-2"' not in first
    assert "<form" not in items.tips(index, "tips/pagina/2.md", page=2)  # two tips, one theme, one group: no choice


def test_each_lesson_carries_its_id_and_themes_for_the_filter(make_index):
    def second_lesson(content):
        lesson = read_yaml(content / "lessons" / "01-voorbeeld.yml")
        write_yaml(content / "lessons" / "02-les.yml", {**lesson, "id": "02-les", "title": "Les 2", "themes": ["privacy"]})

    out = _html(items.lessons(make_index(second_lesson), "lessen/index.md"))
    assert '<form class="toolkit-filter" data-filter="lessen" data-singular="Les" data-noun="lessen"' in out
    assert '<div class="toolkit-filter-item" data-id="01-voorbeeld" data-themes="casuistiek">\n<h2 id="01-voorbeeld">' in out
    assert '<div class="toolkit-filter-item" data-id="02-les" data-themes="privacy">\n<h2 id="02-les">' in out


def test_each_scenario_in_the_overview_carries_its_id_and_themes_for_the_filter(mini):
    out = _html(items.overview(mini, "scenarios/index.md", "scenarios"))
    assert ('<form class="toolkit-filter" data-filter="scenarios" data-singular="Scenario" data-noun="scenario&#x27;s" '
            'aria-label="Scenario&#x27;s filteren" hidden>') in out
    assert ('<li data-id="01-voorbeeld" data-themes="projectleiderschap casuistiek"><strong><a href="01-voorbeeld.md">'
            "Een voorbeeldscenario</a></strong><br />\n  Elke regio maakt eigen keuzes.</li>") in out


def test_an_old_id_stays_an_anchor_on_the_overview(make_index):
    """A tip, lesson or bouwsteen has no page of its own: a link to its old id (#01-oud) lands on it still."""
    from macros.engine.history import Move

    index = make_index()
    tip = index.of_kind("tips")[0]
    items.use_moves(index, [Move("tips", "01-oud", tip.ref, tip.title)])
    out = items.tips(index, "tips/index.md")
    assert f'<a id="01-oud"></a>\n\n### {tip.title} {{#{tip.id}}}' in out
    assert '<a id=' not in items.lessons(index, "lessen/index.md")
