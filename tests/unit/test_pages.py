"""macros/site/pages.py: the thin generated pages per item, theme, region and further page of a list."""

from __future__ import annotations

from macros.site import pages

from .conftest import add_tips, write_yaml


def test_each_item_theme_and_region_gets_a_page_that_calls_its_macro(mini):
    wanted = pages.wanted(mini)
    assert wanted["scenarios/01-voorbeeld.md"] == (
        '---\ntitle: "Een voorbeeldscenario"\ngenerated: true\n---\n\n{{ scenario_page("01-voorbeeld") }}\n')
    assert wanted["routekaart/01-voorbeeld.md"].endswith('{{ chapter_page("01-voorbeeld") }}\n')
    assert wanted["checklists/01-voorbeeld.md"].endswith('{{ checklist_page("01-voorbeeld") }}\n')
    assert wanted["themas/casuistiek.md"] == (
        '---\ntitle: "Casuïstiek"\ngenerated: true\n---\n\n{{ theme_page("casuistiek") }}\n')
    assert wanted["regios/twente.md"].endswith('{{ region_page("twente") }}\n')
    assert not any(path.startswith(("tips/", "lessen/", "bouwstenen/")) for path in wanted)


def test_an_edit_link_opens_the_file_a_page_comes_from(mini):
    wanted = pages.wanted(mini, "https://example.org/edit/main/")
    assert 'edit_url: "https://example.org/edit/main/mini-content/scenarios/01-voorbeeld.yml"\n' in \
        wanted["scenarios/01-voorbeeld.md"]
    assert 'edit_url: "https://example.org/edit/main/mini-content/themes.yml"\n' in wanted["themas/privacy.md"]


def test_further_pages_of_a_list_are_generated_and_edited_on_the_first(make_index):
    index = make_index(lambda content: add_tips(content, 4), sizes={"tips": 2})
    wanted = pages.wanted(index, "https://e.org/edit/main/")
    assert wanted["tips/pagina/2.md"] == (
        '---\ntitle: "Tips, pagina 2 van 3"\nedit_url: "https://e.org/edit/main/docs/tips/index.md"\n'
        "generated: true\n---\n\n{{ tips_overview(2) }}\n")
    assert "tips/pagina/3.md" in wanted and "tips/pagina/4.md" not in wanted


def test_further_pages_with_all_checklists_stay_out_of_search(make_index):
    def many(content):
        for n in range(3):
            write_yaml(content / "checklists" / f"0{n + 2}-c.yml",
                       {"id": f"0{n + 2}-c", "title": f"C{n}", "intro": "I.", "items": [{"text": f"P{n}."}]})

    wanted = pages.wanted(make_index(many, sizes={"all-checklists": 2}))
    assert wanted["checklists/alle/pagina/2.md"] == (
        '---\ntitle: "Alle checklists, pagina 2 van 2"\nsearch:\n  exclude: true\ngenerated: true\n---\n\n'
        "{{ all_checklists(2) }}\n")


def test_sync_writes_new_pages_removes_stale_ones_and_leaves_hand_written_pages_alone(mini, tmp_path):
    docs = tmp_path / "docs"
    (docs / "scenarios").mkdir(parents=True)
    (docs / "scenarios" / "index.md").write_text("# Scenario's\n\n{{ scenarios_overview() }}\n", encoding="utf-8")
    stale = docs / "scenarios" / "02-weg.md"
    stale.write_text('---\ntitle: "Weg"\ngenerated: true\n---\n\n{{ scenario_page("02-weg") }}\n', encoding="utf-8")
    (docs / "themas" / "oud" / "pagina").mkdir(parents=True)
    (docs / "themas" / "oud" / "pagina" / "2.md").write_text("---\ngenerated: true\n---\n", encoding="utf-8")
    own = docs / "themas" / "eigen.md"
    own.write_text("# Een eigen pagina\n", encoding="utf-8")

    pages.sync(mini, docs)

    assert not stale.exists() and not (docs / "themas" / "oud").exists()
    assert own.read_text(encoding="utf-8") == "# Een eigen pagina\n"
    assert (docs / "scenarios" / "index.md").read_text(encoding="utf-8").startswith("# Scenario's")
    assert (docs / "scenarios" / "01-voorbeeld.md").is_file()
    # a kind whose overview docs/ lacks gets a generated one
    assert (docs / "tips" / "index.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Tips"\ngenerated: true\n---\n\n{{ tips_overview() }}\n')
    assert (docs / "bouwstenen" / "index.md").read_text(encoding="utf-8").endswith("{{ bouwstenen_overview() }}\n")


def test_a_title_that_looks_like_a_template_is_held_back_while_the_page_renders():
    meta = {"title": "Werken met {{ regio }}", "generated": True}
    pages.hold_title(meta)
    assert meta == {"toolkit_title": "Werken met {{ regio }}", "generated": True}
    pages.give_back_title(meta)
    assert meta == {"title": "Werken met {{ regio }}", "generated": True}
    hand_written = {"title": "Werken met {{ regio }}"}
    pages.hold_title(hand_written)
    assert hand_written == {"title": "Werken met {{ regio }}"}


def test_an_overview_the_menu_does_not_name_is_added_at_its_end():
    nav = [{"Home": "index.md"}, {"Inhoud": [{"Tips": "tips/index.md"}, "lessen/index.md"]},
           {"Scenario's": "scenarios/index.md"}, {"Routekaart": "routekaart/index.md"},
           {"Checklists": [{"Alle": "checklists/index.md"}]}]
    pages.add_to_nav(nav)
    assert nav[-1] == {"Bouwstenen": "bouwstenen/index.md"}
    assert len(nav) == 6
    pages.add_to_nav(None)  # without a menu MkDocs lists every page itself: nothing to do
