"""render/links.py: where each piece of content lives, and the relative links between pages."""

from __future__ import annotations

import pytest

from macros.site.render import links

from .conftest import add_tips


@pytest.mark.parametrize("current, destination, link", [
    ("index.md", "tips/index.md", "tips/index.md"),
    ("tips/index.md", "index.md", "../index.md"),
    ("tips/index.md", "themas/privacy.md", "../themas/privacy.md"),
    ("themas/privacy/pagina/2.md", "tips/index.md#01-x", "../../../tips/index.md#01-x"),
    ("tips/pagina/2.md", "tips/index.md", "../index.md"),
    ("tips/index.md", "tips/pagina/3.md", "pagina/3.md"),
    ("scenarios/01-x.md", "scenarios/02-y.md#keuzes", "02-y.md#keuzes"),
    ("bronnen.md", "bronnen.md#voorbeeldbron", "#voorbeeldbron"),
    ("tips/index.md", "tips/index.md", "index.md"),
])
def test_relative_links_between_pages_at_any_depth(current, destination, link):
    assert links.relative(current, destination) == link


@pytest.mark.parametrize("key, number, page", [
    ("tips", 1, "tips/index.md"),
    ("tips", 2, "tips/pagina/2.md"),
    ("lessons", 3, "lessen/pagina/3.md"),
    ("all-checklists", 1, "checklists/alle.md"),
    ("all-checklists", 2, "checklists/alle/pagina/2.md"),
    ("themes", 2, "themas/pagina/2.md"),
    ("theme/privacy", 1, "themas/privacy.md"),
    ("theme/privacy", 2, "themas/privacy/pagina/2.md"),
    ("region/twente", 4, "regios/twente/pagina/4.md"),
])
def test_each_page_of_a_list_has_its_own_path(key, number, page):
    assert links.list_page(key, number) == page


def test_an_item_with_a_page_of_its_own_is_linked_to_that_page(mini):
    assert links.target(mini, "scenarios/01-voorbeeld") == "scenarios/01-voorbeeld.md"
    assert links.target(mini, "routekaart/01-voorbeeld#eerste-paragraaf") == "routekaart/01-voorbeeld.md#eerste-paragraaf"
    assert links.target(mini, "checklists/01-voorbeeld") == "checklists/01-voorbeeld.md"


def test_an_item_without_a_page_is_an_anchor_on_its_overview(mini):
    assert links.target(mini, "tips/01-voorbeeld") == "tips/index.md#01-voorbeeld"
    assert links.target(mini, "lessons/01-voorbeeld") == "lessen/index.md#01-voorbeeld"
    assert links.target(mini, "bouwstenen/01-voorbeeld") == "bouwstenen/index.md#01-voorbeeld"


def test_an_item_on_a_later_page_of_its_overview_is_linked_there(make_index):
    index = make_index(lambda content: add_tips(content, 4), sizes={"tips": 2})
    assert links.target(index, "tips/01-voorbeeld") == "tips/index.md#01-voorbeeld"
    assert links.target(index, "tips/02-tip-1") == "tips/index.md#02-tip-1"
    assert links.target(index, "tips/02-tip-2") == "tips/pagina/2.md#02-tip-2"
    assert links.target(index, "tips/02-tip-4") == "tips/pagina/3.md#02-tip-4"


@pytest.mark.parametrize("title, shown", [
    ("Werken met {{ regio }}", r"Werken met \{\{ regio \}\}"),
    ("Lijst [concept]", r"Lijst \[concept\]"),
    ("Kop {#anker}", r"Kop \{#anker\}"),
    ("Gewone titel", "Gewone titel"),
])
def test_titles_are_escaped_so_they_show_as_written(title, shown):
    assert links.escape(title) == shown
    assert links.heading(2, title) == f"## {shown}"


def test_a_heading_carries_its_attribute_list_and_stops_at_level_six():
    assert links.heading(3, "Een {tip}", "#01-tip") == r"### Een \{tip\} {#01-tip}"
    assert links.heading(9, "Diep") == "###### Diep"


def test_a_markdown_link_escapes_its_text():
    assert links.md_link("Les [1]", "tips/index.md", "lessen/index.md#01-x") == r"[Les \[1\]](../lessen/index.md#01-x)"


@pytest.mark.parametrize("docs_path, url", [
    ("index.md", ""),
    ("tips/index.md", "tips/"),
    ("scenarios/01-x.md", "scenarios/01-x/"),
    ("tips/pagina/2.md", "tips/pagina/2/"),
])
def test_page_url_with_directory_urls(docs_path, url):
    assert links.page_url(docs_path) == url


def test_a_file_of_the_built_site_is_linked_for_both_url_styles():
    pdf = "checklists/pdf/01-x.pdf"
    assert links.file_href("checklists/01-x.md", pdf) == "../pdf/01-x.pdf"
    assert links.file_href("checklists/01-x.md", pdf, directory_urls=False) == "pdf/01-x.pdf"
    assert links.file_href("checklists/alle.md", "checklists/pdf/alle-checklists.pdf") == "../pdf/alle-checklists.pdf"
    assert links.file_href("index.md", pdf) == "checklists/pdf/01-x.pdf"
