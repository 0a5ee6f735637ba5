"""macros/site/theme.py: the site's colours from mkdocs.yml, refused when text on them would be hard to read."""

from __future__ import annotations

import pytest

from macros.site import theme


@pytest.mark.parametrize("a, b, ratio", [
    ("#000000", "#ffffff", 21.0),   # the WCAG maximum
    ("#ffffff", "#000000", 21.0),   # the order of the two does not matter
    ("#777777", "#ffffff", 4.48),   # the classic grey just under AA
    ("#767676", "#ffffff", 4.54),   # and just over it
    ("#0b4f6c", "#ffffff", 8.94),   # the national primary colour
    ("#123456", "#123456", 1.0),
])
def test_contrast_as_wcag_computes_it(a, b, ratio):
    assert round(theme.contrast(a, b), 2) == ratio


def test_without_settings_the_national_colours():
    assert theme.colors(None) == ({"primary": "#0b4f6c", "accent": "#9c0f5f", "link": "#0a5a7d"}, [])


def test_links_take_a_regions_primary_colour_unless_it_sets_its_own():
    assert theme.colors({"primary": "#3a2a6b"}) == (
        {"primary": "#3a2a6b", "accent": "#9c0f5f", "link": "#3a2a6b"}, [])
    assert theme.colors({"primary": "#3a2a6b", "link": "#00405c"})[0]["link"] == "#00405c"


def test_a_colour_too_light_for_white_text_is_refused_and_the_national_one_kept():
    chosen, problems = theme.colors({"accent": "#ffcc00"})
    assert chosen["accent"] == "#9c0f5f"
    assert problems == ["extra.toolkit.colors.accent: '#ffcc00' heeft te weinig contrast met wit (1.5:1, minimaal "
                        "4.5:1); kies een donkerdere kleur"]


def test_what_is_no_colour_and_an_unknown_name():
    assert theme.colors({"primary": "blauw", "achtergrond": "#000000"})[1] == [
        "extra.toolkit.colors.achtergrond: onbekende kleur; gebruik primary, accent of link",
        "extra.toolkit.colors.primary: 'blauw' is geen kleur; schrijf zes hexadecimale cijfers, zoals \"#0b4f6c\" "
        "(tussen aanhalingstekens)",
    ]
    assert theme.color_problems("link", "#0a5a7") == [
        "'#0a5a7' is geen kleur; schrijf zes hexadecimale cijfers, zoals \"#0a5a7d\" (tussen aanhalingstekens)"]


def test_the_stylesheet_with_the_colours_is_written_only_when_it_changes(tmp_path):
    theme.write(tmp_path, {"primary": "#3a2a6b", "accent": "#8a1538", "link": "#3a2a6b"})
    css = tmp_path / "assets" / "kleuren.css"
    assert css.read_text(encoding="utf-8") == (
        "/* Generated from extra.toolkit.colors in mkdocs.yml by macros/site/theme.py; do not edit. */\n:root {\n"
        "  --toolkit-primary: #3a2a6b;\n  --toolkit-accent: #8a1538;\n  --toolkit-link: #3a2a6b;\n}\n")
    before = css.stat().st_mtime_ns
    css.touch()
    touched = css.stat().st_mtime_ns
    theme.write(tmp_path, {"primary": "#3a2a6b", "accent": "#8a1538", "link": "#3a2a6b"})
    assert css.stat().st_mtime_ns == touched >= before  # unchanged: not rewritten, so `mkdocs serve` does not loop
