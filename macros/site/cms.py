"""Editing in the browser: Decap CMS at /admin/, its configuration generated from the content model.

The configuration (``admin/config.yml``) is derived, never hand-written: a folder collection per content kind
(macros/engine/kinds.py), and for every field of the kind's JSON Schema (content/schema/) a widget with the
schema's Dutch ``title`` as label, its ``description`` as hint, and its rules (required, pattern with the
schema's own ``x-message``, enum, minimum number of entries). Fields that name another part of the content
(themes, regions, sources, related items) are select widgets whose options are the ids the index knows, so an
editor can only pick what exists. What the form cannot express (a text block has exactly one kind) is checked
by `toolkit check` in CI on every pull request.

A point of a list is plain text or text with sub-points (common.schema.json ``list_item``); Decap edits a list
of one shape, so admin/toolkit.js reads every point as ``{text, points}`` and writes a point without
sub-points back as plain text: files keep their form.

Decap's own code (npm ``decap-cms``, pinned in package.json) is copied from node_modules/ into the site at build
time; no page outside /admin/ loads it, and it loads nothing from another host but the configured git host.
/admin/ needs ``'unsafe-eval'``; it gets a policy of its own (macros/publish/headers.py ``admin_policy``).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import yaml

from ..engine.index import Index
from ..engine.kinds import KINDS, Kind
from ..engine.load import LIST_FILES
from ..engine.schemas import SCHEMA_DIR, schemas_in

ADMIN = "admin"
"""The editor's folder in the built site."""

BUNDLE = Path("node_modules") / "decap-cms" / "dist"
"""Decap's browser bundle, relative to the project folder (npm ci): decap-cms.js and the chunks beside it."""

YAML_MODULE = Path("node_modules") / "yaml" / "browser" / "dist"
"""The YAML library admin/toolkit.js reads and writes the content files with (npm ``yaml``)."""

ASSETS = Path(__file__).parent / "admin"
"""The editor's own files: index.html, toolkit.js, toolkit.css (copied as they are)."""

LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
"""Where decap-server listens when an editor runs scripts/edit (used only when /admin/ is opened on this computer)."""

MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]
"""What the text editor offers: what the site's texts use; no headings, code or images."""

NESTING = 3
"""How deep the form offers sections inside sections (the schema allows any depth; the content uses two).
Deeper ones stay in the file as they are: Decap keeps what its form does not show."""

SELECT_FIELDS = {"themes": "themes", "regions": "regions", "source": "sources", "related": "refs", "from": "refs"}
"""Fields that name other content, by schema property name → the options they offer (see ``_options``)."""

BACKENDS = {
    "github": {"api_root": "https://api.github.com"},
    "gitlab": {"api_root": "https://gitlab.com/api/v4"},
    "gitea": {},
    "forgejo": {},
}
"""The git hosts a region can edit on, with the API Decap talks to when the settings give none."""

WORKFLOW = {"github", "gitlab", "forgejo"}
"""Backends with Decap's editorial workflow: every change becomes a pull (merge) request. Gitea has none."""

log = logging.getLogger("mkdocs.toolkit")


def config(index: Index, editor: dict, content_folder: str, site_url: str = "", schema_dir: Path = SCHEMA_DIR,
           list_files: tuple[str, ...] = ()) -> dict:
    """Decap's configuration (a dict, written as admin/config.yml).

    ``editor``: the extra.toolkit.editor settings (backend, repo, branch, base_url, api_root, app_id,
    auth_type, open_authoring); without a backend only local editing works (scripts/edit). ``content_folder``:
    the folder the collections edit, relative to the repository (``content``, or a region's ``regio``).
    ``list_files``: the stems of the list files in that folder (themes, regions, …: macros/engine/load.py
    LIST_FILES) that the collection "Lijsten" edits, one file each."""
    schemas = schemas_in(Path(schema_dir))
    options = _options(index)
    return {
        "locale": "nl",
        "backend": backend(editor),
        "local_backend": {"url": LOCAL_BACKEND},
        "publish_mode": "editorial_workflow" if editor.get("backend") in WORKFLOW else "simple",
        "media_folder": "docs/assets/uploads",  # required by Decap; the text editor offers no images
        **({"site_url": site_url, "display_url": site_url} if site_url else {}),
        "collections": [_collection(kind, index, schemas, options, content_folder) for kind in KINDS]
        + ([_lists(list_files, schemas, options, content_folder)] if list_files else []),
    }


def backend(editor: dict) -> dict:
    """The ``backend`` block for the region's git host; the local proxy when none is set."""
    name = editor.get("backend") or ""
    if not name:
        return {"name": "proxy", "proxy_url": LOCAL_BACKEND, "branch": editor.get("branch") or "main"}
    out = {"name": name, "repo": editor["repo"], "branch": editor.get("branch") or "main"}
    for key in ("base_url", "api_root", "app_id", "auth_type", "auth_endpoint"):
        if editor.get(key):
            out[key] = editor[key]
    if name == "gitlab" and editor.get("app_id") and "auth_type" not in out:
        out["auth_type"] = "pkce"
    if editor.get("open_authoring"):
        out["open_authoring"] = True
    return out


def connect_sources(editor: dict) -> list[str]:
    """The hosts /admin/ talks to besides its own: the git host's API and login (for the CSP's connect-src)."""
    name = editor.get("backend") or ""
    if not name:
        return []
    urls = [editor.get("api_root") or BACKENDS.get(name, {}).get("api_root", ""), editor.get("base_url") or ""]
    return sorted({_origin(url) for url in urls if url})


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/')[0]}"


# --- collections and fields ----------------------------------------------------------------------------------

def _collection(kind: Kind, index: Index, schemas: dict, options: dict, content_folder: str) -> dict:
    schema = schemas[f"{kind.schema}.schema.json"]
    numbers = [int(item_id[:2]) for item_id in index.items.get(kind.folder, {}) if item_id[:2].isdigit()]
    following = f"{max(numbers, default=0) + 1:02d}"
    fields = []
    for name, prop in schema["properties"].items():
        field = _field(name, prop, name in schema.get("required", []), schemas, "", options)
        if name == "id":  # `toolkit new`'s numbering rule: the next free number, then a short name
            field["default"] = f"{following}-"
            field["hint"] += (f" Het volgende vrije nummer is {following}; de id wordt ook de bestandsnaam en "
                              "is daarna niet meer te wijzigen.")
        fields.append(field)
    return {
        "name": kind.folder, "label": kind.plural, "label_singular": kind.singular,
        "description": schema.get("description", ""),
        "folder": f"{content_folder}/{kind.folder}", "extension": "yml", "format": "toolkit-yml",
        "create": True, "slug": "{{id}}", "identifier_field": "title", "summary": "{{id}}: {{title}}",
        "sortable_fields": ["id", "title"], "fields": fields,
    }


LIST_KEY = "entries"
"""A list file (themes.yml, …) is a list at its root; Decap edits a file as fields, so admin/toolkit.js reads
it as ``{entries: [...]}`` and writes the list back as it was."""


def _lists(stems: tuple[str, ...], schemas: dict, options: dict, content_folder: str) -> dict:
    """One file collection for the files that hold a list of entries (themes, regions, sources, …)."""
    files = []
    for stem in stems:
        schema = schemas[f"{LIST_FILES[stem]}.schema.json"]
        entries = _field(LIST_KEY, {"title": schema["title"], "description": schema.get("description", ""),
                                    **{k: v for k, v in schema.items() if k not in ("$schema", "$id", "title")}},
                         True, schemas, f"{LIST_FILES[stem]}.schema.json", options)
        files.append({"name": stem, "label": schema["title"], "file": f"{content_folder}/{stem}.yml",
                      "fields": [entries]})
    return {"name": "lijsten", "label": "Lijsten", "description": "Thema's, regio's, bronnen, begrippen en andere "
            "lijsten: één bestand per lijst.", "extension": "yml", "format": "toolkit-yml", "files": files}


def _field(name: str, prop: dict, required: bool, schemas: dict, file: str, options: dict) -> dict:
    """One schema property as a Decap field: label from its title, hint from its description."""
    node, file = _resolve(prop, schemas, file)
    out = {"name": name, "label": prop.get("title") or node.get("title") or name, "required": required,
           "hint": prop.get("description") or node.get("description") or ""}
    if name in SELECT_FIELDS:
        choices = options[SELECT_FIELDS[name]]
        out |= {"widget": "select", "options": choices, "multiple": node.get("type") == "array"}
        if out["multiple"] and node.get("minItems"):
            out["min"] = node["minItems"]
        return out
    return out | _widget(node, schemas, file, options)


def _widget(node: dict, schemas: dict, file: str, options: dict) -> dict:
    """The widget (and its own settings) for a resolved schema node."""
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    variants = node.get("anyOf") or []
    if variants:  # a list point: text, or text with sub-points; toolkit.js makes every point an object
        node, file = next(_resolve(v, schemas, file) for v in variants if _resolve(v, schemas, file)[0].get("type") == "object")
    kind = node.get("type")
    if kind == "boolean":
        return {"widget": "boolean", "default": False}
    if kind == "integer":
        return {"widget": "number", "value_type": "int", **({"min": node["minimum"]} if "minimum" in node else {})}
    if kind == "object":
        fields = [_field(n, p, n in node.get("required", []), schemas, file, options)
                  for n, p in node.get("properties", {}).items()]
        if node.get("maxProperties") == 1:  # a text block: one kind each (toolkit check says so otherwise)
            _optional(fields)
        return {"widget": "object", "collapsed": False, "fields": fields}
    if kind == "array":
        target, _, pointer = node.get("items", {}).get("$ref", "").partition("#")
        ref = f"{target or file}#{pointer}" if pointer else ""
        depth = options.get("_depth", {}).get(ref, 0)
        if ref and depth >= NESTING:
            return {"widget": "hidden"}
        options = {**options, "_depth": {**options.get("_depth", {}), ref: depth + 1}} if ref else options
        item, item_file = _resolve(node.get("items", {}), schemas, file)
        out = {"widget": "list", **({"min": node["minItems"]} if node.get("minItems") else {})}
        inner = _widget(item, schemas, item_file, options)
        if inner["widget"] == "object":
            return out | {"fields": inner["fields"], "collapsed": True}
        return out | {"field": {"name": "punt", "label": item.get("title") or "Punt", **inner}}
    if kind == "string" and node.get("contentMediaType") == "text/markdown":
        return {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": []}
    out = {"widget": "string"}
    if "pattern" in node and node["pattern"] != "\\S":
        message = node.get("x-message", "heeft niet de goede vorm").replace("'{value}'", "Deze waarde")
        out["pattern"] = [node["pattern"], message[0].upper() + message[1:] + "."]
    return out


def _optional(fields: list[dict]) -> None:
    """Make ``fields`` and every field inside them optional: Decap checks the fields inside a block the editor
    left empty too. What a used block misses, `toolkit check` reports in CI."""
    for field in fields:
        field["required"] = False
        _optional(field.get("fields", []))
        if "field" in field:
            _optional([field["field"]])


def _resolve(node: dict, schemas: dict, file: str) -> tuple[dict, str]:
    """``node`` with its ``$ref`` followed (also chains): the node it points to, and the file it is in."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        found = schemas[file] if file else {}
        for part in [p for p in pointer.split("/") if p]:
            found = found[part]
        node = {**found, **{k: v for k, v in node.items() if k not in ("$ref", "title", "description")}}
    return node, file


def _options(index: Index) -> dict[str, list[dict]]:
    """What the select fields offer: every theme, region and source, and every referable item and section."""
    def named(table: dict, key: str) -> list[dict]:
        return [{"label": entry.get(key) or entry_id, "value": entry_id} for entry_id, entry in table.items()]

    refs = []
    for kind in KINDS:
        if not kind.referable:
            continue
        for item in index.items.get(kind.folder, {}).values():
            refs.append({"label": f"{kind.singular}: {item.title}", "value": item.ref})
            refs += [{"label": f"{kind.singular}: {item.title} › {section.title}", "value": section.ref}
                     for section in item.sections.values()]
    return {"themes": named(index.themes, "title"), "regions": named(index.regions, "name"),
            "sources": named(index.sources, "title"), "refs": refs}


# --- writing /admin/ -----------------------------------------------------------------------------------------

def write(conf, options, index: Index) -> None:
    """Post-build writer (macros/site/outputs.py): /admin/ with the generated config, the editor's own files and
    Decap's bundle. Not in the offline copy (editing needs a server). Without the npm packages (`npm ci`), the
    site is built without /admin/ and the log says how to add it."""
    from .config import offline

    root = Path(conf["config_file_path"]).resolve().parent
    if offline(conf):
        return
    if not (root / BUNDLE / "decap-cms.js").is_file() or not (root / YAML_MODULE).is_dir():
        log.info("Geen editor in /admin/: de npm-pakketten ontbreken; draai 'npm ci --omit=dev' in %s.", root)
        return
    target = Path(conf["site_dir"]) / ADMIN
    target.mkdir(parents=True, exist_ok=True)
    (target / "config.yml").write_text(config_text(index, options, root, conf.get("site_url") or ""), encoding="utf-8")
    styles = sorted(p.relative_to(target.parent).as_posix() for p in (target.parent / "assets" / "stylesheets").glob("main.*.css"))
    styles += [css for css in conf.get("extra_css") or [] if isinstance(css, str)]
    for source in sorted(ASSETS.iterdir()):
        text = source.read_text(encoding="utf-8")
        if source.name == "index.html":
            text = text.replace("{{ editor }}", "on" if options.editor.get("backend") else "local")
            text = text.replace("{{ styles }}", " ".join(f"../{css}" for css in styles))
        (target / source.name).write_text(text, encoding="utf-8")
    for source in sorted((root / BUNDLE).iterdir()):  # the bundle, the chunks it may load, and its .wasm
        if (source.name.endswith("decap-cms.js") or source.suffix == ".wasm") and not _same(source, target / source.name):
            shutil.copyfile(source, target / source.name)
    shutil.copytree(root / YAML_MODULE, target / "yaml", dirs_exist_ok=True)


def config_text(index: Index, options, root: Path, site_url: str = "") -> str:
    """admin/config.yml for the project in ``root``: the collections edit content/, or in a region's copy (with
    mkdocs.regio.yml) the region's own folder."""
    from ..cli import REGION_CONFIG, site_config

    region = site_config(root).name == REGION_CONFIG.name
    content = Path(options.overlay if region and options.overlay else options.content).resolve()
    folder = content.relative_to(root).as_posix() if content.is_relative_to(root) else content.name
    return ("# Gemaakt uit macros/engine/kinds.py en content/schema/ (door de build en 'toolkit cms'): niet met de hand "
            "wijzigen.\n" + yaml.safe_dump(config(index, options.editor, folder, site_url, list_files=tuple(
                stem for stem in LIST_FILES if (content / f"{stem}.yml").is_file())),
                allow_unicode=True, sort_keys=False, width=120))


def _same(source: Path, target: Path) -> bool:
    """Already copied: `mkdocs serve` rebuilds after every save, and the bundle is 5 MB."""
    return target.is_file() and target.stat().st_size == source.stat().st_size and \
        target.stat().st_mtime >= source.stat().st_mtime
