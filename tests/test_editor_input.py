"""What editors type reaches the site as they typed it: text that looks like a template, text saved
in decomposed Unicode. (Input that YAML would silently cut or merge is refused: tests/bad/.)"""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from sitebuild import ROOT, build, copy_project, remove_generated

from macros.engine import check

TEMPLATE_LIKE = {
    ("tips/01-projectleiderschap.yml", "title: Projectleiderschap"): "title: Brief met {{ naam }} sjabloon",
    ("scenarios/01-projectleider-aanstellen.yml", "title: Tips voor het aanstellen van een projectleider"):
        'title: "Werken met het sjabloon {{ regio }}"',
    ("lessons/02-face-to-face-contact.yml", "title: Onderlinge afstemming via face-to-face contact"):
        'title: "Afstemming {% if x %} en {# notitie #}"',
    ("routekaart/03-inbedding-binnen-de-organisaties.yml", "    title: Speur de juiste mensen op"):
        '    title: "Speur {{ wie }} op {#x}"',
    ("checklists/21-aanmeldprocedure.yml", "title: De aanmeldprocedure verbeteren"):
        'title: "Aanmelden {{ stap }}"',
}


@pytest.fixture(scope="module")
def template_site(tmp_path_factory):
    """The real site, with titles of every kind of item and a section that look like Jinja templates."""
    project = copy_project(tmp_path_factory.mktemp("template") / "project")
    for (rel, old), new in TEMPLATE_LIKE.items():
        path = project / "content" / rel
        text = path.read_text(encoding="utf-8")
        assert old + "\n" in text, (rel, old)
        path.write_text(text.replace(old + "\n", new + "\n", 1), encoding="utf-8")
    themes = project / "content" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("title: Privacy\n", 'title: "Privacy {{ avg }}"\n', 1),
                      encoding="utf-8")
    remove_generated(project)
    site = project / "site"
    result = build(project, site)
    return site, result


def page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_template_syntax_in_titles_builds_strict(template_site):
    _, result = template_site
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "UndefinedError" not in result.stderr


@pytest.mark.parametrize("path, heading, anchor", [
    ("tips", "Brief met {{ naam }} sjabloon", "01-projectleiderschap"),
    ("lessen", "2. Afstemming {% if x %} en {# notitie #}", "02-face-to-face-contact"),
    ("routekaart/03-inbedding-binnen-de-organisaties", "Speur {{ wie }} op {#x}", "speur-de-juiste-mensen-op"),
])
def test_titles_stay_literal_with_stable_anchors(template_site, path, heading, anchor):
    site, _ = template_site
    match = re.search(rf'<h[23] id="{anchor}">(.*?)<a class="headerlink"', page(site, path))
    assert match and match.group(1) == heading.replace("&", "&amp;")


@pytest.mark.parametrize("path, title", [
    ("scenarios/01-projectleider-aanstellen", "Werken met het sjabloon {{ regio }}"),
    ("checklists/21-aanmeldprocedure", "Aanmelden {{ stap }}"),
    ("themas/privacy", "Privacy {{ avg }}"),
])
def test_pages_of_their_own_keep_their_title(template_site, path, title):
    """The page heading, the browser's title and the search index show the title as typed."""
    site, _ = template_site
    html = page(site, path)
    assert re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html).group(1) == title
    assert f"<title>{title} - " in html
    assert f'"title":"{title}"' in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_decomposed_unicode_is_read_as_composed(tmp_path):
    """A Mac editor may save 'ë' as 'e' plus '¨' (NFD): the toolkit reads it as one letter (NFC), so search
    and links find it."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini-content", content)
    tip = content / "tips" / "01-voorbeeld.yml"
    text = tip.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.M).group(1)
    tip.write_text(text.replace(f"title: {title}", unicodedata.normalize("NFD", "title: Cliënten en casuïstiek")),
                   encoding="utf-8")
    index, problems = check(content)
    assert problems == []
    assert index.items["tips"]["01-voorbeeld"].title == "Cliënten en casuïstiek"
    assert unicodedata.is_normalized("NFC", index.items["tips"]["01-voorbeeld"].title)
