"""A bare Material site to compare with: same pages, same theme settings, plain Markdown, no macros.

Each page of the real site becomes a page at the same path with plain Markdown (headings,
paragraphs, bullet lists of words taken from the real content) of the same length as the real
page's rendered Markdown. The configuration keeps the real site's theme (language, font, palette,
features), search plugin, Markdown extensions, nav and not_in_nav; it drops the macros plugin, the
theme overrides and the extra CSS/JS. So real/bare is what the content layer costs on top of
Material for the same amount of text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

THEME_KEYS = ("name", "language", "font", "palette", "features")


def make(dest: Path, project: Path, sizes: dict[str, int]) -> Path:
    """Write the bare site's mkdocs.yml and docs/ to ``dest``; sizes: docs path → Markdown length."""
    real = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": real["site_name"],
        "site_url": real.get("site_url"),
        "theme": {k: real["theme"][k] for k in THEME_KEYS if k in real["theme"]},
        "plugins": [p for p in real.get("plugins", []) if _plugin_name(p) == "search"],
        "markdown_extensions": real.get("markdown_extensions", []),
        "validation": real.get("validation", {}),
        "not_in_nav": real.get("not_in_nav", ""),
        "nav": real.get("nav"),
    }
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump({k: v for k, v in config.items() if v is not None},
                                                    allow_unicode=True, sort_keys=False), encoding="utf-8")
    words = _words(project / "content")
    rng = random.Random(6)
    for rel, size in sorted(sizes.items()):
        path = dest / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(rng, words, max(size, 200)), encoding="utf-8")
    return dest


def _plugin_name(plugin) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def _words(content: Path) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(content.rglob("*.yml")))
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]+", text) if len(w) > 1]
    return words or ["tekst"]


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    out = " ".join(rng.choice(words) for _ in range(n))
    return out[0].upper() + out[1:] + "."


def _page(rng: random.Random, words: list[str], size: int) -> str:
    parts = [f"# {_sentence(rng, words, 4)[:-1]}"]
    length, block = len(parts[0]), 0
    while length < size:
        block += 1
        if block % 4 == 0:
            part = f"## {_sentence(rng, words, rng.randint(2, 5))[:-1]}"
        elif block % 5 == 0:
            part = "\n".join(f"- {_sentence(rng, words, rng.randint(6, 14))}" for _ in range(rng.randint(3, 6)))
        else:
            part = " ".join(_sentence(rng, words, rng.randint(8, 18)) for _ in range(rng.randint(2, 4)))
        parts.append(part)
        length += len(part) + 2
    return "\n\n".join(parts) + "\n"
