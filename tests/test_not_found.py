"""The page for a missing address (overrides/404.html): Dutch, with search and a link home that work at any depth,
served by nginx with deploy/ for every missing page."""

from __future__ import annotations

import re

import pytest

from test_deploy import nginx  # noqa: F401  (fixture: the built site behind nginx with deploy/nginx.conf)

MISSING = "tips/bestaat/niet/meer/"  # deep, so relative links would point into a folder that does not exist


def test_404_page_is_dutch(site_dir):
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert "Zoek wat je nodig hebt met het zoekveld bovenaan elke pagina, of hier:" in page
    assert re.search(r"<title>Pagina niet gevonden - [^<]+</title>", page)
    assert "Not found" not in page


@pytest.fixture
def missing_page(browser, nginx):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = f"http://127.0.0.1:{nginx.http}/"
    response = page.goto(base + MISSING, wait_until="load")
    assert response.status == 404
    yield page, base
    context.close()


def test_deep_missing_page_links_home(missing_page):
    page, base = missing_page
    assert page.inner_text("h1") == "Pagina niet gevonden"
    page.click("text=Naar de homepagina van de toolkit")
    page.wait_for_url(base)
    assert page.locator(".md-content h1").count() == 1 and page.inner_text("h1") != "Pagina niet gevonden"


def test_deep_missing_page_searches_from_its_own_field(missing_page):
    page, base = missing_page
    page.fill("#toolkit-404-q", "projectleider")
    page.click(".toolkit-404__search button:has-text('Zoeken')")
    page.wait_for_url(base + "?q=projectleider")
    page.wait_for_selector(".md-search-result__item")  # Material opens its search with the query
    assert page.input_value("input[data-md-component='search-query']") == "projectleider"
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    assert any(href.startswith(base + "tips/") for href in hrefs), hrefs


def test_deep_missing_page_searches_from_the_header(missing_page):
    page, base = missing_page
    page.click("input[data-md-component='search-query']")
    page.keyboard.type("projectleider", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.click(".md-search-result__list a >> nth=0")
    page.wait_for_load_state("load")
    assert page.url.startswith(base) and page.inner_text("h1") != "Pagina niet gevonden"
