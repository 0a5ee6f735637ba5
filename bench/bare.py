"""Bare Material sites to compare with: the real site without its content layer.

Both kinds have every page of the real site at the same path, and the real site's mkdocs.yml
without the macros plugin: the same theme settings (including the template overrides in
``custom_dir``, logo and features), the same extra CSS/JS, search plugin, Markdown extensions, nav
and not_in_nav. Only the pages differ:

- ``same``: each page holds the Markdown the content engine renders for it (and its front matter),
  as an editor could have written it by hand, with the engine's abbreviations given to ``abbr``.
  real / same is what the content layer costs: the target.
- ``prose``: each page holds plain Markdown (headings, paragraphs, bullet lists of words taken from
  the real content) of the same length. same / prose is what richer pages (tables, cards, lists of
  links, checklists) cost Python-Markdown and MkDocs, whoever writes them.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

KINDS = ("same", "prose")


def make(dest: Path, project: Path, rendered: dict, kind: str) -> Path:
    """Write a bare site's mkdocs.yml, docs/ and template overrides to ``dest``.

    rendered: what ``bench/layer.py --pages`` wrote (glossary, and per docs path meta and markdown)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "macros"]
    config.pop("watch", None)  # the content engine's folders, which a bare site does not have
    if kind == "same":
        config["markdown_extensions"] = [{"abbr": {"glossary": rendered["glossary"]}} if e == "abbr" else e
                                         for e in config.get("markdown_extensions", [])]
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    custom_dir = config.get("theme", {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(project / custom_dir, dest / custom_dir)
    # Images, the colour stylesheet and other files the pages and extra_css use.
    shutil.copytree(project / "docs", dest / "docs", ignore=lambda _, names: [n for n in names if n.endswith(".md")])
    pages = rendered["pages"]
    if kind == "same":
        for rel, page in pages.items():
            meta = f"---\n{yaml.safe_dump(page['meta'], allow_unicode=True)}---\n\n" if page["meta"] else ""
            _write(dest / "docs" / rel, meta + page["markdown"])
        return dest
    words = _words(project / "content")
    rng = random.Random(6)
    for rel, page in sorted(pages.items()):
        _write(dest / "docs" / rel, _page(rng, words, max(len(page["markdown"]), 200)))
    return dest


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


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
