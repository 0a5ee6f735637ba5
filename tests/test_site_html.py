"""The Nu HTML Checker on every built page: no errors at all, in the pages' own markup and in the theme's.

Material for MkDocs' stock markup draws three kinds of errors; the templates in overrides/ avoid them
(overrides/main.html says how). One of them, the drawer and search checkboxes, needs a copy of Material's
base.html (overrides/material-base.html): tests/test_overrides.py keeps that copy equal to Material's, apart from
its change.
"""

from __future__ import annotations

import json
import subprocess

from sitebuild import NODE_MODULES

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
