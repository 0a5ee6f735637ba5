"""The fast layer: render functions, helpers and `toolkit` commands called in-process, on the mini content
(tests/fixtures/mini-content) or on small hand-made data. No MkDocs build, no subprocess, no browser."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from macros.site.render import paging
from macros.engine import load_index
from macros.engine.index import Index
from macros.engine.validate import SCHEMA_DIR

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini-content"


@pytest.fixture(scope="session")
def mini() -> Index:
    """The index of the mini content, as the site layer gets it (read only: every test shares it)."""
    return load_index(MINI)


def write_yaml(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def make_index(tmp_path, monkeypatch) -> Callable[..., Index]:
    """An index of a copy of the mini content after ``change(content_dir)``; ``sizes`` overrides page sizes
    of macros/site/render/paging.py (e.g. ``{"tips": 2}``), so that a list of a few items runs over several pages."""

    def make(change: Callable[[Path], None] = lambda content: None, sizes: dict | None = None) -> Index:
        content = tmp_path / "content"
        if content.exists():
            shutil.rmtree(content)
        shutil.copytree(MINI, content)
        change(content)
        for key, size in (sizes or {}).items():
            monkeypatch.setitem(paging.PAGE_SIZE, key, size)
        return load_index(content)

    return make


def add_tips(content: Path, count: int, group: str = "aandacht") -> None:
    """``count`` more tips (02-tip-1, 02-tip-2, …) after the mini content's own."""
    for n in range(1, count + 1):
        write_yaml(content / "tips" / f"02-tip-{n}.yml",
                   {"id": f"02-tip-{n}", "title": f"Tip {n}", "group": group, "text": f"Tekst van tip {n}.",
                    "themes": ["privacy"], "source": "voorbeeldbron"})


@pytest.fixture
def content(project) -> Path:
    """The project folder with the mini content (and its schemas) in content/."""
    shutil.copytree(MINI, project / "content")
    shutil.copytree(SCHEMA_DIR, project / "content" / "schema")
    return project
