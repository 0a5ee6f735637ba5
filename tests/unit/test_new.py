"""macros/new.py: file names from Dutch titles, and the next number of a new item."""

from __future__ import annotations

import pytest

from macros import new


@pytest.mark.parametrize("title, name", [
    ("Cliënten betrekken!", "clienten-betrekken"),
    ("De rol van de UWV-adviseur in de regio en daarbuiten", "de-rol-van-de-uwv-adviseur"),
    ("  Één   twee  ", "een-twee"),
    ("Scenario 2: 50% minder", "scenario-2-50-minder"),
])
def test_a_file_name_from_a_title(title, name):
    assert new.slug(title) == name


def test_every_kind_can_be_named_in_dutch():
    assert {word: new.KINDS[word] for word in ("tip", "les", "scenario", "routekaart", "hoofdstuk", "bouwsteen",
                                               "checklist")} == {
        "tip": "tips", "les": "lessons", "scenario": "scenarios", "routekaart": "routekaart",
        "hoofdstuk": "routekaart", "bouwsteen": "bouwstenen", "checklist": "checklists"}


def test_the_number_follows_the_highest_and_other_files_are_ignored(tmp_path):
    tips = tmp_path / "content" / "tips"
    tips.mkdir(parents=True)
    for name in ("01-a.yml", "07-b.yml", "README.yml", "x-08.yml"):
        (tips / name).write_text("id: x\n", encoding="utf-8")
    assert new.create("Tip", "Nieuw", tmp_path / "content") == tips / "08-nieuw.yml"


def test_a_scenario_skeleton_has_a_first_section(tmp_path):
    (tmp_path / "content").mkdir()
    path = new.create("scenario", "Samen", tmp_path / "content")
    assert path.name == "01-samen.yml"
    text = path.read_text(encoding="utf-8")
    assert "sections:\n- id: eerste-paragraaf\n  title: Schrijf hier de kop van de paragraaf\n" in text
    assert "  - actions:\n      items:\n      - Schrijf hier het eerste actiepunt.\n" in text


def test_a_hundredth_item_is_refused(tmp_path):
    tips = tmp_path / "content" / "tips"
    tips.mkdir(parents=True)
    (tips / "99-laatste.yml").write_text("id: x\n", encoding="utf-8")
    with pytest.raises(new.ToolkitError, match=r"^Niets geschreven: tips/ heeft al 99 genummerde bestanden\.$"):
        new.create("tip", "Nog een", tmp_path / "content")
