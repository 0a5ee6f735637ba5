"""Every page in real headless Chromium: zero axe-core violations (WCAG 2.0/2.1 A and AA),
no console errors, and no request to any host other than 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitebuild import NODE_MODULES, expected_pages, pages, settle

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


def axe_violations(page, context=None, rules=None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the settled page (or only in ``context``, a CSS selector,
    and only ``rules``, e.g. ['color-contrast'])."""
    settle(page)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "rule", "values": rules}} if rules else {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    options["resultTypes"] = ["violations"]
    result = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


def test_every_page_is_checked(site_dir):
    """The list the browser tests walk is exactly the set of pages the build produced."""
    assert sorted(pages(site_dir)) == sorted(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_private(visit, path):
    page, problems = visit(path)
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
    # Material renders the results in batches as the list scrolls: scroll to the end until no more come.
    page.wait_for_function("""() => {
        const wrap = document.querySelector('.md-search__scrollwrap');
        wrap.scrollTo(0, wrap.scrollHeight);
        const shown = document.querySelectorAll('.md-search-result__item').length, settled = window.__shown === shown;
        window.__shown = shown;
        return settled && wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 2;
    }""", polling=250, timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.getAttribute('href'))")
    found = " ".join(_without_query(href, page.url) for href in hrefs)
    missing = [want for want in SEARCHES[query] if want not in found]
    assert missing == [], f"search '{query}' gave {hrefs}"
    assert problems == []


def _without_query(href: str, base: str) -> str:
    """'http://127.0.0.1:1234/tips/?h=x#a' → 'tips/#a': the page and anchor a result leads to."""
    url = urlparse(urljoin(base, href))
    return url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")


# --- settled states: what a user sees once the page is still --------------------------------------

STYLE_PAGES = ["", "tips/", "scenarios/02-projectgroep-inrichten/", "routekaart/", "checklists/21-aanmeldprocedure/",
               "borgingsscan/", "regios/twente/", "begrippen/", "404.html"]
"""Pages that between them use every style of link and button the site has: header, tabs, sidebar,
footer, route map, cards and lists, tables, checklist and scan buttons, pager, back and edit links."""

PROBES = """() => {
    const seen = new Set(), probes = [];
    document.querySelectorAll('a[href], button, label.md-button, summary, [role=button]').forEach((el, n) => {
        const box = el.getBoundingClientRect(), style = getComputedStyle(el);
        if (!box.width || !box.height || style.visibility === 'hidden' || !el.textContent.trim()) return;
        const parent = el.parentElement ? el.parentElement.className : '';
        const kind = [el.tagName, el.className, parent, style.color, style.backgroundColor, style.fontSize,
                      style.fontWeight].join('|');
        if (seen.has(kind)) return;
        seen.add(kind);
        el.setAttribute('data-probe', n);
        probes.push(String(n));
    });
    return probes;
}"""
"""Marks one visible element of each style (tag, classes, parent, colours, font) with data-probe."""


def test_transitions_settle_at_once_for_the_tests(browser, base_url):
    """The browser tests see every state settled: with reduced motion nothing runs after a click."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "checklists/21-aanmeldprocedure/", wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    page.hover("button:has-text('Link met vinkjes')")
    page.click("button:has-text('Link met vinkjes')")
    assert page.evaluate("document.getAnimations().length") == 0
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", STYLE_PAGES)
def test_links_and_buttons_keep_contrast_when_hovered_and_focused(browser, base_url, path, width):
    """Every style of link and button, hovered with the mouse and focused with the keyboard, keeps
    4.5:1 contrast (axe-core's color-contrast rule on the settled state)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    failures = []
    for probe in page.evaluate(PROBES):
        element = page.locator(f"[data-probe='{probe}']")
        if not element.is_visible():
            continue
        label = page.evaluate("el => el.outerHTML.slice(0, 120)", element.element_handle())
        try:
            element.hover(timeout=2000)
        except PlaywrightTimeout:
            pass  # covered by something else (the skip link, hidden until focused): no one can hover it
        else:
            failures += [f"hover {label}: {v}" for v in axe_violations(page, f"[data-probe='{probe}']", ["color-contrast"])]
            page.mouse.move(0, 0)
        element.focus()
        focused = page.evaluate("el => el.matches(':focus-visible')", element.element_handle())
        failures += [f"focus {label}: {v}" for v in axe_violations(page, f"[data-probe='{probe}']", ["color-contrast"])]
        assert focused or element.evaluate("el => el.tagName") == "LABEL", label
        page.evaluate("document.activeElement && document.activeElement.blur()")
    context.close()
    assert failures == []
