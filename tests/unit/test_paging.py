"""macros/site/render/paging.py: each list in the order the site shows it, cut into pages."""

from __future__ import annotations

from macros.site.render import paging
from macros.site.render.paging import Paged

from .conftest import add_tips, write_yaml


def test_a_list_in_pages():
    paged = Paged(list("abcdefg"), 3, {"x/" + c: n for n, c in enumerate("abcdefg")})
    assert paged.pages == 3
    assert paged.page(1) == ["a", "b", "c"] and paged.page(3) == ["g"]
    assert paged.first(3) == 6
    assert [paged.page_of(f"x/{c}") for c in "acdg"] == [1, 1, 2, 3]


def test_an_empty_list_still_has_its_first_page():
    assert Paged([], 25).pages == 1
    assert Paged([], 25).page(1) == []


def test_tips_are_listed_by_group_important_first(make_index):
    def content(folder):
        add_tips(folder, 2, group="aandacht")
        add_tips_important(folder)

    index = make_index(content)
    assert [tip.id for tip in paging.lists(index)["tips"].entries] == ["01-voorbeeld", "03-belangrijk", "02-tip-1", "02-tip-2"]
    assert list(paging.TIP_GROUPS.values()) == ["Wat belangrijk is bij", "Besteed ook aandacht aan"]


def add_tips_important(folder):
    write_yaml(folder / "tips" / "03-belangrijk.yml",
               {"id": "03-belangrijk", "title": "Belangrijk", "group": "belangrijk", "text": "Tekst.",
                "themes": ["privacy"], "source": "voorbeeldbron"})


def test_a_theme_page_lists_what_carries_it_in_the_order_of_the_kinds(mini):
    kinds = [mention.item.kind for mention in paging.lists(mini)["theme/projectleiderschap"].entries]
    assert kinds == sorted(kinds, key=["tips", "lessons", "scenarios", "routekaart", "bouwstenen", "checklists"].index)
    assert kinds[0] == "tips" and kinds[-1] == "routekaart"


def test_a_checklist_belongs_to_the_routekaart_element_it_first_comes_from(mini):
    assert paging.phase(mini.checklists["01-voorbeeld"]) == "routekaart/01-voorbeeld"
    own = type(mini.checklists["01-voorbeeld"])(mini.checklists["01-voorbeeld"].item, origins=["lessons/01-voorbeeld"])
    assert paging.phase(own) == ""
