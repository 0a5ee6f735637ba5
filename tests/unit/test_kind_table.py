"""macros/engine/kinds.py: the one table of content kinds, and what the site derives from it."""

from __future__ import annotations

import re

from macros.engine import kinds
from macros.site.render import links


def test_labels_and_back_links_of_each_kind():
    by_folder = kinds.BY_FOLDER
    assert by_folder["tips"].count_word == "tips" and by_folder["tips"].back_label == "Alle tips"
    assert by_folder["scenarios"].back_label == "Alle scenario's"
    assert by_folder["routekaart"].count_word == "elementen"
    assert by_folder["routekaart"].back_label == "Routekaart: alle elementen"
    assert links.KIND_LABELS["lessons"] == ("Les", "Lessen")


def test_a_reference_names_a_referable_kind_and_an_item_id():
    pattern = re.compile(kinds.ref_pattern())
    assert pattern.match("tips/01-projectleiderschap")
    assert pattern.match("routekaart/01-x#eerste-paragraaf")
    assert not pattern.match("checklists/01-x")  # a checklist is no source of points or related item
    assert not pattern.match("tips/01-X")
    assert not pattern.match("tips/01-x/")
    assert not re.match(kinds.ref_pattern(with_anchor=False), "routekaart/01-x#y")


def test_which_kinds_have_pages_of_their_own():
    assert {"scenarios", "routekaart", "checklists"} <= links.OWN_PAGE
    assert not {"tips", "lessons", "bouwstenen"} & links.OWN_PAGE
    assert links.SECTION_PAGES["lessons"] == "lessen/index.md"
