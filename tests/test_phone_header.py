"""The site's name in the header stays readable in full on a phone, also a region's own long name (site_name in
mkdocs.yml): it wraps inside the header instead of being cut off with an ellipsis."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from sitebuild import ROOT, build, copy_project, serve

REGION_NAME = "Toolkit GGZ en werk Regio Voorbeeldland"
PHONE = {"width": 390, "height": 844}
PAGES = ["", "routekaart/04-spreiding-en-uitbreiding-clienten/"]

TITLE = """() => {
    const name = document.querySelector('.md-header__topic:first-child > .md-ellipsis');
    const header = document.querySelector('.md-header').getBoundingClientRect();
    const box = name.getBoundingClientRect();
    const search = document.querySelector("label.md-header__button[for='__search']").getBoundingClientRect();
    return {text: name.textContent.trim(), scroll: name.scrollWidth, client: name.clientWidth,
            fits: box.top >= header.top && box.bottom <= header.bottom && box.right <= search.left,
            size: parseFloat(getComputedStyle(name).fontSize), header: header.height};
}"""


@pytest.fixture(scope="module")
def region_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("lange-naam"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    national = "site_name: Toolkit regionale samenwerking GGZ en Werk & Inkomen"
    assert national in text
    config.write_text(text.replace(national, f"site_name: {REGION_NAME}"), encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    url, stop = serve(project / "site")
    yield url
    stop()


def _title_on_a_phone(browser, url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url, wait_until="load")
    title = page.evaluate(TITLE)
    context.close()
    return title


@pytest.mark.parametrize("path", PAGES)
def test_a_regions_long_name_is_readable_in_full_on_a_phone(browser, region_url, path):
    title = _title_on_a_phone(browser, region_url + path)
    assert title["text"] == REGION_NAME
    assert title["scroll"] <= title["client"], title  # nothing cut off at the side, no ellipsis
    assert title["fits"], title  # within the header, left of the search button
    assert title["size"] >= 14, title
    assert title["header"] == 48, title  # Material's header height: the layout below stays as it is


def test_the_national_name_is_readable_in_full_on_a_phone(browser, base_url):
    with open(ROOT / "mkdocs.yml", "rb") as f:
        name = yaml_load(f)["site_name"]
    title = _title_on_a_phone(browser, base_url)
    assert title["text"] == name
    assert title["scroll"] <= title["client"] and title["fits"], title
    assert title["header"] == 48, title
