"""Every page in real headless Chromium: zero axe-core violations (WCAG 2.0/2.1 A and AA),
no console errors, and no request to any host other than 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

from sitebuild import NODE_MODULES, expected_pages, pages

PAGES = expected_pages()
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def visit(browser, base_url):
    """Open a page; returns (page, problems) where problems collects console errors and outside requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def guard(route):
        if urlparse(route.request.url).hostname != "127.0.0.1":
            problems.append(f"request to another host: {route.request.url}")
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)

    def open_page(path: str):
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and problems.append(f"console error: {msg.text}"))
        page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
        page.goto(base_url + path, wait_until="load")
        return page, problems

    yield open_page
    context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


def test_every_page_is_checked(site_dir):
    """The list the browser tests walk is exactly the set of pages the build produced."""
    assert sorted(pages(site_dir)) == sorted(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_private(visit, path):
    page, problems = visit(path)
    page.wait_for_timeout(150)
    assert axe_violations(page) == []
    assert problems == []


SEARCHES = {
    "projectleider": ["tips/#01-projectleiderschap", "lessen/#04-bereikbare-projectleider",
                      "scenarios/01-projectleider-aanstellen/", "routekaart/03-inbedding-binnen-de-organisaties/"],
    "casuïstiek": ["tips/#05-casuistiekbesprekingen", "lessen/#06-casuistiekbijeenkomsten",
                   "scenarios/05-verbinding-via-casuistiek/"],
    "zorgverzekeraar": ["routekaart/02-inktvlek-in-de-regio/#betrek-zorgverzekeraars",
                        "routekaart/01-continuiteit-in-de-tijd/"],
    "privacy": ["tips/#11-privacy-van-clienten", "scenarios/05-verbinding-via-casuistiek/"],
}


@pytest.mark.parametrize("query", SEARCHES)
def test_search_finds_relevant_content(visit, query):
    page, problems = visit("")
    page.click("input[data-md-component='search-query']")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    for _ in range(6):  # Material renders results in batches as the list scrolls
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.getAttribute('href'))")
    found = " ".join(_without_query(href, page.url) for href in hrefs)
    missing = [want for want in SEARCHES[query] if want not in found]
    assert missing == [], f"search '{query}' gave {hrefs}"
    assert problems == []


def _without_query(href: str, base: str) -> str:
    """'http://127.0.0.1:1234/tips/?h=x#a' → 'tips/#a': the page and anchor a result leads to."""
    url = urlparse(urljoin(base, href))
    return url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")
