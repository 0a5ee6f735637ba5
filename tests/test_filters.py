"""The filter above the overviews of tips, lessons, scenarios and checklists, in Chromium: a link with a selection,
ticking and clearing with mouse and keyboard, the address, the status for screen readers, no-match, CSV, print,
instant navigation and no JavaScript. What should show is computed from the content, never counted by hand."""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlparse

import pytest

from test_checklists import context, instant  # noqa: F401 (context: a fixture, 1280 px, downloads)
from test_site_browser import axe_violations

from macros.engine import load_index
from macros.site.render import paging
from macros.site.render.checklist import STARTING, phase_of
from macros.site.render.paging import TIP_GROUPS


@dataclass(frozen=True)
class Entry:
    """One item of an overview, as the filter should see it."""

    id: str
    title: str
    themes: tuple
    group: str  # "" for a kind without groups
    group_label: str


OVERVIEWS = {"tips/": ("tips", "tips"), "lessen/": ("lessons", "lessen"), "scenarios/": ("scenarios", "scenario's"),
             "checklists/": ("checklists", "checklists")}
"""Overview path → (its list in render/paging.py, the noun of its status line)."""


@pytest.fixture(scope="module")
def index():
    return load_index()


def entries(index, path: str) -> list[Entry]:
    """The items on the first page of an overview."""
    key = OVERVIEWS[path][0]
    out = []
    for entry in paging.lists(index)[key].page(1):
        if key == "checklists":
            phase = paging.phase(entry).partition("/")[2] or STARTING
            out.append(Entry(entry.id, entry.title, tuple(entry.item.data.get("themes") or ()), phase, phase_of(index, entry)))
        else:
            group = entry.data.get("group", "") if key == "tips" else ""
            out.append(Entry(entry.id, entry.title, tuple(entry.data["themes"]), group, TIP_GROUPS.get(group, "")))
    return out


def some_theme(shown: list[Entry]) -> str:
    """A theme that some items on the page carry and others don't (the first, in the order of the items)."""
    themes = [theme for entry in shown for theme in entry.themes]
    found = next((t for t in themes if not all(t in entry.themes for entry in shown)), None)
    assert found, "every item on the page has the same themes: nothing to filter"
    return found


def open_filter(context, url):
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_selector("form.toolkit-filter:not([hidden])")
    choices = page.locator("form.toolkit-filter details")
    if choices.get_attribute("open") is None:  # folded unless something is chosen
        page.locator("form.toolkit-filter summary").click()
    return page


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("[data-themes]", "items => items.filter(i => i.checkVisibility()).map(i => i.dataset.id)")


def status(page) -> str:
    return page.inner_text(".toolkit-filter [role=status]")


def query(page) -> list[tuple[str, str]]:
    return parse_qsl(urlparse(page.url).query)


@pytest.mark.parametrize("path", list(OVERVIEWS))
def test_a_link_with_a_theme_shows_exactly_the_items_with_that_theme(context, base_url, index, path):
    shown = entries(index, path)
    theme = some_theme(shown)
    page = open_filter(context, f"{base_url}{path}?thema={theme}")
    expected = [entry.id for entry in shown if theme in entry.themes]
    assert visible_ids(page) == expected
    assert status(page) == f"{len(expected)} van {len(shown)} {OVERVIEWS[path][1]}"
    assert page.get_by_label(index.themes[theme]["title"], exact=True).is_checked()
    assert axe_violations(page) == []


def test_ticking_a_box_filters_and_updates_the_address_keeping_the_search_highlight(context, base_url, index):
    shown = entries(index, "tips/")
    theme = some_theme(shown)
    page = open_filter(context, base_url + "tips/?h=samenwerking")
    assert visible_ids(page) == [entry.id for entry in shown]
    assert status(page) == f"{len(shown)} van {len(shown)} tips"
    page.get_by_label(index.themes[theme]["title"], exact=True).check()
    assert query(page) == [("h", "samenwerking"), ("thema", theme)]
    expected = [entry for entry in shown if theme in entry.themes]
    assert visible_ids(page) == [entry.id for entry in expected]
    assert status(page) == f"{len(expected)} van {len(shown)} tips"
    for group, heading in TIP_GROUPS.items():  # a group's heading shows only while one of its tips does
        assert page.is_visible(f"h2#{group}") == any(entry.group == group for entry in expected), group
    assert axe_violations(page) == []


def test_the_filter_works_with_the_keyboard_alone_and_focus_stays_put(context, base_url, index):
    shown = entries(index, "tips/")
    page = open_filter(context, base_url + "tips/")
    boxes = page.locator(".toolkit-filter input[type=checkbox]")
    boxes.first.focus()
    page.keyboard.press("Space")
    first = boxes.first.get_attribute("value")
    assert query(page) == [("thema", first)]
    assert page.evaluate("document.activeElement.value") == first
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    second = boxes.nth(1).get_attribute("value")
    assert query(page) == [("thema", first), ("thema", second)]
    assert visible_ids(page) == [entry.id for entry in shown if first in entry.themes or second in entry.themes]
    page.locator(".toolkit-filter button", has_text="Alle tonen").focus()
    page.keyboard.press("Enter")
    assert query(page) == [] and visible_ids(page) == [entry.id for entry in shown]
    assert status(page) == f"{len(shown)} van {len(shown)} tips"
    assert page.evaluate("document.activeElement.textContent") == "Alle tonen"


def _empty_choice(index) -> tuple[str, str, str, str]:
    """An overview, theme and group that no item on it has together: (path, noun, theme, group)."""
    for path, parameter in (("tips/", "groep"), ("checklists/", "fase")):
        shown = entries(index, path)
        for theme in dict.fromkeys(t for entry in shown for t in entry.themes):
            for group in dict.fromkeys(entry.group for entry in shown):
                if not any(theme in entry.themes and entry.group == group for entry in shown):
                    return path, OVERVIEWS[path][1], f"thema={theme}&{parameter}={group}", group
    pytest.fail("every theme comes with every group in tips and checklists: no choice matches nothing")


def test_a_choice_that_matches_nothing_says_so_and_offers_all(context, base_url, index):
    path, noun, choice, _ = _empty_choice(index)
    page = open_filter(context, f"{base_url}{path}?h=regio&{choice}")
    assert visible_ids(page) == []
    assert status(page) == f"Geen {noun} met deze keuze."
    assert page.locator(".toolkit-filter-group").evaluate_all("groups => groups.filter(g => g.checkVisibility())") == []
    assert axe_violations(page) == []
    page.get_by_role("button", name="Alle tonen").click()
    shown = entries(index, path)
    assert visible_ids(page) == [entry.id for entry in shown]
    assert status(page) == f"{len(shown)} van {len(shown)} {noun}"
    assert query(page) == [("h", "regio")]
    assert axe_violations(page) == []


def test_the_selection_downloads_as_csv_for_dutch_excel(context, base_url, index, tmp_path):
    shown = entries(index, "tips/")
    theme = some_theme(shown)
    page = open_filter(context, f"{base_url}tips/?thema={theme}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als CSV").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert saved.name == "tips.csv"
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel reads ë and ï
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    groups = len({entry.group for entry in shown}) > 1
    assert rows[0] == ["soort", "id", "titel", "thema's", *(["groep"] if groups else []), "adres"]
    assert rows[1:] == [["Tip", entry.id, entry.title, ", ".join(index.themes[t]["title"] for t in entry.themes),
                         *([entry.group_label] if groups else []), f"{base_url}tips/#{entry.id}"]
                        for entry in shown if theme in entry.themes]


def test_printing_shows_the_selection_and_not_the_hidden_items(context, base_url, index, tmp_path):
    shown = entries(index, "tips/")
    theme = some_theme(shown)
    title = index.themes[theme]["title"]
    page = open_filter(context, f"{base_url}tips/?thema={theme}")
    hidden = [entry for entry in shown if theme not in entry.themes]
    page.emulate_media(media="print")
    assert not page.is_visible("form.toolkit-filter")
    line = f"Selectie: thema {title} ({len(shown) - len(hidden)} van {len(shown)} tips)"
    assert page.inner_text(".toolkit-filter__selection") == line
    assert not any(page.is_visible(f"h3[id='{entry.id}']") for entry in hidden)
    page.pdf(path=str(tmp_path / "tips.pdf"))
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "tips.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert line in " ".join(text.split())
    assert [entry.title for entry in hidden if entry.title in text] == []


def test_the_selection_line_is_not_on_screen_nor_in_print_without_a_choice(context, base_url):
    page = open_filter(context, base_url + "tips/")
    assert not page.is_visible(".toolkit-filter__selection")
    page.emulate_media(media="print")
    assert not page.is_visible(".toolkit-filter__selection")


def test_without_javascript_every_item_shows_and_no_filter(browser, base_url, index):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    shown = entries(index, "tips/")
    page.goto(f"{base_url}tips/?thema={some_theme(shown)}")
    assert visible_ids(page) == [entry.id for entry in shown]
    assert not page.is_visible("form.toolkit-filter")
    context.close()


def test_the_selection_comes_back_after_instant_navigation(context, base_url, index):
    """Lessons → tips without a page reload: filter.js arrives then, once; a choice survives going elsewhere and back."""
    shown = entries(index, "tips/")
    theme = some_theme(shown)
    page = instant(context, base_url).new_page()
    page.goto(base_url + "lessen/", wait_until="load")
    page.wait_for_selector("form.toolkit-filter:not([hidden])")
    page.evaluate("window.__samePage = true")  # gone if the browser loads a whole new page
    page.click("a.md-nav__link[href$='/tips/']")
    page.wait_for_url("**/tips/")
    page.wait_for_selector("form.toolkit-filter[data-filter=tips]:not([hidden])")
    page.locator("form.toolkit-filter summary").click()
    page.get_by_label(index.themes[theme]["title"], exact=True).check()
    page.click("a.md-tabs__link:has-text('Thema')")
    page.wait_for_url("**/themas/")
    page.go_back()
    page.wait_for_selector("form.toolkit-filter[data-filter=tips]:not([hidden])")
    assert query(page) == [("thema", theme)]
    assert visible_ids(page) == [entry.id for entry in shown if theme in entry.themes]
    assert page.evaluate("window.__samePage") is True
    scripts = page.evaluate("performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('/filter.js'))")
    assert scripts == [base_url + "assets/filter.js"]


def test_a_page_without_an_overview_does_not_load_the_filter(context, base_url):
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")  # whatever toolkit.js would load has arrived
    assert page.evaluate("performance.getEntriesByType('resource').filter(r => r.name.endsWith('/filter.js')).length") == 0
