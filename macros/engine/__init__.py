"""The content engine: load → validate → resolve → index, usable without MkDocs."""

from __future__ import annotations

from pathlib import Path

from .index import Index, build
from .load import discover, load, shown_path, strays
from .problems import ContentError, Problem
from .validate import SCHEMA_DIR, schema_line, validate

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
"""The national content that ships with the toolkit."""


def check(content_dir: Path = CONTENT_DIR, schema_dir: Path = SCHEMA_DIR,
          overlay: Path | None = None) -> tuple[Index, list[Problem]]:
    """Load, validate and index all content; returns the index and every problem found.

    ``overlay`` is a region's own folder with the same layout as content/ (see README): its items
    are added, or replace a national item with the same file name, and its list entries are added
    to (or replace, by id) the national ones. Problems name the folder they are in."""
    content_dir = Path(content_dir).resolve()
    root = content_dir.parent
    problems: list[Problem] = []
    notes: list[Problem] = []  # not errors: the site builds the same (Index.notes)
    # The schemas an editor's first line should point at: the checked project's own, where it has them.
    editor_schemas = content_dir / "schema" if (content_dir / "schema").is_dir() else schema_dir
    documents: dict[str, list] = {}
    layers = [content_dir] + ([Path(overlay).resolve()] if overlay else [])
    for layer in layers:
        if not layer.is_dir():
            raise FileNotFoundError(f"map met inhoud niet gevonden: {layer}")
        problems += strays(layer, root)
        for kind, path in discover(layer):
            doc, found = load(path, shown_path(path, root), layer=layer.name)
            problems += found
            notes += schema_line(kind, doc, editor_schemas)
            if doc.data is not None:  # also after a duplicate key: the first value is kept and checked
                problems += _validate_once(kind, doc, schema_dir)
            documents.setdefault(kind, []).append((kind, doc))
    index, found = build(documents)
    problems += found
    index.notes += notes
    return index, sorted(set(problems))


def load_index(content_dir: Path = CONTENT_DIR, overlay: Path | None = None) -> Index:
    """The index of valid content; raises ContentError listing every problem otherwise."""
    index, problems = check(content_dir, overlay=overlay)
    if problems:
        raise ContentError(problems)
    return index


_checked: dict[tuple, tuple[str, list[Problem]]] = {}
"""(kind, file, its display name, layer, schema folder) → (text, problems) as last validated in this process, so that
`mkdocs serve`, which rebuilds after every save, re-validates only the files that changed."""


def _validate_once(kind: str, doc, schema_dir: Path) -> list[Problem]:
    key, text = (kind, str(doc.path), doc.display, doc.layer, str(schema_dir)), "\n".join(doc.lines)
    if key in _checked and _checked[key][0] == text:
        return _checked[key][1]
    problems = validate(kind, doc, schema_dir)
    _checked[key] = (text, problems)
    return problems
