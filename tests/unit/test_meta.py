"""render/meta.py: the line under each item or section (themes, source, checklists, related) and link lists."""

from __future__ import annotations

from macros.site.render import meta


def test_the_meta_line_of_a_tip(mini):
    tip = mini.items["tips"]["01-voorbeeld"]
    assert meta.meta(mini, "tips/index.md", tip.data, tip.ref, "voorbeeldbron") == (
        "Thema: [Projectleiderschap](../themas/projectleiderschap.md) · Bron: [Voorbeeldbron](../bronnen.md#voorbeeldbron)"
        "\n{: .toolkit-meta }\n\n"
        "Zie ook: Les: [Een voorbeeldles](../lessen/index.md#01-voorbeeld), Routekaart: Een voorbeeldelement "
        "([Eerste paragraaf](../routekaart/01-voorbeeld.md#eerste-paragraaf)), Scenario: [Een voorbeeldscenario]"
        "(../scenarios/01-voorbeeld.md)\n{: .toolkit-related }")


def test_two_themes_and_an_edit_link(mini):
    chapter = mini.items["routekaart"]["01-voorbeeld"]
    line = meta.meta(mini, "index.md", chapter.data, "x/none", None, "https://e.org/edit/x.yml", checklists=[])
    assert line == ("Thema's: [Projectleiderschap](themas/projectleiderschap.md), [Privacy](themas/privacy.md)"
                    " · [Bewerk dit onderdeel](https://e.org/edit/x.yml)\n{: .toolkit-meta }")


def test_nothing_to_say_is_an_empty_line(mini):
    assert meta.meta(mini, "index.md", {}, "x/none") == ""


def test_the_checklists_made_from_a_part_follow_its_meta_line(mini):
    section = mini.items["routekaart"]["01-voorbeeld"].sections["eerste-paragraaf"]
    out = meta.meta(mini, "routekaart/01-voorbeeld.md", section.data, section.ref)
    assert "\n\nAls checklist: [Een voorbeeldchecklist](../checklists/01-voorbeeld.md)\n{: .toolkit-as-checklist }\n\n" \
        in out


def test_a_link_list_names_each_item_once_with_its_sections_after_it(mini):
    refs = ["scenarios/01-voorbeeld#keuzes", "tips/01-voorbeeld", "scenarios/01-voorbeeld",
            "routekaart/01-voorbeeld#subparagraaf", "routekaart/01-voorbeeld#eerste-paragraaf",
            "scenarios/01-voorbeeld#keuzes"]
    assert meta.link_list(mini, "index.md", refs) == (
        "Scenario: [Een voorbeeldscenario](scenarios/01-voorbeeld.md) "
        "([Keuzes in de regio](scenarios/01-voorbeeld.md#keuzes)), "
        "Tip: [Een voorbeeldtip](tips/index.md#01-voorbeeld), "
        "Routekaart: Een voorbeeldelement ([Een subparagraaf](routekaart/01-voorbeeld.md#subparagraaf), "
        "[Eerste paragraaf](routekaart/01-voorbeeld.md#eerste-paragraaf))")


def test_where_a_page_names_each_checklist(mini):
    chapter = mini.items["routekaart"]["01-voorbeeld"]
    places = meta.checklist_places(mini, meta.item_parts(chapter), chapter.ref)
    assert {ref: [c.id for c in found] for ref, found in places.items()} == {
        "routekaart/01-voorbeeld#eerste-paragraaf": ["01-voorbeeld"]}


def test_a_checklist_from_two_parts_is_named_at_the_part_that_holds_both(mini):
    checklist = mini.checklists["01-voorbeeld"]
    index = type(mini)(**{**vars(mini), "checklists_by_ref": {"a#1": [checklist], "a#2": [checklist]}})
    parts = {"a": (), "a#1": ("sections", 0), "a#2": ("sections", 0, "sections", 1)}
    assert meta.checklist_places(index, parts, "page") == {"a#1": [checklist]}
    apart = {"a#1": ("sections", 0), "a#2": ("sections", 1)}
    assert meta.checklist_places(index, apart, "page") == {"page": [checklist]}


def test_no_checklist_no_line(mini):
    assert meta.as_checklist(mini, "index.md", []) == ""


def test_a_reference_as_it_reads_in_a_list(mini):
    assert meta.label_of(mini, "lessons/01-voorbeeld") == "Les: Een voorbeeldles"
    assert meta.label_of(mini, "routekaart/01-voorbeeld#subparagraaf") == \
        "Routekaart: Een voorbeeldelement › Een subparagraaf"
