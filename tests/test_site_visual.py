"""Key pages at phone and desktop width: nothing sticks out sideways, the title is in view, and a
screenshot is kept in tests/screenshots/ to look at after every run."""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = {"home": "", "tip": "tips/", "thema": "themas/privacy/", "routekaart": "routekaart/01-continuiteit-in-de-tijd/",
         "scenario": "scenarios/02-projectgroep-inrichten/"}
WIDTHS = {"telefoon": (390, 844), "desktop": (1280, 900)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_the_screen(browser, base_url, name, width):
    w, h = WIDTHS[width]
    page = browser.new_page(viewport={"width": w, "height": h})
    page.goto(base_url + PAGES[name], wait_until="load")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    title = page.locator("article h1").bounding_box()
    page.close()
    assert overflow <= 0 and wide == []
    assert title is not None and title["y"] < h
