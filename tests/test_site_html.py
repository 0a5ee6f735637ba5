"""The Nu HTML Checker on every built page: no errors in the pages' own markup.

Material for MkDocs' theme markup draws a few errors that are not ours to fix without copying its
templates; each ignored message is listed here with the element it is allowed on and the reason.
"""

from __future__ import annotations

import json
import subprocess

from sitebuild import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

THEME_MARKUP = [
    # Material's hidden state checkboxes (drawer, search, nav sections) carry autocomplete="off" so
    # that Firefox does not restore their state; harmless, and the element is not a form field.
    ("Attribute “autocomplete” is only allowed when", 'class="md-toggle"'),
    # The labels that open Material's navigation sections point at those hidden checkboxes.
    ("must be the ID of a non-hidden form control", 'class="md-nav__'),
    # Material's nav section labels render tabindex="" when a section is not focusable.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
]


def _ignored(message: dict) -> bool:
    return any(text in message["message"] and element in message.get("extract", "")
               for text, element in THEME_MARKUP)


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
    errors = [f"{m['url'].rsplit(str(site_dir), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if not _ignored(m)]
    assert errors == []
