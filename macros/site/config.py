"""Options of the toolkit, read from ``extra.toolkit`` in mkdocs.yml (one per line, each documented)."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin


@dataclass(frozen=True)
class Security:
    """The site's security.txt (RFC 9116), written by `toolkit headers`; read from ``extra.toolkit.security``."""

    contact: tuple[str, ...] = ()
    """Where to report a vulnerability: one or a list of mailto:, https: or tel: addresses. Without it, no security.txt."""

    expires: date | int = 180
    """When the file goes stale: a date (YYYY-MM-DD), or a number of days after `toolkit headers` runs. Default: 180."""

    preferred_languages: str = "nl, en"
    """Languages in which reports are read, comma-separated (RFC 5646 tags). Default: nl, en."""

    @classmethod
    def from_dict(cls, data) -> "Security":
        data = dict(data or {})
        contact = data.get("contact") or ()
        return cls(contact=(contact,) if isinstance(contact, str) else tuple(contact),
                   expires=data.get("expires", 180), preferred_languages=data.get("preferred_languages", "nl, en"))


@dataclass(frozen=True)
class License:
    """The licence of the content, named in the open data (macros/site/opendata.py) and on the Open data page;
    read from ``extra.toolkit.license``. Default: CC BY 4.0, which is what mkdocs.yml's copyright line says:
    free to use with attribution."""

    name: str = "CC BY 4.0"
    """The licence's short name, e.g. "CC BY 4.0"."""

    url: str = "https://creativecommons.org/licenses/by/4.0/deed.nl"
    """The licence's address (Creative Commons, as DCAT-AP-NL asks)."""

    @classmethod
    def from_dict(cls, data) -> "License":
        data = dict(data or {})
        return cls(name=data.get("name") or cls.name, url=data.get("url") or cls.url)


@dataclass(frozen=True)
class Options:
    content: Path
    """Folder with the national content (YAML); relative to mkdocs.yml. Default: content."""

    overlay: Path | None = None
    """A region's own content folder, same layout as content/; relative to mkdocs.yml. Default: regio (when it exists)."""

    region: str = ""
    """Name of the region whose copy this is, e.g. "Regio Twente"; shown on the home page and the colophon."""

    contact: dict = field(default_factory=dict)
    """The region's own contact block on the home page and the colophon: text, name, phone, email (all optional)."""

    national_contact: dict = field(default_factory=dict)
    """The national contact line of the toolkit (same fields as contact)."""

    show_national_contact: bool = True
    """Whether the national contact shows beside the region's own. Default: true."""

    colors: dict = field(default_factory=dict)
    """Site colours: primary, accent, link, as "#rrggbb"; checked for contrast (macros/site/theme.py)."""

    edit_base: str = ""
    """Where editors change files: repo_url + edit_uri without the docs folder, e.g.
    https://github.com/org/toolkit/edit/main/ . Empty when mkdocs.yml sets no repo_url."""

    security: Security = field(default_factory=Security)
    """security.txt for hosting the site: contact, expires, preferred_languages (see Security)."""

    license: License = field(default_factory=License)
    """The licence of the content and the open data under /data/: name, url (see License)."""

    editor: dict = field(default_factory=dict)
    """Editing in the browser at /admin/ (macros/site/cms.py): backend (github, gitlab, gitea or forgejo), repo
    ("organisatie/toolkit"), branch (default main), and where needed base_url (login), api_root (the host's
    API), app_id (the OAuth application, for PKCE login), auth_type, open_authoring. Without a backend only
    local editing works (scripts/edit)."""

    @classmethod
    def from_mkdocs(cls, conf) -> "Options":
        extra = dict(conf.get("extra") or {}).get("toolkit") or {}
        root = Path(conf["config_file_path"]).resolve().parent
        overlay = root / extra.get("overlay", "regio")
        edit_base = ""
        if conf.get("repo_url") and conf.get("edit_uri"):
            edit_base = urljoin(conf["repo_url"].rstrip("/") + "/", conf["edit_uri"])
            docs = Path(conf.get("docs_dir") or "docs").name + "/"
            edit_base = edit_base[: -len(docs)] if edit_base.endswith(docs) else edit_base
        return cls(content=root / extra.get("content", "content"), overlay=overlay if overlay.is_dir() else None,
                   region=str(extra.get("region") or ""), contact=dict(extra.get("contact") or {}),
                   national_contact=dict(extra.get("national_contact") or {}),
                   show_national_contact=bool(extra.get("show_national_contact", True)),
                   colors=dict(extra.get("colors") or {}), edit_base=edit_base, editor=dict(extra.get("editor") or {}),
                   security=Security.from_dict(extra.get("security")), license=License.from_dict(extra.get("license")))


def offline(conf) -> bool:
    """Whether MkDocs' config ``conf`` builds for opening from disk: Material's offline plugin is on
    (mkdocs-offline.yml)."""
    plugins = conf.get("plugins") or {}
    plugin = plugins.get("material/offline") if hasattr(plugins, "get") else None
    return bool(getattr(getattr(plugin, "config", None), "enabled", False))


# --- checking extra.toolkit ---------------------------------------------------------------------------

CONTACT_FIELDS = ("text", "name", "phone", "email")
"""The fields of a contact block (extra.toolkit.contact, extra.toolkit.national_contact)."""

SECURITY_FIELDS = ("contact", "expires", "preferred_languages")
"""The fields of extra.toolkit.security (see Security)."""

EDITOR_FIELDS = ("backend", "repo", "branch", "base_url", "api_root", "app_id", "auth_type", "auth_endpoint",
                 "open_authoring")
"""The fields of extra.toolkit.editor (see Options.editor)."""

LICENSE_FIELDS = ("name", "url")
"""The fields of extra.toolkit.license (see License)."""

_KINDS = {
    "tag:yaml.org,2002:str": "tekst", "tag:yaml.org,2002:int": "een getal", "tag:yaml.org,2002:float": "een getal",
    "tag:yaml.org,2002:bool": "een ja/nee-waarde", "tag:yaml.org,2002:null": "niets",
    "tag:yaml.org,2002:timestamp": "een datum",
}


def option_problems(config_file: Path) -> list:
    """Every problem with the ``extra.toolkit`` options of a mkdocs.yml, each naming its option in Dutch
    at its line and column (macros.problems.Problem), for `toolkit check` and the build alike.

    Reads the file's YAML nodes (so it knows what was typed: ``0201234567`` that YAML took for a
    number, a colour after ``#`` that YAML took for a comment); MkDocs' own tags such as !ENV are
    kept as they are. A file with ``INHERIT`` (a region's mkdocs.regio.yml) is merged with the file it
    inherits as MkDocs merges them (mappings key by key, the inheriting file winning), and each problem is
    reported in the file where its value stands. Raises OSError when a file cannot be read."""
    import yaml

    from . import theme
    from .cms import BACKENDS
    from ..engine.problems import Problem

    top = Path(config_file)
    problems: list[Problem] = []
    lines: dict[str, list[str]] = {}  # each file's lines by its display name, which its nodes' marks carry

    def compose(path: Path, seen: tuple):
        display = top.name if path == top else os.path.relpath(path, top.parent)
        text = path.read_text(encoding="utf-8-sig")
        lines[display] = text.splitlines()
        loader = yaml.SafeLoader(text)
        loader.name = display  # the marks of the nodes composed from here on name this file
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            problems.append(Problem(display, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                    f"{display} is geen geldige YAML: {err.problem}"))
            return None
        finally:
            loader.dispose()
        inherit = _child(node, "INHERIT")
        if inherit is None:
            return node
        name = _inherit_target(inherit)
        parent = path.parent / name if isinstance(name, str) else None
        mark = inherit.start_mark
        if parent is None or not parent.is_file():
            problems.append(Problem(display, mark.line + 1, mark.column + 1,
                                    f"INHERIT: het bestand '{name}' bestaat niet" if isinstance(name, str) else
                                    "INHERIT: verwacht de naam van een bestand, zoals mkdocs.yml"))
            return node
        if parent.resolve() in seen:
            problems.append(Problem(display, mark.line + 1, mark.column + 1,
                                    f"INHERIT: '{name}' verwijst (via via) terug naar dit bestand"))
            return node
        return _merge(compose(parent, seen + (parent.resolve(),)), node)

    root = compose(top, (top.resolve(),))

    def report(node, name: str, message: str):
        mark = node.start_mark if node is not None else None
        problems.append(Problem(mark.name if mark else top.name, mark.line + 1 if mark else 1,
                                mark.column + 1 if mark else 1,
                                f"extra.toolkit{'.' + name if name else ''}: {message}"))

    def kind(node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "een blok met velden"
        if isinstance(node, yaml.SequenceNode):
            return "een lijst"
        return _KINDS.get(node.tag, "iets anders")

    def comment_ate(node) -> bool:  # `primary: #0b4f6c`: YAML reads the colour as a comment
        mark = node.start_mark
        return node.tag.endswith(":null") and "#" in lines[mark.name][mark.line][mark.column:]

    def text_value(node, name: str, example: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            return node.value
        if isinstance(node, yaml.ScalarNode) and comment_ate(node):
            report(node, name, f"YAML leest alles na # als opmerking, dus hier staat niets; zet de waarde tussen "
                               f"aanhalingstekens: \"{example}\"")
        elif isinstance(node, yaml.ScalarNode) and node.value:
            report(node, name, f"verwacht tekst, maar YAML leest {node.value} als {kind(node)}; zet de waarde tussen "
                               f"aanhalingstekens: \"{node.value}\"")
        else:
            report(node, name, f"verwacht tekst, maar hier staat {kind(node)}")
        return None

    def fields(node, name: str, allowed: tuple) -> dict:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
                report(node, name, f"verwacht een blok met de velden {', '.join(allowed)}, maar hier staat {kind(node)}")
            return {}
        found = {}
        for key, value in node.value:
            if key.value not in allowed:
                report(key, f"{name}.{key.value}" if name else key.value, f"onbekend veld; mogelijk zijn {', '.join(allowed)}")
            else:
                found[key.value] = value
        return found

    extra = _child(root, "extra")
    toolkit = _child(extra, "toolkit") if extra is not None else None
    if toolkit is None:
        return problems
    names = [f.name for f in dataclasses.fields(Options) if f.name != "edit_base"] + ["national_contact"]
    options = fields(toolkit, "", tuple(dict.fromkeys(names)))
    for name in ("content", "overlay", "region"):
        if name in options:
            text_value(options[name], name, "…")
    root_dir = top.resolve().parent  # MkDocs reads paths relative to the file it was given, INHERIT or not
    if isinstance(options.get("content"), yaml.ScalarNode) and options["content"].tag.endswith(":str") \
            and not (root_dir / options["content"].value).is_dir():
        report(options["content"], "content", f"de map '{options['content'].value}' bestaat niet")
    for block in ("contact", "national_contact"):
        for field_name, value in fields(options.get(block), block, CONTACT_FIELDS).items():
            got = text_value(value, f"{block}.{field_name}", "06 1234 5678" if field_name == "phone" else "…")
            if got is not None and field_name == "email" and "@" not in got:
                report(value, f"{block}.{field_name}", f"'{got}' is geen e-mailadres")
    if "show_national_contact" in options:
        node = options["show_national_contact"]
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
            report(node, "show_national_contact", f"verwacht true of false, maar hier staat {kind(node)}")
    colors = fields(options.get("colors"), "colors", tuple(theme.DEFAULTS))
    for name, node in colors.items():
        value = text_value(node, f"colors.{name}", theme.DEFAULTS[name])
        if value is not None:
            for problem in theme.color_problems(name, value):
                report(node, f"colors.{name}", problem)
    security = fields(options.get("security"), "security", SECURITY_FIELDS)
    contact = security.get("contact")
    for node in (contact.value if isinstance(contact, yaml.SequenceNode) else [contact] if contact is not None else []):
        if isinstance(contact, yaml.ScalarNode) and contact.tag.endswith(":null"):
            break
        value = text_value(node, "security.contact", "mailto:security@example.org")
        if value is not None and not value.startswith(("mailto:", "https://", "tel:")):
            report(node, "security.contact", f"'{value}' is geen adres; begin met mailto:, https:// of tel:")
    expires = security.get("expires")
    if expires is not None and not (isinstance(expires, yaml.ScalarNode) and (
            expires.tag.endswith(":timestamp") or (expires.tag.endswith(":int") and int(expires.value) > 0))):
        report(expires, "security.expires", f"verwacht een aantal dagen (zoals 180) of een datum (JJJJ-MM-DD), maar hier "
                                            f"staat {kind(expires)}")
    editor = fields(options.get("editor"), "editor", EDITOR_FIELDS)
    for name, node in editor.items():
        if name == "open_authoring":
            if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
                report(node, "editor.open_authoring", f"verwacht true of false, maar hier staat {kind(node)}")
            continue
        value = text_value(node, f"editor.{name}", "…")
        if value is not None and name == "backend" and value not in BACKENDS:
            report(node, "editor.backend", f"'{value}' kent de editor niet; kies uit {', '.join(BACKENDS)}")
        if value is not None and name in ("base_url", "api_root") and not value.startswith("https://"):
            report(node, f"editor.{name}", f"'{value}' is geen https-adres")
    if "backend" in editor and "repo" not in editor:
        report(options["editor"], "editor", "de editor heeft ook repo nodig: de repository als 'organisatie/naam'")
    if "preferred_languages" in security:
        text_value(security["preferred_languages"], "security.preferred_languages", "nl, en")
    for name, node in fields(options.get("license"), "license", LICENSE_FIELDS).items():
        value = text_value(node, f"license.{name}", "CC BY 4.0" if name == "name" else License.url)
        if value is not None and name == "url" and not value.startswith(("https://", "http://")):
            report(node, "license.url", f"'{value}' is geen adres; begin met https://, zoals {License.url}")
    return sorted(problems)


def inherited_files(config_file: Path) -> list[Path]:
    """A settings file and the files it INHERITs, in that order (a region's mkdocs.regio.yml, then
    mkdocs.yml), as far as they exist and can be read; a loop ends the chain."""
    import yaml

    chain = [Path(config_file)]
    while chain[-1].is_file():
        try:
            inherit = _child(yaml.compose(chain[-1].read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader), "INHERIT")
        except (yaml.YAMLError, OSError):
            break
        name = _inherit_target(inherit) if inherit is not None else None
        parent = chain[-1].parent / name if isinstance(name, str) else None
        if parent is None or not parent.is_file() or parent.resolve() in {p.resolve() for p in chain}:
            break
        chain.append(parent)
    return [path for path in chain if path.is_file()]


def _merge(parent, child):
    """Two YAML nodes merged as MkDocs merges a file with the one it INHERITs (mergedeep): mappings key by key,
    recursively; anything else, lists included, is the inheriting file's (``child``) value."""
    import yaml

    if not (isinstance(parent, yaml.MappingNode) and isinstance(child, yaml.MappingNode)):
        return parent if child is None else child
    def name(key):  # a key as a dict key: its text; a (rare) list or mapping as a key never matches another
        return key.value if isinstance(key, yaml.ScalarNode) else id(key)

    merged = {name(key): (key, value) for key, value in parent.value}
    for key, value in child.value:
        merged[name(key)] = (key, _merge(merged[name(key)][1], value) if name(key) in merged else value)
    return yaml.MappingNode(child.tag, list(merged.values()), child.start_mark, child.end_mark)


def _inherit_target(node):
    """The file name under INHERIT, as MkDocs reads it (also ``!ENV [VARIABLE, default]``); None if not a name."""
    import yaml

    if node.tag == "!ENV":
        from yaml_env_tag import construct_env_tag

        value = construct_env_tag(yaml.SafeLoader(""), node)
    elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
        value = node.value
    else:
        return None
    return value if isinstance(value, str) and value else None


def _child(node, key: str):
    """The value node under ``key`` in a mapping node (None when absent or not a mapping)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None
