"""The built site, read as files: strict build, privacy, content-driven pages, safe failure."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from sitebuild import build, copy_project, pages
from test_seed_coverage import SEED_STEMS, coverage, normalise, strip_markup

ASSET_RE = re.compile(r"<(script|link|img|source|iframe|video|audio)\b[^>]*?\s(?:src|href|srcset)=[\"']([^\"']+)", re.I)
CSS_URL_RE = re.compile(r"(?:url\(|@import\s+)[\"']?(https?:)?//", re.I)


def read(site_dir, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8") if not path.endswith(".html") \
        else (site_dir / path).read_text(encoding="utf-8")


def article(page_html: str) -> str:
    return page_html.split('<article', 1)[1].split("</article>", 1)[0]


def test_strict_build_has_no_warnings(site_build):
    _, result = site_build
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "ERROR" not in output, output


def test_site_loads_nothing_from_other_hosts(site_dir):
    outside = []
    for path in pages(site_dir):
        for tag, url in ASSET_RE.findall(read(site_dir, path)):
            if re.match(r"^(https?:)?//", url) and not url.startswith("http://127.0.0.1"):
                outside.append(f"{path}: <{tag}> {url}")
    for css in site_dir.rglob("*.css"):
        if CSS_URL_RE.search(css.read_text(encoding="utf-8")):
            outside.append(f"{css.name}: external url() or @import")
    for js in site_dir.rglob("*.js"):
        if "fonts.googleapis" in js.read_text(encoding="utf-8", errors="replace"):
            outside.append(f"{js.name}: Google Fonts")
    assert outside == []


def test_pages_show_before_their_scripts_run(site_dir):
    """Every page loads Material's script and toolkit.js with defer, in that order (overrides/main.html), and
    no page names checklist.js or scan.js: toolkit.js adds them where a checklist or the scan is."""
    wrong = []
    for path in pages(site_dir):
        scripts = re.findall(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"", read(site_dir, path))
        names = [re.sub(r"\.[0-9a-f]{8}\.min", "", src.rsplit("/", 1)[1]) for _, src in scripts]
        if names != ["bundle.js", "toolkit.js"] or any("defer" not in attrs for attrs, _ in scripts):
            wrong.append(f"{path}: {scripts}")
    assert wrong == []


def test_every_seed_document_is_readable_on_the_site(site_dir):
    text = "\n".join(normalise(strip_markup(article(read(site_dir, p)))) for p in pages(site_dir) if p != "404.html")
    missing = {stem: coverage(stem, content=text).missing for stem in SEED_STEMS}
    assert {stem: found[:5] for stem, found in missing.items() if found} == {}


def test_abbreviations_get_a_tooltip_on_every_page(site_dir):
    for path in ("tips/", "routekaart/02-inktvlek-in-de-regio/", "scenarios/02-projectgroep-inrichten/"):
        body = article(read(site_dir, path))
        assert '<abbr title="Geestelijke gezondheidszorg">GGZ</abbr>' in body, path
    scenario = article(read(site_dir, "scenarios/02-projectgroep-inrichten/"))
    assert '<abbr title="Uitvoeringsinstituut Werknemersverzekeringen">UWV</abbr>' in scenario


def test_link_without_address_shows_as_plain_text(site_dir):
    body = article(read(site_dir, "routekaart/"))
    assert "convenant verhalen" in body
    assert not re.search(r"<a [^>]*href=\"(#?)\"[^>]*>convenant verhalen", body)
    assert 'href=""' not in body


def test_scenario_tables_are_real_tables_with_header_scopes(site_dir):
    body = article(read(site_dir, "scenarios/02-projectgroep-inrichten/"))
    assert body.count('<th scope="col">') == 3
    assert re.search(r'<th (rowspan="2" scope="rowgroup"|scope="rowgroup" rowspan="2")>Grootte &amp; samenstelling</th>', body)
    situations = article(read(site_dir, "scenarios/03-regionale-context/"))
    assert situations.count('<th scope="row">') == 4


def test_items_link_to_their_themes_and_back(site_dir):
    tips = article(read(site_dir, "tips/"))
    assert 'href="../themas/privacy/"' in tips
    privacy = article(read(site_dir, "themas/privacy/"))
    assert 'href="../../tips/#11-privacy-van-clienten"' in privacy


def test_route_map_links_every_chapter(site_dir):
    from macros.engine import load_index

    body = article(read(site_dir, "routekaart/"))
    stops = re.findall(r'<li class="toolkit-route__stop"><a class="toolkit-route__link" href="([^"]+)"', body)
    assert [s.strip("/") for s in stops] == [chapter.id for chapter in load_index().of_kind("routekaart")]
    assert all((site_dir / "routekaart" / s / "index.html").exists() for s in stops)


NAV_LINK_RE = re.compile(r'<a href="([^"#][^"]*)"\s+class="md-nav__link')


def _nav_links(page_html: str) -> list[str]:
    """The page links of the site navigation (not the page's own table of contents)."""
    return NAV_LINK_RE.findall(page_html)


def test_nav_lists_sections_not_items(site_dir):
    counts = {len(_nav_links(read(site_dir, p))) for p in ("", "tips/", "themas/privacy/", "routekaart/01-continuiteit-in-de-tijd/")}
    assert len(counts) == 1, counts
    assert not any("scenarios/0" in link or "themas/p" in link for link in _nav_links(read(site_dir, "")))


# --- builds of a changed copy of the project ----------------------------------------------------

def _write_yaml(path, data) -> None:
    path.write_text("# yaml-language-server: $schema=../schema/tip.schema.json\n"
                    + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory, site_dir):
    """A copy of the project with one new theme, region, tip (carrying template syntax) and nothing else."""
    project = copy_project(tmp_path_factory.mktemp("grown"))
    content = project / "content"
    with (content / "themes.yml").open("a", encoding="utf-8") as f:
        f.write("- id: testthema\n  title: Testthema\n  description: Een thema dat alleen in deze test bestaat.\n")
    with (content / "regions.yml").open("a", encoding="utf-8") as f:
        f.write("- id: testregio\n  name: Testregio\n  description: Een regio die alleen in deze test bestaat.\n")
    _write_yaml(content / "tips" / "17-nieuwe-tip.yml", {
        "id": "17-nieuwe-tip", "title": "Een nieuwe tip", "group": "aandacht",
        "text": "Schrijf {{ config.site_name }} en {% if x %} gewoon als tekst.",
        "themes": ["testthema", "privacy"], "related": ["lessons/06-casuistiekbijeenkomsten"],
        "source": "tips-regionaal-samenwerken"})
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def test_template_syntax_in_content_shows_literally(grown_site):
    _, site = grown_site
    body = article(read(site, "tips/"))
    assert "Schrijf {{ config.site_name }} en {% if x %} gewoon als tekst." in html.unescape(body)


def test_new_yaml_appears_everywhere_without_markdown(grown_site):
    _, site = grown_site
    assert 'id="17-nieuwe-tip"' in read(site, "tips/")
    theme = article(read(site, "themas/testthema/"))
    assert 'href="../../tips/#17-nieuwe-tip"' in theme
    assert 'href="../../tips/#17-nieuwe-tip"' in article(read(site, "themas/privacy/"))
    assert 'href="../tips/#17-nieuwe-tip"' in article(read(site, "lessen/"))  # related, seen from the other side
    assert (site / "regios" / "testregio" / "index.html").exists()
    assert "Een nieuwe tip" in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_page_html_does_not_grow_with_items(grown_site, site_dir):
    _, site = grown_site
    for path in ("", "routekaart/01-continuiteit-in-de-tijd/", "bronnen/"):
        assert len(read(site, path).split("<article")[0]) == len(read(site_dir, path).split("<article")[0]), path


def test_invalid_content_fails_and_keeps_the_previous_site(grown_site):
    project, site = grown_site
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    broken = project / "content" / "tips" / "03-elkaar-leren-kennen.yml"
    original = broken.read_text(encoding="utf-8")
    broken.write_text(original.replace("title: Elkaar leren kennen", "title: [Elkaar leren kennen]"), encoding="utf-8")
    try:
        result = build(project, site)
    finally:
        broken.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/tips/03-elkaar-leren-kennen.yml:3:8: error: title: verwacht tekst, maar hier staat een lijst" in output
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before
