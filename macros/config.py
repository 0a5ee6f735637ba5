"""Options of the toolkit, read from ``extra.toolkit`` in mkdocs.yml (one per line, each documented)."""

from __future__ import annotations

import dataclasses
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
    """Site colours: primary, accent, link, as "#rrggbb"; checked for contrast (macros/theme.py)."""

    edit_base: str = ""
    """Where editors change files: repo_url + edit_uri without the docs folder, e.g.
    https://github.com/org/toolkit/edit/main/ . Empty when mkdocs.yml sets no repo_url."""

    security: Security = field(default_factory=Security)
    """security.txt for hosting the site: contact, expires, preferred_languages (see Security)."""

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
                   colors=dict(extra.get("colors") or {}), edit_base=edit_base,
                   security=Security.from_dict(extra.get("security")))


# --- checking extra.toolkit ---------------------------------------------------------------------------

CONTACT_FIELDS = ("text", "name", "phone", "email")
"""The fields of a contact block (extra.toolkit.contact, extra.toolkit.national_contact)."""

SECURITY_FIELDS = ("contact", "expires", "preferred_languages")
"""The fields of extra.toolkit.security (see Security)."""

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
    kept as they are. Raises OSError when the file cannot be read."""
    import yaml

    from . import theme
    from .problems import Problem

    text = Path(config_file).read_text(encoding="utf-8-sig")
    display = Path(config_file).name
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        return [Problem(display, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                        f"mkdocs.yml is geen geldige YAML: {err.problem}")]
    lines = text.splitlines()
    problems: list[Problem] = []

    def report(node, name: str, message: str):
        mark = node.start_mark if node is not None else None
        problems.append(Problem(display, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                f"extra.toolkit{'.' + name if name else ''}: {message}"))

    def kind(node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "een blok met velden"
        if isinstance(node, yaml.SequenceNode):
            return "een lijst"
        return _KINDS.get(node.tag, "iets anders")

    def comment_ate(node) -> bool:  # `primary: #0b4f6c`: YAML reads the colour as a comment
        return node.tag.endswith(":null") and "#" in lines[node.start_mark.line][node.start_mark.column:]

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
    root_dir = Path(config_file).resolve().parent
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
    if "preferred_languages" in security:
        text_value(security["preferred_languages"], "security.preferred_languages", "nl, en")
    return sorted(problems)


def _child(node, key: str):
    """The value node under ``key`` in a mapping node (None when absent or not a mapping)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None
