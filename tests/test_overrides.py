"""Material's files that overrides/ replaces are checked on every upgrade of Material, not guessed.

overrides/ is the theme's custom_dir: a file there with the same path as one of Material's templates or assets
takes its place, and overrides/material-base.html is a copy of Material's base.html. OVERRIDES below names each
of them, the Material file it was made from (with that file's sha256 and Material's version) and why it exists.
When an upgrade of Material changes such a file, a test here fails and names the override: compare Material's
old and new file (`pip download --no-deps mkdocs-material==<version>`), make the override again from the new one
where needed, and write the new sha256 and version here. An override that is Material's file with a small change
is checked to be exactly that, so it stays minimal and keeps what Material adds. Files of the toolkit's own
(toolkit.css, partials/preview-problems.html, ...) have no counterpart in Material and need no entry, unless a
new Material brings a file with the same path: then that file is hidden by ours and the first test names it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import material
import pytest

from sitebuild import ROOT, build, copy_project
from test_site_build import read

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES_DIR = ROOT / "overrides"

DRAWER_SEARCH = (
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n')


@dataclass(frozen=True)
class Override:
    original: str  # Material's file it replaces or copies, under material/templates
    sha256: str  # of that file as the override was made from it
    version: str  # Material's version with that file
    changes: tuple[tuple[str, str], ...] | None = None
    """For a copy with a small change: the replacements that turn Material's template (without its header
    comment) into the override (without its own). None: the override is written anew."""


OVERRIDES = {
    # Material's 404 page in Dutch, with a search form and a link to the home page (tests/test_not_found.py).
    "404.html": Override("404.html", "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495", "9.8.2"),
    # The page: scripts with defer, valid HTML in the navigation, the preview's problems (its header comment).
    "main.html": Override("main.html", "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0", "9.8.2"),
    # Valid HTML: the drawer and search checkboxes take autocomplete="off" from a form of their own
    # (tests/test_site_html.py). main.html extends this copy in MkDocs and ProperDocs builds.
    "material-base.html": Override(
        "base.html", "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842", "9.8.2",
        changes=((DRAWER_SEARCH, (
            '    <form id="__toggles" autocomplete="off" hidden></form>\n'
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n')),)),
    # A page made from a content file edits (and with content.action.view shows) that YAML file, from the page's
    # front matter (edit_url), instead of the generated Markdown (tests/test_region.py, test below).
    "partials/actions.html": Override(
        "partials/actions.html", "1bcd66d6f428194e9b9842764f0a5f7a5b3679d008e9d2e5b75b5ba344c39073", "9.8.2",
        changes=(("page.edit_url", "edit_url"),
                 ("{% if edit_url %}", "{% set edit_url = page.meta.edit_url or page.edit_url %}\n{% if edit_url %}"))),
    # The search dialog has a name (Lighthouse: aria-dialog-name).
    "partials/search.html": Override(
        "partials/search.html", "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30", "9.8.2",
        changes=(('data-md-component="search" role="dialog">',
                  'data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),)),
    # No request to the code host's API for stars and forks: the link without data-md-component="source".
    "partials/source.html": Override(
        "partials/source.html", "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752", "9.8.2",
        changes=((' class="md-source" data-md-component="source">', ' class="md-source">'),)),
    # Search that ignores diacritics and finds "W&I": Material's file with an addition (tests/test_search.py).
    "assets/javascripts/lunr/min/lunr.nl.min.js": Override(
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "399ef26d61ed2d5806f58ea723dfaca09f4a7c9b51e315bdd17482c8e3013a3e", "9.8.2"),
}
COPIES = {name: o for name, o in OVERRIDES.items() if o.changes is not None}


def _body(text: str) -> str:
    """A template without its header comment (Material's says it was generated; an override's says what it changes)."""
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


def test_every_file_that_hides_one_of_materials_is_recorded():
    hiding = {path.relative_to(OVERRIDES_DIR).as_posix() for path in OVERRIDES_DIR.rglob("*")
              if path.is_file() and (MATERIAL / path.relative_to(OVERRIDES_DIR)).is_file()}
    recorded = {name for name, o in OVERRIDES.items() if name == o.original}
    assert sorted(hiding - recorded) == [], "overrides/ vervangt deze bestanden van Material zonder regel in OVERRIDES"
    assert sorted(name for name in OVERRIDES if not (OVERRIDES_DIR / name).is_file()) == []


@pytest.mark.parametrize("name", OVERRIDES)
def test_materials_original_is_the_one_the_override_was_made_from(name):
    o = OVERRIDES[name]
    actual = hashlib.sha256((MATERIAL / o.original).read_bytes()).hexdigest()
    assert actual == o.sha256, (
        f"overrides/{name}: Materials {o.original} is veranderd sinds Material {o.version} "
        f"(nu {material.__version__}); vergelijk het oude en het nieuwe bestand, maak de override zo nodig opnieuw "
        f"en zet in tests/test_overrides.py sha256 {actual} en versie {material.__version__}")


@pytest.mark.parametrize("name", COPIES)
def test_override_is_materials_template_with_its_change(name):
    o = COPIES[name]
    expected = _body((MATERIAL / o.original).read_text(encoding="utf-8"))
    for old, new in o.changes:
        assert old in expected, f"overrides/{name}: {old!r} staat niet (meer) in Materials {o.original}"
        expected = expected.replace(old, new)
    assert _body((OVERRIDES_DIR / name).read_text(encoding="utf-8")) == expected


def test_material_base_names_the_version_it_copies():
    """The copy's header comment says which Material it is."""
    o = OVERRIDES["material-base.html"]
    assert (OVERRIDES_DIR / "material-base.html").read_text(encoding="utf-8").startswith(
        f"{{#- Material {o.version}'s base.html, but ")


def test_lunr_override_is_materials_file_with_an_addition():
    """Material's lunr.nl.min.js byte for byte, after the toolkit's header comment and before its addition."""
    name = "assets/javascripts/lunr/min/lunr.nl.min.js"
    theirs, ours = (MATERIAL / name).read_bytes(), (OVERRIDES_DIR / name).read_bytes()
    head, sep, tail = ours.partition(theirs)
    assert sep == theirs, "Material's file is not in the override as it is"
    assert head.startswith(b"/*\n * Toolkit:") and head.endswith(b" */\n") and head.count(b"*/") == 1
    assert f"Material for MkDocs {OVERRIDES[name].version}'s own file".encode() in head.replace(b"\n * ", b" ")
    assert tail.startswith(b"\n/*\n * Toolkit addition") and b'registerFunction(fold, "fold-nl")' in tail


def test_page_actions_edit_and_show_the_yaml_file(tmp_path):
    """With content.action.view on, as a site can set in mkdocs.yml: both of Material's buttons, to the YAML file of
    a generated page and to the Markdown of a hand-written one."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in (("# repo_url: https://git.example.org/ORGANISATIE/toolkit\n# edit_uri: edit/main/docs/",
                      "repo_url: https://example.org/toolkit\nedit_uri: edit/main/docs/"),
                     ("    - content.action.edit\n", "    - content.action.edit\n    - content.action.view\n")):
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    scenario = read(site, "scenarios/01-projectleider-aanstellen/")
    yaml = "main/content/scenarios/01-projectleider-aanstellen.yml"
    assert f'<a href="https://example.org/toolkit/edit/{yaml}" title="Wijzig deze pagina"' in scenario
    assert f'<a href="https://example.org/toolkit/raw/{yaml}" title="Bron van deze pagina bekijken"' in scenario
    tips = read(site, "tips/")
    assert '<a href="https://example.org/toolkit/edit/main/docs/tips/index.md" title="Wijzig deze pagina"' in tips
    assert '<a href="https://example.org/toolkit/raw/main/docs/tips/index.md" title="Bron van deze pagina bekijken"' in tips
