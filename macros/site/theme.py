"""Site colours from configuration: checked for contrast, written to the stylesheet the site loads.

A region sets ``extra.toolkit.colors`` (primary, accent, link) in mkdocs.yml; this module writes them
as CSS variables to docs/assets/kleuren.css (generated, ignored by git), which mkdocs.yml loads after
overrides/assets/toolkit.css. A colour that white text (or a link on white) cannot be read on is
refused, so a region cannot make the site fail WCAG AA by configuration.
"""

from __future__ import annotations

import re
from pathlib import Path

DEFAULTS = {"primary": "#0b4f6c", "accent": "#9c0f5f", "link": "#0a5a7d"}
"""The national colours; link defaults to the primary colour when a region sets only that."""

MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for normal text: white on primary (header), primary/link/accent text on white."""

CSS_FILE = "assets/kleuren.css"
_HEX_RE = re.compile(r"^#([0-9a-fA-F]{6})$")


def colors(configured: dict | None) -> tuple[dict[str, str], list[str]]:
    """The colours to use and the problems with the configured ones (Dutch, one line each)."""
    configured = dict(configured or {})
    unknown = sorted(set(configured) - set(DEFAULTS))
    problems = [f"extra.toolkit.colors.{name}: onbekende kleur; gebruik primary, accent of link" for name in unknown]
    chosen = dict(DEFAULTS)
    if "primary" in configured and "link" not in configured:
        chosen["link"] = configured["primary"]
    for name in DEFAULTS:
        if name not in configured:
            continue
        value = str(configured[name])
        found = color_problems(name, value)
        problems += [f"extra.toolkit.colors.{name}: {problem}" for problem in found]
        if not found:
            chosen[name] = value.lower()
    return chosen, problems


def color_problems(name: str, value: str) -> list[str]:
    """Why ``value`` cannot be the colour ``name`` (Dutch; empty when it can): not "#rrggbb", or too
    little contrast with white."""
    if not _HEX_RE.match(value):
        return [f"'{value}' is geen kleur; schrijf zes hexadecimale cijfers, zoals \"{DEFAULTS[name]}\" "
                "(tussen aanhalingstekens)"]
    ratio = contrast(value, "#ffffff")
    if ratio < MIN_CONTRAST:
        return [f"'{value}' heeft te weinig contrast met wit ({ratio:.1f}:1, minimaal {MIN_CONTRAST}:1); "
                "kies een donkerdere kleur"]
    return []


def write(docs_dir: Path, chosen: dict[str, str]) -> None:
    css = ("/* Generated from extra.toolkit.colors in mkdocs.yml by macros/site/theme.py; do not edit. */\n:root {\n"
           + "".join(f"  --toolkit-{name}: {value};\n" for name, value in chosen.items()) + "}\n")
    target = docs_dir / CSS_FILE
    if not target.exists() or target.read_text(encoding="utf-8") != css:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
