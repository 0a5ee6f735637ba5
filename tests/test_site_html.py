"""The Nu HTML Checker on every built page: no errors at all, in the pages' own markup and in the theme's.

Material for MkDocs' stock markup draws three kinds of errors; the templates in overrides/ avoid them
(overrides/main.html says how). One of them, the drawer and search checkboxes, needs a copy of Material's
base.html (overrides/material-base.html): a test here keeps that copy equal to Material's, apart from its change.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import material

from sitebuild import NODE_MODULES, ROOT

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(path) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             str(path)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def test_checker_reports_broken_markup(tmp_path):
    """The checker really reads the pages: a page with a stray end tag is reported."""
    (tmp_path / "index.html").write_text("<!doctype html><html lang=nl><title>x</title><p>a</div>", encoding="utf-8")
    assert any("Stray end tag" in m["message"] for m in check(tmp_path))


def test_html_has_no_errors(site_dir):
    messages = check(site_dir)
    errors = [f"{m['url'].rsplit(str(site_dir), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []


def test_base_copy_is_materials():
    """overrides/material-base.html is the installed Material's base.html with one change: the drawer and search
    checkboxes get autocomplete="off" from a form of their own. After an update of Material this fails until
    the copy is made again from the new base.html."""
    theirs = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "material-base.html").read_text(encoding="utf-8")
    toggles = ('    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
               '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n')
    assert toggles in theirs
    expected = theirs.split("-#}\n", 1)[1].replace(toggles, (
        '    <form id="__toggles" autocomplete="off" hidden></form>\n'
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n'))
    assert ours.split("-#}\n", 1)[1] == expected
