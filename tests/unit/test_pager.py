"""render/pager.py: the heading, count and pager of each page of a list that runs over several pages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros.site.render import pager, paging
from macros.site.render.paging import Paged


@pytest.fixture(autouse=True)
def given_lists(monkeypatch):
    """The pager asks paging.lists for an index's lists: here the index carries them ready-made."""
    monkeypatch.setattr(paging, "lists", lambda index: index.lists)


def index_with(key: str, entries: int, size: int, **tables) -> SimpleNamespace:
    """Just what the pager reads: the list ``key`` of ``entries`` entries in pages of ``size``."""
    return SimpleNamespace(lists={key: Paged(list(range(entries)), size)}, **tables)


def test_a_page_title_names_the_list_and_where_it_is():
    index = index_with("tips", 60, 25)
    assert pager.title(index, "tips", 2) == "Tips, pagina 2 van 3"
    assert pager.title(index, "tips", 3) == "Tips, pagina 3 van 3"


def test_titles_of_a_themes_and_a_regions_pages_name_them():
    themes = {"privacy": {"title": "Privacy"}}
    regions = {"twente": {"name": "Twente"}}
    index = SimpleNamespace(lists={"theme/privacy": Paged(list(range(5)), 2), "region/twente": Paged([1, 2], 1)},
                            themes=themes, regions=regions)
    assert pager.title(index, "theme/privacy", 2) == "Privacy, pagina 2 van 3"
    assert pager.title(index, "region/twente", 2) == "Twente, pagina 2 van 2"
    assert pager.labels(index, "theme/privacy") == ("Privacy", "onderdelen", "thema Privacy")
    assert pager.labels(index, "region/twente") == ("Twente", "voorbeelden", "regio Twente")


def test_the_list_labels():
    assert pager.LISTS["all-checklists"] == ("Alle checklists", "checklists", "alle checklists")
    assert pager.LISTS["routekaart"] == ("Routekaart", "elementen", "de routekaart")
    assert pager.LISTS["scenarios"] == ("Scenario's", "scenario's", "de scenario's")


def test_a_list_of_one_page_gets_no_heading_count_or_pager():
    index = index_with("tips", 25, 25)
    assert pager.head(index, "tips", 1) == []
    assert pager.nav(index, "tips/index.md", "tips", 1) == ""
    assert pager.page(index, "tips/index.md", "tips", 1, ["A", "", "B"], ["Terug"]) == "Terug\n\nA\n\nB"


def test_page_one_counts_what_it_shows_without_a_heading_of_its_own():
    assert pager.head(index_with("tips", 60, 25), "tips", 1) == ["1–25 van 60 tips\n{: .toolkit-pages__count }"]


def test_a_later_page_has_its_heading_and_count():
    assert pager.head(index_with("tips", 60, 25), "tips", 3) == [
        "# Tips, pagina 3 van 3 {: .toolkit-pages__title}",
        "51–60 van 60 tips\n{: .toolkit-pages__count }",
    ]
    assert pager.head(index_with("routekaart", 21, 20), "routekaart", 2)[1] == \
        "21–21 van 21 elementen\n{: .toolkit-pages__count }"


def test_the_pager_of_a_middle_page():
    nav = pager.nav(index_with("tips", 60, 25), "tips/pagina/2.md", "tips", 2)
    assert nav == (
        '<nav class="toolkit-pages" aria-label="Pagina\'s van de tips" markdown="1">\n'
        '<ul class="toolkit-pages__list" markdown="1">\n'
        '<li markdown="span">[Vorige](../index.md){ rel="prev" }</li>\n'
        '<li markdown="span">[<span class="toolkit-visually-hidden">Pagina </span>1](../index.md)</li>\n'
        '<li markdown="span">[<span class="toolkit-visually-hidden">Pagina </span>2](2.md){ aria-current="page" }</li>\n'
        '<li markdown="span">[<span class="toolkit-visually-hidden">Pagina </span>3](3.md)</li>\n'
        '<li markdown="span">[Volgende](3.md){ rel="next" }</li>\n'
        "</ul>\n</nav>")


def test_the_first_page_has_no_previous_and_the_last_no_next():
    index = index_with("tips", 60, 25)
    first, last = pager.nav(index, "tips/index.md", "tips", 1), pager.nav(index, "tips/pagina/3.md", "tips", 3)
    assert "Vorige" not in first and '[Volgende](pagina/2.md){ rel="next" }' in first
    assert "Volgende" not in last and '[Vorige](2.md){ rel="prev" }' in last


def test_a_long_pager_links_the_ends_and_two_pages_either_side_with_gaps_between():
    nav = pager.nav(index_with("tips", 500, 25), "tips/pagina/10.md", "tips", 10)
    shown = [line.split("</span>")[1].split("]")[0] for line in nav.splitlines() if "Pagina </span>" in line]
    assert shown == ["1", "8", "9", "10", "11", "12", "20"]
    assert nav.count('<li class="toolkit-pages__gap" aria-hidden="true">…</li>') == 2


def test_the_pager_name_of_a_theme_with_quotes_stays_one_attribute():
    index = SimpleNamespace(lists={"theme/x": Paged(list(range(3)), 1)}, themes={"x": {"title": 'Het "ja" & <nee>'}})
    nav = pager.nav(index, "themas/x.md", "theme/x", 1)
    assert nav.startswith('<nav class="toolkit-pages" aria-label="Pagina\'s van thema Het &quot;ja&quot; &amp; '
                          '&lt;nee&gt;" markdown="1">')
    assert "[Volgende](x/pagina/2.md)" in nav
