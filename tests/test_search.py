"""Search finds what people type: with or without diacritics ("clienten", "cliënten"), and with "&" ("W&I",
which the search index holds as "W&amp;I"). The folding is in overrides/assets/javascripts/lunr/min/lunr.nl.min.js:
Material's own file with an addition at the end (its header comment says how and why; tests/test_overrides.py
keeps it Material's file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitebuild import ROOT, pages
from test_site_browser import _without_query, visit  # noqa: F401  (visit is a fixture used below)
from test_site_build import article, read

LUNR_NL = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"

RESULTS = """([want]) => {
    const links = [...document.querySelectorAll('.md-search-result__list a')];
    if (!links.some(a => new URL(a.href).searchParams.get('h') === want)) return false;
    const count = parseInt(document.querySelector('.md-search-result__meta').textContent, 10);
    if (document.querySelectorAll('.md-search-result__item').length === count) return true;
    const wrap = document.querySelector('.md-search__scrollwrap');
    wrap.scrollTo(0, wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 20 ? 0 : wrap.scrollHeight);
    return false;
}"""
"""True once the result list is the one for the whole typed word and shows all its results. The results of
the word typed so far replace each other; a result's link carries the words it matched (?h=, for highlighting
on the page; mkdocs.yml has search.highlight), so a link with h equal to the whole word means its results have
come, and that the page it leads to highlights the word as typed. Material shows 10 results and adds 4 more
each time the list is scrolled to its end, so until the list has as many results as the count above it, this
scrolls down, and back up when at the end (Material adds no more until the list has been away from the end)."""


def search(page, query: str) -> dict:
    """Type ``query`` in the search box of an open page, as a visitor does, and wait for all its results:
    the links of the results (absolute URLs, in order), the words marked in them, and the "missing" notes."""
    page.click("input[data-md-component='search-query']")
    page.keyboard.type(query, delay=20)
    try:
        page.wait_for_function(RESULTS, arg=[query.lower()], timeout=15000)
    except PlaywrightTimeout:
        shown = page.eval_on_selector(".md-search-result__meta", "meta => meta.textContent")
        raise AssertionError(f"search '{query}': no complete result list, the search shows '{shown}'") from None
    return {
        "links": page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)"),
        "marked": page.eval_on_selector_all(".md-search-result__list mark", "marks => marks.map(m => m.textContent)"),
        "missing": page.locator(".md-search-result__terms").count(),
    }


def found(visit, query: str) -> tuple[list[str], dict]:
    """Search on the home page of the served site: the results as 'tips/#anchor' (in order), and all of it."""
    page, problems = visit("")
    result = search(page, query)
    assert problems == []
    return [_without_query(href, page.url) for href in result["links"]], result


def test_site_uses_the_override(site_dir):
    assert (site_dir / LUNR_NL).read_bytes() == (ROOT / "overrides" / LUNR_NL).read_bytes()


@pytest.mark.parametrize(("plain", "accented", "expected"), [
    ("clienten", "cliënten", "tips/#11-privacy-van-clienten"),
    ("casuistiek", "casuïstiek", "themas/casuistiek/"),
])
def test_search_ignores_diacritics(visit, plain, accented, expected):
    without, result_without = found(visit, plain)
    with_, result_with = found(visit, accented)
    assert expected in without
    assert without == with_
    assert result_without["missing"] == result_with["missing"] == 0  # no word shown as "Ontbreekt"


def test_results_show_the_text_with_its_diacritics(visit):
    _, result = found(visit, "clienten")
    assert any(word.lower().startswith("cliënt") for word in result["marked"]), result["marked"]


def test_search_finds_w_and_i(visit, site_dir):
    """'W&I' finds exactly the pages that have it in their text, the same as 'w&i'."""
    having = sorted(path for path in pages(site_dir)
                    if not path.endswith(".html") and "W&amp;I" in article(read(site_dir, path)))
    assert having, "no page has W&I any more: pick another word with & for this test"
    upper, _ = found(visit, "W&I")
    lower, _ = found(visit, "w&i")
    assert upper == lower
    assert sorted({link.split("#")[0] for link in upper}) == having
